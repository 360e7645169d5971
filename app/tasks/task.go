// Package tasks holds follow-up tasks: something to do by a date, owned by
// a member of staff, often about a patient.
package tasks

import (
	"time"

	"clinicdesk/app/ukcal"
)

// Task is a follow-up with a due date and an owner.
type Task struct {
	ID        string
	PatientID string // may be empty: not every task is about a patient
	Title     string
	Due       ukcal.Date // stored as YYYY-MM-DD
	OwnerID   string
	DoneAt    time.Time
	DoneBy    string
	CreatedBy string
	CreatedAt time.Time
}

// Filter narrows a task list.
type Filter struct {
	PatientID string
	OwnerID   string
	OpenOnly  bool
	DueBy     ukcal.Date // due on or before; none when zero
	Limit     int
}
