package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupVerifiesAndRestores(t *testing.T) {
	s, key, path := newStore(t)
	s.Write(func(tx *Tx) error { return tx.SetSetting("note", "Zoë Łukasiewicz-O'Brien") })
	writeAudit(t, s, 5)
	kr := NewKeyring(KeyringPath(path), "clinic-1")
	kr.Wrap(UserEntry("alice"), []byte("alice password one"), key, fastKDF)
	krBytes, _ := kr.Bytes()

	out := filepath.Join(t.TempDir(), "b.cdbackup")
	m, err := s.Backup(out, key, krBytes, "clinic-1", "test")
	if err != nil {
		t.Fatal(err)
	}
	if m.AuditSeq != 5 || m.RowCounts["audit"] != 5 || m.ClinicID != "clinic-1" {
		t.Fatalf("manifest: %+v", m)
	}
	// The letters logged are counted too, as a patient's or a complaint's
	// record.
	for _, table := range []string{"letter_log", "complaint_letters"} {
		if n, ok := m.RowCounts[table]; !ok || n != 0 {
			t.Errorf("the manifest's count of %s: %d, %v", table, n, ok)
		}
	}
	if _, err := VerifyBackup(out, key); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if _, err := VerifyBackup(out, newKey(t)); err == nil {
		t.Fatal("a backup verified under another clinic's key")
	}
	bk, err := BackupKeyring(out)
	if err != nil || !bk.Has(UserEntry("alice")) {
		t.Fatalf("backup keyring: %v", err)
	}

	target := filepath.Join(t.TempDir(), "restored.db")
	if _, err := Restore(out, target, key, false, nil); err != nil {
		t.Fatal(err)
	}
	r, err := Open(target, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if v, _, _ := r.Setting("note"); v != "Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("restored setting %q", v)
	}
	if n, err := r.VerifyAudit(); err != nil || n != 5 {
		t.Fatalf("restored audit %d %v", n, err)
	}
	if _, err := LoadKeyring(KeyringPath(target)); err != nil {
		t.Fatalf("restored keyring: %v", err)
	}
}

func TestRestoreNeverOverwritesWithoutForceAndKeepsTheOld(t *testing.T) {
	s, key, path := newStore(t)
	out := filepath.Join(t.TempDir(), "b.cdbackup")
	if _, err := s.Backup(out, key, []byte(`{"format":1,"clinic_id":"c"}`), "c", "test"); err != nil {
		t.Fatal(err)
	}
	s.Write(func(tx *Tx) error { return tx.SetSetting("after", "backup") })
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Restore(out, path, key, false, nil); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("restore over an existing file without force: %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Fatal("a refused restore changed the clinic file")
	}
	if _, err := Restore(out, path, key, true, nil); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(path + ".before-restore-*[0-9]Z")
	if len(matches) != 1 {
		t.Fatalf("the old clinic file was not kept beside: %v", matches)
	}
	r, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, ok, _ := r.Setting("after"); ok {
		t.Fatal("restore did not bring back the backup's state")
	}
}

func TestDamagedBackupIsRefused(t *testing.T) {
	s, key, _ := newStore(t)
	writeAudit(t, s, 3)
	out := filepath.Join(t.TempDir(), "b.cdbackup")
	if _, err := s.Backup(out, key, []byte(`{"format":1,"clinic_id":"c"}`), "c", "test"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	// Flip a byte well inside the database part (after the headers).
	b[len(b)/2] ^= 0xFF
	bad := filepath.Join(t.TempDir(), "bad.cdbackup")
	os.WriteFile(bad, b, 0o600)
	if _, err := VerifyBackup(bad, key); err == nil {
		t.Fatal("a damaged backup verified")
	}
	target := filepath.Join(t.TempDir(), "r.db")
	if _, err := Restore(bad, target, key, false, nil); err == nil {
		t.Fatal("a damaged backup restored")
	}
	if _, err := os.Stat(target); err == nil {
		t.Fatal("a refused restore left a file behind")
	}
	os.WriteFile(bad, []byte("not a backup at all"), 0o600)
	if _, err := VerifyBackup(bad, key); err == nil || !strings.Contains(err.Error(), "not a ClinicDesk backup") {
		t.Fatalf("junk file: %v", err)
	}
}

func TestBackupNeverReplacesAFileUnlessTold(t *testing.T) {
	s, key, _ := newStore(t)
	writeAudit(t, s, 2)
	kr := []byte(`{"format":2,"clinic_id":"c","entries":[]}`)
	out := filepath.Join(t.TempDir(), "b.cdbackup")
	os.WriteFile(out, []byte("last week's backup"), 0o600)
	var taken *BackupExistsError
	if _, err := s.Backup(out, key, kr, "c", "test"); !errors.As(err, &taken) || taken.Path != out {
		t.Fatalf("a backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "last week's backup" {
		t.Fatal("a refused backup changed the file")
	}
	if _, err := s.BackupReplacing(out, key, kr, "c", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyBackup(out, key); err != nil {
		t.Fatalf("the replacing backup: %v", err)
	}
	// Nothing is left in the folder but the backup.
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Fatalf("the folder holds %d entries", len(entries))
	}
}

// A mistyped backup folder is named, not made: a backup put somewhere
// nobody meant would be a backup nobody finds.
func TestBackupToAFolderThatDoesNotExistNamesTheFolder(t *testing.T) {
	s, key, _ := newStore(t)
	kr := []byte(`{"format":2,"clinic_id":"c","entries":[]}`)
	missing := filepath.Join(t.TempDir(), "Clinic Backups")
	_, err := s.Backup(filepath.Join(missing, "b.cdbackup"), key, kr, "c", "test")
	if err == nil || !strings.Contains(err.Error(), missing+" does not exist") {
		t.Fatalf("a backup into a missing folder: %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the missing folder was made: %v", err)
	}
}
