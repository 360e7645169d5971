package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/plaintext"
	"clinicdesk/app/practice"
)

// canary is a surname nobody has, written through the app wherever a name
// can go; it must then be found in no file on disk, in any encoding.
const canary = "Quixotebury"

func scanForCanary(t *testing.T, roots ...string) {
	t.Helper()
	found, files := plaintext.Find(canary, roots...)
	if files == 0 {
		t.Fatal("scanned no files")
	}
	for _, p := range found {
		t.Errorf("the canary name is in plaintext in %s", p)
	}
}

func TestNoPatientDataReachesTheDiskInPlaintext(t *testing.T) {
	root := t.TempDir()
	tmp := filepath.Join(root, "tmp")
	backups := filepath.Join(root, "usb-stick")
	os.MkdirAll(tmp, 0o700)
	os.MkdirAll(backups, 0o700)
	t.Setenv("TMPDIR", tmp) // temp files the app or SQLite make land here

	path := filepath.Join(root, "clinic", "clinic.db")
	c, _, err := Create(Setup{Path: path,
		Clinic:  practice.Details{Name: "Canary Clinic", Address: "1 " + canary + " Road\nLeeds"},
		Manager: NewUser{Username: "amanager", FullName: "Ann " + canary, Password: managerPassword},
		KDF:     fastKDF})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddUser(NewUser{Username: "bob", FullName: "Bob " + canary, Role: Receptionist, Password: "bob-long-password"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SaveDetails(practice.Details{Name: "Canary Clinic", Address: "2 " + canary + " Street\nLeeds"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetBackupSettings(backups, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BackupNow(filepath.Join(backups, "manual")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.TestBackup(filepath.Join(backups, "manual"+BackupExt)); err != nil {
		t.Fatal(err)
	}
	// While open: the WAL holds the newest pages.
	scanForCanary(t, root)
	if err := c.Close(); err != nil { // also writes the automatic backup
		t.Fatal(err)
	}
	auto, _ := filepath.Glob(filepath.Join(backups, "clinicdesk-*"+BackupExt))
	if len(auto) != 1 {
		t.Fatalf("automatic backup on close: %v", auto)
	}
	scanForCanary(t, root)

	// The canary really is in there, encrypted: the app reads it back.
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	d, _ := c2.Details()
	if !strings.Contains(d.Address, canary) {
		t.Fatal("the canary was not stored at all")
	}
}
