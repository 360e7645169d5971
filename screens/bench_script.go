package screens

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// BenchScript is a stretch of ordinary desk use that `clinicdesk bench`
// plays in the real window (CLINICDESK_BENCH_SCRIPT), so that the memory
// it reports is the window's: sign in, then rounds of every screen,
// searches and records, days and weeks on, and a lock and unlock.
type BenchScript struct {
	User, Password string
	Searches       []string // what the desk types in the search box
	Rounds         int
	// Mark is called off the UI goroutine at each measuring point:
	// "unlock" once signed in and settled, "round N" after each round.
	Mark func(stage string)
}

// benchPause lets a step's background reads finish and the window draw
// what they found (several frames) before the next step.
var benchPause = 250 * time.Millisecond

// benchSettle is the pause after the last round before the "settled"
// measure, as when the desk pauses: long enough for the window to have
// Fyne drop the screens left (render_sweep.go: a redraw 13 to 23 s after
// the last change, Fyne's clean within 10 s after it) and to collect and
// give back what they held (gui_memory.go, 12 s after the redraw).
var benchSettle = 45 * time.Second

// RunBenchScript plays the script and then closes the window. It blocks:
// call it on its own goroutine while the app runs.
func (u *UI) RunBenchScript(s BenchScript) error {
	if err := u.benchWait("the sign-in screen", func() bool { return u.state == uiLogin && u.login != nil }); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		u.login.username.SetText(s.User)
		u.login.password.SetText(s.Password)
		u.login.onSignIn()
	})
	if err := u.benchWaitMain(); err != nil {
		return err
	}
	time.Sleep(2 * time.Second) // the first screen's reads and drawing
	s.Mark("unlock")
	for r := 1; r <= s.Rounds; r++ {
		if err := u.benchRound(s, r); err != nil {
			return err
		}
		s.Mark(fmt.Sprintf("round %d", r))
	}
	time.Sleep(benchSettle)
	s.Mark("settled")
	fyne.DoAndWait(u.requestClose)
	return nil
}

// benchRound opens every screen in turn, doing on each what the desk
// does there, then locks and unlocks.
func (u *UI) benchRound(s BenchScript, round int) error {
	var n int
	u.benchDo(func(sh *shellScreen) { n = len(sh.modules) })
	for i := 0; i < n; i++ {
		var shown fyne.CanvasObject
		u.benchDo(func(sh *shellScreen) { sh.openIndex(i); shown = sh.shownContent() })
		time.Sleep(benchPause)
		switch shown.(type) {
		case *patientsScreen:
			u.benchPatients(s.Searches, round)
		case *calendarScreen:
			u.benchCalendar()
		case *todayScreen:
			u.benchToday()
		}
	}
	u.benchDo(func(*shellScreen) { u.lock() })
	time.Sleep(benchPause)
	if err := u.benchWait("the lock screen", func() bool { return u.state == uiLocked && u.lockView != nil }); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		u.lockView.password.SetText(s.Password)
		u.lockView.onUnlock()
	})
	if err := u.benchWaitMain(); err != nil {
		return err
	}
	time.Sleep(benchPause)
	return nil
}

// benchPatients searches four times (different names each round) and
// opens the first patient found each time.
func (u *UI) benchPatients(searches []string, round int) {
	for k := 0; k < 4 && len(searches) > 0; k++ {
		q := searches[(4*round+k)%len(searches)]
		u.benchDo(func(sh *shellScreen) { sh.findPatient(q) })
		time.Sleep(benchPause)
		u.benchDo(func(sh *shellScreen) {
			if ps, ok := sh.shownContent().(*patientsScreen); ok && len(ps.results) > 0 {
				ps.openRecord(ps.results[0].ID)
			}
		})
		time.Sleep(benchPause)
	}
	u.benchDo(func(sh *shellScreen) { sh.findPatient("") })
}

// benchCalendar moves through the coming days, looks at two weeks and
// comes back to today.
func (u *UI) benchCalendar() {
	calendar := func(f func(*calendarScreen)) {
		u.benchDo(func(sh *shellScreen) {
			if cs, ok := sh.shownContent().(*calendarScreen); ok {
				f(cs)
			}
		})
		time.Sleep(benchPause)
	}
	for d := 0; d < 5; d++ {
		calendar(func(cs *calendarScreen) { cs.step(1) })
	}
	calendar(func(cs *calendarScreen) { cs.setMode(calendarWeek) })
	calendar(func(cs *calendarScreen) { cs.step(1) })
	calendar(func(cs *calendarScreen) { cs.setMode(calendarDay) })
	calendar(func(cs *calendarScreen) { cs.goToday() })
}

// benchToday looks at the next three days' lists and back to today's.
func (u *UI) benchToday() {
	for _, ahead := range []int{1, 2, 3, 0} {
		u.benchDo(func(sh *shellScreen) {
			if ts, ok := sh.shownContent().(*todayScreen); ok {
				ts.showDayAhead(ahead)
			}
		})
		time.Sleep(benchPause)
	}
}

// benchDo runs f on the UI goroutine with the main window's shell, as
// the desk's own keys and clicks would (they count as activity, so the
// idle lock does not step in), if the window is still signed in.
func (u *UI) benchDo(f func(*shellScreen)) {
	fyne.DoAndWait(func() {
		if u.state == uiMain && u.shell != nil {
			u.noteActivity()
			f(u.shell)
		}
	})
}

// benchWaitMain waits for the main window after a sign-in or unlock,
// saying why the password was refused if it was.
func (u *UI) benchWaitMain() error {
	return u.benchWaitFor("the main window", func() (bool, error) {
		for _, l := range []*widget.Label{u.benchLoginMessage(), u.benchLockMessage()} {
			if u.state != uiMain && l != nil && l.Visible() && l.Text != "" {
				return false, errors.New("the window did not sign in: " + l.Text)
			}
		}
		return u.state == uiMain && u.shell != nil, nil
	})
}

func (u *UI) benchLoginMessage() *widget.Label {
	if u.login == nil {
		return nil
	}
	return u.login.message
}

func (u *UI) benchLockMessage() *widget.Label {
	if u.lockView == nil {
		return nil
	}
	return u.lockView.message
}

func (u *UI) benchWait(what string, ready func() bool) error {
	return u.benchWaitFor(what, func() (bool, error) { return ready(), nil })
}

// benchWaitFor polls the window (on the UI goroutine) until ready says
// so, for at most two minutes: Argon2id and a large clinic's first reads.
func (u *UI) benchWaitFor(what string, ready func() (bool, error)) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		var ok bool
		var err error
		fyne.DoAndWait(func() { ok, err = ready() })
		if ok || err != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("the window did not show %s within two minutes", what)
}
