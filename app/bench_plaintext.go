package app

import (
	"errors"
	"fmt"
	"path/filepath"

	"clinicdesk/data"
)

// PlaintextTwinName is the file BenchPlaintextTwin writes in its folder.
const PlaintextTwinName = "plaintext-copy.db"

// BenchPlaintextTwin is for `clinicdesk bench` only, on its own generated
// clinic: it writes an unencrypted copy of the clinic file into dir (a
// temporary folder, never the clinic's own) and returns a Clinic over it,
// signed in as this session's user, so the same work can be timed with
// and without encryption. The twin makes no backups and no anchor, and
// closing it deletes the copy. Managers only.
func (c *Clinic) BenchPlaintextTwin(dir string) (*Clinic, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	home, err := filepath.Abs(filepath.Dir(c.path))
	if err != nil {
		return nil, err
	}
	if abs == home {
		return nil, errors.New("the bench's plaintext copy may not be written in the clinic's own folder")
	}
	path := filepath.Join(abs, PlaintextTwinName)
	if err := c.store.ExportPlaintextForBench(path); err != nil {
		return nil, err
	}
	store, err := data.OpenPlaintextForBench(path)
	if err != nil {
		data.RemovePlaintextCopy(path)
		return nil, err
	}
	session := *s
	return &Clinic{path: path, keyring: c.keyring, kdf: c.kdf, now: c.now, store: store, session: &session, plainTwin: true}, nil
}

// closePlainTwinLocked closes the bench's plaintext copy and deletes it.
func (c *Clinic) closePlainTwinLocked() error {
	c.session = nil
	err := c.store.Close()
	c.store = nil
	if rmErr := data.RemovePlaintextCopy(c.path); rmErr != nil {
		err = errors.Join(err, fmt.Errorf("the bench's plaintext copy could not be deleted: delete %s by hand: %w", c.path, rmErr))
	}
	return err
}

// BenchForgetCache drops SQLite's cached pages of the clinic file, so the
// next reads decrypt every page again (the bench's cold runs).
func (c *Clinic) BenchForgetCache() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store != nil {
		c.store.ForgetCachedPages()
	}
}
