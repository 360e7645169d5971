package screens

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// slPositions is where each object is drawn in w, laid out afresh as the
// next frame would be, as text.
func slPositions(w fyne.Window, objs ...fyne.CanvasObject) string {
	w.Content().Refresh()
	d := fyne.CurrentApp().Driver()
	var out []string
	for _, o := range objs {
		p := d.AbsolutePositionForObject(o)
		out = append(out, fmt.Sprintf("(%.0f,%.0f %.0fx%.0f)", p.X, p.Y, o.Size().Width, o.Size().Height))
	}
	return strings.Join(out, " ")
}

// slWizard starts the wizard on a new clinic in a window of the size the
// first run opens at (firstWindowSize, smaller than a 1366x768 screen).
func slWizard(t *testing.T) (*UI, *setupScreen, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{DBPath: filepath.Join(t.TempDir(), "clinic.db"), kdf: fdKDF, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	t.Cleanup(func() { u.closeClinic() })
	w := u.Window()
	w.Resize(firstWindowSize)
	return u, u.setup, w
}

// The wizard's messages appear in room kept for them: no field (nor the
// Next button) moves when one shows, on any step (issue 13 item 7).
func TestSetupWizardMessagesDoNotMoveItsFields(t *testing.T) {
	u, s, w := slWizard(t)
	// The whole step fits the first window: the logo's button is in view
	// above the band kept for messages, without scrolling.
	d := fyne.CurrentApp().Driver()
	w.Content().Refresh()
	if end, band := d.AbsolutePositionForObject(s.logoBox).Y+s.logoBox.Size().Height, d.AbsolutePositionForObject(s.msgRoom).Y; end > band {
		t.Fatalf("the logo ends at %.0f, below the messages' band at %.0f", end, band)
	}
	step1 := func() string {
		return slPositions(w, s.name, s.address, s.phone, s.email, s.logoBox, s.nextBtn)
	}
	before := step1()
	test.Tap(s.nextBtn) // no name
	test.Type(s.phone, "12")
	test.Type(s.email, "reception at riverside")
	test.Tap(s.nextBtn)
	s.setLogo([]byte("not a picture"))
	if !s.nameProblem.Visible() || !s.phoneProblem.Visible() || !s.emailProblem.Visible() || !s.logoProblem.Visible() {
		t.Fatalf("not every problem shows: %q", fdTexts(w, false))
	}
	if after := step1(); after != before {
		t.Fatalf("step 1's fields moved when its messages showed:\nbefore %s\nafter  %s", before, after)
	}
	// They are said above the buttons, in view however far the page has
	// scrolled, the first first.
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.msgText)
	if h := w.Canvas().Size().Height; top.Y < 0 || top.Y+s.msgRoom.Size().Height > h {
		t.Fatalf("the messages are out of the window: y %.0f in %.0f", top.Y, h)
	}
	if !strings.HasPrefix(s.msgText.Text, s.nameProblem.Text) || !strings.Contains(s.msgText.Text, s.emailProblem.Text) {
		t.Fatalf("the band says %q", s.msgText.Text)
	}
	if !fdShows(w, "Type the clinic's name") {
		t.Fatalf("the name's problem is not on screen: %q", fdTexts(w, false))
	}
	s.setLogo(fdPNG(t))
	if after := step1(); after != before {
		t.Fatalf("step 1's fields moved when a logo was chosen:\nbefore %s\nafter  %s", before, after)
	}

	s.name.SetText(fdClinicName)
	s.phone.SetText("0113 496 0000")
	s.email.SetText("reception@riverside.example")
	test.Tap(s.nextBtn)
	if s.step != setupStepManager {
		t.Fatalf("still on step %d: %q", s.step, fdTexts(w, false))
	}
	step2 := func() string {
		return slPositions(w, s.fullName, s.username, s.password, s.confirm, s.nextBtn, s.backBtn)
	}
	before = step2()
	// The whole step fits the first window: the last box is in view above
	// the band kept for messages, without scrolling.
	if end, band := d.AbsolutePositionForObject(s.confirm).Y+s.confirm.Size().Height, d.AbsolutePositionForObject(s.msgRoom).Y; end > band {
		t.Fatalf("Password again ends at %.0f, below the messages' band at %.0f", end, band)
	}
	test.Type(s.password, "short") // feedback as it is typed
	test.Type(s.confirm, "sh")
	if !s.passwordFeedback.Visible() || !s.confirmProblem.Visible() {
		t.Fatal("no feedback while typing")
	}
	if after := step2(); after != before {
		t.Fatalf("step 2's fields moved with the feedback as typed:\nbefore %s\nafter  %s", before, after)
	}
	s.username.SetText("no spaces allowed")
	test.Tap(s.nextBtn)
	if !s.fullNameProblem.Visible() || !s.usernameProblem.Visible() || !s.passwordProblem.Visible() {
		t.Fatalf("not every problem shows: %q", fdTexts(w, false))
	}
	if after := step2(); after != before {
		t.Fatalf("step 2's fields moved when its messages showed:\nbefore %s\nafter  %s", before, after)
	}

	// The backups step: a refused folder says why without moving a thing.
	test.Type(s.fullName, "Sarah Jones")
	s.username.SetText("sjones")
	s.password.SetText(fdPassword)
	s.confirm.SetText(fdPassword)
	test.Tap(s.nextBtn)
	u.settle()
	test.Tap(s.storedCheck)
	test.Tap(s.nextBtn)
	if s.step != setupStepBackups {
		t.Fatalf("not on the backups step: %d", s.step)
	}
	step4 := func() string { return slPositions(w, s.chooseBackupBtn, s.laterBtn, s.nextBtn) }
	before = step4()
	s.setBackupFolder(filepath.Dir(u.opts.DBPath)) // the clinic file's own folder
	test.Tap(s.nextBtn)
	u.settle()
	if s.step != setupStepBackups || !strings.Contains(s.backupNote.Text, "other than the clinic file's own") {
		t.Fatalf("the clinic's own folder was taken: step %d, %q", s.step, s.backupNote.Text)
	}
	if after := step4(); after != before {
		t.Fatalf("the backups step moved when its message showed:\nbefore %s\nafter  %s", before, after)
	}
}

// "Not now" finishes the wizard with no backup folder, and Today goes on
// warning that nothing is backed up (issue 13 item 11).
func TestSetupWizardNotNowLeavesBackupsOffAndTodayWarning(t *testing.T) {
	u, s, w := slWizard(t)
	test.Type(s.name, fdClinicName)
	test.Tap(s.nextBtn)
	test.Type(s.fullName, "Sarah Jones")
	s.password.SetText(fdPassword)
	s.confirm.SetText(fdPassword)
	test.Tap(s.nextBtn)
	u.settle()
	test.Tap(s.storedCheck)
	test.Tap(s.nextBtn)
	if s.step != setupStepBackups || w.Canvas().Focused() != s.chooseBackupBtn {
		t.Fatalf("the backups step should offer Choose folder first: step %d", s.step)
	}
	test.Tap(s.laterBtn)
	u.settle()
	if u.state != uiMain {
		t.Fatalf("Not now did not finish the wizard: state %v", u.state)
	}
	if set, err := u.clinic.BackupSettings(); err != nil || set.Folder != "" {
		t.Fatalf("Not now set a folder: %+v %v", set, err)
	}
	u.shell.openID("today")
	u.settle()
	if !fdShows(w, "Needs attention") || !fdShows(w, "Set up backups") {
		t.Fatalf("Today does not warn after Not now: %q", fdTexts(w, false))
	}
}
