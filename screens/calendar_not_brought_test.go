package screens

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// A child's missed appointment in the appointment dialog: "Was not
// brought", the letter to the parent or carer (refused, with the record
// offered, while none is named), and the safeguarding prompt.
func TestAppointmentDialogForAChildNotBrought(t *testing.T) {
	tpHoldResults(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	child := tpAdd(t, c, "Ruby", "Shaw", "2021-03-14", cdAddressed) // five on ctDay
	a, _, err := c.Book(app.BookingRequest{PatientID: child.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	ctClinicClockOn(c, ctDay, 12, 30)
	s, w := ctScreen(t, c)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 12, 30, 0, 0, ukcal.London()) }
	dt := cdOpen(t, s, a.ID)
	if dt.statusButton[schedule.StatusDNA].Text != "Was not brought" {
		t.Fatalf("the missed button for a child reads %q", dt.statusButton[schedule.StatusDNA].Text)
	}
	test.Tap(dt.statusButton[schedule.StatusDNA])
	tpIdle(t)
	for _, want := range []string{"Recorded that Ruby was not brought", "send the letter to the parent or carer",
		"names no parent or carer: add one"} {
		if !strings.Contains(dt.message.Text, want) {
			t.Errorf("after marking, the dialog says %q; want %q", dt.message.Text, want)
		}
	}
	if !strings.HasPrefix(dt.status.Text, "Status: Was not brought") {
		t.Errorf("status line %q", dt.status.Text)
	}
	b := cdButton(w, dt, "Print the letter to the parent or carer")
	if b == nil {
		t.Fatalf("no button for the letter to the parent or carer: %q", tpTexts(w))
	}
	test.Tap(b)
	tpIdle(t)
	if !strings.Contains(dt.message.Text, "not to the child") || cdButton(w, dt, "Open the record") == nil {
		t.Fatalf("without a parent or carer: %q, buttons %q", dt.message.Text, tpTexts(w))
	}
	if letters, _ := c.PatientLetters(child.ID); len(letters) != 0 {
		t.Fatalf("a letter was made to nobody: %+v", letters)
	}

	// The prompt to consider safeguarding is in the dialog; a blank note
	// is refused where it is typed; a note closes it.
	if !tpShows(w, "Consider safeguarding") || cdButton(w, dt, "Acknowledge") == nil {
		t.Fatalf("no safeguarding prompt: %q", tpTexts(w))
	}
	test.Tap(cdButton(w, dt, "Acknowledge"))
	tpIdle(t)
	if !strings.Contains(dt.safeguarding.problem.Text, "Say what you decided") {
		t.Fatalf("a blank acknowledgement: %q", dt.safeguarding.problem.Text)
	}
	tpType(t, w, dt.safeguarding.noteBox, "No concerns: spoke to mum")
	test.Tap(cdButton(w, dt, "Acknowledge"))
	tpIdle(t)
	if !tpShows(w, "Safeguarding considered") || !strings.Contains(strings.Join(tpTexts(w), "|"), "No concerns: spoke to mum") {
		t.Fatalf("after acknowledging: %q", tpTexts(w))
	}
	dt.close()

	// With her mother on the record, the letter is made and titled for her.
	child.ParentCarer = patients.ParentCarer{Title: "Mrs", Forenames: "Hannah", Surname: "Shaw", Relationship: "Mother"}
	if _, err := c.UpdatePatient(child, app.PatientOptions{AllowPseudoPostcode: true}); err != nil {
		t.Fatal(err)
	}
	dt = cdOpen(t, s, a.ID)
	if !strings.HasPrefix(dt.status.Text, "Status: Was not brought") {
		t.Errorf("reopened, the status line is %q", dt.status.Text)
	}
	b = cdButton(w, dt, "Print the letter to the parent or carer")
	if b == nil {
		t.Fatalf("reopened, no letter to the parent or carer: %q", tpTexts(w))
	}
	test.Tap(b)
	tpIdle(t)
	if got := cdTopDialogTitle(w); got != "The letter to the parent or carer" {
		t.Fatalf("after the tap the dialog on top is %q (the dialog says %q)", got, dt.message.Text)
	}
}

// Before it starts, a child's appointment says when she can be marked not
// brought, in those words.
func TestAppointmentDialogSaysWhenAChildCanBeMarkedNotBrought(t *testing.T) {
	tpHoldResults(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	child := tpAdd(t, c, "Ruby", "Shaw", "2021-03-14")
	a, _, err := c.Book(app.BookingRequest{PatientID: child.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ctScreen(t, c)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, ukcal.London()) }
	dt := cdOpen(t, s, a.ID)
	if !strings.Contains(dt.statusTiming.Text, "not brought from") || strings.Contains(dt.statusTiming.Text, "did not attend") {
		t.Fatalf("timing note: %q", dt.statusTiming.Text)
	}
}
