//go:build !windows

package app

import (
	"errors"
	"os"
	"syscall"
)

// makePrivate makes dir readable by this user only. MkdirAll leaves an
// existing folder as it was, so it is tightened each time.
func makePrivate(dir string) error {
	return os.Chmod(dir, 0o700)
}

// inUse: the file is busy (Mac and Linux delete open files, so this is
// rare: a file something has mounted over).
func inUse(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.ETXTBSY)
}
