package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// gridGutter is the column of hour labels left of the body. It is outside
// the body's scroll so the times stay in sight while the columns scroll
// sideways; the grid moves it up and down in step with the body.
type gridGutter struct {
	widget.BaseWidget
	grid *AppointmentGrid
}

func newGridGutter(g *AppointmentGrid) *gridGutter {
	gu := &gridGutter{grid: g}
	gu.ExtendBaseWidget(gu)
	return gu
}

func (gu *gridGutter) CreateRenderer() fyne.WidgetRenderer {
	r := &gridGutterRenderer{gutter: gu, background: canvas.NewRectangle(nil),
		now: canvas.NewText("", nil)}
	r.now.TextStyle.Bold = true
	r.now.Alignment = fyne.TextAlignTrailing
	r.Refresh()
	return r
}

type gridGutterRenderer struct {
	gutter     *gridGutter
	background *canvas.Rectangle
	hourLabels []*canvas.Text
	now        *canvas.Text // the time now, beside the today line
	objects    []fyne.CanvasObject
}

func (r *gridGutterRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridGutterRenderer) Destroy()                     {}
func (r *gridGutterRenderer) Layout(fyne.Size)             { r.Refresh() }

func (r *gridGutterRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth, r.gutter.grid.geom().height())
}

// Refresh draws the hour labels, centred on their lines, and the time now
// in the today line's colour. An hour label the time now would cover
// gives way to it.
func (r *gridGutterRenderer) Refresh() {
	g := r.gutter.grid
	p := paletteFor(r.gutter)
	geo := g.geom()
	size := r.gutter.Size()
	r.background.FillColor = p.background
	place(r.background, fyne.NewPos(0, 0), size)

	labelH := fyne.MeasureText("00:00", p.detailSize, fyne.TextStyle{}).Height
	nowY := float32(-1000)
	if g.showsNow() {
		nowY = geo.minuteY(g.now)
		r.now.Text, r.now.TextSize, r.now.Color = ClockText(g.now), p.detailSize, p.danger
		place(r.now, fyne.NewPos(0, nowY-labelH/2), fyne.NewSize(gutterWidth-8, labelH))
	} else {
		r.now.Hide()
	}

	grew := r.objects == nil
	h := 0
	for minute := (g.start + 59) / 60 * 60; minute <= g.end; minute += 60 {
		if grow(&r.hourLabels, h+1, func() *canvas.Text { return canvas.NewText("", nil) }) {
			grew = true
		}
		t := r.hourLabels[h]
		h++
		y := geo.minuteY(minute)
		t.Text, t.TextSize, t.Color, t.Alignment = ClockText(minute), p.detailSize, p.muted, fyne.TextAlignTrailing
		place(t, fyne.NewPos(0, y-labelH/2), fyne.NewSize(gutterWidth-8, labelH))
		if y-nowY < labelH && nowY-y < labelH {
			t.Hide()
		}
	}
	hideFrom(r.hourLabels, h)
	if grew {
		r.objects = []fyne.CanvasObject{r.background}
		for _, t := range r.hourLabels {
			r.objects = append(r.objects, t)
		}
		r.objects = append(r.objects, r.now)
	}
}
