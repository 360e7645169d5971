package charts

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The chart's frame is drawn here rather than by gonum/plot's Plot: that
// package's init parses the twelve Liberation fonts it embeds, which we
// never use (a chart is set in the documents' DejaVu), and that kept
// about 5 MB of the program resident in every window and command. The
// layout follows Plot's: the value axis up the left, the categories along
// the bottom, and room kept so the labels at the ends are not cut off.

// tick is a labelled value on an axis; a tick with no label is marked
// but not written.
type tick struct {
	value float64
	label string
}

// frame is a chart's two axes and the data area between them.
type frame struct {
	xMin, xMax, yMin, yMax float64
	xTicks, yTicks         []tick
	xLabel, yLabel         string
	// xTick and yTick are the tick labels' styles (xTick aslant when the
	// category names are turned); label the axis names'.
	xTick, yTick, label  text.Style
	xTickLen, yTickLen   vg.Length
	xLabelPad, yLabelPad vg.Length
	line                 draw.LineStyle
	data                 draw.Canvas // the data area, once laid out
}

// trX and trY place a value in the data area.
func (fr *frame) trX(v float64) vg.Length {
	return fr.data.Min.X + vg.Length((v-fr.xMin)/(fr.xMax-fr.xMin))*(fr.data.Max.X-fr.data.Min.X)
}

func (fr *frame) trY(v float64) vg.Length {
	return fr.data.Min.Y + vg.Length((v-fr.yMin)/(fr.yMax-fr.yMin))*(fr.data.Max.Y-fr.data.Min.Y)
}

// xAxisHeight is the height the category axis takes under the data.
func (fr *frame) xAxisHeight() vg.Length {
	h := fr.line.Width / 2
	if fr.xLabel != "" {
		h += fr.label.Height(fr.xLabel) + fr.xLabelPad
	}
	if len(fr.xTicks) > 0 {
		h += fr.xTickLen + fr.xTickLabelHeight()
	}
	return h
}

// yAxisWidth is the width the value axis takes left of the data.
func (fr *frame) yAxisWidth() vg.Length {
	w := fr.line.Width / 2
	if fr.yLabel != "" {
		w += fr.label.FontExtents().Descent + fr.label.Height(fr.yLabel) + fr.yLabelPad
	}
	if len(fr.yTicks) > 0 {
		if lw := fr.yTickLabelWidth(); lw > 0 {
			w += lw + fr.yTick.Width(" ")
		}
		w += fr.yTickLen
	}
	return w
}

func (fr *frame) xTickLabelHeight() vg.Length {
	return widestLabel(fr.xTick, fr.xTicks, func(r vg.Rectangle) vg.Length { return r.Max.Y - r.Min.Y })
}

func (fr *frame) yTickLabelWidth() vg.Length {
	return widestLabel(fr.yTick, fr.yTicks, func(r vg.Rectangle) vg.Length { return r.Max.X - r.Min.X })
}

// widestLabel is the largest extent of the ticks' labels in s, across
// the axis: extent gives a label's box's width or height.
func widestLabel(s text.Style, ticks []tick, extent func(vg.Rectangle) vg.Length) vg.Length {
	var most vg.Length
	for _, t := range ticks {
		if t.label != "" {
			most = max(most, extent(s.Rectangle(t.label)))
		}
	}
	return most
}

// layout sets the data area in c: c less the two axes, narrowed on the
// right so the last category's name is not cut off, and lowered at the
// top so the highest value's label is not.
func (fr *frame) layout(c draw.Canvas) {
	fr.data = draw.Crop(c, fr.yAxisWidth(), 0, fr.xAxisHeight(), 0)
	left, right := fr.data.Min.X, fr.data.Max.X
	for _, t := range fr.xTicks {
		if t.label != "" {
			reach := fr.xTick.Rectangle(t.label).Max.X
			right = min(right, farEdgeFor(left, c.Max.X, reach, (t.value-fr.xMin)/(fr.xMax-fr.xMin)))
		}
	}
	fr.data.Max.X = max(right, left+1)
	bottom, top := fr.data.Min.Y, fr.data.Max.Y
	ext := fr.yTick.FontExtents()
	below := ext.Height - ext.Ascent // the descent and line gap, as Plot has it
	for _, t := range fr.yTicks {
		if t.label != "" {
			reach := fr.yTick.Rectangle(t.label).Max.Y + below
			top = min(top, farEdgeFor(bottom, c.Max.Y, reach, (t.value-fr.yMin)/(fr.yMax-fr.yMin)))
		}
	}
	fr.data.Max.Y = max(top, bottom+1)
}

// farEdgeFor is the furthest the data area's far edge may be, its near
// edge fixed, for a label at fraction k of the way along that reaches
// reach beyond its place to stay within limit: near + k·(far−near) +
// reach ≤ limit. A label at or before the near edge, or past the far one,
// sets no bound.
func farEdgeFor(near, limit, reach vg.Length, k float64) vg.Length {
	if k <= 0 || k > 1 {
		return vg.Length(math.Inf(1))
	}
	kk := vg.Length(k)
	return (limit - reach - near*(1-kk)) / kk
}

// draw draws both axes around the data area; layout comes first.
func (fr *frame) draw(c draw.Canvas) {
	fr.drawX(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: fr.data.Min.X, Y: c.Min.Y}, Max: vg.Point{X: fr.data.Max.X, Y: fr.data.Min.Y}}})
	fr.drawY(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Min.X, Y: fr.data.Min.Y}, Max: vg.Point{X: fr.data.Min.X, Y: fr.data.Max.Y}}})
}

// drawX draws the category axis along the bottom of c: its name, the
// category names, the tick marks, then the axis line.
func (fr *frame) drawX(c draw.Canvas) {
	y := c.Min.Y
	if fr.xLabel != "" {
		s := fr.label
		s.XAlign, s.YAlign = draw.XCenter, draw.YBottom
		c.FillText(s, vg.Point{X: c.Center().X, Y: y + s.FontExtents().Descent}, fr.xLabel)
		y += fr.label.Height(fr.xLabel) + fr.xLabelPad
	}
	if len(fr.xTicks) > 0 {
		h := fr.xTickLabelHeight()
		descent := fr.xTick.FontExtents().Descent
		for _, t := range fr.xTicks {
			if t.label != "" {
				c.FillText(fr.xTick, vg.Point{X: fr.trX(t.value), Y: y + h + descent}, t.label)
			}
		}
		y += h
		for _, t := range fr.xTicks {
			x := fr.trX(t.value)
			c.StrokeLine2(fr.line, x, y+tickOffset(t, fr.xTickLen), x, y+fr.xTickLen)
		}
		y += fr.xTickLen
	}
	c.StrokeLine2(fr.line, c.Min.X, y, c.Max.X, y)
}

// drawY draws the value axis up the left of c: its name turned up the
// side, the values, the tick marks, then the axis line.
func (fr *frame) drawY(c draw.Canvas) {
	x := c.Min.X
	if fr.yLabel != "" {
		s := fr.label
		s.XAlign, s.YAlign = draw.XCenter, draw.YBottom
		s.Rotation = math.Pi / 2
		descent := fr.label.FontExtents().Descent
		x += fr.label.Height(fr.yLabel)
		c.FillText(s, vg.Point{X: x - descent, Y: c.Center().Y}, fr.yLabel)
		x += descent + fr.yLabelPad
	}
	if len(fr.yTicks) > 0 {
		x += fr.yTickLabelWidth()
		descent := fr.yTick.FontExtents().Descent
		for _, t := range fr.yTicks {
			if t.label != "" {
				c.FillText(fr.yTick, vg.Point{X: x, Y: fr.trY(t.value) + descent}, t.label)
			}
		}
		x += fr.yTick.Width(" ")
		for _, t := range fr.yTicks {
			y := fr.trY(t.value)
			c.StrokeLine2(fr.line, x+tickOffset(t, fr.yTickLen), y, x+fr.yTickLen, y)
		}
		x += fr.yTickLen
	}
	c.StrokeLine2(fr.line, x, c.Min.Y, x, c.Max.Y)
}

// tickOffset shortens an unlabelled tick mark to half its length.
func tickOffset(t tick, length vg.Length) vg.Length {
	if t.label == "" {
		return length / 2
	}
	return 0
}
