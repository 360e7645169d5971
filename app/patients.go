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

// PatientOptions changes what CreatePatient and UpdatePatient accept.
type PatientOptions struct {
	// AllowPseudoPostcode: ZZ99 3VZ / ZZ99 3WZ chosen on purpose.
	AllowPseudoPostcode bool
	// Typed are the record's dates as a form's boxes hold them (nil keeps
	// the record's own): the clinic reads them, and says under each field
	// what is not a date.
	Typed *patients.TypedDates
}

func (c *Clinic) today() ukcal.Date { return ukcal.Today(c.clock()) }

func (c *Clinic) normalise(p *patients.Patient, o PatientOptions) error {
	return patients.Normalise(p, patients.Options{Today: c.today(), AllowPseudoPostcode: o.AllowPseudoPostcode, Typed: o.Typed})
}

// CreatePatient validates and adds a patient. Check PossibleDuplicates
// first: this does not refuse a duplicate, since two people can share a
// name and a birthday.
func (c *Clinic) CreatePatient(p patients.Patient, o PatientOptions) (patients.Patient, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditPatients)
	if err != nil {
		return patients.Patient{}, err
	}
	if err := c.normalise(&p, o); err != nil {
		return patients.Patient{}, err
	}
	now := c.clock().UTC()
	p.ID = uuid.Must(uuid.NewV7()).String()
	p.Status = patients.Active
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
func (c *Clinic) PossibleDuplicates(p patients.Patient) ([]patients.Duplicate, error) {
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
func (c *Clinic) Patient(id string) (patients.Patient, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return patients.Patient{}, err
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
func (c *Clinic) UpdatePatient(p patients.Patient, o PatientOptions) (patients.Patient, error) {
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
		if old.Status == patients.Merged {
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
func (c *Clinic) SearchPatients(text string, includeArchived bool, limit int) ([]patients.PatientSummary, error) {
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
func (c *Clinic) ListPatients(f patients.PatientFilter) ([]patients.Patient, error) {
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
func (c *Clinic) CountPatients(status patients.Status) (int, error) {
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
		if p.Status == patients.Merged {
			return errors.New("this record was merged into another and cannot be archived")
		}
		action := "patient.archive"
		if archive {
			p.Status, p.ArchivedAt = patients.Archived, c.clock()
		} else {
			p.Status, p.ArchivedAt, action = patients.Active, time.Time{}, "patient.unarchive"
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
func DeleteConfirmation(p patients.Patient) string { return "DELETE " + strings.ToUpper(p.Surname) }

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
