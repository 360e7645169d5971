package screens

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers for the front-door tests (setup, login, lock), prefixed fd.

// fdKDF keeps Argon2id cheap in tests; the real cost is deliberate.
var fdKDF = kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

const (
	fdClinicName = "Riverside Physiotherapy"
	fdPassword   = "harbour lantern maple otter"
)

// fdCreate makes a real encrypted clinic in a temp folder, with Sarah
// Jones as its practice manager (left signed in), and returns it with its
// recovery key.
func fdCreate(t *testing.T) (*app.Clinic, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clinic.db")
	c, key, err := app.Create(app.Setup{
		Path:    path,
		Clinic:  practice.Details{Name: fdClinicName, Address: "12 Mill Lane\nLeeds\nLS1 4AP"},
		Manager: app.NewUser{Username: "sjones", FullName: "Sarah Jones", Password: fdPassword},
		KDF:     fdKDF,
		Now:     testclock.Now,
	})
	if err != nil {
		t.Fatalf("create clinic: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c, key
}

// fdWalk visits every object in the tree under o, hidden ones included
// when all is set.
func fdWalk(o fyne.CanvasObject, all bool, visit func(fyne.CanvasObject)) {
	if o == nil || (!all && !o.Visible()) {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			fdWalk(c, all, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			fdWalk(c, all, visit)
		}
	}
}

// fdTexts is every piece of text in the window (content and overlays).
func fdTexts(w fyne.Window, all bool) []string {
	var out []string
	roots := append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...)
	for _, r := range roots {
		fdWalk(r, all, func(o fyne.CanvasObject) {
			if t, ok := o.(*canvas.Text); ok && t.Text != "" {
				out = append(out, t.Text)
			}
		})
	}
	return out
}

// fdShows reports whether some visible text in the window contains s.
func fdShows(w fyne.Window, s string) bool {
	return slices.ContainsFunc(fdTexts(w, false), func(t string) bool { return strings.Contains(t, s) })
}

// fdSays reports whether a visible label in the window, dialogs included,
// contains s: a wrapped label's lines are drawn apart, so fdShows misses
// sentences that wrap.
func fdSays(w fyne.Window, s string) bool {
	found := false
	roots := append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...)
	for _, r := range roots {
		fdWalk(r, false, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, s) {
				found = true
			}
		})
	}
	return found
}

// fdHolds reports whether any text in the window's tree, shown or
// hidden, contains s.
func fdHolds(w fyne.Window, s string) bool {
	return slices.ContainsFunc(fdTexts(w, true), func(t string) bool { return strings.Contains(t, s) })
}

// fdPressShortcut does what the desktop driver does with a key
// combination: the main menu's shortcuts first (whatever has the focus),
// then the focused widget's, then the canvas's.
func fdPressShortcut(t *testing.T, w fyne.Window, sc fyne.Shortcut) {
	t.Helper()
	if mm := w.MainMenu(); mm != nil {
		for _, m := range mm.Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	if c, ok := w.Canvas().(fyne.Shortcutable); ok {
		c.TypedShortcut(sc)
	}
}

// fdType gives the entry the focus, as a click would, and types into it.
func fdType(w fyne.Window, e fyne.Focusable, s string) {
	w.Canvas().Focus(e)
	test.Type(e, s)
}

// fdEnter presses Enter in an entry.
func fdEnter(e *widget.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func fdPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{R: 10, G: 110, B: 110, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var fdRecoveryKey = regexp.MustCompile(`^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$`)

func TestSetupWizardEndToEnd(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "new clinic", "clinic.db")
	tpHoldResults(t)
	u := New(a, Options{DBPath: path, kdf: fdKDF, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	w := u.Window()
	s := u.setup
	if u.state != uiSetup || s == nil {
		t.Fatalf("no clinic file: want the setup wizard, state %v", u.state)
	}
	if !fdShows(w, "Step 1 of 4") || !fdShows(w, "Welcome to ClinicDesk") {
		t.Fatalf("step 1 not shown: %q", fdTexts(w, false))
	}

	// Step 1: the clinic needs a name.
	test.Tap(s.nextBtn)
	if s.step != setupStepClinic || !s.nameProblem.Visible() || !strings.Contains(s.nameProblem.Text, "clinic's name") {
		t.Fatalf("Next without a name: step %d, problem %q", s.step, s.nameProblem.Text)
	}
	if w.Canvas().Focused() != s.name {
		t.Error("the name field should get the focus when it is wrong")
	}
	test.Type(s.name, fdClinicName)
	s.address.SetText("12 Mill Lane\nLeeds\nLS1 4AP")
	test.Type(s.phone, "0113 496 0000")
	test.Type(s.email, "reception at riverside")
	test.Tap(s.nextBtn)
	if s.step != setupStepClinic || !s.emailProblem.Visible() || s.nameProblem.Visible() {
		t.Fatalf("a bad email should hold step 1 with a message under it: step %d, %q", s.step, s.emailProblem.Text)
	}
	s.email.SetText("reception@riverside.example")
	s.setLogo([]byte("not a picture"))
	if !s.logoProblem.Visible() || s.logo != nil {
		t.Fatalf("a file that is not a picture must be refused: %q", s.logoProblem.Text)
	}
	s.setLogo(fdPNG(t))
	if s.logo == nil || len(s.logoBox.Objects) != 1 || s.logoProblem.Visible() {
		t.Fatal("a PNG logo should be kept and shown as a thumbnail")
	}
	fdEnter(s.email) // Enter moves on
	if s.step != setupStepManager || !fdShows(w, "Step 2 of 4") {
		t.Fatalf("Enter on step 1 should move on to step 2, at %d", s.step)
	}

	// Step 2: the user name is suggested; a short password is refused.
	test.Type(s.fullName, "Sarah Jones")
	if s.username.Text != "sjones" {
		t.Errorf("suggested user name %q, want sjones", s.username.Text)
	}
	test.Type(s.password, "short")
	if !s.passwordFeedback.Visible() || !strings.Contains(s.passwordFeedback.Text, "12 characters") {
		t.Errorf("live feedback for a short password: %q", s.passwordFeedback.Text)
	}
	test.Type(s.confirm, "short")
	fdEnter(s.confirm)
	if s.step != setupStepManager || !s.passwordProblem.Visible() || !strings.Contains(s.passwordProblem.Text, "at least 12") {
		t.Fatalf("too short a password must block Next with a message: step %d, %q", s.step, s.passwordProblem.Text)
	}
	if app.Exists(path) {
		t.Fatal("nothing may be created while step 2 is wrong")
	}
	// Back keeps what was typed.
	test.Tap(s.backBtn)
	if s.step != setupStepClinic || s.name.Text != fdClinicName {
		t.Fatalf("Back: step %d, name %q", s.step, s.name.Text)
	}
	test.Tap(s.nextBtn)
	s.password.SetText(fdPassword)
	if !strings.HasPrefix(s.passwordFeedback.Text, "Good") {
		t.Errorf("feedback for a good password: %q", s.passwordFeedback.Text)
	}
	s.confirm.SetText(fdPassword + " typo")
	test.Tap(s.nextBtn)
	if s.step != setupStepManager || !s.confirmProblem.Visible() {
		t.Fatalf("different confirmation must block: step %d", s.step)
	}
	s.confirm.SetText(fdPassword)
	test.Tap(s.nextBtn)
	u.settle()

	// Step 3: the recovery key, once.
	if s.step != setupStepRecovery {
		t.Fatalf("after creating: step %d, problem %q", s.step, s.createProblem.Text)
	}
	if !fdRecoveryKey.MatchString(s.recoveryKey) || !fdShows(w, s.recoveryKey) {
		t.Fatalf("recovery key %q not shown: %q", s.recoveryKey, fdTexts(w, false))
	}
	if !app.Exists(path) {
		t.Fatal("the clinic file was not created")
	}
	if s.password.Text != "" || s.confirm.Text != "" {
		t.Error("the password fields should be emptied once the clinic exists")
	}
	var sheet bytes.Buffer
	if err := s.ui.clinic.WriteRecoverySheet(&sheet, s.recoveryKey, s.createdAt); err != nil || !bytes.HasPrefix(sheet.Bytes(), []byte("%PDF")) {
		t.Fatalf("recovery sheet: %v (%d bytes)", err, sheet.Len())
	}
	key := s.recoveryKey
	if !s.nextBtn.Disabled() {
		t.Fatal("Start must wait for the tick box")
	}
	test.Tap(s.nextBtn)
	if u.state != uiSetup {
		t.Fatal("Start without the tick box went on")
	}
	test.Tap(s.storedCheck)
	if s.nextBtn.Disabled() || s.nextBtn.Text != "Next" {
		t.Fatalf("after the tick: %q disabled=%v", s.nextBtn.Text, s.nextBtn.Disabled())
	}
	test.Tap(s.nextBtn)

	// Step 4: the backup folder; the first backup is made there at once.
	if s.step != setupStepBackups || !fdShows(w, "Step 4 of 4: backups") || fdHolds(w, key) {
		t.Fatalf("after the recovery key: step %d, %q", s.step, fdTexts(w, false))
	}
	if !s.nextBtn.Disabled() {
		t.Fatal("Use this folder before a folder is chosen")
	}
	usb := t.TempDir()
	s.setBackupFolder(usb)
	test.Tap(s.nextBtn)
	u.settle()
	if set, err := u.clinic.BackupSettings(); err != nil || set.Folder != usb || set.Last.IsZero() {
		t.Fatalf("backup settings after the wizard: %+v, %v (%q)", set, err, s.backupNote.Text)
	}
	if made, _ := filepath.Glob(filepath.Join(usb, "*"+app.BackupExt)); len(made) != 1 {
		t.Fatalf("the first backup was not made in the folder chosen: %v", made)
	}
	if u.state != uiMain || !fdShows(w, "Sarah Jones (Practice manager)") || !fdShows(w, fdClinicName) {
		t.Fatalf("after Start: state %v, %q", u.state, fdTexts(w, false))
	}
	if fdHolds(w, key) {
		t.Error("the recovery key must not stay in the window")
	}
	d, err := u.clinic.Details()
	if err != nil || d.Phone != "0113 496 0000" || d.Email != "reception@riverside.example" || len(d.Logo) == 0 || !strings.Contains(d.Address, "LS1 4AP") {
		t.Fatalf("clinic details saved: %+v, %v", d, err)
	}

	// Close, then the manager signs in on a fresh start, which names the clinic.
	u.requestClose()
	u.settle()
	tpHoldResults(t)
	u2 := New(a, Options{DBPath: path, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	t.Cleanup(func() { u2.closeClinic() })
	if u2.state != uiLogin || !fdShows(u2.Window(), fdClinicName) {
		t.Fatalf("second start: state %v, %q", u2.state, fdTexts(u2.Window(), false))
	}
	test.Type(u2.login.username, "sjones")
	test.Type(u2.login.password, fdPassword)
	fdEnter(u2.login.password)
	u2.settle()
	if u2.state != uiMain {
		t.Fatalf("the manager could not sign in: %q", u2.login.message.Text)
	}
	// The recovery key shown works too.
	if err := u2.clinic.RecoverAccess(key, "sjones", "quiet orchard pebble lamp"); err != nil {
		t.Fatalf("the recovery key shown does not open the clinic: %v", err)
	}
}

func TestSetupUsernameRules(t *testing.T) {
	for name, want := range map[string]string{
		"sjones": "", "s.jones-2_b": "", "zoë": "",
		"s":           "2 to 40",
		"sarah jones": "cannot have spaces",
		"s/jones":     "only",
	} {
		got := doorCheckUsername(name)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
	if got := doorSuggestUsername("Zoë Łukasiewicz-O'Brien"); got != "złukasiewiczobrien" {
		t.Errorf("suggestion %q", got)
	}
}

func TestSetupCreateFailureStaysOnStep2(t *testing.T) {
	// A clinic already there (made behind the wizard's back): Create fails
	// and the wizard says so on step 2 rather than losing what was typed.
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "clinic.db")
	tpHoldResults(t)
	u := New(a, Options{DBPath: path, kdf: fdKDF, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	c, _, err := app.Create(app.Setup{Path: path, Clinic: practice.Details{Name: "Other"},
		Manager: app.NewUser{Username: "other", FullName: "Other Person", Password: fdPassword}, KDF: fdKDF})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	s := u.setup
	test.Type(s.name, fdClinicName)
	test.Tap(s.nextBtn)
	test.Type(s.fullName, "Sarah Jones")
	s.password.SetText(fdPassword)
	s.confirm.SetText(fdPassword)
	test.Tap(s.nextBtn)
	u.settle()
	if s.step != setupStepManager || !s.createProblem.Visible() || !strings.Contains(s.createProblem.Text, "already exists") {
		t.Fatalf("step %d, problem %q", s.step, s.createProblem.Text)
	}
	if s.fullName.Text != "Sarah Jones" {
		t.Error("what was typed was lost")
	}
}

// The wizard's "Save the Emergency recovery sheet" opens the real file
// dialog (it crashed there: the dialog was sized before it was shown);
// the sheet is written where chosen and recorded as saved, the tick box
// is next for the keyboard, and the new manager is not told at once.
func TestSetupSavesTheRecoverySheetThroughItsFileDialog(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home) // where the file dialog starts
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{DBPath: filepath.Join(t.TempDir(), "clinic.db"), kdf: fdKDF, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	t.Cleanup(func() { u.closeClinic() })
	w, s := u.Window(), u.setup
	test.Type(s.name, fdClinicName)
	// Tab leaves the address box rather than typing a tab into it.
	w.Canvas().Focus(s.address)
	test.Type(s.address, "12 Mill Lane")
	fdPressKey(w, fyne.KeyTab)
	if w.Canvas().Focused() != s.phone || strings.Contains(s.address.Text, "\t") {
		t.Fatalf("Tab in the address: focus on %T, address %q", w.Canvas().Focused(), s.address.Text)
	}
	test.Tap(s.nextBtn)
	test.Type(s.fullName, "Sarah Jones")
	s.password.SetText(fdPassword)
	s.confirm.SetText(fdPassword)
	test.Tap(s.nextBtn)
	u.settle()
	if s.step != setupStepRecovery {
		t.Fatalf("not on the recovery step: %d %q", s.step, s.createProblem.Text)
	}
	if w.Canvas().Focused() != s.saveSheetBtn {
		t.Error("saving the sheet should be ready for the keyboard on the recovery step")
	}

	test.Tap(s.saveSheetBtn)
	saveSheetInDialog(t, u, filepath.Join(home, "Sheet for the safe.pdf"))
	if !strings.Contains(s.sheetNote.Text, "Saved as") || s.sheetNote.Importance != widget.SuccessImportance {
		t.Fatalf("the wizard does not say where the sheet went: %q", s.sheetNote.Text)
	}
	if saved, err := u.clinic.RecoverySheetSaved(); err != nil || !saved {
		t.Fatalf("the sheet saved in the wizard is not recorded: %v, %v", saved, err)
	}
	if w.Canvas().Focused() != s.storedCheck {
		t.Error("after saving, the tick box should be next for the keyboard")
	}
	test.Tap(s.storedCheck)
	test.Tap(s.nextBtn)
	test.Tap(s.laterBtn) // no backup folder yet
	u.settle()
	if u.state != uiMain || fdShows(w, rnTitle) {
		t.Fatalf("after Start: state %v, notice shown %v", u.state, fdShows(w, rnTitle))
	}
}

// fdPressKey presses a key as the desktop driver does: Tab moves the
// focus unless the focused widget takes tabs.
func fdPressKey(w fyne.Window, key fyne.KeyName) {
	if key == fyne.KeyTab {
		if tb, ok := w.Canvas().Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			w.Canvas().FocusNext()
			return
		}
	}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: key})
	}
}

// saveSheetInDialog answers the open "Save the Emergency recovery sheet"
// file dialog with path's name (the dialog is in path's folder) and checks
// a PDF was written there.
func saveSheetInDialog(t *testing.T, u *UI, path string) {
	t.Helper()
	dlg := fdPopUp(u.win.Canvas().Overlays().Top())
	if dlg == nil {
		t.Fatal("no file dialog")
	}
	name := rnEntryWithText(dlg, "Emergency recovery sheet.pdf")
	if name == nil {
		t.Fatal("the file dialog does not offer the sheet's file name")
	}
	name.SetText(filepath.Base(path))
	test.Tap(fdButton(dlg, "Save"))
	u.settle()
	if pdf, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("the sheet was not saved where chosen: %v", err)
	}
}
