package screens

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fdOpenForLogin makes a clinic, closes it and opens it again the way
// main.go does (file open, nobody signed in), then builds the window.
func fdOpenForLogin(t *testing.T) (*UI, string) {
	t.Helper()
	c, key := fdCreate(t)
	path := c.Path()
	if _, err := c.AddUser(app.NewUser{Username: "rhys", FullName: "Rhys Llewellyn", Role: app.Receptionist, Password: "kettle bramble quartz ferry"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	opened, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: opened, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	t.Cleanup(func() { u.closeClinic() })
	if u.state != uiLogin || u.login == nil {
		t.Fatalf("an opened clinic with nobody signed in should show the login screen, state %v", u.state)
	}
	return u, key
}

func TestLoginWrongThenRightPassword(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	w, l := u.Window(), u.login
	if !fdShows(w, "Sign in") {
		t.Fatalf("login screen: %q", fdTexts(w, false))
	}
	if w.Canvas().Focused() != l.username {
		t.Error("the user name should have the focus")
	}

	// Empty password: a message, nothing tried.
	test.Type(l.username, "sjones")
	test.Tap(l.signInBtn)
	if !strings.Contains(l.message.Text, "password") || w.Canvas().Focused() != l.password {
		t.Fatalf("no password: %q", l.message.Text)
	}

	test.Type(l.password, "not the right one at all")
	fdEnter(l.password) // Enter signs in
	u.settle()
	if u.state != uiLogin || u.shell != nil {
		t.Fatalf("a wrong password opened the clinic: state %v", u.state)
	}
	if !l.message.Visible() || l.message.Text != "Wrong user name or password." {
		t.Fatalf("message %q", l.message.Text)
	}
	if l.password.Text != "" || w.Canvas().Focused() != l.password {
		t.Error("the password should be cleared and focused after a failure")
	}
	if _, ok := u.clinic.Session(); ok {
		t.Fatal("nobody may be signed in after a wrong password")
	}
	if _, err := u.clinic.Details(); err == nil {
		t.Fatal("clinic details readable after a wrong password")
	}
	if fdShows(w, "Sarah Jones") {
		t.Fatal("the login screen names the user after a wrong password")
	}

	test.Type(l.password, fdPassword)
	test.Tap(l.signInBtn)
	u.settle()
	if u.state != uiMain || u.shell == nil {
		t.Fatalf("right password: state %v, message %q", u.state, l.message.Text)
	}
	if !fdShows(w, "Sarah Jones (Practice manager)") || !fdShows(w, fdClinicName) {
		t.Fatalf("top bar: %q", fdTexts(w, false))
	}
	if !strings.Contains(w.Title(), fdClinicName) {
		t.Errorf("window title %q", w.Title())
	}
	if w.MainMenu() == nil {
		t.Error("the main menu (with the Lock shortcut) is missing")
	}
}

func TestLoginUnknownUserSaysTheSame(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	l := u.login
	test.Type(l.username, "nobody")
	test.Type(l.password, fdPassword)
	fdEnter(l.password)
	u.settle()
	if u.state != uiLogin || l.message.Text != "Wrong user name or password." {
		t.Fatalf("unknown user: state %v, %q", u.state, l.message.Text)
	}
}

func TestLoginForgottenPassword(t *testing.T) {
	u, key := fdOpenForLogin(t)
	w, l := u.Window(), u.login
	test.Type(l.username, "rhys")
	test.Tap(l.forgotBtn)
	if len(w.Canvas().Overlays().List()) != 1 || !fdShows(w, "Recovery key") {
		t.Fatal("the recovery dialog did not open")
	}
	r := l.recovery
	if r.username.Text != "rhys" {
		t.Errorf("user name carried over: %q", r.username.Text)
	}
	test.Type(r.key, "AAAAA-BBBBB")
	r.password.SetText("pebble orchard violin harbour")
	r.confirm.SetText("pebble orchard violin harbour")
	test.Tap(r.okBtn)
	u.settle()
	if u.state != uiLogin || !strings.Contains(r.message.Text, "not a recovery key") {
		t.Fatalf("bad key: state %v, %q", u.state, r.message.Text)
	}
	r.key.SetText(strings.ToLower(key)) // typed in lower case is forgiven
	test.Tap(r.okBtn)
	u.settle()
	if u.state != uiMain || !fdShows(w, "Rhys Llewellyn (Receptionist)") {
		t.Fatalf("after recovery: state %v, %q", u.state, r.message.Text)
	}
	// The new password works from now on.
	u.signOut()
	test.Type(u.login.username, "rhys")
	test.Type(u.login.password, "pebble orchard violin harbour")
	fdEnter(u.login.password)
	u.settle()
	if u.state != uiMain {
		t.Fatalf("new password refused: %q", u.login.message.Text)
	}
}

func TestStartupErrors(t *testing.T) {
	c, _ := fdCreate(t)
	a := test.NewTempApp(t)

	// A second copy opening the same file gets a clear message, no crash.
	tpHoldResults(t)
	u := New(a, Options{DBPath: c.Path(), idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	if u.state != uiFailed || !fdShows(u.Window(), "already open in another copy") ||
		!fdShows(u.Window(), "Nothing in the clinic file has been changed") {
		t.Fatalf("second copy: state %v, %q", u.state, fdTexts(u.Window(), false))
	}
	_, err := app.Open(c.Path())
	if err == nil {
		t.Fatal("expected the clinic file to be locked")
	}
	ShowStartupError(a, err)
	found := false
	for _, w := range a.Driver().AllWindows() {
		if w != u.Window() && fdShows(w, "ClinicDesk cannot open the clinic file") && fdShows(w, "another copy") {
			found = true
			var closeBtn *widget.Button
			fdWalk(w.Canvas().Content(), false, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
					closeBtn = b
				}
			})
			if closeBtn == nil {
				t.Error("no Close button")
			}
		}
	}
	if !found {
		t.Fatal("ShowStartupError showed no window with the message")
	}
	if sentence(errors.New("the clinic file x is on a network share: keep it here").Error()) !=
		"The clinic file x is on a network share: keep it here." {
		t.Error("messages should read as sentences")
	}
}

// fdTry types a user name and password on the login screen and signs in.
func fdTry(u *UI, user, password string) {
	l := u.login
	l.username.SetText(user)
	l.password.SetText(password)
	test.Tap(l.signInBtn)
	u.settle()
}

// A sign-in that is taking long (the first after an update brings the
// file up to date) says so rather than looking stuck; once it has ended,
// a late word is not shown over the next screen or the next message.
func TestASlowSignInSaysItIsStillOpening(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	l := u.login
	l.stillOpening()
	if l.message.Visible() {
		t.Fatalf("a sign-in not under way says %q", l.message.Text)
	}
	test.Type(l.username, "sjones")
	test.Type(l.password, fdPassword)
	test.Tap(l.signInBtn) // its result is held until settle
	if !l.busy {
		t.Fatal("the sign-in did not start")
	}
	l.stillOpening() // as the timer does, signInSlowAfter later
	if !l.message.Visible() || !strings.Contains(l.message.Text, "Still opening the clinic file") || l.message.Importance == widget.DangerImportance {
		t.Fatalf("a slow sign-in shows %q (importance %v)", l.message.Text, l.message.Importance)
	}
	u.settle()
	if u.state != uiMain {
		t.Fatalf("the sign-in did not finish: state %v, %q", u.state, l.message.Text)
	}
	l.stillOpening() // a timer that fired just too late
	if u.state != uiMain || l.busy {
		t.Fatal("a late word changed the screen")
	}
}

// A message (a wrong password, a missing one) moves neither the fields
// nor Sign in: the card keeps its top rather than centring itself again,
// and the message goes under the buttons.
func TestALoginMessageDoesNotMoveTheFields(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	w, l := u.Window(), u.login
	w.Resize(fyne.NewSize(1366, 768))
	u.settle()
	at := func() [2]fyne.Position {
		w.Content().Refresh() // lay out again, as the window does when a size changes
		d := fyne.CurrentApp().Driver()
		return [2]fyne.Position{d.AbsolutePositionForObject(l.password), d.AbsolutePositionForObject(l.signInBtn)}
	}
	before := at()
	fdTry(u, "", "")
	if l.message.Hidden || l.message.Text == "" {
		t.Fatal("no message for a sign-in with nothing typed")
	}
	if after := at(); after != before {
		t.Fatalf("the message moved the password field and Sign in from %v to %v", before, after)
	}
	fdTry(u, "rhys", "not the right one at all")
	if after := at(); after != before {
		t.Fatalf("the wrong-password message moved the password field and Sign in from %v to %v", before, after)
	}
	// A new window size places the card afresh.
	w.Resize(fyne.NewSize(1366, 900))
	u.settle()
	if after := at(); after[0].Y <= before[0].Y {
		t.Fatalf("a taller window left the card at %v (it was at %v)", after, before)
	}
}
