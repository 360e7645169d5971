package letters

import (
	"time"
)

// ClinicTemplate is one letter template as the clinic uses it: a default
// copied in on first use, or the manager's edit of one.
type ClinicTemplate struct {
	Name        string // "appointment_reminder"
	Title       string // "Appointment reminder"
	AddressedTo string // patient, gp, complainant
	Subject     string
	Body        string
	Edited      bool // changed by the manager since it was copied in
	UpdatedAt   time.Time
	UpdatedBy   string
}
