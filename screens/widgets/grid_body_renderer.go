package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// gridBodyRenderer draws the body from pools of canvas objects that are
// reused from one day to the next: the backdrop (shading, lines) is redrawn only when the columns, range, step, size or theme
// change, and a block's objects only when that block changed.
type gridBodyRenderer struct {
	body *gridBody

	background  *canvas.Rectangle
	shades      []*canvas.Rectangle // non-working time, breaks, banner days
	breakLabels []*canvas.Text
	lines       []*canvas.Rectangle // one per grid step, stronger on the hour
	dividers    []*canvas.Rectangle // between columns
	hover       *canvas.Rectangle
	views       []*blockView
	nowLine     *canvas.Rectangle
	nowDot      *canvas.Circle
	cursor      *canvas.Rectangle
	ghost       *canvas.Rectangle // where a block being moved would land
	ghostText   *canvas.Text

	objects []fyne.CanvasObject

	pal       palette
	paletteID int
	// What the backdrop was last drawn for.
	drawnVersion int
	drawnSize    fyne.Size
	drawnPalette int
}

func newGridBodyRenderer(b *gridBody) *gridBodyRenderer {
	r := &gridBodyRenderer{
		body:       b,
		background: canvas.NewRectangle(nil),
		hover:      canvas.NewRectangle(nil),
		nowLine:    canvas.NewRectangle(nil),
		nowDot:     canvas.NewCircle(nil),
		cursor:     canvas.NewRectangle(nil),
		ghost:      canvas.NewRectangle(nil),
		ghostText:  canvas.NewText("", nil),
	}
	r.ghost.StrokeWidth = 2
	r.ghost.CornerRadius = 4
	r.ghostText.TextStyle.Bold = true
	r.cursor.StrokeWidth = 2
	r.cursor.CornerRadius = 3
	r.drawnVersion = -1
	r.Refresh()
	return r
}

func (r *gridBodyRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridBodyRenderer) Destroy()                     {}

func (r *gridBodyRenderer) MinSize() fyne.Size {
	geo := r.body.grid.geom()
	return fyne.NewSize(geo.minWidth(), geo.height())
}

func (r *gridBodyRenderer) Layout(fyne.Size) { r.Refresh() }

// Refresh brings the drawing up to date with the grid, touching only what
// changed.
func (r *gridBodyRenderer) Refresh() {
	g := r.body.grid
	if p := paletteFor(r.body); p != r.pal || r.paletteID == 0 {
		r.pal = p
		r.paletteID++
	}
	geo := g.geom()
	size := r.body.Size()
	structure := false
	if g.layoutVersion != r.drawnVersion || size != r.drawnSize || r.paletteID != r.drawnPalette {
		structure = r.drawBackdrop(geo, size)
		r.drawnVersion, r.drawnSize, r.drawnPalette = g.layoutVersion, size, r.paletteID
	}
	if r.drawBlocks(geo) {
		structure = true
	}
	r.drawHover(geo)
	r.drawNow(geo)
	r.drawCursor(geo)
	r.drawGhost(geo)
	if structure || r.objects == nil {
		r.collect()
	}
}

// collect lists the objects bottom to top after a pool grew.
func (r *gridBodyRenderer) collect() {
	objs := make([]fyne.CanvasObject, 0, 1+len(r.shades)+len(r.breakLabels)+len(r.lines)+len(r.dividers)+
		len(r.views)*10+4)
	objs = append(objs, r.background)
	for _, o := range r.shades {
		objs = append(objs, o)
	}
	for _, o := range r.lines {
		objs = append(objs, o)
	}
	for _, o := range r.dividers {
		objs = append(objs, o)
	}
	for _, o := range r.breakLabels {
		objs = append(objs, o)
	}
	objs = append(objs, r.hover)
	for _, v := range r.views {
		objs = append(objs, v.objects...)
	}
	objs = append(objs, r.nowLine, r.nowDot, r.cursor, r.ghost, r.ghostText)
	r.objects = objs
}

// grow makes a pool at least n long with make; it reports whether it grew.
func grow[T any](pool *[]T, n int, make func() T) bool {
	grew := false
	for len(*pool) < n {
		*pool = append(*pool, make())
		grew = true
	}
	return grew
}

func newRect() *canvas.Rectangle { return canvas.NewRectangle(nil) }

// place moves and sizes o, showing it, and refreshes it.
func place(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	o.Move(pos)
	o.Resize(size)
	o.Show()
	o.Refresh()
}

// drawBackdrop draws the shading and lines. It reports whether a pool grew.
func (r *gridBodyRenderer) drawBackdrop(geo geometry, size fyne.Size) bool {
	g, p := r.body.grid, &r.pal
	grew := false
	r.background.FillColor = p.background
	place(r.background, fyne.NewPos(0, 0), size)

	// Shading: before, between and after working spans, breaks, and whole
	// columns under a banner.
	n, labels := 0, 0
	cw := geo.columnWidth()
	shade := func(col int, from, to int, c color.Color) {
		if to <= from {
			return
		}
		if grow(&r.shades, n+1, newRect) {
			grew = true
		}
		o := r.shades[n]
		n++
		o.FillColor = c
		y0, y1 := geo.minuteY(from), geo.minuteY(to)
		place(o, fyne.NewPos(geo.columnX(col), y0), fyne.NewSize(cw, y1-y0))
	}
	for col, c := range g.columns {
		if c.Banner != "" {
			shade(col, g.start, g.end, p.closed)
			continue
		}
		at := g.start
		for _, s := range sortedSpans(c.Working) {
			shade(col, at, s.Start, p.shade)
			at = max(at, s.End)
		}
		shade(col, at, g.end, p.shade)
		for _, s := range c.Breaks {
			shade(col, s.Start, s.End, p.shade)
			if s.Label == "" || geo.minuteY(s.End)-geo.minuteY(s.Start) < p.detailSize+4 {
				continue
			}
			if grow(&r.breakLabels, labels+1, func() *canvas.Text { return canvas.NewText("", nil) }) {
				grew = true
			}
			t := r.breakLabels[labels]
			labels++
			t.TextSize, t.Color, t.TextStyle = p.detailSize, p.muted, fyne.TextStyle{Italic: true}
			t.Text = ellipsize(s.Label, t.TextSize, t.TextStyle, cw-12)
			place(t, fyne.NewPos(geo.columnX(col)+6, geo.minuteY(s.Start)+2), fyne.NewSize(cw-12, p.detailSize+4))
		}
	}
	hideFrom(r.shades, n)
	hideFrom(r.breakLabels, labels)

	// One line per grid step; the hour lines are drawn stronger.
	steps := 0
	if g.step > 0 {
		steps = (g.end-g.start)/g.step + 1
	}
	if grow(&r.lines, steps, newRect) {
		grew = true
	}
	for i := 0; i < steps; i++ {
		minute := g.start + i*g.step
		o := r.lines[i]
		if minute%60 == 0 {
			o.FillColor = p.separator
		} else {
			o.FillColor = withAlpha(p.separator, 0.45)
		}
		place(o, fyne.NewPos(0, geo.minuteY(minute)), fyne.NewSize(size.Width, 1))
	}
	hideFrom(r.lines, steps)

	// Dividers on the left of each column and at the right edge.
	if grow(&r.dividers, len(g.columns)+1, newRect) {
		grew = true
	}
	for i := 0; i <= len(g.columns); i++ {
		o := r.dividers[i]
		o.FillColor = p.separator
		x := geo.columnX(i)
		if i == len(g.columns) {
			x--
		}
		place(o, fyne.NewPos(x, 0), fyne.NewSize(1, size.Height))
	}
	hideFrom(r.dividers, len(g.columns)+1)

	return grew
}

// drawBlocks hands each block to a pooled view; views left over hide. It
// reports whether the pool grew.
func (r *gridBodyRenderer) drawBlocks(geo geometry) bool {
	g := r.body.grid
	grew := grow(&r.views, len(g.blocks), newBlockView)
	if cap(r.body.placed) < len(g.blocks) {
		r.body.placed = make([]placedBlock, len(g.blocks))
	}
	r.body.placed = r.body.placed[:len(g.blocks)]
	for i, b := range g.blocks {
		pos, size := geo.blockRect(b, g.lanes[i])
		r.body.placed[i] = placedBlock{pos: pos, size: size}
		r.views[i].update(b, pos, size, &r.pal, r.paletteID)
	}
	for _, v := range r.views[len(g.blocks):] {
		v.hide()
	}
	return grew
}

// drawHover lights the empty cell under the mouse.
func (r *gridBodyRenderer) drawHover(geo geometry) {
	b := r.body
	if b.hoverCol < 0 || b.hoverCol >= len(b.grid.columns) {
		r.hover.Hide()
		return
	}
	r.hover.FillColor = r.pal.hover
	pos, size := geo.cellRect(b.hoverCol, b.hoverMin)
	place(r.hover, pos.AddXY(1, 1), size.SubtractWidthHeight(2, 1))
}

// drawNow draws the current time across the columns that are today.
func (r *gridBodyRenderer) drawNow(geo geometry) {
	g := r.body.grid
	first, last := g.todayColumns()
	if !g.showsNow() {
		r.nowLine.Hide()
		r.nowDot.Hide()
		return
	}
	y := geo.minuteY(g.now)
	x0, x1 := geo.columnX(first), geo.columnX(last+1)
	r.nowLine.FillColor = r.pal.danger
	place(r.nowLine, fyne.NewPos(x0, y-1), fyne.NewSize(x1-x0, 2))
	r.nowDot.FillColor = r.pal.danger
	const dot = 8
	place(r.nowDot, fyne.NewPos(x0, y-dot/2), fyne.NewSize(dot, dot))
}

// drawCursor outlines the keyboard's cell, or the block it is on, while
// the grid has the keyboard.
func (r *gridBodyRenderer) drawCursor(geo geometry) {
	g := r.body.grid
	if !r.body.focused || len(g.columns) == 0 {
		r.cursor.Hide()
		return
	}
	pos, size := geo.cellRect(g.cursorCol, g.cursorMin)
	r.cursor.FillColor = withAlpha(r.pal.focus, 0.12)
	if id := g.BlockAt(g.cursorCol, g.cursorMin); id != "" {
		for i, b := range g.blocks {
			if b.ID == id && i < len(r.body.placed) {
				pos, size = r.body.placed[i].pos, r.body.placed[i].size
				r.cursor.FillColor = nil
			}
		}
	}
	r.cursor.StrokeColor = r.pal.focus
	place(r.cursor, pos, size)
}

// drawGhost outlines where a block being moved would land, the whole
// column wide, with its new time (the tip under it says the rest).
func (r *gridBodyRenderer) drawGhost(geo geometry) {
	m := r.body.grid.moving
	if m == nil {
		r.ghost.Hide()
		r.ghostText.Hide()
		return
	}
	pos, size := geo.blockRect(Block{Column: m.col, Start: m.minute, End: m.minute + m.length}, lane{lanes: 1})
	r.ghost.FillColor = withAlpha(mix(r.pal.primary, r.pal.background, 0.25), 0.92) // the text on it reads over a block beneath
	r.ghost.StrokeColor = r.pal.primary
	place(r.ghost, pos, size)
	t := r.ghostText
	t.Color, t.TextSize = r.pal.foreground, r.pal.detailSize
	t.Text = ellipsize(ClockText(m.minute)+"–"+ClockText(m.minute+m.length), t.TextSize, t.TextStyle, size.Width-8)
	place(t, pos.AddXY(4, 2), fyne.NewSize(size.Width-8, t.MinSize().Height))
}

func hideFrom[T fyne.CanvasObject](pool []T, n int) {
	for _, o := range pool[min(n, len(pool)):] {
		o.Hide()
	}
}

// sortedSpans is spans in start order (a clinician's hours may be typed
// in any order).
func sortedSpans(spans []Span) []Span {
	out := append([]Span(nil), spans...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
