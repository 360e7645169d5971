package app

import (
	"errors"
	"io"
	"path/filepath"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"
)

// Whether the Emergency recovery sheet of the current recovery key was
// ever saved or printed is kept in the audit trail: a "recovery.sheet_saved"
// row after the latest "recovery.issue" (written when a key is made). The
// trail is hash-chained and cannot be edited, so the record is as
// trustworthy as the rest of the trail and needs no table of its own.
const (
	auditRecoveryIssue      = "recovery.issue"
	auditRecoverySheetSaved = "recovery.sheet_saved"
)

// RecoverySheetStatus says what is known of the current recovery key's
// Emergency recovery sheet.
type RecoverySheetStatus struct {
	Saved     bool      // the sheet of the current key was saved or printed
	KeyMade   time.Time // when the current key was made (zero if unknown)
	KeyMadeBy string    // who made it (full name when known)
	SavedAt   time.Time // when its sheet was saved, if Saved
	SavedBy   string
}

// WriteRecoverySheet writes the Emergency recovery sheet of key, a
// recovery key made at made, as a one-page PDF to w: the clinic's name and
// address, where its file is, the key, and who made it (the manager
// signed in). The clinic never keeps the key, so the caller gives it, and
// calls MarkRecoverySheetSaved once the file is safely written. Managers
// only, like making the key. The wizard, Settings › Security and
// `clinicdesk init --sheet` all print the sheet through here.
func (c *Clinic) WriteRecoverySheet(w io.Writer, key string, made time.Time) error {
	if key == "" {
		return errors.New("there is no new recovery key to print: make one first")
	}
	c.mu.Lock()
	s, err := c.require(PermSecurity)
	if err != nil {
		c.mu.Unlock()
		return err
	}
	d, err := c.store.Clinic()
	c.mu.Unlock()
	if err != nil {
		return err
	}
	where := c.path
	if abs, err := filepath.Abs(where); err == nil {
		where = abs
	}
	return letters.RecoverySheet(w, letters.RecoverySheetData{
		ClinicName:    d.Name,
		ClinicAddress: d.Address,
		ClinicFile:    where,
		RecoveryKey:   key,
		Created:       made.In(ukcal.London()),
		CreatedBy:     s.User.FullName,
	})
}

// MarkRecoverySheetSaved records that the Emergency recovery sheet of the
// current recovery key has just been saved or printed. Managers only, like
// making the key.
func (c *Clinic) MarkRecoverySheetSaved() error {
	return c.do(PermSecurity, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: auditRecoverySheetSaved, Entity: "keyring", ID: c.keyring.ClinicID()})
	})
}

// RecoverySheetSaved reports whether the current recovery key's sheet was
// ever saved or printed. Managers only.
func (c *Clinic) RecoverySheetSaved() (bool, error) {
	st, err := c.RecoverySheet()
	return st.Saved, err
}

// RecoverySheet says when the current recovery key was made and whether
// (and when, by whom) its sheet was saved. Managers only: nobody else can
// act on it.
func (c *Clinic) RecoverySheet() (RecoverySheetStatus, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSecurity); err != nil {
		return RecoverySheetStatus{}, err
	}
	issued, err := c.latestAuditLocked(auditRecoveryIssue)
	if err != nil {
		return RecoverySheetStatus{}, err
	}
	saved, err := c.latestAuditLocked(auditRecoverySheetSaved)
	if err != nil {
		return RecoverySheetStatus{}, err
	}
	var st RecoverySheetStatus
	if issued != nil {
		st.KeyMade, st.KeyMadeBy = issued.At, c.fullNameLocked(issued.Username)
	}
	// A sheet saved before the latest key was made is the old key's.
	if saved != nil && (issued == nil || saved.Seq > issued.Seq) {
		st.Saved, st.SavedAt, st.SavedBy = true, saved.At, c.fullNameLocked(saved.Username)
	}
	return st, nil
}

// latestAuditLocked is the newest audit row with this action, or nil.
func (c *Clinic) latestAuditLocked(action string) (*audit.Entry, error) {
	rows, err := c.store.ListAudit(audit.Filter{Action: action, Limit: 1})
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// fullNameLocked names a user as colleagues know them, or by user name if
// the user is gone.
func (c *Clinic) fullNameLocked(username string) string {
	if u, err := c.store.UserByName(username); err == nil && u.FullName != "" {
		return u.FullName
	}
	return username
}
