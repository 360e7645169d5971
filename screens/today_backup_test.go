package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// Today warns once the last good backup is more than a day old, and not
// before (issue 13 item 11): a backup made at 09:00 is fine at 08:59 the
// next morning and overdue at 09:01.
func TestTodayWarnsWhenTheLastBackupIsMoreThanADayOld(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	usb := t.TempDir()
	if err := c.SetBackupSettings(usb, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BackupNow(filepath.Join(usb, "now")); err != nil {
		t.Fatal(err)
	}
	set, err := c.BackupSettings()
	if err != nil || set.Last.IsZero() {
		t.Fatalf("last backup not recorded: %+v %v", set, err)
	}
	s, _, _ := tcToday(t, c)
	for _, tc := range []struct {
		after time.Duration
		warn  bool
	}{
		{time.Hour, false},
		{24*time.Hour - time.Minute, false},
		{24*time.Hour + time.Minute, true},
		{3 * 24 * time.Hour, true},
	} {
		s.now = func() time.Time { return set.Last.Add(tc.after) }
		s.showBackupStatus()
		warned := s.backupCard.Subtitle == "Needs attention" && strings.Contains(s.backupMessage.Text, "more than a day ago")
		if warned != tc.warn {
			t.Errorf("%v after the last backup: warned %v, want %v (%q / %q)", tc.after, warned, tc.warn, s.backupCard.Subtitle, s.backupMessage.Text)
		}
	}
}
