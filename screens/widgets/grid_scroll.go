package widgets

import "fyne.io/fyne/v2"

// The grid's scrolling: the body scrolls both ways, and the titles and
// the hours follow it.

// ScrollTo scrolls so that minute is near the top of the view, with the
// hour label above it in sight. Before the grid is laid out the scroll
// waits for it.
func (g *AppointmentGrid) ScrollTo(minute int) {
	if g.scroll.Size().Height <= 0 {
		g.pendingScroll = minute
		return
	}
	g.pendingScroll = -1
	y := max(0, g.geom().minuteY(minute)-bodyPadding-g.minuteHeight*10)
	g.scrollToOffset(fyne.NewPos(g.scroll.Offset.X, y))
}

// ScrollToColumn scrolls sideways the least needed to show a column whole.
func (g *AppointmentGrid) ScrollToColumn(column int) {
	if column < 0 || column >= len(g.columns) {
		return
	}
	geo := g.geom()
	g.scrollToOffset(fyne.NewPos(
		scrollSpan(g.scroll.Offset.X, g.scroll.Size().Width, geo.columnX(column), geo.columnX(column+1)),
		g.scroll.Offset.Y))
}

// scrollSpan is the offset that shows from–to in a view of size view now
// at off, moving the least: unchanged when it is in sight already.
func scrollSpan(off, view, from, to float32) float32 {
	if view <= 0 {
		return off
	}
	switch {
	case from < off:
		return from
	case to > off+view:
		return min(from, to-view)
	}
	return off
}

// scrollToOffset scrolls the body, kept within its size, and brings the
// titles and the hours along.
func (g *AppointmentGrid) scrollToOffset(off fyne.Position) {
	content, view := g.body.Size(), g.scroll.Size()
	off.X = max(0, min(off.X, content.Width-view.Width))
	off.Y = max(0, min(off.Y, content.Height-view.Height))
	g.scroll.ScrollToOffset(off)
	g.followScroll()
}

// followScroll moves the titles and the hours to where the body is
// scrolled to. A tip would point at the wrong place after a scroll, so it
// goes; a layout that scrolled nothing (a message shown above the grid)
// leaves it.
func (g *AppointmentGrid) followScroll() {
	off := g.scroll.Offset
	g.header.Move(fyne.NewPos(-off.X, 0))
	g.gutter.Move(fyne.NewPos(0, -off.Y))
	if off != g.tipOffset {
		g.tipOffset = off
		g.tip.hide()
	}
}

// ScrollOffset is how far the body is scrolled, sideways and down.
func (g *AppointmentGrid) ScrollOffset() fyne.Position { return g.scroll.Offset }

// ScrollToWorkingStart scrolls to the earliest working minute of any
// column (the range's start when nobody works), and puts the cursor there.
func (g *AppointmentGrid) ScrollToWorkingStart() {
	first := -1
	for _, c := range g.columns {
		if c.Banner != "" {
			continue
		}
		for _, s := range c.Working {
			if first < 0 || s.Start < first {
				first = s.Start
			}
		}
	}
	if first < 0 {
		first = g.start
	}
	g.cursorMin = g.geom().snap(first)
	g.body.Refresh()
	g.ScrollTo(first)
}

// scrollCursorIntoView scrolls the least needed to show the cursor's cell.
func (g *AppointmentGrid) scrollCursorIntoView() {
	view := g.scroll.Size()
	if view.Height <= 0 || len(g.columns) == 0 {
		return
	}
	geo := g.geom()
	off := g.scroll.Offset
	g.scrollToOffset(fyne.NewPos(
		scrollSpan(off.X, view.Width, geo.columnX(g.cursorCol), geo.columnX(g.cursorCol+1)),
		scrollSpan(off.Y, view.Height, geo.minuteY(g.cursorMin)-bodyPadding, geo.minuteY(g.cursorMin+g.step)+bodyPadding)))
}
