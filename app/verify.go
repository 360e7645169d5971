package app

import (
	"fmt"
	"path/filepath"

	"clinicdesk/data"
)

// VerifyReport is what `clinicdesk verify` found.
type VerifyReport struct {
	AuditRows int64
	AuditHead string
	Full      bool // SQLite's full integrity_check ran, not only quick_check
	// Anchored says the trail was checked against its anchor file, which
	// recorded it up to row AnchorSeq.
	Anchored  bool
	AnchorSeq int64
	// BackupsChecked is how many backups' recorded heads the trail passes
	// through; BackupsSkipped names those not used, and why.
	BackupsChecked int
	BackupsSkipped []string
}

// Verify checks the whole clinic file: every page's HMAC, SQLite's
// structural check (full: its complete integrity check, which is about ten
// times slower), and the audit chain from the first row to the head, the
// three side by side on their own connections (data.CheckWholeFile).
//
// The chain is then held to what is kept outside the table: its
// append-only triggers must be as made, it must pass through the anchor
// beside the clinic file, and through the head each backup recorded (in
// the automatic backup folder and beside the clinic file), so that rows
// cut from its end with the head rewound are found.
func (c *Clinic) Verify(full bool) (VerifyReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return VerifyReport{}, err
	}
	r := VerifyReport{Full: full}
	w := c.store.CheckWholeFile(full)
	if w.Cipher != nil {
		return r, fmt.Errorf("the clinic file is damaged: %w", w.Cipher)
	}
	if w.Structure != nil {
		return r, fmt.Errorf("the clinic file is damaged: %w", w.Structure)
	}
	// The keyring is part of the clinic: a damaged recovery entry found
	// only when the key is needed would be found too late.
	if err := c.checkKeyringLocked(); err != nil {
		return r, err
	}
	if err := c.walProblemLocked(); err != nil {
		return r, err
	}
	r.AuditRows = w.AuditRows
	if w.Chain != nil {
		return r, w.Chain
	}
	_, r.AuditHead, err = c.store.AuditHead()
	if err != nil {
		return r, err
	}
	if err := c.checkAuditAnchorsLocked(&r); err != nil {
		return r, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "verify", Entity: "clinic", ID: c.keyring.ClinicID(), Detail: fmt.Sprintf("ok audit_rows=%d full=%t anchor=%d backups=%d", w.AuditRows, full, r.AnchorSeq, r.BackupsChecked)})
	})
	return r, err
}

// checkAuditAnchorsLocked holds the chain to its triggers, its anchor and
// the backups' heads.
func (c *Clinic) checkAuditAnchorsLocked(r *VerifyReport) error {
	if err := c.store.CheckAuditTriggers(); err != nil {
		return err
	}
	a, err := c.store.CheckAuditAnchor()
	if err != nil {
		return err
	}
	r.Anchored, r.AnchorSeq = a.Anchored, a.Seq
	b, err := c.backupSettingsLocked()
	if err != nil {
		return err
	}
	since, err := c.store.LastRestoreAt()
	if err != nil {
		return err
	}
	heads, err := c.store.CheckBackupHeads(c.key, c.keyring.ClinicID(), []string{b.Folder, filepath.Dir(c.path)}, since)
	r.BackupsChecked, r.BackupsSkipped = heads.Checked, heads.Skipped
	return err
}

// ResetAuditAnchor starts the audit anchor again at the trail's end, after
// verify said it did not fit and a manager has found out why (the clinic
// file was copied to this PC without it, say). The old anchor is kept
// beside, and the reset is recorded in the trail with what it said.
func (c *Clinic) ResetAuditAnchor() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return err
	}
	old, err := c.store.ResetAuditAnchor()
	if err != nil {
		return err
	}
	if old == "" {
		old = "none"
	}
	return c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "audit.anchor_reset", Entity: "clinic", ID: c.keyring.ClinicID(), Detail: "previous anchor: " + old})
	})
}

// Engine reports the encryption engine and cipher scheme in use.
func (c *Clinic) Engine() (data.Engine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return data.Engine{}, ErrSignedOut
	}
	return c.store.Engine()
}
