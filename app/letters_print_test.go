package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// usePrintFolderIn points the user's cache folder, and so the print folder,
// at a fresh temporary folder.
func usePrintFolderIn(t *testing.T) string {
	t.Helper()
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache) // Linux
	t.Setenv("HOME", cache)           // macOS: ~/Library/Caches
	t.Setenv("LocalAppData", cache)   // Windows
	return cache
}

// holdOpen makes removeLetter fail for the files named, as Windows does for
// a PDF still open in the viewer, until let go; it counts the tries.
type holdOpen struct {
	mu    sync.Mutex
	held  map[string]bool
	tries map[string]int
}

func holdLetters(t *testing.T, paths ...string) *holdOpen {
	h := &holdOpen{held: map[string]bool{}, tries: map[string]int{}}
	for _, p := range paths {
		h.held[p] = true
	}
	was := removeLetter
	removeLetter = func(p string) error {
		h.mu.Lock()
		h.tries[p]++
		held := h.held[p]
		h.mu.Unlock()
		if held {
			return &fs.PathError{Op: "remove", Path: p, Err: errStillOpenHere}
		}
		return was(p)
	}
	t.Cleanup(func() { removeLetter = was })
	return h
}

func (h *holdOpen) letGo(p string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held[p] = false
}

func writeLetters(t *testing.T, names ...string) []string {
	t.Helper()
	var paths []string
	for _, n := range names {
		p, err := WriteForViewer(n, []byte("%PDF-1.4 a letter for Zoë"))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// On Windows a letter open in the PDF viewer cannot be deleted: the other
// letters still go, the one left is named as the user knows it, and the
// next clear (at lock, close or start) deletes it once the viewer lets go.
func TestPrintFolderReportsLettersItCouldNotDelete(t *testing.T) {
	usePrintFolderIn(t)
	paths := writeLetters(t, "Appointment reminder 2026-11-23.pdf", "Letters 2026-11-24.pdf", "Preview.pdf")
	dir := filepath.Dir(paths[0])
	h := holdLetters(t, paths[0])

	err := ClearPrintFolder()
	var left *LettersLeft
	if !errors.As(err, &left) {
		t.Fatalf("a letter held open was not reported: %v", err)
	}
	if !slices.Equal(left.Letters, []string{"Appointment reminder 2026-11-23.pdf"}) || !left.StillOpen {
		t.Fatalf("reported %+v", left)
	}
	if !slices.Equal(left.Files, []string{filepath.Base(paths[0])}) {
		t.Fatalf("files %v, want %s", left.Files, filepath.Base(paths[0]))
	}
	if !strings.Contains(err.Error(), "1 letter could not be deleted from this computer because") || !strings.Contains(err.Error(), "Appointment reminder 2026-11-23.pdf") {
		t.Fatalf("message: %s", err)
	}
	if got := filesIn(t, dir); !slices.Equal(got, []string{filepath.Base(paths[0])}) {
		t.Fatalf("the other letters were not deleted: %v", got)
	}

	// Still held: the next clear reports it again; let go: it is deleted.
	if err := ClearPrintFolder(); !errors.As(err, &left) {
		t.Fatalf("the second clear forgot the held letter: %v", err)
	}
	h.letGo(paths[0])
	if err := ClearPrintFolder(); err != nil {
		t.Fatalf("the letter let go of was not deleted: %v", err)
	}
	if got := filesIn(t, dir); len(got) != 0 {
		t.Fatalf("left after the viewer let go: %v", got)
	}
}

// A failure that is not a viewer holding the letter is reported in the
// system's words, not blamed on the viewer.
func TestPrintFolderReportsOtherFailuresInTheirOwnWords(t *testing.T) {
	usePrintFolderIn(t)
	paths := writeLetters(t, "Day lists 2026-11-23.pdf", "Day lists 2026-11-23.pdf")
	was := removeLetter
	denied := &fs.PathError{Op: "remove", Path: paths[1], Err: fs.ErrPermission}
	removeLetter = func(p string) error {
		if p == paths[1] {
			return denied
		}
		return was(p)
	}
	t.Cleanup(func() { removeLetter = was })
	var left *LettersLeft
	if err := ClearPrintFolder(); !errors.As(err, &left) || left.StillOpen || !errors.Is(left.Err, fs.ErrPermission) {
		t.Fatalf("reported %+v (%v)", left, err)
	}
	if strings.Contains(left.Error(), "PDF viewer") || !strings.Contains(left.Error(), "permission denied") {
		t.Fatalf("message: %s", left)
	}
}

// Closing tries again a few times, for a viewer that is closing as
// ClinicDesk does; a viewer that stays open is reported after those tries.
func TestClosingTriesAgainUntilTheViewerLetsGo(t *testing.T) {
	usePrintFolderIn(t)
	wasWait := clearWait
	clearWait = 0
	t.Cleanup(func() { clearWait = wasWait })
	paths := writeLetters(t, "Appointment slip 2026-11-23.pdf")
	h := holdLetters(t, paths[0])

	// The viewer never lets go: every try is made, then the letter named.
	var left *LettersLeft
	if err := ClearPrintFolderPatiently(); !errors.As(err, &left) || left.Letters[0] != "Appointment slip 2026-11-23.pdf" {
		t.Fatalf("reported %v", err)
	}
	if h.tries[paths[0]] != clearTries {
		t.Fatalf("%d tries, want %d", h.tries[paths[0]], clearTries)
	}

	// It lets go during the tries (here: at the third): nothing is left.
	h.tries[paths[0]] = 0
	was := removeLetter
	removeLetter = func(p string) error {
		if h.tries[p] == 2 {
			h.letGo(p)
		}
		return was(p)
	}
	if err := ClearPrintFolderPatiently(); err != nil {
		t.Fatalf("not deleted once the viewer let go: %v", err)
	}
	if _, err := os.Stat(paths[0]); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the letter is still there: %v", err)
	}
}

// A print folder that was never made (no letter opened yet) is empty.
func TestClearingAPrintFolderNeverMadeIsNotAnError(t *testing.T) {
	cache := usePrintFolderIn(t)
	if err := ClearPrintFolder(); err != nil {
		t.Fatal(err)
	}
	if got := filesIn(t, cache); len(got) != 0 {
		t.Fatalf("clearing made folders: %v", got)
	}
}

// The Windows access list for the print folder names only the user and
// SYSTEM, with full control, passed on to the letters, inheriting nothing.
func TestPrintFolderAccessListNamesOnlyTheUserAndSystem(t *testing.T) {
	got := privateFolderSDDL("S-1-5-21-1004336348-1177238915-682003330-1001")
	want := "D:P(A;OICI;FA;;;S-1-5-21-1004336348-1177238915-682003330-1001)(A;OICI;FA;;;SY)"
	if got != want {
		t.Fatalf("%s, want %s", got, want)
	}
}

// Each system opens a PDF with its own mechanism for the user's default
// viewer: on Windows ShellExecuteW (rundll32 and "cmd /c start" mangle
// paths with spaces or wait), open on a Mac, xdg-open elsewhere.
func TestOpeningAPDFUsesEachSystemsOwnMechanism(t *testing.T) {
	for goos, want := range map[string]opener{
		"windows": {shellExecute: true},
		"darwin":  {command: "open"},
		"linux":   {command: "xdg-open"},
		"freebsd": {command: "xdg-open"},
	} {
		if got := openerFor(goos); got != want {
			t.Errorf("%s: %+v, want %+v", goos, got, want)
		}
	}
}

// fakeOpener puts a stand-in for open or xdg-open first on the PATH: it
// writes the arguments it was given, one a line, then runs body.
func fakeOpener(t *testing.T, body string) (argsFile string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Windows opens PDFs with ShellExecuteW, not a command")
	}
	bin := t.TempDir()
	argsFile = filepath.Join(bin, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + argsFile + ".part'\nmv '" + argsFile + ".part' '" + argsFile + "'\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(bin, openerFor(runtime.GOOS).command), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return argsFile
}

// waitForFile waits for the fake opener to have run (no time limit: a
// fake that never runs fails the test by its timeout).
func waitForFile(path string) []byte {
	for {
		if b, err := os.ReadFile(path); err == nil {
			return b
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A PDF viewer may stay open all day: opening a letter hands it over and
// returns while the viewer is still running, with the whole path (spaces
// and all) as one argument.
func TestOpeningAPDFNeverWaitsForTheViewer(t *testing.T) {
	release := filepath.Join(t.TempDir(), "viewer closed")
	args := fakeOpener(t, "while [ ! -e '"+release+"' ] && [ -d '"+filepath.Dir(release)+"' ]; do sleep 0.05; done")
	// The viewer closes when the test ends: on the release file, or when
	// the test's folders are removed (the file can come and go between two
	// of its looks, and a viewer left looping outlives every test run).
	t.Cleanup(func() { os.WriteFile(release, nil, 0o600) })
	path := filepath.Join(t.TempDir(), "Appointment reminder 2026-11-23 1234.pdf")

	returned := make(chan error, 1)
	go func() { returned <- OpenInViewer(path, func(err error) { t.Errorf("reported a failure: %v", err) }) }()
	select {
	case err := <-returned:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Minute): // a guard against hanging, not a timing
		t.Fatal("opening a PDF waited for the viewer to close")
	}
	if got := string(waitForFile(args)); got != path+"\n" {
		t.Fatalf("the viewer was given %q, want %q", got, path)
	}
}

// An opener that finds no PDF viewer (xdg-open's exit 3) is reported, after
// the call has returned, with what to do.
func TestAPDFViewerThatCannotStartIsReported(t *testing.T) {
	if openerFor(runtime.GOOS).command != "xdg-open" {
		t.Skip("xdg-open's exit codes")
	}
	fakeOpener(t, "exit 3")
	failed := make(chan error, 1)
	if err := OpenInViewer(filepath.Join(t.TempDir(), "Preview.pdf"), func(err error) { failed <- err }); err != nil {
		t.Fatal(err)
	}
	err := <-failed
	if !strings.Contains(err.Error(), "no program on this computer opens PDF files") || !strings.Contains(err.Error(), "save the letter") {
		t.Fatalf("said: %v", err)
	}
}

// Windows' reasons for not opening a PDF are put in words that say what
// to do; no viewer installed is the usual one on a new PC.
func TestShellExecuteFailuresSayWhatToDo(t *testing.T) {
	for code, want := range map[uintptr]string{
		winNoAssociation: "No program on this PC opens PDF files: install a PDF reader such as Adobe Acrobat Reader, or save the letter and open it from the folder instead",
		winFileNotFound:  "the letter was deleted before the PDF viewer could open it: open it again",
		winAccessDenied:  "Windows did not allow the PDF viewer to open the letter",
		winDDEFail:       "the PDF viewer did not answer: close it, and open the letter again",
		9999:             "the PDF viewer could not be started (strange): save the letter",
	} {
		got := shellExecuteProblem(code, errors.New("strange")).Error()
		if !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
			t.Errorf("%d: %q, want %q", code, got, want)
		}
	}
}
