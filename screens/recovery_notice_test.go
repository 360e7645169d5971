package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const rnTitle = "Save an Emergency recovery sheet"

// rnSignIn signs in through the login screen.
func rnSignIn(t *testing.T, u *UI, username, password string) {
	t.Helper()
	if u.login == nil {
		t.Fatalf("no login screen (state %v)", u.state)
	}
	test.Type(u.login.username, username)
	test.Type(u.login.password, password)
	fdEnter(u.login.password)
	u.settle()
	if u.state != uiMain {
		t.Fatalf("%s could not sign in: %q", username, u.login.message.Text)
	}
}

// rnUnlock unlocks the lock screen with password.
func rnUnlock(t *testing.T, u *UI, password string) {
	t.Helper()
	test.Type(u.lockView.password, password)
	fdEnter(u.lockView.password)
	u.settle()
	if u.state != uiMain {
		t.Fatal("could not unlock")
	}
}

// A manager whose recovery key's sheet was never saved is told once per
// sign-in (not on unlocking, not a receptionist), and the notice leads to
// a new key whose sheet, saved through the file dialog, is recorded: then
// nobody is told any more, and only the new key opens the clinic.
func TestManagerIsToldAtSignInWhenTheRecoverySheetWasNeverSaved(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home) // where the file dialog starts
	u, oldKey := fdOpenForLogin(t)
	w := u.Window()

	// A receptionist can do nothing about it and is not told.
	rnSignIn(t, u, "rhys", "kettle bramble quartz ferry")
	if fdShows(w, rnTitle) {
		t.Fatal("a receptionist was told about the recovery sheet")
	}
	u.signOut()

	rnSignIn(t, u, "sjones", fdPassword)
	if !fdShows(w, rnTitle) || !fdShows(w, "Sarah Jones") {
		t.Fatalf("the manager was not told that the sheet was never saved: %q", fdTexts(w, false))
	}
	tcTap(t, w, "Not now")
	if fdShows(w, rnTitle) {
		t.Fatal("Not now left the notice up")
	}
	// Locking and unlocking, or the window rebuilt, is not a new sign-in.
	u.lock()
	rnUnlock(t, u, fdPassword)
	u.reloadMain()
	u.settle()
	if fdShows(w, rnTitle) {
		t.Fatal("the notice came back on unlocking or reloading the window")
	}
	// The next sign-in tells again.
	u.signOut()
	rnSignIn(t, u, "sjones", fdPassword)
	if !fdShows(w, rnTitle) {
		t.Fatal("the next sign-in was not told")
	}

	// The notice leads to Settings → Security, asking there.
	tcTap(t, w, "Make a new recovery key…")
	settings, ok := u.shell.shownContent().(*settingsScreen)
	if !ok || settings.tabs.Selected().Text != settingsTabSecurity {
		t.Fatalf("not on Settings → Security: %T", u.shell.shownContent())
	}
	tcTap(t, w, "Make a new key")
	u.settle()
	newKey := settings.security.recoveryKey
	if !fdRecoveryKey.MatchString(newKey) {
		t.Fatalf("no new key shown: %q", settings.security.recoveryStatus.Text)
	}
	if !strings.Contains(settings.security.sheetStatus.Text, "never saved") {
		t.Fatalf("Security does not say the new key's sheet is not saved yet: %q", settings.security.sheetStatus.Text)
	}

	// Save its sheet through the real file dialog.
	tcTap(t, w, "Save the Emergency recovery sheet (PDF)…")
	saveSheetInDialog(t, u, filepath.Join(home, "New sheet.pdf"))
	if saved, err := u.clinic.RecoverySheetSaved(); err != nil || !saved {
		t.Fatalf("the saved sheet is not recorded: %v, %v", saved, err)
	}
	if !strings.Contains(settings.security.sheetStatus.Text, "was saved ") {
		t.Fatalf("Security does not say the sheet was saved: %q", settings.security.sheetStatus.Text)
	}
	tcTap(t, w, "OK")                  // "Sheet saved"
	tcTap(t, w, "I have kept it safe") // the key's dialog

	// Saved: the next sign-in is not told.
	u.signOut()
	rnSignIn(t, u, "sjones", fdPassword)
	if fdShows(w, rnTitle) {
		t.Fatal("told again after the sheet was saved")
	}

	// The old key stopped working; the new one works.
	if err := u.clinic.RecoverAccess(oldKey, "sjones", "quiet orchard pebble lamp"); err == nil {
		t.Fatal("the old recovery key still opens the clinic")
	}
	if err := u.clinic.RecoverAccess(newKey, "sjones", "quiet orchard pebble lamp"); err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
}

// rnEntryWithText finds the entry under o holding text.
func rnEntryWithText(o fyne.CanvasObject, text string) *widget.Entry {
	var found *widget.Entry
	fdWalk(o, false, func(x fyne.CanvasObject) {
		if e, ok := x.(*widget.Entry); ok && e.Text == text && found == nil {
			found = e
		}
	})
	return found
}
