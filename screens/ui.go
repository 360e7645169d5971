package screens

import (
	"errors"
	"os"
	"strings"
	"sync"
	"time"

	"clinicdesk/app"
	"clinicdesk/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Options say which clinic the window opens and on what.
type Options struct {
	// DBPath is the clinic file. With no Clinic and no file there, the
	// setup wizard runs and creates it.
	DBPath string
	// Clinic is an already opened clinic file. If someone is signed in on
	// it (the demo), the main window opens straight away on Screen.
	Clinic *app.Clinic
	// Screen is the module ID to open first; unknown IDs open the first.
	Screen string
	// DemoNote is shown on every screen of a demo clinic, e.g. how to sign in.
	DemoNote string

	// Runner runs the screens' work off the UI goroutine
	// (kit_background.go); nil is the window's own, which shows results
	// with fyne.Do.
	Runner Runner

	// Cheaper key derivation for the wizard, a clock, how often the idle
	// check and the daily backup check run (negative: not at all).
	kdf        app.KDFParams
	clock      func() time.Time
	idleTick   time.Duration
	backupTick time.Duration
}

// UI is ClinicDesk's main window and the screens shown in it: setup
// wizard, login, the main shell, the lock screen.
type UI struct {
	app  fyne.App
	win  fyne.Window
	opts Options

	clinic     *app.Clinic
	clinicName string // known once someone has signed in; shown on login and lock
	state      uiState

	setup    *setupScreen
	login    *loginScreen
	lockView *lockScreen
	shell    *shellScreen
	idle     *idleWatcher

	// lastModule is reopened after unlocking.
	lastModule string

	closeOnce sync.Once
	closeErr  error

	failedSignInsTold signInSeen // the sign-in last looked at for failed tries

	dailyBackups sync.Once
	closing      chan struct{} // closed when the clinic is being closed
}

type uiState int

const (
	uiSetup uiState = iota
	uiLogin
	uiMain
	uiLocked
	uiClosing
	uiFailed
)

// doorIcon is ClinicDesk's icon, for the window and the welcome screens.
var doorIcon = fyne.NewStaticResource("clinicdesk.png", assets.Icon)

// New makes the main window. Nothing is shown until ShowAndRun.
func New(a fyne.App, opts Options) *UI {
	if opts.DBPath == "" && opts.Clinic == nil {
		opts.DBPath = app.DefaultPath()
	}
	if opts.idleTick == 0 {
		opts.idleTick = time.Second
	}
	if opts.backupTick == 0 {
		opts.backupTick = 15 * time.Minute
	}
	u := &UI{app: a, opts: opts, clinic: opts.Clinic, closing: make(chan struct{})}
	if u.clinic != nil {
		u.opts.DBPath = u.clinic.Path()
	}
	u.win = a.NewWindow("ClinicDesk")
	u.win.SetIcon(doorIcon)
	u.win.SetMaster()
	// Escape closes the dialog on top (screens/dialog_keys.go).
	u.win.Canvas().SetOnTypedKey(u.onWindowKey)
	u.restoreWindowSize() // screens/window_size.go
	u.win.CenterOnScreen()
	u.win.SetCloseIntercept(u.onCloseButton)
	u.clinicName = u.rememberedClinicName()

	switch {
	case u.clinic == nil && !app.Exists(u.opts.DBPath):
		u.showSetup()
	case u.clinic == nil:
		c, err := app.Open(u.opts.DBPath)
		if err != nil {
			u.showFailure(err)
			break
		}
		u.clinic = c
		u.showLogin(false)
	default:
		s, ok := u.clinic.Session()
		switch {
		case ok && s.Locked:
			u.lastModule = opts.Screen
			u.learnClinicName()
			u.showLock()
		case ok:
			u.learnClinicName()
			u.showMain(opts.Screen)
		default:
			u.showLogin(false)
		}
	}
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it closes. The clinic
// file is closed (and the automatic backup made) before it returns.
func (u *UI) ShowAndRun() {
	// Letters opened for printing are patient data in plain PDF: the
	// private print folder is emptied at start (after a crash), on lock,
	// sign-out and exit, and any letter left is named
	// (screens/print_folder_notice.go).
	u.tellLettersLeft(app.ClearPrintFolder())
	u.win.ShowAndRun()
	if u.idle != nil {
		u.idle.stop()
	}
	u.closeClinic()
	writeLettersLeft(os.Stderr, app.ClearPrintFolder())
}

// ShowStartupError shows a small window saying why the clinic file could
// not be opened (already open in another copy, on a network share, …),
// with a Close button. It does not block: call the app's Run after it.
func ShowStartupError(a fyne.App, err error) {
	w := a.NewWindow("ClinicDesk")
	w.SetIcon(doorIcon)
	w.SetMaster()
	w.SetContent(doorStartupError(err, w.Close))
	w.Resize(fyne.NewSize(560, 300))
	w.CenterOnScreen()
	w.Show()
}

// doorStartupError is the content of the "cannot open" message.
func doorStartupError(err error, closeFn func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("ClinicDesk cannot open the clinic file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Wrapping = fyne.TextWrapWord
	msg := wrapped(plainError(err))
	var hints []fyne.CanvasObject
	if strings.Contains(plainError(err), "another copy") {
		hints = append(hints, wrapped("Look for the other ClinicDesk window on this computer (or the one named above) and close it, then open ClinicDesk again."))
	}
	hints = append(hints, wrapped("Nothing in the clinic file has been changed."))
	closeBtn := widget.NewButton("Close", closeFn)
	closeBtn.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.WarningIcon())
	body := container.NewVBox(append([]fyne.CanvasObject{container.NewBorder(nil, nil, icon, nil, title), msg}, hints...)...)
	return container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, body))
}

// showFailure puts the startup error into the main window.
func (u *UI) showFailure(err error) {
	u.state = uiFailed
	u.win.SetContent(doorCentred(doorStartupError(err, u.win.Close), 560))
}

// --- moving between screens ---

func (u *UI) showSetup() {
	u.state = uiSetup
	u.setup = newSetupScreen(u)
	u.win.SetTitle("ClinicDesk: set up your clinic")
	u.win.SetContent(u.setup.build())
	u.setup.focusFirst()
}

// showLogin shows the sign-in screen. canReturn offers a way back to the
// locked session of the person who was using ClinicDesk.
func (u *UI) showLogin(canReturn bool) {
	u.state = uiLogin
	u.login = newLoginScreen(u, canReturn)
	u.win.SetTitle(u.title())
	u.win.SetContent(u.login.build())
	u.login.focusFirst()
}

func (u *UI) showLock() {
	s, ok := u.clinic.Session()
	if !ok {
		u.showLogin(false)
		return
	}
	u.state = uiLocked
	u.lockView = newLockScreen(u, s)
	u.win.SetTitle(u.title())
	u.win.SetContent(u.lockView.build())
	u.lockView.focusFirst()
}

// showMain builds the main window afresh (modules included) for the
// signed-in user and opens the module moduleID.
func (u *UI) showMain(moduleID string) {
	s, ok := u.clinic.Session()
	if !ok || s.Locked {
		u.showLogin(false)
		return
	}
	u.state = uiMain
	u.login, u.lockView, u.setup = nil, nil, nil
	u.shell = newShellScreen(u, s)
	u.win.SetTitle(u.title())
	root := newActivitySensor(u.shell.build(), u.noteActivity)
	u.win.SetContent(root)
	u.win.SetMainMenu(guardMenuShortcuts(u.win.Canvas(), u.shell.mainMenu()))
	u.addShortcuts()
	if dc, ok := u.win.Canvas().(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { u.noteActivity() })
	}
	u.startIdle()
	u.startDailyBackups()
	u.shell.openID(moduleID)
	tellAboutFailedSignIns(u) // managers: failed sign-ins none has seen (screens/failed_signins_notice.go)
}

// startDailyBackups checks now and then whether the day's automatic backup
// is due, for a desk PC that is left running for days. Failures show on
// the Today screen as an old backup.
func (u *UI) startDailyBackups() {
	if u.opts.backupTick < 0 {
		return
	}
	u.dailyBackups.Do(func() {
		c := u.clinic
		go func() {
			tick := time.NewTicker(u.opts.backupTick)
			defer tick.Stop()
			for {
				c.BackupIfDue()
				select {
				case <-tick.C:
				case <-u.closing:
					return
				}
			}
		}()
	})
}

// leaveMain drops everything the signed-in user could see: module
// content, dialogs, pop-ups, other windows, menus and shortcuts.
func (u *UI) leaveMain() {
	if u.shell != nil {
		u.lastModule = u.shell.currentID()
		u.shell.ctx.leaveScreen() // the screen's clocks and loops end with it
	}
	if u.idle != nil {
		u.idle.stop()
		u.idle = nil
	}
	u.removeShortcuts()
	if dc, ok := u.win.Canvas().(desktop.Canvas); ok {
		dc.SetOnKeyDown(nil)
	}
	u.win.SetMainMenu(nil)
	u.dismissOverlays()
	others := append([]fyne.Window(nil), u.app.Driver().AllWindows()...) // Close changes the driver's list
	for _, w := range others {
		if w != nil && w != u.win {
			w.Close()
		}
	}
	u.win.Canvas().Unfocus()
	u.shell = nil
	u.win.SetContent(widget.NewLabel(""))
}

// dismissOverlays removes every dialog and pop-up from the window.
func (u *UI) dismissOverlays() {
	ov := u.win.Canvas().Overlays()
	for top := ov.Top(); top != nil; top = ov.Top() {
		ov.Remove(top)
		top.Hide()
	}
}

// lock hides the session: Ctrl+L, the Lock button and the idle timer.
func (u *UI) lock() {
	if u.state != uiMain {
		return
	}
	u.clinic.Lock()
	left := app.ClearPrintFolder()
	u.leaveMain()
	u.showLock()
	u.tellLettersLeft(left)
}

// switchUser locks the session and shows the sign-in screen for someone else.
func (u *UI) switchUser() {
	var left error
	if u.state == uiMain {
		u.clinic.Lock()
		left = app.ClearPrintFolder()
		u.leaveMain()
	}
	if u.state == uiMain || u.state == uiLocked {
		u.showLogin(true)
		u.tellLettersLeft(left)
	}
}

// signOut ends the session and shows the sign-in screen.
func (u *UI) signOut() {
	if u.state != uiMain {
		return
	}
	if s, ok := u.clinic.Session(); ok {
		typingDrafts.dropUser(u.clinic, s.User.ID) // signed out, her typing goes too
	}
	u.clinic.SignOut()
	u.lastModule = ""
	left := app.ClearPrintFolder()
	u.leaveMain()
	u.showLogin(false)
	u.tellLettersLeft(left)
}

// reloadMain rebuilds the main window, e.g. after the clinic's name changed.
func (u *UI) reloadMain() {
	if u.state != uiMain {
		return
	}
	u.learnClinicName()
	id := u.lastModule
	if u.shell != nil {
		id = u.shell.currentID()
	}
	u.leaveMain()
	u.showMain(id)
}

// signedIn is called on the UI goroutine after a successful sign-in,
// unlock or recovery with the clinic name read off the UI goroutine.
func (u *UI) signedIn(name string, moduleID string) {
	if name != "" {
		u.clinicName = name
		u.app.Preferences().SetString(u.clinicNameKey(), name)
	}
	showMainAfterSignIn(u, moduleID) // and the recovery sheet notice (screens/recovery_notice.go)
}

func (u *UI) title() string {
	if u.clinicName == "" {
		return "ClinicDesk"
	}
	return "ClinicDesk: " + u.clinicName
}

// --- the clinic's name before anyone has signed in ---

// The clinic file is encrypted, so its name cannot be read until someone
// signs in. It is remembered (it is not patient data) so the next login
// screen can show it.
func (u *UI) clinicNameKey() string { return "clinicName:" + u.opts.DBPath }

func (u *UI) rememberedClinicName() string {
	return u.app.Preferences().String(u.clinicNameKey())
}

// learnClinicName reads the name from the open clinic (signed in only).
func (u *UI) learnClinicName() {
	if name := doorClinicName(u.clinic); name != "" {
		u.clinicName = name
		u.app.Preferences().SetString(u.clinicNameKey(), name)
	}
}

func doorClinicName(c *app.Clinic) string {
	d, err := c.Details()
	if err != nil {
		return ""
	}
	return d.Name
}

// --- shortcuts and idle ---

var doorLockShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}

// doorFindShortcut (Ctrl+F) finds a patient from anywhere.
var doorFindShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}

var doorModuleKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

func doorModuleShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: doorModuleKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
}

// addShortcuts registers Ctrl+L, Ctrl+F and Ctrl+1..9 on the canvas (used when no
// field has the focus; the main menu carries the same shortcuts, which the
// desktop driver honours whatever has the focus). Only Ctrl+L acts while
// a dialog is open: the others would change the screen behind it.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(doorLockShortcut, func(fyne.Shortcut) { u.lock() })
	c.AddShortcut(doorFindShortcut, func(fyne.Shortcut) {
		behindOverlay(c, func() {
			if u.shell != nil {
				u.shell.findPatient("")
			}
		})()
	})
	for i := range doorModuleKeys {
		c.AddShortcut(doorModuleShortcut(i), func(fyne.Shortcut) {
			behindOverlay(c, func() {
				if u.shell != nil {
					u.shell.openKey(i)
				}
			})()
		})
	}
}

func (u *UI) removeShortcuts() {
	c := u.win.Canvas()
	c.RemoveShortcut(doorLockShortcut)
	c.RemoveShortcut(doorFindShortcut)
	for i := range doorModuleKeys {
		c.RemoveShortcut(doorModuleShortcut(i))
	}
}

func (u *UI) startIdle() {
	if u.idle != nil {
		u.idle.stop()
	}
	u.idle = newIdleWatcher(u.win.Canvas(), u.clinic.IdleLock(), u.now, u.lock)
	if u.opts.idleTick > 0 {
		u.idle.start(u.opts.idleTick, u.clinic.IdleLock)
	}
}

// noteActivity is called on keyboard and mouse activity in the main window.
func (u *UI) noteActivity() {
	if u.idle != nil {
		u.idle.activity()
	}
}

func (u *UI) now() time.Time {
	if u.opts.clock != nil {
		return u.opts.clock()
	}
	return wallClock()
}

// --- background work ---

// runner is the Runner the window's screens use.
func (u *UI) runner() Runner {
	if u.opts.Runner != nil {
		return u.opts.Runner
	}
	return fyneRunner{}
}

// async runs work off the UI goroutine and done with its result back on
// it, whether or not anyone is signed in (the front-door screens).
func (u *UI) async(work func() error, done func(error)) {
	var err error
	u.runner().Run(func() { err = work() }, func() { done(err) })
}

// --- closing ---

// onCloseButton is the window's close button: it asks like File › Quit
// when anything typed is unsaved.
func (u *UI) onCloseButton() {
	if u.state == uiMain && u.shell != nil {
		u.shell.onQuit()
		return
	}
	u.requestClose()
}

// requestClose runs when the window is closed (or Quit chosen): the clinic
// file is closed off the UI goroutine, since the automatic backup can take
// a moment, and then the window goes.
func (u *UI) requestClose() {
	if u.state == uiClosing {
		return
	}
	u.rememberWindowSize()
	if u.state == uiSetup && u.setup != nil && u.setup.creating() {
		u.setup.closeWhenDone = true // close once the file is whole
		return
	}
	if u.clinic == nil {
		u.state = uiClosing
		u.win.Close()
		return
	}
	if u.state == uiMain {
		u.leaveMain()
	}
	typingDrafts.forgetClinic(u.clinic) // drafts live in memory only, and not past the app
	u.dismissOverlays()
	u.state = uiClosing
	u.win.SetMainMenu(nil)
	bar := widget.NewProgressBarInfinite()
	u.win.SetContent(doorCentred(container.NewVBox(
		pageTitle("Closing ClinicDesk…"),
		wrapped("Saving and closing the clinic file. If automatic backups are set up, a backup is being made now."),
		bar,
	), 520))
	var left error // letters opened for printing that could not be deleted
	u.async(func() error { err := u.closeClinic(); left = app.ClearPrintFolderPatiently(); return err }, func(err error) {
		bar.Stop()
		if err == nil {
			u.closeWhenLettersGone(left)
			return
		}
		closeBtn := widget.NewButton("Close", func() { u.closeWhenLettersGone(app.ClearPrintFolder()) })
		closeBtn.Importance = widget.HighImportance
		u.win.SetContent(doorCentred(container.NewVBox(
			pageTitle("The clinic file is closed safely"),
			wrapped("But the automatic backup did not work: "+sentence(err.Error())),
			wrapped("Make a backup from Settings the next time you open ClinicDesk."),
			container.NewHBox(layout.NewSpacer(), closeBtn),
		), 520))
	})
}

// closeClinic closes the clinic file once, whoever asks first; a second
// caller waits until the first has finished.
func (u *UI) closeClinic() error {
	u.closeOnce.Do(func() {
		close(u.closing)
		if u.clinic != nil {
			u.closeErr = u.clinic.Close()
		}
	})
	return u.closeErr
}

// --- the front-door screens' password advice ---

// doorPasswordAdvice is what a password should be, said kindly.
const doorPasswordAdvice = "Use three or four random words, at least 12 characters in all. " +
	"Capitals, numbers and symbols are not needed. Avoid well-known phrases and your name."

// doorPasswordFeedback checks a new password as it is typed.
func doorPasswordFeedback(l *widget.Label, password string, avoid ...string) {
	if password == "" {
		say(l, widget.MediumImportance, "")
		return
	}
	if err := app.CheckPassword(password, avoid...); err != nil {
		say(l, widget.WarningImportance, sentence(err.Error()))
		return
	}
	say(l, widget.SuccessImportance, "Good: this password meets the rules.")
}

// doorMatchFeedback says whether the confirmation matches, once typed.
func doorMatchFeedback(l *widget.Label, password, confirm string) {
	switch {
	case confirm == "":
		say(l, widget.MediumImportance, "")
	case confirm != password:
		say(l, widget.WarningImportance, "The two passwords are not the same yet.")
	default:
		say(l, widget.SuccessImportance, "The two passwords match.")
	}
}

// doorFriendly turns an error from the clinic into words for the screen.
func doorFriendly(err error) string {
	switch {
	case errors.Is(err, app.ErrWrongPassword):
		return "Wrong user name or password."
	}
	return plainError(err)
}

// doorCentred puts content in a column at most width wide, centred in the
// window, scrolling when the window is too small.
func doorCentred(content fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewVScroll(container.New(&doorColumn{width: width, centreVertically: true}, container.NewPadded(content)))
}

// doorFramed lays out a header, a scrolling body and a footer in a column
// at most width wide: as tall as the body needs, centred in the window,
// but never taller than the window, so the footer's buttons stay in view
// and only the body scrolls. Objects: header, body scroll, footer.
type doorFramed struct {
	width float32
	body  fyne.CanvasObject // the scroll's content, for its natural height
}

func doorFrame(width float32, header fyne.CanvasObject, body fyne.CanvasObject, footer fyne.CanvasObject) fyne.CanvasObject {
	l := &doorFramed{width: width, body: body}
	return container.NewPadded(container.New(l, header, container.NewVScroll(body), footer))
}

func (l *doorFramed) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	h := objects[0].MinSize().Height + objects[2].MinSize().Height + 120 + 2*pad
	w := max(objects[0].MinSize().Width, objects[2].MinSize().Width, min(l.width, 320))
	return fyne.NewSize(w, h)
}

func (l *doorFramed) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	header, scroll, footer := objects[0], objects[1], objects[2]
	w := min(size.Width, l.width)
	x := (size.Width - w) / 2
	header.Resize(fyne.NewSize(w, header.MinSize().Height))
	hh := header.MinSize().Height
	footer.Resize(fyne.NewSize(w, footer.MinSize().Height))
	fh := footer.MinSize().Height
	l.body.Resize(fyne.NewSize(w, l.body.MinSize().Height)) // wrapped text settles at this width
	natural := l.body.MinSize().Height
	bodyH := min(natural, max(size.Height-hh-fh-2*pad, 60))
	total := hh + pad + bodyH + pad + fh
	y := max((size.Height-total)/3, 0)
	header.Move(fyne.NewPos(x, y))
	scroll.Move(fyne.NewPos(x, y+hh+pad))
	scroll.Resize(fyne.NewSize(w, bodyH))
	footer.Move(fyne.NewPos(x, y+hh+pad+bodyH+pad))
	header.Resize(fyne.NewSize(w, hh))
}

// doorLogo is the ClinicDesk icon at a given size.
func doorLogo(size float32) fyne.CanvasObject {
	img := canvas.NewImageFromImage(doorLogoPicture()) // decoded once (door_logo_picture.go)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}

// doorColumn lays out one object at most width wide, centred; vertically
// centred too when there is room.
type doorColumn struct {
	width            float32
	centreVertically bool
}

func (l *doorColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	if s.Width < l.width {
		// Wrapped text reports a small width: ask for the full column so the
		// window does not squeeze it (the layout gives less when it must).
		s.Width = min(l.width, max(s.Width, 320))
	}
	return s
}

func (l *doorColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		w := min(size.Width, l.width)
		w = max(w, min(o.MinSize().Width, size.Width))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // wrapped text is taller once narrower
		y := float32(0)
		if l.centreVertically && h < size.Height {
			y = (size.Height - h) / 3
		}
		o.Resize(fyne.NewSize(w, max(h, 0)))
		o.Move(fyne.NewPos((size.Width-w)/2, y))
	}
}
