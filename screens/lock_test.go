package screens

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fdSecret is text only the test module shows, as a patient's name would be.
const fdSecret = "Zoë Łukasiewicz-O'Brien, DOB 03/04/1961"

// fdModuleWidgets are the widgets the test module built last.
type fdModuleWidgets struct {
	note   *widget.Entry
	open   *widget.Button
	builds int
}

// fdRegisterModule adds a module that shows fdSecret, first in the
// navigation, for this test only.
func fdRegisterModule(t *testing.T) *fdModuleWidgets {
	t.Helper()
	saved := append([]Module(nil), modules...)
	t.Cleanup(func() { modules = saved })
	mw := &fdModuleWidgets{}
	modules = append(screenList(Module{ID: "fdpatient", Title: "Test patient",
		Build: func(ctx *Context) fyne.CanvasObject {
			mw.builds++
			mw.note = widget.NewEntry()
			mw.note.SetPlaceHolder("Note")
			mw.open = widget.NewButton("Open record", func() {
				dialog.ShowInformation("Patient", fdSecret+" (details)", ctx.Window)
			})
			return container.NewVBox(widget.NewLabel(fdSecret), mw.note, mw.open)
		}}), saved...)
	return mw
}

// fdClock is a clock the test moves by hand.
type fdClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fdClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fdClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fdSignedIn opens the main window on a clinic whose manager is already
// signed in (as the demo does), on the test module.
func fdSignedIn(t *testing.T, clock *fdClock) (*UI, *fdModuleWidgets) {
	t.Helper()
	mw := fdRegisterModule(t)
	c, _ := fdCreate(t)
	a := test.NewTempApp(t)
	tpHoldResults(t)
	opts := Options{Clinic: c, Screen: "fdpatient", idleTick: -1, Runner: tpHoldResults(t), backupTick: -1}
	if clock != nil {
		opts.clock = clock.now
	}
	u := New(a, opts)
	if u.state != uiMain {
		t.Fatalf("a signed-in clinic should open on the main window, state %v", u.state)
	}
	if !fdShows(u.Window(), fdSecret) {
		t.Fatalf("the test module is not shown: %q", fdTexts(u.Window(), false))
	}
	return u, mw
}

// fdAssertLocked checks nothing of the module is left anywhere in the
// window, shown or hidden, and the lock screen is up.
func fdAssertLocked(t *testing.T, u *UI) {
	t.Helper()
	w := u.Window()
	if u.state != uiLocked || u.lockView == nil || u.shell != nil {
		t.Fatalf("not locked: state %v", u.state)
	}
	if s, ok := u.clinic.Session(); !ok || !s.Locked {
		t.Fatal("the clinic session is not locked")
	}
	if fdHolds(w, "Łukasiewicz") || fdHolds(w, "Open record") {
		t.Fatalf("module content survived the lock: %q", fdTexts(w, true))
	}
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs or pop-ups still open over the lock screen", n)
	}
	if w.MainMenu() != nil {
		t.Error("the main menu (with its module shortcuts) should go while locked")
	}
	if !fdShows(w, "Locked: Sarah Jones") || !fdShows(w, fdClinicName) {
		t.Fatalf("lock screen: %q", fdTexts(w, false))
	}
	if w.Canvas().Focused() != u.lockView.password {
		t.Error("the password field should have the focus")
	}
}

func TestLockWithCtrlLThenUnlock(t *testing.T) {
	u, mw := fdSignedIn(t, nil)
	w := u.Window()
	test.Tap(mw.open) // a dialog with the patient's details is open
	if !fdShows(w, fdSecret+" (details)") {
		t.Fatal("the module's dialog did not open")
	}
	// A pop-up menu and a second window are open too.
	test.Tap(u.shell.accountBtn)
	other := fyne.CurrentApp().NewWindow("Letter preview")
	other.SetContent(widget.NewLabel(fdSecret))
	other.Show()

	fdPressShortcut(t, w, doorLockShortcut)
	fdAssertLocked(t, u)
	for _, win := range fyne.CurrentApp().Driver().AllWindows() {
		if win != w {
			t.Fatalf("window %q left open over the lock", win.Title())
		}
	}
	buildsBefore := mw.builds

	// Wrong password: a message, still locked, field cleared.
	l := u.lockView
	test.Type(l.password, "not my password at all")
	fdEnter(l.password)
	u.settle()
	if u.state != uiLocked || !strings.Contains(l.message.Text, "not right") || l.password.Text != "" {
		t.Fatalf("wrong password: state %v, %q, field %q", u.state, l.message.Text, l.password.Text)
	}
	fdAssertLocked(t, u)

	test.Type(l.password, fdPassword)
	test.Tap(l.unlockBtn)
	u.settle()
	if u.state != uiMain || !fdShows(w, fdSecret) || mw.builds != buildsBefore+1 {
		t.Fatalf("after unlocking: state %v, builds %d, %q", u.state, mw.builds, l.message.Text)
	}
	if u.shell.currentID() != "fdpatient" {
		t.Errorf("unlock should return to the same module, at %q", u.shell.currentID())
	}
	if s, _ := u.clinic.Session(); s.Locked {
		t.Fatal("still locked in the clinic after unlocking")
	}
}

func TestLockWithButtonAndWithFocusInAField(t *testing.T) {
	u, mw := fdSignedIn(t, nil)
	w := u.Window()
	test.Tap(u.shell.lockBtn)
	fdAssertLocked(t, u)

	test.Type(u.lockView.password, fdPassword)
	fdEnter(u.lockView.password)
	u.settle()
	if u.state != uiMain {
		t.Fatal("unlock failed")
	}
	// Ctrl+L while typing in a module's field still locks (the main menu
	// carries the shortcut, which the driver checks before the field).
	fdType(w, mw.note, "half-typed note")
	if w.Canvas().Focused() != mw.note {
		t.Fatal("the note should have the focus")
	}
	fdPressShortcut(t, w, doorLockShortcut)
	fdAssertLocked(t, u)
	if fdHolds(w, "half-typed note") {
		t.Fatal("the field's text is still in the window")
	}
}

func TestLockAfterIdleTime(t *testing.T) {
	clock := &fdClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	u, mw := fdSignedIn(t, clock)
	w := u.Window()
	if u.idle == nil || u.idle.timeout != app.DefaultIdleLock {
		t.Fatalf("idle timer: %+v", u.idle)
	}

	clock.add(4 * time.Minute)
	u.idle.check()
	if u.state != uiMain {
		t.Fatal("locked before the idle time")
	}
	// Typing into a field counts as activity...
	fdType(w, mw.note, "x")
	clock.add(2 * time.Minute) // 6 minutes since sign-in
	u.idle.check()
	if u.state != uiMain {
		t.Fatal("locked although someone was typing")
	}
	// ...and so does moving the mouse over the window.
	clock.add(4 * time.Minute)
	test.MoveMouse(w.Canvas(), fyne.NewPos(5, 5))
	clock.add(4 * time.Minute)
	u.idle.check()
	if u.state != uiMain {
		t.Fatal("locked although the mouse moved")
	}
	clock.add(time.Minute + time.Second)
	u.idle.check()
	fdAssertLocked(t, u)
}

func TestSwitchUserAndSignOut(t *testing.T) {
	u, _ := fdSignedIn(t, nil)
	w := u.Window()
	if _, err := u.clinic.AddUser(app.NewUser{Username: "rhys", FullName: "Rhys Llewellyn", Role: app.Receptionist,
		Password: "kettle bramble quartz ferry"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(u.shell.switchBtn)
	if u.state != uiLogin || fdHolds(w, "Łukasiewicz") {
		t.Fatalf("switch user: state %v", u.state)
	}
	if s, _ := u.clinic.Session(); !s.Locked {
		t.Fatal("switching user must lock the session first")
	}
	// Changed their mind: back to the lock screen.
	test.Tap(u.login.backBtn)
	fdAssertLocked(t, u)
	test.Tap(u.lockView.switchBtn)
	test.Type(u.login.username, "rhys")
	test.Type(u.login.password, "kettle bramble quartz ferry")
	fdEnter(u.login.password)
	u.settle()
	if u.state != uiMain || !fdShows(w, "Rhys Llewellyn (Receptionist)") || fdShows(w, "Sarah Jones") {
		t.Fatalf("after switching: state %v, %q", u.state, fdTexts(w, false))
	}
	u.signOut()
	if u.state != uiLogin || u.login.backBtn != nil {
		t.Fatalf("sign out: state %v", u.state)
	}
	if _, ok := u.clinic.Session(); ok {
		t.Fatal("still signed in after signing out")
	}
}

func TestShellModulesAndEmptyState(t *testing.T) {
	mw := fdRegisterModule(t)
	second := screenList(Module{ID: "fdsecond", Title: "Second",
		Build: func(*Context) fyne.CanvasObject { return widget.NewLabel("second module here") }})
	modules = append(modules[:1], append(second, modules[1:]...)...)
	c, _ := fdCreate(t)
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: c, Screen: "no-such-screen", idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	w := u.Window()
	if u.shell.currentID() != "fdpatient" || mw.builds != 1 {
		t.Fatalf("an unknown screen should open the first module, at %q", u.shell.currentID())
	}
	fdPressShortcut(t, w, doorModuleShortcut(1)) // Ctrl+2
	if u.shell.currentID() != "fdsecond" || !fdShows(w, "second module here") || fdHolds(w, "Łukasiewicz") {
		t.Fatalf("Ctrl+2: at %q", u.shell.currentID())
	}
	u.shell.nav.Select(0)
	if u.shell.currentID() != "fdpatient" || mw.builds != 2 {
		t.Fatalf("choosing in the navigation: at %q, builds %d", u.shell.currentID(), mw.builds)
	}

	// With no modules at all, the window still says something useful.
	modules = nil
	u.reloadMain()
	if u.state != uiMain || !fdShows(w, "no screens for you to use yet") {
		t.Fatalf("empty state: %q", fdTexts(w, false))
	}
}

func TestChangePassword(t *testing.T) {
	u, _ := fdSignedIn(t, nil)
	w := u.Window()
	u.shell.onChangePassword()
	if len(w.Canvas().Overlays().List()) != 1 {
		t.Fatal("the change password dialog did not open")
	}
	p := u.shell.pwDialog
	test.Type(p.current, "wrong current one")
	p.password.SetText("copper kettle lantern moss")
	if !strings.HasPrefix(p.pwFeedback.Text, "Good") {
		t.Errorf("live feedback: %q", p.pwFeedback.Text)
	}
	p.confirm.SetText("copper kettle lantern moss")
	test.Tap(p.okBtn)
	u.settle()
	if !p.currentProblem.Visible() || !strings.Contains(p.currentProblem.Text, "current password") {
		t.Fatalf("wrong current password: %q / %q", p.currentProblem.Text, p.message.Text)
	}
	test.Type(p.current, fdPassword)
	test.Tap(p.okBtn)
	u.settle()
	if !fdShows(w, "Password changed") {
		t.Fatalf("no confirmation: %q %q", p.message.Text, fdTexts(w, false))
	}
	u.lock()
	test.Type(u.lockView.password, "copper kettle lantern moss")
	fdEnter(u.lockView.password)
	u.settle()
	if u.state != uiMain {
		t.Fatalf("the new password does not unlock: %q", u.lockView.message.Text)
	}
}

func TestCloseClosesTheClinicFile(t *testing.T) {
	u, _ := fdSignedIn(t, nil)
	path := u.clinic.Path()
	u.requestClose()
	u.settle()
	c, err := app.Open(path) // the lock has been let go
	if err != nil {
		t.Fatalf("the clinic file is still held after closing: %v", err)
	}
	c.Close()
}

func TestFocusFingerprintSeesTyping(t *testing.T) {
	e := widget.NewEntry()
	w := test.NewTempWindow(t, e)
	w.Canvas().Focus(e)
	before := focusFingerprint(w.Canvas().Focused())
	test.Type(e, "a")
	if focusFingerprint(w.Canvas().Focused()) == before {
		t.Fatal("typing did not change the fingerprint")
	}
	if focusFingerprint(nil) != 0 {
		t.Fatal("nothing focused should be zero")
	}
}

// A letter opened for printing is patient data in a plain PDF: locking
// empties the private print folder, so nothing is left for the next person
// at the desk.
func TestLockEmptiesThePrintFolder(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	u, _ := fdSignedIn(t, nil)
	path, err := app.WriteForViewer("reminder.pdf", []byte("%PDF-1.4 letter for Zoë"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the letter was not written: %v", err)
	}
	u.lock()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the letter is still in the print folder after locking: %v", err)
	}
}
