package screens

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"clinicdesk/app"

	"fyne.io/fyne/v2/test"
)

func TestBackUpNowNeverReplacesABackupAndNamesTheFile(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, _, _ := tcSettings(t, c)
	s.selectTab(settingsTabBackups)
	b := s.backups
	usb := t.TempDir()

	// Twice into the same folder in the same minute: two backups.
	var made []string
	for i := 0; i < 2; i++ {
		b.backupInto(usb)
		tcIdle(t)
		entries, _ := os.ReadDir(usb)
		if len(entries) != i+1 {
			t.Fatalf("after backup %d the folder holds %d files (result: %q)", i+1, len(entries), b.result.Text)
		}
		var latest string // the file that was not there before
		for _, e := range entries {
			if p := filepath.Join(usb, e.Name()); !slices.Contains(made, p) {
				latest = p
			}
		}
		if !strings.Contains(b.result.Text, latest) {
			t.Fatalf("the message does not name the file written (%s): %q", latest, b.result.Text)
		}
		made = append(made, latest)
	}
	for _, p := range made {
		if _, err := c.TestBackup(p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}

	// A backup to a name already taken is refused, and the file kept.
	before, _ := os.ReadFile(made[0])
	b.backupTo(made[0])
	tcIdle(t)
	if !strings.Contains(b.result.Text, "was not made") || !strings.Contains(b.result.Text, made[0]) {
		t.Fatalf("a backup over an existing one: %q", b.result.Text)
	}
	if after, _ := os.ReadFile(made[0]); string(after) != string(before) {
		t.Fatal("the existing backup was changed")
	}
	if !strings.HasSuffix(made[0], app.BackupExt) {
		t.Fatalf("a backup without its extension: %s", made[0])
	}
}
