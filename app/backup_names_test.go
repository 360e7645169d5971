package app

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"clinicdesk/data"
)

func TestBackupNeverReplacesAnExistingFileUnlessForced(t *testing.T) {
	c, _, _ := newClinic(t)
	out := filepath.Join(t.TempDir(), "nightly")
	if _, err := c.BackupNow(out); err != nil {
		t.Fatal(err)
	}
	real := BackupFile(out)
	first, err := os.ReadFile(real)
	if err != nil {
		t.Fatalf("the backup is not at %s: %v", real, err)
	}
	var taken *data.BackupExistsError
	if _, err := c.BackupNow(out); !errors.As(err, &taken) || taken.Path != real {
		t.Fatalf("a second backup to the same name: %v", err)
	}
	if now, _ := os.ReadFile(real); string(now) != string(first) {
		t.Fatal("a refused backup changed the file already there")
	}
	if _, err := c.BackupReplacing(out); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(real); string(now) == string(first) {
		t.Fatal("--force did not replace the backup")
	}
	if _, err := c.TestBackup(real); err != nil {
		t.Fatalf("the replacing backup does not verify: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(real), ".*"))
	if len(leftovers) != 0 {
		t.Fatalf("temporary files left in the backup folder: %v", leftovers)
	}
}

func TestAutomaticBackupsInTheSameSecondAreKeptApart(t *testing.T) {
	c, _, _ := newClinic(t)
	folder := t.TempDir()
	if err := c.SetBackupSettings(folder, 3); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2031, 3, 4, 9, 15, 30, 0, time.UTC)
	c.now = func() time.Time { return at }
	var outs []string
	for i := 0; i < 4; i++ {
		out, err := c.AutoBackup()
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, filepath.Base(out))
	}
	want := []string{"clinicdesk-20310304-091530.cdbackup", "clinicdesk-20310304-091530-2.cdbackup",
		"clinicdesk-20310304-091530-3.cdbackup", "clinicdesk-20310304-091530-4.cdbackup"}
	if strings.Join(outs, ",") != strings.Join(want, ",") {
		t.Fatalf("names: %v, want %v", outs, want)
	}
	// Keep 3: the oldest of the same second goes, the newest three stay.
	got := dirNames(t, folder)
	if strings.Join(got, ",") != strings.Join(want[1:], ",") {
		t.Fatalf("folder after pruning: %v, want %v", got, want[1:])
	}
	for _, n := range got {
		if _, err := c.TestBackup(filepath.Join(folder, n)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
	// A later second sorts after all of them, whatever their numbers.
	at = at.Add(time.Second)
	out, err := c.AutoBackup()
	if err != nil {
		t.Fatal(err)
	}
	got = dirNames(t, folder)
	if want := []string{want[2], want[3], filepath.Base(out)}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("folder after a later backup: %v, want %v", got, want)
	}
}

func TestBackupNowIntoAFolderNeverReplacesAnything(t *testing.T) {
	c, _, _ := newClinic(t)
	folder := t.TempDir()
	c.now = func() time.Time { return time.Date(2031, 3, 4, 9, 15, 0, 0, time.UTC) }
	_, first, err := c.BackupInto(folder)
	if err != nil {
		t.Fatal(err)
	}
	_, second, err := c.BackupInto(folder)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != "clinicdesk-20310304-0915.cdbackup" || filepath.Base(second) != "clinicdesk-20310304-0915-2.cdbackup" {
		t.Fatalf("names %s, %s", first, second)
	}
	for _, p := range []string{first, second} {
		if _, err := c.TestBackup(p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	// Backups made by hand are never pruned with the automatic ones.
	if autoBackupName.MatchString(filepath.Base(first)) {
		t.Fatal("a backup made by hand has an automatic backup's name")
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}
