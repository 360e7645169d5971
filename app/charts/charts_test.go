package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"clinicdesk/app/reports"
)

// Set CLINICDESK_CHARTS_OUT to a folder to keep the PNGs the tests draw,
// for looking at.
const keepDirEnv = "CLINICDESK_CHARTS_OUT"

var nan = reports.Missing

func months(n int) []string {
	all := []string{"Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026",
		"Oct 2026", "Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027"}
	return all[:n]
}

func dnaFigure() reports.Figure {
	return reports.Figure{
		Title: "DNA rate", Chart: reports.Bar, Unit: reports.Percent, XLabel: "Month",
		Categories: months(6),
		Series:     []reports.Series{{Name: "DNA rate", Values: []float64{7.1, 6.4, nan, 5.9, 5.4, 6.0}}},
	}
}

func sampleFigures() map[string]reports.Figure {
	return map[string]reports.Figure{
		"bar": dnaFigure(),
		"grouped": {
			Title: "Cancellations", Chart: reports.Bar, Unit: reports.Count, XLabel: "Month",
			Categories: months(4),
			Series: []reports.Series{
				{Name: "By the patient", Values: []float64{12, 9, 14, 11}},
				{Name: "By the clinic", Values: []float64{3, 5, 2, 4}},
			},
		},
		"stacked": {
			Title: "Complaints by subject", Chart: reports.StackedBar, Unit: reports.Count, XLabel: "Subject",
			Categories: []string{"Clinical treatment", "Communication", "Appointments", "Staff attitude", "Premises"},
			Series: []reports.Series{
				{Name: "Upheld", Values: []float64{3, 1, 2, 0, 1}},
				{Name: "Partly upheld", Values: []float64{2, 2, 1, 1, 0}},
				{Name: "Not upheld", Values: []float64{4, 1, 3, 2, 1}},
			},
		},
		"clinicians": {
			Title: "Utilisation by clinician", Chart: reports.Bar, Unit: reports.Percent, XLabel: "Clinician",
			Categories: []string{"Priya Raman", "Callum MacLeod", "Aisha Rahman", "Tom Whitfield", "Chinonso Eze",
				"Siobhán Doyle", "Katarzyna Nowak", "Mei Lin Chen", "Grace Mensah", "Yusuf Hassan"},
			Series: []reports.Series{{Name: "Utilisation", Values: []float64{18.1, 19.2, 18.3, 18.8, 17.4, 18.6, 18.5, 18.5, 19.3, 17.3}}},
		},
		"line": {
			Title: "Weeks waited to first appointment", Chart: reports.Line, Unit: reports.Weeks, XLabel: "Month",
			Categories: months(12),
			Series: []reports.Series{
				{Name: "Median", Values: []float64{6.2, 6.8, 7.5, nan, 8.1, 7.7, 7.0, 6.6, 6.1, 5.8, 5.9, 6.3}},
				{Name: "92nd centile", Values: []float64{14, 15.5, 16.2, nan, 17.9, 17.1, 16, 15.2, 14.8, 14, 13.9, 14.5}},
			},
		},
	}
}

func drawPNG(t *testing.T, name string, f reports.Figure, w, h int) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := PNG(&buf, f, w, h); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dir := os.Getenv(keepDirEnv); dir != "" {
		_ = os.MkdirAll(dir, 0o755)
		_ = os.WriteFile(filepath.Join(dir, name+".png"), buf.Bytes(), 0o644)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("%s: the PNG does not decode: %v", name, err)
	}
	return img
}

func same(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	return uint8(r>>8) == want.R && uint8(g>>8) == want.G && uint8(b>>8) == want.B
}

// colourColumns are the x positions of the runs of columns holding colour
// want: one run per bar, or per unbroken stretch of a line.
func colourColumns(img image.Image, want color.RGBA) (runs int, pixels int) {
	b := img.Bounds()
	in := false
	for x := b.Min.X; x < b.Max.X; x++ {
		has := false
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if same(img.At(x, y), want) {
				has = true
				pixels++
			}
		}
		if has && !in {
			runs++
		}
		in = has
	}
	return runs, pixels
}

func TestEveryChartKindDrawsAPNGOfTheSizeAskedInThePaletteColours(t *testing.T) {
	for name, f := range sampleFigures() {
		t.Run(name, func(t *testing.T) {
			img := drawPNG(t, name, f, 800, 450)
			if got := img.Bounds().Size(); got != (image.Point{X: 800, Y: 450}) {
				t.Fatalf("size %v, want 800×450", got)
			}
			inked := 0
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xF000 || g < 0xF000 || bl < 0xF000 {
						inked++
					}
				}
			}
			if inked < 800*450/50 {
				t.Fatalf("only %d pixels are not white: the chart is blank", inked)
			}
			for i := range f.Series {
				if _, n := colourColumns(img, SeriesColour(i)); n < 50 {
					t.Errorf("series %q's colour %v is (almost) absent: %d pixels", f.Series[i].Name, SeriesColour(i), n)
				}
			}
			if _, n := colourColumns(img, SeriesColour(len(f.Series))); n > 0 {
				t.Errorf("the colour after the last series' shows on %d pixels", n)
			}
		})
	}
}

func TestAMissingValueIsAGapNotABar(t *testing.T) {
	full := reports.Figure{Title: "DNA rate", Chart: reports.Bar, Unit: reports.Percent, Categories: months(3),
		Series: []reports.Series{{Name: "DNA rate", Values: []float64{5, 5, 5}}}}
	gap := full
	gap.Series = []reports.Series{{Name: "DNA rate", Values: []float64{5, nan, 5}}}
	fullRuns, fullPx := colourColumns(drawPNG(t, "full", full, 600, 300), SeriesColour(0))
	gapRuns, gapPx := colourColumns(drawPNG(t, "gap", gap, 600, 300), SeriesColour(0))
	if fullRuns != 3 || gapRuns != 2 {
		t.Fatalf("bars: %d with every value, %d with the middle one missing; want 3 and 2", fullRuns, gapRuns)
	}
	if gapPx*3 > fullPx*2+fullPx/20 {
		t.Errorf("the missing bar left %d of %d blue pixels; want about two thirds", gapPx, fullPx)
	}

	line := reports.Figure{Title: "Weeks waited", Chart: reports.Line, Unit: reports.Weeks, Categories: months(5),
		Series: []reports.Series{{Name: "Median", Values: []float64{1, 2, nan, 4, 5}}}}
	if runs, _ := colourColumns(drawPNG(t, "line-gap", line, 600, 300), SeriesColour(0)); runs != 2 {
		t.Errorf("a line with a missing middle value is drawn in %d pieces, want 2", runs)
	}
}

func TestTheSameFigureDrawsTheSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	f := sampleFigures()["stacked"]
	if err := PNG(&a, f, 640, 360); err != nil {
		t.Fatal(err)
	}
	if err := PNG(&b, f, 640, 360); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two drawings of one figure differ")
	}
}

func TestDrawFillsExactlyThePixelsAskedAtAnyScale(t *testing.T) {
	for _, tc := range []struct {
		w, h  int
		scale float32
	}{{1366, 400, 1}, {333, 201, 1.25}, {2008, 1004, 300.0 / ScreenDPI}} {
		img, err := Draw(dnaFigure(), tc.w, tc.h, tc.scale)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got.X != tc.w || got.Y != tc.h {
			t.Errorf("Draw(%d, %d, %v) is %v", tc.w, tc.h, tc.scale, got)
		}
	}
}

func TestAnEmptyFigureSaysSoRatherThanFailing(t *testing.T) {
	f := reports.Figure{Title: "DNA rate", Chart: reports.Bar, Unit: reports.Percent}
	if _, err := Draw(f, 400, 200, 1); err != nil {
		t.Fatal(err)
	}
	f.Categories = months(2)
	f.Series = []reports.Series{{Name: "DNA rate", Values: []float64{nan, nan}}}
	if _, err := Draw(f, 400, 200, 1); err != nil {
		t.Fatal(err)
	}
}

func TestBadFiguresAndSizesAreRefusedWithAReason(t *testing.T) {
	short := dnaFigure()
	short.Series[0].Values = short.Series[0].Values[:2]
	pie := dnaFigure()
	pie.Chart = "pie"
	for _, tc := range []struct {
		name  string
		f     reports.Figure
		w, h  int
		scale float32
		want  string
	}{
		{"too few values", short, 400, 300, 1, "has 2 values for 6 categories"},
		{"unknown kind", pie, 400, 300, 1, `"pie" is not a kind of chart`},
		{"too small", dnaFigure(), 20, 10, 1, "at least"},
		{"too large", dnaFigure(), 20000, 300, 1, "too large"},
		{"no scale", dnaFigure(), 400, 300, 0, "scale"},
	} {
		_, err := Draw(tc.f, tc.w, tc.h, tc.scale)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

func TestValuesAndAxesAreWrittenInTheirUnit(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		u    reports.Unit
		want string
	}{
		{7.14, reports.Percent, "7.1%"}, {0, reports.Percent, "0.0%"}, {1204, reports.Count, "1,204"},
		{12, reports.Count, "12"}, {6.25, reports.Weeks, "6.2"}, {12345, reports.Minutes, "12,345"},
		{nan, reports.Count, "–"},
	} {
		if got := FormatValue(tc.v, tc.u); got != tc.want {
			t.Errorf("FormatValue(%v, %s) = %q, want %q", tc.v, tc.u, got, tc.want)
		}
	}
	for _, tc := range []struct {
		title string
		u     reports.Unit
		want  string
	}{
		{"DNA rate", reports.Percent, "DNA rate (%)"},
		{"New patients", reports.Count, "New patients"},
		{"Weeks waited to first appointment", reports.Weeks, "Weeks waited to first appointment"},
		{"Referral to treatment", reports.Weeks, "Referral to treatment (weeks)"},
		{"Missed appointments (DNA rate)", reports.Percent, "Missed appointments (DNA rate, %)"},
		{"Clinician utilisation: booked minutes of the minutes available", reports.Percent, "Per cent (%)"},
	} {
		if got := yLabel(reports.Figure{Title: tc.title, Unit: tc.u}); got != tc.want {
			t.Errorf("yLabel(%q, %s) = %q, want %q", tc.title, tc.u, got, tc.want)
		}
	}
}

func TestAReportsChartsStackIntoOnePicture(t *testing.T) {
	figs := []reports.Figure{dnaFigure(), sampleFigures()["grouped"]}
	var buf bytes.Buffer
	if err := PNGStack(&buf, figs, 700, 350, 1); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != (image.Point{X: 700, Y: 700}) {
		t.Fatalf("size %v, want 700×700", got)
	}
	// The second chart, below the first, has the second series' colour.
	lower := img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(0, 350, 700, 700))
	if _, n := colourColumns(lower, SeriesColour(1)); n < 50 {
		t.Error("the second chart is not below the first")
	}
	if err := PNGStack(&buf, nil, 700, 350, 1); err == nil {
		t.Error("no charts drew a picture")
	}
}

// A year by week of a stacked bar chart, at a screen's size and at the PDF
// pack's 300 dpi: go test -bench Draw ./app/charts/ (timings are read, not
// asserted).
func BenchmarkDraw(b *testing.B) {
	f := reports.Figure{Title: "Missed appointments (DNA rate)", Chart: reports.StackedBar, Unit: reports.Percent, XLabel: "Week"}
	for i := 0; i < 53; i++ {
		f.Categories = append(f.Categories, "w/c "+strings.Repeat("1", 1+i%2)+" Mar")
	}
	dna, wnb := make([]float64, 53), make([]float64, 53)
	for i := range dna {
		dna[i], wnb[i] = 4+float64(i%7), float64(i%3)/2
	}
	f.Series = []reports.Series{{Name: "Did not attend", Values: dna}, {Name: "Was not brought (children)", Values: wnb}}
	for _, size := range []struct {
		name  string
		w, h  int
		scale float32
	}{{"screen-1366", 1100, 320, 1}, {"pdf-300dpi", 2008, 1039, 300.0 / ScreenDPI}} {
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Draw(f, size.w, size.h, size.scale); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The key of colours is drawn only when there are two or more series: one
// series is named by the title and the axis.
func TestTheLegendIsDrawnOnlyForTwoOrMoreSeries(t *testing.T) {
	swatches := func(img image.Image) int {
		// Under the title, at the left edge, where the key's first square goes.
		n := 0
		for y := 24; y < 56; y++ {
			for x := 0; x < 30; x++ {
				if same(img.At(x, y), SeriesColour(0)) {
					n++
				}
			}
		}
		return n
	}
	if n := swatches(drawPNG(t, "one-series", dnaFigure(), 800, 450)); n > 0 {
		t.Errorf("a chart of one series has a key (%d pixels of its colour by the title)", n)
	}
	if n := swatches(drawPNG(t, "two-series", sampleFigures()["grouped"], 800, 450)); n < 20 {
		t.Errorf("a chart of two series has no key (%d pixels of the first colour by the title)", n)
	}
}

// The value axis's name is written up the side, centred on the data: on a
// short chart a long name runs off the top ("Missed appointments (DNA
// rate, %" with its bracket cut off, on the Reports screen, before this
// was checked). Where it would, the unit alone is written, or on a tiny
// chart nothing.
func TestTheValueAxisNameIsNeverCutOff(t *testing.T) {
	fonts, err := documentFonts()
	if err != nil {
		t.Fatal(err)
	}
	st := newStyles(fonts)
	f := dnaFigure()
	f.Title = "Missed appointments (DNA rate)"
	for _, tc := range []struct {
		height int
		name   string
	}{
		{400, "Missed appointments (DNA rate, %)"},
		{300, "Missed appointments (DNA rate, %)"},
		{260, "Per cent (%)"},
		{120, ""},
	} {
		canvas := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, 700, tc.height))), vgimg.UseDPI(ScreenDPI))
		c := padded(draw.New(canvas), vg.Points(6))
		fr := st.frameFor(f, c)
		if fr.yLabel != tc.name {
			t.Errorf("%d px high: the axis is named %q, want %q", tc.height, fr.yLabel, tc.name)
		}
		top := (fr.data.Min.Y+fr.data.Max.Y)/2 + fr.label.Width(fr.yLabel)/2
		if top > c.Max.Y+0.01 {
			t.Errorf("%d px high: %q reaches %.1f pt, above the chart's top at %.1f", tc.height, fr.yLabel, top, c.Max.Y)
		}
	}
}
