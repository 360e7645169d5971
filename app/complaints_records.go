package app

import (
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// ComplaintRecord is a complaint as the lists and the complaint screen show
// it: its details, where it is in the workflow and its deadlines worked
// out for today in the clinic's region.
type ComplaintRecord struct {
	complaints.Complaint

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
}

// ComplaintStep is one move in a complaint's history.
type ComplaintStep struct {
	complaints.Transition
	Logged bool // the complaint being logged (From is blank)
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
