package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The bench's plaintext copy is the clinic file decrypted page for page:
// the same size, the same free pages, the same rows, and plain SQLite
// reads it as sound. A copy made by inserting the rows again would be
// packed tight, its free pages gone, and its cold reads faster for that
// alone.
func TestPlaintextCopyKeepsTheFilesLayout(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 50)
	if _, err := s.DB().Exec(`CREATE TABLE scratch (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO scratch SELECT randomblob(1000) FROM n;
		DELETE FROM scratch WHERE rowid % 3 = 0; DELETE FROM scratch WHERE rowid > 300`); err != nil {
		t.Fatal(err)
	}
	var free int
	if err := s.DB().QueryRow("PRAGMA freelist_count").Scan(&free); err != nil || free == 0 {
		t.Fatalf("no free pages to keep (%v)", err)
	}
	dst := filepath.Join(t.TempDir(), "plain.db")
	if err := s.ExportPlaintextForBench(dst); err != nil {
		t.Fatal(err)
	}
	defer RemovePlaintextCopy(dst)
	if err := s.ExportPlaintextForBench(dst); !errors.Is(err, ErrPlaintextCopyExists) {
		t.Fatalf("a second copy over the first: %v", err)
	}
	src, _ := os.Stat(path)
	cp, _ := os.Stat(dst)
	if src.Size() != cp.Size() {
		t.Fatalf("the copy is %d bytes, the clinic file %d", cp.Size(), src.Size())
	}
	db, err := sql.Open(driverName, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	var plainFree, audit, scratch int
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("plain SQLite's check of the copy: %q %v", check, err)
	}
	db.QueryRow("PRAGMA freelist_count").Scan(&plainFree)
	db.QueryRow("SELECT count(*) FROM audit").Scan(&audit)
	db.QueryRow("SELECT count(*) FROM scratch").Scan(&scratch)
	if plainFree != free || audit != 50 || scratch != 200 {
		t.Fatalf("the copy has %d free pages (want %d), %d audit rows, %d scratch rows", plainFree, free, audit, scratch)
	}
	if err := checkHeader(dst); !errors.Is(err, ErrNotEncrypted) {
		t.Fatalf("the copy does not start with SQLite's header: %v", err)
	}
}
