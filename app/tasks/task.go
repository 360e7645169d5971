// Package tasks holds the worklist: something to do by a date (and
// perhaps a time), owned by a member of staff or by everyone in a role,
// often about a patient. The rules here (checking a task, whether it is
// overdue, the order of a list, when a repeating one comes round again,
// which tasks the clinic's rules make) do no I/O.
package tasks

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"clinicdesk/app/ukcal"
)

// Task is one thing to do.
type Task struct {
	ID        string
	PatientID string // may be empty: not every task is about a patient
	// ReferralID links a task the pathway rules made to its referral.
	ReferralID string
	Title      string
	Note       string
	Due        ukcal.Date // stored as YYYY-MM-DD
	At         TimeOfDay  // optional: "call back at 14:30"
	// A task is owned by one person (OwnerID, a user) or by everyone in a
	// role (OwnerRole, "receptionist"): never both.
	OwnerID   string
	OwnerRole string
	// SnoozedUntil puts the task out of sight until that day; Due stays
	// as it was, so the list can still say when it was first due.
	SnoozedUntil ukcal.Date
	Repeat       Repeat
	// RuleKey names the rule and the fact that made the task ("sar:ID"),
	// so that a rule never makes the same task twice. Empty when a person
	// made it.
	RuleKey   string
	DoneAt    time.Time
	DoneBy    string // username
	CreatedBy string
	CreatedAt time.Time
	// ReopenedBy is the manager (username) who opened the task again after
	// it was marked done. The rules never close a reopened task: a person
	// said its work was not finished.
	ReopenedBy string
}

// Filter narrows a task list.
type Filter struct {
	PatientID string
	// OwnerID and OwnerRole together are "my tasks": a person's own and
	// their role's. Either alone narrows to that owner.
	OwnerID   string
	OwnerRole string
	OpenOnly  bool
	DueBy     ukcal.Date // due (or snoozed until) on or before; none when zero
	Limit     int
}

// Limits on what is typed, so a list stays readable.
const (
	MaxTitle = 200
	MaxNote  = 2000
)

// IsDone reports whether the task has been ticked off.
func (k Task) IsDone() bool { return !k.DoneAt.IsZero() }

// Check says what is wrong with a task before it is saved, in words for
// the desk. Whether the owner or the patient exist is the facade's to
// check.
func (k Task) Check() error {
	switch {
	case strings.TrimSpace(k.Title) == "":
		return errors.New("say what needs doing, e.g. \"Call back about the X-ray results\"")
	case utf8.RuneCountInString(k.Title) > MaxTitle:
		return fmt.Errorf("keep what needs doing to %d characters: put the rest in the note", MaxTitle)
	case utf8.RuneCountInString(k.Note) > MaxNote:
		return fmt.Errorf("keep the note to %d characters", MaxNote)
	case k.Due.IsZero():
		return errors.New("choose the day it is due")
	case k.OwnerID == "" && k.OwnerRole == "":
		return errors.New("choose who will do it: a person, or everyone in a role (e.g. any receptionist)")
	case k.OwnerID != "" && k.OwnerRole != "":
		return errors.New("a task is owned by one person or by a role, not both")
	case !k.SnoozedUntil.IsZero() && !k.SnoozedUntil.After(k.Due):
		return fmt.Errorf("a task can only be snoozed to a day after it is due (%s)", k.Due.Short())
	}
	return k.Repeat.Check()
}

// EffectiveDue is the day the task next needs someone: the day it is due,
// or the day its snooze ends when that is later.
func (k Task) EffectiveDue() ukcal.Date {
	if k.SnoozedUntil.After(k.Due) {
		return k.SnoozedUntil
	}
	return k.Due
}

// State is where an open task stands on a given day.
type State int

// The states, in the order a list shows them.
const (
	Overdue  State = iota // its day has passed
	DueToday              // due today (or its snooze ends today)
	Snoozed               // put off until a later day
	Upcoming              // due on a later day
	Done
)

// Label is the state as the desk says it.
func (s State) Label() string {
	switch s {
	case Overdue:
		return "Overdue"
	case DueToday:
		return "Due today"
	case Snoozed:
		return "Snoozed"
	case Upcoming:
		return "Coming up"
	case Done:
		return "Done"
	}
	return ""
}

// String is the state's key in JSON and on the command line.
func (s State) String() string {
	switch s {
	case Overdue:
		return "overdue"
	case DueToday:
		return "due_today"
	case Snoozed:
		return "snoozed"
	case Upcoming:
		return "upcoming"
	case Done:
		return "done"
	}
	return ""
}

// MarshalText writes the state's key, so a State is a JSON string.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// StateOn is where the task stands on today. A task snoozed past today is
// Snoozed even when its first due day has gone: it was put off on
// purpose. A time of day does not make a task overdue before the day
// ends; it orders the day's list.
func (k Task) StateOn(today ukcal.Date) State {
	switch due := k.EffectiveDue(); {
	case k.IsDone():
		return Done
	case k.SnoozedUntil.After(today) && k.SnoozedUntil.After(k.Due):
		return Snoozed
	case due.Before(today):
		return Overdue
	case due == today:
		return DueToday
	}
	return Upcoming
}

// IsOverdue and IsDueToday are StateOn for one state.
func (k Task) IsOverdue(today ukcal.Date) bool  { return k.StateOn(today) == Overdue }
func (k Task) IsDueToday(today ukcal.Date) bool { return k.StateOn(today) == DueToday }

// Snooze puts an open task off until a later day. The day must be after
// today and after the day it is due; snoozing again moves it again.
func (k *Task) Snooze(until, today ukcal.Date) error {
	switch {
	case k.IsDone():
		return errors.New("that task is already done: there is nothing to snooze")
	case until.IsZero():
		return errors.New("choose the day to be reminded again")
	case !until.After(today):
		return fmt.Errorf("choose a day after today (%s) to snooze to", today.Short())
	case !until.After(k.Due):
		return fmt.Errorf("it is due %s: choose a later day to snooze to, or change the day it is due", k.Due.Short())
	}
	k.SnoozedUntil = until
	return nil
}

// Less orders a list as the desk works it: overdue first, then due today,
// then the rest by day; within a day, tasks with no time first (they are
// due from the start of the day), then by time; done tasks last, latest
// done first.
func Less(a, b Task, today ukcal.Date) bool {
	sa, sb := a.StateOn(today), b.StateOn(today)
	if sa != sb {
		return sa < sb
	}
	if sa == Done {
		return a.DoneAt.After(b.DoneAt)
	}
	if c := a.EffectiveDue().Compare(b.EffectiveDue()); c != 0 {
		return c < 0
	}
	if a.At != b.At {
		return a.At.Less(b.At)
	}
	if !a.CreatedAt.Equal(b.CreatedAt) {
		return a.CreatedAt.Before(b.CreatedAt)
	}
	return a.ID < b.ID
}
