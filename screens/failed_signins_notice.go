package screens

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Failed sign-ins are audited, but nobody reads the audit trail every
// morning: so the next practice manager to sign in is told how many tries
// failed, for whom and when, until one of them presses "I have seen
// these". The tries come from the sign-in log beside the clinic file, so
// those made through the command line are shown too.

// signInSeen is one sign-in: who, and when. The window keeps the one it
// last looked at (UI.failedSignInsTold), so that unlocking or reloading
// the main window does not look again.
type signInSeen struct {
	userID string
	at     time.Time
}

// tellAboutFailedSignIns runs each time the main window is shown: the
// first time after a manager signs in, it shows any failed sign-ins no
// manager has yet seen.
func tellAboutFailedSignIns(u *UI) {
	sh := u.shell
	s, ok := u.clinic.Session()
	if !ok || s.Locked || sh == nil {
		return
	}
	this := signInSeen{s.User.ID, s.SignedIn}
	if told := u.failedSignInsTold; told.userID == this.userID && told.at.Equal(this.at) {
		return
	}
	u.failedSignInsTold = this
	if !s.Role.Can(app.PermSecurity) {
		return
	}
	// Read here, not in the background: it is one small file, and a job
	// still running when the window changes would outlive its screen.
	f, err := u.clinic.UnseenFailedSignIns()
	switch {
	case err != nil:
		// Not knowing must not look like none: the manager is told.
		sh.showError(fmt.Errorf("the failed sign-ins since you last signed in could not be read: %w", err))
	case f.Tries() > 0:
		showFailedSignInsNotice(sh, f)
	}
}

// failedSignInsNotice is the dialog.
type failedSignInsNotice struct {
	d       dialog.Dialog
	summary *widget.Label
	list    *widget.Label
	lines   []string
	seenBtn *widget.Button
	message *widget.Label
}

func showFailedSignInsNotice(sh *shellScreen, f app.FailedSignIns) *failedSignInsNotice {
	n := &failedSignInsNotice{lines: failedSignInsLines(f)}
	n.summary = wrapped(failedSignInsSummary(f))
	n.list = wrapped("• " + strings.Join(n.lines, "\n• "))
	advice := wrapped("If these were not your own staff mistyping, someone may be guessing passwords: " +
		"ask the people named whether it was them, and have them change their passwords if not. " +
		"Each failed try is also in the audit trail. After five wrong passwords for a name, ClinicDesk makes each further try wait longer.")
	n.message = errorText()
	body := container.NewVBox(n.summary, n.list, advice, n.message)
	n.seenBtn = widget.NewButton("I have seen these", nil)
	n.seenBtn.Importance = widget.HighImportance
	later := widget.NewButton("Remind me next time", nil)
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), later, n.seenBtn), nil, nil,
		container.NewVScroll(body))
	n.d = dialog.NewCustomWithoutButtons("Failed sign-ins", content, sh.ctx.Window)
	n.seenBtn.OnTapped = func() {
		// Seen by this manager: recorded in the audit trail, and not
		// shown again (tries made since stay for the next manager).
		if err := sh.ui.clinic.MarkFailedSignInsSeen(f); err != nil {
			say(n.message, widget.DangerImportance, sentence(err.Error()))
			return
		}
		n.d.Hide()
	}
	later.OnTapped = n.d.Hide
	n.d.Show()
	// As tall as the words need at 600 wide (wrapped labels know their
	// height only once their width is set), and a long list scrolls
	// rather than run off the window.
	const width, sides = 600, 32
	for range 2 {
		body.Resize(fyne.NewSize(width-sides, body.MinSize().Height))
	}
	h := body.MinSize().Height + n.seenBtn.MinSize().Height + 90
	if sz := sh.ctx.Window.Canvas().Size(); !sz.IsZero() {
		h = min(h, sz.Height-80)
	}
	n.d.Resize(fyne.NewSize(width, h))
	return n
}

// failedSignInsSummary is the first line: how many, since when.
func failedSignInsSummary(f app.FailedSignIns) string {
	var first time.Time
	for _, u := range f.Names {
		if first.IsZero() || u.First.Before(first) {
			first = u.First
		}
	}
	who := "1 user name"
	if len(f.Names) != 1 {
		who = fmt.Sprintf("%d user names", len(f.Names))
	}
	s := fmt.Sprintf("There have been %s to sign in to ClinicDesk, for %s, since %s.",
		countOf(f.Tries(), "failed try", "failed tries"), who, whenExactly(first))
	if f.Dropped > 0 {
		s += fmt.Sprintf(" (%s are no longer listed, to keep the log small.)", countOf(f.Dropped, "older try", "older tries"))
	}
	return s
}

// failedSignInsLines says, for each name, how many tries and when.
func failedSignInsLines(f app.FailedSignIns) []string {
	var lines []string
	for _, u := range f.Names {
		what := countOf(u.Wrong, "wrong password", "wrong passwords")
		switch {
		case u.Wrong == 0:
			what = countOf(u.Refused, refusedOne, refusedMany)
		case u.Refused > 0:
			what += ", and " + countOf(u.Refused, refusedOne, refusedMany)
		}
		var when string
		switch first, last := u.First, u.Last; {
		case first.Equal(last):
			when = "at " + whenExactly(last)
		case sameDay(first, last):
			when = "on " + ukcal.WallDate(first).LongWithDay() + " from " + ukcal.WallClock(first) + " to " + ukcal.WallClock(last)
		default:
			when = "from " + whenExactly(first) + " to " + whenExactly(last)
		}
		lines = append(lines, fmt.Sprintf("%s: %s, %s", u.Username, what, when))
	}
	return lines
}

// whenExactly is a time as a receptionist would write it in the day book:
// "09:05 on Monday 3 February 2031" (no "today": the notice may be read
// days later).
func whenExactly(t time.Time) string {
	return ukcal.WallClock(t) + " on " + ukcal.WallDate(t).LongWithDay()
}

// A refused try came before the wait after too many wrong passwords was
// over: its password was never looked at.
const (
	refusedOne  = "try turned away because it came before the wait was over"
	refusedMany = "tries turned away because they came before the wait was over"
)

func sameDay(a, b time.Time) bool {
	return ukcal.WallDate(a) == ukcal.WallDate(b)
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
