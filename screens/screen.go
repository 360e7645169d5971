// Package screens is ClinicDesk's Fyne GUI: one file per screen, each a
// struct holding its widgets with one named method per event. Screens call
// app.Clinic only; they never touch SQL.
package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2"
)

// Module is one entry in the main window's navigation.
type Module struct {
	ID    string // what `clinicdesk demo --screen` names: today, settings, audit, …
	Title string
	Icon  fyne.Resource
	// Allowed hides the entry from roles that cannot use it; the app layer
	// checks every action again.
	Allowed func(c *app.Clinic) bool
	// Build makes the module's content afresh each time it is shown, so
	// nothing of one session survives a lock into the next.
	Build func(ctx *Context) fyne.CanvasObject
}

// Context is what a module gets from the shell around it.
type Context struct {
	Window fyne.Window
	Clinic *app.Clinic
	// ShowError reports an error in plain words in a dialog.
	ShowError func(err error)
	// Reload rebuilds the shell, e.g. after the clinic's name changed.
	Reload func()
	// Open switches the navigation to another module by ID.
	Open func(id string)
	// Runner runs work off the UI goroutine (kit_background.go); nil is
	// the window's.
	Runner Runner

	// left is closed when the screen on show is left (see Left).
	left chan struct{}
	// shortcuts are the screen on show's own (addScreenShortcut).
	shortcuts []fyne.Shortcut
	// releases let go of what the screen on show read (onLeave).
	releases []func()
}

// Left is closed when the screen being built is left: another screen is
// opened, or the app locks, signs out or closes. Every ticker or loop a
// screen starts ends on it, so nothing of a screen outlives it (Fyne
// cannot tell: its lookup of a widget's canvas keeps the widget known).
// Take it while building: later it is the next screen's. UI goroutine only.
func (c *Context) Left() <-chan struct{} {
	if c.left == nil {
		c.left = make(chan struct{})
	}
	return c.left
}

// enterScreen ends the life of the screen on show, if any, and starts
// the next one's.
func (c *Context) enterScreen() {
	c.leaveScreen()
	c.left = make(chan struct{})
}

// leaveScreen ends the life of the screen on show (lock, sign-out, quit);
// a loop started after it ends at once.
func (c *Context) leaveScreen() {
	if c.left == nil {
		c.left = make(chan struct{})
	}
	select {
	case <-c.left:
	default:
		close(c.left)
	}
	// The canvas keeps a shortcut's action, and with it the screen, until
	// something replaces it: the screen left goes with its shortcuts.
	for _, sc := range c.shortcuts {
		c.Window.Canvas().RemoveShortcut(sc)
	}
	c.shortcuts = nil
	for _, release := range c.releases {
		release()
	}
	c.releases = nil
}

// hasLeft is whether left (a Context.Left) is closed: an answer read for
// a screen left since is dropped.
func hasLeft(left <-chan struct{}) bool {
	select {
	case <-left:
		return true
	default:
		return false
	}
}

// onLeave has release run when the screen being built is left. Fyne keeps
// a left screen's widgets, and so whatever they reach, for 12 to 22 s
// (screens/rendercache): after a round of every screen and a lock, the
// lines the screens had read (thousands of referrals and tasks at a large
// clinic) were still in memory when the desk unlocked. A release drops
// the screen's lists, and makes an answer still on its way be dropped
// too. UI goroutine only.
func (c *Context) onLeave(release func()) {
	c.releases = append(c.releases, release)
}

// addScreenShortcut gives the screen being built a shortcut while it is
// on show; do runs only while no dialog is open over the screen. UI
// goroutine only.
func (c *Context) addScreenShortcut(sc fyne.Shortcut, do func()) {
	canvas, left := c.Window.Canvas(), c.Left()
	canvas.AddShortcut(sc, func(fyne.Shortcut) {
		select {
		case <-left:
		default:
			behindOverlay(canvas, do)()
		}
	})
	c.shortcuts = append(c.shortcuts, sc)
}

// ScreenIDs lists every screen's id, in navigation order (for
// `clinicdesk demo --screen`).
func ScreenIDs() []string {
	var ids []string
	for _, m := range modules {
		ids = append(ids, m.ID)
	}
	return ids
}

// moduleKey is the module's shortcut number less one (Ctrl+1 is 0): its
// place among all the screens, not among those the user may open, so
// Ctrl+6 is Settings for everyone who has it and a receptionist's
// fingers learn what a manager's know. -1 for a module past Ctrl+0 (the tenth).
func moduleKey(id string) int {
	for i, m := range modules {
		if m.ID == id {
			if i < len(doorModuleKeys) {
				return i
			}
			break
		}
	}
	return -1
}

// Modules lists the modules the signed-in user may open, in order.
func Modules(c *app.Clinic) []Module {
	var out []Module
	for _, m := range modules {
		if m.Allowed == nil || m.Allowed(c) {
			out = append(out, m)
		}
	}
	return out
}
