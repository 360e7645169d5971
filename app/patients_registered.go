package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// FirstContacts says, for each of the patients ids, when the clinic first
// heard of them: the earliest booking of one of their appointments or
// referral about them. Patients with neither are not in the map. A
// generated clinic dates its patients' registrations from it.
func (c *Clinic) FirstContacts(ids []string) (map[string]time.Time, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermImportPatients)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return store.FirstContacts(ids)
}

// DateRegistrations sets when generated patients were registered, so a
// demo or seeded clinic's new patients arrive over its years rather than
// all on the day it was made. A real import keeps its import day: this is
// for history the seed makes up. No time may be after now.
func (c *Clinic) DateRegistrations(when map[string]time.Time) (int, error) {
	now := c.clock()
	for id, at := range when {
		if at.IsZero() || at.After(now) {
			return 0, fmt.Errorf("patient %s cannot be registered at %v: give a time no later than now", id, at)
		}
	}
	if len(when) == 0 {
		return 0, errors.New("no patients to date")
	}
	var n int
	err := c.do(PermImportPatients, func(tx *writeTx) error {
		var err error
		if n, err = tx.SetPatientsCreated(when); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient.registrations_dated", Entity: "import", ID: uuid.Must(uuid.NewV7()).String(),
			Detail: fmt.Sprintf("%d generated patients dated from their first appointment or referral", n)})
	})
	return n, err
}
