package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Defaults a new grid starts with.
const (
	DefaultDayStart = 8 * 60  // 08:00
	DefaultDayEnd   = 18 * 60 // 18:00
	DefaultStep     = 15
	// DefaultMinuteHeight is Fyne units per minute: a 15-minute slot is
	// 30 tall, an hour 120.
	DefaultMinuteHeight float32 = 2
)

// AppointmentGrid is the appointment book's day: hours down the left,
// one column per clinician (day view) or per day (week view), blocks for
// the appointments. The column titles stay put while the hours scroll
// beneath them. The columns share the width they are given, down to a
// readable minimum; past that they scroll sideways, titles in step, while
// the hours stay in sight, so a big practice never widens the window.
// Hovering a block, or the keyboard's cursor resting on it, shows its
// card: the patient in full, born when, the appointment, its status and
// alerts. It is driven from the keyboard as well as the mouse: the arrow
// keys move a highlighted cell, Enter books there or opens the
// appointment under it. A booked block can be dragged to another time or
// column, or moved with Ctrl+arrows and Enter; the grid only proposes the
// move (OnMoveBlock), the screen confirms it.
//
// All methods must be called on the UI goroutine.
type AppointmentGrid struct {
	widget.BaseWidget

	// OnEmptySlot is called with the cell tapped (or chosen with Enter):
	// its column and its start, snapped to the grid.
	OnEmptySlot func(column, minute int)
	// OnBlock is called with the appointment tapped or chosen with Enter.
	OnBlock func(id string)
	// OnSlotMenu and OnBlockMenu are the secondary tap (right click), with
	// where it happened on the canvas for a pop-up menu.
	OnSlotMenu  func(column, minute int, at fyne.Position)
	OnBlockMenu func(id string, at fyne.Position)
	// OnPageUp and OnPageDown are Page Up and Page Down on the grid: the
	// screen's previous and next day (or week).
	OnPageUp, OnPageDown func()
	// OnMoveBlock is a booked appointment dropped somewhere else (by the
	// mouse, or Enter after Ctrl+arrows): the column and start it would
	// move to. Nothing has moved; the screen asks. Nil: blocks do not move.
	OnMoveBlock func(id string, column, minute int)

	columns      []Column
	blocks       []Block
	lanes        []lane
	start, end   int
	step         int
	minuteHeight float32
	now          int // the current minute for the today line; -1 for none

	cursorCol, cursorMin int
	moving               *pendingMove // a block being dragged or moved by keyboard; nil for none

	// layoutVersion moves on whenever the columns, range or step change,
	// so the renderers know to redraw the grid behind the blocks.
	layoutVersion int

	header        *gridHeader
	gutter        *gridGutter
	body          *gridBody
	scroll        *container.Scroll // the body, both ways
	headerClip    *container.Clip   // the titles, moved sideways with the body
	gutterClip    *container.Clip   // the hours, moved up and down with the body
	tip           *gridTip
	tipOffset     fyne.Position // the scroll the tip was placed at
	pendingScroll int           // the minute to scroll to once the grid has a size; -1 for none
}

// NewAppointmentGrid is an empty grid over 08:00–18:00 in 15-minute steps.
func NewAppointmentGrid() *AppointmentGrid {
	g := &AppointmentGrid{
		start: DefaultDayStart, end: DefaultDayEnd, step: DefaultStep,
		minuteHeight: DefaultMinuteHeight, now: -1, pendingScroll: -1,
		cursorMin: DefaultDayStart,
	}
	g.header = newGridHeader(g)
	g.gutter = newGridGutter(g)
	g.body = newGridBody(g)
	g.scroll = container.NewScroll(g.body)
	g.scroll.OnScrolled = func(fyne.Position) { g.followScroll() }
	g.headerClip = container.NewClip(g.header)
	g.gutterClip = container.NewClip(g.gutter)
	g.tip = newGridTip()
	g.ExtendBaseWidget(g)
	return g
}

// SetDayRange sets the hours shown, in minutes after midnight (08:00 is
// 480). A range shorter than one grid step is ignored.
func (g *AppointmentGrid) SetDayRange(start, end int) {
	start, end = max(0, start), min(24*60, end)
	if end-start < g.step || (start == g.start && end == g.end) {
		return
	}
	g.start, g.end = start, end
	g.cursorMin = g.geom().snap(g.cursorMin)
	g.changedLayout()
}

// DayRange is the hours shown, in minutes after midnight.
func (g *AppointmentGrid) DayRange() (start, end int) { return g.start, g.end }

// SetStep sets the grid in minutes: 5, 10 or 15 at the desk.
func (g *AppointmentGrid) SetStep(minutes int) {
	if minutes <= 0 || minutes > 60 || minutes == g.step {
		return
	}
	g.step = minutes
	g.cursorMin = g.geom().snap(g.cursorMin)
	g.changedLayout()
}

// Step is the grid in minutes.
func (g *AppointmentGrid) Step() int { return g.step }

// SetMinuteHeight zooms the grid: Fyne units per minute.
func (g *AppointmentGrid) SetMinuteHeight(h float32) {
	if h <= 0 || h == g.minuteHeight {
		return
	}
	g.minuteHeight = h
	g.changedLayout()
}

// SetColumns sets the clinicians (or days) shown. Blocks refer to them by
// index, so set the blocks again when the columns change.
func (g *AppointmentGrid) SetColumns(cols []Column) {
	g.columns = append(g.columns[:0], cols...)
	g.cursorCol = max(0, min(g.cursorCol, len(g.columns)-1))
	g.changedLayout()
}

// Columns is the columns shown.
func (g *AppointmentGrid) Columns() []Column { return g.columns }

// SetBlocks sets the appointments shown. Blocks whose column is not one of
// the grid's are left out. Only the blocks that differ from what is drawn
// are redrawn.
func (g *AppointmentGrid) SetBlocks(blocks []Block) {
	g.blocks = g.blocks[:0]
	for _, b := range blocks {
		if b.Column >= 0 && b.Column < len(g.columns) && b.End > b.Start {
			g.blocks = append(g.blocks, b)
		}
	}
	g.lanes = assignLanes(g.blocks)
	g.tip.hide()
	g.moving = nil // the day changed under it
	g.body.Refresh()
}

// UpdateBlock replaces the block with b's ID, say after a status change.
// It reports whether there was one.
func (g *AppointmentGrid) UpdateBlock(b Block) bool {
	for i := range g.blocks {
		if g.blocks[i].ID == b.ID {
			moved := g.blocks[i].Column != b.Column || g.blocks[i].Start != b.Start || g.blocks[i].End != b.End
			g.blocks[i] = b
			if moved {
				g.lanes = assignLanes(g.blocks)
			}
			g.body.Refresh()
			return true
		}
	}
	return false
}

// Blocks is the appointments shown.
func (g *AppointmentGrid) Blocks() []Block { return g.blocks }

// SetNow sets the current time of day (minutes after midnight) for the
// today line, drawn across the columns marked Today; -1 hides it.
func (g *AppointmentGrid) SetNow(minute int) {
	if minute == g.now {
		return
	}
	g.now = minute
	g.body.Refresh()
	g.gutter.Refresh()
}

// todayColumns is the first and last column marked Today; -1 for none.
func (g *AppointmentGrid) todayColumns() (first, last int) {
	first, last = -1, -1
	for i, c := range g.columns {
		if c.Today {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// showsNow is whether the today line is drawn: a column is today and
// the time is within the hours shown.
func (g *AppointmentGrid) showsNow() bool {
	first, _ := g.todayColumns()
	return first >= 0 && g.now >= g.start && g.now <= g.end
}

// Cursor is the highlighted cell: its column and start minute.
func (g *AppointmentGrid) Cursor() (column, minute int) { return g.cursorCol, g.cursorMin }

// SetCursor moves the highlighted cell, snapped to the grid, and scrolls
// it into view.
func (g *AppointmentGrid) SetCursor(column, minute int) {
	g.cursorCol = max(0, min(column, len(g.columns)-1))
	g.cursorMin = g.geom().snap(minute)
	g.body.Refresh()
	g.scrollCursorIntoView()
	g.body.showCursorCard()
}

// BlockAt is the ID of the appointment covering minute in column, or ""
// for an empty cell. Where a double booking overlaps, the earlier wins.
func (g *AppointmentGrid) BlockAt(column, minute int) string {
	best := -1
	for i, b := range g.blocks {
		if b.Column == column && b.Start <= minute && minute < b.End && (best < 0 || b.Start < g.blocks[best].Start) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return g.blocks[best].ID
}

// Focus gives the grid the keyboard (in its window).
func (g *AppointmentGrid) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.body); c != nil {
		c.Focus(g.body)
	}
}

// Body is the scrolled part of the grid, the one that takes taps and keys
// (fyne.Tappable, fyne.Focusable): the columns, without the hour labels.
// Positions from SlotPosition are in it.
func (g *AppointmentGrid) Body() fyne.Widget { return g.body }

// SlotPosition is the middle of a cell within Body, e.g. for a test's tap
// or a menu's position.
func (g *AppointmentGrid) SlotPosition(column, minute int) fyne.Position {
	pos, size := g.geom().cellRect(column, g.geom().snap(minute))
	return pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
}

// MinuteY is where a minute of the day sits within Body.
func (g *AppointmentGrid) MinuteY(minute int) float32 { return g.geom().minuteY(minute) }

// geom is the grid's geometry at the body's current width.
func (g *AppointmentGrid) geom() geometry {
	return geometry{width: g.body.Size().Width, columns: len(g.columns), start: g.start, end: g.end,
		step: g.step, minuteHeight: g.minuteHeight}
}

// changedLayout redraws everything after the columns, range or step changed.
func (g *AppointmentGrid) changedLayout() {
	g.layoutVersion++
	g.lanes = assignLanes(g.blocks)
	g.tip.hide()
	g.scroll.Refresh() // the body's size may have changed; this redraws it too
	g.gutter.Refresh()
	g.Refresh()
}

func (g *AppointmentGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &gridRenderer{grid: g, corner: canvas.NewRectangle(nil), cornerRule: canvas.NewRectangle(nil)}
	r.objects = append([]fyne.CanvasObject{g.gutterClip, g.scroll, g.headerClip, r.corner, r.cornerRule}, g.tip.objects...)
	return r
}

// gridRenderer puts the column titles above the body and the hours left
// of it; the body scrolls, and they follow it.
type gridRenderer struct {
	grid               *AppointmentGrid
	corner, cornerRule *canvas.Rectangle // above the hours, beside the titles
	objects            []fyne.CanvasObject
	laidOut            fyne.Size // the size last laid out at
}

func (r *gridRenderer) Layout(size fyne.Size) {
	g := r.grid
	if size != r.laidOut { // the blocks move with the grid's size; a tip would not
		r.laidOut = size
		g.tip.hide()
	}
	hh := g.header.MinSize().Height
	view := fyne.NewSize(max(0, size.Width-gutterWidth), max(0, size.Height-hh))
	p := paletteFor(g)
	r.corner.FillColor, r.cornerRule.FillColor = p.background, p.separator
	place(r.corner, fyne.NewPos(0, 0), fyne.NewSize(gutterWidth, hh))
	place(r.cornerRule, fyne.NewPos(0, hh-1), fyne.NewSize(gutterWidth, 1))

	g.scroll.Move(fyne.NewPos(gutterWidth, hh))
	g.scroll.Resize(view)
	g.headerClip.Move(fyne.NewPos(gutterWidth, 0))
	g.headerClip.Resize(fyne.NewSize(view.Width, hh))
	g.gutterClip.Move(fyne.NewPos(0, hh))
	g.gutterClip.Resize(fyne.NewSize(gutterWidth, view.Height))
	// The scroll sized the body (the view, or more); the titles and the
	// hours take its width and height so they line up with it.
	body := g.body.Size()
	g.header.Resize(fyne.NewSize(body.Width, hh))
	g.gutter.Resize(fyne.NewSize(gutterWidth, body.Height))
	g.followScroll()
	if g.pendingScroll >= 0 && g.scroll.Size().Height > 0 {
		g.ScrollTo(g.pendingScroll)
	}
}

// MinSize is small whatever the number of columns: room for the hours
// and two columns, the rest scrolls.
func (r *gridRenderer) MinSize() fyne.Size {
	h := r.grid.header.MinSize().Height
	return fyne.NewSize(gutterWidth+minVisibleColumns*minColumnWidth, h+120)
}

// Refresh lays out again too: a banner may have made the titles taller.
func (r *gridRenderer) Refresh() {
	r.Layout(r.grid.Size())
	r.grid.header.Refresh()
	r.grid.gutter.Refresh()
}

func (r *gridRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridRenderer) Destroy()                     {}
