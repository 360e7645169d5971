package widgets

import (
	"fyne.io/fyne/v2"
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
// beneath them. It is driven from the keyboard as well as the mouse: the
// arrow keys move a highlighted cell, Enter books there or opens the
// appointment under it.
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

	columns      []Column
	blocks       []Block
	lanes        []lane
	start, end   int
	step         int
	minuteHeight float32
	now          int // the current minute for the today line; -1 for none

	cursorCol, cursorMin int

	// layoutVersion moves on whenever the columns, range or step change,
	// so the renderers know to redraw the grid behind the blocks.
	layoutVersion int

	header        *gridHeader
	body          *gridBody
	scroll        *container.Scroll
	pendingScroll int // the minute to scroll to once the grid has a size; -1 for none
}

// NewAppointmentGrid is an empty grid over 08:00–18:00 in 15-minute steps.
func NewAppointmentGrid() *AppointmentGrid {
	g := &AppointmentGrid{
		start: DefaultDayStart, end: DefaultDayEnd, step: DefaultStep,
		minuteHeight: DefaultMinuteHeight, now: -1, pendingScroll: -1,
		cursorMin: DefaultDayStart,
	}
	g.header = newGridHeader(g)
	g.body = newGridBody(g)
	g.scroll = container.NewVScroll(g.body)
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
// (fyne.Tappable, fyne.Focusable). Positions from SlotPosition are in it.
func (g *AppointmentGrid) Body() fyne.Widget { return g.body }

// SlotPosition is the middle of a cell within Body, e.g. for a test's tap
// or a menu's position.
func (g *AppointmentGrid) SlotPosition(column, minute int) fyne.Position {
	pos, size := g.geom().cellRect(column, g.geom().snap(minute))
	return pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
}

// MinuteY is where a minute of the day sits within Body.
func (g *AppointmentGrid) MinuteY(minute int) float32 { return g.geom().minuteY(minute) }

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
	g.scroll.ScrollToOffset(fyne.NewPos(0, y))
}

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

// geom is the grid's geometry at the body's current width.
func (g *AppointmentGrid) geom() geometry {
	return geometry{width: g.body.Size().Width, columns: len(g.columns), start: g.start, end: g.end,
		step: g.step, minuteHeight: g.minuteHeight}
}

// changedLayout redraws everything after the columns, range or step changed.
func (g *AppointmentGrid) changedLayout() {
	g.layoutVersion++
	g.lanes = assignLanes(g.blocks)
	g.Refresh()
	g.scroll.Refresh() // the body's height may have changed; this redraws it too
}

// scrollCursorIntoView scrolls the least needed to show the cursor's cell.
func (g *AppointmentGrid) scrollCursorIntoView() {
	view := g.scroll.Size().Height
	if view <= 0 {
		return
	}
	geo := g.geom()
	top := geo.minuteY(g.cursorMin) - bodyPadding
	bottom := geo.minuteY(g.cursorMin+g.step) + bodyPadding
	off := g.scroll.Offset.Y
	switch {
	case top < off:
		g.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+view:
		g.scroll.ScrollToOffset(fyne.NewPos(0, bottom-view))
	}
}

func (g *AppointmentGrid) CreateRenderer() fyne.WidgetRenderer {
	return &gridRenderer{grid: g, objects: []fyne.CanvasObject{g.header, g.scroll}}
}

// gridRenderer puts the column titles above the scrolled hours.
type gridRenderer struct {
	grid    *AppointmentGrid
	objects []fyne.CanvasObject
}

func (r *gridRenderer) Layout(size fyne.Size) {
	g := r.grid
	hh := g.header.MinSize().Height
	g.header.Move(fyne.NewPos(0, 0))
	g.header.Resize(fyne.NewSize(size.Width, hh))
	g.scroll.Move(fyne.NewPos(0, hh))
	g.scroll.Resize(fyne.NewSize(size.Width, max(0, size.Height-hh)))
	if g.pendingScroll >= 0 && g.scroll.Size().Height > 0 {
		g.ScrollTo(g.pendingScroll)
	}
}

func (r *gridRenderer) MinSize() fyne.Size {
	h := r.grid.header.MinSize()
	b := r.grid.body.MinSize()
	return fyne.NewSize(max(h.Width, b.Width), h.Height+120)
}

// Refresh lays out again too: a banner may have made the titles taller.
func (r *gridRenderer) Refresh() {
	r.Layout(r.grid.Size())
	r.grid.header.Refresh()
}

func (r *gridRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridRenderer) Destroy()                     {}
