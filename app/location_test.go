package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaultClinicFileIsOnePerWindowsPC(t *testing.T) {
	// Two Windows logins on one PC, with roaming and redirected profiles:
	// both get the same clinic file, on this PC's own disk.
	jo := map[string]string{"ProgramData": `C:\ProgramData`, "APPDATA": `\\fileserver\profiles\jo\AppData\Roaming`, "USERPROFILE": `C:\Users\jo`}
	sam := map[string]string{"ProgramData": `C:\ProgramData`, "APPDATA": `C:\Users\sam\AppData\Roaming`, "USERPROFILE": `C:\Users\sam`}
	want := `C:\ProgramData\ClinicDesk\clinic.db`
	for _, env := range []map[string]string{jo, sam} {
		if got := defaultPathFor("windows", envOf(env), env["APPDATA"]); got != want {
			t.Errorf("%s: %s, want %s", env["USERPROFILE"], got, want)
		}
	}
	for pd, want := range map[string]string{
		`D:\ProgramData\`:            `D:\ProgramData\ClinicDesk\clinic.db`,
		"":                           `C:\ProgramData\ClinicDesk\clinic.db`, // unset
		`ProgramData`:                `C:\ProgramData\ClinicDesk\clinic.db`, // relative: would move with the working folder
		`\\fileserver\programdata`:   `C:\ProgramData\ClinicDesk\clinic.db`, // a share, which ClinicDesk refuses
		`\\?\UNC\fileserver\pd`:      `C:\ProgramData\ClinicDesk\clinic.db`,
		`E:/Shared Data/ProgramData`: `E:/Shared Data/ProgramData\ClinicDesk\clinic.db`,
	} {
		if got := defaultPathFor("windows", envOf(map[string]string{"ProgramData": pd}), ""); got != want {
			t.Errorf("ProgramData=%q: %s, want %s", pd, got, want)
		}
	}
}

func TestDefaultClinicFileOnAMacIsInApplicationSupport(t *testing.T) {
	got := defaultPathFor("darwin", envOf(nil), "/Users/jo/Library/Application Support")
	if got != "/Users/jo/Library/Application Support/ClinicDesk/clinic.db" {
		t.Fatal(got)
	}
}

func TestDefaultClinicFileOnLinuxIsInTheConfigFolder(t *testing.T) {
	if got := defaultPathFor("linux", envOf(nil), "/home/jo/.config"); got != "/home/jo/.config/ClinicDesk/clinic.db" {
		t.Fatal(got)
	}
	if got := defaultPathFor("linux", envOf(nil), ""); got != "ClinicDesk/clinic.db" {
		t.Fatalf("no configuration folder: %s", got)
	}
	if runtime.GOOS == "linux" { // the wrapper reads this system's folder
		t.Setenv("XDG_CONFIG_HOME", "/srv/jo-config")
		if got := DefaultPath(); got != "/srv/jo-config/ClinicDesk/clinic.db" {
			t.Fatalf("DefaultPath: %s", got)
		}
	}
}

func createAt(t *testing.T, path string) (*Clinic, error) {
	t.Helper()
	c, _, err := Create(Setup{Path: path, Clinic: practice.Details{Name: "Harbour Physio"},
		Manager: NewUser{Username: "amanager", FullName: "Ann Manager", Password: managerPassword},
		KDF:     fastKDF, Now: testclock.Now})
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, err
}

func TestClinicFileInOneDriveIsRefusedForANewClinic(t *testing.T) {
	for _, folder := range []string{"OneDrive - Harbour Physio Ltd", "Dropbox", "iCloudDrive", "My Drive"} {
		dir := filepath.Join(t.TempDir(), folder, "Clinic")
		path := filepath.Join(dir, "clinic.db")
		_, err := createAt(t, path)
		if err == nil || !strings.Contains(err.Error(), "copies that folder to the internet") || !strings.Contains(err.Error(), "ordinary folder") {
			t.Errorf("%s: a new clinic was not refused clearly: %v", folder, err)
		}
		if _, serr := os.Stat(dir); serr == nil {
			t.Errorf("%s: the refused clinic's folder was made", folder)
		}
	}
	if _, err := createAt(t, filepath.Join(t.TempDir(), "OneDrive", "clinic.db")); err == nil || !strings.Contains(err.Error(), "OneDrive copies") {
		t.Errorf("the refusal does not name OneDrive: %v", err)
	}
}

func TestExistingClinicInDropboxOpensWithAWarning(t *testing.T) {
	work := filepath.Join(t.TempDir(), "Work")
	c, err := createAt(t, filepath.Join(work, "clinic.db"))
	if err != nil {
		t.Fatal(err)
	}
	if w := c.SyncFolderWarning(); w != "" {
		t.Fatalf("an ordinary folder was warned about: %s", w)
	}
	c.Close()
	// Someone moves the folder into Dropbox: the clinic must still open.
	synced := filepath.Join(filepath.Dir(work), "Dropbox (Harbour Physio)")
	if err := os.Rename(work, synced); err != nil {
		t.Fatal(err)
	}
	c2, err := Open(filepath.Join(synced, "clinic.db"))
	if err != nil {
		t.Fatalf("an existing clinic in Dropbox was refused: %v", err)
	}
	defer c2.Close()
	c2.SetClock(testclock.Now)
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	w := c2.SyncFolderWarning()
	if !strings.Contains(w, "Dropbox copies to the internet") || !strings.Contains(w, "move it to an ordinary folder") || !strings.Contains(w, "clinicdesk restore") || strings.Contains(w, "→") {
		t.Fatalf("the warning: %q", w)
	}
	// Backups may go to a synced folder: a backup is one finished file.
	backups := filepath.Join(t.TempDir(), "OneDrive")
	if err := os.Mkdir(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := c2.BackupNow(filepath.Join(backups, "nightly.cdbackup")); err != nil {
		t.Fatalf("a backup into OneDrive was refused: %v", err)
	}
}

func TestBackupRestoredIntoASyncFolderIsRefusedUnlessItReplacesTheClinicThere(t *testing.T) {
	work := filepath.Join(t.TempDir(), "Work")
	c, err := createAt(t, filepath.Join(work, "clinic.db"))
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.cdbackup")
	if _, err := c.BackupNow(backup); err != nil {
		t.Fatal(err)
	}
	c.Close()
	fresh := filepath.Join(t.TempDir(), "OneDrive", "clinic.db")
	if _, err := RestoreBackup(backup, fresh, "amanager", managerPassword, false); err == nil || !strings.Contains(err.Error(), "OneDrive copies") {
		t.Fatalf("a restore into a new place in OneDrive: %v", err)
	}
	if Exists(fresh) {
		t.Fatal("the refused restore left a clinic file")
	}
	synced := filepath.Join(filepath.Dir(work), "OneDrive")
	if err := os.Rename(work, synced); err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreBackup(backup, filepath.Join(synced, "clinic.db"), "amanager", managerPassword, true); err != nil {
		t.Fatalf("restoring over the clinic already in OneDrive was refused: %v", err)
	}
}
