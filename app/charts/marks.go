package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"clinicdesk/app/reports"
)

// groupWidth is how much of a category's slot its bars fill, and
// maxBarPt the widest a bar is drawn: a month on its own is a bar, not a
// wall.
const (
	groupWidth = 0.78
	maxBarPt   = 64

	manyCategories = 12 // more than a year of months
)

// barWidth is the width of one bar in data units, for k bars side by side
// in a slot, no wider than maxBarPt.
func barWidth(fr *frame, k int) float64 {
	w := groupWidth / float64(k)
	if px := fr.trX(w) - fr.trX(0); px > vg.Points(maxBarPt) {
		w *= float64(vg.Points(maxBarPt) / px)
	}
	return w
}

// marks draws a figure's bars or lines with their values written on them.
// Missing values leave a gap (a dash on the baseline for a bar), never a
// zero.
type marks struct {
	f  reports.Figure
	st styles
	// placed are the value labels already written, so a label that would
	// overlap one is left out rather than smudged over it.
	placed []vg.Rectangle
}

// draw draws the marks in fr's data area.
func (m *marks) draw(fr *frame) {
	m.placed = nil
	switch m.f.Chart {
	case reports.Line:
		m.lines(fr)
	case reports.StackedBar:
		m.stacked(fr)
	default:
		m.bars(fr)
	}
}

// bars draws one bar per category, or a group of bars (one per series)
// side by side.
func (m *marks) bars(fr *frame) {
	c, trX, trY := fr.data, fr.trX, fr.trY
	k := len(m.f.Series)
	w := barWidth(fr, k)
	barPx := trX(w) - trX(0)
	mode := m.labelMode(barPx)
	base := trY(0)
	for i := range m.f.Categories {
		for j, s := range m.f.Series {
			x0 := trX(float64(i) - w*float64(k)/2 + float64(j)*w)
			x1 := x0 + barPx
			v := s.Values[i]
			if reports.IsMissing(v) {
				m.missingMark(c, (x0+x1)/2, base, barPx, i)
				continue
			}
			top := trY(v)
			fillRect(c, SeriesColour(j), x0+0.5, min(base, top), x1-0.5, max(base, top))
			m.valueLabel(c, mode, FormatValue(v, m.f.Unit), (x0+x1)/2, top, SeriesColour(j))
		}
	}
	m.baseline(c, base)
}

// stacked draws the series stacked in each category, each part's value on
// it where there is room and the total above.
func (m *marks) stacked(fr *frame) {
	c, trX, trY := fr.data, fr.trX, fr.trY
	w := barWidth(fr, 1)
	barPx := trX(w) - trX(0)
	mode := m.labelMode(barPx)
	inside := m.st.value
	inside.XAlign, inside.YAlign = draw.XCenter, draw.YCenter
	base := trY(0)
	for i := range m.f.Categories {
		x0 := trX(float64(i) - w/2)
		x1 := x0 + barPx
		total, any := 0.0, false
		var topFill color.Color
		for j, s := range m.f.Series {
			v := s.Values[i]
			if reports.IsMissing(v) || v <= 0 {
				any = any || !reports.IsMissing(v)
				continue
			}
			any = true
			y0, y1 := trY(total), trY(total+v)
			total += v
			fillRect(c, SeriesColour(j), x0+0.5, y0, x1-0.5, y1)
			topFill = SeriesColour(j)
			label := FormatValue(v, m.f.Unit)
			if y1-y0 >= inside.Height(label)*1.15 && inside.Width(label) <= barPx*0.95 {
				inside.Color = readableOn(SeriesColour(j))
				c.FillText(inside, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, label)
			}
		}
		if !any {
			m.missingMark(c, (x0+x1)/2, base, barPx, i)
			continue
		}
		if len(m.f.Series) > 1 {
			m.valueLabel(c, mode, FormatValue(total, m.f.Unit), (x0+x1)/2, trY(total), topFill)
		}
	}
	m.baseline(c, base)
}

// lines draws one line per series through the periods, broken where a value
// is missing, with a dot on each point and its value above when there are
// few enough points to read.
func (m *marks) lines(fr *frame) {
	c, trX, trY := fr.data, fr.trX, fr.trY
	n := len(m.f.Categories)
	slot := trX(1) - trX(0)
	labelled := slot >= m.st.value.Width("100.0%")*0.9 && len(m.f.Series) <= 4
	dot := vg.Points(2.6)
	if slot < 3*dot {
		dot = max(slot/3, vg.Points(1))
	}
	for j, s := range m.f.Series {
		style := draw.LineStyle{Color: SeriesColour(j), Width: vg.Points(2)}
		var run []vg.Point
		flush := func() {
			if len(run) > 1 {
				c.StrokeLines(style, run)
			}
			run = nil
		}
		for i := 0; i < n; i++ {
			v := s.Values[i]
			if reports.IsMissing(v) {
				flush()
				continue
			}
			run = append(run, vg.Point{X: trX(float64(i)), Y: trY(v)})
		}
		flush()
		glyph := draw.GlyphStyle{Color: SeriesColour(j), Radius: dot, Shape: draw.CircleGlyph{}}
		for i := 0; i < n; i++ {
			if v := s.Values[i]; !reports.IsMissing(v) {
				pt := vg.Point{X: trX(float64(i)), Y: trY(v)}
				c.DrawGlyph(glyph, pt)
				if labelled {
					m.valueLabel(c, labelAbove, FormatValue(v, m.f.Unit), pt.X, pt.Y+dot, nil)
				}
			}
		}
	}
}

// labelMode is how values are written over bars barPx wide: across, up
// the bar, or not at all when even a turned label would not fit.
type labelMode int

const (
	labelNone labelMode = iota
	labelAbove
	labelTurned
)

func (m *marks) labelMode(barPx vg.Length) labelMode {
	widest := vg.Length(0)
	for _, s := range m.f.Series {
		for _, v := range s.Values {
			widest = max(widest, m.st.value.Width(FormatValue(v, m.f.Unit)))
		}
	}
	if m.f.Chart == reports.StackedBar {
		widest = max(widest, m.st.value.Width(FormatValue(stackMax(m.f), m.f.Unit)))
	}
	switch {
	case widest <= barPx*1.15:
		return labelAbove
	case m.st.value.Height("0") <= barPx*1.1:
		return labelTurned
	}
	return labelNone
}

func stackMax(f reports.Figure) float64 {
	best := 0.0
	for i := range f.Categories {
		t := 0.0
		for _, s := range f.Series {
			if v := s.Values[i]; !reports.IsMissing(v) && v > 0 {
				t += v
			}
		}
		best = math.Max(best, t)
	}
	return best
}

// valueLabel writes a value above the point (x, top), across or turned up,
// unless it would overlap a label already written. A label with no room
// above the chart's top goes just inside its bar, in a colour that reads
// on fill (none for a point on a line).
func (m *marks) valueLabel(c draw.Canvas, mode labelMode, label string, x, top vg.Length, fill color.Color) {
	if mode == labelNone || (label == "0" && len(m.f.Categories) > manyCategories) {
		return // a row of noughts along a year of weeks is noise; the table has them
	}
	s := m.st.value
	s.Color = textGrey
	gap := vg.Points(2)
	w, h := s.Width(label), s.Height(label)
	up := h // how far the label reaches up from its foot
	if mode == labelTurned {
		s.Rotation = math.Pi / 2
		s.XAlign, s.YAlign = draw.XLeft, draw.YCenter
		up = w
	} else {
		s.XAlign, s.YAlign = draw.XCenter, draw.YBottom
	}
	foot := top + gap
	if foot+up > c.Max.Y+vg.Points(4) {
		if fill == nil {
			return // a point at the very top: the table has the value
		}
		foot = top - gap - up // inside the top of the bar
		if rgba, ok := fill.(color.RGBA); ok {
			s.Color = readableOn(rgba)
		}
	}
	across := w
	if mode == labelTurned {
		across = h
	}
	r := vg.Rectangle{Min: vg.Point{X: x - across/2, Y: foot}, Max: vg.Point{X: x + across/2, Y: foot + up}}
	for _, o := range m.placed {
		if r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y {
			return
		}
	}
	m.placed = append(m.placed, r)
	if fill == nil {
		// On a line: a white ground, so a steep line does not strike it through.
		pad := vg.Points(1)
		fillRect(c, color.White, r.Min.X-pad, r.Min.Y, r.Max.X+pad, r.Max.Y)
	}
	c.FillText(s, vg.Point{X: x, Y: foot}, label)
}

// missingMark writes "no data" (or a dash, where that is too wide) in grey
// on the baseline where category i's value is missing, so a gap reads as
// "nothing to measure" and not as a bar forgotten or a zero; "not yet"
// for a period after today.
func (m *marks) missingMark(c draw.Canvas, x, base, barPx vg.Length, i int) {
	s := m.st.value
	s.Font.Weight = 0
	s.Color = axisGrey
	s.XAlign, s.YAlign = draw.XCenter, draw.YBottom
	label := "no data"
	if i >= len(m.f.Categories)-m.f.Ahead {
		label = "not yet"
	}
	if s.Width(label) > barPx*1.1 {
		label = "–"
	}
	c.FillText(s, vg.Point{X: x, Y: base + vg.Points(2)}, label)
}

func (m *marks) baseline(c draw.Canvas, y vg.Length) {
	c.StrokeLine2(draw.LineStyle{Color: axisGrey, Width: vg.Points(0.8)}, c.Min.X, y, c.Max.X, y)
}

// readableOn is black or white, whichever reads better on bg.
func readableOn(bg color.RGBA) color.Color {
	lum := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if lum > 140 {
		return color.Black
	}
	return color.White
}
