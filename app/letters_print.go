package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Fyne has no print API, so a letter is printed from the system's PDF
// viewer (SPEC §2.5). A PDF opened that way is written into a private
// folder under the user's cache folder, readable by this user only, which
// the app empties when it locks, when it closes and when it next starts:
// letters are plaintext, and must not pile up on a shared desk computer.

// printFolderName is the folder under the user cache dir, named for the app.
const printFolderName = "ClinicDesk"

// PrintFolder is the private folder PDFs are opened from, made (0700) if
// it is not there.
func PrintFolder() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no folder for opening letters: %w", err)
	}
	dir := filepath.Join(base, printFolderName, "print")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot make the folder for opening letters: %w", err)
	}
	// MkdirAll leaves an existing folder as it was: tighten it.
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// ClearPrintFolder deletes every file in the print folder. The shell calls
// it on lock, on exit and at start-up; it is safe to call at any time.
func ClearPrintFolder() error {
	dir, err := PrintFolder()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		errs = append(errs, os.RemoveAll(filepath.Join(dir, e.Name())))
	}
	return errors.Join(errs...)
}

// WriteForViewer writes pdf into the print folder under a new name made
// from name ("Appointment reminder 2026-11-23.pdf") and returns its path.
func WriteForViewer(name string, pdf []byte) (string, error) {
	dir, err := PrintFolder()
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(name), ".pdf")
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '-'
		}
		return r
	}, base)
	f, err := os.CreateTemp(dir, base+" *.pdf")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// viewerCommand is how this system opens a file in its default viewer.
func viewerCommand(path string) *exec.Cmd {
	switch runtime.GOOS {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		return exec.Command("open", path)
	}
	return exec.Command("xdg-open", path)
}

// OpenInViewer opens a PDF in the system's viewer, from which it is
// printed. It does not wait for the viewer to close.
func OpenInViewer(path string) error {
	cmd := viewerCommand(path)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the PDF viewer could not be started (%s): save the letter and open it from the folder instead", err)
	}
	go cmd.Wait() // reap the opener; the viewer lives on by itself
	return nil
}

// OpenPDF writes pdf into the print folder and opens it in the viewer.
func OpenPDF(name string, pdf []byte) (string, error) {
	path, err := WriteForViewer(name, pdf)
	if err != nil {
		return "", err
	}
	return path, OpenInViewer(path)
}
