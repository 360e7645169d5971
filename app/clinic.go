// Package app holds the clinic's rules and services. Clinic is the one
// facade the screens and the command line call: it owns the session, checks
// permissions and writes the audit trail. It knows nothing of Fyne.
package app

import (
	"errors"
	"os"
	"strings"
	"sync"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/kdf"
	"clinicdesk/data"

	"golang.org/x/text/unicode/norm"
)

// Version is ClinicDesk's release, shown by `clinicdesk version` and
// written into backups and subject access copies. Package main sets it at
// start from FyneApp.toml (version.go), the one place it is written;
// "dev" is what tests of the packages below main see.
var Version = "dev"

// NewUser is what it takes to add a member of staff.
type NewUser struct {
	Username string
	FullName string
	Role     Role
	Password string
}

// Clinic is an open clinic file and the session on it.
type Clinic struct {
	path    string
	lock    *data.Lock
	keyring *data.Keyring
	kdf     kdf.Params
	now     func() time.Time

	mu        sync.Mutex
	store     *data.Store // nil until the first successful sign-in
	key       data.DataKey
	session   *Session
	failedLog []failedSignIn // written to the audit trail once it can be
	// pendingAudit holds rows that could not be written yet (a full disk,
	// or found before anyone signed in): they go with the next write.
	pendingAudit []audit.Entry
	// realKeys is the fingerprint of each real keyring entry, as the
	// clinic file records it; keyringProblems what the last check found.
	realKeys        map[string]string
	keyringProblems []data.KeyringError
	// diskFull is set when a write found no room: the session goes on so
	// that a manager can back up to another disk.
	diskFull bool
	// plainTwin marks the bench's plaintext copy (bench_plaintext.go):
	// never backed up or anchored, deleted when closed.
	plainTwin bool
}

// Exists reports whether a clinic file is at path.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func (c *Clinic) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

// Open takes the clinic file's lock and reads its keyring. Nobody is
// signed in yet and nothing is decrypted: that waits for SignIn.
func Open(path string) (*Clinic, error) {
	// A restore stopped part way is finished (or undone) before anything
	// reads the clinic file or its keyring: they must be a matching pair.
	if err := data.FinishInterruptedRestore(path); err != nil {
		return nil, err
	}
	if err := data.CheckClinicFile(path); err != nil {
		return nil, err
	}
	lock, err := data.AcquireLock(path)
	if err != nil {
		return nil, err
	}
	kr, err := data.LoadKeyring(data.KeyringPath(path))
	if err != nil {
		lock.Release()
		return nil, err
	}
	return &Clinic{path: path, lock: lock, keyring: kr}, nil
}

// Path is the clinic file's location.
func (c *Clinic) Path() string { return c.path }

// Close makes the automatic backup (when a folder is set), closes the
// clinic file and lets go of its lock.
func (c *Clinic) Close() error {
	if c.plainTwin {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.closePlainTwinLocked()
	}
	var backupErr error
	if c.store != nil {
		_, backupErr = c.AutoBackup()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store != nil && c.session != nil && !c.session.Locked {
		c.auditLocked(audit.Entry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
	}
	c.session = nil
	var err error
	if c.store != nil {
		// The trail's last rows (the sign-out above) are anchored outside
		// the table before the file is let go. A full disk only delays it.
		c.store.AnchorAudit()
		err = c.store.Close()
		c.store = nil
	}
	c.key = data.DataKey{}
	if c.lock != nil {
		c.lock.Release()
		c.lock = nil
	}
	return errors.Join(backupErr, err)
}

// require returns the signed-in session if it may do p.
func (c *Clinic) require(p Permission) (*Session, error) {
	if c.session == nil {
		return nil, ErrSignedOut
	}
	if c.session.Locked {
		return nil, ErrLocked
	}
	if !c.session.Role.Can(p) {
		return nil, &PermissionError{Role: c.session.Role, Perm: p}
	}
	return c.session, nil
}

// Can reports whether the signed-in user may do p (for showing controls;
// every action checks again).
func (c *Clinic) Can(p Permission) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.require(p)
	return err == nil
}

// auditLocked writes one audit row, with any failed sign-ins that were
// waiting for the file to be open. Caller holds c.mu.
//
// On a full disk the row waits in memory with the others and nil is
// returned: signing in, locking and signing out must still work then.
func (c *Clinic) auditLocked(e audit.Entry) error {
	if c.store == nil {
		return nil
	}
	if e.At.IsZero() {
		e.At = c.clock()
	}
	err := c.writeLocked(func(tx *data.Tx) error {
		_, err := tx.Audit(e)
		return err
	})
	if errors.Is(err, data.ErrDiskFull) {
		c.diskFull = true
		c.pendingAudit = append(c.pendingAudit, e)
		return nil
	}
	return err
}

// flushFailedLocked writes the rows that were waiting: failed sign-ins
// and those a full disk held back. They leave memory only when the
// transaction commits (an error rolls it back with them in it, and the
// caller's error says so; the next write tries them again).
func (c *Clinic) flushFailedLocked(tx *data.Tx) error {
	for _, f := range c.failedLog {
		if _, err := tx.Audit(audit.Entry{At: f.at, Username: f.username, Action: "sign_in_failed", Entity: "user", EntityID: f.username}); err != nil {
			return err
		}
	}
	for _, e := range c.pendingAudit {
		if _, err := tx.Audit(e); err != nil {
			return err
		}
	}
	return nil
}

// writeLocked runs fn in one transaction after the waiting audit rows,
// and lets go of those rows once it has committed.
func (c *Clinic) writeLocked(fn func(tx *data.Tx) error) error {
	err := c.store.Write(func(tx *data.Tx) error {
		if err := c.flushFailedLocked(tx); err != nil {
			return err
		}
		return fn(tx)
	})
	if err == nil {
		c.failedLog, c.pendingAudit = nil, nil
		c.diskFull = false
	} else if errors.Is(err, data.ErrDiskFull) {
		c.diskFull = true
	}
	return err
}

// Every facade write goes through do (or writeAs, below): the lock, the
// permission check and one transaction in which the change and its audit
// rows commit together or not at all. fn gets a writeTx, which is the
// store's transaction plus audit, so an audit row is a typed auditEvent
// written as the session's user at the clinic's clock, never five strings
// in a row whose order a caller could get wrong.
//
// A method that must read or decide something after the permission check
// but before the transaction (the keyring, files, settings read outside
// it) takes c.mu and calls require itself, then writes with writeAs under
// the same lock: the checks and the refusals stay where they were.
//
// Session events (sign-in, unlock, lock, sign-out) and backups write
// through auditLocked and writeLocked instead: their row names a user who
// may not be the session's (or nobody is signed in yet), and on a full
// disk it waits in memory rather than failing, so that a manager can
// still sign in and back up to another disk.
func (c *Clinic) do(perm Permission, fn func(tx *writeTx) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(perm)
	if err != nil {
		return err
	}
	return c.writeAs(s, fn)
}

// writeAs is do's transaction for a caller that holds c.mu and has s from
// require.
func (c *Clinic) writeAs(s *Session, fn func(tx *writeTx) error) error {
	return c.writeLocked(func(tx *data.Tx) error {
		return fn(&writeTx{Tx: tx, c: c, session: s})
	})
}

// writeTx is one write transaction as the signed-in user.
type writeTx struct {
	*data.Tx
	c       *Clinic
	session *Session
}

// auditEvent is one row of the audit trail as a write records it; who and
// when are the transaction's to fill in.
type auditEvent struct {
	Action  string // "patient.update"
	Entity  string // the kind of record: "patient"
	ID      string // the record's id
	Patient string // the patient the row concerns, if any
	Detail  string // what changed, worded for the trail
}

// audit writes e as the session's user, timed now.
func (w *writeTx) audit(e auditEvent) error {
	_, err := w.Audit(audit.Entry{At: w.c.clock(), Username: w.session.User.Username, Action: e.Action,
		Entity: e.Entity, EntityID: e.ID, Patient: e.Patient, Detail: e.Detail})
	return err
}

// cleanText keeps names as typed but in one Unicode form (NFC), trimmed.
func cleanText(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }
