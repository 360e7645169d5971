package schedule

import (
	"slices"

	"clinicdesk/app/ukcal"
)

// ProblemKind names one kind of booking problem. The values are stable and
// may be stored (the audit trail lists the kinds overridden) or matched on.
type ProblemKind string

// The problems a booking can have (SPEC §2.3). Check and CheckDeliverer
// give the first eight, which all block: the receptionist may go ahead only
// with a reason. The facade adds the last two from the patient's record;
// they are for acting on and never block.
const (
	ClinicianClash        ProblemKind = "clinician_clash"         // the clinician is booked at an overlapping time
	RoomClash             ProblemKind = "room_clash"              // the room is in use at an overlapping time
	PatientSameDay        ProblemKind = "patient_same_day"        // the patient already has an appointment that day
	OutsideClinicianHours ProblemKind = "outside_clinician_hours" // the clinician does not work then
	OutsideOpeningHours   ProblemKind = "outside_opening_hours"   // the clinic is not open then
	BankHoliday           ProblemKind = "bank_holiday"            // the date is a bank holiday in the clinic's region
	ClinicClosed          ProblemKind = "clinic_closed"           // the date is in one of the clinic's closures
	TypeNotDelivered      ProblemKind = "type_not_delivered"      // the clinician does not usually deliver the type (CheckDeliverer)
	PatientAlert          ProblemKind = "patient_alert"           // the patient has an alert on their record
	CommunicationNeed     ProblemKind = "ais_need"                // an Accessible Information Standard need to act on
)

// Named is someone or something a problem involves: the id the rules know,
// and the name the desk knows, which the facade fills in ("" until then).
type Named struct{ ID, Name string }

// Problem is one thing about a booking the desk must see, as facts and not
// words: each door (the screens, the command line) words it its own way.
type Problem struct {
	Kind ProblemKind
	// Blocks: the booking waits for a reason to go ahead anyway. A problem
	// that does not block is for acting on (an alert, a need).
	Blocks bool
	// Who and what it involves. For the three clashes these are the
	// clashing appointment's (for PatientSameDay, Clinician is who the
	// patient is already booked with); otherwise the booking's own.
	Clinician, Room, Patient Named
	Date                     ukcal.Date
	// Span is the time involved: the clashing appointment's for a clash,
	// the booking's for the outside-hours kinds.
	Span Span
	// SameTime: for PatientSameDay, the patient's other appointment
	// overlaps this one (otherwise it is just the same day).
	SameTime bool
	// Hours are the clinic's (OutsideOpeningHours) or the clinician's
	// (OutsideClinicianHours) hours that weekday; none when not worked.
	Hours DayHours
	// OtherID is the clashing appointment, for the three clashes.
	OtherID string
	// Detail by kind: the bank holiday's name; the closure's reason (may be
	// ""); the appointment type's name (TypeNotDelivered); the alert's kind
	// as the desk calls it; the communication need as the desk calls it, or
	// the language for an interpreter.
	Detail string
	// DeliveredBy, for TypeNotDelivered: who does deliver the type, as a
	// list of names and roles; "" when nobody in the diary does.
	DeliveredBy string
	// Note is the alert's own text, for PatientAlert.
	Note string
	// Need is the communication need's code (patients.AISNeeds, or
	// NeedInterpreter), for CommunicationNeed.
	Need string
}

// NeedInterpreter is the Need of a patient who needs an interpreter for a
// spoken language (Detail is the language, if known).
const NeedInterpreter = "interpreter"

// HasKind reports whether any of the problems is of the kind.
func HasKind(problems []Problem, kind ProblemKind) bool {
	return slices.ContainsFunc(problems, func(p Problem) bool { return p.Kind == kind })
}

// Blocking returns the problems that need a reason to go ahead.
func Blocking(problems []Problem) []Problem {
	var out []Problem
	for _, p := range problems {
		if p.Blocks {
			out = append(out, p)
		}
	}
	return out
}
