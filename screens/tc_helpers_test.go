package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers shared by the screen tests in this package (tc: "test clinic").

const (
	tcManagerPassword = "kettle orchard lantern"
	tcStaffPassword   = "violet tractor meadow"
)

// tcClinic makes a real encrypted clinic file in a temp folder, with its
// practice manager signed in. The key derivation is cheap so tests are fast.
func tcClinic(t *testing.T) *app.Clinic {
	t.Helper()
	dir := t.TempDir()
	c, key, err := app.Create(app.Setup{
		Path:    filepath.Join(dir, "clinic.db"),
		Clinic:  practice.Details{Name: "Riverside Physio", Address: "1 Mill Lane\nYork\nYO1 7AB", Phone: "01904 000000", Email: "desk@riverside.example"},
		Manager: app.NewUser{Username: "pmanager", FullName: "Priya Manager", Password: tcManagerPassword},
		KDF:     kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1},
		Now:     testclock.Now,
	})
	if err != nil {
		t.Fatalf("create clinic: %v", err)
	}
	if key == "" {
		t.Fatal("no recovery key")
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// tcShell records what a screen asked of the shell around it.
type tcShell struct {
	errors  []error
	opened  []string
	reloads int
}

// tcBuild builds the registered module id for c in a test window, as the
// shell would.
func tcBuild(t *testing.T, c *app.Clinic, id string) (fyne.CanvasObject, fyne.Window, *tcShell) {
	t.Helper()
	var m *Module
	for i := range modules {
		if modules[i].ID == id {
			m = &modules[i]
		}
	}
	if m == nil {
		t.Fatalf("module %q is not registered", id)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	sh := &tcShell{}
	ctx := &Context{
		Window:    w,
		Clinic:    c,
		Runner:    tpRun,
		ShowError: func(err error) { sh.errors = append(sh.errors, err) },
		Reload:    func() { sh.reloads++ },
		Open:      func(id string) { sh.opened = append(sh.opened, id) },
	}
	obj := m.Build(ctx)
	w.SetContent(obj)
	return obj, w, sh
}

// tcIdle waits, with a generous deadline, for work sent off the UI
// goroutine to finish and its results to show.
func tcIdle(t *testing.T) {
	t.Helper()
	tpIdle(t)
}

// tcPoll waits until cond holds, failing the test after a minute.
func tcPoll(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// tcVisible collects the visible objects drawn in the window, dialogs
// included.
func tcVisible(w fyne.Window) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Canvas().Content())
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return out
}

// tcTexts is every visible label's text.
func tcTexts(w fyne.Window) []string {
	var out []string
	for _, o := range tcVisible(w) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

// tcShows reports whether some visible label contains s.
func tcShows(w fyne.Window, s string) bool {
	for _, text := range tcTexts(w) {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// tcTap taps the visible button whose text is label (the top dialog first).
func tcTap(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	objs := tcVisible(w)
	for i := len(objs) - 1; i >= 0; i-- {
		if b, ok := objs[i].(*widget.Button); ok && b.Text == label {
			if b.Disabled() {
				t.Fatalf("button %q is disabled", label)
			}
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on screen", label)
}

// tcUser finds a user by user name.
func tcUser(t *testing.T, c *app.Clinic, username string) (users.User, bool) {
	t.Helper()
	everyone, err := c.Users()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range everyone {
		if u.Username == username {
			return u, true
		}
	}
	return users.User{}, false
}
