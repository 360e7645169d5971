package charts

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"clinicdesk/app/reports"
)

// yLabel names the value axis with its unit: "DNA rate (%)". A figure has no
// axis name of its own, so a short title stands in for it; a long one would
// not fit up the side, and the unit alone is said instead.
func yLabel(f reports.Figure) string {
	name := strings.TrimSpace(f.Title)
	if len([]rune(name)) > 34 {
		name = ""
	}
	unit := map[reports.Unit]string{
		reports.Percent: "%", reports.Weeks: "weeks", reports.Minutes: "minutes",
	}[f.Unit]
	switch {
	case name == "" && unit == "":
		return "Number"
	case name == "" && f.Unit == reports.Percent:
		return "Per cent (%)"
	case name == "":
		return strings.ToUpper(unit[:1]) + unit[1:]
	case unit == "" || strings.Contains(strings.ToLower(name), unit):
		return name
	case strings.HasSuffix(name, ")"):
		// "Missed appointments (DNA rate)" takes the unit inside its brackets.
		return strings.TrimSuffix(name, ")") + ", " + unit + ")"
	}
	return name + " (" + unit + ")"
}

// FormatValue writes v as the chart writes it on a bar or point: "7.1%",
// "1,204", "6.5". Missing is "–", as in the tables.
func FormatValue(v float64, u reports.Unit) string {
	if reports.IsMissing(v) {
		return "–"
	}
	switch u {
	case reports.Percent:
		return strconv.FormatFloat(v, 'f', 1, 64) + "%"
	case reports.Weeks:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	if v == math.Trunc(v) {
		return reports.Thousands(int64(v))
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// valueRange is the value axis: from zero (or below it, for a negative
// value) to the largest value or stack with room above for its label.
func valueRange(f reports.Figure) (lo, hi float64) {
	for i := range f.Categories {
		stack := 0.0
		for _, s := range f.Series {
			v := s.Values[i]
			if reports.IsMissing(v) {
				continue
			}
			if f.Chart == reports.StackedBar && v > 0 {
				stack += v
				v = stack
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi <= 0 {
		hi = 1
		if f.Unit == reports.Percent {
			hi = 10
		}
	}
	if f.Unit == reports.Percent && hi <= 100 {
		hi = math.Min(hi*1.15, 105)
	} else {
		hi *= 1.15
	}
	if f.Unit == reports.Count || f.Unit == reports.Minutes {
		hi = math.Max(hi, 1.15) // a whole count at least, so ticks are not 0.2 of a patient
	}
	return lo, hi
}

// valueTicks are about six round values up the axis from lo to hi,
// written in the unit; counts step by whole numbers.
func valueTicks(unit reports.Unit, lo, hi float64) []tick {
	whole := unit == reports.Count || unit == reports.Minutes
	step := niceStep((hi-lo)/6, whole)
	var ticks []tick
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		v := math.Round(v/step) * step
		label := strconv.FormatFloat(v, 'f', decimals(step), 64)
		if unit == reports.Percent {
			label += "%"
		} else if v == math.Trunc(v) && math.Abs(v) >= 1000 {
			label = reports.Thousands(int64(v))
		}
		ticks = append(ticks, tick{value: v, label: label})
	}
	return ticks
}

// niceStep rounds raw up to 1, 2, 2.5 or 5 times a power of ten (2.5 only
// from 25 up, so no tick needs a decimal it need not have); whole numbers
// only when whole.
func niceStep(raw float64, whole bool) float64 {
	if raw <= 0 || (whole && raw <= 1) {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m == 2.5 && pow < 10 { // 2.5 would write 7.5%; 25 and 250 read well
			continue
		}
		if m*pow >= raw {
			return m * pow
		}
	}
	return 10 * pow
}

func decimals(step float64) int {
	for d := 0; d < 4; d++ {
		if s := step * math.Pow(10, float64(d)); math.Abs(s-math.Round(s)) < 1e-9 {
			return d
		}
	}
	return 4
}

// categoryTicks labels each category under its bar. Labels too wide for
// their slot are wrapped onto two lines at a space; when even then they
// would collide, a few names (clinicians, subjects) are turned aslant so
// every one is written, and many periods are thinned to every k-th (the
// table has them all). turned says the labels are to be set aslant.
func (st styles) categoryTicks(cats []string, c draw.Canvas) (ticks []tick, turned bool) {
	// The data area is the canvas less the value axis, about 5 em.
	slot := (c.Max.X - c.Min.X - 5*st.tick.Font.Size) / vg.Length(len(cats))
	labels := make([]string, len(cats))
	widest := vg.Length(0)
	for i, cat := range cats {
		labels[i] = cat
		if st.tick.Width(cat) > slot*0.95 {
			labels[i] = wrapTwo(cat)
		}
		widest = max(widest, st.tick.Width(labels[i]))
	}
	every := thinning(widest, slot, st.tick.Font.Size, len(cats))
	if every > 1 && len(cats) <= maxTurnedLabels && st.tick.Height("Ag")*2 <= slot {
		ticks := make([]tick, len(cats))
		for i, cat := range cats {
			ticks[i] = tick{value: float64(i), label: cat}
		}
		return ticks, true
	}
	if every > 1 {
		// Wrapping did not make them fit: thin the one-line labels instead,
		// which keeps periods such as "Apr 2026" whole.
		widest = 0
		for i, cat := range cats {
			labels[i] = cat
			widest = max(widest, st.tick.Width(cat))
		}
		every = thinning(widest, slot, st.tick.Font.Size, len(cats))
	}
	ticks = make([]tick, len(cats))
	for i := range cats {
		ticks[i] = tick{value: float64(i)}
		if i%every == 0 {
			ticks[i].label = labels[i]
		}
	}
	return ticks, false
}

// maxTurnedLabels is the most categories whose names are turned aslant
// rather than thinned: names, not a year of weeks.
const maxTurnedLabels = 20

// turned sets category names aslant, reading up to the right and ending
// under their bars.
func turned(s text.Style) text.Style {
	s.Rotation = math.Pi / 6
	s.XAlign, s.YAlign = draw.XRight, draw.YTop
	return s
}

// thinning is k such that labels widest wide, written under every k-th slot,
// leave an em between them.
func thinning(widest, slot, em vg.Length, n int) int {
	every := 1
	for widest+em > slot*vg.Length(every) && every < n {
		every++
	}
	return every
}

// wrapTwo breaks s at the space nearest its middle.
func wrapTwo(s string) string {
	mid, best := len(s)/2, -1
	for i, r := range s {
		if r == ' ' && (best < 0 || abs(i-mid) < abs(best-mid)) {
			best = i
		}
	}
	if best < 0 {
		return s
	}
	return s[:best] + "\n" + s[best+1:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// drawGrid draws light horizontal lines at the labelled values, behind
// the marks.
func drawGrid(fr *frame) {
	c := fr.data
	style := draw.LineStyle{Color: gridGrey, Width: vg.Points(0.6)}
	for _, t := range fr.yTicks {
		if t.label == "" {
			continue
		}
		y := fr.trY(t.value)
		c.StrokeLine2(style, c.Min.X, y, c.Max.X, y)
	}
}
