package screens

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/assets"

	"fyne.io/fyne/v2"
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
	kdf        kdf.Params
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

	sweep *renderSweep // lets Fyne drop the screens left (render_sweep.go)
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
	u.sweep = newRenderSweep(u.win)
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
	if err := u.closeClinic(); err != nil {
		// Closed from the window, this was said there too; closed any other
		// way, this line is all that tells of it.
		fmt.Fprintln(os.Stderr, "ClinicDesk: closing the clinic file:", plainError(err))
	}
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
	u.setContent(doorCentred(doorStartupError(err, u.win.Close), 560))
}

// --- moving between screens ---

func (u *UI) showSetup() {
	u.state = uiSetup
	u.setup = newSetupScreen(u)
	u.win.SetTitle("ClinicDesk: set up your clinic")
	u.setContent(u.setup.build())
	u.setup.onWindow = true
	u.setup.focusFirst()
}

// showLogin shows the sign-in screen. canReturn offers a way back to the
// locked session of the person who was using ClinicDesk.
func (u *UI) showLogin(canReturn bool) {
	u.state = uiLogin
	u.login = newLoginScreen(u, canReturn)
	u.win.SetTitle(u.title())
	u.setContent(u.login.build())
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
	u.setContent(u.lockView.build())
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
	u.setContent(root)
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
				if _, err := c.BackupIfDue(); err != nil {
					// No window to tell from this goroutine: the Today
					// screen shows the backup as overdue, and this says why.
					fmt.Fprintln(os.Stderr, "ClinicDesk: the daily backup did not work:", plainError(err))
				}
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
	u.setContent(widget.NewLabel(""))
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

// --- idle ---

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

// doorFriendly turns an error from the clinic into words for the screen.
func doorFriendly(err error) string {
	switch {
	case errors.Is(err, app.ErrWrongPassword):
		return "Wrong user name or password."
	}
	return plainError(err)
}

// setContent puts a new screen in the window.
func (u *UI) setContent(o fyne.CanvasObject) {
	u.win.SetContent(o)
	u.sweep.changed()
}
