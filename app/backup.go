package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/backups"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// BackupExt is the extension of ClinicDesk backup files.
const BackupExt = ".cdbackup"

// DefaultBackupKeep is how many automatic backups are kept.
const DefaultBackupKeep = 10

// BackupSettings say where automatic backups go and how many are kept.
type BackupSettings struct {
	Folder string // empty: no automatic backups
	Keep   int
	Last   time.Time // when the last backup was made
}

// BackupSettings reads the automatic-backup settings.
func (c *Clinic) BackupSettings() (BackupSettings, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return BackupSettings{}, ErrSignedOut
	}
	return c.backupSettingsLocked()
}

func (c *Clinic) backupSettingsLocked() (BackupSettings, error) {
	b := BackupSettings{Keep: DefaultBackupKeep}
	folder, _, err := c.store.Setting(settingBackupFolder)
	if err != nil {
		return b, err
	}
	b.Folder = folder
	if v, ok, _ := c.store.Setting(settingBackupKeep); ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			b.Keep = n
		}
	}
	if v, ok, _ := c.store.Setting(settingLastBackup); ok {
		b.Last, _ = time.Parse(time.RFC3339Nano, v)
	}
	return b, nil
}

// SetBackupSettings chooses the automatic-backup folder and how many to
// keep (managers only).
func (c *Clinic) SetBackupSettings(folder string, keep int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBackup)
	if err != nil {
		return err
	}
	folder = strings.TrimSpace(folder)
	if keep < 1 || keep > 365 {
		return errors.New("keep between 1 and 365 backups")
	}
	if folder != "" {
		abs, err := filepath.Abs(folder)
		if err != nil {
			return err
		}
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			return fmt.Errorf("the backup folder %s does not exist: plug in the drive or choose another folder", abs)
		}
		if same, _ := filepath.Rel(filepath.Dir(c.path), abs); same == "." {
			return errors.New("choose a backup folder other than the clinic file's own: a backup on the same disk does not survive the disk")
		}
		folder = abs
	}
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SetSetting(settingBackupFolder, folder); err != nil {
			return err
		}
		if err := tx.SetSetting(settingBackupKeep, strconv.Itoa(keep)); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "settings.update", Entity: "settings", ID: settingBackupFolder, Detail: fmt.Sprintf("folder=%s keep=%d", folder, keep)})
	})
}

// BackupFile is the file a backup asked for as out is written to: the
// name as given, with the .cdbackup extension added when it is missing.
func BackupFile(out string) string {
	if !strings.HasSuffix(out, BackupExt) {
		out += BackupExt
	}
	return out
}

// BackupNow writes a verified backup to BackupFile(out) (managers only). It
// never replaces a file already there.
func (c *Clinic) BackupNow(out string) (backups.Manifest, error) {
	return c.backupNow(out, false)
}

// BackupReplacing is BackupNow that may replace an existing backup (the
// command line's --force). The old file goes only once the new one has
// verified.
func (c *Clinic) BackupReplacing(out string) (backups.Manifest, error) {
	return c.backupNow(out, true)
}

func (c *Clinic) backupNow(out string, replace bool) (backups.Manifest, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBackup)
	if err != nil {
		return backups.Manifest{}, err
	}
	return c.backupLocked(s.User.Username, BackupFile(out), replace)
}

// BackupInto writes a verified backup into folder under a new name of its
// own (clinicdesk-YYYYMMDD-HHMM.cdbackup, then -2, -3… in the same minute)
// and returns the file written: the GUI's "Back up now", where nobody types
// a name, so nothing can be replaced by mistake. The name is not one the
// automatic pruning deletes.
func (c *Clinic) BackupInto(folder string) (backups.Manifest, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBackup)
	if err != nil {
		return backups.Manifest{}, "", err
	}
	stem := filepath.Join(folder, "clinicdesk-"+ukcal.FormatWall(c.clock(), ukcal.LayoutFileStamp))
	return c.backupUnique(s.User.Username, stem)
}

// backupUnique writes to stem.cdbackup, or stem-2.cdbackup, stem-3… when
// that is taken: two backups made in the same second (or minute) never
// replace each other.
func (c *Clinic) backupUnique(username, stem string) (backups.Manifest, string, error) {
	for n := 1; n <= 100; n++ {
		out := stem + BackupExt
		if n > 1 {
			out = fmt.Sprintf("%s-%d%s", stem, n, BackupExt)
		}
		if _, err := os.Lstat(out); err == nil {
			continue
		}
		m, err := c.backupLocked(username, out, false)
		var taken *data.BackupExistsError
		if errors.As(err, &taken) {
			continue // made by someone else meanwhile: take the next number
		}
		return m, out, err
	}
	return backups.Manifest{}, "", fmt.Errorf("there are already 100 backups named %s… in that folder: move some elsewhere", filepath.Base(stem))
}

func (c *Clinic) backupLocked(username, out string, replace bool) (backups.Manifest, error) {
	kr, err := c.keyring.Bytes()
	if err != nil {
		return backups.Manifest{}, err
	}
	backup := c.store.Backup
	if replace {
		backup = c.store.BackupReplacing
	}
	m, err := backup(out, c.key, kr, c.keyring.ClinicID(), Version)
	if err != nil {
		return m, err
	}
	entry := audit.Entry{At: c.clock(), Username: username, Action: "backup.create", Entity: "backup",
		EntityID: filepath.Base(out), Detail: fmt.Sprintf("audit_seq=%d", m.AuditSeq)}
	err = c.writeLocked(func(tx *data.Tx) error {
		// When, by the clinic's clock: what BackupIfDue compares with.
		if err := tx.SetSetting(settingLastBackup, c.clock().UTC().Format(time.RFC3339Nano)); err != nil {
			return err
		}
		_, err := tx.Audit(entry)
		return err
	})
	if errors.Is(err, data.ErrDiskFull) {
		// The backup is made and verified, which is what matters on a
		// full disk: its audit row waits for room.
		c.pendingAudit = append(c.pendingAudit, entry)
		return m, nil
	}
	return m, err
}

// AutoBackup writes a backup to the configured folder, if there is one,
// and keeps only the newest N there. It runs when the app closes.
func (c *Clinic) AutoBackup() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return "", nil
	}
	b, err := c.backupSettingsLocked()
	if err != nil || b.Folder == "" {
		return "", err
	}
	username := "system"
	if c.session != nil {
		username = c.session.User.Username
	}
	stem := filepath.Join(b.Folder, "clinicdesk-"+c.clock().UTC().Format("20060102-150405"))
	_, out, err := c.backupUnique(username, stem)
	if err != nil {
		return "", fmt.Errorf("automatic backup to %s failed: %w", b.Folder, err)
	}
	return out, pruneBackups(b.Folder, b.Keep, out)
}

// DailyBackupInterval is how old the last backup may get while the app is
// left open before another automatic one is made.
const DailyBackupInterval = 24 * time.Hour

// BackupIfDue makes the automatic backup when a folder is set and the last
// backup is older than a day: a desk PC left running for a week still gets
// its daily backup. It returns the file written, or "" when none was due.
func (c *Clinic) BackupIfDue() (string, error) {
	c.mu.Lock()
	if c.store == nil {
		c.mu.Unlock()
		return "", nil
	}
	b, err := c.backupSettingsLocked()
	c.mu.Unlock()
	if err != nil || b.Folder == "" || c.clock().Sub(b.Last) < DailyBackupInterval {
		return "", err
	}
	return c.AutoBackup()
}

// autoBackupName matches the automatic backups' names: the UTC time to the
// second, then -2, -3… for a second (or third) made in the same second.
var autoBackupName = regexp.MustCompile(`^clinicdesk-(\d{8}-\d{6})(?:-(\d+))?` + regexp.QuoteMeta(BackupExt) + `$`)

// pruneBackups deletes the oldest automatic backups beyond keep, oldest by
// the time in the name and then the number after it. Only files named as
// automatic backups are touched; anything else in the folder is left alone,
// and so is the backup just written (just), whatever the clock said.
func pruneBackups(folder string, keep int, just string) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	type auto struct {
		name, stamp string
		n           int
	}
	var autos []auto
	for _, e := range entries {
		m := autoBackupName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil || e.Name() == filepath.Base(just) {
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		autos = append(autos, auto{e.Name(), m[1], n})
	}
	sort.Slice(autos, func(i, j int) bool {
		if autos[i].stamp != autos[j].stamp {
			return autos[i].stamp < autos[j].stamp
		}
		return autos[i].n < autos[j].n
	})
	var errs []error
	for len(autos) > keep-1 && len(autos) > 0 {
		errs = append(errs, os.Remove(filepath.Join(folder, autos[0].name)))
		autos = autos[1:]
	}
	return errors.Join(errs...)
}

// TestBackup is the restore drill: it opens a backup in a private temp
// folder and checks it completely, without touching the live file.
func (c *Clinic) TestBackup(path string) (backups.Manifest, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBackup)
	if err != nil {
		return backups.Manifest{}, err
	}
	m, err := data.VerifyBackup(path, c.key)
	detail := "ok"
	if err != nil {
		detail = "failed: " + err.Error()
	}
	c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "backup.verify", Entity: "backup", ID: filepath.Base(path), Detail: detail})
	})
	return m, err
}

// RestoreBackup puts a backup in place at dbPath. The user's password (or
// the recovery key, as username "recovery") must open the backup's own
// keyring, and the user must have been a practice manager then. Nothing is
// overwritten without force; what was there is kept beside it. The swap is
// atomic as far as a crash goes (see data.Restore): the next start
// finishes it.
func RestoreBackup(archive, dbPath, username, secret string, force bool) (backups.Manifest, error) {
	if err := data.FinishInterruptedRestore(dbPath); err != nil {
		return backups.Manifest{}, err
	}
	kr, err := data.BackupKeyring(archive)
	if err != nil {
		return backups.Manifest{}, err
	}
	entry, sec := data.UserEntry(username), []byte(secret)
	if strings.EqualFold(username, "recovery") {
		canon, err := canonicalRecoveryKey(secret)
		if err != nil {
			return backups.Manifest{}, err
		}
		entry, sec = data.RecoveryEntry, canon
	}
	key, err := kr.Unwrap(entry, sec)
	if err != nil {
		return backups.Manifest{}, ErrWrongPassword
	}
	if Exists(dbPath) && !force {
		return backups.Manifest{}, fmt.Errorf("a clinic file already exists at %s: add --force to replace it (the current one is kept beside it)", dbPath)
	}
	if err := prepareClinicFolder(dbPath); err != nil {
		return backups.Manifest{}, err
	}
	lock, err := data.AcquireLock(dbPath)
	if err != nil {
		return backups.Manifest{}, err
	}
	defer lock.Release()
	// Only a practice manager (as the backup knew them) or the holder of
	// the recovery key may put a backup in place. The restore is recorded
	// in the restored copy before it is moved into place, so the record
	// and the file arrive together.
	managerAndRecord := func(st *data.Store) error {
		if entry != data.RecoveryEntry {
			u, err := st.UserByName(username)
			if err != nil || u.Role != string(Manager) || !u.Active {
				return &PermissionError{Role: Role(u.Role), Perm: "restore a backup"}
			}
		}
		m, err := data.ReadBackupManifest(archive)
		if err != nil {
			return err
		}
		return st.Write(func(tx *data.Tx) error {
			_, err := tx.Audit(audit.Entry{Username: username, Action: "backup.restore", Entity: "backup",
				EntityID: filepath.Base(archive), Detail: fmt.Sprintf("audit_seq=%d created=%s", m.AuditSeq, m.CreatedAt.Format(time.RFC3339))})
			return err
		})
	}
	return data.Restore(archive, dbPath, key, force, managerAndRecord)
}
