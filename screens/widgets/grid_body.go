package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// gridBody is the scrolled part of the grid: the hours, the cells and the
// blocks. It takes the taps, the mouse and the keyboard for the grid.
type gridBody struct {
	widget.BaseWidget
	grid *AppointmentGrid

	focused bool
	// hoverCol and hoverMin are the cell under the mouse; hoverCol is -1
	// when the mouse is elsewhere.
	hoverCol, hoverMin int
	// placed is where each of grid.blocks was last drawn, for hit tests.
	placed []placedBlock
}

type placedBlock struct {
	pos      fyne.Position
	size     fyne.Size
	complete bool // all its text is on show
}

var (
	_ fyne.Tappable          = (*gridBody)(nil)
	_ fyne.SecondaryTappable = (*gridBody)(nil)
	_ fyne.Focusable         = (*gridBody)(nil)
	_ desktop.Hoverable      = (*gridBody)(nil)
)

func newGridBody(g *AppointmentGrid) *gridBody {
	b := &gridBody{grid: g, hoverCol: -1}
	b.ExtendBaseWidget(b)
	return b
}

func (b *gridBody) CreateRenderer() fyne.WidgetRenderer { return newGridBodyRenderer(b) }

// blockAt is the index in grid.blocks of the block drawn under pos, or -1.
// Later blocks are drawn on top, so they are hit first.
func (b *gridBody) blockAt(pos fyne.Position) int {
	for i := len(b.placed) - 1; i >= 0; i-- {
		p := b.placed[i]
		if pos.X >= p.pos.X && pos.X < p.pos.X+p.size.Width && pos.Y >= p.pos.Y && pos.Y < p.pos.Y+p.size.Height {
			return i
		}
	}
	return -1
}

// Tapped opens the appointment tapped, or books in the empty cell tapped.
// Either way the cursor moves there, so the keyboard carries on from it.
func (b *gridBody) Tapped(e *fyne.PointEvent) {
	g := b.grid
	b.takeFocus()
	if i := b.blockAt(e.Position); i >= 0 && i < len(g.blocks) {
		blk := g.blocks[i]
		g.SetCursor(blk.Column, blk.Start)
		if g.OnBlock != nil {
			g.OnBlock(blk.ID)
		}
		return
	}
	col, minute, ok := g.geom().cellAt(e.Position)
	if !ok {
		return
	}
	g.SetCursor(col, minute)
	if g.OnEmptySlot != nil {
		g.OnEmptySlot(col, minute)
	}
}

// TappedSecondary hands a right click to the screen's menu.
func (b *gridBody) TappedSecondary(e *fyne.PointEvent) {
	g := b.grid
	b.takeFocus()
	if i := b.blockAt(e.Position); i >= 0 && i < len(g.blocks) {
		blk := g.blocks[i]
		g.SetCursor(blk.Column, blk.Start)
		if g.OnBlockMenu != nil {
			g.OnBlockMenu(blk.ID, e.AbsolutePosition)
		}
		return
	}
	col, minute, ok := g.geom().cellAt(e.Position)
	if !ok {
		return
	}
	g.SetCursor(col, minute)
	if g.OnSlotMenu != nil {
		g.OnSlotMenu(col, minute, e.AbsolutePosition)
	}
}

func (b *gridBody) takeFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// FocusGained shows the cursor.
func (b *gridBody) FocusGained() {
	b.focused = true
	b.Refresh()
}

// FocusLost hides the cursor.
func (b *gridBody) FocusLost() {
	b.focused = false
	b.Refresh()
}

// TypedRune ignores typing: letters have no meaning on the grid.
func (b *gridBody) TypedRune(rune) {}

// TypedKey moves the cursor with the arrows (a grid step up and down, a
// column left and right), acts on Enter, and pages with Page Up/Down.
// Home and End go to the start and the end of the day.
func (b *gridBody) TypedKey(e *fyne.KeyEvent) {
	g := b.grid
	switch e.Name {
	case fyne.KeyUp:
		g.SetCursor(g.cursorCol, g.cursorMin-g.step)
	case fyne.KeyDown:
		g.SetCursor(g.cursorCol, g.cursorMin+g.step)
	case fyne.KeyLeft:
		g.SetCursor(g.cursorCol-1, g.cursorMin)
	case fyne.KeyRight:
		g.SetCursor(g.cursorCol+1, g.cursorMin)
	case fyne.KeyHome:
		g.SetCursor(g.cursorCol, g.start)
	case fyne.KeyEnd:
		g.SetCursor(g.cursorCol, g.end)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		b.activateCursor()
	case fyne.KeyPageUp:
		if g.OnPageUp != nil {
			g.OnPageUp()
		}
	case fyne.KeyPageDown:
		if g.OnPageDown != nil {
			g.OnPageDown()
		}
	}
}

// activateCursor opens the appointment under the cursor, or books in its
// cell when it is empty.
func (b *gridBody) activateCursor() {
	g := b.grid
	if len(g.columns) == 0 {
		return
	}
	if id := g.BlockAt(g.cursorCol, g.cursorMin); id != "" {
		if g.OnBlock != nil {
			g.OnBlock(id)
		}
		return
	}
	if g.OnEmptySlot != nil {
		g.OnEmptySlot(g.cursorCol, g.cursorMin)
	}
}

// MouseIn, MouseMoved and MouseOut light the cell under the mouse, so it
// is clear which time a click will book, and tell in full what a block
// under it had to cut.
func (b *gridBody) MouseIn(e *desktop.MouseEvent) { b.MouseMoved(e) }

func (b *gridBody) MouseMoved(e *desktop.MouseEvent) {
	b.showTip(e.Position)
	col, minute, ok := b.grid.geom().cellAt(e.Position)
	if !ok || b.blockAt(e.Position) >= 0 {
		col = -1
	}
	if col == b.hoverCol && (col < 0 || minute == b.hoverMin) {
		return
	}
	b.hoverCol, b.hoverMin = col, minute
	b.Refresh()
}

func (b *gridBody) MouseOut() {
	b.grid.tip.hide()
	if b.hoverCol < 0 {
		return
	}
	b.hoverCol = -1
	b.Refresh()
}

// showTip shows the block under pos in full when it had to cut anything
// or carries a badge; elsewhere the tip goes.
func (b *gridBody) showTip(pos fyne.Position) {
	g := b.grid
	i := b.blockAt(pos)
	if i < 0 || i >= len(g.blocks) {
		g.tip.hide()
		return
	}
	blk, p := g.blocks[i], b.placed[i]
	if p.complete && !blk.Alert && !blk.AIS {
		g.tip.hide()
		return
	}
	// The body's origin in the grid: right of the hours, under the
	// titles, moved by the scroll.
	origin := g.scroll.Position().Subtract(g.scroll.Offset)
	g.tip.show(g, "block "+blk.ID, tipLines(blk), p.pos.Add(origin), p.size)
}
