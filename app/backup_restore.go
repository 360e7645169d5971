package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/backups"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// RestorePreview is what the restore confirmation names: when the backup
// was made, by whom, and what done since would be lost.
type RestorePreview struct {
	Manifest backups.Manifest
	// MadeBy is "Full Name (username)" from this clinic's audit trail, or
	// "" when the trail does not say (a backup made elsewhere, or on close
	// before anyone signed in: "system").
	MadeBy string
	// Patients and Appointments are how many records were added or changed
	// after the backup was made, as the audit trail tells it.
	Patients, Appointments int
	// Counted is false when the trail since the backup was too long to
	// count: the screen then says only that everything since is lost.
	Counted bool
}

// restoreCountPages bounds the counting of changes since a backup (1000
// rows a page): a backup a year old must not keep the manager waiting.
const restoreCountPages = 20

// errOtherClinic is refused before anything: another clinic's backup put
// in place would lock this clinic's staff out of their own records.
var errOtherClinic = errors.New("this backup is of another clinic, not this one: choose a backup of this clinic")

// PreviewRestore reads a backup's manifest and says what restoring it
// would replace (managers only). Nothing is changed.
func (c *Clinic) PreviewRestore(archive string) (RestorePreview, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.requireRestorer(); err != nil {
		return RestorePreview{}, err
	}
	m, err := data.ReadBackupManifest(archive)
	if err != nil {
		return RestorePreview{}, fmt.Errorf("%s cannot be restored: %w", filepath.Base(archive), err)
	}
	if m.ClinicID != c.keyring.ClinicID() {
		return RestorePreview{}, errOtherClinic
	}
	p := RestorePreview{Manifest: m}
	p.MadeBy = c.backupMakerLocked(m)
	p.Patients, p.Appointments, p.Counted = c.changesSinceLocked(m)
	return p, nil
}

// requireRestorer: only a practice manager may restore, whatever roles
// may one day be given the backup permission.
func (c *Clinic) requireRestorer() (*Session, error) {
	s, err := c.require(PermBackup)
	if err != nil {
		return nil, err
	}
	if s.Role != Manager {
		return nil, &PermissionError{Role: s.Role, Perm: "restore a backup"}
	}
	return s, nil
}

// backupMakerLocked finds the "Made a backup" row written just after the
// backup, by the audit position the manifest recorded (positions, not
// times: the manifest's time is the computer's, the trail's the clinic's).
func (c *Clinic) backupMakerLocked(m backups.Manifest) string {
	rows, err := c.store.ListAudit(audit.Filter{Action: "backup.create", Before: m.AuditSeq + 50, Limit: 50})
	if err != nil {
		return ""
	}
	want := fmt.Sprintf("audit_seq=%d", m.AuditSeq)
	for _, r := range rows {
		if r.Detail != want || r.Seq <= m.AuditSeq || r.Username == "system" {
			continue
		}
		if u, err := c.store.UserByName(r.Username); err == nil && u.FullName != "" {
			return fmt.Sprintf("%s (%s)", u.FullName, u.Username)
		}
		return r.Username
	}
	return ""
}

// changesSinceLocked counts the patients' records and appointments added
// or changed after the backup's point in the audit trail. It counts only
// when this clinic's trail passes through that point: a backup from
// before an earlier restore (another line of history) is not counted.
func (c *Clinic) changesSinceLocked(m backups.Manifest) (patients, appointments int, counted bool) {
	at, err := c.store.ListAudit(audit.Filter{Before: m.AuditSeq + 1, Limit: 1})
	if err != nil || len(at) != 1 || at[0].Seq != m.AuditSeq || at[0].Hash != m.AuditHead {
		return 0, 0, false
	}
	seenP, seenA := map[string]bool{}, map[string]bool{}
	before := int64(0)
	for page := 0; page < restoreCountPages; page++ {
		rows, err := c.store.ListAudit(audit.Filter{Before: before, Limit: 1000})
		if err != nil {
			return 0, 0, false
		}
		for _, r := range rows {
			if r.Seq <= m.AuditSeq {
				return len(seenP), len(seenA), true
			}
			switch {
			case r.Entity == "patient" && r.Action != "patient.view" && r.Action != "patient.export":
				seenP[r.EntityID] = true
			case r.Entity == "appointment":
				seenA[r.EntityID] = true
			}
		}
		if len(rows) < 1000 {
			return len(seenP), len(seenA), true
		}
		before = rows[len(rows)-1].Seq
	}
	return 0, 0, false
}

// RestoreFrom puts a backup of this clinic in place of the open clinic file
// (managers only). password is the manager's password as it was when the
// backup was made: it opens the backup's own keyring (as RestoreBackup
// does on the command line), and proves that someone can sign in to the
// clinic once it is restored, so a restore never locks the clinic out.
//
// The clinic file is closed, data.Restore swaps the files (crash safe:
// the old file is kept as *.before-restore-<time>), and everyone signs in
// again with the backup's passwords: on success the session has ended.
// On failure the clinic as it was is opened again and the session goes
// on; the failure is on its audit trail.
func (c *Clinic) RestoreFrom(archive, password string) (backups.Manifest, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.requireRestorer()
	if err != nil {
		return backups.Manifest{}, err
	}
	username := s.User.Username
	m, key, fingerprint, err := c.openBackupFor(archive, username, password)
	if err != nil {
		c.auditRestoreFailedLocked(s, archive, err)
		return backups.Manifest{}, err
	}
	// Only an active manager whose password the restored clinic will take
	// may put it in place; the restore is recorded in the restored copy
	// before it moves, so the file and its record arrive together.
	entry := data.UserEntry(username)
	check := func(st *data.Store) error {
		u, err := st.UserByName(username)
		if err != nil || u.Role != string(Manager) || !u.Active {
			return fmt.Errorf("you were not a practice manager in this backup, so you could not sign in to the clinic it restores: ask the manager of %s to restore it", clinicTimeWords(m.CreatedAt))
		}
		if real, err := st.KeyFingerprints(); err == nil && len(real) > 0 && real[entry] != fingerprint {
			return errBackupPassword(m)
		}
		return st.Write(func(tx *data.Tx) error {
			_, err := tx.Audit(audit.Entry{At: c.clock(), Username: username, Action: "backup.restore", Entity: "backup",
				EntityID: filepath.Base(archive), Detail: fmt.Sprintf("audit_seq=%d created=%s", m.AuditSeq, m.CreatedAt.Format(time.RFC3339))})
			return err
		})
	}

	// The file is let go of while the lock is kept: nobody else opens
	// the clinic part way through.
	oldSeq, oldHead, err := c.store.AuditHead()
	if err != nil {
		return backups.Manifest{}, err
	}
	c.store.AnchorAudit()
	closeErr := c.store.Close()
	c.store = nil
	if closeErr != nil {
		if !c.reopenUnchangedLocked(oldSeq, oldHead) {
			c.signedOutAfterRestoreLocked()
		}
		return backups.Manifest{}, closeErr
	}
	_, restoreErr := data.Restore(archive, c.path, key, true, check)
	if restoreErr == nil {
		c.signedOutAfterRestoreLocked()
		return m, nil
	}
	// Failed. A swap that had begun is finished (or undone) now, as the
	// next start would, so the files in place are a whole clinic, old or
	// new; then the clinic as it was is opened again if it is the one in
	// place (a failure before the swap leaves it untouched).
	var finishErr error
	if data.RestorePending(c.path) {
		c.lock.Release()
		finishErr = data.FinishInterruptedRestore(c.path)
		c.lock = nil
		if lock, err := data.AcquireLock(c.path); err == nil {
			c.lock = lock
		}
	}
	if c.lock != nil && !data.RestorePending(c.path) && c.reopenUnchangedLocked(oldSeq, oldHead) {
		c.auditRestoreFailedLocked(s, archive, restoreErr)
		return backups.Manifest{}, restoreErr
	}
	// The backup is in place after all, or the files wait for the next
	// start to finish them: everyone signs in again.
	c.signedOutAfterRestoreLocked()
	return backups.Manifest{}, errors.Join(restoreErr, finishErr)
}

// reopenUnchangedLocked opens the clinic file again with the key it had,
// keeping it only if its audit trail ends where it did before the restore
// was tried: it is then the clinic as it was.
func (c *Clinic) reopenUnchangedLocked(oldSeq int64, oldHead string) bool {
	if kr, err := data.LoadKeyring(data.KeyringPath(c.path)); err == nil {
		c.keyring = kr
	}
	st, err := data.Open(c.path, c.key)
	if err != nil {
		return false
	}
	if seq, head, err := st.AuditHead(); err == nil && seq == oldSeq && head == oldHead {
		c.store = st
		return true
	}
	st.Close()
	return false
}

// openBackupFor checks the backup is this clinic's and opens its keyring
// with the user's password as it was then.
func (c *Clinic) openBackupFor(archive, username, password string) (backups.Manifest, data.DataKey, string, error) {
	m, err := data.ReadBackupManifest(archive)
	if err != nil {
		return backups.Manifest{}, data.DataKey{}, "", fmt.Errorf("%s cannot be restored: %w", filepath.Base(archive), err)
	}
	if m.ClinicID != c.keyring.ClinicID() {
		return backups.Manifest{}, data.DataKey{}, "", errOtherClinic
	}
	kr, err := data.BackupKeyring(archive)
	if err != nil {
		return backups.Manifest{}, data.DataKey{}, "", fmt.Errorf("%s cannot be restored: %w", filepath.Base(archive), err)
	}
	u, err := kr.Open(data.UserEntry(username), []byte(password))
	if err != nil {
		return backups.Manifest{}, data.DataKey{}, "", errBackupPassword(m)
	}
	return m, u.Key, u.Fingerprint, nil
}

func errBackupPassword(m backups.Manifest) error {
	return fmt.Errorf("that password does not open this backup: type your password as it was %s, when the backup was made (after the restore it is the one that signs you in)", clinicTimeWords(m.CreatedAt))
}

// clinicTimeWords says a moment as "at 14:05 on 4 December 2026", UK time.
func clinicTimeWords(t time.Time) string {
	return "at " + ukcal.WallClock(t) + " on " + ukcal.WallDate(t).Long()
}

// signedOutAfterRestoreLocked forgets everything of the clinic that was:
// the keyring is read again from disk and everyone signs in afresh.
func (c *Clinic) signedOutAfterRestoreLocked() {
	if c.store != nil {
		c.store.Close()
		c.store = nil
	}
	if kr, err := data.LoadKeyring(data.KeyringPath(c.path)); err == nil {
		c.keyring = kr
	}
	c.key = data.DataKey{}
	c.session = nil
	c.realKeys, c.keyringProblems = nil, nil
	c.diskFull = false
}

// auditRestoreFailedLocked records a refused or failed restore on the live
// clinic's trail (not as backup.restore: that marks a restore made).
func (c *Clinic) auditRestoreFailedLocked(s *Session, archive string, cause error) {
	if c.store == nil {
		return
	}
	c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "backup.not_restored", Entity: "backup", ID: filepath.Base(archive), Detail: strings.TrimSpace(cause.Error())})
	})
}
