package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// deskContentWidth is what a 1366-pixel desk screen leaves a screen beside
// the sidebar. A screen (or one of its tabs, all of which count) that needs
// more makes the whole window wider than the screen, with its buttons out
// of reach: a Settings card subtitle 1,900 pixels long once did.
const deskContentWidth = 1366 - 240

func TestEveryScreenFitsADeskScreensWidth(t *testing.T) {
	test.NewTempApp(t)
	tpHoldResults(t) // results are shown on the test's goroutine, never beside a build
	c := tcClinic(t)
	for _, m := range modules {
		if m.Allowed != nil && !m.Allowed(c) {
			t.Errorf("the manager cannot open %s, so its width goes unchecked", m.ID)
			continue
		}
		obj, _, _ := tcBuild(t, c, m.ID)
		tpIdle(t) // the screen's first reads finish before the next is built
		if w := obj.MinSize().Width; w > deskContentWidth {
			t.Errorf("%s needs %.0f pixels of width, more than the %d a 1366×768 screen leaves it", m.ID, w, deskContentWidth)
		}
	}
	s, _, _ := tcSettings(t, c)
	for _, tab := range s.tabs.Items {
		if w := tab.Content.MinSize().Width; w > deskContentWidth {
			t.Errorf("Settings → %s needs %.0f pixels of width, more than the %d a 1366×768 screen leaves it", tab.Text, w, deskContentWidth)
		}
	}
}
