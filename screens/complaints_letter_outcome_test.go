package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tkEntryWithPlaceholder finds the visible text box showing placeholder.
func tkEntryWithPlaceholder(t *testing.T, w fyne.Window, placeholder string) *textBox {
	t.Helper()
	for _, o := range tcVisible(w) {
		if e, ok := o.(*textBox); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no text box %q on screen", placeholder)
	return nil
}

// The final response letter states the outcome: the dialog refuses to make
// it until one is chosen, and the one chosen is recorded on the complaint.
func TestFinalResponseLetterAsksForTheOutcome(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Siân", "Llywelyn-Wójcik", "1985-12-10", func(p *patients.Patient) {
		p.Title, p.Address.Line1, p.Address.Town, p.Address.Postcode = "Ms", "2 Heol y Bont", "Caerdydd", "CF10 1AB"
	})
	r := tkLog(t, c, p, tkDaysAgo(2))
	for _, to := range []complaints.Status{complaints.Acknowledged, complaints.Investigating} {
		if _, err := c.MoveComplaint(r.ID, to, "", "", ""); err != nil {
			t.Fatal(err)
		}
	}
	s, w, _ := tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	tcTap(t, w, "Final response")
	if s.file.dialog == nil {
		t.Fatal("no dialog for the final response letter")
	}
	if !tpShows(w, "The complaint, as the letter quotes it") {
		t.Errorf("the summary is still asked for as words that follow a sentence: %q", tpTexts(w))
	}
	tkEntryWithPlaceholder(t, w, "Who you spoke to and what you read").SetText("I read the diary.")
	tkEntryWithPlaceholder(t, w, "What was found, and whether the complaint is upheld").SetText("You waited 40 minutes.")
	tkEntryWithPlaceholder(t, w, "- One change per line, each starting with a dash").SetText("- We now tell patients.")
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	if s.file.lastLetter != nil || !tpShows(w, "Choose the outcome: the final response must say whether the complaint is upheld") {
		t.Fatalf("a final response with no outcome: %q", tpTexts(w))
	}
	if dir := os.Getenv("CLINICDESK_SCREENS_OUT"); dir != "" {
		if f, err := os.Create(filepath.Join(dir, "final-response-dialog.png")); err == nil {
			png.Encode(f, w.Canvas().Capture())
			f.Close()
		}
	}
	outcome := tkSelect(t, w, "Choose the outcome")
	outcome.SetSelected(complaints.NotUpheld.Label())
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	if s.file.lastLetter == nil {
		t.Fatalf("no letter made: %q", tpTexts(w))
	}
	f, err := c.Complaint(r.ID)
	if err != nil || f.Outcome != complaints.NotUpheld {
		t.Errorf("the outcome recorded is %q (%v)", f.Outcome, err)
	}
}
