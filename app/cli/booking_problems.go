package cli

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
)

// problemClause words a booking problem for the command line: a clause for
// one line on stderr or in a log, so it names the day and the patient
// itself rather than leaning on a dialog around it.
func problemClause(p schedule.Problem) string {
	day := p.Date.Short()
	when := fmt.Sprintf("%s on %s", p.Span, day)
	weekdays := p.Date.Weekday().String() + "s"
	clinician, room, patient := nameOr(p.Clinician, "the clinician"), nameOr(p.Room, "the room"), nameOr(p.Patient, "the patient")
	switch p.Kind {
	case schedule.BankHoliday:
		return fmt.Sprintf("%s is a bank holiday (%s)", day, p.Detail)
	case schedule.ClinicClosed:
		if p.Detail == "" {
			return "the clinic is closed on " + day
		}
		return fmt.Sprintf("the clinic is closed on %s (%s)", day, p.Detail)
	case schedule.OutsideOpeningHours:
		if len(p.Hours) == 0 {
			return "the clinic is not open on " + weekdays
		}
		return fmt.Sprintf("%s is outside the clinic's opening hours (%s %s)", when, weekdays, p.Hours)
	case schedule.OutsideClinicianHours:
		if len(p.Hours) == 0 {
			return fmt.Sprintf("%s does not work on %s", clinician, weekdays)
		}
		return fmt.Sprintf("%s is outside %s's hours (%s %s)", when, clinician, weekdays, p.Hours)
	case schedule.ClinicianClash:
		return fmt.Sprintf("%s is already booked %s", clinician, when)
	case schedule.RoomClash:
		return fmt.Sprintf("%s is already in use %s", room, when)
	case schedule.PatientSameDay:
		if p.SameTime {
			return fmt.Sprintf("%s is already booked with %s at the same time, %s", patient, clinician, when)
		}
		return fmt.Sprintf("%s already has an appointment with %s that day, %s", patient, clinician, when)
	case schedule.TypeNotDelivered:
		if p.DeliveredBy == "" {
			return fmt.Sprintf("%s does not usually deliver %s, and nobody in the diary is set up to", clinician, p.Detail)
		}
		return fmt.Sprintf("%s does not usually deliver %s (%s do)", clinician, p.Detail, p.DeliveredBy)
	case schedule.PatientAlert:
		if p.Note == "" {
			return fmt.Sprintf("alert on %s's record: %s", patient, p.Detail)
		}
		return fmt.Sprintf("alert on %s's record: %s — %s", patient, p.Detail, p.Note)
	case schedule.CommunicationNeed:
		if p.Need == schedule.NeedInterpreter {
			if p.Detail == "" {
				return patient + " needs an interpreter"
			}
			return fmt.Sprintf("%s needs an interpreter (%s)", patient, p.Detail)
		}
		return fmt.Sprintf("%s has a communication need: %s", patient, p.Detail)
	}
	return string(p.Kind)
}

// nameOr is the name the desk knows, or the words for it when unknown.
func nameOr(n schedule.Named, otherwise string) string {
	if n.Name == "" {
		return otherwise
	}
	return n.Name
}

// refusedLine says on one line why a booking or move waits: each problem
// that blocks, and what would let it go ahead.
func refusedLine(e *app.BookingRefusedError) string {
	var clauses []string
	for _, p := range schedule.Blocking(e.Problems) {
		clauses = append(clauses, problemClause(p))
	}
	return "not booked: " + strings.Join(clauses, "; ") + ". A reason is needed to book anyway."
}

// errorLine is an error as the command line prints it: one line, with a
// refused booking worded here rather than by the facade.
func errorLine(err error) string {
	var refused *app.BookingRefusedError
	if errors.As(err, &refused) {
		return refusedLine(refused)
	}
	return oneLine(err.Error())
}
