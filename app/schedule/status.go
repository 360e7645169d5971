package schedule

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Status is an appointment's status (SPEC §2.3), as stored. The values are
// stable: the store keeps them, and its SQL names them.
type Status string

// The statuses.
const (
	StatusBooked           Status = "booked"
	StatusArrived          Status = "arrived"
	StatusInProgress       Status = "in_progress"
	StatusSeen             Status = "seen"
	StatusDNA              Status = "dna"
	StatusCancelledPatient Status = "cancelled_patient"
	StatusCancelledClinic  Status = "cancelled_clinic"
)

// Statuses are all the statuses, in the order an appointment goes through
// them.
var Statuses = []Status{StatusBooked, StatusArrived, StatusInProgress, StatusSeen, StatusDNA, StatusCancelledPatient, StatusCancelledClinic}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Label is the status as the desk says it: "Did not attend".
func (s Status) Label() string {
	switch s {
	case StatusBooked:
		return "Booked"
	case StatusArrived:
		return "Arrived"
	case StatusInProgress:
		return "In progress"
	case StatusSeen:
		return "Seen"
	case StatusDNA:
		return "Did not attend"
	case StatusCancelledPatient:
		return "Cancelled by the patient"
	case StatusCancelledClinic:
		return "Cancelled by the clinic"
	}
	return string(s)
}

// Cancelled reports whether the status is one of the cancellations.
func (s Status) Cancelled() bool { return s == StatusCancelledPatient || s == StatusCancelledClinic }

// Occupies reports whether an appointment in the status holds its slot: a
// cancelled or missed one frees it for someone else. (The store's SQL
// lists the same statuses.)
func (s Status) Occupies() bool {
	return s == StatusBooked || s == StatusArrived || s == StatusInProgress || s == StatusSeen
}

// nextStatuses are the legal changes. Seen, cancelled and the like are
// final, except that a DNA can become a late arrival and an arrival or a
// start marked by mistake can be stepped back once.
var nextStatuses = map[Status][]Status{
	StatusBooked:     {StatusArrived, StatusInProgress, StatusDNA, StatusCancelledPatient, StatusCancelledClinic},
	StatusArrived:    {StatusInProgress, StatusSeen, StatusBooked, StatusCancelledPatient, StatusCancelledClinic},
	StatusInProgress: {StatusSeen, StatusArrived},
	StatusDNA:        {StatusArrived},
}

// Next lists the statuses an appointment in s may be given, whenever.
func (s Status) Next() []Status { return slices.Clone(nextStatuses[s]) }

// CanBecome reports whether an appointment may go from s to the other
// status, and if not, says why in plain words. CanBecomeAt adds the rules
// in time.
func (s Status) CanBecome(to Status) error {
	if s == to {
		return fmt.Errorf("the appointment is already marked %s", to.lower())
	}
	if slices.Contains(nextStatuses[s], to) {
		return nil
	}
	switch {
	case s == StatusSeen:
		return fmt.Errorf("the patient has been seen: the appointment cannot be marked %s", to.lower())
	case s.Cancelled():
		return fmt.Errorf("the appointment was %s: book a new one instead", s.lower())
	case s == StatusDNA:
		return fmt.Errorf("the appointment is marked did not attend: it can only become a late arrival, not %s", to.lower())
	}
	return fmt.Errorf("an appointment marked %s cannot be marked %s", s.lower(), to.lower())
}

func (s Status) lower() string { return strings.ToLower(s.Label()) }

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

// OpensAt is the earliest moment the appointment may be given the status,
// and false when time does not matter (cancelling, or stepping an arrival
// back to booked).
func (s Status) OpensAt(a Appt) (time.Time, bool) {
	if a.Date.IsZero() {
		return time.Time{}, false
	}
	start := At(a.Date, a.Start)
	switch s {
	case StatusArrived:
		return At(a.Date, 0), true
	case StatusInProgress, StatusSeen:
		return start.Add(-StatusEarlyStart), true
	case StatusDNA:
		return start, true
	}
	return time.Time{}, false
}

// TooEarly says, in plain words, why the appointment cannot be given the
// status at now and when it can; nil when it can (as far as time goes:
// CanBecome says which changes are allowed at all).
func (s Status) TooEarly(a Appt, now time.Time) error {
	opens, timed := s.OpensAt(a)
	if !timed || !now.Before(opens) {
		return nil
	}
	today := ukcal.Today(now)
	what := "This appointment starts at " + a.Start.String()
	if a.Date != today {
		what = fmt.Sprintf("This appointment is on %s at %s", sayDay(a.Date, today), a.Start)
	}
	if s == StatusArrived {
		return fmt.Errorf("%s: it cannot be marked as arrived before its day", what)
	}
	when := ukcal.WallClock(opens)
	if a.Date != today {
		when += " that day"
	}
	return fmt.Errorf("%s: it cannot be marked as %s before %s", what, s.lower(), when)
}

// CanBecomeAt is CanBecome with the rules in time: whether the appointment,
// now in s, may be given the other status at now.
func (s Status) CanBecomeAt(to Status, a Appt, now time.Time) error {
	if err := s.CanBecome(to); err != nil {
		return err
	}
	return to.TooEarly(a, now)
}

// AsOf is the status to show for an appointment in s at now. A status that
// could not yet be true (an old file's did not attend on an appointment
// still to come) is shown as booked, so that no printed list says a patient
// missed an appointment that has not happened.
func (s Status) AsOf(a Appt, now time.Time) Status {
	if s.Cancelled() || s == StatusBooked || s.TooEarly(a, now) == nil {
		return s
	}
	return StatusBooked
}

// sayDay is "Tuesday 8 December", with the year when it is not this one.
func sayDay(d, today ukcal.Date) string {
	if d.Year() != today.Year() {
		return d.LongWithDay()
	}
	return d.Format(ukcal.LayoutDayMonthWithDay)
}
