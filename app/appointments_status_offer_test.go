package app

import (
	"testing"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// The buttons are offered as SetStatus would judge: not before the time,
// not out of order, not without the permission.
func TestOfferStatusJudgesAsSetStatusWould(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "11:00"))
	at := func(hour, minute int) time.Time {
		return time.Date(2026, 11, 23, hour, minute, 0, 0, ukcal.London())
	}
	if o := d.c.OfferStatus(a, schedule.StatusArrived, at(10, 0)); !o.Allowed {
		t.Errorf("arrived on the day: %+v", o)
	}
	o := d.c.OfferStatus(a, schedule.StatusDNA, at(10, 0))
	if o.Allowed || !o.NotYet || !o.Opens.Equal(at(11, 0)) {
		t.Errorf("DNA an hour early: %+v, want not yet, from 11:00", o)
	}
	if o := d.c.OfferStatus(a, schedule.StatusDNA, at(11, 0)); !o.Allowed {
		t.Errorf("DNA at the start time: %+v", o)
	}
	if o := d.c.OfferStatus(a, schedule.StatusSeen, at(12, 0)); o.Allowed || o.NotYet {
		t.Errorf("seen before arrived: %+v, want refused outright", o)
	}
	if !d.c.MayMoveAppointment(a) || !d.c.OfferStatus(a, schedule.StatusCancelledPatient, at(10, 0)).Allowed {
		t.Error("the manager may not move or cancel a booking")
	}
	// A clinician marks statuses but does not book, move or cancel.
	addUser(t, d.c, "cleo", Clinician)
	if err := d.c.SignIn("cleo", "staff-password-cleo"); err != nil {
		t.Fatal(err)
	}
	if !d.c.OfferStatus(a, schedule.StatusArrived, at(10, 0)).Allowed {
		t.Error("a clinician may not mark an arrival")
	}
	if d.c.MayMoveAppointment(a) || d.c.OfferStatus(a, schedule.StatusCancelledPatient, at(10, 0)).Allowed {
		t.Error("a clinician is offered moving or cancelling")
	}
}
