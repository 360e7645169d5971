package screens

import (
	"testing"

	"clinicdesk/app/pathways"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// A first appointment booked from a referral's page says which referral it
// is for, and keeps the link through a lock: booked after unlocking, it
// still goes on the referral's pathway.
func TestABookingForAReferralSaysSoAndKeepsTheLinkThroughALock(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1970-04-02")
	r, err := c.AddReferral(pathways.Referral{PatientID: jane.ID, Direction: pathways.In, Date: testclock.Today().AddDays(-10),
		Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"}, Urgency: pathways.Routine,
		Kind: pathways.RTT, Reason: "knee pain"})
	if err != nil {
		t.Fatal(err)
	}
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	u := ntOpen(t, c, calendarModuleID)
	w := u.Window()
	s := u.shell.shownContent().(*calendarScreen)
	// A working day after the referral came, whatever day the test runs.
	day := ukcal.EnglandAndWales.NextWorkingDay(testclock.Today())
	s.openBooking(calendarSlot{ClinicianID: d.carter.ID, Date: day, Start: 10 * 60, PatientID: jane.ID, PatientName: "Jane O'Neill",
		ReferralID: r.ID, ReferralFrom: "from Dr A Khan, received 14/11/2026"})
	tpIdle(t)
	const says = "The first appointment for Jane O'Neill's referral from Dr A Khan, received 14/11/2026: when it is marked seen or did not attend, the referral's clock is told."
	if !tpShows(w, says) {
		t.Fatalf("the dialog does not say which referral it books: %q", tpTexts(w))
	}
	tpType(t, w, s.booking.notes, "Bring the GP letter")

	ntLockAndUnlock(t, u, "Bring the GP letter")

	s = u.shell.shownContent().(*calendarScreen)
	b := s.booking
	if b == nil || b.notes.Text != "Bring the GP letter" || b.patient.id() != jane.ID || b.slot.ReferralID != r.ID {
		t.Fatalf("the booking came back without its referral: %+v", b)
	}
	if !tpShows(w, says) {
		t.Errorf("after the lock the dialog no longer says which referral: %q", tpTexts(w))
	}
	b.submit()
	tpIdle(t)
	rec, err := c.Referral(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	booked := false
	for _, e := range rec.Events {
		booked = booked || (e.Kind == pathways.FirstAppointmentBooked && e.AppointmentID != "")
	}
	if !booked {
		t.Fatalf("the booking made after the lock is not on the referral: %+v", rec.Events)
	}
}
