package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// For `clinicdesk bench` only: the cost of encryption is measured by
// running the same work on the bench's generated clinic and on a
// plaintext copy of it. Nothing else may call these: the app refuses
// plaintext everywhere else, and the bench deletes the copy when done.

// ErrPlaintextCopyExists: the bench's plaintext copy is never written over
// a file already there.
var ErrPlaintextCopyExists = errors.New("a file is already where the bench's plaintext copy would go")

// ExportPlaintextForBench writes an unencrypted copy of the clinic file to
// dst, which must not exist: the write-ahead log is emptied into the file,
// then every page is decrypted where it lies (decryptPagesTo).
func (s *Store) ExportPlaintextForBench(dst string) (err error) {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%w: %s", ErrPlaintextCopyExists, dst)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var busy, frames, moved int
	if err := s.db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &moved); err != nil {
		return err
	}
	if busy != 0 || !walEmpty(s.path) {
		return errors.New("the clinic file's write-ahead log could not be emptied for the bench's plaintext copy (something is reading it)")
	}
	defer func() {
		// Never a file that was there first.
		if err != nil && !errors.Is(err, ErrPlaintextCopyExists) {
			removePlaintextCopy(dst)
		}
	}()
	return decryptPagesTo(s.path, dst, s.key)
}

// OpenPlaintextForBench opens the bench's plaintext copy as a Store, with
// the clinic file's settings but no key. It refuses any file that is not
// plain SQLite, so it can never be pointed at a clinic file.
func OpenPlaintextForBench(path string) (*Store, error) {
	if err := checkHeader(path); !errors.Is(err, ErrNotEncrypted) {
		return nil, fmt.Errorf("%s is not the bench's plaintext copy: %v", path, err)
	}
	db, err := sql.Open(driverName, sqlitePath(path)+"?_journal_mode=WAL&_sync=FULL&_foreign_keys=1&_busy_timeout=10000&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version == 0 {
		db.Close()
		return nil, fmt.Errorf("%s is not a copy of a clinic file (%v)", path, err)
	}
	return &Store{path: path, db: db}, nil
}

// RemovePlaintextCopy deletes the bench's plaintext copy and SQLite's files
// beside it.
func RemovePlaintextCopy(path string) error { return removePlaintextCopy(path) }

func removePlaintextCopy(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ForgetCachedPages closes the pool's idle connections, and with them
// SQLite's page caches: the next query opens a fresh connection that reads
// every page again (with the system's cache dropped too, from the disk).
func (s *Store) ForgetCachedPages() {
	n := 4
	if s.fullAtOpen {
		n = 1
	}
	s.db.SetMaxIdleConns(0)
	s.db.SetMaxIdleConns(n)
}
