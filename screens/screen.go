// Package screens is ClinicDesk's Fyne GUI: one file per screen, each a
// struct holding its widgets with one named method per event. Screens call
// app.Clinic only; they never touch SQL.
package screens

import (
	"sort"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
)

// Module is one entry in the main window's navigation.
type Module struct {
	ID    string // what `clinicdesk demo --screen` names: today, settings, audit, …
	Title string
	Icon  fyne.Resource
	Order int
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
}

var modules []Module

// registerModule adds a module to the navigation (called from init in
// each module's file).
func registerModule(m Module) {
	modules = append(modules, m)
	sort.SliceStable(modules, func(i, j int) bool { return modules[i].Order < modules[j].Order })
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
