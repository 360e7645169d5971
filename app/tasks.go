package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// The worklist (SPEC §2.6): everyone signed in may add, change, snooze
// and tick off tasks, from anywhere, about a patient or not
// (PermNotePatients, as follow-ups always were). Only a manager reopens a
// task marked done. The lists need PermViewPatients: a clinician sees the
// team list too, because they may already open every record, so the
// titles tell them nothing new, and covering for an absent colleague
// means seeing what was theirs.

// TaskInput is a task as someone types it.
type TaskInput struct {
	Title     string
	Note      string
	PatientID string // optional; fixed once the task is made
	Due       ukcal.Date
	At        tasks.TimeOfDay // optional
	// Who does it: a person (OwnerID), or everyone in a role. Neither is
	// the person adding it.
	OwnerID   string
	OwnerRole Role
	Repeat    tasks.Repeat
}

// AddTask adds a follow-up, optionally about a patient, owned by a user
// (the signed-in user when ownerID is empty).
func (c *Clinic) AddTask(patientID, title string, due ukcal.Date, ownerID string) (tasks.Task, error) {
	return c.NewTask(TaskInput{PatientID: patientID, Title: title, Due: due, OwnerID: ownerID})
}

// NewTask adds a task.
func (c *Clinic) NewTask(in TaskInput) (tasks.Task, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return tasks.Task{}, err
	}
	k := tasks.Task{ID: newID(), PatientID: in.PatientID, CreatedBy: s.User.Username, CreatedAt: c.clock().UTC()}
	if err := c.fillTaskLocked(&k, in, s); err != nil {
		return tasks.Task{}, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if k.PatientID != "" {
			p, err := tx.Patient(k.PatientID)
			if err != nil {
				return notFound(err, "that patient's record is not in this clinic file")
			}
			if p.Status == patients.Merged {
				return errors.New("this record was merged into another: add the task on that record")
			}
		}
		if err := tx.InsertTask(k); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "task.create", Entity: "task", ID: k.ID, Patient: k.PatientID, Detail: taskDetail(k)})
	})
	return k, err
}

// fillTaskLocked puts what was typed on k and checks it: the words, the
// owner (someone who can still sign in, or a role), the repeat. Caller
// holds c.mu.
func (c *Clinic) fillTaskLocked(k *tasks.Task, in TaskInput, s *Session) error {
	k.Title = strings.Join(strings.Fields(cleanText(in.Title)), " ")
	k.Note = cleanText(in.Note)
	k.Due, k.At, k.Repeat = in.Due, in.At, in.Repeat
	k.OwnerID, k.OwnerRole = in.OwnerID, ""
	if in.OwnerRole != "" {
		if in.OwnerID != "" {
			return errors.New("a task is owned by one person or by a role, not both")
		}
		r, err := ParseRole(string(in.OwnerRole))
		if err != nil {
			return err
		}
		k.OwnerRole = string(r)
	} else if k.OwnerID == "" {
		k.OwnerID = s.User.ID
	}
	if k.OwnerID != "" {
		owner, err := c.store.UserByID(k.OwnerID)
		if err != nil || !owner.Active {
			return errors.New("choose someone who can still sign in to own the task, or a role")
		}
	}
	if !k.SnoozedUntil.After(k.Due) {
		k.SnoozedUntil = ukcal.Date{} // moved past its snooze: nothing left to wait for
	}
	return k.Check()
}

// taskDetail is a task's audit detail: when and whose, never its words
// (they may say more about the patient than the trail should).
func taskDetail(k tasks.Task) string {
	d := "due " + k.Due.String()
	if !k.At.IsZero() {
		d += " " + k.At.String()
	}
	if k.OwnerRole != "" {
		d += ", owner: any " + k.OwnerRole
	}
	if !k.Repeat.IsZero() {
		d += ", repeats " + k.Repeat.Words()
	}
	return d
}

// openTaskTx reads a task that is not done yet.
func openTaskTx(tx *writeTx, id string) (tasks.Task, error) {
	k, err := tx.Task(id)
	if err != nil {
		return k, notFound(err, "that task is not in this clinic file")
	}
	if k.IsDone() {
		return k, fmt.Errorf("that task was done on %s by %s", ukcal.WallDate(k.DoneAt).Short(), k.DoneBy)
	}
	return k, nil
}

// ChangeTask saves new words, day, time, owner or repeat on an open task.
// The patient it is about does not change.
func (c *Clinic) ChangeTask(id string, in TaskInput) (tasks.Task, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return tasks.Task{}, err
	}
	var k tasks.Task
	err = c.writeAs(s, func(tx *writeTx) error {
		if k, err = openTaskTx(tx, id); err != nil {
			return err
		}
		if err := c.fillTaskLocked(&k, in, s); err != nil {
			return err
		}
		if err := tx.UpdateTask(k); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "task.update", Entity: "task", ID: k.ID, Patient: k.PatientID, Detail: taskDetail(k)})
	})
	return k, err
}

// SnoozeTask puts an open task off until a later day; it stays due on its
// first day, so the list can say how long it has waited.
func (c *Clinic) SnoozeTask(id string, until ukcal.Date) (tasks.Task, error) {
	var k tasks.Task
	err := c.do(PermNotePatients, func(tx *writeTx) error {
		var err error
		if k, err = openTaskTx(tx, id); err != nil {
			return err
		}
		if err := k.Snooze(until, c.today()); err != nil {
			return err
		}
		if err := tx.UpdateTask(k); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "task.snooze", Entity: "task", ID: k.ID, Patient: k.PatientID,
			Detail: "until " + until.String() + ", first due " + k.Due.String()})
	})
	return k, err
}

// CompleteTask ticks a task off (see MarkTaskDone).
func (c *Clinic) CompleteTask(id string) error {
	_, err := c.MarkTaskDone(id)
	return err
}

// MarkTaskDone ticks a task off. A repeating task's next one is made in
// the same transaction, due on the rule's next day after both its day and
// today, and returned (zero when it does not repeat).
func (c *Clinic) MarkTaskDone(id string) (next tasks.Task, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return next, err
	}
	region, today, now := c.bankHolidayRegionLocked(), c.today(), c.clock().UTC()
	err = c.writeAs(s, func(tx *writeTx) error {
		k, err := openTaskTx(tx, id)
		if err != nil {
			return err
		}
		if err := tx.CompleteTask(id, s.User.Username, now); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "task.done", Entity: "task", ID: id, Patient: k.PatientID}); err != nil {
			return err
		}
		if k.Repeat.IsZero() {
			return nil
		}
		next = k
		next.ID, next.RuleKey, next.SnoozedUntil = newID(), "", ukcal.Date{}
		next.Due = k.Repeat.NextDue(k.Due, today, region)
		next.DoneAt, next.DoneBy = time.Time{}, ""
		next.CreatedBy, next.CreatedAt = s.User.Username, now
		if err := tx.InsertTask(next); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "task.create", Entity: "task", ID: next.ID, Patient: next.PatientID,
			Detail: taskDetail(next) + ", the next of task " + k.ID})
	})
	if err != nil {
		return tasks.Task{}, err
	}
	return next, nil
}

// ReopenTask makes a task marked done open again (a manager's to do: a
// tick is a record of work). A repeating task's next one, already made,
// stays. A task the rules made is from then on the people's to close: the
// rules' next run would otherwise mark it done again, undoing the
// manager's word.
func (c *Clinic) ReopenTask(id string) error {
	return c.do(PermReopenTasks, func(tx *writeTx) error {
		k, err := tx.Task(id)
		if err != nil {
			return notFound(err, "that task is not in this clinic file")
		}
		note := k.Note
		if k.DoneBy == tasks.DoneByRules {
			note = tasks.ReopenedNote(k.Note, tx.session.User.FullName, c.today())
		}
		if err := tx.ReopenTask(id, tx.session.User.Username, note); errors.Is(err, data.ErrNotFound) {
			return errors.New("that task is not done: there is nothing to reopen")
		} else if err != nil {
			return err
		}
		detail := "was done by " + k.DoneBy + " on " + ukcal.WallDate(k.DoneAt).String()
		if k.RuleKey != "" {
			detail += "; ClinicDesk's rules will not close it again"
		}
		return tx.audit(auditEvent{Action: "task.reopen", Entity: "task", ID: id, Patient: k.PatientID, Detail: detail})
	})
}
