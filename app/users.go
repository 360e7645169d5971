package app

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"clinicdesk/app/users"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// CheckUsername applies the rule for login names and says what to change.
func CheckUsername(name string) error {
	name = strings.TrimSpace(name)
	if len(name) < 2 || len(name) > 40 {
		return errors.New("the user name needs 2 to 40 characters, for example \"sjones\"")
	}
	for _, r := range name {
		if r == ' ' {
			return errors.New("the user name cannot have spaces: try joining the words, for example \"sjones\"")
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			return fmt.Errorf("the user name may use letters, digits, dots, hyphens and underscores only (not %q)", r)
		}
	}
	return nil
}

func checkNewUser(u NewUser, clinicName string) error {
	if err := CheckUsername(u.Username); err != nil {
		return err
	}
	if cleanText(u.FullName) == "" {
		return errors.New("enter the person's full name, as colleagues know them")
	}
	if _, err := ParseRole(string(u.Role)); err != nil {
		return err
	}
	return CheckPassword(u.Password, u.Username, u.FullName, clinicName)
}

// Users lists every member of staff (managers only).
func (c *Clinic) Users() ([]users.User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermManageUsers); err != nil {
		return nil, err
	}
	return c.store.Users()
}

// AddUser gives a new member of staff a login.
func (c *Clinic) AddUser(nu NewUser) (users.User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermManageUsers)
	if err != nil {
		return users.User{}, err
	}
	details, err := c.store.Clinic()
	if err != nil {
		return users.User{}, err
	}
	if err := checkNewUser(nu, details.Name); err != nil {
		return users.User{}, err
	}
	// The clinic file decides who exists: a keyring entry left by an add
	// that never committed is no obstacle (it never opens anything).
	if _, err := c.store.UserByName(strings.TrimSpace(nu.Username)); err == nil {
		return users.User{}, fmt.Errorf("there is already a user called %q: choose another user name", nu.Username)
	}
	now := c.clock().UTC()
	u := users.User{ID: uuid.Must(uuid.NewV7()).String(), Username: strings.TrimSpace(nu.Username), FullName: cleanText(nu.FullName),
		Role: string(nu.Role), Active: true, CreatedAt: now, PasswordChangedAt: now}
	err = c.replaceKeyEntryLocked(s, data.UserEntry(u.Username), []byte(nu.Password), func(tx *writeTx) error {
		if err := tx.InsertUser(u); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "user.create", Entity: "user", ID: u.ID, Detail: "role=" + u.Role})
	})
	if err != nil {
		return users.User{}, err
	}
	return u, nil
}

// UpdateUser changes a user's name or role. The last active practice
// manager cannot be demoted.
func (c *Clinic) UpdateUser(id, fullName string, role Role) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermManageUsers)
	if err != nil {
		return err
	}
	if _, err := ParseRole(string(role)); err != nil {
		return err
	}
	if cleanText(fullName) == "" {
		return errors.New("enter the person's full name")
	}
	u, err := c.store.UserByID(id)
	if err != nil {
		return err
	}
	old := u.Role
	u.FullName, u.Role = cleanText(fullName), string(role)
	return c.writeAs(s, func(tx *writeTx) error {
		if old == string(Manager) && role != Manager && u.Active {
			if n, err := tx.ActiveManagers(); err != nil {
				return err
			} else if n <= 1 {
				return errors.New("this is the only practice manager: make someone else a manager first")
			}
		}
		if err := tx.UpdateUser(u); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "user.update", Entity: "user", ID: u.ID, Detail: "role=" + u.Role})
	})
}

// DisableUser stops a user signing in: their keyring entry is deleted, so
// their old password no longer unlocks anything.
func (c *Clinic) DisableUser(id string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermManageUsers)
	if err != nil {
		return err
	}
	if id == s.User.ID {
		return errors.New("you cannot disable your own account")
	}
	u, err := c.store.UserByID(id)
	if err != nil {
		return err
	}
	if !u.Active {
		return nil
	}
	u.Active = false
	return c.forgetKeyEntryLocked(s, data.UserEntry(u.Username), func(tx *writeTx) error {
		if u.Role == string(Manager) {
			if n, err := tx.ActiveManagers(); err != nil {
				return err
			} else if n <= 1 {
				return errors.New("this is the only practice manager: make someone else a manager first")
			}
		}
		if err := tx.UpdateUser(u); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "user.disable", Entity: "user", ID: u.ID})
	})
}

// ResetPassword sets a new password for another user (or re-enables a
// disabled one with it). Managers only.
func (c *Clinic) ResetPassword(id, newPassword string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermManageUsers)
	if err != nil {
		return err
	}
	u, err := c.store.UserByID(id)
	if err != nil {
		return err
	}
	if err := c.setPasswordLocked(s, u, newPassword, "password.reset"); err != nil {
		return err
	}
	c.signInSucceeded(u.Username) // a new password starts without a wait
	return nil
}

// ChangePassword changes the signed-in user's own password: the keyring
// entry is rewrapped; the clinic file itself is not re-encrypted.
func (c *Clinic) ChangePassword(oldPassword, newPassword string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermChangeOwnPwd)
	if err != nil {
		return err
	}
	entry := data.UserEntry(s.User.Username)
	if u, err := c.keyring.Open(entry, []byte(oldPassword)); err != nil || !c.isRealEntry(entry, u.Fingerprint) {
		var ke *data.KeyringError
		if errors.As(err, &ke) {
			return err
		}
		return errors.New("your current password is not right")
	}
	if oldPassword == newPassword {
		return errors.New("the new password is the same as the old one")
	}
	return c.setPasswordLocked(s, s.User, newPassword, "password.change")
}

func (c *Clinic) setPasswordLocked(s *Session, u users.User, newPassword, action string) error {
	details, err := c.store.Clinic()
	if err != nil {
		return err
	}
	if err := CheckPassword(newPassword, u.Username, u.FullName, details.Name); err != nil {
		return err
	}
	reenable := !u.Active
	u.Active = true
	return c.replaceKeyEntryLocked(s, data.UserEntry(u.Username), []byte(newPassword), func(tx *writeTx) error {
		if err := tx.PasswordChanged(u.ID, c.clock()); err != nil {
			return err
		}
		if reenable {
			if err := tx.UpdateUser(u); err != nil {
				return err
			}
			if err := tx.audit(auditEvent{Action: "user.enable", Entity: "user", ID: u.ID}); err != nil {
				return err
			}
		}
		return tx.audit(auditEvent{Action: action, Entity: "user", ID: u.ID})
	})
}

// RecoverAccess is "Forgotten your password?": the recovery key opens the
// clinic file, the named user gets a new password and is signed in.
func (c *Clinic) RecoverAccess(recoveryKey, username, newPassword string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	secret, err := canonicalRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	if err := c.unwrap(data.RecoveryEntry, secret); err != nil {
		if errors.Is(err, ErrWrongPassword) {
			return errors.New("that recovery key does not open this clinic file: check it against the Emergency recovery sheet")
		}
		return err
	}
	u, err := c.store.UserByName(strings.TrimSpace(username))
	if err != nil {
		return fmt.Errorf("there is no user called %q", username)
	}
	// The recovery key stands in for a manager for this one action.
	s := &Session{User: u, Role: Role(u.Role)}
	if err := c.setPasswordLocked(s, u, newPassword, "recovery.used"); err != nil {
		return err
	}
	c.signInSucceeded(u.Username)
	return c.startSession(u.Username, "sign_in")
}

// NewRecoveryKey replaces the recovery key; the old sheet stops working.
func (c *Clinic) NewRecoveryKey() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSecurity)
	if err != nil {
		return "", err
	}
	key, err := newRecoveryKey()
	if err != nil {
		return "", err
	}
	secret, _ := canonicalRecoveryKey(key)
	err = c.replaceKeyEntryLocked(s, data.RecoveryEntry, secret, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "recovery.issue", Entity: "keyring", ID: c.keyring.ClinicID()})
	})
	if err != nil {
		return "", err
	}
	return key, nil
}

// RotateDataKey re-encrypts the clinic file under a fresh data key and
// reseals it for every user and the recovery key; nobody's password
// changes. Use it when a copy of the key may have got out.
func (c *Clinic) RotateDataKey() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSecurity)
	if err != nil {
		return err
	}
	newKey, err := data.NewDataKey()
	if err != nil {
		return err
	}
	// Three writes, each leaving every secret able to open the file (see
	// data/keyring_rotation.go): the next key staged in every entry, the
	// file re-keyed in one transaction, the next key made the key.
	if err := c.keyring.StageRotation(newKey); err != nil {
		return err
	}
	if err := c.keyring.Save(); err != nil {
		c.keyring.AbandonRotation()
		return fmt.Errorf("save the keyring: %w", err)
	}
	if err := c.store.Rekey(newKey); err != nil {
		// The staged key stays: if the re-key did reach the disk before
		// the error, it is the one that opens the file, and the next
		// sign-in finishes the rotation; if not, it abandons it.
		return err
	}
	c.key = newKey
	c.keyring.FinishRotation()
	c.keyring.Save() // the next sign-in finishes it otherwise
	return c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "key.rotate", Entity: "keyring", ID: c.keyring.ClinicID()})
	})
}
