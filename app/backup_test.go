package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/testclock"
)

func TestAutomaticBackupsKeepTheNewestN(t *testing.T) {
	c, _, _ := newClinic(t)
	folder := t.TempDir()
	if err := c.SetBackupSettings(folder, 2); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(folder, "holiday-photos.jpg"), []byte("not ours"), 0o600)
	for i, stamp := range []string{"20260101-090000", "20260102-090000", "20260103-090000"} {
		os.WriteFile(filepath.Join(folder, "clinicdesk-"+stamp+BackupExt), []byte{byte(i)}, 0o600)
	}
	out, err := c.AutoBackup()
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(folder, "*"))
	var got []string
	for _, n := range names {
		got = append(got, filepath.Base(n))
	}
	want := []string{"clinicdesk-20260103-090000" + BackupExt, filepath.Base(out), "holiday-photos.jpg"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("folder after pruning: %v, want %v", got, want)
	}
	if _, err := c.TestBackup(out); err != nil {
		t.Fatalf("the automatic backup does not verify: %v", err)
	}
}

func TestBackupFolderMustExistAndNotBeTheClinicFolder(t *testing.T) {
	c, path, _ := newClinic(t)
	if err := c.SetBackupSettings(filepath.Join(t.TempDir(), "missing"), 5); err == nil {
		t.Fatal("a missing folder was accepted")
	}
	if err := c.SetBackupSettings(filepath.Dir(path), 5); err == nil {
		t.Fatal("the clinic file's own folder was accepted")
	}
	if err := c.SetBackupSettings(t.TempDir(), 0); err == nil {
		t.Fatal("keep 0 accepted")
	}
}

func TestRestoreBackupNeedsAManagerOfThatBackup(t *testing.T) {
	c, _, recovery := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	out := filepath.Join(t.TempDir(), "b")
	if _, err := c.BackupNow(out); err != nil {
		t.Fatal(err)
	}
	out += BackupExt
	target := filepath.Join(t.TempDir(), "restored.db")
	if _, err := RestoreBackup(out, target, "amanager", "wrong password", false); err != ErrWrongPassword {
		t.Fatalf("wrong password: %v", err)
	}
	var pe *PermissionError
	if _, err := RestoreBackup(out, target, "reception", "staff-password-reception", false); !asPermission(err, &pe) {
		t.Fatalf("receptionist restore: %v", err)
	}
	if Exists(target) {
		t.Fatal("a refused restore left a clinic file")
	}
	if _, err := RestoreBackup(out, target, "recovery", recovery, false); err != nil {
		t.Fatalf("restore with the recovery key: %v", err)
	}
	c2, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(auditActions(t, c2), ","), "backup.restore") {
		t.Fatal("restore not audited in the restored file")
	}
}

func asPermission(err error, pe **PermissionError) bool {
	p, ok := err.(*PermissionError)
	*pe = p
	return ok
}

func TestBackupIfDueOnlyOnceADay(t *testing.T) {
	c, _, _ := newClinic(t)
	if out, err := c.BackupIfDue(); out != "" || err != nil {
		t.Fatalf("with no folder set: %q %v", out, err)
	}
	folder := t.TempDir()
	if err := c.SetBackupSettings(folder, 5); err != nil {
		t.Fatal(err)
	}
	first, err := c.BackupIfDue()
	if err != nil || first == "" {
		t.Fatalf("first backup: %q %v", first, err)
	}
	if again, err := c.BackupIfDue(); again != "" || err != nil {
		t.Fatalf("a second backup within the day: %q %v", again, err)
	}
	c.now = func() time.Time { return testclock.Now().Add(25 * time.Hour) }
	if later, err := c.BackupIfDue(); later == "" || err != nil {
		t.Fatalf("a day later: %q %v", later, err)
	}
}
