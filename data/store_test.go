package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/app/audit"
)

func newKey(t *testing.T) DataKey {
	t.Helper()
	k, err := NewDataKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newStore(t *testing.T) (*Store, DataKey, string) {
	t.Helper()
	key := newKey(t)
	path := filepath.Join(t.TempDir(), "clinic.db")
	s, err := Create(path, key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, key, path
}

func TestCreateThenOpenWithTheSameKey(t *testing.T) {
	s, key, path := newStore(t)
	if err := s.Write(func(tx *Tx) error { return tx.SetSetting("greeting", "Croeso, Siân") }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	v, ok, err := s2.Setting("greeting")
	if err != nil || !ok || v != "Croeso, Siân" {
		t.Fatalf("setting = %q %v %v", v, ok, err)
	}
	var version int
	s2.DB().QueryRow("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion() || version < 1 {
		t.Fatalf("user_version %d, want %d", version, SchemaVersion())
	}
}

func TestCreateRefusesAnExistingFile(t *testing.T) {
	_, key, path := newStore(t)
	if _, err := Create(path, key); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
}

func TestWrongKeyIsRefusedAndChangesNothing(t *testing.T) {
	s, _, path := newStore(t)
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, newKey(t)); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("err = %v, want ErrWrongKey", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a failed open changed the file")
	}
}

func TestHeaderIsRandomNotSQLite(t *testing.T) {
	var heads [][]byte
	for i := 0; i < 2; i++ {
		s, _, path := newStore(t)
		s.Close()
		b, _ := os.ReadFile(path)
		if len(b) < 4096 {
			t.Fatalf("file is only %d bytes", len(b))
		}
		if bytes.HasPrefix(b, []byte("SQLite format 3")) {
			t.Fatal("the file starts with SQLite's plaintext header")
		}
		heads = append(heads, b[:16])
	}
	if bytes.Equal(heads[0], heads[1]) {
		t.Fatal("two clinic files share their first 16 bytes: the header is not random")
	}
}

func TestStockSQLiteCannotReadTheFile(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("sqlite3 is not installed (make deps installs it)")
		}
		t.Skip("sqlite3 not installed")
	}
	s, _, path := newStore(t)
	s.Write(func(tx *Tx) error { return tx.SetSetting("k", "v") })
	s.Close()
	out, err := exec.Command(sqlite3, path, "SELECT name FROM sqlite_master;").CombinedOutput()
	if err == nil {
		t.Fatalf("sqlite3 read the clinic file: %s", out)
	}
	if !strings.Contains(string(out), "not a database") {
		t.Fatalf("unexpected sqlite3 output: %s", out)
	}
}

func TestPlaintextDatabaseIsRefused(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 not installed")
	}
	path := filepath.Join(t.TempDir(), "plain.db")
	if out, err := exec.Command(sqlite3, path, "CREATE TABLE t(x); INSERT INTO t VALUES ('Smith');").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if _, err := Open(path, newKey(t)); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("err = %v, want ErrNotEncrypted", err)
	}
}

func TestDurabilityPragmas(t *testing.T) {
	s, _, _ := newStore(t)
	// Every pooled connection must carry them, not only the first.
	for i := 0; i < 4; i++ {
		conn, err := s.DB().Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var sync, fk int
		var mode, temp string
		conn.QueryRowContext(t.Context(), "PRAGMA synchronous").Scan(&sync)
		conn.QueryRowContext(t.Context(), "PRAGMA foreign_keys").Scan(&fk)
		conn.QueryRowContext(t.Context(), "PRAGMA journal_mode").Scan(&mode)
		conn.QueryRowContext(t.Context(), "PRAGMA temp_store").Scan(&temp)
		if sync != 2 || fk != 1 || mode != "wal" || temp != "2" {
			t.Fatalf("connection %d: synchronous=%d foreign_keys=%d journal_mode=%s temp_store=%s", i, sync, fk, mode, temp)
		}
	}
}

func TestRekeyLocksOutTheOldKey(t *testing.T) {
	s, oldKey, path := newStore(t)
	s.Write(func(tx *Tx) error { return tx.SetSetting("k", "before") })
	newK := newKey(t)
	if err := s.Rekey(newK); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(func(tx *Tx) error { return tx.SetSetting("k2", "after") }); err != nil {
		t.Fatalf("write after rekey: %v", err)
	}
	s.Close()
	if _, err := Open(path, oldKey); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("old key after rekey: err = %v, want ErrWrongKey", err)
	}
	s2, err := Open(path, newK)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, _, _ := s2.Setting("k"); v != "before" {
		t.Fatalf("data lost in rekey: %q", v)
	}
	if v, _, _ := s2.Setting("k2"); v != "after" {
		t.Fatalf("write after rekey lost: %q", v)
	}
	if err := s2.IntegrityCheck(false); err != nil {
		t.Fatal(err)
	}
}

func TestSecondOpenerIsRefusedNamingTheHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clinic.db")
	l, err := AcquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(path)
	if !IsInUse(err) {
		t.Fatalf("second lock: err = %v, want in use", err)
	}
	if !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("message does not name the holder: %v", err)
	}
	l.Release()
	l2, err := AcquireLock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l2.Release()
}

func TestNetworkSharePathsAreRefused(t *testing.T) {
	for _, p := range []string{`\\fileserver\clinic\clinic.db`, `//fileserver/clinic/clinic.db`} {
		if !isUNCPath(p) {
			t.Errorf("%s not seen as a network path", p)
		}
	}
	if isUNCPath(filepath.Join(t.TempDir(), "clinic.db")) {
		t.Error("a local temp path was taken for a network share")
	}
	if err := RefuseNetworkShare(filepath.Join(t.TempDir(), "clinic.db")); err != nil {
		t.Errorf("local path refused: %v", err)
	}
}

func TestMigrationsAreNumberedInSequence(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Fatalf("%s has version %d, want %d", m.name, m.version, i+1)
		}
	}
}

func TestWriteRollsBackOnError(t *testing.T) {
	s, _, _ := newStore(t)
	boom := errors.New("boom")
	err := s.Write(func(tx *Tx) error {
		tx.SetSetting("half", "done")
		tx.Audit(audit.Entry{Username: "u", Action: "x", Entity: "e", EntityID: "1"})
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if _, ok, _ := s.Setting("half"); ok {
		t.Fatal("half a transaction was kept")
	}
	if seq, _, _ := s.AuditHead(); seq != 0 {
		t.Fatalf("audit head advanced to %d by a rolled-back write", seq)
	}
}

func TestVersions(t *testing.T) {
	e, err := Versions()
	if err != nil || !strings.HasPrefix(e.Sqlite3mc, "SQLite3 Multiple Ciphers 2.") ||
		!strings.HasPrefix(e.SQLite, "3.5") || e.Scheme != "sqlcipher" || e.Legacy != 4 {
		t.Fatalf("engine=%+v err=%v", e, err)
	}
}

// Every connection of the pool has a big page cache, so SQLite's memory as
// a whole is bounded: whichever connection is asked, the bound is there.
func TestSQLiteMemoryIsBoundedOnEveryConnection(t *testing.T) {
	s, _, _ := newStore(t)
	ctx := context.Background()
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < 4; i++ {
		c, err := s.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var limit int64
		if err := c.QueryRowContext(ctx, "PRAGMA soft_heap_limit").Scan(&limit); err != nil {
			t.Fatal(err)
		}
		if limit != sqliteMemoryLimit || limit > 150<<20 {
			t.Fatalf("connection %d: SQLite's memory limit is %d", i, limit)
		}
	}
}
