package screens

import (
	"fmt"
	"testing"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The list of screens keeps its width, and every title in full, whichever
// screen is open beside it: Settings' wide row of tabs used to squeeze it
// to "Compla…" at the window's first-start size.
func TestTheScreenListKeepsItsWidthOnEveryScreen(t *testing.T) {
	d := dkSignedIn(t)
	d.w.Resize(fyne.NewSize(1120, 680))
	d.u.settle()
	width := float32(0)
	check := func(m Module) {
		t.Helper()
		d.w.Content().Refresh() // as the real window lays out again
		navW := d.u.shell.nav.Size().Width
		if width == 0 {
			width = navW
		} else if navW != width {
			t.Errorf("on %s the list is %v wide, elsewhere %v", m.ID, navW, width)
		}
		fdWalk(d.u.shell.nav, false, func(o fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if !ok || l.Text == "" || l.Size().Width == 0 {
				return
			}
			if whole := widget.NewLabel(l.Text).MinSize().Width; l.Size().Width < whole {
				t.Errorf("on %s the list cuts %q (%v of %v)", m.ID, l.Text, l.Size().Width, whole)
			}
		})
	}
	for _, m := range d.u.shell.modules {
		d.u.shell.openID(m.ID)
		d.u.settle()
		check(m)
		if s, ok := d.u.shell.shownContent().(*settingsScreen); ok {
			// The widest: Calendar set-up's row of tabs.
			s.selectTab(settingsTabCalendar)
			d.u.settle()
			check(m)
		}
	}
}

// A screen's shortcut number is the same for every role: a receptionist,
// who has no Audit trail, still finds Settings at Ctrl+6, as her manager
// does, and Ctrl+5 does nothing for her rather than open Settings.
func TestShortcutNumbersDoNotChangeWithTheRole(t *testing.T) {
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	c.SignOut()
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	tpHoldResults(t)
	u := New(test.NewTempApp(t), Options{Clinic: c, Screen: "today", idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.settle()
	if u.shell.hasModule("audit") || !u.shell.hasModule("settings") {
		t.Fatal("the test needs a receptionist without the Audit trail and with Settings")
	}
	settings, audit := moduleKey("settings"), moduleKey("audit")
	if settings < 0 || audit < 0 || audit > settings {
		t.Fatalf("the test needs the Audit trail before Settings: %d, %d", audit, settings)
	}
	for _, it := range u.Window().MainMenu().Items[1].Items {
		if it.Label == "Settings" && (it.Shortcut == nil || it.Shortcut.ShortcutName() != doorModuleShortcut(settings).ShortcutName()) {
			t.Errorf("the menu gives Settings %v", it.Shortcut)
		}
	}
	fdPressShortcut(t, u.Window(), doorModuleShortcut(audit))
	u.settle()
	if u.shell.currentID() != "today" {
		t.Fatalf("the Audit trail's number opened %q for a receptionist", u.shell.currentID())
	}
	fdPressShortcut(t, u.Window(), doorModuleShortcut(settings))
	u.settle()
	if u.shell.currentID() != "settings" {
		t.Fatalf("Settings' number opened %q for a receptionist", u.shell.currentID())
	}
	if !tcShows(u.Window(), doorShortcutText(fmt.Sprint(settings+1))) {
		t.Errorf("the list does not show Settings' number %d", settings+1)
	}
}
