package app

import (
	"fmt"

	"clinicdesk/data"
)

// VerifyReport is what `clinicdesk verify` found.
type VerifyReport struct {
	AuditRows int64
	AuditHead string
}

// Verify checks the whole clinic file: SQLCipher's page HMACs, SQLite's
// integrity check, and the audit chain from the first row to the head.
func (c *Clinic) Verify() (VerifyReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return VerifyReport{}, err
	}
	var r VerifyReport
	if err := c.store.IntegrityCheck(); err != nil {
		return r, fmt.Errorf("the clinic file is damaged: %w", err)
	}
	n, err := c.store.VerifyAudit()
	r.AuditRows = n
	if err != nil {
		return r, err
	}
	_, r.AuditHead, err = c.store.AuditHead()
	if err != nil {
		return r, err
	}
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		return audit("verify", "clinic", c.keyring.ClinicID(), "", fmt.Sprintf("ok audit_rows=%d", n))
	})
	return r, err
}

// CipherVersion reports the SQLCipher and SQLite versions in use.
func (c *Clinic) CipherVersion() (string, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return "", "", ErrSignedOut
	}
	return c.store.CipherVersion()
}
