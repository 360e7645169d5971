package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func tcToday(t *testing.T, c *app.Clinic) (*todayScreen, fyne.Window, *tcShell) {
	t.Helper()
	before := nowInClinic()
	obj, w, sh := tcBuild(t, c, "today")
	s, ok := obj.(*todayScreen)
	if !ok {
		t.Fatalf("today built %T", obj)
	}
	after := nowInClinic()
	if d := s.date.Text; d != letters.LongDateWithDay(before) && d != letters.LongDateWithDay(after) {
		t.Fatalf("date shown as %q, want %q", d, letters.LongDateWithDay(after))
	}
	return s, w, sh
}

func TestTodayManagerLanding(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, sh := tcToday(t, c)

	if !strings.HasPrefix(s.greeting.Text, "Good ") || !strings.HasSuffix(s.greeting.Text, ", Priya") {
		t.Fatalf("greeting = %q", s.greeting.Text)
	}
	if !tcShows(w, "Riverside Physio") {
		t.Error("clinic name not shown")
	}
	// The next bank holidays, from today on.
	coming := comingHolidays(ukcal.DateOf(nowInClinic()), bankHolidaysShown)
	if len(coming) != bankHolidaysShown {
		t.Fatalf("%d coming holidays", len(coming))
	}
	if !tcShows(w, letters.LongDateWithDay(coming[0].Date.Time())) || !tcShows(w, coming[0].Title) {
		t.Fatalf("next bank holiday %v not shown: %q", coming[0], tcTexts(w))
	}

	// A new clinic: no backup folder, no backup: a warning and a way there.
	if s.backupCard == nil || !strings.Contains(s.backupMessage.Text, "automatic backups are off") {
		t.Fatalf("backup warning = %q", s.backupMessage.Text)
	}
	if s.backupCard.Subtitle != "Needs attention" {
		t.Fatalf("backup card subtitle = %q", s.backupCard.Subtitle)
	}
	tcTap(t, w, "Set up backups")
	if len(sh.opened) != 1 || sh.opened[0] != "settings" {
		t.Fatalf("Set up backups opened %v", sh.opened)
	}
	settings, _, _ := tcSettings(t, c)
	if got := settings.tabs.Selected().Text; got != settingsTabBackups {
		t.Fatalf("Settings opened on %q, want %q", got, settingsTabBackups)
	}
	if again, _, _ := tcSettings(t, c); again.tabs.Selected().Text != settingsTabDetails {
		t.Fatal("the Backups tab request was not used up")
	}

	// With a folder and a fresh backup, no warning.
	usb := t.TempDir()
	if err := c.SetBackupSettings(usb, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BackupNow(filepath.Join(usb, "now")); err != nil {
		t.Fatal(err)
	}
	s, w, _ = tcToday(t, c)
	if s.backupCard.Subtitle != "Up to date" || !strings.Contains(s.backupMessage.Text, "today at") || !tcShows(w, usb) {
		t.Fatalf("after a backup: %q / %q", s.backupCard.Subtitle, s.backupMessage.Text)
	}

	// Over a day later, the warning is back.
	s.now = func() time.Time { return time.Now().Add(30 * time.Hour) }
	s.showBackupStatus()
	if s.backupCard.Subtitle != "Needs attention" || !strings.Contains(s.backupMessage.Text, "more than a day ago") {
		t.Fatalf("a day-old backup: %q / %q", s.backupCard.Subtitle, s.backupMessage.Text)
	}
}

func TestTodayReceptionistHasNoBackupStatus(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcToday(t, c)
	if !strings.HasSuffix(s.greeting.Text, ", Rob") {
		t.Fatalf("greeting = %q", s.greeting.Text)
	}
	if s.backupCard != nil || tcShows(w, "backup") {
		t.Fatal("backup status shown to a receptionist")
	}
}

func TestTodayComingHolidaysCrossTheYear(t *testing.T) {
	got := comingHolidays(ukcal.NewDate(2026, time.December, 24), 3)
	want := []string{"2026-12-25", "2026-12-28", "2027-01-01"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if got[i].Date.String() != w {
			t.Errorf("holiday %d = %v, want %s", i, got[i], w)
		}
	}
	if !got[1].Substitute {
		t.Error("Boxing Day 2026 (a Saturday) should be the substitute Monday")
	}
	if today := comingHolidays(ukcal.NewDate(2026, time.December, 25), 1); today[0].Date.String() != "2026-12-25" {
		t.Errorf("a holiday today is not listed first: %v", today)
	}
}
