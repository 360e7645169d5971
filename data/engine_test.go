package data

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// plainFile writes an unencrypted SQLite file with this binary's own
// driver, as a build or a DSN that lost its key would.
func plainFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plain.db")
	db, err := sql.Open(driverName, path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t(x); INSERT INTO t VALUES ('Smith'); PRAGMA user_version = 1; PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	return path
}

// Each guard, given a file or a connection with no encryption, fails:
// none of them passes by reading nothing, as cipher_version and
// cipher_integrity_check do on this engine.
func TestEveryGuardFailsWithoutEncryption(t *testing.T) {
	path := plainFile(t)
	key := newKey(t)
	if _, err := Open(path, key); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("Open: err = %v, want ErrNotEncrypted", err)
	}
	if err := checkPageHMACs(path, key); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("page check: err = %v, want ErrNotEncrypted", err)
	}
	if err := checkOnDisk(path, make([]byte, cipherSaltLen)); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("header check: err = %v, want ErrNotEncrypted", err)
	}
	// A store whose connection has no key, past the header check.
	db, err := sql.Open(driverName, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := &Store{path: path, db: db, key: key}
	if _, err := readSalt(db); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("salt read back: err = %v, want ErrNotEncrypted", err)
	}
	if err := s.checkEncryptedOnDisk(false); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("on-disk check: err = %v, want ErrNotEncrypted", err)
	}
	if err := s.CipherCheck(); err == nil {
		t.Fatal("verify's cipher check passed on a plaintext file")
	}
}

// The engine's own default scheme (ChaCha20) is not the clinic's: a
// connection using it is refused, and a file written in it does not open.
func TestOnlyTheSQLCipher4SchemeIsAccepted(t *testing.T) {
	s, key, _ := newStore(t)
	e, err := s.Engine()
	if err != nil || e.Scheme != "sqlcipher" || e.Legacy != 4 || !strings.HasPrefix(e.SQLite, "3.5") {
		t.Fatalf("engine = %+v, %v", e, err)
	}
	path := filepath.Join(t.TempDir(), "chacha.db")
	db, err := sql.Open(driverName, path+"?_key="+key.pragma())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t(x); PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := readEngine(db); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("a ChaCha20 connection passed the scheme check: %v", err)
	}
	db.Close()
	if st, err := Open(path, key); err == nil {
		st.Close()
		t.Fatal("a file in another scheme opened as a clinic")
	}
}

// The page check agrees with the engine on every page of a real file,
// and a byte flipped in any page of a copy, or another key, fails it.
func TestCipherCheckFindsAFlippedPage(t *testing.T) {
	s, key, path := newStore(t)
	if err := s.Write(func(tx *Tx) error {
		for i := 0; i < 400; i++ {
			if err := tx.SetSetting("k"+strings.Repeat("x", i%50)+string(rune('a'+i%26))+string(rune('0'+i%10)), strings.Repeat("v", 300)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.CipherCheck(); err != nil {
		t.Fatalf("a sound file failed: %v", err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(b) / pageSize
	if pages < 8 {
		t.Fatalf("only %d pages", pages)
	}
	if err := checkPageHMACs(path, newKey(t)); err == nil {
		t.Fatal("another key passed the page check")
	}
	for _, pg := range []int{1, 3, pages} {
		for _, at := range []int{20, pageSize - pageReserve + 3, pageSize - 1} {
			c := bytes.Clone(b)
			c[(pg-1)*pageSize+at] ^= 0x40
			copyPath := filepath.Join(t.TempDir(), "copy.db")
			if err := os.WriteFile(copyPath, c, 0o600); err != nil {
				t.Fatal(err)
			}
			err := checkPageHMACs(copyPath, key)
			if err == nil || !strings.Contains(err.Error(), "page "+strconv.Itoa(pg)+" ") {
				t.Fatalf("page %d byte %d flipped: err = %v", pg, at, err)
			}
		}
	}
}

// Re-keying keeps the file's salt, so a rollback journal left by a power
// cut mid-way is still read with the old key; the pages are then under
// the new key only.
func TestRekeyKeepsTheSaltAndMovesEveryPage(t *testing.T) {
	s, oldKey, path := newStore(t)
	if err := s.Write(func(tx *Tx) error { return tx.SetSetting("k", strings.Repeat("v", 9000)) }); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	newK := newKey(t)
	if err := s.Rekey(newK); err != nil {
		t.Fatal(err)
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before[:cipherSaltLen], after[:cipherSaltLen]) {
		t.Fatal("the salt changed")
	}
	if err := checkPageHMACs(path, newK); err != nil {
		t.Fatalf("new key: %v", err)
	}
	if err := checkPageHMACs(path, oldKey); err == nil {
		t.Fatal("the old key still passes the page check")
	}
}
