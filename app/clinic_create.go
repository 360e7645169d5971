package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/kdf"
	"clinicdesk/app/practice"
	"clinicdesk/app/users"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// Setup is what the first-run wizard collects.
type Setup struct {
	Path    string
	Clinic  practice.Details
	Manager NewUser // Role is forced to Manager
	// KDF overrides the key-derivation cost; zero means data.TunedKDF.
	// Only tests and throw-away demo clinics lower it.
	KDF kdf.Params
	// Now is the clinic's clock from its first audit row on (see SetClock);
	// nil is the system clock. Tests and the CLI pass theirs.
	Now func() time.Time
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
	manager := users.User{ID: uuid.Must(uuid.NewV7()).String(), Username: strings.TrimSpace(s.Manager.Username),
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
		for _, a := range []audit.Entry{
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
func (c *Clinic) kdfParams() kdf.Params {
	if c.kdf != (kdf.Params{}) {
		return c.kdf
	}
	return data.TunedKDF()
}
