//go:build linux

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// dropFromOSCache asks the system to forget the file's pages, so the next
// reads come from the disk; ok is false where it cannot be asked.
func dropFromOSCache(path string) (ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return false, err
	}
	return true, unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
