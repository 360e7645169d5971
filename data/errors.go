package data

import (
	"errors"
	"fmt"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrDiskFull: the disk holding the clinic file has no room for a write.
// What was saved before is intact; a backup to another disk still works.
var ErrDiskFull = errors.New("the disk that holds the clinic file is full: nothing more can be saved until space is freed (make a backup to another disk, then free space)")

// IsDiskFull reports whether err is SQLite's or the system's "no space".
func IsDiskFull(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrFull || se.SystemErrno == syscall.ENOSPC) {
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, ErrDiskFull)
}

// diskFull wraps err as ErrDiskFull when it is one, so that callers can
// say so rather than report a database error.
func diskFull(err error) error {
	if err != nil && !errors.Is(err, ErrDiskFull) && IsDiskFull(err) {
		return fmt.Errorf("%w (%v)", ErrDiskFull, err)
	}
	return err
}

// damaged says what opening the file at path found, in the user's terms.
func damaged(path string, err error) error {
	var se sqlite3.Error
	switch {
	case IsDiskFull(err):
		return diskFull(err)
	case errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB):
		return notAClinic(path, fmt.Sprintf("is damaged (%v)", err))
	}
	return fmt.Errorf("open clinic file %s: %w", path, err)
}
