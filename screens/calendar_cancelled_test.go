package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2/test"
)

// A cancelled appointment leaves the grid, so the one booked into its
// place has the whole column; the Cancelled tick brings cancellations
// back, struck through, for whoever needs to see them.
func TestCancelledAppointmentsLeaveTheGridUnlessAskedFor(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	amir := tpAdd(t, c, "Amir", "Haddad", "1971-09-30")
	book := func(patient string) schedule.Appointment {
		t.Helper()
		a, _, err := c.Book(app.BookingRequest{PatientID: patient, ClinicianID: d.patel.ID, TypeID: d.review.ID,
			Date: ctDay, Start: schedule.Clock(11 * 60)})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	gone := book(jane.ID)
	if _, err := c.SetStatus(gone.ID, schedule.StatusCancelledPatient, "Unwell"); err != nil {
		t.Fatal(err)
	}
	taken := book(amir.ID)

	s, _ := ctScreen(t, c)
	if _, shown := s.entries[gone.ID]; shown {
		t.Fatal("the cancelled appointment is on the grid by default")
	}
	if _, shown := s.entries[taken.ID]; !shown {
		t.Fatal("the appointment in its place is not on the grid")
	}

	s.cancelledCheck.SetChecked(true)
	tpIdle(t)
	if _, shown := s.entries[gone.ID]; !shown {
		t.Fatal("ticking Cancelled did not bring the cancellation back")
	}
	s.cancelledCheck.SetChecked(false)
	tpIdle(t)
	if _, shown := s.entries[gone.ID]; shown {
		t.Fatal("unticking Cancelled left the cancellation on the grid")
	}
}

// Two patients called Luke are told apart on the grid: the family name
// comes first, where a narrow column does not cut it off.
func TestGridBlocksPutTheFamilyNameFirst(t *testing.T) {
	haigh := schedule.DiaryEntry{PatientName: "Luke Haigh", PatientFirst: "Luke", PatientLast: "Haigh"}
	lister := schedule.DiaryEntry{PatientName: "Luke Lister", PatientFirst: "Luke", PatientLast: "Lister"}
	a, b := diaryBlock(haigh, 0).Patient, diaryBlock(lister, 0).Patient
	if a != "Haigh, Luke" || b != "Lister, Luke" {
		t.Fatalf("the blocks read %q and %q", a, b)
	}
	if a[:3] == b[:3] {
		t.Fatalf("the first letters a narrow column shows are the same: %q, %q", a, b)
	}
}
