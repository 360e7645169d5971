package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSigninLogSurvivesBetweenRunsOwnerOnly(t *testing.T) {
	path := SigninLogPath(filepath.Join(t.TempDir(), "clinic.db"))
	l, err := LoadSigninLog(path)
	if err != nil || len(l.Users) != 0 || len(l.Unseen) != 0 {
		t.Fatalf("a missing log should be empty: %+v %v", l, err)
	}
	at := time.Date(2030, 3, 4, 9, 30, 0, 0, time.UTC)
	l.Users = map[string]SigninFailures{"asmith": {Count: 6, Last: at}}
	l.Unseen = []SigninEvent{{Username: "asmith", At: at}, {Username: "asmith", At: at.Add(time.Second), Refused: true}}
	if err := l.Save(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the sign-in log should be 0600: %v %v", st.Mode(), err)
	}
	again, err := LoadSigninLog(path)
	if err != nil || again.Users["asmith"].Count != 6 || !again.Users["asmith"].Last.Equal(at) || len(again.Unseen) != 2 || !again.Unseen[1].Refused {
		t.Fatalf("read back %+v %v", again, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func TestDamagedSigninLogReadsAsEmptyAndSaysSo(t *testing.T) {
	path := SigninLogPath(filepath.Join(t.TempDir(), "clinic.db"))
	for _, junk := range []string{"", "{not json", `{"format":7}`} {
		os.WriteFile(path, []byte(junk), 0o600)
		l, err := LoadSigninLog(path)
		if !errors.Is(err, ErrSigninLogDamaged) || len(l.Users) != 0 || len(l.Unseen) != 0 {
			t.Fatalf("%q: %+v %v", junk, l, err)
		}
		if err := l.Save(path); err != nil {
			t.Fatalf("a damaged log should be replaced: %v", err)
		}
		if _, err := LoadSigninLog(path); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSigninLogStaysSmallWhateverNamesAreTried(t *testing.T) {
	path := SigninLogPath(filepath.Join(t.TempDir(), "clinic.db"))
	l := SigninLog{Users: map[string]SigninFailures{}}
	at := time.Date(2030, 3, 4, 9, 30, 0, 0, time.UTC)
	for i := 0; i < MaxUnseenSignins+50; i++ {
		name := fmt.Sprintf("guess%d", i)
		l.Users[name] = SigninFailures{Count: 1, Last: at.Add(time.Duration(i) * time.Second)}
		l.Unseen = append(l.Unseen, SigninEvent{Username: name, At: at.Add(time.Duration(i) * time.Second)})
	}
	if err := l.Save(path); err != nil {
		t.Fatal(err)
	}
	got, _ := LoadSigninLog(path)
	if len(got.Unseen) != MaxUnseenSignins || got.UnseenDropped != 50 || got.Unseen[0].Username != "guess50" {
		t.Fatalf("unseen %d dropped %d first %q", len(got.Unseen), got.UnseenDropped, got.Unseen[0].Username)
	}
	if len(got.Users) != MaxSigninUsers {
		t.Fatalf("%d names kept", len(got.Users))
	}
	if _, ok := got.Users[fmt.Sprintf("guess%d", MaxUnseenSignins+49)]; !ok {
		t.Fatal("the most recent name should be kept")
	}
}
