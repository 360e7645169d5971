//go:build windows

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// ClinicDesk.exe is a Windows GUI program, so no console window opens
// behind the clinic's screens. Started from cmd.exe, such a program has no
// standard output and cmd does not wait for it: a command's output, its
// error line and its exit code would vanish. The installer therefore puts
// a console build, cli\clinicdesk.exe, on the PATH for the command line
// (the same program with the console subsystem). If ClinicDesk.exe is
// given a command anyway, it borrows the console it was started from, so
// that the output is at least seen, with a pointer to the right program.
func useParentConsole() {
	if hasStdout() {
		return // a console program, or output redirected to a file or pipe
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer: there is no console to borrow
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	os.Stdout, os.Stderr = out, out
	fmt.Fprintf(os.Stderr, "\r\nClinicDesk.exe is the window. For the command line use %s, which waits for each command and returns its exit code.\r\n", consoleCompanion())
}

// hasStdout reports whether standard output leads somewhere.
func hasStdout() bool {
	h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// consoleCompanion is where the installer puts the console build.
func consoleCompanion() string {
	self, err := os.Executable()
	if err != nil {
		return `cli\clinicdesk.exe`
	}
	return filepath.Join(filepath.Dir(self), "cli", "clinicdesk.exe")
}
