//go:build windows

package app

import (
	"errors"
	"path/filepath"
	"runtime"
	"syscall"

	"golang.org/x/sys/windows"
)

// shellOpen opens path in the user's default PDF viewer with ShellExecuteW
// and the "open" verb, as Explorer does on a double-click. It does not
// wait for the viewer; it does wait while the shell starts it, so callers
// run it off the UI goroutine.
func shellOpen(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(abs)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(abs))
	if err != nil {
		return err
	}
	// Some viewers are started through COM shell extensions: Microsoft
	// asks for COM on the calling thread, apartment-threaded, first.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil || errors.Is(err, syscall.Errno(1)) { // S_OK or S_FALSE
		defer windows.CoUninitialize()
	}
	err = windows.ShellExecute(0, verb, file, nil, dir, windows.SW_SHOWNORMAL)
	if err == nil {
		return nil
	}
	var code syscall.Errno
	errors.As(err, &code)
	return shellExecuteProblem(uintptr(code), err)
}
