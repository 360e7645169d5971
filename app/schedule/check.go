package schedule

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ProblemKind names one kind of booking warning. The values are stable and
// may be stored or matched on.
type ProblemKind string

// The warnings Check can give (SPEC §2.3). None of them forbids the booking:
// the receptionist may go ahead with a reason.
const (
	ClinicianClash        ProblemKind = "clinician_clash"         // the clinician is booked at an overlapping time
	RoomClash             ProblemKind = "room_clash"              // the room is in use at an overlapping time
	PatientSameDay        ProblemKind = "patient_same_day"        // the patient already has an appointment that day
	OutsideClinicianHours ProblemKind = "outside_clinician_hours" // the clinician does not work then
	OutsideOpeningHours   ProblemKind = "outside_opening_hours"   // the clinic is not open then
	BankHoliday           ProblemKind = "bank_holiday"            // the date is a bank holiday in the clinic's region
	ClinicClosed          ProblemKind = "clinic_closed"           // the date is in one of the clinic's closures
	TypeNotDelivered      ProblemKind = "type_not_delivered"      // the clinician does not usually deliver the type (CheckDeliverer)
)

// Problem is one warning about a booking. Message is plain words for a
// receptionist; it knows only ids, so it says "the clinician" or "the
// patient" and callers that know the names may word their own from Kind and
// OtherID. OtherID is the clashing appointment's id for the three clash
// kinds, "" otherwise.
type Problem struct {
	Kind    ProblemKind
	Message string
	OtherID string
}

// proseDate is the UK long form used in sentences: "Friday 25 December 2026".
const proseDate = "Monday 2 January 2006"

// Check returns every warning for booking a, given the day's existing active
// appointments (others are ignored). An existing entry with a's own ID is the
// appointment being moved and never clashes with itself. Rooms clash only
// when a has a room. Day-wide warnings come first, then hours, then clashes
// in order of time.
func Check(a Appt, existing []Appt, r Rules) []Problem {
	var problems []Problem
	add := func(kind ProblemKind, other, format string, args ...any) {
		problems = append(problems, Problem{Kind: kind, Message: fmt.Sprintf(format, args...), OtherID: other})
	}
	day := a.Date.Time().Format(proseDate)
	wd := a.Date.Weekday()

	if h, ok := r.Region.HolidayOn(a.Date); ok {
		add(BankHoliday, "", "%s is a bank holiday (%s).", day, h.Title)
	}
	if c, ok := r.ClosureOn(a.Date); ok {
		add(ClinicClosed, "", "The clinic is closed on %s%s.", day, inBrackets(c.Reason))
	}
	if !r.open(a.Date, a.Span()) {
		if !r.OpeningHours.Works(wd) {
			add(OutsideOpeningHours, "", "The clinic is not open on %ss.", wd)
		} else {
			add(OutsideOpeningHours, "", "%s is outside the clinic's opening hours on %ss (%s).", a.Span(), wd, r.OpeningHours.Describe(wd))
		}
	}
	if hours, ok := r.ClinicianHours[a.ClinicianID]; ok && a.ClinicianID != "" && !hours.Covers(wd, a.Span()) {
		if !hours.Works(wd) {
			add(OutsideClinicianHours, "", "The clinician does not work on %ss.", wd)
		} else {
			add(OutsideClinicianHours, "", "%s is outside the clinician's hours on %ss (%s).", a.Span(), wd, hours.Describe(wd))
		}
	}

	others := slices.Clone(existing)
	slices.SortStableFunc(others, func(x, y Appt) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.ID, y.ID))
	})
	for _, e := range others {
		if e.Date != a.Date || (a.ID != "" && e.ID == a.ID) {
			continue
		}
		overlap := Overlaps(a, e)
		if overlap && a.ClinicianID != "" && e.ClinicianID == a.ClinicianID {
			add(ClinicianClash, e.ID, "The clinician is already booked %s.", e.Span())
		}
		if overlap && a.RoomID != "" && e.RoomID == a.RoomID {
			add(RoomClash, e.ID, "The room is already in use %s.", e.Span())
		}
		if a.PatientID != "" && e.PatientID == a.PatientID {
			if overlap {
				add(PatientSameDay, e.ID, "The patient is already booked at the same time, %s.", e.Span())
			} else {
				add(PatientSameDay, e.ID, "The patient already has an appointment that day, %s.", e.Span())
			}
		}
	}
	return problems
}

// Deliverers are who usually delivers an appointment type: the clinicians
// named, and anyone whose role is one of Roles. Both empty means anyone.
type Deliverers struct {
	ClinicianIDs []string
	Roles        []string
}

// Anyone reports whether every clinician delivers the type.
func (d Deliverers) Anyone() bool { return len(d.ClinicianIDs) == 0 && len(d.Roles) == 0 }

// Delivers reports whether the clinician, with the role set up for them,
// delivers the type. Roles match whatever their case or spacing, as
// people type them ("physiotherapist " is a Physiotherapist).
func (d Deliverers) Delivers(clinicianID, role string) bool {
	if d.Anyone() || slices.Contains(d.ClinicianIDs, clinicianID) {
		return true
	}
	role = strings.TrimSpace(role)
	return role != "" && slices.ContainsFunc(d.Roles, func(r string) bool { return strings.EqualFold(strings.TrimSpace(r), role) })
}

// CheckDeliverer warns when the appointment's clinician, with their role,
// does not usually deliver its type. It is a warning like the others, not
// a refusal: a locum or a colleague may cover. Callers who know the names
// word their own message.
func CheckDeliverer(a Appt, role string, d Deliverers) []Problem {
	if a.ClinicianID == "" || d.Delivers(a.ClinicianID, role) {
		return nil
	}
	return []Problem{{Kind: TypeNotDelivered, Message: "The clinician does not usually deliver this type of appointment."}}
}

// inBrackets returns " (reason)", or "" when there is no reason.
func inBrackets(reason string) string {
	if reason == "" {
		return ""
	}
	return " (" + reason + ")"
}

// HasKind reports whether any of the problems is of the kind.
func HasKind(problems []Problem, kind ProblemKind) bool {
	return slices.ContainsFunc(problems, func(p Problem) bool { return p.Kind == kind })
}
