//go:build !windows

package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// xDisplayFree says whether display n can be used: no X server holds it.
// A socket or lock file left by a server that was killed (its process
// gone) is cleared, as Xvfb itself would refuse the display otherwise.
func xDisplayFree(n int) bool {
	lock := "/tmp/.X" + strconv.Itoa(n) + "-lock"
	socket := "/tmp/.X11-unix/X" + strconv.Itoa(n)
	if b, err := os.ReadFile(lock); err == nil {
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err == nil && pid > 0 && syscall.Kill(pid, 0) == nil {
			return false // a live server
		}
		os.Remove(lock)
		os.Remove(socket)
		return true
	}
	_, err := os.Stat(socket)
	return os.IsNotExist(err)
}
