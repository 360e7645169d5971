package screens

import (
	"testing"

	"fyne.io/fyne/v2"
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
