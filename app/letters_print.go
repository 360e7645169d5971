package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Fyne has no print API, so a letter is printed from the system's PDF
// viewer (SPEC §2.5). A PDF opened that way is written into a private
// folder under the user's own cache folder (%LocalAppData% on Windows,
// which never roams), which the app empties when it locks, when it closes
// and when it next starts: letters are plaintext, and must not pile up on
// a shared desk computer. On Windows a letter still open in the viewer
// cannot be deleted, so a clear says which letters it had to leave.

// printFolderName is the folder under the user cache dir, named for the app.
const printFolderName = "ClinicDesk"

// printFolderPath is where the print folder is, whether or not it exists.
func printFolderPath() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no folder for opening letters: %w", err)
	}
	return filepath.Join(base, printFolderName, "print"), nil
}

// PrintFolder is the folder PDFs are opened from, made if it is not there
// and made private to this user each time (0700 on Mac and Linux; on
// Windows an access list naming only this user and the system), so a
// folder made looser by hand or by an older version is tightened.
func PrintFolder() (string, error) {
	dir, err := printFolderPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot make the folder for opening letters: %w", err)
	}
	if err := makePrivate(dir); err != nil {
		return "", fmt.Errorf("cannot make the folder for opening letters private to you (%w): save the letter instead", err)
	}
	return dir, nil
}

// LettersLeft is what ClearPrintFolder returns when it could not delete
// every letter: which ones are still there, and whether they are still
// open in another program (the usual reason on Windows).
type LettersLeft struct {
	Letters   []string // as the user knows them: "Appointment reminder 2026-11-23.pdf"
	Files     []string // the files' own names in the print folder
	StillOpen bool     // every failure was a file in use by another program
	Err       error    // the first failure not from a viewer (else the first): said when not StillOpen
}

func (l *LettersLeft) Error() string {
	n := fmt.Sprintf("%d letters", len(l.Letters))
	if len(l.Letters) == 1 {
		n = "1 letter"
	}
	why := "because they are still open in another program (probably the PDF viewer)"
	if !l.StillOpen {
		why = fmt.Sprintf("(%v)", l.Err)
	}
	return fmt.Sprintf("%s could not be deleted from this computer %s: %s", n, why, strings.Join(l.Letters, ", "))
}

// removeLetter deletes one letter from the print folder: os.Remove, whose
// error on Windows is DeleteFile's own (a sharing violation for a letter
// the viewer holds). Tests replace it to play such a viewer.
var removeLetter = os.Remove

// ClearPrintFolder deletes every file in the print folder, once and at
// once (the shell calls it on the UI goroutine at lock and at start-up).
// It returns *LettersLeft naming any letter it could not delete, or
// another error if the folder could not be read.
func ClearPrintFolder() error {
	dir, err := printFolderPath()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot look in the folder of letters opened for printing: %w", err)
	}
	// Tighten a folder made looser since (by hand, by an older version):
	// best effort, as WriteForViewer will not write into it until it is.
	_ = makePrivate(dir)
	left := &LettersLeft{StillOpen: true}
	for _, e := range entries {
		remove := removeLetter
		if e.IsDir() {
			remove = os.RemoveAll // not ours, but not to be left either
		}
		err := remove(filepath.Join(dir, e.Name()))
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if left.Err == nil || inUse(left.Err) && !inUse(err) {
			left.Err = err
		}
		left.StillOpen = left.StillOpen && inUse(err)
		left.Files = append(left.Files, e.Name())
	}
	if len(left.Files) == 0 {
		return nil
	}
	sort.Strings(left.Files)
	for _, f := range left.Files {
		left.Letters = append(left.Letters, letterName(f))
	}
	return left
}

// clearTries and clearWait are how patient ClearPrintFolderPatiently is:
// long enough for a viewer that is closing to let go, short enough that
// closing ClinicDesk does not seem to hang. Tests set clearWait to 0.
var (
	clearTries = 5
	clearWait  = 400 * time.Millisecond
)

// ClearPrintFolderPatiently clears the print folder, trying again a few
// times with short waits while a letter is still open elsewhere. It is
// for closing, off the UI goroutine; it returns as ClearPrintFolder does.
func ClearPrintFolderPatiently() error {
	err := ClearPrintFolder()
	for try := 1; try < clearTries; try++ {
		var left *LettersLeft
		if !errors.As(err, &left) {
			return err
		}
		time.Sleep(clearWait)
		err = ClearPrintFolder()
	}
	return err
}

// tempSuffix is what os.CreateTemp adds to a letter's name to keep it
// apart from others of the same name.
var tempSuffix = regexp.MustCompile(` [0-9]+\.pdf$`)

// letterName is the name a letter was opened under, without the number
// WriteForViewer added.
func letterName(file string) string {
	if tempSuffix.MatchString(file) {
		return tempSuffix.ReplaceAllString(file, ".pdf")
	}
	return file
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

// OpenPDF writes pdf into the print folder and hands it to the system's
// PDF viewer (see OpenInViewer; call it off the UI goroutine).
func OpenPDF(name string, pdf []byte, failed func(error)) (string, error) {
	path, err := WriteForViewer(name, pdf)
	if err != nil {
		return "", err
	}
	return path, OpenInViewer(path, failed)
}
