package screens

import (
	"testing"

	"clinicdesk/app"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSuccessBannerClearsOnTheNextScreen: "Note added." goes when the
// receptionist moves to another tab of the record, "has been deleted" goes
// when she starts the next search, and what was said on one screen goes
// when she changes screen; a problem still to be dealt with stays.
func TestSuccessBannerClearsOnTheNextScreen(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	gone := tpAdd(t, c, "Oliver", "Brandt", "1975-06-01")
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: c, Screen: patientsModuleID, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	w := u.Window()
	tpIdle(t)
	s, ok := u.shell.shownContent().(*patientsScreen)
	if !ok {
		t.Fatalf("the shell opened on %T", u.shell.shownContent())
	}

	// A note added, then on to the timeline.
	s.openRecord(p.ID)
	tpIdle(t)
	r := s.record
	r.selectTab(recordTabNotes)
	tpType(t, w, r.noteEntry, "Prefers morning appointments")
	tcTap(t, w, "Add note")
	tpIdle(t)
	if !tpShows(w, "Note added.") {
		t.Fatalf("no success message after adding the note: %q", tpTexts(w))
	}
	r.selectTab(recordTabTimeline) // as a click on the tab does
	if tpShows(w, "Note added.") || r.status.Visible() {
		t.Error("\"Note added.\" stayed up on the Timeline tab")
	}

	// A problem is not cleared by moving on: it still needs dealing with.
	r.say(widget.DangerImportance, "The record's history could not be read.")
	r.selectTab(recordTabDetails)
	if !r.status.Visible() {
		t.Error("a problem was cleared by changing tab")
	}

	// A record deleted, then the next search.
	s.openRecord(gone.ID)
	tpIdle(t)
	s.record.delete(app.DeleteConfirmation(gone))
	tpIdle(t)
	if !s.message.Visible() || !tpShows(w, "has been deleted") {
		t.Fatalf("no message after deleting: %q", tpTexts(w))
	}
	tpType(t, w, s.search, "tay")
	if s.message.Visible() || tpShows(w, "has been deleted") {
		t.Error("\"has been deleted\" stayed up through the next search")
	}

	// A success said on one screen is gone once another is opened.
	say(s.message, widget.SuccessImportance, "Imported 3 patients.")
	u.shell.openID("complaints")
	tpIdle(t)
	if s.message.Visible() {
		t.Error("a success message outlived the change of screen")
	}

	// In Complaints, "C-2026-001 moved on" goes when a complaint is opened.
	cs, ok := u.shell.shownContent().(*complaintsScreen)
	if !ok {
		t.Fatalf("complaints opened as %T", u.shell.shownContent())
	}
	say(cs.message, widget.SuccessImportance, "C-2026-001 is closed.")
	cs.openNewForm()
	if cs.message.Visible() {
		t.Error("the register's success message stayed up when the next page opened")
	}
}

// On the calendar, "Booked." belongs to the day it was said on: moving to
// another day (the arrows, Today, the month) clears it; a problem stays.
func TestCalendarSuccessMessageClearsWhenTheDayChanges(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ctSetUp(t, c)
	s, _ := ctScreen(t, c)
	for name, move := range map[string]func(){
		"the next-day arrow": func() { s.step(1) },
		"Today":              s.goToday,
	} {
		s.said(widget.SuccessImportance, "Booked.")
		tpIdle(t)
		move()
		tpIdle(t)
		if s.message.Text == "Booked." {
			t.Errorf("\"Booked.\" stayed up after %s", name)
		}
	}
	s.said(widget.DangerImportance, "The appointment book could not be read.")
	s.step(1)
	tpIdle(t)
	if s.message.Text == "" {
		t.Error("a problem was cleared by changing day")
	}
}
