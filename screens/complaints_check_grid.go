package screens

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkGrid is a set of tick boxes laid out in columns, so a long list
// (the ten subject areas) fits the form's width.
type checkGrid struct {
	checks []*widget.Check
	view   *fyne.Container
}

func newCheckGrid(labels []string, columns int) *checkGrid {
	g := &checkGrid{view: container.NewGridWithColumns(columns)}
	for _, l := range labels {
		c := widget.NewCheck(l, nil)
		g.checks = append(g.checks, c)
		g.view.Add(c)
	}
	return g
}

// Selected lists the labels ticked, in order.
func (g *checkGrid) Selected() []string {
	var out []string
	for _, c := range g.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// SetSelected ticks exactly the labels given.
func (g *checkGrid) SetSelected(labels []string) {
	for _, c := range g.checks {
		c.SetChecked(slices.Contains(labels, c.Text))
	}
}
