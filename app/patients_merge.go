package app

import (
	"errors"

	"clinicdesk/app/patients"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// MergePatients moves everything of the duplicate to the survivor and
// marks the duplicate merged (managers only). UndoMerge reverses it.
func (c *Clinic) MergePatients(survivorID, duplicateID string) (patients.Merge, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermMergePatients)
	if err != nil {
		return patients.Merge{}, err
	}
	if survivorID == duplicateID {
		return patients.Merge{}, errors.New("choose two different records to merge")
	}
	var m patients.Merge
	err = c.writeAs(s, func(tx *writeTx) error {
		for _, id := range []string{survivorID, duplicateID} {
			p, err := tx.Patient(id)
			if err != nil {
				return err
			}
			if p.Status == patients.Merged {
				return errors.New("one of these records has already been merged into another")
			}
		}
		m, err = tx.MergePatients(patients.Merge{ID: uuid.Must(uuid.NewV7()).String(), SurvivorID: survivorID,
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
func (c *Clinic) Merges(patientID string) ([]patients.Merge, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.Merges(patientID)
}
