package schedule

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/ukcal"
)

// Priority is a waiting-list entry's clinical priority. The zero value is
// "not set" and ranks after Routine.
type Priority int

// The priorities, most pressing first.
const (
	Urgent Priority = iota + 1
	Soon
	Routine
)

// String returns "urgent", "soon" or "routine", the stored form ("" when
// not set).
func (p Priority) String() string {
	switch p {
	case Urgent:
		return "urgent"
	case Soon:
		return "soon"
	case Routine:
		return "routine"
	case 0:
		return ""
	}
	return fmt.Sprintf("Priority(%d)", int(p))
}

// ParsePriority reads "urgent", "soon" or "routine" (any case).
func ParsePriority(s string) (Priority, error) {
	for _, p := range []Priority{Urgent, Soon, Routine} {
		if strings.EqualFold(strings.TrimSpace(s), p.String()) {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown priority %q: use urgent, soon or routine", s)
}

// rank orders priorities, with anything unknown last.
func (p Priority) rank() int {
	if p >= Urgent && p <= Routine {
		return int(p)
	}
	return int(Routine) + 1
}

// WaitingStatus is where a waiting-list entry stands, as stored: the values
// are stable because the store keeps them and its SQL names them.
type WaitingStatus string

// The waiting-list statuses.
const (
	WaitingOpen    WaitingStatus = "open"
	WaitingOffered WaitingStatus = "offered" // a freed slot was offered and not yet taken
	WaitingBooked  WaitingStatus = "booked"
	WaitingRemoved WaitingStatus = "removed"
)

// StillWaiting reports whether the patient is still on the list: open or
// offered, neither booked nor removed.
func (s WaitingStatus) StillWaiting() bool { return s == WaitingOpen || s == WaitingOffered }

// Waiting is one waiting-list entry as the rules see it.
type Waiting struct {
	ID, PatientID string
	// ClinicianID is the clinician wanted; "" is anyone.
	ClinicianID string
	// Minutes is the length of appointment wanted; 0 is any.
	Minutes  int
	Priority Priority
	// Added is the date the patient joined the list.
	Added ukcal.Date
	// Part is the preferred time of day.
	Part PartOfDay
}

// Offer returns the entries that fit a slot that has just been freed: the
// wanted clinician is the slot's (or anyone), the wanted length fits in it,
// the slot's start suits the wanted part of the day, and patientBusy (when
// given) does not report the patient already booked at that time. They come
// urgent first, then longest waiting, then by ID, so the list is stable.
func Offer(freed Appt, list []Waiting, patientBusy func(patientID string) bool) []Waiting {
	length := freed.Span().Minutes()
	var fits []Waiting
	for _, w := range list {
		switch {
		case w.ClinicianID != "" && w.ClinicianID != freed.ClinicianID,
			w.Minutes > length,
			!w.Part.Fits(freed.Start),
			patientBusy != nil && patientBusy(w.PatientID):
			continue
		}
		fits = append(fits, w)
	}
	slices.SortStableFunc(fits, func(a, b Waiting) int {
		return cmp.Or(
			cmp.Compare(a.Priority.rank(), b.Priority.rank()),
			a.Added.Compare(b.Added),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return fits
}
