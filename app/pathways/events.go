package pathways

import (
	"slices"
	"time"

	"clinicdesk/app/ukcal"
)

// EventKind is one thing that happened on a pathway. The values are
// stored and are the `clock` command's input.
type EventKind string

// The event kinds, in the order a pathway usually meets them.
const (
	ReferralReceived         EventKind = "referral_received"
	FirstAppointmentBooked   EventKind = "first_appointment_booked"
	FirstAppointmentAttended EventKind = "first_appointment_attended"
	FirstAppointmentDNA      EventKind = "first_appointment_dna"
	DecisionToTreat          EventKind = "decision_to_treat"
	FirstDefinitiveTreatment EventKind = "first_definitive_treatment"
	ActiveMonitoringStarted  EventKind = "active_monitoring_started"
	DecisionNotToTreat       EventKind = "decision_not_to_treat"
	PatientDeclinedTreatment EventKind = "patient_declined_treatment"
	DiagnosisCommunicated    EventKind = "diagnosis_communicated"
	CancerRuledOut           EventKind = "cancer_ruled_out"
	LaterDNA                 EventKind = "later_dna"
	DischargedToReferrer     EventKind = "discharged_to_referrer"
	Transferred              EventKind = "transferred"
	// FirstAppointmentCancelled: the first appointment booked was
	// cancelled (by the patient or by the clinic; the note says which),
	// so the pathway waits for a booking again. Not one of the `clock`
	// command's documented kinds (SPEC §3), though it accepts it.
	FirstAppointmentCancelled EventKind = "first_appointment_cancelled"
)

// EventKinds are all the event kinds.
var EventKinds = []EventKind{
	ReferralReceived, FirstAppointmentBooked, FirstAppointmentAttended, FirstAppointmentDNA,
	DecisionToTreat, FirstDefinitiveTreatment, ActiveMonitoringStarted, DecisionNotToTreat,
	PatientDeclinedTreatment, DiagnosisCommunicated, CancerRuledOut, LaterDNA,
	DischargedToReferrer, Transferred, FirstAppointmentCancelled,
}

// Valid reports whether k is one of the event kinds.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// Label is the event as the desk says it.
func (k EventKind) Label() string {
	switch k {
	case ReferralReceived:
		return "Referral received"
	case FirstAppointmentBooked:
		return "First appointment booked"
	case FirstAppointmentAttended:
		return "First appointment attended"
	case FirstAppointmentDNA:
		return "Did not attend the first appointment"
	case DecisionToTreat:
		return "Decision to treat"
	case FirstDefinitiveTreatment:
		return "First definitive treatment"
	case ActiveMonitoringStarted:
		return "Active monitoring started"
	case DecisionNotToTreat:
		return "Decision not to treat"
	case PatientDeclinedTreatment:
		return "Patient declined treatment"
	case DiagnosisCommunicated:
		return "Diagnosis told to the patient"
	case CancerRuledOut:
		return "Cancer ruled out"
	case LaterDNA:
		return "Did not attend a later appointment"
	case DischargedToReferrer:
		return "Discharged back to the referrer"
	case Transferred:
		return "Transferred to another provider"
	case FirstAppointmentCancelled:
		return "First appointment cancelled"
	}
	return string(k)
}

// Event is one entry in a referral's append-only list: what happened, on
// which day, and who recorded it when (as the audit keeps it).
type Event struct {
	ID            string
	ReferralID    string
	Kind          EventKind
	On            ukcal.Date // the day it happened, which may be before it was recorded
	AppointmentID string     // the appointment it came from, when it did
	Note          string
	By            string    // user ID of whoever recorded it
	At            time.Time // when it was recorded, UTC
}
