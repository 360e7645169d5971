package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitRefusesAClinicFileInOneDrive(t *testing.T) {
	db := filepath.Join(t.TempDir(), "OneDrive - Harbour Physio Ltd", "clinic.db")
	r := run(pw+"\n", "init", "--db", db, "--clinic", "Harbour Physio", "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "OneDrive copies that folder") || !strings.Contains(r.stderr, "ordinary folder") {
		t.Fatalf("init in OneDrive: %+v", r)
	}
	if _, err := os.Stat(filepath.Dir(db)); err == nil {
		t.Fatal("the refused init made the folder")
	}
}

func TestCommandsWarnAboutAClinicInASyncFolderAndStillWork(t *testing.T) {
	db := initClinic(t)
	synced := filepath.Join(filepath.Dir(filepath.Dir(db)), "Dropbox")
	if err := os.Rename(filepath.Dir(db), synced); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(synced, "clinic.db")
	r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ok:") {
		t.Fatalf("verify of a clinic in Dropbox failed: %+v", r)
	}
	if !strings.Contains(r.stdout, "\nwarning: This clinic file is in a folder that Dropbox copies") {
		t.Fatalf("verify did not list the warning: %s", r.stdout)
	}
	if !strings.Contains(r.stderr, "clinicdesk: warning: This clinic file is in a folder that Dropbox copies") {
		t.Fatalf("no warning on stderr: %q", r.stderr)
	}
	out := filepath.Join(t.TempDir(), "nightly.cdbackup")
	if r := run(pw+"\n", "backup", "--db", db, "--out", out, "--user", "manager", "--password-stdin"); r.code != 0 || !strings.Contains(r.stderr, "Dropbox") {
		t.Fatalf("backup of a clinic in Dropbox: %+v", r)
	}
}
