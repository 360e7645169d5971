package app

import (
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// Consent is whether the patient agreed to someone complaining for them.
type Consent string

const (
	ConsentNotRecorded Consent = ""
	ConsentGiven       Consent = "yes"
	ConsentRefused     Consent = "no"
)

// ComplaintDetails are what the log and edit forms collect.
type ComplaintDetails struct {
	ComplainantName    string
	ComplainantAddress string
	ComplainantPhone   string // any UK form; stored E.164
	ComplainantEmail   string
	Complainant        complaints.ComplainantStatus
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
	Rules  complaints.Rules
	Stage2 ukcal.Date

	Channel        complaints.Channel
	Received       ukcal.Date
	Events         ukcal.Date // zero when not known
	Aware          ukcal.Date // zero when not known
	Subjects       []complaints.SubjectArea
	StaffGroups    []complaints.StaffGroup
	Description    string
	DesiredOutcome string
	OwnerID        string // the member of staff handling it

	// ResponsePeriod is the period agreed with the complainant; zero until
	// agreed (acknowledging offers the default from Settings).
	ResponsePeriod  complaints.ResponsePeriod
	DelayLetterSent ukcal.Date
	Learning        string
}

// ComplaintRecord is a complaint as the lists and the complaint screen show
// it: its details, where it is in the workflow and its deadlines worked
// out for today in the clinic's region.
type ComplaintRecord struct {
	ID        string
	Reference string // "C-2026-014"
	ComplaintDetails

	Status       complaints.Status
	StatusAt     time.Time // UTC
	StatusBy     string
	Outcome      complaints.Outcome
	SignedOffBy  string
	Acknowledged ukcal.Date

	PatientName string // "Forenames Surname", when linked to a patient
	OwnerName   string

	Due complaints.DueDates
	// Next is the deadline being worked to (HasNext false once the final
	// response has been sent); NextText says when, "due in 2 working days"
	// or "overdue by 3 working days".
	Next     complaints.Deadline
	HasNext  bool
	NextText string
	Overdue  bool
	// DelayLetterOwed: six months have passed with no response, no agreed
	// extension and no delay letter.
	DelayLetterOwed bool
	// ClosedOn and RetainUntil are set once the file is closed: it is kept
	// ten years from closure.
	ClosedOn    ukcal.Date
	RetainUntil ukcal.Date
	// ResolvedNextDay: an oral complaint resolved by the end of the next
	// working day, left out of the KO41(b) return.
	ResolvedNextDay bool

	CreatedAt time.Time
	CreatedBy string
}

// ComplaintStep is one move in a complaint's history.
type ComplaintStep struct {
	complaints.Transition
	Logged bool   // the complaint being logged (From is blank)
	Note   string // what was said with the move
}

// Kinds of complaint note.
const (
	ComplaintNoteKind     = "note"
	ComplaintActionKind   = "action"
	ComplaintLearningKind = "learning"
)

// ComplaintFile is one complaint with its history and notes.
type ComplaintFile struct {
	ComplaintRecord
	History []ComplaintStep
	Notes   []complaints.Note
}
