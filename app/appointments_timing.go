package app

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// StatusEarlyStart is how long before the booked start an appointment may
// be marked in progress or seen. A clinician who is free often takes an
// early patient in, and the desk should record what happened; much earlier
// than this, the diary itself is wrong and the appointment should be moved.
const StatusEarlyStart = 15 * time.Minute

// The rules for statuses in time, as a practice manager reads them: a
// status says something has happened, so none may be set before it could
// have. Arrived is possible from the start of the appointment's own day
// (patients come early); in progress and seen from StatusEarlyStart before
// the start; did not attend only once the start time has passed. Only the
// future is refused: recording yesterday's arrival or seen late is a normal
// correction (the audit trail keeps who made it and when), and refusing it
// would leave a patient who came looking like a missed appointment.

// StatusOpensAt is the earliest moment the appointment may be given the
// status, and false when time does not matter (cancelling, or stepping an
// arrival back to booked).
func StatusOpensAt(a Appointment, to Status) (time.Time, bool) {
	day, err := ukcal.ParseDate(a.Date)
	if err != nil {
		return time.Time{}, false
	}
	start := appointmentStart(day, a.StartMin)
	switch to {
	case StatusArrived:
		return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, ukcal.London()), true
	case StatusInProgress, StatusSeen:
		return start.Add(-StatusEarlyStart), true
	case StatusDNA:
		return start, true
	}
	return time.Time{}, false
}

// appointmentStart is the instant an appointment starts, on the clinic's
// wall clock.
func appointmentStart(day ukcal.Date, startMin int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), startMin/60, startMin%60, 0, 0, ukcal.London())
}

// StatusTooEarly says, in plain words, why the appointment cannot be given
// the status at now and when it can; nil when it can (as far as time goes:
// CanChangeStatus says which changes are allowed at all).
func StatusTooEarly(a Appointment, to Status, now time.Time) error {
	opens, timed := StatusOpensAt(a, to)
	if !timed || !now.Before(opens) {
		return nil
	}
	day, _ := ukcal.ParseDate(a.Date)
	today := ukcal.Today(now)
	at := schedule.Clock(a.StartMin).String()
	what := "This appointment starts at " + at
	if day != today {
		what = fmt.Sprintf("This appointment is on %s at %s", sayDay(day, today), at)
	}
	as := strings.ToLower(StatusLabel(to))
	if to == StatusArrived {
		return fmt.Errorf("%s: it cannot be marked as arrived before its day", what)
	}
	when := ukcal.WallClock(opens)
	if day != today {
		when += " that day"
	}
	return fmt.Errorf("%s: it cannot be marked as %s before %s", what, as, when)
}

// CanChangeStatusAt is CanChangeStatus with the rules in time: whether the
// appointment may be given the status at now.
func CanChangeStatusAt(a Appointment, to Status, now time.Time) error {
	if err := CanChangeStatus(a.Status, to); err != nil {
		return err
	}
	return StatusTooEarly(a, to, now)
}

// StatusAsOf is the status to show for an appointment at now. A status
// that could not yet be true (an old file's did not attend on an
// appointment still to come) is shown as booked, so that no printed list
// says a patient missed an appointment that has not happened.
func StatusAsOf(a Appointment, now time.Time) Status {
	if IsCancelled(a.Status) || a.Status == StatusBooked {
		return a.Status
	}
	if StatusTooEarly(a, a.Status, now) != nil {
		return StatusBooked
	}
	return a.Status
}

// sayDay is "Tuesday 8 December", with the year when it is not this one.
func sayDay(d, today ukcal.Date) string {
	if d.Year() != today.Year() {
		return d.LongWithDay()
	}
	return d.Format(ukcal.LayoutDayMonthWithDay)
}
