package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Today lists a child not brought until the prompt is acknowledged, for
// a manager or clinician; a receptionist does not get the panel.
func TestTodayShowsSafeguardingPromptsUntilAcknowledged(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	child := tpAdd(t, c, "Ruby", "Shaw", "2021-03-14")
	a, _, err := c.Book(app.BookingRequest{PatientID: child.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	ctClinicClockOn(c, ctDay, 12, 30)
	if _, err := c.SetStatus(a.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	_, w, _ := tcToday(t, c)
	for _, want := range []string{"Ruby Shaw", "Not brought Tue 24 Nov 10:00; the first missed appointment", "Consider whether there is a safeguarding concern"} {
		if !tpShows(w, want) {
			t.Fatalf("Today does not show %q: %q", want, tpTexts(w))
		}
	}
	tcTap(t, w, "Acknowledge…")
	tpIdle(t)
	tcTap(t, w, "Acknowledge") // nothing typed: refused in the dialog, which stays
	tpIdle(t)
	if !tcShows(w, "Say what you decided") {
		t.Fatalf("a blank acknowledgement was not refused: %q", tpTexts(w))
	}
	open, _ := c.SafeguardingPrompts()
	if len(open) != 1 {
		t.Fatalf("open prompts: %d", len(open))
	}
	var note *widget.Entry
	for _, o := range tcVisible(w) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "e.g. No concerns: mum says the car broke down" {
			note = e
		}
	}
	if note == nil {
		t.Fatal("the dialog has no box for the note")
	}
	tpType(t, w, note, "Referred to the safeguarding lead")
	tcTap(t, w, "Acknowledge")
	tpIdle(t)
	if open, _ := c.SafeguardingPrompts(); len(open) != 0 {
		t.Fatalf("still open: %+v", open)
	}
	if tpShows(w, "the first missed appointment") {
		t.Fatalf("the panel stays after the prompt was acknowledged: %q", tpTexts(w))
	}

	// A receptionist's Today has no panel.
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	d2 := tpAdd(t, c, "Alfie", "Shaw", "2019-05-01")
	b, _, err := c.Book(app.BookingRequest{PatientID: d2.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(11 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetStatus(b.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if tpShows(w, "the first missed appointment") || tpShows(w, "Consider whether there is a safeguarding concern") {
		t.Fatalf("a receptionist sees the safeguarding panel: %q", tpTexts(w))
	}
}
