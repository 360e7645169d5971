package letters

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// KO41b is the complaints return ready to print.
type KO41b struct {
	ClinicName string
	Report     complaints.Report
	// Printed is when the return was produced, in clinic (UK) time: printed
	// on it and the PDF's creation date.
	Printed time.Time
}

// Return table geometry: the category's label, then one column per measure.
const (
	ko41bLabelCol = 66.0
	ko41bBody     = 9.5
	ko41bPad      = 1.4
)

// RenderKO41b writes the KO41(b) return as an A4 PDF: the summary, then one
// table per breakdown (subject area, staff group, age of patient, status
// of complainant) with a column per measure, so the figures can be copied
// into the form line by line. Every figure comes from Report.Rows, as the
// CSV does.
func RenderKO41b(w io.Writer, k KO41b) error {
	if k.Printed.IsZero() {
		return errors.New("letters: the return needs the time it was produced")
	}
	d, err := NewDocument("KO41(b) complaints return "+k.Report.Period(), k.Printed)
	if err != nil {
		return err
	}
	var warn warner
	d.AddPage()
	p := d.pdf
	d.SetFont(Regular, 10)
	p.SetTextColor(90, 90, 90)
	d.Paragraph(warn.text("clinic name", k.ClinicName))
	p.SetTextColor(0, 0, 0)
	d.SetFont(Bold, 16)
	d.Paragraph("Complaints return KO41(b) " + k.Report.Period())
	d.SetFont(Regular, 11)
	d.Paragraph(fmt.Sprintf("Complaints from %s to %s", k.Report.From.Long(), k.Report.To.Long()))
	d.SetFont(Regular, 9)
	p.SetTextColor(90, 90, 90)
	d.Paragraph("Produced " + ukcal.WallDate(k.Printed).Short() + " at " + ukcal.WallClock(k.Printed))
	p.SetTextColor(0, 0, 0)
	d.SetFont(Regular, 11)
	code := k.Report.ODSCode
	if code == "" {
		code = "not set: add it in Settings, Complaints before submitting"
	}
	d.Paragraph(fmt.Sprintf("%s form. Practice code: %s", k.Report.Variant.Label(), code))
	d.Space(4)

	rows := k.Report.Rows()
	d.ko41bSection("Summary", rows, complaints.ByTotal)
	d.SetFont(Regular, 9)
	d.Space(2)
	d.Paragraph(fmt.Sprintf("Brought forward %d + new %d − resolved %d = carried forward %d.",
		k.Report.Count(complaints.MeasureBroughtForward), k.Report.Count(complaints.MeasureNew),
		k.Report.Resolved(), k.Report.Count(complaints.MeasureCarriedForward)))
	d.Paragraph(fmt.Sprintf("Oral complaints resolved by the end of the next working day, left out of the return: %d.", k.Report.Excluded))
	d.Paragraph(fmt.Sprintf("Received in the year but not part of the return: %d about private care or under the procedure of Wales, Scotland or Northern Ireland; %d from someone neither the patient nor acting for them.",
		k.Report.NotNHSEngland, k.Report.NotFromPatient))
	d.Space(4)
	d.SetFont(Regular, 9.5)
	d.Paragraph("The breakdowns below are of new complaints only, as the collection asks.")
	for _, b := range complaints.Breakdowns() {
		if b == complaints.ByTotal {
			continue
		}
		heading := b.Label()
		if b == complaints.ByStaffGroup {
			heading = k.Report.Variant.StaffHeading()
		}
		d.ko41bSection(heading, rows, b)
		d.Space(5)
	}
	if len(k.Report.Warnings) > 0 {
		d.heading("To check before submitting", 12)
		d.SetFont(Regular, 9.5)
		for _, w := range k.Report.Warnings {
			d.Bullet(warn.text("warning", w))
		}
	}
	return d.Output(w)
}

// ko41bSection draws one breakdown under its heading: a row per category,
// a column per measure, the measures' names as column headings. A section
// is kept on one page (the longest has ten rows).
func (d *Document) ko41bSection(heading string, rows []complaints.Row, b complaints.Breakdown) {
	p := d.pdf
	measures := complaints.Measures()
	colW := (contentWidth - ko41bLabelCol) / float64(len(measures))
	if b != complaints.ByTotal {
		measures = []complaints.Measure{complaints.MeasureNew} // breakdowns of new complaints only
	}
	counts := map[string]map[complaints.Measure]int{}
	var order [][2]string
	for _, r := range rows {
		if r.Breakdown != b {
			continue
		}
		if counts[r.Category] == nil {
			counts[r.Category] = map[complaints.Measure]int{}
			order = append(order, [2]string{r.Category, r.CategoryLabel})
		}
		counts[r.Category][r.Measure] = r.Count
	}

	rowH := ko41bBody*ptToMM*1.3 + 2*ko41bPad
	d.SetFont(Bold, 8.5)
	lh := d.lineHeight()
	d.ensureSpace(12*ptToMM*lineSpread + 1.5 + 2*lh + 2 + float64(len(order))*rowH)
	d.heading(heading, 12)

	// Column headings, wrapped to two lines in their narrow columns.
	d.SetFont(Bold, 8.5)
	top := p.GetY()
	for i, m := range measures {
		lines := p.SplitText(m.Label(), colW-1.5)
		y := top + float64(2-len(lines))*lh
		for _, line := range lines {
			p.SetXY(marginMM+ko41bLabelCol+float64(i)*colW, y)
			p.CellFormat(colW-1.5, lh, line, "", 0, "R", false, 0, "")
			y += lh
		}
	}
	y := top + 2*lh + 0.8
	p.SetDrawColor(60, 60, 60)
	p.SetLineWidth(0.35)
	p.Line(marginMM, y, marginMM+contentWidth, y)
	p.SetY(y + 0.3)

	for i, c := range order {
		top := p.GetY()
		if i%2 == 1 {
			p.SetFillColor(244, 244, 241)
			p.Rect(marginMM, top, contentWidth, rowH, "F")
		}
		// A long label ("Other (not a patient or their representative)")
		// is set smaller rather than run into the figures.
		d.fitSize(c[1], Regular, ko41bBody, 7, ko41bLabelCol-2)
		p.SetXY(marginMM, top+ko41bPad)
		p.CellFormat(ko41bLabelCol, rowH-2*ko41bPad, c[1], "", 0, "L", false, 0, "")
		d.SetFont(Regular, ko41bBody)
		for j, m := range measures {
			p.SetXY(marginMM+ko41bLabelCol+float64(j)*colW, top+ko41bPad)
			p.CellFormat(colW-1.5, rowH-2*ko41bPad, strconv.Itoa(counts[c[0]][m]), "", 0, "R", false, 0, "")
		}
		p.SetY(top + rowH)
	}
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.3)
	y = p.GetY()
	p.Line(marginMM, y, marginMM+contentWidth, y)
	p.SetY(y + 1)
}
