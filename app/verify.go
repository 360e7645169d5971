package app

import (
	"fmt"

	"clinicdesk/data"
)

// VerifyReport is what `clinicdesk verify` found.
type VerifyReport struct {
	AuditRows int64
	AuditHead string
	Full      bool // SQLite's full integrity_check ran, not only quick_check
}

// Verify checks the whole clinic file: SQLCipher's page HMACs, SQLite's
// structural check (full: its complete integrity check, which is about ten
// times slower), and the audit chain from the first row to the head. The
// page checks and the chain walk run side by side on their own
// connections, as each is a long read of its own.
func (c *Clinic) Verify(full bool) (VerifyReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return VerifyReport{}, err
	}
	r := VerifyReport{Full: full}
	// SQLite's structural check is the longest part (32 s of 53 at 100,000
	// patients and a million appointments), so it has a core to itself
	// while the page HMACs and then the audit chain are checked on the other.
	structure := make(chan error, 1)
	go func() { structure <- c.store.StructureCheck(full) }()
	cipherErr := c.store.CipherCheck()
	var n int64
	var chainErr error
	if cipherErr == nil {
		n, chainErr = c.store.VerifyAudit()
	}
	structureErr := <-structure
	if cipherErr != nil {
		return r, fmt.Errorf("the clinic file is damaged: %w", cipherErr)
	}
	if structureErr != nil {
		return r, fmt.Errorf("the clinic file is damaged: %w", structureErr)
	}
	// The keyring is part of the clinic: a damaged recovery entry found
	// only when the key is needed would be found too late.
	if err := c.checkKeyringLocked(); err != nil {
		return r, err
	}
	r.AuditRows = n
	if chainErr != nil {
		return r, chainErr
	}
	_, r.AuditHead, err = c.store.AuditHead()
	if err != nil {
		return r, err
	}
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		return audit("verify", "clinic", c.keyring.ClinicID(), "", fmt.Sprintf("ok audit_rows=%d full=%t", n, full))
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
