package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"clinicdesk/data"
)

// Guessing through the command line waits like the sign-in screen (issue
// 11 item 16): each run is a new process, and the count is kept beside
// the clinic file. A try that comes too soon is refused unchecked with
// exit 1 (it is not a wrong password: it was never looked at) and says
// how long to wait.
func TestCommandLineGuessingWaitsAndSaysHowLong(t *testing.T) {
	db := initClinic(t)
	now := time.Date(2031, 6, 2, 9, 0, 0, 0, time.UTC)
	try := func(password string) result {
		var out, errb bytes.Buffer
		code := Run([]string{"verify", "--db", db, "--user", "manager", "--password-stdin"},
			Env{Stdin: strings.NewReader(password + "\n"), Stdout: &out, Stderr: &errb, Now: func() time.Time { return now }})
		return result{code, out.String(), errb.String()}
	}
	for i := 1; i <= 4; i++ {
		if r := try("a guess"); r.code != ExitWrongAuth || strings.Contains(r.stderr, "wait") {
			t.Fatalf("guess %d: %+v", i, r)
		}
	}
	if r := try("a guess"); r.code != ExitWrongAuth || !strings.Contains(r.stderr, "wait 2 seconds before the next try") {
		t.Fatalf("fifth guess: %+v", r)
	}
	now = now.Add(time.Second)
	r := try(pw)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "too many wrong passwords for manager: try again in 1 second") {
		t.Fatalf("too soon: %+v", r)
	}
	now = now.Add(time.Second)
	if r := try(pw); r.code != ExitOK {
		t.Fatalf("after the wait the right password works: %+v", r)
	}
	st, err := os.Stat(data.SigninLogPath(db))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the sign-in log beside the clinic file should be 0600: %v", err)
	}
}
