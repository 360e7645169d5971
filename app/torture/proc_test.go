package torture

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// A child is this test binary run again with childEnv naming what to do.
// It talks one line at a time on stdout: "ready", "begin {op}", "ack {op}",
// "fail message", "hold", "result {…}". A line is written with one
// write(2) after the operation returned, so a line the parent reads is an
// operation that really finished.
type child struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	mu     sync.Mutex
	lines  []stamped
	more   chan struct{} // poked on every line
	eof    chan struct{} // closed when stdout ends
	killed bool          // ended by our SIGKILL
}

type stamped struct {
	at   time.Time
	text string
}

func startChild(spec childSpec) (*child, error) {
	b, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}
	ch := &child{more: make(chan struct{}, 1), eof: make(chan struct{})}
	ch.cmd = exec.Command(os.Args[0], "-test.run", "^$")
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, tortureEnv+"=") && !strings.HasPrefix(e, childEnv+"=") {
			env = append(env, e)
		}
	}
	ch.cmd.Env = append(env, childEnv+"="+string(b))
	ch.cmd.Stderr = &ch.stderr
	out, err := ch.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := ch.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			ch.mu.Lock()
			ch.lines = append(ch.lines, stamped{time.Now(), sc.Text()})
			ch.mu.Unlock()
			select {
			case ch.more <- struct{}{}:
			default:
			}
		}
		close(ch.eof)
	}()
	return ch, nil
}

// waitFor waits for a line starting with prefix; it fails if the child
// ends first or timeout passes.
func (ch *child) waitFor(prefix string, timeout time.Duration) (stamped, error) {
	deadline := time.After(timeout)
	seen := 0
	for {
		ch.mu.Lock()
		for ; seen < len(ch.lines); seen++ {
			if strings.HasPrefix(ch.lines[seen].text, prefix) {
				l := ch.lines[seen]
				ch.mu.Unlock()
				return l, nil
			}
		}
		ch.mu.Unlock()
		select {
		case <-ch.more:
		case <-ch.eof:
			ch.mu.Lock()
			n := len(ch.lines)
			ch.mu.Unlock()
			if seen < n {
				continue
			}
			ch.cmd.Wait()
			return stamped{}, fmt.Errorf("the child ended before %q: %s", prefix, ch.tail())
		case <-deadline:
			ch.kill()
			return stamped{}, fmt.Errorf("no %q from the child after %s: %s", prefix, timeout, ch.tail())
		}
	}
}

// killAfter sends SIGKILL once d has passed, unless the child ended by
// itself first. It reports whether the kill landed on a live child.
func (ch *child) killAfter(d time.Duration) bool {
	select {
	case <-ch.eof:
		ch.cmd.Wait()
		return false
	case <-time.After(d):
	}
	select {
	case <-ch.eof: // it ended just now, by itself
		ch.cmd.Wait()
		return false
	default:
	}
	ch.kill()
	return true
}

func (ch *child) kill() {
	select {
	case <-ch.eof:
	default:
		ch.killed = true
	}
	ch.cmd.Process.Signal(syscall.SIGKILL)
	<-ch.eof
	ch.cmd.Wait()
}

// wait lets the child finish by itself, killing it after timeout.
func (ch *child) wait(timeout time.Duration) error {
	select {
	case <-ch.eof:
		return ch.cmd.Wait()
	case <-time.After(timeout):
		ch.kill()
		return fmt.Errorf("the child took longer than %s and was stopped", timeout)
	}
}

func (ch *child) all() []stamped {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return append([]stamped(nil), ch.lines...)
}

// tail is the end of the child's stderr and stdout, for a failure line.
func (ch *child) tail() string {
	s := strings.TrimSpace(ch.stderr.String())
	if i := strings.Index(s, "panic:"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	ls := ch.all()
	if len(ls) > 0 {
		s += " | last line: " + ls[len(ls)-1].text
	}
	return s
}

// panicked reports a Go panic or a fatal signal in the child's stderr.
func (ch *child) panicked() string {
	s := ch.stderr.String()
	for _, mark := range []string{"panic:", "fatal error:", "SIGSEGV", "SIGABRT"} {
		if i := strings.Index(s, mark); i >= 0 {
			line, _, _ := strings.Cut(s[i:], "\n")
			return line
		}
	}
	return ""
}
