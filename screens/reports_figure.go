package screens

import (
	"image"
	"image/color"
	"strings"
	"unicode"

	"clinicdesk/app/charts"
	"clinicdesk/app/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// figureView is one figure of a report: its title, the chart drawn at the
// widget's real pixel size (redrawn when the window is resized, so it is
// crisp at any size and scale), the sentence saying what it shows, the
// definition of what is counted, and the table of the same numbers.
type figureView struct {
	ctx   *Context
	f     reports.Figure
	chart *canvas.Raster
}

func newFigureView(ctx *Context, f reports.Figure) *figureView {
	return &figureView{ctx: ctx, f: f}
}

func (v *figureView) build() fyne.CanvasObject {
	title := heading(v.f.Title)
	title.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title)
	if len(v.f.Categories) > 0 {
		v.chart = canvas.NewRaster(v.draw)
		v.chart.SetMinSize(fyne.NewSize(reportsChartMinWidth, v.chartHeight()))
		box.Add(v.chart)
	}
	if s := strings.TrimSpace(v.f.Summary); s != "" {
		summary := wrapped(s)
		summary.TextStyle.Bold = true
		box.Add(summary)
	}
	if d := strings.TrimSpace(v.f.Definition); d != "" {
		box.Add(fieldHint(d))
	}
	if len(v.f.Table.Header) > 0 {
		box.Add(v.tableBox())
	}
	box.Add(widget.NewSeparator())
	return box
}

// chartHeight is about two fifths of the window's height, so a big screen
// gets a bigger chart and a small one still shows the sentence under it.
func (v *figureView) chartHeight() float32 {
	h := float32(reportsChartHeight)
	if v.ctx.Window != nil {
		if c := v.ctx.Window.Canvas(); c != nil {
			h = max(h, min(c.Size().Height*0.42, 2*reportsChartHeight))
		}
	}
	return h
}

// tableBox is the figure's table, in a sideways scroller only when it is
// wider than the window has room for (a scroller takes the mouse wheel, so
// a table that fits is left out of one and the page scrolls over it).
func (v *figureView) tableBox() fyne.CanvasObject {
	t := container.NewHBox(reportTable(v.f.Table))
	room := float32(0)
	if v.ctx.Window != nil {
		if c := v.ctx.Window.Canvas(); c != nil {
			room = c.Size().Width - reportsNavWidth
		}
	}
	if room > 0 && t.MinSize().Width > room {
		return container.NewHScroll(t)
	}
	return t
}

// draw is the chart's raster generator: the figure drawn at exactly the
// pixels the widget has, at the window's scale.
func (v *figureView) draw(w, h int) image.Image {
	scale := float32(1)
	if v.ctx.Window != nil {
		if c := v.ctx.Window.Canvas(); c != nil && c.Scale() > 0 {
			scale = c.Scale()
		}
	}
	img, err := charts.Draw(v.f, w, h, scale)
	if err != nil {
		// Too small a space to draw in (the window mid-resize): white,
		// until the next size arrives.
		return image.NewUniform(color.White)
	}
	return img
}

// reportTable lays a figure's table out as bold headings over rows, each
// column as wide as its widest cell, numbers right-aligned.
func reportTable(t reports.Table) fyne.CanvasObject {
	n := len(t.Header)
	widths := make([]float32, n)
	right := make([]bool, n)
	for j := range right {
		right[j] = j > 0 && reportNumericColumn(t.Rows, j)
	}
	cellLabel := func(text string, j int, bold bool) *widget.Label {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = bold
		if right[j] {
			l.Alignment = fyne.TextAlignTrailing
		}
		widths[j] = max(widths[j], l.MinSize().Width+theme.Padding())
		return l
	}
	var rows []fyne.CanvasObject
	head := make([]fyne.CanvasObject, n)
	for j, h := range t.Header {
		head[j] = cellLabel(headingLines(h), j, true)
	}
	cols := &columns{widths: widths}
	rows = append(rows, row(cols, head...))
	for _, r := range t.Rows {
		cells := make([]fyne.CanvasObject, n)
		for j := range cells {
			text := ""
			if j < len(r) {
				text = r[j]
			}
			if j > 0 {
				text = reports.CellToRead(text)
			}
			cells[j] = cellLabel(text, j, false)
		}
		rows = append(rows, row(cols, cells...))
	}
	return container.New(&tightRows{}, rows...)
}

// headingLines breaks a long column heading into short lines, so a
// column of numbers is as wide as its numbers rather than its heading:
// "Average weeks to first appointment" is three lines.
func headingLines(h string) string {
	const most = 14
	var lines []string
	line := ""
	for _, w := range strings.Fields(h) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= most:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// reportNumericColumn is whether every filled cell of column j is a number
// ("12", "7.1%", "1,204", "–").
func reportNumericColumn(rows [][]string, j int) bool {
	seen := false
	for _, r := range rows {
		if j >= len(r) {
			continue
		}
		c := strings.TrimSpace(r[j])
		if c == "" || c == "–" {
			continue
		}
		seen = true
		for _, ch := range c {
			if !unicode.IsDigit(ch) && !strings.ContainsRune(".,%+−- ", ch) {
				return false
			}
		}
	}
	return seen
}

// tightRows stacks rows with no padding between them, so a long table
// reads as one block (a VBox's gaps double the height of a weekly table).
type tightRows struct{}

func (tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h += tightHeight(m.Height)
	}
	return fyne.NewSize(w, h)
}

// tightHeight is a row's height less some of a label's padding: a fifth
// of a one-line row, never more than 8, so a heading of three lines keeps
// its lines apart.
func tightHeight(h float32) float32 { return h - min(h*0.2, 8) }

func (tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objects {
		h := tightHeight(o.MinSize().Height)
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}
