package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rsButtonAt is where the topmost visible button labelled text is drawn.
func rsButtonAt(t *testing.T, w fyne.Window, text string) fyne.Position {
	t.Helper()
	objs := tcVisible(w)
	for i := len(objs) - 1; i >= 0; i-- {
		if b, ok := objs[i].(*widget.Button); ok && b.Text == text {
			return fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		}
	}
	t.Fatalf("no button %q", text)
	return fyne.Position{}
}

// Another clinic's backup is refused before anything is asked.
func TestRestoreFromAnotherClinicsBackupIsRefusedBeforeAsking(t *testing.T) {
	test.NewTempApp(t)
	c, other := tcClinic(t), tcClinic(t)
	archive := filepath.Join(t.TempDir(), "other"+app.BackupExt)
	if _, err := other.BackupNow(archive); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabBackups)
	s.backups.previewRestore(archive)
	tcIdle(t)
	if !strings.Contains(s.backups.result.Text, "of another clinic") || tcShows(w, "type your password as it was then") {
		t.Fatalf("another clinic's backup: %q", s.backups.result.Text)
	}
}

// The restore asks first, naming the backup's time, who made it and what
// would be lost; it takes the manager's password as it was then; a wrong
// one leaves the clinic as it is; the right one restores and sends
// everyone back to signing in.
func TestRestoreFromABackupNamesItsDateAndLossesAndNeedsThePassword(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	archive := filepath.Join(t.TempDir(), "friday"+app.BackupExt)
	if _, err := c.BackupNow(archive); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreatePatient(patients.Patient{Forenames: "Lost", Surname: "Later", DOB: ukcal.MustParseDate("1980-02-02")}, app.PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	s, w, sh := tcSettings(t, c)
	s.selectTab(settingsTabBackups)
	b := s.backups
	if b.restoreButton == nil || !tcShows(w, "Everything done since is lost") {
		t.Fatal("a practice manager is not offered Restore from a backup")
	}

	b.previewRestore(archive)
	tcIdle(t)
	p, err := c.PreviewRestore(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Restore the backup from " + restoreWhen(p) + "?", "by Priya Manager (pmanager)",
		"1 patient's record added or changed", "kept beside it", "type your password as it was then"} {
		if !tcShows(w, want) && !tcShows(w, strings.ToLower(want[:1])+want[1:]) {
			t.Fatalf("the question does not say %q: %q", want, tcTexts(w))
		}
	}

	// Nothing typed, then a wrong password: asked again, nothing changed,
	// and the buttons where they were.
	at := rsButtonAt(t, w, "Restore and replace the clinic")
	tcTap(t, w, "Restore and replace the clinic")
	tcIdle(t)
	if !tcShows(w, "Type your password to restore") {
		t.Fatalf("no password: %q", tcTexts(w))
	}
	test.Type(b.restorePassword, "not-the-password-then")
	tcTap(t, w, "Restore and replace the clinic")
	tcIdle(t)
	if !tcShows(w, "was not restored, and the clinic is as it was.") || !tcShows(w, "does not open this backup") {
		t.Fatalf("a wrong password: %q", tcTexts(w))
	}
	if sess, ok := c.Session(); !ok || sess.Locked || sh.reloads != 0 {
		t.Fatal("a wrong password ended the session")
	}
	if again := rsButtonAt(t, w, "Restore and replace the clinic"); again != at {
		t.Fatalf("asked again, the Restore button moved from %v to %v", at, again)
	}

	// Escape in the password box asks before losing the typing, then the
	// question is put again from the start.
	test.Type(b.restorePassword, tcManagerPassword)
	b.restorePassword.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !tcShows(w, "Discard what you typed?") {
		t.Fatalf("Escape in the password box: %q", tcTexts(w))
	}
	tcTap(t, w, "Discard and close")
	if tcShows(w, "type your password as it was then") {
		t.Fatal("Escape did not close the restore question")
	}
	b.previewRestore(archive)
	tcIdle(t)
	test.Type(b.restorePassword, tcManagerPassword)
	tcTap(t, w, "Restore and replace the clinic")
	tcIdle(t)
	if _, ok := c.Session(); ok || sh.reloads != 1 {
		t.Fatalf("after the restore: signed in %v, reloads %d", ok, sh.reloads)
	}
	if !tcShows(w, "The clinic is back as it was at "+restoreWhen(p)) {
		t.Fatalf("the restore is not told: %q", tcTexts(w))
	}
	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.SearchPatients("Later", true, 10); len(got) != 0 {
		t.Fatalf("a patient added after the backup is still there: %v", got)
	}
}
