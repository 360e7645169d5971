package app

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"clinicdesk/data"
)

func TestGuessingWaitsLongerAfterFiveFailures(t *testing.T) {
	want := map[int]time.Duration{0: 0, 4: 0, 5: 2 * time.Second, 6: 4 * time.Second, 7: 8 * time.Second,
		12: 256 * time.Second, 13: maxSignInWait, 40: maxSignInWait, 1000: maxSignInWait}
	for n, d := range want {
		if got := signInDelay(n); got != d {
			t.Errorf("after %d wrong passwords the wait is %v, want %v", n, got, d)
		}
	}

	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	for i := 1; i <= 4; i++ {
		if err := c.SignIn("amanager", "wrong guess"); err != ErrWrongPassword {
			t.Fatalf("wrong password %d: %v", i, err)
		}
	}
	// The fifth wrong password is checked, and says the next try waits.
	err := c.SignIn("AManager ", "wrong guess")
	var we *SignInWaitError
	if !errors.As(err, &we) || !we.Checked || we.Wait != 2*time.Second || !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("fifth wrong password: %v", err)
	}
	// Too soon: refused unchecked, even with the right password, and it is
	// not a wrong password.
	now = now.Add(time.Second)
	err = c.SignIn("amanager", managerPassword)
	if !errors.As(err, &we) || we.Checked || we.Wait != time.Second || errors.Is(err, ErrWrongPassword) {
		t.Fatalf("a try one second later: %v", err)
	}
	if err.Error() != "too many wrong passwords for amanager: try again in 1 second" {
		t.Fatalf("message %q", err.Error())
	}
	if _, ok := c.Session(); ok {
		t.Fatal("a refused try signed in")
	}
	// Once the wait is over the next wrong password doubles it.
	now = now.Add(time.Second)
	if err := c.SignIn("amanager", "wrong again"); !errors.As(err, &we) || we.Wait != 4*time.Second {
		t.Fatalf("sixth wrong password: %v", err)
	}
	// The count is kept beside the clinic file, so a new process (a
	// command-line run) waits too.
	c.Close()
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	c2.now = func() time.Time { return now.Add(3 * time.Second) }
	if err := c2.SignIn("amanager", managerPassword); !errors.As(err, &we) || we.Wait != time.Second {
		t.Fatalf("a new process should wait too: %v", err)
	}
	// Then the right password works and the count starts again.
	c2.now = func() time.Time { return now.Add(4 * time.Second) }
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	log, _ := data.LoadSigninLog(data.SigninLogPath(path))
	if _, ok := log.Users["amanager"]; ok {
		t.Fatal("a right password should clear the count")
	}
	st, err := os.Stat(data.SigninLogPath(path))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the sign-in log should be 0600: %v", err)
	}
}

func TestThrottledTryIsRefusedBeforeTheKeyIsDerived(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	for i := 0; i < 12; i++ {
		c.SignIn("amanager", "wrong guess")
	}
	// A keyring that can no longer be read would fail any derivation: a
	// refused try never gets that far.
	c.keyring = nil
	var we *SignInWaitError
	if err := c.SignIn("amanager", managerPassword); !errors.As(err, &we) || we.Checked {
		t.Fatalf("expected a refusal before the key derivation, got %v", err)
	}
}

func TestThrottleDoesNotSayWhetherTheUserExists(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	var errs []string
	for _, name := range []string{"amanager", "nosuchuser"} {
		var last error
		for i := 0; i < 6; i++ {
			last = c.SignIn(name, "wrong guess")
		}
		errs = append(errs, strings.ReplaceAll(last.Error(), name, "NAME"))
	}
	if errs[0] != errs[1] || !strings.Contains(errs[0], "try again in 2 seconds") {
		t.Fatalf("an existing and a missing user are told apart: %q", errs)
	}
}

func TestQuietDayStartsTheCountAgain(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	for i := 0; i < 8; i++ {
		c.SignIn("amanager", "wrong guess")
	}
	now = now.Add(signInQuietReset)
	if err := c.SignIn("amanager", "one typo"); err != ErrWrongPassword {
		t.Fatalf("a day later one typo should be just a wrong password: %v", err)
	}
}

func TestSignInLogThatCannotBeWrittenKeepsNobodyOut(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	// A folder where the log should be: it can be neither read nor
	// replaced, as on a full or broken disk.
	if err := os.Mkdir(data.SigninLogPath(path), 0o700); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 7; i++ {
		c.SignIn("amanager", "wrong guess")
	}
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatalf("a log that cannot be kept must not keep the manager out: %v", err)
	}
}

func TestManagerSeesFailedSignIns(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "asmith", Receptionist)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	for i := 0; i < 6; i++ {
		c.SignIn("asmith", "wrong guess")
		now = now.Add(time.Second)
	}
	c.SignIn("asmith", "too soon") // refused: the wait is 4 s
	c.SignIn("admin", "guess")

	// A receptionist may not see them, and signing in does not clear them.
	now = now.Add(time.Hour)
	if err := c.SignIn("asmith", "staff-password-asmith"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UnseenFailedSignIns(); err == nil {
		t.Fatal("a receptionist was shown the failed sign-ins")
	}
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	f, err := c.UnseenFailedSignIns()
	if err != nil {
		t.Fatal(err)
	}
	if f.Tries() != 8 || len(f.Names) != 2 || f.Names[0].Username != "admin" || f.Names[1].Username != "asmith" {
		t.Fatalf("failed sign-ins: %+v", f)
	}
	a := f.Names[1]
	if a.Wrong != 6 || a.Refused != 1 || !a.First.Equal(time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)) || !a.Last.Equal(time.Date(2031, 2, 3, 9, 0, 6, 0, time.UTC)) {
		t.Fatalf("asmith: %+v", a)
	}
	// A try after the list was read is kept for the next manager.
	log, _ := data.LoadSigninLog(data.SigninLogPath(path))
	log.Unseen = append(log.Unseen, data.SigninEvent{Username: "asmith", At: now.Add(time.Minute)})
	log.Save(data.SigninLogPath(path))
	if err := c.MarkFailedSignInsSeen(f); err != nil {
		t.Fatal(err)
	}
	again, _ := c.UnseenFailedSignIns()
	if again.Tries() != 1 {
		t.Fatalf("after being seen: %+v", again)
	}
	if got := strings.Join(auditActions(t, c), ","); !strings.Contains(got, "amanager failures.seen") || !strings.Contains(got, "asmith sign_in_failed") {
		t.Fatalf("audit: %s", got)
	}
}

func TestWaitTextSaysItAsAPersonWould(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "1 second", 300 * time.Millisecond: "1 second", 2 * time.Second: "2 seconds", 30 * time.Second: "30 seconds",
		60 * time.Second: "1 minute", 61 * time.Second: "1 minute 1 second", 256 * time.Second: "4 minutes 16 seconds",
		5 * time.Minute: "5 minutes",
	} {
		if got := WaitText(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

func TestLockedScreenIsNoWayRoundTheWait(t *testing.T) {
	c, _, _ := newClinic(t)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	c.Lock()
	for i := 0; i < 5; i++ {
		c.Unlock("a wrong guess")
	}
	var we *SignInWaitError
	if err := c.Unlock(managerPassword); !errors.As(err, &we) || we.Checked || we.Username != "amanager" {
		t.Fatalf("unlocking too soon after five wrong passwords: %v", err)
	}
	if s, _ := c.Session(); !s.Locked {
		t.Fatal("a refused unlock unlocked")
	}
	now = now.Add(2 * time.Second)
	if err := c.Unlock(managerPassword); err != nil {
		t.Fatalf("after the wait: %v", err)
	}
}
