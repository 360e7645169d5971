package app

import (
	"errors"
	"strconv"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/practice"
)

// Details reads the clinic's name, address and contact details. Anyone
// signed in may read them: they head every letter.
func (c *Clinic) Details() (practice.Details, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return practice.Details{}, ErrSignedOut
	}
	return c.store.Clinic()
}

// SaveDetails changes the clinic's details (managers only).
func (c *Clinic) SaveDetails(d practice.Details) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditClinic)
	if err != nil {
		return err
	}
	d.Name = cleanText(d.Name)
	d.Address = cleanText(d.Address)
	d.Phone = cleanText(d.Phone)
	d.Email = cleanText(d.Email)
	if d.Name == "" {
		return errors.New("the clinic needs a name")
	}
	if len(d.Logo) > 2<<20 {
		return errors.New("the logo is larger than 2 MB: use a smaller picture")
	}
	d.UpdatedAt = c.clock()
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveClinic(d); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "clinic.update", Entity: "clinic", ID: "1"})
	})
}

// Setting names. Values are strings in the settings table.
const (
	settingIdleLockMinutes = "security.idle_lock_minutes"
	settingBackupFolder    = "backup.folder"
	settingBackupKeep      = "backup.keep"
	settingLastBackup      = "backup.last"
)

// DefaultIdleLock is how long the app waits before locking itself.
const DefaultIdleLock = 5 * time.Minute

// IdleLock is how long the app may sit untouched before it locks.
func (c *Clinic) IdleLock() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return DefaultIdleLock
	}
	v, ok, err := c.store.Setting(settingIdleLockMinutes)
	if err != nil || !ok {
		return DefaultIdleLock
	}
	m, err := strconv.Atoi(v)
	if err != nil || m < 1 {
		return DefaultIdleLock
	}
	return time.Duration(m) * time.Minute
}

// SetIdleLock changes the idle time before locking (1 to 60 minutes).
func (c *Clinic) SetIdleLock(d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSecurity)
	if err != nil {
		return err
	}
	m := int(d / time.Minute)
	if m < 1 || m > 60 {
		return errors.New("the idle lock must be between 1 and 60 minutes")
	}
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SetSetting(settingIdleLockMinutes, strconv.Itoa(m)); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "settings.update", Entity: "settings", ID: settingIdleLockMinutes, Detail: strconv.Itoa(m)})
	})
}

// AuditLog lists audit rows for the manager, newest first.
func (c *Clinic) AuditLog(f audit.Filter) ([]audit.Entry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewAudit); err != nil {
		return nil, err
	}
	return c.store.ListAudit(f)
}
