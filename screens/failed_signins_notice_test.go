package screens

import (
	"testing"
	"time"

	"clinicdesk/app"
)

func TestManagerSeesFailedSignIns(t *testing.T) {
	u, _ := fdOpenForLogin(t)
	now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC) // 09:00 in London in February
	u.clinic.SetClock(func() time.Time { return now })
	for i := 0; i < 6; i++ {
		fdTry(u, "rhys", "a wrong guess")
		now = now.Add(time.Minute)
	}
	fdTry(u, "admin", "password1")

	// A receptionist is not shown them.
	fdTry(u, "rhys", "kettle bramble quartz ferry")
	if u.state != uiMain || fdShows(u.Window(), "I have seen these") {
		t.Fatalf("receptionist: state %v, shown the failed sign-ins", u.state)
	}
	u.signOut()

	// The next manager is: how many, for whom and when.
	fdTry(u, "sjones", fdPassword)
	w := u.Window()
	if u.state != uiMain || !fdShows(w, "I have seen these") {
		t.Fatalf("no notice for the manager: state %v", u.state)
	}
	want := []string{
		"There have been 7 failed tries to sign in to ClinicDesk, for 2 user names, since 09:00 on Monday 3 February 2031.",
		"admin: 1 wrong password, at 09:06 on Monday 3 February 2031",
		"rhys: 6 wrong passwords, on Monday 3 February 2031 from 09:00 to 09:05",
	}
	for _, s := range want {
		if !fdSays(w, s) {
			t.Errorf("the notice does not say %q", s)
		}
	}
	tcTap(t, w, "I have seen these")
	if fdShows(w, "I have seen these") {
		t.Fatal("the notice stayed open after \"I have seen these\"")
	}
	if f, err := u.clinic.UnseenFailedSignIns(); err != nil || f.Tries() != 0 {
		t.Fatalf("still unseen after being seen: %+v %v", f, err)
	}

	// Seen once is enough: the next manager sign-in shows nothing.
	u.signOut()
	fdTry(u, "sjones", fdPassword)
	if fdShows(w, "I have seen these") {
		t.Fatal("the same failed sign-ins were shown twice")
	}
}

func TestFailedSignInsNoticeSaysRefusedTries(t *testing.T) {
	at := time.Date(2031, 7, 1, 8, 30, 0, 0, time.UTC) // 09:30 in London in summer
	f := app.FailedSignIns{Names: []app.FailedSignInsFor{
		{Username: "asmith", Wrong: 9, Refused: 1, First: at, Last: at.Add(26 * time.Hour)},
		{Username: "bob", Refused: 2, First: at, Last: at},
	}}
	lines := failedSignInsLines(f)
	if lines[0] != "asmith: 9 wrong passwords, and 1 try turned away because it came before the wait was over, from 09:30 on Tuesday 1 July 2031 to 11:30 on Wednesday 2 July 2031" {
		t.Errorf("%q", lines[0])
	}
	if lines[1] != "bob: 2 tries turned away because they came before the wait was over, at 09:30 on Tuesday 1 July 2031" {
		t.Errorf("%q", lines[1])
	}
}
