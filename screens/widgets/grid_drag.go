package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// pendingMove is a block on its way somewhere else: dragged by the mouse,
// or stepped with Ctrl+arrows. The grid draws where it would land; nothing
// moves until the screen has asked and been told yes.
type pendingMove struct {
	id                string
	fromCol, fromMin  int // where the block is
	col, minute       int // where it would land
	length            int // its minutes
	byMouse           bool
	grab              int // the minutes between the block's start and where the mouse took it
	status            Status
	patient, typeName string
}

// Drag states of the body: nothing, a block carried, or a drag that
// carries nothing (it began on an empty cell, or Escape dropped it).
const (
	dragNone = iota
	dragCarrying
	dragIgnored
)

var (
	_ fyne.Draggable    = (*gridBody)(nil)
	_ fyne.Shortcutable = (*gridBody)(nil)
)

// startMove takes up grid.blocks[i] to move it; only a booked appointment
// moves (the app says the same), and only when the screen listens.
func (g *AppointmentGrid) startMove(i int, byMouse bool) bool {
	if g.OnMoveBlock == nil || i < 0 || i >= len(g.blocks) || g.blocks[i].Status != StatusBooked {
		return false
	}
	b := g.blocks[i]
	g.moving = &pendingMove{id: b.ID, fromCol: b.Column, fromMin: b.Start, col: b.Column, minute: b.Start,
		length: b.End - b.Start, byMouse: byMouse, status: b.Status, patient: b.Patient, typeName: b.Type}
	g.cursorCol, g.cursorMin = b.Column, g.geom().snap(b.Start) // the cursor outlines the block taken
	g.body.Refresh()
	g.showMoveTip()
	return true
}

// showMoveTip says under where the block would land who it is, where
// that is, and how to finish: the landing outline has room for the time
// only in a narrow column.
func (g *AppointmentGrid) showMoveTip() {
	m := g.moving
	if m == nil || m.col >= len(g.columns) {
		return
	}
	how := "Let go to move it here; Esc leaves it"
	if !m.byMouse {
		how = "Enter to move it here; Esc leaves it"
	}
	where := g.columns[m.col].Title + ", " + ClockText(m.minute) + "–" + ClockText(m.minute+m.length)
	if m.col == m.fromCol && m.minute == m.fromMin {
		where = "Where it is now"
	}
	pos, size := g.geom().blockRect(Block{Column: m.col, Start: m.minute, End: m.minute + m.length}, lane{lanes: 1})
	origin := g.scroll.Position().Subtract(g.scroll.Offset)
	g.tip.show(g, fmt.Sprint("move ", m.col, " ", m.minute), []string{"Move " + m.patient, where, how}, -1, pos.Add(origin), size)
}

// moveTo puts the block being moved at a column and start, snapped to the
// grid and kept inside the day, and keeps it in sight.
func (g *AppointmentGrid) moveTo(col, minute int) {
	m := g.moving
	if m == nil || len(g.columns) == 0 {
		return
	}
	col = max(0, min(col, len(g.columns)-1))
	minute = g.geom().snap(max(g.start, min(minute, g.end-m.length)))
	if col == m.col && minute == m.minute {
		return
	}
	m.col, m.minute = col, minute
	g.body.Refresh()
	if view := g.scroll.Size(); view.Height > 0 {
		geo := g.geom()
		off := g.scroll.Offset
		g.scrollToOffset(fyne.NewPos(
			scrollSpan(off.X, view.Width, geo.columnX(col), geo.columnX(col+1)),
			scrollSpan(off.Y, view.Height, geo.minuteY(minute)-bodyPadding, geo.minuteY(minute+m.length)+bodyPadding)))
	}
	g.showMoveTip()
}

// cancelMove drops the move: the block stays where it is.
func (g *AppointmentGrid) cancelMove() {
	if g.moving == nil {
		return
	}
	g.moving = nil
	if strings.HasPrefix(g.tip.shown(), "move ") {
		g.tip.hide()
	}
	g.body.Refresh()
}

// dropMove ends the move: back where it was is no move at all; anywhere
// else is handed to the screen to ask about.
func (g *AppointmentGrid) dropMove() {
	m := g.moving
	if m == nil {
		return
	}
	g.cancelMove()
	if m.col == m.fromCol && m.minute == m.fromMin {
		return
	}
	// The cursor stays on the block where it is: if the move is not
	// confirmed, the keyboard carries on from the appointment, not from
	// an empty cell it never went to.
	if g.OnMoveBlock != nil {
		g.OnMoveBlock(m.id, m.col, m.minute)
	}
}

// MovingTo is where the block being moved would land: its ID, column and
// start; ok is false when nothing is being moved.
func (g *AppointmentGrid) MovingTo() (id string, column, minute int, ok bool) {
	if g.moving == nil {
		return "", 0, 0, false
	}
	return g.moving.id, g.moving.col, g.moving.minute, true
}

// Dragged carries a booked block with the mouse; the grid shows where it
// would land. A drag that starts off a block does nothing.
func (b *gridBody) Dragged(e *fyne.DragEvent) {
	g := b.grid
	if b.dragState == dragNone {
		// The driver's first event is where the mouse is now, and how far
		// it came from where the button went down.
		from := e.Position.Subtract(e.Dragged)
		i := b.blockAt(from)
		b.dragState = dragIgnored
		if i >= 0 && g.startMove(i, true) {
			b.dragState = dragCarrying
			b.takeFocus() // so Escape reaches the grid
			g.moving.grab = b.minuteAt(from) - g.blocks[i].Start
		}
	}
	if b.dragState != dragCarrying || g.moving == nil {
		return
	}
	col, _, ok := g.geom().cellAt(fyne.NewPos(max(0, e.Position.X), e.Position.Y))
	if !ok {
		col = g.moving.col // off the right edge: stay in the last column reached
	}
	g.moveTo(col, b.minuteAt(e.Position)-g.moving.grab)
}

// DragEnd drops the block where it was carried to.
func (b *gridBody) DragEnd() {
	carrying := b.dragState == dragCarrying
	b.dragState = dragNone
	if carrying && b.grid.moving != nil && b.grid.moving.byMouse {
		b.grid.dropMove()
	}
}

// minuteAt is the minute of the day at a height on the body, not snapped.
func (b *gridBody) minuteAt(pos fyne.Position) int {
	g := b.grid
	return g.start + int((pos.Y-bodyPadding)/g.minuteHeight)
}

// TypedShortcut moves the block under the cursor with Ctrl+arrows: up and
// down a grid step, left and right a column (a clinician in the day view,
// a day in the week view). Enter then asks to move it there; Escape leaves
// it. Other shortcuts go on to the window's (Ctrl+L and the like).
func (b *gridBody) TypedShortcut(s fyne.Shortcut) {
	g := b.grid
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierControl && isArrow(cs.KeyName) {
		if g.moving == nil {
			i := -1
			if id := g.BlockAt(g.cursorCol, g.cursorMin); id != "" {
				for j := range g.blocks {
					if g.blocks[j].ID == id {
						i = j
					}
				}
			}
			if !g.startMove(i, false) {
				return
			}
		}
		b.steerMove(cs.KeyName)
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		if sh, ok := c.(fyne.Shortcutable); ok {
			sh.TypedShortcut(s)
		}
	}
}

func isArrow(k fyne.KeyName) bool {
	return k == fyne.KeyUp || k == fyne.KeyDown || k == fyne.KeyLeft || k == fyne.KeyRight
}

// steerMove is a key while a block is being moved: the arrows carry it
// (from the keyboard), Enter asks to move it there, Escape leaves it. It
// reports whether the key was taken.
func (b *gridBody) steerMove(k fyne.KeyName) bool {
	g := b.grid
	m := g.moving
	if k == fyne.KeyEscape {
		g.cancelMove()
		if b.dragState == dragCarrying {
			b.dragState = dragIgnored // the rest of this drag carries nothing
		}
		b.showCursorCard()
		return true
	}
	if m.byMouse {
		return false
	}
	switch k {
	case fyne.KeyUp:
		g.moveTo(m.col, m.minute-g.step)
	case fyne.KeyDown:
		g.moveTo(m.col, m.minute+g.step)
	case fyne.KeyLeft:
		g.moveTo(m.col-1, m.minute)
	case fyne.KeyRight:
		g.moveTo(m.col+1, m.minute)
	case fyne.KeyReturn, fyne.KeyEnter:
		g.dropMove()
	default:
		return false
	}
	return true
}
