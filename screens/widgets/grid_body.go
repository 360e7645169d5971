package widgets

import (
	"strings"

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
	// dragState is what the mouse's drag is doing (dragNone, …).
	dragState int
}

type placedBlock struct {
	pos  fyne.Position
	size fyne.Size
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
	g.cancelMove() // a click elsewhere leaves a keyboard move
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

// FocusGained shows the cursor, and the card of the block it is on.
func (b *gridBody) FocusGained() {
	b.focused = true
	b.Refresh()
	b.showCursorCard()
}

// FocusLost hides the cursor and its card; a move half made from the
// keyboard is dropped, not left waiting on a grid nobody is looking at.
func (b *gridBody) FocusLost() {
	b.focused = false
	if b.grid.moving != nil && !b.grid.moving.byMouse {
		b.grid.cancelMove()
	}
	if strings.HasPrefix(b.grid.tip.shown(), "block ") {
		b.grid.tip.hide()
	}
	b.Refresh()
}

// TypedRune ignores typing: letters have no meaning on the grid.
func (b *gridBody) TypedRune(rune) {}

// TypedKey moves the cursor with the arrows (a grid step up and down, a
// column left and right), acts on Enter, and pages with Page Up/Down.
// Home and End go to the start and the end of the day. While a block is
// being moved (Ctrl+arrows, or a drag) the keys steer the move instead.
func (b *gridBody) TypedKey(e *fyne.KeyEvent) {
	g := b.grid
	if g.moving != nil && b.steerMove(e.Name) {
		return
	}
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

// showTip shows the card of the block under pos; elsewhere the tip goes.
func (b *gridBody) showTip(pos fyne.Position) {
	i := b.blockAt(pos)
	if i < 0 || i >= len(b.grid.blocks) {
		b.grid.tip.hide()
		return
	}
	b.showCard(i)
}

// showCard shows the card of grid.blocks[i] beside where it is drawn.
func (b *gridBody) showCard(i int) {
	g := b.grid
	if i < 0 || i >= len(g.blocks) || i >= len(b.placed) {
		return
	}
	blk, p := g.blocks[i], b.placed[i]
	// The body's origin in the grid: right of the hours, under the
	// titles, moved by the scroll.
	origin := g.scroll.Position().Subtract(g.scroll.Offset)
	lines, warnFrom := cardLines(blk)
	g.tip.show(g, "block "+blk.ID, lines, warnFrom, p.pos.Add(origin), p.size)
}

// showCursorCard shows the card of the block the keyboard's cursor rests
// on, while the grid has the keyboard; on an empty cell a block's card
// goes (a column title's tip, under the mouse, stays).
func (b *gridBody) showCursorCard() {
	g := b.grid
	if !b.focused || g.moving != nil {
		return
	}
	id := g.BlockAt(g.cursorCol, g.cursorMin)
	for i, blk := range g.blocks {
		if id != "" && blk.ID == id {
			b.showCard(i)
			return
		}
	}
	if strings.HasPrefix(g.tip.shown(), "block ") {
		g.tip.hide()
	}
}
