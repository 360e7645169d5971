package app

import (
	"time"

	"clinicdesk/app/schedule"
)

// The rules for statuses in time live with schedule.Status; these apply
// them to the facade's Appointment, which has not moved into schedule yet.

// StatusOpensAt is the earliest moment the appointment may be given the
// status (schedule.Status.OpensAt).
func StatusOpensAt(a Appointment, to schedule.Status) (time.Time, bool) {
	return to.OpensAt(scheduleAppt(a))
}

// StatusTooEarly says why the appointment cannot be given the status at
// now, or nil (schedule.Status.TooEarly).
func StatusTooEarly(a Appointment, to schedule.Status, now time.Time) error {
	return to.TooEarly(scheduleAppt(a), now)
}

// CanChangeStatusAt reports whether the appointment may go from its status
// to the other at now (schedule.Status.CanBecomeAt).
func CanChangeStatusAt(a Appointment, to schedule.Status, now time.Time) error {
	return a.Status.CanBecomeAt(to, scheduleAppt(a), now)
}

// StatusAsOf is the status to show for the appointment at now
// (schedule.Status.AsOf).
func StatusAsOf(a Appointment, now time.Time) schedule.Status {
	return a.Status.AsOf(scheduleAppt(a), now)
}
