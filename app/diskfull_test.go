package app

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// smallDisk mounts a tiny disk of its own (a tmpfs) for the test, so that
// "the disk is full" is the real system's answer, not a stand-in.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root on Linux (as in CI)")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a test disk here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill writes a file until the disk has no room left.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	for n := 4096; n > 0; n /= 2 { // the last few bytes too
		for {
			if _, err := f.Write(chunk[:n]); err != nil {
				break
			}
		}
	}
	return path
}

// Item 11: with the disk full a manager can still sign in, is told, and
// can back up to another disk; nothing saved before is lost.
func TestFullDiskStillLetsAManagerSignInAndBackUp(t *testing.T) {
	disk := smallDisk(t, "16m")
	path := filepath.Join(disk, "clinic.db")
	c, _, err := Create(Setup{Path: path, Clinic: practice.Details{Name: "Full Disk Physio"},
		Manager: NewUser{Username: "amanager", FullName: "Ann Manager", Password: managerPassword}, KDF: fastKDF})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := c.CreatePatient(patients.Patient{Forenames: "Siân", Surname: "Evans", DOB: ukcal.MustParseDate("1980-05-01")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	filler := fill(t, disk)

	c2, err := Open(path)
	if err != nil {
		t.Fatalf("the clinic does not open on a full disk: %v", err)
	}
	defer c2.Close()
	c2.kdf = fastKDF
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatalf("the manager cannot sign in on a full disk: %v", err)
	}
	if !c2.DiskFull() {
		t.Fatal("the session is not told the disk is full")
	}
	_, err = c2.CreatePatient(patients.Patient{Forenames: "Tomos", Surname: "Jones", DOB: ukcal.MustParseDate("1990-01-01")}, PatientOptions{})
	if !errors.Is(err, data.ErrDiskFull) || !strings.Contains(err.Error(), "disk") {
		t.Fatalf("a save on a full disk gave %v", err)
	}
	other := filepath.Join(t.TempDir(), "rescue.cdbackup")
	if _, err := c2.BackupNow(other); err != nil {
		t.Fatalf("no backup to another disk: %v", err)
	}
	if _, err := data.VerifyBackup(other, c2.key); err != nil {
		t.Fatalf("the rescue backup does not verify: %v", err)
	}
	// Space freed: nothing saved before is lost, and the rows that waited
	// reach the audit trail.
	os.Remove(filler)
	got, err := c2.Patient(saved.ID)
	if err != nil || got.Surname != "Evans" {
		t.Fatalf("the patient saved before is lost: %v", err)
	}
	if _, err := c2.CreatePatient(patients.Patient{Forenames: "Tomos", Surname: "Jones", DOB: ukcal.MustParseDate("1990-01-01")}, PatientOptions{}); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
	if c2.DiskFull() {
		t.Fatal("still says the disk is full")
	}
	actions := strings.Join(auditActions(t, c2), " ")
	if !strings.Contains(actions, "backup.create") || strings.Count(actions, "sign_in") < 2 {
		t.Fatalf("the rows held back while the disk was full are missing: %s", actions)
	}
}
