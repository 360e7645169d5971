package screens

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"math"
	"reflect"
	"sync"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lockScreen replaces the whole window while the session is locked: the
// clinic's name, who locked it, and a password field. Nothing of the
// modules stays in the window.
type lockScreen struct {
	ui      *UI
	session app.Session

	password  *widget.Entry
	unlockBtn *widget.Button
	switchBtn *widget.Button
	spinner   *widget.Activity
	message   *widget.Label
	busy      bool
}

// newLockScreen: any patient form the user had not saved is kept (in
// memory, not in the window) and comes back when she unlocks.
func newLockScreen(u *UI, s app.Session) *lockScreen {
	patientDrafts.markLocked(u.clinic, s.User.ID)
	return &lockScreen{ui: u, session: s}
}

func (l *lockScreen) build() fyne.CanvasObject {
	name := l.ui.clinicName
	if name == "" {
		name = "ClinicDesk"
	}
	clinic := pageTitle(name)
	clinic.Alignment = fyne.TextAlignCenter
	locked := widget.NewLabelWithStyle("Locked: "+l.session.User.FullName, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	locked.SizeName = theme.SizeNameSubHeadingText
	locked.Wrapping = fyne.TextWrapWord
	explain := wrapped("ClinicDesk is locked so nobody can see patient details. " + l.session.User.FullName + ", type your password to carry on where you left off.")
	explain.Alignment = fyne.TextAlignCenter

	l.password = widget.NewPasswordEntry()
	l.password.SetPlaceHolder("Your password")
	l.password.OnSubmitted = func(string) { l.onUnlock() }
	l.unlockBtn = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), l.onUnlock)
	l.unlockBtn.Importance = widget.HighImportance
	l.switchBtn = widget.NewButton("Switch user…", l.onSwitchUser)
	l.switchBtn.Importance = widget.LowImportance
	l.spinner = widget.NewActivity()
	l.spinner.Hide()
	l.message = errorText()

	items := []fyne.CanvasObject{
		container.NewCenter(widget.NewIcon(theme.VisibilityOffIcon())),
		clinic,
		locked,
		explain,
	}
	if held := len(typingDrafts.held(l.ui.clinic, l.session.User.ID, "")); held > 0 {
		// Says that something is kept, never what: no patient data here.
		what := "What you were typing comes back"
		if held == 1 && patientDrafts.has(l.ui.clinic, l.session.User.ID) {
			what = "The patient form you were filling in comes back"
		}
		kept := wrapped(what + ", as you left it, when you unlock. It is not saved yet, and closing ClinicDesk would lose it.")
		kept.Alignment = fyne.TextAlignCenter
		items = append(items, kept)
	}
	items = append(items,
		labelledField("Password", l.password),
		container.NewHBox(l.switchBtn, layout.NewSpacer(), l.spinner, l.unlockBtn),
		// Under the buttons, so a message appearing moves nothing above it:
		// the pointer on the button stays on it.
		l.message,
	)
	if note := l.ui.opts.DemoNote; note != "" {
		demo := wrapped(note)
		demo.Importance = widget.WarningImportance
		demo.Alignment = fyne.TextAlignCenter
		items = append(items, demo)
	}
	return doorCentred(container.NewVBox(items...), 460)
}

func (l *lockScreen) focusFirst() { l.ui.win.Canvas().Focus(l.password) }

// onUnlock checks the password off the UI goroutine (Argon2id takes about
// half a second) and rebuilds the main window when it is right.
func (l *lockScreen) onUnlock() {
	if l.busy || l.ui.lockView != l {
		return
	}
	pw := l.password.Text
	if pw == "" {
		say(l.message, widget.DangerImportance, "Type your password to unlock.")
		l.focusFirst()
		return
	}
	l.setBusy(true)
	clinic := l.ui.clinic
	var name string
	l.ui.async(func() error {
		if err := clinic.Unlock(pw); err != nil {
			return err
		}
		name = doorClinicName(clinic)
		return nil
	}, func(err error) {
		if l.ui.lockView != l || l.ui.state != uiLocked {
			return
		}
		l.setBusy(false)
		if err != nil {
			msg := doorFriendly(err)
			if msg == "Wrong user name or password." {
				msg = "That password is not right. Try again."
			}
			say(l.message, widget.DangerImportance, msg)
			l.password.SetText("")
			l.focusFirst()
			return
		}
		l.ui.signedIn(name, l.ui.lastModule)
	})
}

func (l *lockScreen) onSwitchUser() {
	if l.busy {
		return
	}
	l.ui.switchUser()
}

func (l *lockScreen) setBusy(b bool) {
	l.busy = b
	if b {
		say(l.message, widget.DangerImportance, "")
		l.password.Disable()
		l.unlockBtn.Disable()
		l.switchBtn.Disable()
		l.spinner.Show()
		l.spinner.Start()
		return
	}
	l.spinner.Stop()
	l.spinner.Hide()
	l.password.Enable()
	l.unlockBtn.Enable()
	l.switchBtn.Enable()
}

// --- idle detection ---

// idleWatcher locks the session after a spell without keyboard or mouse
// activity. Fyne has no global input hook, so activity is gathered three
// ways: mouse movement over the window (activitySensor), keys pressed when
// no field has the focus (the canvas's key-down handler), and, for typing
// into a field, a check every tick of which widget has the focus and what
// it holds. check and activity run on the UI goroutine.
type idleWatcher struct {
	canvas  fyne.Canvas
	timeout time.Duration
	now     func() time.Time
	onIdle  func()

	mu         sync.Mutex
	last       time.Time
	focusPrint uint64
	stopped    bool
	done       chan struct{}
}

func newIdleWatcher(c fyne.Canvas, timeout time.Duration, now func() time.Time, onIdle func()) *idleWatcher {
	w := &idleWatcher{canvas: c, timeout: timeout, now: now, onIdle: onIdle, done: make(chan struct{})}
	w.last = now()
	w.focusPrint = focusFingerprint(c.Focused())
	return w
}

// start checks every tick from a goroutine, calling back with fyne.Do.
// Every thirty ticks it rereads the idle time (a manager may have changed
// it in Settings); that read happens here, off the UI goroutine, so a long
// backup holding the clinic file can never freeze the window.
func (w *idleWatcher) start(tick time.Duration, reread func() time.Duration) {
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for n := 1; ; n++ {
			select {
			case <-w.done:
				return
			case <-t.C:
				if reread != nil && n%30 == 0 {
					d := reread()
					w.mu.Lock()
					w.timeout = d
					w.mu.Unlock()
				}
				fyne.Do(w.check)
			}
		}
	}()
}

// activity restarts the countdown.
func (w *idleWatcher) activity() {
	w.mu.Lock()
	w.last = w.now()
	w.mu.Unlock()
}

// check locks when the timeout has passed since the last activity.
func (w *idleWatcher) check() {
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		return
	}
	now := w.now()
	if fp := focusFingerprint(w.canvas.Focused()); fp != w.focusPrint {
		w.focusPrint = fp
		w.last = now
	}
	idle := now.Sub(w.last) >= w.timeout
	w.mu.Unlock()
	if idle {
		w.stop()
		w.onIdle()
	}
}

func (w *idleWatcher) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.stopped = true
		close(w.done)
	}
}

// focusFingerprint summarises the focused widget and its visible state
// (an entry's text and cursor, a check box's tick, …): when it changes,
// somebody has been typing.
func focusFingerprint(f fyne.Focusable) uint64 {
	if f == nil {
		return 0
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%T %p", f, f)
	hashState(h, reflect.ValueOf(f), 0)
	return h.Sum64()
}

// hashState feeds the exported plain fields of a widget struct (and of the
// structs it embeds, such as widget.Entry in a custom entry) into h.
func hashState(h hash.Hash64, v reflect.Value, depth int) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || depth > 3 {
		return
	}
	var buf [8]byte
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf, fv := t.Field(i), v.Field(i)
		if sf.Anonymous {
			hashState(h, fv, depth+1)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			h.Write([]byte(fv.String()))
			h.Write([]byte{0})
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			binary.LittleEndian.PutUint64(buf[:], uint64(fv.Int()))
			h.Write(buf[:])
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			binary.LittleEndian.PutUint64(buf[:], fv.Uint())
			h.Write(buf[:])
		case reflect.Bool:
			if fv.Bool() {
				h.Write([]byte{1})
			} else {
				h.Write([]byte{2})
			}
		case reflect.Float32, reflect.Float64:
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(fv.Float()))
			h.Write(buf[:])
		}
	}
}

// activitySensor wraps the main window's content and notices the mouse
// moving over it (wherever no button or other hover-aware widget sits on
// top, which is most of the window, and every time the pointer leaves one).
type activitySensor struct {
	widget.BaseWidget
	content    fyne.CanvasObject
	onActivity func()
}

var _ desktop.Hoverable = (*activitySensor)(nil)

func newActivitySensor(content fyne.CanvasObject, onActivity func()) *activitySensor {
	s := &activitySensor{content: content, onActivity: onActivity}
	s.ExtendBaseWidget(s)
	return s
}

func (s *activitySensor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *activitySensor) MouseIn(*desktop.MouseEvent) { s.onActivity() }

func (s *activitySensor) MouseMoved(*desktop.MouseEvent) { s.onActivity() }

func (s *activitySensor) MouseOut() { s.onActivity() }
