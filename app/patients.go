package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// Patient records, re-exported for the screens.
type (
	Patient        = data.Patient
	PatientSummary = data.PatientSummary
	Alert          = data.Alert
	PatientFilter  = data.PatientFilter
	Note           = data.Note
	Task           = data.Task
	TaskFilter     = data.TaskFilter
	Merge          = data.Merge
)

// PatientOptions changes what CreatePatient and UpdatePatient accept.
type PatientOptions struct {
	// AllowPseudoPostcode: ZZ99 3VZ / ZZ99 3WZ chosen on purpose.
	AllowPseudoPostcode bool
}

func (c *Clinic) today() ukcal.Date { return ukcal.Today(c.clock()) }

func (c *Clinic) normalise(p *Patient, o PatientOptions) error {
	return patients.Normalise(p, patients.Options{Today: c.today(), AllowPseudoPostcode: o.AllowPseudoPostcode})
}

// CreatePatient validates and adds a patient. Check PossibleDuplicates
// first: this does not refuse a duplicate, since two people can share a
// name and a birthday.
func (c *Clinic) CreatePatient(p Patient, o PatientOptions) (Patient, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditPatients)
	if err != nil {
		return Patient{}, err
	}
	if err := c.normalise(&p, o); err != nil {
		return Patient{}, err
	}
	now := c.clock().UTC()
	p.ID = uuid.Must(uuid.NewV7()).String()
	p.Status = data.PatientActive
	p.MergedInto, p.ArchivedAt = "", time.Time{}
	p.CreatedAt, p.UpdatedAt = now, now
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.InsertPatient(p); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.create", Entity: "patient", ID: p.ID, Patient: p.ID})
	})
	return p, err
}

// PossibleDuplicates lists existing records that may be the same person
// as p, with the reason, for the warning while creating.
func (c *Clinic) PossibleDuplicates(p Patient) ([]patients.Duplicate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	probe := p
	patients.Normalise(&probe, patients.Options{AllowPseudoPostcode: true}) // best effort: compare like with like
	candidates, err := c.store.DuplicateCandidates(probe)
	if err != nil {
		return nil, err
	}
	return patients.LikelyDuplicates(probe, candidates), nil
}

// Patient opens one record; the view is audited.
func (c *Clinic) Patient(id string) (Patient, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return Patient{}, err
	}
	p, err := c.store.Patient(id)
	if err != nil {
		if errors.Is(err, data.ErrNotFound) {
			return p, errors.New("that patient's record is not in this clinic file")
		}
		return p, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "patient.view", Entity: "patient", ID: p.ID, Patient: p.ID})
	})
	return p, err
}

// UpdatePatient saves changes to a record; the audit row names the fields
// that changed (never their values).
func (c *Clinic) UpdatePatient(p Patient, o PatientOptions) (Patient, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditPatients)
	if err != nil {
		return p, err
	}
	if err := c.normalise(&p, o); err != nil {
		return p, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		old, err := tx.Patient(p.ID)
		if err != nil {
			return err
		}
		if old.Status == data.PatientMerged {
			return errors.New("this record was merged into another: open that one instead")
		}
		// What the form does not edit stays as it was.
		p.Status, p.MergedInto, p.ArchivedAt, p.CreatedAt = old.Status, old.MergedInto, old.ArchivedAt, old.CreatedAt
		p.UpdatedAt = c.clock().UTC()
		changed := patients.ChangedFields(old, p)
		if len(changed) == 0 {
			return nil
		}
		if err := tx.UpdatePatient(p); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.update", Entity: "patient", ID: p.ID, Patient: p.ID, Detail: "changed: " + strings.Join(changed, ", ")})
	})
	return p, err
}

// SearchPatients finds patients as the user types: list rows, not whole
// records. It is not audited per keystroke; opening a record is.
func (c *Clinic) SearchPatients(text string, includeArchived bool, limit int) ([]PatientSummary, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewPatients)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	q := patients.ParseQueryOn(text, c.today())
	q.IncludeArchived, q.Limit = includeArchived, limit
	// Reads run outside the session lock so a search never waits behind a
	// write; SQLite's WAL gives it a consistent snapshot.
	return store.SearchPatients(q)
}

// ListPatients pages through patients by name.
func (c *Clinic) ListPatients(f PatientFilter) ([]Patient, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewPatients)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return store.Patients(f)
}

// CountPatients counts patients with a status ("" for every record).
func (c *Clinic) CountPatients(status string) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return 0, err
	}
	return c.store.CountPatients(status)
}

// ArchivePatient moves a record out of the everyday lists; it is kept for
// its retention period and can be brought back.
func (c *Clinic) ArchivePatient(id string) error {
	return c.setArchived(id, true)
}

// UnarchivePatient brings an archived record back.
func (c *Clinic) UnarchivePatient(id string) error {
	return c.setArchived(id, false)
}

func (c *Clinic) setArchived(id string, archive bool) error {
	return c.do(PermArchivePatient, func(tx *writeTx) error {
		p, err := tx.Patient(id)
		if err != nil {
			return err
		}
		if p.Status == data.PatientMerged {
			return errors.New("this record was merged into another and cannot be archived")
		}
		action := "patient.archive"
		if archive {
			p.Status, p.ArchivedAt = data.PatientArchived, c.clock()
		} else {
			p.Status, p.ArchivedAt, action = data.PatientActive, time.Time{}, "patient.unarchive"
		}
		p.UpdatedAt = c.clock()
		if err := tx.UpdatePatient(p); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: action, Entity: "patient", ID: id, Patient: id})
	})
}

// DeleteConfirmation is what a manager must type to delete a record: the
// patient's surname, so the wrong record cannot be deleted by a slip.
func DeleteConfirmation(p Patient) string { return "DELETE " + strings.ToUpper(p.Surname) }

// DeletePatient removes a record and everything that is the patient's.
// Managers only, with the typed confirmation; the audit trail keeps that
// it happened (not the record).
func (c *Clinic) DeletePatient(id, typed string) error {
	return c.do(PermDeletePatient, func(tx *writeTx) error {
		p, err := tx.Patient(id)
		if err != nil {
			return err
		}
		want := DeleteConfirmation(p)
		if strings.TrimSpace(typed) != want {
			return fmt.Errorf("to delete this record, type %s exactly", want)
		}
		if err := tx.DeletePatient(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.delete", Entity: "patient", ID: id, Patient: id})
	})
}

// MergePatients moves everything of the duplicate to the survivor and
// marks the duplicate merged (managers only). UndoMerge reverses it.
func (c *Clinic) MergePatients(survivorID, duplicateID string) (Merge, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermMergePatients)
	if err != nil {
		return Merge{}, err
	}
	if survivorID == duplicateID {
		return Merge{}, errors.New("choose two different records to merge")
	}
	var m Merge
	err = c.writeAs(s, func(tx *writeTx) error {
		for _, id := range []string{survivorID, duplicateID} {
			p, err := tx.Patient(id)
			if err != nil {
				return err
			}
			if p.Status == data.PatientMerged {
				return errors.New("one of these records has already been merged into another")
			}
		}
		m, err = tx.MergePatients(data.Merge{ID: uuid.Must(uuid.NewV7()).String(), SurvivorID: survivorID,
			MergedID: duplicateID, MergedBy: s.User.Username, MergedAt: c.clock()})
		if err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "patient.merge", Entity: "merge", ID: m.ID, Patient: survivorID, Detail: "merged in " + duplicateID}); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.merged_into", Entity: "merge", ID: m.ID, Patient: duplicateID, Detail: "into " + survivorID})
	})
	return m, err
}

// UndoMerge puts a merged record back as it was before the merge.
func (c *Clinic) UndoMerge(mergeID string) error {
	return c.do(PermMergePatients, func(tx *writeTx) error {
		m, err := tx.UndoMerge(mergeID, tx.session.User.Username, c.clock())
		if errors.Is(err, data.ErrNotFound) {
			return errors.New("that merge does not exist or was already undone")
		}
		if err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "patient.unmerge", Entity: "merge", ID: m.ID, Patient: m.SurvivorID, Detail: "took out " + m.MergedID}); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.unmerge", Entity: "merge", ID: m.ID, Patient: m.MergedID, Detail: "restored from " + m.SurvivorID})
	})
}

// Merges lists the merges a patient took part in.
func (c *Clinic) Merges(patientID string) ([]Merge, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.Merges(patientID)
}

// AddNote adds a note to a patient's record.
func (c *Clinic) AddNote(patientID, body string) (Note, error) {
	return c.addNote(patientID, "note", "", body)
}

// LogCall records a phone call, "in" or "out".
func (c *Clinic) LogCall(patientID, direction, body string) (Note, error) {
	if direction != "in" && direction != "out" {
		return Note{}, errors.New("say whether the call was incoming or outgoing")
	}
	return c.addNote(patientID, "call", direction, body)
}

func (c *Clinic) addNote(patientID, kind, direction, body string) (Note, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return Note{}, err
	}
	body = cleanText(body)
	if body == "" {
		return Note{}, errors.New("write something first")
	}
	n := Note{ID: uuid.Must(uuid.NewV7()).String(), PatientID: patientID, Kind: kind, Direction: direction,
		Body: body, CreatedBy: s.User.Username, CreatedAt: c.clock()}
	err = c.writeAs(s, func(tx *writeTx) error {
		if _, err := tx.Patient(patientID); err != nil {
			return err
		}
		if err := tx.InsertNote(n); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient." + kind, Entity: kind, ID: n.ID, Patient: patientID, Detail: direction})
	})
	return n, err
}

// AddTask adds a follow-up, optionally about a patient, owned by a user.
func (c *Clinic) AddTask(patientID, title string, due ukcal.Date, ownerID string) (Task, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return Task{}, err
	}
	title = cleanText(title)
	if title == "" {
		return Task{}, errors.New("say what needs doing, e.g. \"Call back about the X-ray results\"")
	}
	if due.IsZero() {
		return Task{}, errors.New("choose the day it is due")
	}
	if ownerID == "" {
		ownerID = s.User.ID
	}
	owner, err := c.store.UserByID(ownerID)
	if err != nil || !owner.Active {
		return Task{}, errors.New("choose someone who can still sign in to own the follow-up")
	}
	k := Task{ID: uuid.Must(uuid.NewV7()).String(), PatientID: patientID, Title: title, Due: due,
		OwnerID: ownerID, CreatedBy: s.User.Username, CreatedAt: c.clock()}
	err = c.writeAs(s, func(tx *writeTx) error {
		if patientID != "" {
			if _, err := tx.Patient(patientID); err != nil {
				return err
			}
		}
		if err := tx.InsertTask(k); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "task.create", Entity: "task", ID: k.ID, Patient: patientID, Detail: "due " + k.Due.String()})
	})
	return k, err
}

// CompleteTask ticks a follow-up off.
func (c *Clinic) CompleteTask(id string) error {
	return c.do(PermNotePatients, func(tx *writeTx) error {
		k, err := tx.Task(id)
		if err != nil {
			return err
		}
		if err := tx.CompleteTask(id, tx.session.User.Username, c.clock()); err != nil {
			return errors.New("that follow-up is already done")
		}
		return tx.audit(auditEvent{Action: "task.done", Entity: "task", ID: id, Patient: k.PatientID})
	})
}

// Tasks lists follow-ups.
func (c *Clinic) Tasks(f TaskFilter) ([]Task, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.Tasks(f)
}

// StaffList lists active users for choosing a task's owner (anyone
// signed in may see who their colleagues are).
func (c *Clinic) StaffList() ([]User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	users, err := c.store.Users()
	var active []User
	for _, u := range users {
		if u.Active {
			active = append(active, u)
		}
	}
	return active, err
}
