package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Inside the header, in Fyne units.
const (
	headerPad    float32 = 4
	stripeHeight float32 = 3
)

// gridHeader is the row of column titles above the scrolled hours: the
// clinician (or day) in bold, a second line under it, the banner of a day
// off or closure, and the clinician's colour as a stripe. It is as wide
// as the body and moves sideways with it. A title cut short is shown in
// full while the mouse is over it.
type gridHeader struct {
	widget.BaseWidget
	grid *AppointmentGrid
	cut  []bool // per column: some of its text did not fit
}

var _ desktop.Hoverable = (*gridHeader)(nil)

// MouseIn and MouseMoved show a column's title in full when it was cut.
func (h *gridHeader) MouseIn(e *desktop.MouseEvent) { h.MouseMoved(e) }

func (h *gridHeader) MouseMoved(e *desktop.MouseEvent) {
	g := h.grid
	geo := geometry{width: h.Size().Width, columns: len(g.columns)}
	cw := geo.columnWidth()
	if cw <= 0 || e.Position.X < 0 {
		g.tip.hide()
		return
	}
	col := int(e.Position.X / cw)
	if col >= len(g.columns) || col >= len(h.cut) || !h.cut[col] {
		g.tip.hide()
		return
	}
	c := g.columns[col]
	at := fyne.NewPos(gutterWidth+geo.columnX(col)+h.Position().X, 0)
	g.tip.show(g, fmt.Sprint("column ", col), []string{c.Title, c.Subtitle, c.Banner}, -1, at, fyne.NewSize(cw, h.Size().Height))
}

// MouseOut takes the full title away.
func (h *gridHeader) MouseOut() { h.grid.tip.hide() }

func newGridHeader(g *AppointmentGrid) *gridHeader {
	h := &gridHeader{grid: g}
	h.ExtendBaseWidget(h)
	return h
}

func (h *gridHeader) CreateRenderer() fyne.WidgetRenderer {
	r := &gridHeaderRenderer{header: h, background: canvas.NewRectangle(nil), rule: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

// headerColumn is one column's title objects.
type headerColumn struct {
	title, subtitle, banner *fittedText
	stripe, divider         *canvas.Rectangle
}

type gridHeaderRenderer struct {
	header     *gridHeader
	background *canvas.Rectangle
	rule       *canvas.Rectangle // the line under the titles
	columns    []*headerColumn
	objects    []fyne.CanvasObject
	pal        palette
}

func (r *gridHeaderRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridHeaderRenderer) Destroy()                     {}

func (r *gridHeaderRenderer) lineHeights() (title, sub float32) {
	p := r.pal
	return fyne.MeasureText("Ag", p.nameSize+1, fyne.TextStyle{Bold: true}).Height,
		fyne.MeasureText("Ag", p.detailSize, fyne.TextStyle{}).Height
}

func (r *gridHeaderRenderer) hasBanner() bool {
	for _, c := range r.header.grid.columns {
		if c.Banner != "" {
			return true
		}
	}
	return false
}

func (r *gridHeaderRenderer) MinSize() fyne.Size {
	title, sub := r.lineHeights()
	h := headerPad + title + sub + stripeHeight + headerPad
	if r.hasBanner() {
		h += sub
	}
	return fyne.NewSize(r.header.grid.geom().minWidth(), h)
}

func (r *gridHeaderRenderer) Refresh() {
	r.pal = paletteFor(r.header)
	r.Layout(r.header.Size())
}

func (r *gridHeaderRenderer) Layout(size fyne.Size) {
	g, p := r.header.grid, &r.pal
	geo := geometry{width: size.Width, columns: len(g.columns), start: g.start, end: g.end, step: g.step, minuteHeight: g.minuteHeight}
	grew := r.objects == nil
	for len(r.columns) < len(g.columns) {
		r.columns = append(r.columns, &headerColumn{
			title:    newFittedText(p.nameSize+1, fyne.TextStyle{Bold: true}),
			subtitle: newFittedText(p.detailSize, fyne.TextStyle{}),
			banner:   newFittedText(p.detailSize, fyne.TextStyle{Bold: true}),
			stripe:   canvas.NewRectangle(nil),
			divider:  canvas.NewRectangle(nil),
		})
		grew = true
	}
	r.background.FillColor = p.background
	place(r.background, fyne.NewPos(0, 0), size)
	r.rule.FillColor = p.separator
	place(r.rule, fyne.NewPos(0, size.Height-1), fyne.NewSize(size.Width, 1))

	// Today's title stands out in the week view; in the day view every
	// column is today and colour would say nothing.
	allToday := true
	for _, c := range g.columns {
		allToday = allToday && c.Today
	}
	titleH, subH := r.lineHeights()
	cw := geo.columnWidth()
	h := r.header
	h.cut = append(h.cut[:0], make([]bool, len(g.columns))...)
	textW := max(0, cw-2*headerPad)
	for i, hc := range r.columns {
		if i >= len(g.columns) {
			for _, o := range []fyne.CanvasObject{hc.title, hc.subtitle, hc.banner, hc.stripe, hc.divider} {
				o.Hide()
			}
			continue
		}
		c := g.columns[i]
		x := geo.columnX(i)
		y := headerPad

		hc.title.TextSize, hc.subtitle.TextSize, hc.banner.TextSize = p.nameSize+1, p.detailSize, p.detailSize
		hc.title.forget()
		hc.subtitle.forget()
		hc.banner.forget()
		hc.title.Color = p.foreground
		if c.Today && !allToday {
			hc.title.Color = p.primary
		}
		title := c.Title
		if c.ShortTitle != "" && fyne.MeasureText(title, hc.title.TextSize, hc.title.TextStyle).Width > textW {
			title = c.ShortTitle
		}
		hc.title.set(title, textW)
		place(hc.title, fyne.NewPos(x+headerPad, y), fyne.NewSize(textW, titleH))
		y += titleH
		hc.subtitle.Color = p.muted
		hc.subtitle.set(c.Subtitle, textW)
		place(hc.subtitle, fyne.NewPos(x+headerPad, y), fyne.NewSize(textW, subH))
		y += subH
		if c.Banner != "" {
			hc.banner.Color = p.banner
			hc.banner.set(c.Banner, textW)
			place(hc.banner, fyne.NewPos(x+headerPad, y), fyne.NewSize(textW, subH))
		} else {
			hc.banner.Hide()
		}
		h.cut[i] = hc.title.Text.Text != c.Title || hc.subtitle.Text.Text != c.Subtitle ||
			(c.Banner != "" && hc.banner.Text.Text != c.Banner)
		stripe := c.Colour
		if stripe == nil {
			stripe = p.separator
		}
		hc.stripe.FillColor = stripe
		place(hc.stripe, fyne.NewPos(x+1, size.Height-stripeHeight-headerPad/2), fyne.NewSize(max(0, cw-2), stripeHeight))
		hc.divider.FillColor = p.separator
		place(hc.divider, fyne.NewPos(x, 0), fyne.NewSize(1, size.Height))
	}
	if grew {
		r.objects = []fyne.CanvasObject{r.background, r.rule}
		for _, hc := range r.columns {
			r.objects = append(r.objects, hc.divider, hc.title.Text, hc.subtitle.Text, hc.banner.Text, hc.stripe)
		}
	}
}
