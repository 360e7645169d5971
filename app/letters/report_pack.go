package letters

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"clinicdesk/app/charts"
	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
)

// ReportPack is one or more reports ready to print as one PDF.
type ReportPack struct {
	Clinic Letterhead
	// ClinicianName is whose figures these are; empty for the whole clinic.
	ClinicianName string
	// Made is when the pack was made, in clinic (UK) time: printed on the
	// cover, as figures go out of date, and the PDF's creation date.
	Made    time.Time
	Reports []reports.Report
}

// Chart geometry: full text width, at print resolution.
const (
	packChartHeightMM = 88.0
	packChartDPI      = 300
	packBody          = 10.5
	packSmall         = 9
)

// RenderReportPack writes the reports as one A4 PDF: a cover saying whose
// figures they are, over which dates and when they were made, then each
// report on a new page with, for each figure, its title, the chart at full
// text width (a 300 dpi picture), the sentence saying what it shows, the
// definition of what is counted, and the table of the same numbers (its
// heading repeated on every page it runs to).
func RenderReportPack(w io.Writer, p ReportPack) (Warnings, error) {
	if p.Made.IsZero() {
		return nil, errors.New("letters: the report pack needs the time it was made")
	}
	if len(p.Reports) == 0 {
		return nil, errors.New("letters: the report pack has no reports in it")
	}
	d, err := NewDocument("Clinic reports", p.Made)
	if err != nil {
		return nil, err
	}
	var warn warner
	d.packCover(p, &warn)
	drawn := 0
	for i, r := range p.Reports {
		d.AddPage()
		d.SetFont(Bold, 16)
		d.Paragraph(warn.text("report title", r.Title))
		d.SetFont(Regular, packBody)
		d.pdf.SetTextColor(90, 90, 90)
		d.Paragraph(packRangeWords(r.Range))
		d.pdf.SetTextColor(0, 0, 0)
		d.Space(3)
		if len(r.Figures) == 0 {
			d.SetFont(Regular, packBody)
			d.Paragraph("There is nothing to show for these dates.")
		}
		for j, f := range r.Figures {
			if j > 0 {
				d.Space(6)
			}
			drawn++
			if err := d.packFigure(fmt.Sprintf("chart-%d-%d", i, j), drawn, f, &warn); err != nil {
				return nil, fmt.Errorf("letters: %s, %q: %w", r.Title, f.Title, err)
			}
		}
	}
	return warn.list, d.Output(w)
}

// packCover is the first page: the clinic, what the pack holds, whose
// figures, the dates and when it was made.
func (d *Document) packCover(p ReportPack, warn *warner) {
	pdf := d.pdf
	d.AddPage()
	d.SetFont(Regular, 11)
	pdf.SetTextColor(90, 90, 90)
	d.Paragraph(warn.text("clinic name", p.Clinic.Name))
	if len(p.Clinic.Address) > 0 {
		d.SetFont(Regular, packSmall)
		d.Paragraph(strings.Join(warn.lines("clinic address", p.Clinic.Address), ", "))
	}
	pdf.SetTextColor(0, 0, 0)
	d.Space(30)
	d.SetFont(Bold, 24)
	d.Paragraph("Clinic reports")
	d.Space(3)
	d.SetFont(Regular, 14)
	first := p.Reports[0].Range
	d.Paragraph(packDates(first))
	d.Space(2)
	d.SetFont(Regular, 12)
	who := "The whole clinic"
	if first.ClinicianID != "" || strings.TrimSpace(p.ClinicianName) != "" {
		name := strings.TrimSpace(p.ClinicianName)
		if name == "" {
			name = "one clinician"
		}
		who = "Clinician: " + warn.text("clinician's name", name)
	}
	d.Paragraph(who)
	d.Paragraph(packGroupingWords(first.By))
	d.Space(10)

	d.heading("In this pack", 12)
	d.SetFont(Regular, packBody)
	for _, r := range p.Reports {
		line := warn.text("report title", r.Title)
		if r.Range.From != first.From || r.Range.To != first.To {
			line += " (" + packDates(r.Range) + ")"
		}
		d.Bullet(line)
	}
	d.Space(10)
	d.SetFont(Regular, packSmall)
	pdf.SetTextColor(90, 90, 90)
	d.Paragraph("Made on " + ukcal.WallDate(p.Made).LongWithDay() + " at " + ukcal.WallClock(p.Made) +
		". Figures change as the diary is kept up to date; a pack made later may differ.")
	d.Paragraph("Each chart has the table of its numbers beneath it, and a note of what is counted and what is left out. " +
		"A dash (–) in a table, or “no data” on a chart, means there was nothing to measure, which is not the same as nought; " +
		"“not yet” on a chart is a period after the day the pack was made.")
	pdf.SetTextColor(0, 0, 0)
}

// packFigure sets one figure: title, chart, sentence, definition, table.
// nth counts the charts from 1.
func (d *Document) packFigure(name string, nth int, f reports.Figure, warn *warner) error {
	pdf := d.pdf
	// Keep the title, the chart and the sentence together on one page.
	d.SetFont(Bold, 12.5)
	titleH := d.lineHeight() * 2
	d.ensureSpace(titleH + packChartHeightMM + 4 + 2*packBody*ptToMM*lineSpread)
	d.Paragraph(warn.text("figure title", f.Title))
	d.Space(1.5)

	if len(f.Categories) > 0 {
		png, err := packChartPNG(f, nth)
		if err != nil {
			return err
		}
		y := pdf.GetY()
		d.pngImage(name, png, marginMM, y, contentWidth, packChartHeightMM)
		pdf.SetY(y + packChartHeightMM + 2)
	}
	if s := strings.TrimSpace(f.Summary); s != "" {
		d.SetFont(Bold, packBody)
		d.Paragraph(warn.text("summary", s))
		d.Space(1)
	}
	if def := strings.TrimSpace(f.Definition); def != "" {
		d.SetFont(Regular, packSmall)
		pdf.SetTextColor(80, 80, 80)
		d.Paragraph(warn.text("definition", def))
		pdf.SetTextColor(0, 0, 0)
	}
	if len(f.Table.Header) > 0 {
		d.Space(3)
		d.packTable(f, warn)
	}
	return nil
}

// packChartPNG draws the nth chart at full text width at packChartDPI.
// Each chart is nth pixels wider than the last: gofpdf writes its images
// in order of pixel width, in map order where widths tie, so charts of
// one width would come out in a different order each time (a 2008 or 2020
// pixel picture across the same 170 mm is 300 or 302 dpi).
func packChartPNG(f reports.Figure, nth int) ([]byte, error) {
	px := func(mm float64) int { return int(mm/25.4*packChartDPI + 0.5) }
	var buf bytes.Buffer
	scale := float32(packChartDPI) / charts.ScreenDPI
	img, err := charts.Draw(f, px(contentWidth)+nth, px(packChartHeightMM), scale)
	if err != nil {
		return nil, err
	}
	if err := encodePNG(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// packDates is the range in words: "1 April 2026 to 31 March 2027".
func packDates(r reports.Range) string {
	if r.From.IsZero() || r.To.IsZero() {
		return "Dates not given"
	}
	return r.From.Long() + " to " + r.To.Long()
}

func packRangeWords(r reports.Range) string {
	s := packDates(r)
	if g := packGroupingWords(r.By); g != "" {
		s += ", " + strings.ToLower(g[:1]) + g[1:]
	}
	return s
}

func packGroupingWords(by reports.Grouping) string {
	switch by {
	case reports.ByWeek:
		return "By week (Monday to Sunday)"
	case reports.ByMonth:
		return "By month"
	}
	return ""
}
