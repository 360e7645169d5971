package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The sign-in log is a small file beside the clinic file (clinic.db.signin)
// that remembers failed sign-ins between runs. It must live outside the
// database: the database cannot be opened without a password, and every
// command-line run is a new process. It holds login names and times only,
// never patient data. It is not tamper-proof and need not be: whoever can
// edit it also holds the files and can guess offline, where the Argon2id
// cost of every keyring entry is what protects them.

// SigninLogPath is where the sign-in log of the clinic file at dbPath lives.
func SigninLogPath(dbPath string) string { return dbPath + ".signin" }

// SigninLog is the whole file.
type SigninLog struct {
	Format int `json:"format"`
	// Users holds the failures since each login name's last success, by
	// login name folded as the keyring folds it (trimmed, lower case).
	Users map[string]SigninFailures `json:"users,omitempty"`
	// Unseen are the failed tries no practice manager has yet been shown,
	// oldest first, at most MaxUnseenSignins of them.
	Unseen []SigninEvent `json:"unseen,omitempty"`
	// UnseenDropped counts older unseen tries dropped to keep the file small.
	UnseenDropped int `json:"unseen_dropped,omitempty"`
}

// SigninFailures is one login name's run of wrong passwords.
type SigninFailures struct {
	Count int       `json:"count"`
	Last  time.Time `json:"last"`
}

// SigninEvent is one failed try. Refused: turned away unchecked because the
// name had to wait; otherwise the password was checked and was wrong.
type SigninEvent struct {
	Username string    `json:"username"`
	At       time.Time `json:"at"`
	Refused  bool      `json:"refused,omitempty"`
}

// Limits that keep a script that types random names from growing the file
// without bound.
const (
	MaxUnseenSignins = 500
	MaxSigninUsers   = 200
)

// ErrSigninLogDamaged: the sign-in log could not be read; it is treated as
// empty and rewritten at the next failure.
var ErrSigninLogDamaged = errors.New("the sign-in log is damaged")

// LoadSigninLog reads the sign-in log. A missing file is an empty log; a
// damaged one is an empty log and ErrSigninLogDamaged, so that a bad file
// can never keep the clinic out of its own clinic file.
func LoadSigninLog(path string) (SigninLog, error) {
	empty := SigninLog{Format: 1}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return empty, fmt.Errorf("%w (%s): %v", ErrSigninLogDamaged, path, err)
	}
	var l SigninLog
	if err := json.Unmarshal(b, &l); err != nil || l.Format != 1 {
		return empty, fmt.Errorf("%w (%s)", ErrSigninLogDamaged, path)
	}
	return l, nil
}

// Save writes the log atomically (a whole old or a whole new file at every
// instant), readable by its owner only, trimmed to its limits first.
func (l *SigninLog) Save(path string) error {
	l.Format = 1
	l.trim()
	b, err := json.MarshalIndent(l, "", " ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*") // 0600
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmpName, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// trim keeps the newest MaxUnseenSignins events and the MaxSigninUsers
// names that failed most recently.
func (l *SigninLog) trim() {
	if over := len(l.Unseen) - MaxUnseenSignins; over > 0 {
		l.Unseen = append([]SigninEvent(nil), l.Unseen[over:]...)
		l.UnseenDropped += over
	}
	for len(l.Users) > MaxSigninUsers {
		oldest := ""
		for name, f := range l.Users {
			if oldest == "" || f.Last.Before(l.Users[oldest].Last) {
				oldest = name
			}
		}
		delete(l.Users, oldest)
	}
}
