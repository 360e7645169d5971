package complaints

import (
	"time"

	"clinicdesk/app/ukcal"
)

// Consent is whether the patient agreed to someone complaining for them.
type Consent string

const (
	ConsentNotRecorded Consent = ""
	ConsentGiven       Consent = "yes"
	ConsentRefused     Consent = "no"
)

// Details are what the log and edit forms collect: everything about a
// complaint that a person types or chooses.
type Details struct {
	ComplainantName    string
	ComplainantAddress string
	ComplainantPhone   string // any UK form; stored E.164
	ComplainantEmail   string
	Complainant        ComplainantStatus
	// Consent, for a complaint made on a patient's behalf.
	Consent     Consent
	ConsentDate ukcal.Date
	ConsentNote string

	PatientID      string // "" when the complainant is not complaining about a patient on file
	AppointmentIDs []string

	// Rules is the nation's procedure and the funding the complaint is
	// handled under; left blank, the defaults from Settings (the nation
	// following the clinic's bank-holiday region). Stage2 is the day a
	// Scottish NHS complaint went to stage 2 (zero while at stage 1).
	Rules  Rules
	Stage2 ukcal.Date

	Channel        Channel
	Received       ukcal.Date
	Events         ukcal.Date // zero when not known
	Aware          ukcal.Date // zero when not known
	Subjects       []SubjectArea
	StaffGroups    []StaffGroup
	Description    string
	DesiredOutcome string
	OwnerID        string // the member of staff handling it

	// ResponsePeriod is the period agreed with the complainant; zero until
	// agreed (acknowledging offers the default from Settings).
	ResponsePeriod  ResponsePeriod
	DelayLetterSent ukcal.Date
	Learning        string
}

// Complaint is one complaint as the practice keeps it: its reference, the
// details, and where it stands in the workflow. What is worked out from it
// (deadlines, whether it is overdue) is not stored but asked of its rules.
type Complaint struct {
	ID        string
	Reference string // "C-2026-014"
	RefYear   int
	RefSeq    int
	Details

	Status       Status
	StatusAt     time.Time // UTC
	StatusBy     string
	Outcome      Outcome
	SignedOffBy  string
	Acknowledged ukcal.Date

	// NextDue is the deadline being worked to, kept for the store's due-date
	// index; zero once the final response has been sent.
	NextDue ukcal.Date

	CreatedAt time.Time
	CreatedBy string
	UpdatedAt time.Time
}

// DueDates are the complaint's deadlines under its own rule set, in its
// nation's working days.
func (c Complaint) DueDates() DueDates {
	return DeadlinesUnder(c.Rules, c.Received, c.Events, c.Aware, c.Stage2, c.ResponsePeriod)
}

// NextDeadline is the deadline being worked to at the complaint's status; zero
// once the final response has been sent.
func (c Complaint) NextDeadline() ukcal.Date {
	if dl, ok := c.DueDates().Next(c.Status); ok {
		return dl.Due
	}
	return ukcal.Date{}
}
