package app

import (
	"time"

	"clinicdesk/app/schedule"
)

// StatusOffer is whether a status button may be offered for an appointment
// at a time, as SetStatus would judge it then.
type StatusOffer struct {
	Allowed bool      // the user may make the change now
	NotYet  bool      // the change is allowed in order but too early
	Opens   time.Time // when a change NotYet becomes possible
}

// OfferStatus judges a change of status for the buttons at now (the
// screen's clock, which its tests move): the permission SetStatus asks, the
// order of statuses, and no arrival, seen or DNA before it could have
// happened. SetStatus checks again on the clinic's clock.
func (c *Clinic) OfferStatus(a schedule.Appointment, to schedule.Status, now time.Time) StatusOffer {
	perm := PermAppointmentStatus
	if to.Cancelled() {
		perm = PermBookAppointments
	}
	if !c.Can(perm) || a.Status.CanBecome(to) != nil {
		return StatusOffer{}
	}
	if a.StatusTooEarly(to, now) != nil {
		opens, _ := a.StatusOpensAt(to) // too early means it has an opening time
		return StatusOffer{NotYet: true, Opens: opens}
	}
	return StatusOffer{Allowed: true}
}

// MayMoveAppointment is whether the user may move the appointment to
// another time: a booking not yet arrived, cancelled or seen.
func (c *Clinic) MayMoveAppointment(a schedule.Appointment) bool {
	return c.Can(PermBookAppointments) && a.Status == schedule.StatusBooked
}
