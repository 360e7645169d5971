package screens

import (
	"fmt"

	"clinicdesk/app/schedule"
)

// problemText words a booking problem for the booking dialog, the move row
// and a series' summary: one sentence, with the names the desk knows. The
// dialog is about one patient, so the patient is "the patient".
func problemText(p schedule.Problem) string {
	day := p.Date.LongWithDay()
	weekdays := p.Date.Weekday().String() + "s"
	switch p.Kind {
	case schedule.BankHoliday:
		return fmt.Sprintf("%s is a bank holiday (%s).", day, p.Detail)
	case schedule.ClinicClosed:
		return fmt.Sprintf("The clinic is closed on %s%s.", day, inBrackets(p.Detail))
	case schedule.OutsideOpeningHours:
		if len(p.Hours) == 0 {
			return fmt.Sprintf("The clinic is not open on %s.", weekdays)
		}
		return fmt.Sprintf("%s is outside the clinic's opening hours on %s (%s).", p.Span, weekdays, p.Hours)
	case schedule.OutsideClinicianHours:
		if len(p.Hours) == 0 {
			return fmt.Sprintf("%s does not work on %s.", clinicianOf(p), weekdays)
		}
		return fmt.Sprintf("%s is outside %s's hours on %s (%s).", p.Span, clinicianOf(p), weekdays, p.Hours)
	case schedule.ClinicianClash:
		return fmt.Sprintf("%s is already booked %s.", clinicianOf(p), p.Span)
	case schedule.RoomClash:
		room := p.Room.Name
		if room == "" {
			room = "The room"
		}
		return fmt.Sprintf("%s is already in use %s.", room, p.Span)
	case schedule.PatientSameDay:
		with := ""
		if p.Clinician.Name != "" {
			with = " with " + p.Clinician.Name
		}
		if p.SameTime {
			return fmt.Sprintf("The patient is already booked at the same time, %s%s.", p.Span, with)
		}
		return fmt.Sprintf("The patient already has an appointment that day, %s%s.", p.Span, with)
	case schedule.TypeNotDelivered:
		if p.DeliveredBy == "" {
			return fmt.Sprintf("%s does not usually deliver %s, and nobody in the diary is set up to: "+
				"a manager can choose who does in Settings, Calendar, Appointment types.", clinicianOf(p), p.Detail)
		}
		return fmt.Sprintf("%s does not usually deliver %s; %s do.", clinicianOf(p), p.Detail, p.DeliveredBy)
	case schedule.PatientAlert:
		if p.Note == "" {
			return "Alert: " + p.Detail
		}
		return "Alert: " + p.Detail + " — " + p.Note
	case schedule.CommunicationNeed:
		return needText(p)
	}
	return string(p.Kind)
}

// needText says what to do about a communication need before the
// appointment.
func needText(p schedule.Problem) string {
	switch p.Need {
	case schedule.NeedInterpreter:
		if p.Detail == "" {
			return "Interpreter needed — link an interpreter"
		}
		return "Interpreter needed (" + p.Detail + ") — link an interpreter"
	case "bsl_interpreter", "deafblind_interpreter":
		return p.Detail + " needed — link an interpreter"
	case "lipspeaker":
		return "Lipspeaker needed — book one for this appointment"
	case "hearing_loop":
		return "Hearing loop needed — choose a room that has one"
	case "advocate":
		return "Needs an advocate — check they can come"
	}
	return "Communication need: " + p.Detail
}

// clinicianOf is the clinician a problem involves, by name.
func clinicianOf(p schedule.Problem) string {
	if p.Clinician.Name == "" {
		return "The clinician"
	}
	return p.Clinician.Name
}

// inBrackets returns " (reason)", or "" when there is no reason.
func inBrackets(reason string) string {
	if reason == "" {
		return ""
	}
	return " (" + reason + ")"
}

// problemLines are the problems as the dialog lists them, one bullet each.
func problemLines(ps []schedule.Problem) []string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "• " + sentence(problemText(p))
	}
	return lines
}
