package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// appOutput holds what the app under test printed. The copy from its pipe
// runs on exec's own goroutine while the test reads, so it is locked.
type appOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *appOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

// String is the app's output for a failure message. A crash prints every
// goroutine's stack, hundreds of lines, and CI keeps only the end of a
// failed test's log: so a long output is cut to its head (where the
// reason for a crash is) and its last lines, and the reason is said again
// at the very end.
func (o *appOutput) String() string {
	o.mu.Lock()
	text := o.buf.String()
	o.mu.Unlock()
	return shortenedOutput(text)
}

const outputHead, outputTail = 40, 12

func shortenedOutput(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var b strings.Builder
	if len(lines) <= outputHead+outputTail {
		b.WriteString(strings.Join(lines, "\n"))
	} else {
		b.WriteString(strings.Join(lines[:outputHead], "\n"))
		fmt.Fprintf(&b, "\n… %d lines left out …\n", len(lines)-outputHead-outputTail)
		b.WriteString(strings.Join(lines[len(lines)-outputTail:], "\n"))
	}
	if why := crashReason(lines); why != "" {
		fmt.Fprintf(&b, "\nthe app crashed: %s", why)
	}
	return b.String()
}

// crashReason is the line in which the Go runtime says why the app died,
// or "" if it did not crash.
func crashReason(lines []string) string {
	for _, l := range lines {
		for _, p := range []string{"panic: ", "fatal error: ", "SIGSEGV", "SIGABRT", "SIGBUS", "signal arrived during cgo execution"} {
			if strings.HasPrefix(strings.TrimSpace(l), p) {
				return strings.TrimSpace(l)
			}
		}
	}
	return ""
}

// all is everything the app printed, for a test that looks for a line.
func (o *appOutput) all() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

func TestAShortenedCrashStillSaysWhy(t *testing.T) {
	lines := []string{"Fyne error:  window creation error", "panic: runtime error: index out of range [3] with length 3", "", "goroutine 1 [running]:"}
	for i := 0; i < 300; i++ {
		lines = append(lines, fmt.Sprintf("clinicdesk/screens.frame%d(...)", i))
	}
	got := shortenedOutput(strings.Join(lines, "\n"))
	if n := strings.Count(got, "\n"); n > outputHead+outputTail+3 {
		t.Errorf("a 304-line crash was cut to %d lines, not about %d", n, outputHead+outputTail)
	}
	if !strings.HasSuffix(got, "the app crashed: panic: runtime error: index out of range [3] with length 3") {
		t.Errorf("the reason is not at the end, where CI's log still shows it:\n%s", got[len(got)-200:])
	}
	if !strings.Contains(got, "frame299") || strings.Contains(got, "frame100(") {
		t.Errorf("not the head and the tail of the output:\n%s", got)
	}
	if quiet := shortenedOutput("Demo clinic at /tmp/x\n"); quiet != "Demo clinic at /tmp/x" {
		t.Errorf("a short output that is no crash was changed: %q", quiet)
	}
}

// Only a crash in the GL driver while the window is made earns a second
// start; a panic in ClinicDesk's own code fails the test.
func TestOnlyAGLDriverCrashIsStartedAgain(t *testing.T) {
	mesa := "SIGSEGV: segmentation violation\nPC=0x7f3a m=0 sigcode=1\nsignal arrived during cgo execution\n\ngoroutine 1 gp=0xc000002380 m=0 mp=0x2c1e0 [syscall, locked to thread]:\n" +
		"runtime.cgocall(0x1e6a0c0, 0xc0000b5a28)\ngithub.com/go-gl/glfw/v3.3/glfw._Cfunc_glfwCreateWindow(0x556, 0x300)\n"
	ours := "panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1 [running]:\nclinicdesk/screens.(*wizard).recoveryStep(...)\n" +
		"fyne.io/fyne/v2/internal/driver/glfw.(*window).create(...)\n"
	sqlite := "SIGSEGV: segmentation violation\nsignal arrived during cgo execution\n\ngoroutine 1 [syscall]:\nclinicdesk/data._Cfunc_sqlite3_step(...)\n"
	for _, c := range []struct {
		out  string
		want bool
	}{{mesa, true}, {ours, false}, {sqlite, false}, {"", false}} {
		if got := crashedMakingTheWindow(c.out); got != c.want {
			t.Errorf("crashedMakingTheWindow(%.40q…) = %v, want %v", c.out, got, c.want)
		}
	}
}
