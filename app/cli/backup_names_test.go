package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupPrintsTheFileItWroteAndNeverOverwritesWithoutForce(t *testing.T) {
	db := initClinic(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "nightly") // no extension: .cdbackup is added
	real := out + ".cdbackup"
	r := run(pw+"\n", "backup", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "Backed up and verified: "+real+" ") {
		t.Fatalf("backup does not name the file it wrote (%s): %+v", real, r)
	}
	first, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	// Run twice: refused, naming the real file, and the first is untouched.
	for _, name := range []string{out, real} {
		r = run(pw+"\n", "backup", "--db", db, "--out", name, "--user", "manager", "--password-stdin")
		if r.code != 1 || !strings.Contains(r.stderr, real+" already exists") || !strings.Contains(r.stderr, "--force") {
			t.Fatalf("a second backup to %s: %+v", name, r)
		}
	}
	if now, _ := os.ReadFile(real); string(now) != string(first) {
		t.Fatal("a refused backup changed the first one")
	}
	r = run(pw+"\n", "backup", "--db", db, "--out", out, "--force", "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, real) {
		t.Fatalf("backup --force: %+v", r)
	}
	if now, _ := os.ReadFile(real); string(now) == string(first) {
		t.Fatal("--force did not replace the backup")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the backup folder holds more than the one backup: %v", entries)
	}
}
