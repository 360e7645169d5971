package app

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
)

// How a PDF is handed to the system's viewer, on each system. Nothing here
// waits for the viewer: it may stay open all day, and a slow one starting
// must never freeze ClinicDesk's window.

// opener is the mechanism that opens a file in the user's default viewer.
type opener struct {
	// shellExecute: Windows' ShellExecuteW with the "open" verb, which
	// starts the user's default PDF viewer, takes the path as one
	// argument (spaces and all) and returns once the viewer is starting.
	shellExecute bool
	// command is run with the path as its only argument and not waited
	// for: macOS's open, the freedesktop xdg-open elsewhere.
	command string
}

// openerFor is the opener for a GOOS.
func openerFor(goos string) opener {
	switch goos {
	case "windows":
		return opener{shellExecute: true}
	case "darwin":
		return opener{command: "open"}
	}
	return opener{command: "xdg-open"}
}

// noViewer is the advice when no program opens PDFs.
const noViewer = "save the letter and open it from the folder instead"

// OpenInViewer hands path to the system's PDF viewer, from which it is
// printed, and returns without waiting for the viewer. Call it off the UI
// goroutine: on Windows it returns once the viewer is starting, which can
// take a moment. An opener that fails only after it has started (xdg-open
// finding no viewer) is reported to failed, if given, from another
// goroutine.
func OpenInViewer(path string, failed func(error)) error {
	o := openerFor(runtime.GOOS)
	if o.shellExecute {
		return shellOpen(path)
	}
	cmd := exec.Command(o.command, path)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the PDF viewer could not be started (%v): %s", err, noViewer)
	}
	go func() {
		// Reap the opener; the viewer lives on by itself.
		if err := cmd.Wait(); err != nil && failed != nil {
			failed(openerProblem(o.command, err))
		}
	}()
	return nil
}

// openerProblem says why open or xdg-open failed, in words for the desk.
func openerProblem(command string, err error) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) && command == "xdg-open" && exit.ExitCode() == 3 {
		// xdg-open's "a required tool could not be found".
		return errors.New("no program on this computer opens PDF files: install a PDF reader, or " + noViewer)
	}
	return fmt.Errorf("the PDF viewer did not open the letter (%s: %v): %s", command, err, noViewer)
}

// Windows' own error numbers from ShellExecuteW, as GetLastError gives
// them; plain numbers so that the words can be tested anywhere.
const (
	winFileNotFound   = 2
	winPathNotFound   = 3
	winAccessDenied   = 5
	winNoAssociation  = 1155
	winDDEFail        = 1156
	winOutOfResources = 8
)

// shellExecuteProblem says what went wrong when ShellExecuteW failed with
// the Windows error code, and what to do.
func shellExecuteProblem(code uintptr, err error) error {
	switch code {
	case winNoAssociation:
		return errors.New("no program on this PC opens PDF files: install a PDF reader such as Adobe Acrobat Reader, or " + noViewer)
	case winFileNotFound, winPathNotFound:
		return errors.New("the letter was deleted before the PDF viewer could open it: open it again")
	case winAccessDenied:
		//lint:ignore ST1005 a sentence the clinic reads, and Windows is a name
		return errors.New("Windows did not allow the PDF viewer to open the letter: " + noViewer + ", or ask whoever looks after this PC")
	case winDDEFail:
		return errors.New("the PDF viewer did not answer: close it, and open the letter again")
	}
	return fmt.Errorf("the PDF viewer could not be started (%v): %s", err, noViewer)
}
