package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// rsBackup makes a backup of c into a folder of its own.
func rsBackup(t *testing.T, c *Clinic) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "before.cdbackup")
	if _, err := c.BackupNow(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// rsOpensAndSignsIn closes c and opens the clinic file afresh, as the next
// start would: the clinic must open and the manager sign in.
func rsOpensAndSignsIn(t *testing.T, c *Clinic, path, password string) *Clinic {
	t.Helper()
	c.Close()
	c2, err := Open(path)
	if err != nil {
		t.Fatalf("the clinic no longer opens: %v", err)
	}
	c2.kdf, c2.now = fastKDF, c.now
	t.Cleanup(func() { c2.Close() })
	if err := c2.SignIn("amanager", password); err != nil {
		t.Fatalf("the manager cannot sign in: %v", err)
	}
	return c2
}

func rsUserNames(t *testing.T, c *Clinic) string {
	t.Helper()
	us, err := c.Users()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range us {
		names = append(names, u.Username)
	}
	return strings.Join(names, ",")
}

func TestRestoreInTheAppPutsTheBackupBackAndTheClinicStillOpens(t *testing.T) {
	c, path, _ := newClinic(t)
	archive := rsBackup(t, c)
	addUser(t, c, "later", Receptionist) // done after the backup: lost by the restore

	if _, err := c.RestoreFrom(archive, managerPassword); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Session(); ok {
		t.Fatal("still signed in after a restore: everyone signs in again with the backup's passwords")
	}
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatalf("sign in after the restore: %v", err)
	}
	if names := rsUserNames(t, c); strings.Contains(names, "later") {
		t.Fatalf("a user added after the backup survived the restore: %s", names)
	}
	acts := strings.Join(auditActions(t, c), ",")
	if !strings.Contains(acts, "amanager backup.restore") {
		t.Fatalf("the restore is not on the restored clinic's audit trail: %s", acts)
	}
	kept, _ := filepath.Glob(path + ".before-restore-*")
	if len(kept) == 0 {
		t.Fatal("the clinic file as it was is not kept beside the restored one")
	}
	c2 := rsOpensAndSignsIn(t, c, path, managerPassword)
	if names := rsUserNames(t, c2); strings.Contains(names, "later") {
		t.Fatalf("after reopening: %s", names)
	}
}

func TestRestoreInTheAppOfABadArchiveLeavesTheClinicAsItWas(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "kept", Receptionist)
	junk := filepath.Join(t.TempDir(), "junk.cdbackup")
	os.WriteFile(junk, []byte("not a backup at all"), 0o600)

	if _, err := c.RestoreFrom(junk, managerPassword); err == nil {
		t.Fatal("a file that is not a backup was restored")
	}
	if s, ok := c.Session(); !ok || s.Locked {
		t.Fatal("a refused restore ended the session")
	}
	if !strings.Contains(strings.Join(auditActions(t, c), ","), "amanager backup.not_restored") {
		t.Fatal("the refused restore is not on the audit trail")
	}
	c2 := rsOpensAndSignsIn(t, c, path, managerPassword)
	if !strings.Contains(rsUserNames(t, c2), "kept") {
		t.Fatal("the clinic lost its data to a refused restore")
	}
}

// A backup whose manifest reads but whose body is damaged is refused, and
// the clinic goes on as it was.
func TestRestoreInTheAppOfADamagedBackupLeavesTheClinicAsItWas(t *testing.T) {
	c, path, _ := newClinic(t)
	archive := rsBackup(t, c)
	addUser(t, c, "kept", Receptionist)
	b, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) * 2 / 3; i < len(b)*2/3+64 && i < len(b); i++ {
		b[i] ^= 0xff
	}
	os.WriteFile(archive, b, 0o600)

	if _, err := c.RestoreFrom(archive, managerPassword); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	if s, ok := c.Session(); !ok || s.Locked {
		t.Fatal("the failed restore ended the session")
	}
	rsOpensAndSignsIn(t, c, path, managerPassword)
}

// A restore refused once the backup is unpacked (the clinic file already
// closed for the swap) opens the clinic as it was again, still signed in
// and writable. Here the restorer was a receptionist when the backup was
// made, so could not have signed in to it as a manager.
func TestRestoreInTheAppRefusedAfterClosingReopensTheClinicAsItWas(t *testing.T) {
	c, path, _ := newClinic(t)
	rose := addUser(t, c, "rose", Receptionist)
	archive := rsBackup(t, c)
	if err := c.UpdateUser(rose.ID, rose.FullName, Manager); err != nil {
		t.Fatal(err)
	}
	addUser(t, c, "kept", Receptionist)
	if err := c.SignIn("rose", "staff-password-rose"); err != nil {
		t.Fatal(err)
	}
	_, err := c.RestoreFrom(archive, "staff-password-rose")
	if err == nil || !strings.Contains(err.Error(), "not a practice manager in this backup") {
		t.Fatalf("restore by someone not a manager in the backup: %v", err)
	}
	if s, ok := c.Session(); !ok || s.Locked || s.User.Username != "rose" {
		t.Fatal("the refused restore ended the session")
	}
	if !strings.Contains(rsUserNames(t, c), "kept") {
		t.Fatal("the clinic open after the refused restore is not the one that was")
	}
	if _, err := c.AddUser(NewUser{Username: "after", FullName: "After Wards", Role: Receptionist, Password: "staff-password-after"}); err != nil {
		t.Fatalf("the clinic cannot be written after a refused restore: %v", err)
	}
	if !strings.Contains(strings.Join(auditActions(t, c), ","), "rose backup.not_restored") {
		t.Fatal("the refused restore is not on the audit trail")
	}
	if left, _ := filepath.Glob(path + ".before-restore-*"); len(left) != 0 {
		t.Fatalf("a refused restore moved the clinic file aside: %v", left)
	}
	rsOpensAndSignsIn(t, c, path, managerPassword)
}

func TestRestoreInTheAppRefusesAnotherClinicsBackup(t *testing.T) {
	c, path, _ := newClinic(t)
	other, _, _ := newClinic(t) // same manager name and password, another clinic
	archive := rsBackup(t, other)

	if _, err := c.PreviewRestore(archive); !errors.Is(err, errOtherClinic) {
		t.Fatalf("preview of another clinic's backup: %v", err)
	}
	if _, err := c.RestoreFrom(archive, managerPassword); !errors.Is(err, errOtherClinic) {
		t.Fatalf("another clinic's backup: %v", err)
	}
	rsOpensAndSignsIn(t, c, path, managerPassword)
}

// The password asked for must open the backup as the manager: after the
// restore it is the one that signs her in, so a restore cannot lock out.
func TestRestoreInTheAppNeedsThePasswordTheBackupKnows(t *testing.T) {
	c, path, _ := newClinic(t)
	archive := rsBackup(t, c)
	if _, err := c.RestoreFrom(archive, "not-the-password-at-all"); err == nil || !strings.Contains(err.Error(), "does not open this backup") {
		t.Fatalf("a wrong password: %v", err)
	}
	// A manager added after the backup has no key in it: refused, and the
	// clinic goes on as it was.
	addUser(t, c, "newboss", Manager)
	archive2 := rsBackup(t, c) // has newboss
	addUser(t, c, "kept", Receptionist)
	if err := c.SignIn("newboss", "staff-password-newboss"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RestoreFrom(archive, "staff-password-newboss"); err == nil {
		t.Fatal("a manager unknown to the backup restored it")
	}
	if s, ok := c.Session(); !ok || s.User.Username != "newboss" {
		t.Fatal("the refused restore ended the session")
	}
	if _, err := c.PreviewRestore(archive2); err != nil {
		t.Fatal(err)
	}
	c2 := rsOpensAndSignsIn(t, c, path, managerPassword)
	if !strings.Contains(rsUserNames(t, c2), "kept") {
		t.Fatal("data lost")
	}
}

func TestRestoreInTheAppIsForPracticeManagersOnly(t *testing.T) {
	c, _, _ := newClinic(t)
	archive := rsBackup(t, c)
	addUser(t, c, "desk", Receptionist)
	if err := c.SignIn("desk", "staff-password-desk"); err != nil {
		t.Fatal(err)
	}
	var perm *PermissionError
	if _, err := c.PreviewRestore(archive); !errors.As(err, &perm) {
		t.Fatalf("a receptionist previewed a restore: %v", err)
	}
	if _, err := c.RestoreFrom(archive, "staff-password-desk"); !errors.As(err, &perm) {
		t.Fatalf("a receptionist restored: %v", err)
	}
}

// The confirmation names who made the backup and what would be lost.
func TestRestorePreviewNamesTheMakerAndCountsWhatWouldBeLost(t *testing.T) {
	d := newDiary(t)
	archive := rsBackup(t, d.c)
	p, err := d.c.PreviewRestore(archive)
	if err != nil {
		t.Fatal(err)
	}
	if p.MadeBy != "Ann Manager (amanager)" || !p.Counted || p.Patients != 0 || p.Appointments != 0 {
		t.Fatalf("fresh backup: %+v", p)
	}
	d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	d.book(t, d.req(d.john, d.evans, "2026-11-24", "10:00"))
	if _, err := d.c.CreatePatient(patients.Patient{Forenames: "New", Surname: "Comer", DOB: ukcal.MustParseDate("1980-02-02")}, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err = d.c.PreviewRestore(archive)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Counted || p.Patients != 1 || p.Appointments != 2 {
		t.Fatalf("after one patient and two bookings: %+v", p)
	}
	if !p.Manifest.CreatedAt.Equal(p.Manifest.CreatedAt.UTC()) || p.Manifest.ClinicID == "" {
		t.Fatalf("manifest %+v", p.Manifest)
	}
}

// A restore is undone or finished whole: a clinic file with staged parts
// left beside it by a crash still opens with its own passwords.
func TestRestoreLeftHalfDoneByACrashStillOpens(t *testing.T) {
	c, path, _ := newClinic(t)
	c.Close()
	// What a crash in stage 1 leaves: staged files, no journal.
	os.WriteFile(path+".keyring.restore-new", []byte("half"), 0o600)
	os.WriteFile(path+".restore-new", []byte("half"), 0o600)
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c2.now = testclock.Now
	defer c2.Close()
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatalf("after a crash part way through a restore: %v", err)
	}
	if _, err := os.Stat(path + ".restore-new"); err == nil {
		t.Fatal("the staged file was not tidied away")
	}
}

// The restore drill (Test a backup) restores into a private temporary
// folder and checks there: the live clinic keeps what was done since the
// backup, and nothing appears beside its file.
func TestRestoreDrillLeavesTheLiveClinicAlone(t *testing.T) {
	c, path, _ := newClinic(t)
	archive := rsBackup(t, c)
	addUser(t, c, "since", Receptionist)
	names := func() string {
		entries, _ := os.ReadDir(filepath.Dir(path))
		var out []string
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), "-wal") && !strings.HasSuffix(e.Name(), "-shm") {
				out = append(out, e.Name())
			}
		}
		return strings.Join(out, ",")
	}
	before := names()
	m, err := c.TestBackup(archive)
	if err != nil || m.AuditSeq == 0 {
		t.Fatalf("drill: %+v %v", m, err)
	}
	if after := names(); after != before {
		t.Fatalf("the drill left files beside the clinic file:\n%s\n%s", before, after)
	}
	if !strings.Contains(rsUserNames(t, c), "since") {
		t.Fatal("the drill put the backup in place of the live clinic")
	}
	if !strings.Contains(strings.Join(auditActions(t, c), ","), "amanager backup.verify") {
		t.Fatal("the drill is not on the audit trail")
	}
}
