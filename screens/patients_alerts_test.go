package screens

import (
	"strings"
	"testing"

	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestAlertsColumnShowsTheAlertText: the patient list's "Alerts and
// needs" column says what a free-text alert says, not "Other", and an
// alert with a kind says both ("Violent warning: shouted at staff"). When
// the column cuts it short, the whole of it shows with the mouse over it
// or the keyboard's cursor on its row, and goes when they move away.
func TestAlertsColumnShowsTheAlertText(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	const wheelchair = "Uses a wheelchair: book the ground-floor room, allow extra time at the desk and keep the side door unlocked"
	tpAdd(t, c, "Rebecca", "Ackroyd", "2000-08-27", func(p *patients.Patient) {
		p.Alerts = []patients.Alert{{Kind: "other", Text: wheelchair}}
	})
	tpAdd(t, c, "Barry", "Ackroyd", "1976-06-30", func(p *patients.Patient) {
		p.Alerts = []patients.Alert{{Kind: "violent_warning", Text: "Shouted at staff"}}
	})
	s, w := tpScreen(t, c)
	w.Resize(fyne.NewSize(1280, 800))

	if !tpShows(w, "Violent warning: Shouted at staff") {
		t.Errorf("a kind of alert with words is not shown with both: %q", tpTexts(w))
	}
	if !tpShows(w, "Uses a wheelchair") {
		t.Errorf("the free-text alert's words are not in the list: %q", tpTexts(w))
	}
	for _, text := range tpTexts(w) {
		if text == "Other" || strings.HasPrefix(text, "Other ·") {
			t.Errorf("the list says %q for a free-text alert", text)
		}
	}

	// The mouse over the cut-short alert shows all of it.
	var cellOf *hoverCell
	for _, o := range tcVisible(w) {
		if h, ok := o.(*hoverCell); ok && strings.HasPrefix(h.label.Text, "Uses a wheelchair") {
			cellOf = h
		}
	}
	if cellOf == nil {
		t.Fatal("no alerts cell for Rebecca")
	}
	if !cellOf.cutShort() {
		t.Fatalf("the column (%v wide) did not cut the long alert short; the test needs a longer one", cellOf.Size().Width)
	}
	cellOf.MouseIn(nil)
	if got := s.alertsTip.shown(); got != wheelchair {
		t.Errorf("hovering shows %q, want the whole alert", got)
	}
	if !tpShows(w, wheelchair) {
		t.Error("the tip is not on the screen")
	}
	cellOf.MouseOut()
	if got := s.alertsTip.shown(); got != "" {
		t.Errorf("the tip stayed after the mouse left: %q", got)
	}

	// The keyboard's cursor on the row shows it too.
	row := -1
	for i, p := range s.results {
		if p.Forenames == "Rebecca" {
			row = i
		}
	}
	w.Canvas().Focus(s.list)
	s.list.cursor = row - 1
	tpKey(t, s.list, fyne.KeyDown)
	if got := s.alertsTip.shown(); got != wheelchair {
		t.Errorf("the cursor on Rebecca's row shows %q, want the whole alert", got)
	}
	w.Canvas().Focus(s.search)
	if got := s.alertsTip.shown(); got != "" {
		t.Errorf("the tip stayed after leaving the list: %q", got)
	}
}
