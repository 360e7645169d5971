// Package data is ClinicDesk's encrypted store: one SQLCipher-format file keyed
// with a random data key, a keyring beside it, migrations, the audit chain
// and backups. It knows nothing of the clinic's rules or of the GUI.
package data

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// DataKey is the 256-bit key the clinic file is encrypted with. It
// never leaves memory unwrapped.
type DataKey [32]byte

// NewDataKey draws a fresh random data key.
func NewDataKey() (DataKey, error) {
	var k DataKey
	_, err := io.ReadFull(rand.Reader, k[:])
	return k, err
}

// pragma is the raw-key form the SQLCipher scheme takes: x'…' (64 hex
// digits) is the key itself, with no passphrase and no KDF.
func (k DataKey) pragma() string { return "x'" + hex.EncodeToString(k[:]) + "'" }

// driverName is our own registration of the SQLite3 Multiple Ciphers
// driver, so that every pooled connection also keeps temporary tables and
// sorts in memory, where they cannot reach the disk unencrypted. What
// stays in memory while the clinic is open: README, "What stays in memory".
const driverName = "clinicdesk-sqlite3mc"

// cipherScheme is sqlite3mc's name for the SQLCipher format, and
// cipherLegacy its version: SQLCipher 4's defaults (AES-256-CBC, a per-page
// HMAC-SHA512 checked on every read, 4096-byte pages, no plaintext header),
// which go-sqlcipher 4.4.2 wrote, so every existing clinic opens unchanged.
// The engine's own default scheme is ChaCha20, so it is always named.
const (
	cipherScheme = "sqlcipher"
	cipherLegacy = 4
)

// sqliteMemoryLimit bounds SQLite's memory in the process, page caches
// included, so that with the Go heap and the window the app stays inside
// SPEC §5's 200 MB however long it has been open (`clinicdesk bench`,
// rss_day_mb: the window's own drawing takes 40 MB of it, its code 100).
const sqliteMemoryLimit = 16 << 20

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			// 4 MiB of page cache per connection (SQLite's default is 2 MiB),
			// filled only as pages are read: the day view of a clinic with a
			// million appointments reads its patients' rows at random, and
			// each miss is a page to decrypt (from the system's file cache,
			// a few microseconds). 64 MiB each made the window hold 112 MiB
			// of pages after a few minutes' use; with 4 the day view and the
			// search still meet SPEC §5 (`clinicdesk bench`).
			if _, err := c.Exec("PRAGMA cache_size = -4096", nil); err != nil {
				return err
			}
			// But the pool has four connections, and a verify or a long
			// export fills each one's cache: all of SQLite's memory in the
			// process stays under this, the caches taking turns. (The
			// setting is process-wide; every connection sets the same.)
			if _, err := c.Exec(fmt.Sprintf("PRAGMA soft_heap_limit = %d", sqliteMemoryLimit), nil); err != nil {
				return err
			}
			_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
			return err
		},
	})
}

var (
	// ErrExists: the file to create is already there.
	ErrExists = errors.New("a clinic file already exists there")
	// ErrNotEncrypted: the file on disk is plain SQLite, or the binary was
	// built without encryption. ClinicDesk refuses to touch either.
	ErrNotEncrypted = errors.New("refusing to open: the clinic file is not encrypted (or this ClinicDesk was built without encryption)")
	// ErrWrongKey: the data key does not open this file.
	ErrWrongKey = errors.New("the key does not open this clinic file")
	// ErrNotAClinic: the file is there but is not a clinic file, or is too
	// damaged to be one. It is never changed: opening creates nothing.
	ErrNotAClinic = errors.New("not a ClinicDesk clinic file")
)

// notAClinic wraps ErrNotAClinic with what was found at path.
func notAClinic(path, found string) error {
	return fmt.Errorf("%s %s: %w. Nothing was changed; if it should be your clinic, restore it from the newest backup", path, found, ErrNotAClinic)
}

// pageSize is the clinic file's page size: the file is always a whole
// number of pages.
const pageSize = 4096

var sqliteHeader = []byte("SQLite format 3\x00")

// Store is an open clinic file.
type Store struct {
	path string
	db   *sql.DB
	// Writes go one at a time: the audit chain needs the previous hash, and
	// SQLite has one writer anyway. The lock file keeps other processes out.
	writeMu sync.Mutex
	// The calendar's set-up, kept between the writes that change it.
	setupCache setupCache
	// fullAtOpen says the disk had no room for SQLite's shared-memory
	// file, so the file was opened on one connection that keeps it in
	// memory instead: reads and backups work; writes wait for room.
	fullAtOpen bool
	// walDamage is a damaged write-ahead log found before SQLite read it.
	walDamage *WALDamage
	// key is the data key, for verify's page HMAC check (the engine holds
	// it in memory too while the file is open).
	key DataKey
}

// DiskFullAtOpen says the clinic file was opened on a full disk.
func (s *Store) DiskFullAtOpen() bool { return s.fullAtOpen }

func dsn(path string, key DataKey) (string, error) {
	path = sqlitePath(path)
	if strings.ContainsAny(path, "?#") {
		return "", fmt.Errorf("the clinic file's path may not contain '?' or '#': %s", path)
	}
	return path + "?" + keyParams(key) +
		"&_journal_mode=WAL&_sync=FULL&_foreign_keys=1&_busy_timeout=10000&_txlock=immediate", nil
}

// keyParams name the scheme before the key, as the driver applies them:
// the SQLCipher 4 format with its HMAC checked, 4096-byte pages, the raw
// key. The WAL is encrypted as SQLCipher does (mc_legacy_wal off).
func keyParams(key DataKey) string { return keyParamsChecking(key, true) }

// keyParamsChecking is keyParams with the engine's HMAC check on read
// switched off when hmacCheck is false: only for verify's read-only
// passes, over pages whose HMACs verify checks itself (verify_passes.go).
// Every page is still written with its HMAC; the file is the same.
func keyParamsChecking(key DataKey, hmacCheck bool) string {
	check := "1"
	if !hmacCheck {
		check = "0"
	}
	return "_cipher=" + cipherScheme + "&_legacy=" + strconv.Itoa(cipherLegacy) +
		"&_legacy_page_size=" + strconv.Itoa(pageSize) +
		"&_hmac_use=1&_hmac_check=" + check + "&_plaintext_header_size=0&_mc_legacy_wal=0" +
		"&_key=" + key.pragma()
}

// fullDiskDSN opens a file already in WAL mode without creating SQLite's
// shared-memory file, which a full disk has no room for: in exclusive
// locking mode the WAL index lives in the process's memory. (Setting the
// journal mode again would need that file first, so it is left out: the
// file records WAL mode itself.) One connection only, as exclusive means.
func fullDiskDSN(path string, key DataKey) string {
	path = sqlitePath(path)
	return path + "?" + keyParams(key) +
		"&_locking_mode=EXCLUSIVE&_sync=FULL&_foreign_keys=1&_busy_timeout=10000&_txlock=immediate"
}

// Create makes a new, empty, encrypted clinic file and applies the migrations.
// The file is made first, owner-only (0600), so SQLite's WAL and shared-
// memory files, which take its permissions, are owner-only too.
func Create(path string, key DataKey) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("%w: %s", ErrExists, path)
		}
		return nil, err
	}
	f.Close()
	s, err := open(path, key, true)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

// Open opens an existing clinic file with its data key. It never creates
// or changes a file that is not a clinic file: an empty, cut-short or
// foreign file is refused with ErrNotAClinic before SQLite may write to it.
func Open(path string, key DataKey) (*Store, error) {
	if err := CheckClinicFile(path); err != nil {
		return nil, err
	}
	restrictPermissions(path)
	damage, err := checkWAL(path)
	if err != nil {
		return nil, err
	}
	s, err := open(path, key, false)
	if err != nil {
		return nil, err
	}
	s.walDamage = damage
	return s, nil
}

// WALDamage is what the write-ahead log check found as the file opened,
// or nil.
func (s *Store) WALDamage() *WALDamage { return s.walDamage }

// CheckClinicFile looks at the file at path without a key: it must exist,
// be encrypted, and be a whole number of pages.
func CheckClinicFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no clinic file at %s", path)
		}
		return err
	}
	switch {
	case st.IsDir():
		return notAClinic(path, "is a folder")
	case st.Size() == 0:
		return notAClinic(path, "is empty (0 bytes)")
	}
	if err := checkHeader(path); err != nil {
		return err
	}
	if st.Size()%pageSize != 0 {
		return notAClinic(path, fmt.Sprintf("is damaged: it is %d bytes, not a whole number of %d-byte pages (cut short, or another kind of file)", st.Size(), pageSize))
	}
	return nil
}

// restrictPermissions makes an existing clinic file and SQLite's files
// beside it owner-only, as Create makes new ones (earlier versions left
// them to the umask). Where the system cannot, nothing is lost.
func restrictPermissions(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, 0o600)
		}
	}
}

// checkHeader refuses a file whose first bytes are SQLite's plaintext magic.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	if n == len(head) && bytes.Equal(head, sqliteHeader) {
		return ErrNotEncrypted
	}
	return nil
}

func open(path string, key DataKey, fresh bool) (*Store, error) {
	d, err := dsn(path, key)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, d)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	s := &Store{path: path, db: db, key: key}
	err = s.checkCipher()
	if err != nil && !fresh && IsDiskFull(err) {
		db.Close()
		if db, err = sql.Open(driverName, fullDiskDSN(path, key)); err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		s = &Store{path: path, db: db, key: key, fullAtOpen: true}
		err = s.checkCipher()
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if !fresh {
		// Only Create starts a schema: a file with none is not a clinic.
		var version int
		if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version == 0 {
			db.Close()
			if err != nil {
				return nil, damaged(path, err)
			}
			return nil, notAClinic(path, "has no ClinicDesk data in it")
		}
	}
	if err := migrate(db); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.checkEncryptedOnDisk(fresh); err != nil {
		db.Close()
		return nil, err
	}
	if !s.fullAtOpen {
		// Best effort: a referral not summed up is read from its events.
		_, _ = s.FillReferralSummaries()
	}
	return s, nil
}

// checkEncryptedOnDisk makes sure the file on disk is the encrypted one
// the engine says it writes: not SQLite's plaintext header, and its salt.
// A new file may have its first page only in the WAL yet.
func (s *Store) checkEncryptedOnDisk(fresh bool) error {
	if fresh && !s.fullAtOpen {
		if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return err
		}
	}
	salt, err := readSalt(s.db)
	if err != nil {
		return err
	}
	return checkOnDisk(s.path, salt)
}

// checkCipher makes sure the encryption engine is really in the binary
// and uses the SQLCipher 4 scheme, that the key opens the file, and that
// the durability pragmas took.
func (s *Store) checkCipher() error {
	if _, err := readEngine(s.db); err != nil {
		// The driver sets WAL mode as it connects, which already needs the
		// first page decrypted: a wrong key fails here.
		if strings.Contains(err.Error(), "file is not a database") {
			return ErrWrongKey
		}
		if errors.Is(err, ErrNotEncrypted) {
			return err
		}
		return damaged(s.path, err)
	}
	// Reading the schema is the first access that decrypts a page.
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		if strings.Contains(err.Error(), "file is not a database") {
			return ErrWrongKey
		}
		return damaged(s.path, err)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("the clinic file could not be put in WAL mode (got %q): %v", mode, err)
	}
	var syncLevel int
	if err := s.db.QueryRow("PRAGMA synchronous").Scan(&syncLevel); err != nil || syncLevel != 2 {
		return fmt.Errorf("synchronous=FULL did not take (got %d): %v", syncLevel, err)
	}
	var fk int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		return fmt.Errorf("foreign keys could not be switched on: %v", err)
	}
	return nil
}

// Path is the clinic file's location.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL into the main file and closes it.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := s.db.Close()
	s.db = nil
	s.key = DataKey{}
	return err
}

// Engine reports the engine and cipher scheme the open file uses.
func (s *Store) Engine() (Engine, error) {
	return readEngine(s.db)
}

// Tx is a write transaction. Every change the app makes goes through one,
// together with the audit row that records it.
type Tx struct {
	tx *sql.Tx
	// The audit chain's head as this transaction has left it, and the
	// prepared insert: a bulk import appends thousands of rows.
	auditSeq    int64
	auditHash   string
	auditLoaded bool
	auditInsert *sql.Stmt
	// setupChanged says this transaction wrote the calendar's set-up, so
	// the store's copy is stale once it commits.
	setupChanged bool
}

// Exec runs a parameterised statement inside the transaction. What it
// changes is not known here, so the kept set-up is read again after it.
func (t *Tx) Exec(query string, args ...any) (sql.Result, error) {
	t.setupChanged = true
	return t.tx.Exec(query, args...)
}

// QueryRow runs a parameterised query inside the transaction.
func (t *Tx) QueryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRow(query, args...)
}

// Query runs a parameterised query inside the transaction.
func (t *Tx) Query(query string, args ...any) (*sql.Rows, error) {
	return t.tx.Query(query, args...)
}

// Write runs fn in one durable transaction (BEGIN IMMEDIATE, synchronous
// FULL): either all of it reaches the disk or none of it does.
func (s *Store) Write(fn func(*Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.db == nil {
		return errors.New("the clinic file is closed")
	}
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return diskFull(err)
	}
	t := &Tx{tx: tx}
	defer func() {
		if t.auditInsert != nil {
			t.auditInsert.Close()
		}
	}()
	if err := fn(t); err != nil {
		tx.Rollback()
		return diskFull(err)
	}
	if err := tx.Commit(); err != nil {
		return diskFull(err)
	}
	if t.setupChanged {
		s.setupCache.changed()
	}
	return nil
}

// DB is for read queries by the packages of this module's data layer.
func (s *Store) DB() *sql.DB { return s.db }
