package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestManagerSavesTheEnvelopeWindow(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tab, _ := ltTab(t, c)
	wc := tab.window
	if wc == nil {
		t.Fatal("a manager is not offered the envelope window")
	}
	if wc.left.Text != "20" || wc.top.Text != "50" || wc.width.Text != "90" || wc.height.Text != "35" {
		t.Fatalf("the fields do not start at the DL window: %q %q %q %q", wc.left.Text, wc.top.Text, wc.width.Text, wc.height.Text)
	}

	wc.left.SetText("25")
	wc.top.SetText("55")
	test.Tap(wc.saveButton)
	want := letters.Window{Left: 25, Top: 55, Width: 90, Height: 35}
	if got, err := c.LetterWindow(); err != nil || got != want {
		t.Fatalf("saved window %+v (%v), want %+v; problem %q", got, err, want, wc.problem.Text)
	}

	wc.left.SetText("abc")
	wc.height.SetText("35.25")
	wc.top.SetText("60.5")
	test.Tap(wc.saveButton)
	if !wc.problem.Visible() || !strings.Contains(wc.problem.Text, "From the left edge: write a number of millimetres") ||
		!strings.Contains(wc.problem.Text, "Height:") || strings.Contains(wc.problem.Text, "From the top edge") {
		t.Fatalf("bad input is not named in plain words: %v %q", wc.problem.Visible(), wc.problem.Text)
	}
	if got, _ := c.LetterWindow(); got != want {
		t.Fatalf("bad input changed the window to %+v", got)
	}

	test.Tap(wc.resetButton)
	if got, _ := c.LetterWindow(); got != letters.DefaultWindow || wc.left.Text != "20" || wc.problem.Visible() {
		t.Fatalf("reset gave %+v, left field %q, problem %q", got, wc.left.Text, wc.problem.Text)
	}
}

func TestReceptionistDoesNotSeeTheEnvelopeWindow(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	tab, _ := ltTab(t, c)
	if tab.window != nil {
		t.Fatal("a receptionist who only prints letters is offered the envelope window")
	}
	if tab.day == nil {
		t.Fatal("the receptionist lost the day's printing")
	}
}

// fgPrintMenu is the Calendar's print button and the items its menu offers.
func fgPrintMenu(s *calendarScreen) []string {
	if s.printButton == nil {
		return nil
	}
	var items []string
	for _, it := range calendarPrintMenu(s.ctx, func() ukcal.Date { return s.date }).Items {
		items = append(items, it.Label)
	}
	return items
}

func TestCalendarPrintMenuIsForThoseWhoPrintLetters(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ctSetUp(t, c)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	s, w := ctScreen(t, c)
	want := []string{printDayListsItem, printDaySlipsItem, printRemindersItem}
	if got := fgPrintMenu(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("receptionist's print menu %q, want %q", got, want)
	}
	if s.printButton.Text != "" {
		t.Errorf("the print button has text %q: it should be an icon, to keep the toolbar narrow", s.printButton.Text)
	}

	// At 1120 px the button is on the window, not pushed off its edge.
	w.Resize(fyne.NewSize(1120, 800))
	s.content.Refresh()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.printButton)
	if !s.printButton.Visible() || pos.X+s.printButton.Size().Width > 1120 {
		t.Errorf("print button at %v, %v wide, in a 1120 px window", pos, s.printButton.Size().Width)
	}

	overlays := len(w.Canvas().Overlays().List())
	test.Tap(s.printButton)
	top := w.Canvas().Overlays().Top()
	if len(w.Canvas().Overlays().List()) != overlays+1 {
		t.Fatal("tapping Print showed no menu")
	}
	top.Hide()

	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatal(err)
	}
	tpSignInAs(t, c, "drlee", app.Clinician)
	s, _ = ctScreen(t, c)
	if got := fgPrintMenu(s); got != nil {
		t.Fatalf("a clinician is offered printing: %q", got)
	}
}

func TestComplaintDetailsCanBeCorrected(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Joan", "O'Neill", "1950-03-04")
	tpSignInAs(t, c, "rjones", app.Receptionist)
	rec := tkLog(t, c, p, tkDaysAgo(2))
	s, w, _ := tkScreen(t, c)
	s.openFile(rec.ID)
	tpIdle(t)

	tcTap(t, w, "Edit details…")
	tpIdle(t)
	f := s.file.form
	if f == nil || f.description.Text != "Kept waiting 50 minutes." || f.patient.id() != p.ID {
		t.Fatalf("the edit form is not filled with the complaint: %+v", f)
	}
	f.description.SetText("Kept waiting 70 minutes, then sent home.")
	tcTap(t, w, "Save changes")
	tpIdle(t)

	if s.file.form != nil {
		t.Fatalf("the form is still shown: %q", f.problem.Text)
	}
	got, err := c.Complaint(rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Description != "Kept waiting 70 minutes, then sent home." || got.PatientID != p.ID || got.Received != rec.Received ||
		len(got.Subjects) != 1 || len(got.StaffGroups) != 1 {
		t.Fatalf("saved details %+v", got.ComplaintDetails)
	}
	if !tpShows(w, "Kept waiting 70 minutes, then sent home.") || !tpShows(w, rec.Reference+": the details are saved.") {
		t.Fatalf("the file does not show the correction: %q", tpTexts(w))
	}
}
