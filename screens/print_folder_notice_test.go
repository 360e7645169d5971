package screens

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2/test"
)

// heldOpen is what a clear returns when the PDF viewer still holds letters.
func heldOpen(names ...string) error {
	return &app.LettersLeft{Letters: names, Files: names, StillOpen: true,
		Err: &fs.PathError{Op: "remove", Path: names[0], Err: syscall.EBUSY}}
}

func windowOpen(u *UI) bool {
	return slices.Contains(u.app.Driver().AllWindows(), u.Window())
}

// The message names the letters left, says why in plain words and what
// to do, and does not run on for ever when many are left.
func TestTheDeskIsToldWhichLettersCouldNotBeDeleted(t *testing.T) {
	for _, c := range []struct {
		err  error
		when lettersWhen
		want string
	}{
		{heldOpen("Appointment reminder 2026-11-23.pdf", "Preview.pdf"), lettersAtDesk,
			"2 letters could not be deleted from this computer because they are still open in another program (probably the PDF viewer):\n• Appointment reminder 2026-11-23.pdf\n• Preview.pdf\nClose the PDF viewer; ClinicDesk will try again when it locks or closes."},
		{heldOpen("Preview.pdf"), lettersAtClose,
			"1 letter could not be deleted from this computer because it is still open in another program (probably the PDF viewer):\n• Preview.pdf\nClose the PDF viewer, then press Try again."},
		{heldOpen("a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf"), lettersAfterExit,
			"6 letters could not be deleted from this computer because they are still open in another program (probably the PDF viewer):\n• a.pdf\n• b.pdf\n• c.pdf\n• d.pdf\n• and 2 more\nClinicDesk will delete them when it next starts."},
		{&app.LettersLeft{Letters: []string{"Letters 2026-11-24.pdf"}, Err: &fs.PathError{Op: "unlinkat", Path: "/home/x/.cache/ClinicDesk/print/Letters 2026-11-24 123.pdf", Err: fs.ErrPermission}}, lettersAtDesk,
			"1 letter could not be deleted from this computer (the computer said: permission denied):\n• Letters 2026-11-24.pdf\nClinicDesk will try again when it locks or closes; if that does not work, ask whoever looks after this computer."},
		{errors.New("cannot look in the folder of letters opened for printing: access is denied"), lettersAtDesk,
			"ClinicDesk could not check the folder of letters opened for printing, so some may still be on this computer: cannot look in the folder of letters opened for printing: access is denied."},
	} {
		if got := lettersLeftText(c.err, c.when); got != c.want {
			t.Errorf("said\n%s\nwant\n%s", got, c.want)
		}
	}
}

// Locking with a letter still open in the viewer says so on the lock
// screen; a clear that left nothing says nothing.
func TestLockSaysWhichLettersAreStillOnThisComputer(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	u, _ := fdSignedIn(t, nil)
	u.lock()
	if fdShows(u.Window(), "Letters still on this computer") {
		t.Fatal("a notice for a clear that left nothing")
	}
	u.tellLettersLeft(heldOpen("Appointment reminder 2026-11-23.pdf"))
	w := u.Window()
	if u.state != uiLocked || !fdShows(w, "Letters still on this computer") || !fdSays(w, "Appointment reminder 2026-11-23.pdf") {
		t.Fatalf("state %v, shown %q", u.state, fdTexts(w, false))
	}
	test.Tap(fdButton(w.Canvas().Overlays().Top(), "OK"))
	if fdShows(w, "Letters still on this computer") {
		t.Fatal("OK did not close the notice")
	}
}

// Closing with letters left keeps the window up, naming them, until they
// are gone (Try again) or she chooses to close anyway.
func TestClosingWaitsForLettersLeftOrClosesAnyway(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	u, _ := fdSignedIn(t, nil)
	u.requestClose()
	u.settle()
	if windowOpen(u) {
		t.Fatalf("closing with no letters left did not close: %q", fdTexts(u.Window(), false))
	}

	for _, press := range []string{"Try again", "Close anyway"} {
		u, _ := fdSignedIn(t, nil)
		u.closeWhenLettersGone(heldOpen("Appointment slip 2026-11-23.pdf"))
		w := u.Window()
		if !windowOpen(u) || !fdShows(w, "A letter is still on this computer") || !fdSays(w, "Close the PDF viewer, then press Try again") {
			t.Fatalf("%s: shown %q", press, fdTexts(w, false))
		}
		// The viewer has let go by now: the print folder is empty.
		test.Tap(fdButton(w.Canvas().Content(), press))
		u.settle()
		if windowOpen(u) {
			t.Fatalf("%s did not close: %q", press, fdTexts(w, false))
		}
	}
}

// After the window has gone only a console can be told.
func TestLettersLeftAfterTheWindowHasGoneAreWrittenOut(t *testing.T) {
	var out bytes.Buffer
	writeLettersLeft(&out, nil)
	if out.Len() != 0 {
		t.Fatalf("wrote %q for nothing left", out.String())
	}
	writeLettersLeft(&out, heldOpen("Preview.pdf"))
	if !strings.HasPrefix(out.String(), "ClinicDesk: 1 letter could not be deleted") || !strings.Contains(out.String(), "Preview.pdf") {
		t.Fatalf("wrote %q", out.String())
	}
}

// Signing out hands the desk to someone else, as locking does: the
// letters opened for printing go too.
func TestSignOutEmptiesThePrintFolder(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	u, _ := fdSignedIn(t, nil)
	path, err := app.WriteForViewer("Appointment reminder 2026-11-23.pdf", []byte("%PDF-1.4 letter for Zoë"))
	if err != nil {
		t.Fatal(err)
	}
	u.signOut()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the letter is still in the print folder after signing out: %v", err)
	}
}

// fakeXDGOpen puts a stand-in for xdg-open first on the PATH, running body.
func fakeXDGOpen(t *testing.T, body string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("a stand-in for xdg-open")
	}
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func openToPrintDialog(t *testing.T) *pdfOutput {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	u, _ := fdSignedIn(t, nil)
	ctx := &Context{Window: u.win, Clinic: u.clinic, Runner: tpRun, ShowError: func(err error) { t.Errorf("error shown: %v", err) }}
	return showPDF(ctx, madePDF{Title: "Appointment reminder", PDF: []byte("%PDF-1.4"), FileName: "Appointment reminder 2026-11-23.pdf"})
}

// Open to print hands the letter over off the UI goroutine and says it is
// open while the viewer is still running: nothing waits for the viewer.
func TestOpenToPrintNeverWaitsForTheViewer(t *testing.T) {
	release := filepath.Join(t.TempDir(), "viewer closed")
	fakeXDGOpen(t, "while [ ! -e '"+release+"' ] && [ -d '"+filepath.Dir(release)+"' ]; do sleep 0.05; done")
	// The viewer closes when the test ends: on the release file, or when
	// the test's folders are removed (the file can come and go between two
	// of its looks, and a viewer left looping outlives every test run).
	t.Cleanup(func() { os.WriteFile(release, nil, 0o600) })
	o := openToPrintDialog(t)
	o.open()
	if o.message.Text != "Opening in your PDF viewer…" {
		t.Fatalf("while opening: %q", o.message.Text)
	}
	tpIdle(t) // with the viewer still open
	if o.message.Text != "Opened in your PDF viewer: print it from there." {
		t.Fatalf("once handed over: %q", o.message.Text)
	}
}

// A system with no PDF viewer is found out after the hand-over; the
// dialog then says what to do.
func TestOpenToPrintSaysWhenNoProgramOpensPDFs(t *testing.T) {
	fakeXDGOpen(t, "exit 3")
	o := openToPrintDialog(t)
	o.open()
	for !strings.Contains(o.message.Text, "No program on this computer opens PDF files") {
		tpIdle(t)
		time.Sleep(10 * time.Millisecond) // the failure comes when xdg-open ends
	}
	if !strings.Contains(o.message.Text, "save the letter") {
		t.Fatalf("said %q", o.message.Text)
	}
}
