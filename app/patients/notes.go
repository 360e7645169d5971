package patients

import (
	"time"
)

// Note is a note or a logged phone call on a patient's record.
type Note struct {
	ID        string
	PatientID string
	Kind      string // note, call
	Direction string // in, out (calls)
	Body      string
	CreatedBy string
	CreatedAt time.Time
}

// Merge is one merge of a duplicate record into a survivor.
type Merge struct {
	ID         string
	SurvivorID string
	MergedID   string
	Moved      map[string][]string // table -> row ids moved
	MergedBy   string
	MergedAt   time.Time
	UndoneBy   string
	UndoneAt   time.Time
}
