package app

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/audit"
	"clinicdesk/data"
)

// The keyring and the clinic file change together in a fixed order, so a
// crash at any instant leaves both old or both new:
//
//   - a new secret (a user added, a password changed, a new recovery key):
//     the new entry is saved beside the old one, then the clinic file
//     records it as the real one (with the audit row), then the old entry
//     goes. Before the commit the old secret still opens; after, the new.
//   - a user disabled: the clinic file forgets the entry first, then it
//     leaves the keyring.
//
// At the first sign-in, reconcileKeyringLocked drops whatever the clinic
// file does not record, finishes or abandons a key rotation, and names
// damage.

// openStoreLocked opens the clinic file with the key a secret unwrapped,
// or with the next key when a rotation had re-keyed the file before a
// crash. It reports which opened it.
func (c *Clinic) openStoreLocked(u data.Unlocked) (usedNext bool, err error) {
	store, err := data.Open(c.path, u.Key)
	if errors.Is(err, data.ErrWrongKey) && u.Next != nil {
		store, err = data.Open(c.path, *u.Next)
		if err == nil {
			c.store, c.key = store, *u.Next
			return true, nil
		}
	}
	if errors.Is(err, data.ErrWrongKey) {
		return false, fmt.Errorf("the clinic file %s does not open with the key its keyring holds: the file is damaged, or the keyring beside it belongs to another clinic file. Restore both from the newest backup: %w", c.path, data.ErrNotAClinic)
	}
	if err != nil {
		return false, err
	}
	c.store, c.key = store, u.Key
	return false, nil
}

// noteDiskFullLocked remembers that the file was opened on a full disk,
// for the screens to say so.
func (c *Clinic) noteDiskFullLocked() {
	if c.store != nil && c.store.DiskFullAtOpen() {
		c.diskFull = true
	}
}

// reconcileKeyringLocked brings the keyring into line with the clinic
// file just opened. A clinic from before the file recorded its entries
// adopts its keyring as it stands: each active user's entry and the
// recovery key's.
func (c *Clinic) reconcileKeyringLocked(rotationFinished bool) error {
	real, err := c.store.KeyFingerprints()
	if err != nil {
		return err
	}
	if len(real) == 0 {
		if real, err = c.adoptKeyringLocked(); err != nil {
			return err
		}
	}
	changed, problems := c.keyring.Reconcile(c.key, real)
	c.realKeys, c.keyringProblems = real, problems
	if changed {
		// Should this fail (a full disk), the same mending happens next time.
		c.keyring.Save()
	}
	if rotationFinished {
		c.pendingAudit = append(c.pendingAudit, audit.Entry{At: c.clock().UTC(), Username: "system",
			Action: "key.rotate", Entity: "keyring", EntityID: c.keyring.ClinicID(),
			Detail: "finished at the next sign-in after an interruption"})
	}
	return nil
}

func (c *Clinic) adoptKeyringLocked() (map[string]string, error) {
	users, err := c.store.Users()
	if err != nil {
		return nil, err
	}
	active := map[string]bool{data.RecoveryEntry: true}
	for _, u := range users {
		if u.Active {
			active[data.UserEntry(u.Username)] = true
		}
	}
	real := map[string]string{}
	for id, fps := range c.keyring.Fingerprints() {
		if active[id] {
			real[id] = fps[0]
		}
	}
	now := c.clock()
	err = c.store.Write(func(tx *data.Tx) error {
		for id, fp := range real {
			if err := tx.SetKeyFingerprint(id, fp, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, data.ErrDiskFull) {
		return nil, err
	}
	return real, nil
}

// isRealEntry says whether the entry a secret opened is the one the
// clinic file records: an old password or an uncommitted one is not.
func (c *Clinic) isRealEntry(id, fingerprint string) bool {
	return c.realKeys[id] == fingerprint
}

// replaceKeyEntryLocked gives id a new secret in the order above; fn makes
// the database side of the change (and its audit rows) in the same
// transaction that records the new entry.
func (c *Clinic) replaceKeyEntryLocked(s *Session, id string, secret []byte, fn func(tx *writeTx) error) error {
	fp, err := c.keyring.Add(id, secret, c.key, c.kdfParams())
	if err != nil {
		return err
	}
	if err := c.keyring.Save(); err != nil {
		c.keyring.RemoveEntry(id, fp)
		return fmt.Errorf("save the keyring: %w", err)
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SetKeyFingerprint(id, fp, c.clock()); err != nil {
			return err
		}
		return fn(tx)
	})
	if err != nil {
		c.keyring.RemoveEntry(id, fp)
		c.keyring.Save()
		return err
	}
	c.realKeys[id] = fp
	c.keyring.Retire(id, fp)
	// The change is made: should this save fail, the old entry is dropped
	// at the next sign-in instead, and can no longer open the file.
	c.keyring.Save()
	return nil
}

// forgetKeyEntryLocked removes id's entry after fn (which must disable
// its holder) has committed.
func (c *Clinic) forgetKeyEntryLocked(s *Session, id string, fn func(tx *writeTx) error) error {
	err := c.writeAs(s, func(tx *writeTx) error {
		if err := tx.DeleteKeyFingerprint(id); err != nil {
			return err
		}
		return fn(tx)
	})
	if err != nil {
		return err
	}
	delete(c.realKeys, id)
	c.keyring.Remove(id)
	c.keyring.Save() // as above: the next sign-in drops it otherwise
	return nil
}

// KeyringProblem names what is wrong with the keyring (a damaged or
// missing entry), with what to do; nil when it is whole. Sign-in goes on
// regardless, so one damaged entry locks nobody else out.
func (c *Clinic) KeyringProblem() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keyringProblemLocked()
}

func (c *Clinic) keyringProblemLocked() error {
	if len(c.keyringProblems) == 0 {
		return nil
	}
	var parts []string
	for _, p := range c.keyringProblems {
		parts = append(parts, data.EntryName(p.Entry)+" "+p.Problem+keyringMend(p.Entry))
	}
	return &data.KeyringError{Path: c.keyring.Path(), Problem: "(the file of keys beside the clinic file) needs mending. " + capitalFirst(strings.Join(parts, ". "))}
}

// keyringMend says what the damage means and how a manager mends it: a
// new secret replaces the entry. (Plain words rather than an arrow: the
// screens' bold and coloured fonts have no arrow glyph.)
func keyringMend(entry string) string {
	if name, ok := strings.CutPrefix(entry, "user:"); ok {
		return ", so " + name + " cannot sign in: a practice manager can reset " + name + "'s password in Settings (Users tab)"
	}
	return ", so the Emergency recovery sheet would not open the clinic: a practice manager can make a new recovery key in Settings (Security tab) and print its sheet"
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checkKeyringLocked looks at the whole keyring against the clinic file
// again, for verify.
func (c *Clinic) checkKeyringLocked() error {
	real, err := c.store.KeyFingerprints()
	if err != nil {
		return err
	}
	c.keyringProblems = c.keyring.Check(c.key, real)
	return c.keyringProblemLocked()
}
