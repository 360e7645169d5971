package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/data"
)

// Guessing is slowed, never stopped (NCSC: throttle rather than lock out,
// so that nobody can lock a colleague out by typing their name wrong on
// purpose). The first few wrong passwords for a login name cost nothing
// more; after that each try must wait twice as long as the last, up to a
// cap, and a try that comes too soon is refused before the Argon2id work,
// so it is cheap. The state is kept in the sign-in log beside the clinic
// file (data.SigninLogPath) because each command-line run is a new process
// and the database cannot be read before a password is right.
const (
	freeSignInTries = 5
	firstSignInWait = 2 * time.Second
	maxSignInWait   = 5 * time.Minute
	// A name that has not failed for this long starts again from nothing,
	// so a typo of last month costs no wait today.
	signInQuietReset = 24 * time.Hour
)

// signInDelay is how long after the last of n wrong passwords in a row the
// next try must wait: nothing for the first few, then 2 s doubling to the cap.
func signInDelay(n int) time.Duration {
	if n < freeSignInTries {
		return 0
	}
	d := firstSignInWait
	for i := freeSignInTries; i < n && d < maxSignInWait; i++ {
		d *= 2
	}
	return min(d, maxSignInWait)
}

// foldLogin is a login name as the keyring folds it, so that "ASmith" and
// "asmith " share one count.
func foldLogin(username string) string { return strings.ToLower(strings.TrimSpace(username)) }

// signInThrottle applies the rule to one loaded sign-in log. It is pure:
// the clock is passed in.
type signInThrottle struct{ log *data.SigninLog }

// wait is how long username must still wait before a try is checked.
func (t signInThrottle) wait(username string, now time.Time) time.Duration {
	f, ok := t.log.Users[foldLogin(username)]
	if !ok || now.Sub(f.Last) >= signInQuietReset {
		return 0
	}
	return max(0, f.Last.Add(signInDelay(f.Count)).Sub(now))
}

// failed counts a wrong password (or, refused, a try turned away unchecked,
// which is shown to the manager but does not lengthen the wait) and returns
// the wait before the next try.
func (t signInThrottle) failed(username string, now time.Time, refused bool) time.Duration {
	name := foldLogin(username)
	t.log.Unseen = append(t.log.Unseen, data.SigninEvent{Username: name, At: now.UTC(), Refused: refused})
	if refused {
		return t.wait(name, now)
	}
	if t.log.Users == nil {
		t.log.Users = map[string]data.SigninFailures{}
	}
	f := t.log.Users[name]
	if now.Sub(f.Last) >= signInQuietReset {
		f.Count = 0
	}
	f.Count++
	f.Last = now.UTC()
	t.log.Users[name] = f
	return t.wait(name, now)
}

// succeeded forgets username's run of failures (not what the manager has
// still to be shown).
func (t signInThrottle) succeeded(username string) bool {
	name := foldLogin(username)
	if _, ok := t.log.Users[name]; !ok {
		return false
	}
	delete(t.log.Users, name)
	return true
}

// SignInWaitError: there have been too many wrong passwords for Username,
// so the next try waits. Checked is true when this try's password was
// checked and was wrong (it then is also ErrWrongPassword); false when the
// try was refused unchecked because it came too soon.
type SignInWaitError struct {
	Username string
	Wait     time.Duration
	Checked  bool
}

func (e *SignInWaitError) Error() string {
	if e.Checked {
		return fmt.Sprintf("wrong user name or password; there have been too many wrong passwords for %s: wait %s before the next try", e.Username, WaitText(e.Wait))
	}
	return fmt.Sprintf("too many wrong passwords for %s: try again in %s", e.Username, WaitText(e.Wait))
}

// Unwrap makes a checked try ErrWrongPassword; a refused one was not a
// wrong password (it was never looked at).
func (e *SignInWaitError) Unwrap() error {
	if e.Checked {
		return ErrWrongPassword
	}
	return nil
}

// WaitText says a wait the way a person would: "30 seconds", "1 minute",
// "4 minutes 16 seconds" (rounded up to the second, never "0 seconds").
func WaitText(d time.Duration) string {
	s := max(1, int((d+time.Second-1)/time.Second))
	unit := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	switch {
	case s < 60:
		return unit(s, "second")
	case s%60 == 0:
		return unit(s/60, "minute")
	}
	return unit(s/60, "minute") + " " + unit(s%60, "second")
}

// The three calls SignIn and Unlock make, under c.mu. The sign-in log is
// read afresh each time, so a command-line run and the open app share one
// count. A log that cannot be read or written never keeps anyone out (a
// full disk must still let a manager in to back up): it is then as if
// empty, and the try goes on to the password check.

// signInRefused is called before the Argon2id work: it returns a
// *SignInWaitError, and records the refused try, when username must wait.
// It says the same whether or not the user exists.
func (c *Clinic) signInRefused(username string) error {
	path := data.SigninLogPath(c.path)
	log, _ := data.LoadSigninLog(path)
	t, now := signInThrottle{&log}, c.clock()
	wait := t.wait(username, now)
	if wait <= 0 {
		return nil
	}
	t.failed(username, now, true)
	log.Save(path)
	return &SignInWaitError{Username: strings.TrimSpace(username), Wait: wait}
}

// signInFailed is called with the error of a password check. A wrong
// password is counted; the error to return is err, or a *SignInWaitError
// (still ErrWrongPassword) when the next try must wait.
func (c *Clinic) signInFailed(username string, err error) error {
	if !errors.Is(err, ErrWrongPassword) {
		return err
	}
	path := data.SigninLogPath(c.path)
	log, _ := data.LoadSigninLog(path)
	wait := signInThrottle{&log}.failed(username, c.clock(), false)
	log.Save(path)
	if wait > 0 {
		return &SignInWaitError{Username: strings.TrimSpace(username), Wait: wait, Checked: true}
	}
	return err
}

// signInSucceeded clears username's run of failures.
func (c *Clinic) signInSucceeded(username string) {
	path := data.SigninLogPath(c.path)
	log, err := data.LoadSigninLog(path)
	if err == nil && (signInThrottle{&log}).succeeded(username) {
		log.Save(path)
	}
}

// FailedSignIns is what the next practice manager to sign in is shown:
// the failed tries since a manager last saw them, one line per login name
// (names that do not exist included: someone trying "admin" is news too).
type FailedSignIns struct {
	Names []FailedSignInsFor
	// Dropped: older tries no longer kept, to keep the log small.
	Dropped int
	// upTo is the newest try shown, so that marking them seen keeps any
	// that come in meanwhile.
	upTo time.Time
}

// FailedSignInsFor is one login name's failed tries.
type FailedSignInsFor struct {
	Username    string
	Wrong       int // passwords checked and wrong
	Refused     int // tries turned away unchecked while it had to wait
	First, Last time.Time
}

// Tries is every failed try shown, wrong or refused.
func (f FailedSignIns) Tries() int {
	n := f.Dropped
	for _, u := range f.Names {
		n += u.Wrong + u.Refused
	}
	return n
}

// UnseenFailedSignIns lists the failed sign-ins no manager has yet been
// shown, the name with the most recent try first. Managers only.
func (c *Clinic) UnseenFailedSignIns() (FailedSignIns, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSecurity); err != nil {
		return FailedSignIns{}, err
	}
	log, _ := data.LoadSigninLog(data.SigninLogPath(c.path))
	out := FailedSignIns{Dropped: log.UnseenDropped}
	byName := map[string]*FailedSignInsFor{}
	for _, e := range log.Unseen {
		u := byName[e.Username]
		if u == nil {
			u = &FailedSignInsFor{Username: e.Username, First: e.At}
			byName[e.Username] = u
		}
		if e.Refused {
			u.Refused++
		} else {
			u.Wrong++
		}
		u.First, u.Last = minTime(u.First, e.At), maxTime(u.Last, e.At)
		out.upTo = maxTime(out.upTo, e.At)
	}
	for _, u := range byName {
		out.Names = append(out.Names, *u)
	}
	sort.Slice(out.Names, func(i, j int) bool {
		a, b := out.Names[i], out.Names[j]
		if !a.Last.Equal(b.Last) {
			return a.Last.After(b.Last)
		}
		return a.Username < b.Username
	})
	return out, nil
}

// MarkFailedSignInsSeen forgets the tries f showed (not any newer) and
// notes in the audit trail which manager saw them. Managers only.
func (c *Clinic) MarkFailedSignInsSeen(f FailedSignIns) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSecurity)
	if err != nil {
		return err
	}
	path := data.SigninLogPath(c.path)
	log, _ := data.LoadSigninLog(path)
	kept := log.Unseen[:0]
	for _, e := range log.Unseen {
		if e.At.After(f.upTo) {
			kept = append(kept, e)
		}
	}
	log.Unseen, log.UnseenDropped = kept, 0
	if err := log.Save(path); err != nil {
		return fmt.Errorf("could not note that the failed sign-ins were seen: %w", err)
	}
	return c.auditLocked(audit.Entry{Username: s.User.Username, Action: "failures.seen", Entity: "user",
		EntityID: s.User.ID, Detail: fmt.Sprintf("tries=%d", f.Tries())})
}

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
