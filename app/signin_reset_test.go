package app

import (
	"errors"
	"testing"
	"time"
)

// Item 16: a password reset by a manager, or a new one set with the
// recovery key, starts without the wait earned by the wrong guesses.
func TestNewPasswordStartsWithoutTheWait(t *testing.T) {
	c, path, recovery := newClinic(t)
	clerk := addUser(t, c, "waiter", Receptionist)
	c = reopen(t, c, path)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	guess := func(user string) {
		for i := 0; i < 6; i++ {
			c.SignIn(user, "wrong guess")
		}
	}
	guess("waiter")
	guess("amanager")
	if err := c.RecoverAccess(recovery, "amanager", "manager password two"); err != nil {
		t.Fatal(err)
	}
	if err := c.ResetPassword(clerk.ID, "waiter password two"); err != nil {
		t.Fatal(err)
	}
	var we *SignInWaitError
	if err := c.SignIn("waiter", "waiter password two"); errors.As(err, &we) || err != nil {
		t.Fatalf("after a reset the clerk still waits: %v", err)
	}
	if err := c.SignIn("amanager", "manager password two"); err != nil {
		t.Fatalf("after the recovery key the manager still waits: %v", err)
	}
}
