package app

import (
	"errors"
	"runtime/debug"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/users"
	"clinicdesk/data"
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

// Session is who is signed in.
type Session struct {
	User     users.User
	Role     Role
	SignedIn time.Time
	Locked   bool
}

type failedSignIn struct {
	at       time.Time
	username string
}

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
		c.auditLocked(audit.Entry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
	}
	c.session = &Session{User: u, Role: Role(u.Role), SignedIn: now}
	return c.auditLocked(audit.Entry{At: now, Username: u.Username, Action: action, Entity: "user", EntityID: u.ID})
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
	c.auditLocked(audit.Entry{Username: c.session.User.Username, Action: "lock", Entity: "user", EntityID: c.session.User.ID})
}

// SignOut ends the session; the clinic file stays open for the next user.
func (c *Clinic) SignOut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return
	}
	c.auditLocked(audit.Entry{Username: c.session.User.Username, Action: "sign_out", Entity: "user", EntityID: c.session.User.ID})
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
