package screens

import (
	"sync/atomic"
	"testing"
	"time"
)

// The window asks Fyne for one redraw once the screens it left have
// expired, and only then: Fyne drops a left screen's drawing state (and
// the data it holds) only on a frame with a redraw, and a desk at rest
// redraws nothing.
func TestTheWindowRedrawsOnceAfterScreensAreLeft(t *testing.T) {
	c := tcClinic(t)
	u := ntOpen(t, c, calendarModuleID)
	start := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	now := start
	var redraws atomic.Int32
	u.sweep.mu.Lock()
	u.sweep.now = func() time.Time { return now }
	u.sweep.redraw = func() { redraws.Add(1) }
	u.sweep.pending = false
	u.sweep.mu.Unlock()

	sweepAt := func(after time.Duration) bool {
		t.Helper()
		now = start.Add(after)
		swept := u.SweepLeftScreens()
		dfSettle(t, u)
		return swept
	}
	if sweepAt(time.Minute) || redraws.Load() != 0 {
		t.Fatal("the window redrew with no screen left")
	}

	start = now
	u.shell.openID(patientsModuleID) // the Calendar is left
	if sweepAt(sweepAfter-time.Second) || redraws.Load() != 0 {
		t.Fatalf("redrew %v after leaving the Calendar, before Fyne lets go of it (%v)", sweepAfter-time.Second, sweepAfter)
	}
	if !sweepAt(sweepAfter) || redraws.Load() != 1 {
		t.Fatalf("no redraw %v after leaving the Calendar (redraws %d)", sweepAfter, redraws.Load())
	}
	if sweepAt(2*sweepAfter) || redraws.Load() != 1 {
		t.Fatal("redrew again with nothing more left")
	}

	// Locking leaves the whole main window.
	start = now
	u.lock()
	dfSettle(t, u)
	if !sweepAt(sweepAfter) || redraws.Load() != 2 {
		t.Fatalf("no redraw after the lock (redraws %d)", redraws.Load())
	}
}
