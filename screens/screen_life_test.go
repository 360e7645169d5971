package screens

import (
	"runtime"
	"slices"
	"testing"
	"time"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// slSignedIn opens the main window on a clinic with clinicians (so the
// Calendar runs its clock), its manager signed in, with the Calendar's
// clock and the idle check running as in the app: at a pace that never
// ticks during the test, so only their goroutines are counted.
func slSignedIn(t *testing.T) *UI {
	t.Helper()
	saved := calendarNowTick
	calendarNowTick = time.Hour
	t.Cleanup(func() { calendarNowTick = saved })
	c, _ := fdCreate(t)
	ctSetUp(t, c)
	a := test.NewTempApp(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: c, Screen: calendarModuleID, idleTick: time.Hour, Runner: tpHoldResults(t), backupTick: -1})
	if u.state != uiMain {
		t.Fatalf("a signed-in clinic should open on the main window, state %v", u.state)
	}
	u.settle()
	return u
}

// slVisitAll opens every screen once, as the navigation would.
func slVisitAll(t *testing.T, u *UI) {
	t.Helper()
	for _, id := range ScreenIDs() {
		u.shell.openID(id)
		u.settle()
	}
}

// slUnlock types the password on the lock screen.
func slUnlock(t *testing.T, u *UI) {
	t.Helper()
	test.Type(u.lockView.password, fdPassword)
	test.Tap(u.lockView.unlockBtn)
	u.settle()
	if u.state != uiMain {
		t.Fatalf("unlock failed: state %v", u.state)
	}
}

// slSettledGoroutines is the goroutine count once it stops falling (a
// loop that was told to stop needs a moment to return), with a generous
// deadline that a working fix never reaches.
func slSettledGoroutines(limit int) int {
	deadline := time.Now().Add(10 * time.Second)
	n := runtime.NumGoroutine()
	for n > limit && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		runtime.GC()
		n = runtime.NumGoroutine()
	}
	return n
}

// Every visit to a screen used to leave its background loops running (the
// Calendar's today-line clock never ended): 150 visits, 150 goroutines
// and a busier idle CPU. Each loop now ends when its screen is left or
// the app locks.
func TestVisitingEveryScreenManyTimesLeavesNoGoroutines(t *testing.T) {
	u := slSignedIn(t)
	var visible []string
	for _, m := range u.shell.modules {
		visible = append(visible, m.ID)
	}
	if !slices.Contains(visible, calendarModuleID) {
		t.Fatalf("the manager should see the Calendar (the screen with a clock): %v", visible)
	}
	slVisitAll(t, u)
	base := runtime.NumGoroutine()

	const rounds = 50
	for r := 0; r < rounds; r++ {
		slVisitAll(t, u)
		if r%10 == 9 { // lock and unlock a few times, on a different screen each time
			u.lock()
			if u.state != uiLocked {
				t.Fatalf("lock failed: state %v", u.state)
			}
			slUnlock(t, u)
		}
	}
	u.settle()
	const slack = 8 // Fyne's own helpers come and go
	n := slSettledGoroutines(base + slack)
	t.Logf("goroutines: %d after the first round, %d after %d more rounds and 5 locks", base, n, rounds)
	if n > base+slack {
		t.Fatalf("after %d visits to each of %d screens and 5 locks, %d goroutines are running; after the first round there were %d",
			rounds, len(ScreenIDs()), n, base)
	}
}

// Leaving the Calendar ends its clock at once; the same for locking.
func TestTheCalendarClockStopsWhenTheScreenIsLeftOrLocked(t *testing.T) {
	u := slSignedIn(t)
	u.shell.openID(calendarModuleID)
	u.settle()
	left := u.shell.ctx.Left()
	select {
	case <-left:
		t.Fatal("the Calendar on show should not count as left")
	default:
	}
	u.shell.openID(ScreenIDs()[0])
	u.settle()
	select {
	case <-left:
	default:
		t.Fatal("opening another screen should end the Calendar's life")
	}

	u.shell.openID(calendarModuleID)
	u.settle()
	ctx := u.shell.ctx
	left = ctx.Left()
	u.lock()
	select {
	case <-left:
	default:
		t.Fatal("locking should end the life of the screen on show")
	}
	select { // a loop a late result might start after the lock ends at once
	case <-ctx.Left():
	default:
		t.Fatal("after the lock, the old screen should count as left")
	}
}

// A screen's own shortcut goes with it: the canvas keeps a shortcut's
// action until something replaces it, and the action holds its screen
// (the Referrals screen held its whole register, megabytes in a large
// clinic, until the Tasks screen took Ctrl+N).
func TestAScreenLeftLeavesNothingOfItselfInTheCanvasShortcuts(t *testing.T) {
	test.NewTempApp(t)
	tw := test.NewWindow(nil)
	defer tw.Close()
	w := &slShortcutWindow{Window: tw, canvas: &slShortcutCanvas{Canvas: tw.Canvas()}}
	ctx := &Context{Window: w}
	ctx.enterScreen()
	ran := 0
	held := func() weak.Pointer[[1 << 16]byte] {
		register := new([1 << 16]byte)
		ctx.addScreenShortcut(referralsNewShortcut, func() { ran += int(register[0]) + 1 })
		return weak.Make(register)
	}()
	w.canvas.keys.TypedShortcut(referralsNewShortcut)
	if ran != 1 {
		t.Fatalf("the screen's shortcut ran %d times while it was on show", ran)
	}
	ctx.enterScreen() // the next screen
	runtime.GC()
	runtime.GC()
	if held.Value() != nil {
		t.Fatal("the screen left is still held by the canvas's shortcut")
	}
	w.canvas.keys.TypedShortcut(referralsNewShortcut)
	if ran != 1 {
		t.Fatal("the screen left still answers its shortcut")
	}
}

// slShortcutCanvas is a test canvas whose shortcuts can be typed (Fyne's
// test canvas keeps them but has no way to type one).
type slShortcutCanvas struct {
	fyne.Canvas
	keys fyne.ShortcutHandler
}

func (c *slShortcutCanvas) AddShortcut(s fyne.Shortcut, do func(fyne.Shortcut)) {
	c.keys.AddShortcut(s, do)
}
func (c *slShortcutCanvas) RemoveShortcut(s fyne.Shortcut) { c.keys.RemoveShortcut(s) }

type slShortcutWindow struct {
	fyne.Window
	canvas *slShortcutCanvas
}

func (w *slShortcutWindow) Canvas() fyne.Canvas { return w.canvas }
