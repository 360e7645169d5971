package screens

import (
	"testing"
	"time"
)

func TestLoginSaysHowLongToWaitAfterTooManyWrongPasswords(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
	u.clinic.SetClock(func() time.Time { return now })
	for i := 1; i <= 4; i++ {
		fdTry(u, "rhys", "a wrong guess")
		if u.login.message.Text != "Wrong user name or password." {
			t.Fatalf("wrong password %d: %q", i, u.login.message.Text)
		}
	}
	fdTry(u, "rhys", "a wrong guess")
	if want := "Wrong user name or password. There have been too many wrong passwords for rhys: wait 2 seconds before the next try."; u.login.message.Text != want {
		t.Fatalf("fifth wrong password: %q", u.login.message.Text)
	}
	// Too soon, even with the right password: refused, and it says how long.
	now = now.Add(time.Second)
	fdTry(u, "rhys", "kettle bramble quartz ferry")
	if want := "Too many wrong passwords for rhys: try again in 1 second."; u.login.message.Text != want || u.state != uiLogin {
		t.Fatalf("too soon: state %v, %q", u.state, u.login.message.Text)
	}
	// A name that does not exist is told the same, so the wait gives
	// nothing away.
	for i := 0; i < 6; i++ {
		fdTry(u, "rhyss", "a wrong guess")
	}
	if want := "Too many wrong passwords for rhyss: try again in 2 seconds."; u.login.message.Text != want {
		t.Fatalf("a name that does not exist: %q", u.login.message.Text)
	}
	// Once the wait is over the right password signs in.
	now = now.Add(time.Second)
	fdTry(u, "rhys", "kettle bramble quartz ferry")
	if u.state != uiMain {
		t.Fatalf("after the wait: %q", u.login.message.Text)
	}
}
