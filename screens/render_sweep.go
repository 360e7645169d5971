package screens

import (
	"sync"
	"time"

	"clinicdesk/screens/rendercache"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Fyne drops the drawing state of a screen the desk has left (its
// renderers, and the widgets and data they hold) only on a frame in which
// something was redrawn, and its textures only when it redraws. A window
// left at rest redraws nothing, so the screens left just before it went
// quiet stayed in memory until something on show changed: in the bench's
// scripted day, a Patients screen and record, Referrals and Tasks were
// still held 35 s after the desk went quiet.

// renderSweep asks Fyne for one redraw once the screens left have
// outlived rendercache.Expiry, so it lets go of them.
type renderSweep struct {
	mu        sync.Mutex
	now       func() time.Time // Fyne's own clock is the wall clock
	changedAt time.Time        // when the window last showed something else
	pending   bool             // a change not swept since
	redraw    func()           // on the UI goroutine
}

// sweepAfter is how long after the last change the sweep redraws: once
// everything left then has expired (Fyne keeps a renderer rendercache's
// Expiry after it was last drawn).
var sweepAfter = rendercache.ExpiryDuration() + time.Second

func newRenderSweep(w fyne.Window) *renderSweep {
	// The redraw is of an object that is not on show: Fyne counts it as a
	// change, clears its (absent) texture and repaints one frame.
	mark := canvas.NewRectangle(nil)
	return &renderSweep{now: time.Now, redraw: func() { w.Canvas().Refresh(mark) }}
}

// changed notes that the window shows another screen, or the same one
// afresh.
func (s *renderSweep) changed() {
	if s == nil { // a window made without New, in tests
		return
	}
	s.mu.Lock()
	s.changedAt, s.pending = s.now(), true
	s.mu.Unlock()
}

// due reports whether a sweep is due now, and if so counts it done.
func (s *renderSweep) due() bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.pending || s.now().Sub(s.changedAt) < sweepAfter {
		return false
	}
	s.pending = false
	return true
}

// SweepLeftScreens lets Fyne drop the screens the desk has left, once
// they have expired, by asking for one redraw; Fyne drops them at its
// next clean, within ten seconds. Call it every few seconds from any
// goroutine: it does nothing, and says so, when nothing has changed.
func (u *UI) SweepLeftScreens() bool {
	if !u.sweep.due() {
		return false
	}
	fyne.Do(u.sweep.redraw)
	return true
}
