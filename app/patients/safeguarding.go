package patients

import (
	"time"

	"clinicdesk/app/ukcal"
)

// SafeguardingPrompt asks the clinician to consider safeguarding after a
// child was not brought to an appointment. It stays open until someone
// acknowledges it, with a note of what they decided.
type SafeguardingPrompt struct {
	ID             string
	PatientID      string
	AppointmentID  string
	ClinicianID    string
	MissedCount    int // missed appointments in the DNA window, this one included
	CreatedAt      time.Time
	CreatedBy      string
	AcknowledgedAt time.Time // zero while open
	AcknowledgedBy string
	Note           string

	// Read with the prompt, for showing it.
	PatientName     string // "Forenames Surname"
	AppointmentDate ukcal.Date
	AppointmentMin  int // start, minutes after midnight
}

// Open reports whether the prompt still waits for acknowledgement.
func (p SafeguardingPrompt) Open() bool { return p.AcknowledgedAt.IsZero() }

// SafeguardingFilter narrows the prompts read.
type SafeguardingFilter struct {
	PatientID     string
	AppointmentID string
	OpenOnly      bool
	Limit         int // 0: 200
}
