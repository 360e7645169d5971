package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2/test"
)

// TestTimelineHidesLetterFingerprintsUntilAsked: a letter printed shows on
// the timeline by its title, without its SHA-256 (64 hex digits mean
// nothing at the desk); "Show fingerprint" shows the whole of it, to check
// a printed copy against the log, and "Hide fingerprint" puts it away.
func TestTimelineHidesLetterFingerprintsUntilAsked(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01", func(p *patients.Patient) {
		p.Address = patients.Address{Line1: "3 Mill Lane", Town: "York", Postcode: "YO1 7AB"}
	})
	if _, err := c.RenderLetter(app.LetterRequest{Template: "general", PatientID: p.ID,
		Text: app.LetterText{Subject: "Your exercise plan", Body: "Please find your plan enclosed."}}); err != nil {
		t.Fatal(err)
	}
	logged, err := c.PatientLetters(p.ID)
	if err != nil || len(logged) != 1 || len(logged[0].SHA256) != 64 {
		t.Fatalf("the letter log: %+v %v", logged, err)
	}
	sum := logged[0].SHA256

	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabTimeline)
	if !tpShows(w, "Letter printed: General letter") {
		t.Fatalf("the letter is not on the timeline: %q", tpTexts(w))
	}
	for _, text := range tpTexts(w) {
		if strings.Contains(text, sum[:16]) {
			t.Errorf("the timeline shows the fingerprint before it is asked for: %q", text)
		}
	}
	tcTap(t, w, "Show fingerprint")
	if !tpShows(w, sum) {
		t.Fatalf("\"Show fingerprint\" did not show the whole SHA-256 %s: %q", sum, tpTexts(w))
	}
	tcTap(t, w, "Hide fingerprint")
	if tpShows(w, sum[:16]) {
		t.Error("\"Hide fingerprint\" left it showing")
	}
}
