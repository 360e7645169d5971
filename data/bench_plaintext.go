package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// For `clinicdesk bench` only: the cost of encryption is measured by
// running the same work on the bench's generated clinic and on a
// plaintext copy of it. Nothing else may call these: the app refuses
// plaintext everywhere else, and the bench deletes the copy when done.

// ErrPlaintextCopyExists: the bench's plaintext copy is never written over
// a file already there.
var ErrPlaintextCopyExists = errors.New("a file is already where the bench's plaintext copy would go")

// schemaObject is one row of sqlite_master.
type schemaObject struct{ kind, name, sql string }

func (s *Store) schema() ([]schemaObject, error) {
	rows, err := s.db.Query(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// shadowOf names the virtual table whose shadow table name is (FTS5 keeps
// its index in tables named after it), or "".
func shadowOf(name string, virtual map[string]bool) string {
	for v := range virtual {
		if strings.HasPrefix(name, v+"_") {
			return v
		}
	}
	return ""
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// ExportPlaintextForBench writes an unencrypted copy of the clinic file to
// dst, which must not exist: the same schema, rows, search index and
// user_version. The tables are made on the plain file by its own
// connection, the rows copied through an attached plaintext database (the
// engines' backup paths keep the source's encryption), then the indexes
// and triggers made.
func (s *Store) ExportPlaintextForBench(dst string) (err error) {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%w: %s", ErrPlaintextCopyExists, dst)
	}
	objects, err := s.schema()
	if err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	virtual := map[string]bool{}
	for _, o := range objects {
		if o.kind == "table" && strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL TABLE") {
			virtual[o.name] = true
		}
	}
	defer func() {
		if err != nil {
			removePlaintextCopy(dst)
		}
	}()

	plain, err := sql.Open(driverName, sqlitePath(dst)+"?_journal_mode=WAL&_sync=FULL")
	if err != nil {
		return err
	}
	plain.SetMaxOpenConns(1)
	for _, o := range objects {
		if o.kind == "table" && !strings.HasPrefix(o.name, "sqlite_") && shadowOf(o.name, virtual) == "" {
			if _, err := plain.Exec(o.sql); err != nil {
				plain.Close()
				return fmt.Errorf("plaintext copy: %s: %w", o.name, err)
			}
		}
	}
	if err := plain.Close(); err != nil {
		return err
	}

	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	// An empty key attaches the file unencrypted, in SQLCipher and in
	// SQLite3 Multiple Ciphers alike; the path is a bound parameter.
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS benchplain KEY ''`, sqlitePath(dst)); err != nil {
		conn.Close()
		return fmt.Errorf("plaintext copy: attach: %w", err)
	}
	copyErr := func() error {
		for _, o := range objects {
			if o.kind != "table" || strings.HasPrefix(o.name, "sqlite_") || virtual[o.name] {
				continue
			}
			q := quoteIdent(o.name)
			if shadowOf(o.name, virtual) != "" {
				// The virtual table made its shadow tables with their first
				// rows: the source's replace them whole.
				if _, err := conn.ExecContext(ctx, `DELETE FROM benchplain.`+q); err != nil {
					return err
				}
			}
			if _, err := conn.ExecContext(ctx, `INSERT INTO benchplain.`+q+` SELECT * FROM main.`+q); err != nil {
				return fmt.Errorf("plaintext copy: %s: %w", o.name, err)
			}
		}
		return nil
	}()
	_, detachErr := conn.ExecContext(ctx, `DETACH DATABASE benchplain`)
	conn.Close()
	if err := errors.Join(copyErr, detachErr); err != nil {
		return err
	}

	plain, err = sql.Open(driverName, sqlitePath(dst)+"?_journal_mode=WAL&_sync=FULL")
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, plain.Close()) }()
	plain.SetMaxOpenConns(1)
	hasStats := false
	for _, o := range objects {
		hasStats = hasStats || o.name == "sqlite_stat1"
		if o.kind == "table" || shadowOf(o.name, virtual) != "" {
			continue
		}
		if _, err := plain.Exec(o.sql); err != nil {
			return fmt.Errorf("plaintext copy: %s: %w", o.name, err)
		}
	}
	if hasStats {
		if _, err := plain.Exec("ANALYZE"); err != nil {
			return err
		}
	}
	_, err = plain.Exec("PRAGMA user_version = " + strconv.Itoa(version))
	return err
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
