package screens

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// testRunner is the Runner the tests give the screens. Left alone it
// behaves as the window's (fyne.Do, which the test driver runs on the
// worker's goroutine); once a test holds results (tpHoldResults), each
// result waits until the test shows it on its own goroutine, standing in
// for the UI goroutine, so no widget changes while the test looks at it.
type testRunner struct {
	mu      sync.Mutex
	hold    bool
	pending int      // work started whose result has not been shown yet
	ready   []func() // results held for the test, their work done
}

// tpRun is every test's Runner: give it in Options or a Context.
var tpRun = &testRunner{}

func (r *testRunner) Run(work, show func()) {
	r.mu.Lock()
	r.pending++
	r.mu.Unlock()
	go func() {
		work()
		r.mu.Lock()
		if r.hold {
			r.ready = append(r.ready, show)
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()
		fyne.Do(func() {
			defer r.shown()
			show()
		})
	}()
}

func (r *testRunner) shown() {
	r.mu.Lock()
	r.pending--
	r.mu.Unlock()
}

// busy is how many results have not been shown yet.
func (r *testRunner) busy() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pending
}

// showAll waits, with a generous deadline, until all work started has
// finished and every result has been shown, including the results of
// work those results started. It reports false if it gave up.
func (r *testRunner) showAll() bool {
	deadline := time.Now().Add(time.Minute)
	for {
		r.mu.Lock()
		if r.pending == 0 {
			r.mu.Unlock()
			return true
		}
		var fns []func()
		if len(r.ready) == r.pending {
			fns, r.ready = r.ready, nil
		}
		r.mu.Unlock()
		if fns != nil {
			for _, f := range fns {
				f()
				r.shown()
			}
			continue
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// takeHeld hands the held results to the test, to show in an order of its
// choosing; each counts as shown once called.
func (r *testRunner) takeHeld() []func() {
	r.mu.Lock()
	defer r.mu.Unlock()
	fns := make([]func(), len(r.ready))
	for i, f := range r.ready {
		fns[i] = func() {
			defer r.shown()
			f()
		}
	}
	r.ready = nil
	return fns
}

// held is how many results wait for the test.
func (r *testRunner) held() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.ready)
}

// tpHoldResults makes every result of background work wait for tpIdle
// (or settle), for the rest of the test. It returns tpRun, for Options.
func tpHoldResults(t *testing.T) Runner {
	t.Helper()
	tpRun.mu.Lock()
	tpRun.hold = true
	tpRun.mu.Unlock()
	t.Cleanup(func() {
		tpRun.mu.Lock()
		defer tpRun.mu.Unlock()
		tpRun.hold = false
		// Each result never shown is work still counted: drop the count
		// with it, or every later test waits for it in vain.
		tpRun.pending -= len(tpRun.ready)
		tpRun.ready = nil
	})
	return tpRun
}

// tpIdle waits until every job sent off the UI goroutine has finished
// and its result has been shown.
func tpIdle(t *testing.T) {
	t.Helper()
	if !tpRun.showAll() {
		t.Fatalf("gave up waiting for %d background jobs", tpRun.busy())
	}
}

// settle is tpIdle for the window's tests.
func (u *UI) settle() {
	if !tpRun.showAll() {
		panic("gave up waiting for background work")
	}
}

// A held result shows only when the test asks, and once.
func TestHeldResultsWaitForTheTest(t *testing.T) {
	r := tpHoldResults(t)
	shown := 0
	r.Run(func() {}, func() { shown++ })
	time.Sleep(20 * time.Millisecond)
	if shown != 0 {
		t.Fatal("a held result showed before the test asked")
	}
	tpIdle(t)
	tpIdle(t)
	if shown != 1 {
		t.Fatalf("the result showed %d times, want once", shown)
	}
}
