// Package charts draws a report's figures as pictures: bar, stacked bar and
// line charts with labelled axes, the values written on the chart and a
// colour-blind-safe palette, set in the documents' font. It computes no
// figures (app/reports does) and does no I/O beyond the writer it is given.
//
// Charts are drawn with gonum.org/v1/plot's drawing packages (vg, not its
// Plot: frame.go says why) onto a raster canvas of exactly the size asked
// for, so the screen can redraw them crisply at any window
// size and the PDF pack can place them at print resolution.
package charts

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"clinicdesk/app/reports"
	"clinicdesk/assets"
)

// ScreenDPI is the resolution a scale of 1 stands for: the text of a chart
// drawn at scale 1 is about the size of the app's own text.
const ScreenDPI = 96

// Palette is the Okabe–Ito palette (Okabe and Ito, 2008), which people with
// any common colour blindness can tell apart, ordered so the first colours
// are the strongest on white; yellow, weak on white, comes last.
var Palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x00, 0x00, 0xFF}, // black
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// SeriesColour is the colour of the i-th series.
func SeriesColour(i int) color.RGBA {
	return Palette[i%len(Palette)]
}

// The smallest picture worth drawing; below it the text would not fit.
const (
	minWidthPx  = 120
	minHeightPx = 90
	maxSidePx   = 12000 // a PDF page at 1200 dpi; larger is a mistake
)

var (
	textGrey = color.Gray{Y: 0x3C}
	gridGrey = color.Gray{Y: 0xE2}
	axisGrey = color.Gray{Y: 0x78}
)

// documentFonts is the DejaVu face the letters are set in, regular and bold,
// as gonum/plot's font cache.
var documentFonts = sync.OnceValues(func() (*font.Cache, error) {
	var coll font.Collection
	for _, f := range []struct {
		data   []byte
		weight xfont.Weight
	}{{assets.FontRegular, xfont.WeightNormal}, {assets.FontBold, xfont.WeightBold}} {
		face, err := opentype.Parse(f.data)
		if err != nil {
			return nil, fmt.Errorf("charts: reading the embedded font: %w", err)
		}
		coll = append(coll, font.Face{Font: font.Font{Typeface: "DejaVu", Weight: f.weight}, Face: face})
	}
	return font.NewCache(coll), nil
})

// Draw draws f as a picture of exactly width × height pixels. scale is the
// screen's scale factor (1 on an ordinary screen; a PDF at 300 dpi passes
// 300/ScreenDPI): it sets how large the text and lines are in pixels. The
// figure's title and summary are not in the picture: the screen and the PDF
// write them as text around it.
func Draw(f reports.Figure, width, height int, scale float32) (image.Image, error) {
	return draw1(f, width, height, scale, false)
}

// PNG writes f as a PNG of widthPx × heightPx pixels at scale 1, with the
// figure's title at the top, for a picture that stands alone (the summary
// sentence is still left out: it goes beside the picture as text).
func PNG(w io.Writer, f reports.Figure, widthPx, heightPx int) error {
	return PNGScaled(w, f, widthPx, heightPx, 1)
}

// PNGScaled is PNG at another scale, such as 300/ScreenDPI for print.
func PNGScaled(w io.Writer, f reports.Figure, widthPx, heightPx int, scale float32) error {
	img, err := draw1(f, widthPx, heightPx, scale, true)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// PNGStack writes figures as one PNG, each widthPx × heightEachPx with its
// title, one under another: a report with two charts as one picture.
func PNGStack(w io.Writer, figures []reports.Figure, widthPx, heightEachPx int, scale float32) error {
	if len(figures) == 0 {
		return errors.New("charts: there is no chart to draw")
	}
	if heightEachPx*len(figures) > maxSidePx {
		return fmt.Errorf("charts: %d charts of %d pixels are too tall a picture", len(figures), heightEachPx)
	}
	out := image.NewRGBA(image.Rect(0, 0, widthPx, heightEachPx*len(figures)))
	for i, f := range figures {
		img, err := draw1(f, widthPx, heightEachPx, scale, true)
		if err != nil {
			return err
		}
		stddraw.Draw(out, img.Bounds().Add(image.Pt(0, i*heightEachPx)), img, image.Point{}, stddraw.Src)
	}
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	return enc.Encode(w, out)
}

func draw1(f reports.Figure, width, height int, scale float32, withTitle bool) (image.Image, error) {
	if width < minWidthPx || height < minHeightPx {
		return nil, fmt.Errorf("charts: a chart needs at least %d × %d pixels, not %d × %d", minWidthPx, minHeightPx, width, height)
	}
	if width > maxSidePx || height > maxSidePx {
		return nil, fmt.Errorf("charts: %d × %d pixels is too large a chart (at most %d a side)", width, height, maxSidePx)
	}
	if !(scale > 0.25 && scale < 20) {
		return nil, fmt.Errorf("charts: scale %v is not a screen's or a printer's", scale)
	}
	if err := check(f); err != nil {
		return nil, err
	}
	fonts, err := documentFonts()
	if err != nil {
		return nil, err
	}
	dpi := int(ScreenDPI*scale + 0.5)
	canvas := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, width, height))), vgimg.UseDPI(dpi))
	c := draw.New(canvas)
	st := newStyles(fonts)

	pad := vg.Points(6)
	c = padded(c, pad)
	if withTitle && f.Title != "" {
		c = st.drawTitle(c, f.Title)
	}
	if len(f.Series) > 1 {
		c = st.drawLegend(c, f.Series)
	}
	if len(f.Categories) == 0 || allMissing(f) {
		st.drawEmpty(c, "Nothing to draw for this range")
		return canvas.Image(), nil
	}
	fr := st.frameFor(f, c)
	fr.draw(c)
	drawGrid(fr)
	(&marks{f: f, st: st}).draw(fr)
	return canvas.Image(), nil
}

// check refuses a figure whose series do not match its categories, which
// would otherwise draw values against the wrong labels.
func check(f reports.Figure) error {
	switch f.Chart {
	case reports.Bar, reports.StackedBar, reports.Line:
	default:
		return fmt.Errorf("charts: %q is not a kind of chart this draws (bar, stacked_bar or line)", f.Chart)
	}
	for _, s := range f.Series {
		if len(s.Values) != len(f.Categories) {
			return fmt.Errorf("charts: series %q has %d values for %d categories", s.Name, len(s.Values), len(f.Categories))
		}
	}
	if len(f.Series) == 0 && len(f.Categories) > 0 {
		return errors.New("charts: the figure has categories but no series")
	}
	return nil
}

func allMissing(f reports.Figure) bool {
	for _, s := range f.Series {
		for _, v := range s.Values {
			if !reports.IsMissing(v) {
				return false
			}
		}
	}
	return true
}

func padded(c draw.Canvas, by vg.Length) draw.Canvas {
	return draw.Crop(c, by, -by, by, -by)
}

// styles are the text styles of one chart, all in the document font.
type styles struct {
	title  text.Style
	axis   text.Style
	tick   text.Style
	value  text.Style
	legend text.Style
}

func newStyles(fonts *font.Cache) styles {
	h := text.Plain{Fonts: fonts}
	mk := func(size float64, bold bool) text.Style {
		fnt := font.Font{Typeface: "DejaVu", Size: vg.Points(size)}
		if bold {
			fnt.Weight = xfont.WeightBold
		}
		return text.Style{Color: textGrey, Font: fnt, Handler: h}
	}
	st := styles{
		title:  mk(12, true),
		axis:   mk(10, false),
		tick:   mk(9.5, false),
		value:  mk(9, true),
		legend: mk(10, false),
	}
	st.title.Color = color.Black
	return st
}

// drawTitle writes the title at the top left and returns the canvas below it.
func (st styles) drawTitle(c draw.Canvas, title string) draw.Canvas {
	s := st.title
	s.YAlign = draw.YTop
	c.FillText(s, vg.Point{X: c.Min.X, Y: c.Max.Y}, title)
	return draw.Crop(c, 0, 0, 0, -(s.Height(title) + vg.Points(6)))
}

// drawLegend writes a key of coloured squares and series names across the
// top, wrapping to more rows when needed, and returns the canvas below it.
// It sits outside the plot so it never covers a bar.
func (st styles) drawLegend(c draw.Canvas, series []reports.Series) draw.Canvas {
	s := st.legend
	s.YAlign = draw.YCenter
	box := s.FontExtents().Ascent
	rowH := s.Height("Ag") * 1.3
	gap := vg.Points(14)
	x, y := c.Min.X, c.Max.Y-rowH/2
	for i, ser := range series {
		w := box + vg.Points(4) + s.Width(ser.Name)
		if x > c.Min.X && x+w > c.Max.X {
			x, y = c.Min.X, y-rowH
		}
		fillRect(c, SeriesColour(i), x, y-box/2, x+box, y+box/2)
		c.FillText(s, vg.Point{X: x + box + vg.Points(4), Y: y}, ser.Name)
		x += w + gap
	}
	used := c.Max.Y - (y - rowH/2)
	return draw.Crop(c, 0, 0, 0, -(used + vg.Points(4)))
}

// drawEmpty writes message in the middle of c, so an empty range shows a
// sentence rather than an empty frame.
func (st styles) drawEmpty(c draw.Canvas, message string) {
	s := st.axis
	s.XAlign, s.YAlign = draw.XCenter, draw.YCenter
	c.FillText(s, c.Center(), message)
}

func fillRect(c draw.Canvas, clr color.Color, x0, y0, x1, y1 vg.Length) {
	c.FillPolygon(clr, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
}

// frameFor lays out f's axes in c: categories along the bottom, values
// from lo to hi up the side, in the axis styles.
func (st styles) frameFor(f reports.Figure, c draw.Canvas) *frame {
	fr := &frame{
		xLabel: f.XLabel, yLabel: yLabel(f),
		xTick: st.tick, label: st.axis,
		xTickLen: vg.Points(3), yTickLen: vg.Points(8),
		xLabelPad: vg.Points(5), yLabelPad: vg.Points(4),
		line: draw.LineStyle{Color: axisGrey, Width: vg.Points(0.5)},
	}
	fr.xTick.XAlign, fr.xTick.YAlign = draw.XCenter, draw.YTop
	fr.yTick = st.tick
	fr.yTick.XAlign, fr.yTick.YAlign = draw.XRight, draw.YCenter

	n := len(f.Categories)
	fr.xMin, fr.xMax = -0.5, float64(n)-0.5
	ticks, aslant := st.categoryTicks(f.Categories, c)
	fr.xTicks = ticks
	if aslant {
		fr.xTick = turned(fr.xTick)
	}
	lo, hi := valueRange(f)
	hi = st.roomForLabels(f, c, lo, hi)
	fr.yMin, fr.yMax = lo, hi
	fr.yTicks = valueTicks(f.Unit, lo, hi)
	// Written up the side, centred on the data, a long name would run off
	// the top of a short chart: then the unit alone, or on a tiny chart no
	// name (its title says what it counts), rather than a name cut short.
	for _, name := range []string{fr.yLabel, yLabel(reports.Figure{Unit: f.Unit}), ""} {
		fr.yLabel = name
		fr.layout(c)
		if fr.label.Width(name) <= fr.data.Max.Y-fr.data.Min.Y {
			break
		}
	}
	return fr
}

// roomForLabels raises the top of the value axis so the tallest bar's
// label fits above it, turned up when the bars are too narrow to write it
// across (a year by week): the plot's height is only known roughly here,
// so a label still short of room goes inside its bar.
func (st styles) roomForLabels(f reports.Figure, c draw.Canvas, lo, hi float64) float64 {
	if f.Chart == reports.Line || len(f.Categories) == 0 {
		return hi
	}
	k := len(f.Series)
	if f.Chart == reports.StackedBar {
		k = 1
	}
	slot := (c.Max.X - c.Min.X - 5*st.tick.Font.Size) / vg.Length(len(f.Categories))
	bar := slot * groupWidth / vg.Length(k)
	widest := st.value.Width(FormatValue(hi, f.Unit))
	up := st.value.Height("0")
	if widest > bar*1.15 {
		up = widest // written turned up the bar
	}
	plotH := c.Max.Y - c.Min.Y - 3*st.tick.Font.Size // less the axis under it
	if plotH <= 0 {
		return hi
	}
	share := float64((up + vg.Points(4)) / plotH)
	if share >= 0.5 {
		return hi
	}
	top := (hi/1.15-lo)/(1-share) + lo // the data's top, less the 15% kept before
	return math.Max(hi, top)
}
