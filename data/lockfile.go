package data

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/gofrs/flock"
)

// LockPath is the lock file that keeps a second copy of ClinicDesk away
// from the same clinic file.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// ErrInUse: another ClinicDesk has the clinic file open.
type ErrInUse struct{ Holder string }

func (e *ErrInUse) Error() string {
	if e.Holder == "" {
		return "this clinic file is already open in another copy of ClinicDesk: close that one first"
	}
	return "this clinic file is already open in another copy of ClinicDesk (" + e.Holder + "): close that one first"
}

// Lock is an exclusive operating-system lock on a clinic file. It is let go
// by the operating system if the process dies, so a crash never leaves a
// clinic locked out.
type Lock struct {
	fl   *flock.Flock
	path string
}

// AcquireLock takes the clinic's lock or says who holds it.
func AcquireLock(dbPath string) (*Lock, error) {
	if err := RefuseNetworkShare(dbPath); err != nil {
		return nil, err
	}
	p := LockPath(dbPath)
	fl := flock.New(p)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock the clinic file: %w", err)
	}
	if !ok {
		holder, _ := os.ReadFile(p + ".owner")
		return nil, &ErrInUse{Holder: strings.TrimSpace(string(holder))}
	}
	// Who holds it, for the message the next opener sees. A separate file,
	// since Windows will not let another process read a locked one.
	host, _ := os.Hostname()
	os.WriteFile(p+".owner", []byte(fmt.Sprintf("process %d on %s", os.Getpid(), host)), 0o600)
	return &Lock{fl: fl, path: p}, nil
}

// Release lets the clinic file go.
func (l *Lock) Release() error {
	if l == nil || l.fl == nil {
		return nil
	}
	os.Remove(l.path + ".owner")
	err := l.fl.Unlock()
	l.fl.Close()
	l.fl = nil
	return err
}

// IsInUse reports whether err says another copy holds the clinic.
func IsInUse(err error) bool {
	var e *ErrInUse
	return errors.As(err, &e)
}
