package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/audit"
	"clinicdesk/app/cli"
)

// The first run as a new practice manager meets it: the setup wizard in a
// real window, typed into with xdotool, the Emergency recovery sheet saved
// through the real file dialog and read back with pdftotext, then a
// sign-in on the next start. Screenshots of every step go to shots/.

const (
	frClinic   = "Riverside Physiotherapy"
	frManager  = "Sarah Jones"
	frUser     = "sjones" // what the wizard suggests for Sarah Jones
	frPassword = "harbour lantern maple otter"
	frSheet    = "Recovery sheet for the safe.pdf"
)

var frKey = regexp.MustCompile(`[0-9A-Z]{5}(-[0-9A-Z]{5}){5}`)

// xdo runs one xdotool command, failing the test (with what the app said)
// if it cannot.
func xdo(t *testing.T, g *gui, display string, args ...string) {
	t.Helper()
	if out, err := xcmd(display, "xdotool", args...); err != nil {
		t.Fatalf("xdotool %v: %v %s\nthe app said:\n%s", args, err, out, g.out)
	}
}

// settledAfter waits until the screen differs from before (unless before
// is "") and then holds still, and keeps it as name. It fails, with what
// the app said, if the app has ended meanwhile.
func settledAfter(t *testing.T, g *gui, display, before, name string) string {
	t.Helper()
	// A focused text box's cursor blinks, so a settled screen is one of
	// two pictures: it has settled when a shot matches either of the last
	// two.
	var last, before2 string
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if g.exited() {
			t.Fatalf("%s: the app ended:\n%s", name, g.out)
		}
		time.Sleep(400 * time.Millisecond)
		shot, colours := screenshot(t, display, name)
		if colours < 40 || (before != "" && sameImage(shot, before)) {
			continue
		}
		cur, _ := os.ReadFile(shot)
		if last != "" && (last == string(cur) || before2 == string(cur)) {
			return shot
		}
		before2, last = last, string(cur)
	}
	t.Fatalf("%s: the screen did not change and settle\nthe app said:\n%s", name, g.out)
	return ""
}

// exited reports whether the app's process has ended, reaped or not (a
// crashed app lingers as a zombie until Wait; Linux, as Xvfb is).
func (g *gui) exited() bool {
	if g.cmd.ProcessState != nil {
		return true
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", g.cmd.Process.Pid))
	if err != nil {
		return true
	}
	// The state follows the command name in parentheses: "pid (name) S ...".
	rest := string(stat[bytes.LastIndexByte(stat, ')')+1:])
	return strings.HasPrefix(strings.TrimSpace(rest), "Z")
}

func TestEndToEndFirstRun(t *testing.T) {
	bin := e2eBinary(t, "pdftotext") // poppler-utils
	display := startXvfb(t)
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	db := filepath.Join(dir, "Clinic data", "clinic.db")

	g := startGUIIn(t, bin, display, home, "--db", db)
	win := windowID(t, g, display, "ClinicDesk")
	xcmd(display, "xdotool", "windowfocus", "--sync", win)
	step1 := settledAfter(t, g, display, "", "e2e-firstrun-1-clinic")

	// Step 1: the clinic. The name has the focus; Tab leaves the address.
	xdo(t, g, display, "type", "--delay", "30", frClinic)
	xdo(t, g, display, "key", "Tab")
	for i, line := range []string{"12 Mill Lane", "Leeds", "LS1 4AP"} {
		if i > 0 {
			xdo(t, g, display, "key", "Return")
		}
		xdo(t, g, display, "type", "--delay", "30", line)
	}
	xdo(t, g, display, "key", "Tab")
	xdo(t, g, display, "type", "--delay", "30", "0113 496 0000")
	xdo(t, g, display, "key", "Tab")
	xdo(t, g, display, "type", "--delay", "30", "reception@riverside.example")
	typed := settledAfter(t, g, display, step1, "e2e-firstrun-1-typed")
	xdo(t, g, display, "key", "Return")

	// Step 2: the practice manager; Enter moves field to field, the user
	// name suggested is kept, and Enter on the second password creates.
	step2 := settledAfter(t, g, display, typed, "e2e-firstrun-2-manager")
	xdo(t, g, display, "type", "--delay", "30", frManager)
	xdo(t, g, display, "key", "Return", "Return")
	xdo(t, g, display, "type", "--delay", "30", frPassword)
	xdo(t, g, display, "key", "Return")
	xdo(t, g, display, "type", "--delay", "30", frPassword)
	typed = settledAfter(t, g, display, step2, "e2e-firstrun-2-typed")
	xdo(t, g, display, "key", "Return")

	// Step 3: the recovery key, with the save button ready for the keyboard.
	if !waitFor(90*time.Second, func() bool { return app.Exists(db) }) {
		t.Fatalf("the clinic file was not created\n%s", g.out)
	}
	step3 := settledAfter(t, g, display, typed, "e2e-firstrun-3-recovery")
	xdo(t, g, display, "key", "space")
	saveDialog := settledAfter(t, g, display, step3, "e2e-firstrun-4-save-dialog")

	// The file dialog starts in the home folder with the file name ready:
	// type another name over it and press Enter.
	xdo(t, g, display, "key", "ctrl+a")
	xdo(t, g, display, "type", "--delay", "30", frSheet)
	settledAfter(t, g, display, saveDialog, "e2e-firstrun-4-save-typed")
	xdo(t, g, display, "key", "Return")
	sheet := filepath.Join(home, frSheet)
	if !waitFor(30*time.Second, func() bool {
		st, err := os.Stat(sheet)
		return err == nil && st.Size() > 1000 && !g.exited()
	}) {
		t.Fatalf("no Emergency recovery sheet at %s (app running: %v)\nthe app said:\n%s", sheet, !g.exited(), g.out)
	}
	saved := settledAfter(t, g, display, "", "e2e-firstrun-5-sheet-saved")
	text, err := exec.Command("pdftotext", "-layout", sheet, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", sheet, err)
	}
	key := frKey.FindString(string(text))
	if key == "" || !strings.Contains(string(text), frClinic) || !strings.Contains(string(text), db) {
		t.Fatalf("the sheet does not hold a recovery key, the clinic and its file:\n%s", text)
	}

	// The saved note moves the focus to the tick box: tick it, then Next.
	xdo(t, g, display, "key", "space")
	xdo(t, g, display, "key", "Tab")
	xdo(t, g, display, "key", "space")
	// The backup folder step opens on Choose folder; Tab, then Not now.
	backups := settledAfter(t, g, display, saved, "e2e-firstrun-6-backups")
	xdo(t, g, display, "key", "Tab")
	xdo(t, g, display, "key", "space")
	settledAfter(t, g, display, backups, "e2e-firstrun-6-today")
	xdo(t, g, display, "windowclose", win)
	waitForExit(t, g)

	// The next start: the manager signs in with what the wizard set.
	g = startGUIIn(t, bin, display, home, "--db", db)
	win = windowID(t, g, display, "ClinicDesk")
	xcmd(display, "xdotool", "windowfocus", "--sync", win)
	login := settledAfter(t, g, display, "", "e2e-firstrun-7-login")
	xdo(t, g, display, "type", "--delay", "30", frUser)
	xdo(t, g, display, "key", "Tab")
	xdo(t, g, display, "type", "--delay", "30", frPassword)
	xdo(t, g, display, "key", "Return")
	settledAfter(t, g, display, login, "e2e-firstrun-8-signed-in")
	xdo(t, g, display, "windowclose", win)
	waitForExit(t, g)

	// What the GUI did is in the file: the sign-in, the sheet marked saved,
	// and the key printed on the sheet opens the clinic.
	c, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn(frUser, frPassword); err != nil {
		t.Fatalf("the wizard's password does not sign in: %v", err)
	}
	if rows, err := c.AuditLog(audit.Filter{Action: "sign_in", Username: frUser, Limit: 10}); err != nil || len(rows) < 2 {
		t.Fatalf("the GUI sign-in is not in the audit trail: %d rows, %v", len(rows), err)
	}
	if ok, err := c.RecoverySheetSaved(); err != nil || !ok {
		t.Fatalf("the sheet saved in the wizard is not recorded as saved: %v, %v", ok, err)
	}
	if err := c.RecoverAccess(key, frUser, "quiet orchard pebble lamp"); err != nil {
		t.Fatalf("the recovery key on the saved sheet does not open the clinic: %v", err)
	}
}

// The command line's first run: `init --recovery-sheet` writes the sheet,
// so the manager is not told at sign-in that it was never saved; without
// it the sheet was never saved, and she is.
func TestInitWithRecoverySheetRecordsTheSheetSaved(t *testing.T) {
	for _, withSheet := range []bool{true, false} {
		dir := t.TempDir()
		db := filepath.Join(dir, "clinic.db")
		args := []string{"init", "--db", db, "--clinic", frClinic, "--user", frUser, "--full-name", frManager, "--password-stdin"}
		if withSheet {
			args = append(args, "--recovery-sheet", filepath.Join(dir, "sheet.pdf"))
		}
		var out bytes.Buffer
		now := func() time.Time { return time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC) }
		if code := cli.Run(args, cli.Env{Stdin: strings.NewReader(frPassword + "\n"), Stdout: &out, Stderr: &out, Now: now}); code != cli.ExitOK {
			t.Fatalf("init: exit %d\n%s", code, out.String())
		}
		c, err := app.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.SignIn(frUser, frPassword); err != nil {
			c.Close()
			t.Fatal(err)
		}
		saved, err := c.RecoverySheetSaved()
		c.Close()
		if err != nil || saved != withSheet {
			t.Fatalf("init with a sheet %v: recorded as saved %v (%v)\n%s", withSheet, saved, err, out.String())
		}
	}
}
