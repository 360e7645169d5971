// Package app holds the clinic's rules and services. Clinic is the one
// facade the screens and the command line call: it owns the session, checks
// permissions and writes the audit trail. It knows nothing of Fyne.
package app

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"clinicdesk/data"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// Version is ClinicDesk's release, shown by `clinicdesk version`.
var Version = "0.1.0"

// Re-exported so that screens need not import the data layer.
type (
	User          = data.User
	ClinicDetails = data.ClinicDetails
	AuditEntry    = data.AuditEntry
	AuditFilter   = data.AuditFilter
	KDFParams     = data.KDFParams
)

var (
	// ErrWrongPassword: the user name or password is wrong. Which of the two
	// is never said.
	ErrWrongPassword = errors.New("wrong user name or password")
	// ErrAccountDisabled: the user exists but may no longer sign in.
	ErrAccountDisabled = errors.New("this account has been disabled: ask a practice manager")
	// ErrLocked: the session is locked and needs the password again.
	ErrLocked = errors.New("ClinicDesk is locked: sign in again to carry on")
	// ErrSignedOut: nobody is signed in.
	ErrSignedOut = errors.New("nobody is signed in")
)

// NewUser is what it takes to add a member of staff.
type NewUser struct {
	Username string
	FullName string
	Role     Role
	Password string
}

// Setup is what the first-run wizard collects.
type Setup struct {
	Path    string
	Clinic  ClinicDetails
	Manager NewUser // Role is forced to Manager
	// KDF overrides the key-derivation cost; zero means data.TunedKDF.
	// Only tests and throw-away demo clinics lower it.
	KDF KDFParams
	// Now is the clinic's clock from its first audit row on (see SetClock);
	// nil is the system clock. Tests and the CLI pass theirs.
	Now func() time.Time
}

// Session is who is signed in.
type Session struct {
	User     User
	Role     Role
	SignedIn time.Time
	Locked   bool
}

// Clinic is an open clinic file and the session on it.
type Clinic struct {
	path    string
	lock    *data.Lock
	keyring *data.Keyring
	kdf     KDFParams
	now     func() time.Time

	mu        sync.Mutex
	store     *data.Store // nil until the first successful sign-in
	key       data.DataKey
	session   *Session
	failedLog []failedSignIn // written to the audit trail once it can be
	// pendingAudit holds rows that could not be written yet (a full disk,
	// or found before anyone signed in): they go with the next write.
	pendingAudit []data.AuditEntry
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

type failedSignIn struct {
	at       time.Time
	username string
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

// Create makes a new clinic file, its keyring and its first practice
// manager, who is left signed in. It returns the recovery key, which is
// shown once and never stored unwrapped.
func Create(s Setup) (*Clinic, string, error) {
	if err := data.FinishInterruptedRestore(s.Path); err != nil {
		return nil, "", err
	}
	s.Clinic.Name = cleanText(s.Clinic.Name)
	if s.Clinic.Name == "" {
		return nil, "", errors.New("the clinic needs a name")
	}
	s.Manager.Role = Manager
	if err := checkNewUser(s.Manager, s.Clinic.Name); err != nil {
		return nil, "", err
	}
	if Exists(s.Path) || Exists(data.KeyringPath(s.Path)) {
		return nil, "", fmt.Errorf("a clinic file already exists at %s: open it instead, or choose another place", s.Path)
	}
	if err := prepareClinicFolder(s.Path); err != nil {
		return nil, "", err
	}
	lock, err := data.AcquireLock(s.Path)
	if err != nil {
		return nil, "", err
	}
	c := &Clinic{path: s.Path, lock: lock, kdf: s.KDF, now: s.Now}
	recovery, err := c.create(s)
	if err != nil {
		if c.store != nil {
			c.store.Close()
		}
		os.Remove(s.Path)
		os.Remove(s.Path + "-wal")
		os.Remove(s.Path + "-shm")
		os.Remove(data.KeyringPath(s.Path))
		lock.Release()
		return nil, "", err
	}
	return c, recovery, nil
}

func (c *Clinic) create(s Setup) (string, error) {
	key, err := data.NewDataKey()
	if err != nil {
		return "", err
	}
	store, err := data.Create(c.path, key)
	if err != nil {
		return "", err
	}
	c.store, c.key = store, key
	recovery, err := newRecoveryKey()
	if err != nil {
		return "", err
	}
	secret, _ := canonicalRecoveryKey(recovery)
	kr := data.NewKeyring(data.KeyringPath(c.path), uuid.Must(uuid.NewV7()).String())
	c.realKeys = map[string]string{}
	for id, secret := range map[string][]byte{data.RecoveryEntry: secret, data.UserEntry(s.Manager.Username): []byte(s.Manager.Password)} {
		fp, err := kr.Add(id, secret, key, c.kdfParams())
		if err != nil {
			return "", err
		}
		c.realKeys[id] = fp
	}
	now := c.clock().UTC()
	manager := User{ID: uuid.Must(uuid.NewV7()).String(), Username: strings.TrimSpace(s.Manager.Username),
		FullName: cleanText(s.Manager.FullName), Role: string(Manager), Active: true, CreatedAt: now, PasswordChangedAt: now}
	details := s.Clinic
	details.Address = cleanText(details.Address)
	details.UpdatedAt = now
	err = store.Write(func(tx *data.Tx) error {
		if err := tx.SaveClinic(details); err != nil {
			return err
		}
		if err := tx.InsertUser(manager); err != nil {
			return err
		}
		for id, fp := range c.realKeys {
			if err := tx.SetKeyFingerprint(id, fp, now); err != nil {
				return err
			}
		}
		for _, a := range []data.AuditEntry{
			{At: now, Username: manager.Username, Action: "clinic.create", Entity: "clinic", EntityID: kr.ClinicID()},
			{At: now, Username: manager.Username, Action: "user.create", Entity: "user", EntityID: manager.ID, Detail: "role=manager"},
			{At: now, Username: manager.Username, Action: "recovery.issue", Entity: "keyring", EntityID: kr.ClinicID()},
			{At: now, Username: manager.Username, Action: "sign_in", Entity: "user", EntityID: manager.ID},
		} {
			if _, err := tx.Audit(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	// The keyring is written last: until it exists the file cannot be
	// opened, so a crash before here leaves nothing half-made to trust.
	if err := kr.Save(); err != nil {
		return "", err
	}
	c.keyring = kr
	c.session = &Session{User: manager, Role: Manager, SignedIn: now}
	return recovery, nil
}

// kdfParams is the key-derivation cost for new keyring entries.
func (c *Clinic) kdfParams() KDFParams {
	if c.kdf != (KDFParams{}) {
		return c.kdf
	}
	return data.TunedKDF()
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

// unwrap turns a secret into the data key, opening the store the first
// time. It costs the Argon2id derivation, on purpose. Only the entry the
// clinic file records as real counts: an old password that a stale entry
// still opens is a wrong password.
func (c *Clinic) unwrap(entry string, secret []byte) error {
	u, err := c.keyring.Open(entry, secret)
	// Argon2id's 64 MiB are garbage now; hand them back to the system
	// rather than keep them for the rest of the day.
	debug.FreeOSMemory()
	if err != nil {
		if errors.Is(err, data.ErrWrongSecret) {
			return ErrWrongPassword
		}
		return err
	}
	if c.store == nil {
		usedNext, err := c.openStoreLocked(u)
		if err != nil {
			return err
		}
		c.noteDiskFullLocked()
		if err := c.reconcileKeyringLocked(usedNext); err != nil {
			c.store.Close()
			c.store, c.key = nil, data.DataKey{}
			return err
		}
	} else if !data.SameKey(u.Key, c.key) && (u.Next == nil || !data.SameKey(*u.Next, c.key)) {
		return errors.New("the keyring does not match the open clinic file")
	}
	if !c.isRealEntry(entry, u.Fingerprint) {
		return ErrWrongPassword
	}
	return nil
}

// SignIn checks the password against the user's keyring entry and starts a
// session for them (also how one switches user).
func (c *Clinic) SignIn(username, password string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	username = strings.TrimSpace(username)
	err := c.signInRefused(username) // too many wrong passwords: refused before the Argon2id work (signin_throttle.go)
	if err == nil {
		err = c.unwrap(data.UserEntry(username), []byte(password))
	}
	if err != nil {
		c.failedLog = append(c.failedLog, failedSignIn{at: c.clock(), username: username})
		if c.session != nil {
			c.session.Locked = true // a failed switch must not leave the last user's screen open
		}
		return c.signInFailed(username, err)
	}
	if err := c.startSession(username, "sign_in"); err != nil {
		return c.signInFailed(username, err)
	}
	c.signInSucceeded(username)
	return nil
}

func (c *Clinic) startSession(username, action string) error {
	u, err := c.store.UserByName(username)
	if errors.Is(err, data.ErrNotFound) {
		return ErrWrongPassword
	}
	if err != nil {
		return err
	}
	if !u.Active {
		c.failedLog = append(c.failedLog, failedSignIn{at: c.clock(), username: username})
		return ErrAccountDisabled
	}
	now := c.clock().UTC()
	if c.session != nil && !c.session.Locked && c.session.User.ID != u.ID {
		c.auditLocked(data.AuditEntry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
	}
	c.session = &Session{User: u, Role: Role(u.Role), SignedIn: now}
	return c.auditLocked(data.AuditEntry{At: now, Username: u.Username, Action: action, Entity: "user", EntityID: u.ID})
}

// DiskFull says a write found the disk full during this session. Signing
// in still works then (its audit row waits in memory), so that a manager
// can make a backup to another disk before freeing space.
func (c *Clinic) DiskFull() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.diskFull
}

// Unlock resumes a locked session with the same user's password.
func (c *Clinic) Unlock(password string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return ErrSignedOut
	}
	u := c.session.User
	err := c.signInRefused(u.Username) // as SignIn: a locked screen is no way round the wait
	if err == nil {
		err = c.unwrap(data.UserEntry(u.Username), []byte(password))
	}
	if err != nil {
		c.failedLog = append(c.failedLog, failedSignIn{at: c.clock(), username: u.Username})
		return c.signInFailed(u.Username, err)
	}
	if err := c.startSession(u.Username, "unlock"); err != nil {
		return err
	}
	c.signInSucceeded(u.Username)
	return nil
}

// Lock hides the session until the password is typed again.
func (c *Clinic) Lock() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil || c.session.Locked {
		return
	}
	c.session.Locked = true
	c.auditLocked(data.AuditEntry{Username: c.session.User.Username, Action: "lock", Entity: "user", EntityID: c.session.User.ID})
}

// SignOut ends the session; the clinic file stays open for the next user.
func (c *Clinic) SignOut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return
	}
	c.auditLocked(data.AuditEntry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
	c.session = nil
}

// Session reports who is signed in (ok is false if nobody is).
func (c *Clinic) Session() (Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return Session{}, false
	}
	return *c.session, true
}

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
		c.auditLocked(data.AuditEntry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
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
func (c *Clinic) auditLocked(e data.AuditEntry) error {
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
		if _, err := tx.Audit(data.AuditEntry{At: f.at, Username: f.username, Action: "sign_in_failed", Entity: "user", EntityID: f.username}); err != nil {
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
	_, err := w.Audit(data.AuditEntry{At: w.c.clock(), Username: w.session.User.Username, Action: e.Action,
		Entity: e.Entity, EntityID: e.ID, Patient: e.Patient, Detail: e.Detail})
	return err
}

// cleanText keeps names as typed but in one Unicode form (NFC), trimmed.
func cleanText(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }
