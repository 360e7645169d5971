package data

import (
	"database/sql"
	"encoding/hex"
	"fmt"
)

// Rekey re-encrypts the whole file under a new data key, in one
// transaction, then reopens the pool with the new key. The engine cannot
// re-key in WAL mode, so the pool is closed and one connection takes the
// file out of WAL mode, re-keys it (a rollback journal keeps it whole if
// the power goes) and puts it back.
func (s *Store) Rekey(newKey DataKey) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	d, err := dsn(s.path, s.key)
	if err != nil {
		return err
	}
	newDSN, err := dsn(s.path, newKey)
	if err != nil {
		return err
	}
	s.db.Close()
	err = rekeyFile(d, newKey)
	reopen := newDSN
	if err != nil {
		reopen = d
	}
	db, oerr := sql.Open(driverName, reopen)
	if oerr != nil {
		return oerr
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	s.db = db
	if err != nil {
		// The old key may not open it if the re-key reached the disk.
		if cerr := s.checkCipher(); cerr != nil {
			db.Close()
			if s.db, oerr = sql.Open(driverName, newDSN); oerr == nil {
				s.db.SetMaxOpenConns(4)
				s.db.SetMaxIdleConns(4)
				s.key = newKey
			}
		}
		return fmt.Errorf("re-key the clinic file: %w", err)
	}
	s.key = newKey
	return s.checkCipher()
}

// rekeyFile re-keys the file on one connection of its own.
func rekeyFile(oldDSN string, newKey DataKey) error {
	db, err := sql.Open(driverName, oldDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// The salt stays (the engine would draw a new one, as SQLCipher did
	// not): the rollback journal holds the old pages under the old key and
	// the HMAC key derived with the salt, so if the power goes mid-way the
	// old key still reads page 1's salt and rolls the journal back.
	salt, err := readSalt(db)
	if err != nil {
		return err
	}
	for _, q := range []string{
		"PRAGMA wal_checkpoint(TRUNCATE)",
		"PRAGMA journal_mode = DELETE",
		`PRAGMA rekey = "x'` + hex.EncodeToString(newKey[:]) + hex.EncodeToString(salt) + `'"`,
		"PRAGMA journal_mode = WAL",
	} {
		if _, err := db.Exec(q); err != nil {
			return err
		}
	}
	return nil
}
