package letters

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// PTLReport is the patient tracking list ready to print.
type PTLReport struct {
	ClinicName string
	List       pathways.PTL
	// ClinicianName names the clinician the list is filtered to, if it is.
	ClinicianName string
	// Printed is when the list was made, in clinic (UK) time: printed on
	// it, as a list goes out of date, and the PDF's creation date.
	Printed time.Time
}

// The list is A4 landscape with the house 20 mm margins.
const (
	ptlPageWidth    = pageHeight
	ptlPageHeight   = pageWidth
	ptlContentWidth = ptlPageWidth - 2*marginMM

	ptlBody  = 9
	ptlSmall = 7.5
	ptlPad   = 1.4
	ptlGap   = 2.5 // between columns
)

var ptlColumns = []struct {
	title string
	width float64
	right bool
}{
	{"Treat by", 26, false},
	{"Weeks", 13, true},
	{"Patient", 42, false},
	{"Received", 24, false},
	{"Pathway", 38, false},
	{"Clinician", 32, false},
	{"Next step", 52, false},
	{"Owner", ptlContentWidth - 26 - 13 - 42 - 24 - 38 - 32 - 52, false},
}

// RenderPTL writes the patient tracking list as an A4 landscape PDF: the
// clinic, the title, the day it is as of, the counts by weeks waited, then
// a row per pathway in the list's order (earliest breach first), the
// column headings repeated on every page and the pages numbered.
func RenderPTL(w io.Writer, r PTLReport) (Warnings, error) {
	if r.Printed.IsZero() {
		return nil, errors.New("letters: the list needs the time it was produced")
	}
	if r.List.AsOf.IsZero() {
		return nil, errors.New("letters: the list needs the day it is as of")
	}
	d, err := newSizedDocument("Patient tracking list", r.Printed, ptlPageWidth, ptlPageHeight)
	if err != nil {
		return nil, err
	}
	p := d.pdf
	var warn warner
	p.SetFooterFuncLpi(d.ptlFooter)
	continued := false
	p.SetHeaderFuncMode(func() {
		if continued {
			d.SetFont(Bold, 10)
			p.SetXY(marginMM, marginMM)
			p.CellFormat(ptlContentWidth, 5, "Patient tracking list, as of "+r.List.AsOf.LongWithDay()+" (continued)", "", 1, "L", false, 0, "")
			p.SetY(p.GetY() + 3)
			d.ptlHeader()
		}
	}, false)
	d.AddPage()
	continued = true
	d.ptlTitle(r, &warn)
	d.ptlBuckets(r.List.Buckets)
	if len(r.List.Rows) == 0 {
		d.SetFont(Regular, 10)
		p.SetTextColor(90, 90, 90)
		d.Paragraph("No open pathways match this list.")
		p.SetTextColor(0, 0, 0)
		return warn.list, d.Output(w)
	}
	d.ptlHeader()
	for i, row := range r.List.Rows {
		d.ptlRow(i, row, r.List.AsOf, &warn)
	}
	y := p.GetY()
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.3)
	p.Line(marginMM, y, marginMM+ptlContentWidth, y)
	return warn.list, d.Output(w)
}

// ptlFooter numbers the pages on the landscape page, as footer does on
// portrait ones: not at all on a single sheet.
func (d *Document) ptlFooter(lastPage bool) {
	p := d.pdf
	if lastPage && p.PageNo() == 1 {
		return
	}
	p.SetFont(fontFamily, "", 9)
	p.SetTextColor(90, 90, 90)
	p.SetXY(marginMM, ptlPageHeight-footerTopMM)
	p.CellFormat(ptlContentWidth, 5, fmt.Sprintf("Page %d of %s", p.PageNo(), aliasTotalPages), "", 0, "C", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

func (d *Document) ptlTitle(r PTLReport, warn *warner) {
	p := d.pdf
	const rightWidth = 80.0
	top := p.GetY()
	d.SetFont(Regular, 8.5)
	p.SetTextColor(90, 90, 90)
	p.SetXY(ptlPageWidth-marginMM-rightWidth, top)
	p.MultiCell(rightWidth, 4, "Printed "+ukcal.WallDate(r.Printed).Short()+" at "+ukcal.WallClock(r.Printed), "", "R", false)
	d.SetFont(Bold, 8)
	p.SetTextColor(160, 20, 20)
	p.SetX(ptlPageWidth - marginMM - rightWidth)
	p.MultiCell(rightWidth, 4, "CONFIDENTIAL: patient information", "", "R", false)
	p.SetTextColor(0, 0, 0)

	p.SetXY(marginMM, top)
	d.SetFont(Regular, 10)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(ptlContentWidth-rightWidth-4, 5, warn.text("clinic name", r.ClinicName), "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.SetX(marginMM)
	d.SetFont(Bold, 16)
	p.CellFormat(ptlContentWidth-rightWidth-4, d.lineHeight(), "Patient tracking list", "", 1, "L", false, 0, "")
	p.SetX(marginMM)
	d.SetFont(Regular, 11)
	p.CellFormat(ptlContentWidth, d.lineHeight(), "As of "+r.List.AsOf.LongWithDay(), "", 1, "L", false, 0, "")
	if which := ptlFilterWords(r, warn); which != "" {
		d.SetFont(Regular, 9.5)
		p.SetX(marginMM)
		p.MultiCell(ptlContentWidth, d.lineHeight(), which, "", "L", false)
	}
	p.SetY(p.GetY() + 3)
}

// ptlFilterWords says which pathways the list holds when it is filtered.
func ptlFilterWords(r PTLReport, warn *warner) string {
	f := r.List.Filter
	var parts []string
	if f.ClinicianID != "" {
		name := strings.TrimSpace(r.ClinicianName)
		if name == "" {
			name = "one clinician"
		}
		parts = append(parts, "of "+warn.text("clinician's name", name))
	}
	if f.Kind != "" {
		parts = append(parts, "on "+strings.ToLower(f.Kind.Label())+" pathways")
	}
	if f.Urgency != "" {
		parts = append(parts, "referred as "+strings.ToLower(f.Urgency.Label()))
	}
	if f.AtRisk {
		parts = append(parts, fmt.Sprintf("at risk: 18 weeks passed or passing within %d days", f.AtRiskDays))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Only the patients " + strings.Join(parts, "; ") + "."
}

// ptlBuckets draws the counts by weeks waited as a row of boxes.
func (d *Document) ptlBuckets(b pathways.Buckets) {
	p := d.pdf
	boxes := []struct {
		label string
		n     int
	}{
		{"Up to 6 weeks", b.UpTo6}, {"6 to 12 weeks", b.UpTo12}, {"12 to 18 weeks", b.UpTo18},
		{"Over 18 weeks", b.Over18}, {"of them over 52 weeks", b.Over52},
		{"Waiting, in all", b.Counted}, {"No clock to count", b.NotCounted},
	}
	const h = 13.0
	w := ptlContentWidth / float64(len(boxes))
	top := p.GetY()
	p.SetDrawColor(190, 190, 190)
	p.SetLineWidth(0.3)
	for i, box := range boxes {
		x := marginMM + float64(i)*w
		if (i == 3 || i == 4) && box.n > 0 {
			p.SetTextColor(160, 20, 20)
		}
		p.Rect(x, top, w-2, h, "D")
		d.SetFont(Bold, 13)
		p.SetXY(x, top+1.2)
		p.CellFormat(w-2, 6, strconv.Itoa(box.n), "", 0, "C", false, 0, "")
		d.SetFont(Regular, ptlSmall)
		p.SetXY(x, top+7.5)
		p.CellFormat(w-2, 4, box.label, "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	}
	p.SetY(top + h + 2)
	d.SetFont(Regular, ptlSmall)
	p.SetTextColor(90, 90, 90)
	d.Paragraph("Weeks waited since each clock started; a wait of exactly 18 weeks is still within 18 weeks. " +
		"No clock to count: other pathways, first appointments missed (the wait is not counted), and pathways whose events need checking.")
	p.SetTextColor(0, 0, 0)
	p.SetY(p.GetY() + 3)
}

// ptlHeader draws the column headings with a rule under them.
func (d *Document) ptlHeader() {
	p := d.pdf
	d.SetFont(Bold, 8)
	lh := d.lineHeight()
	y := p.GetY()
	x := marginMM
	for _, c := range ptlColumns {
		p.SetXY(x, y)
		align := "L"
		if c.right {
			align = "R"
		}
		p.CellFormat(c.width-ptlGap, lh, c.title, "", 0, align, false, 0, "")
		x += c.width
	}
	y += lh + 0.8
	p.SetDrawColor(60, 60, 60)
	p.SetLineWidth(0.35)
	p.Line(marginMM, y, marginMM+ptlContentWidth, y)
	p.SetY(y + 0.3)
}

// ptlLine is one line of a cell.
type ptlLine struct {
	text  string
	style Style
	size  float64
	red   bool
	grey  bool
}

func (d *Document) ptlCells(row pathways.PTLRow, asOf ukcal.Date, warn *warner) [][]ptlLine {
	body := func(s string) ptlLine { return ptlLine{text: s, size: ptlBody} }
	small := func(s string) ptlLine { return ptlLine{text: s, size: ptlSmall, grey: true} }
	var treatBy, weeks []ptlLine
	switch {
	case row.Counted():
		c := row.Clock
		treatBy = []ptlLine{{text: c.Breach.Short(), style: Bold, size: ptlBody, red: c.Breached}}
		switch days := asOf.DaysUntil(c.Breach); {
		case c.Breached:
			treatBy = append(treatBy, ptlLine{text: "18 weeks passed", size: ptlSmall, red: true})
		case days == 0:
			treatBy = append(treatBy, small("today"))
		default:
			treatBy = append(treatBy, small(fmt.Sprintf("in %d days", days)))
		}
		weeks = []ptlLine{{text: strconv.Itoa(c.WeeksWaited()), style: Bold, size: ptlBody}}
	case row.HasClock:
		treatBy = []ptlLine{small("Not counted")}
		weeks = []ptlLine{small("–")}
	default:
		treatBy = []ptlLine{small("No clock")}
		weeks = []ptlLine{small("–")}
	}
	patient := []ptlLine{{text: warn.text("patient's name", row.PatientName), style: Bold, size: ptlBody}}
	if strings.TrimSpace(row.NHSNumber) != "" {
		patient = append(patient, small("NHS "+row.NHSNumber))
	}
	ref := row.Referral
	received := []ptlLine{body(ref.Date.Short()), small(ref.Urgency.Label())}
	if ref.Urgency == pathways.SuspectedCancer {
		received[1] = ptlLine{text: ref.Urgency.Label(), style: Bold, size: ptlSmall, red: true}
	}
	next := []ptlLine{body(row.NextStep)}
	if row.Problem != "" {
		next = append(next, ptlLine{text: warn.text("event problem", row.Problem), size: ptlSmall, red: true})
	}
	return [][]ptlLine{treatBy, weeks, patient, received, {small(ref.Kind.Label())},
		{body(warn.text("clinician's name", row.ClinicianName))}, next, {body(warn.text("owner's name", row.OwnerName))}}
}

// ptlRow draws one pathway, kept whole on a page; a new page repeats the
// headings (the header function draws them).
func (d *Document) ptlRow(i int, row pathways.PTLRow, asOf ukcal.Date, warn *warner) {
	p := d.pdf
	cells := d.ptlCells(row, asOf, warn)
	wrapped := make([][]ptlLine, len(cells))
	height := 0.0
	for j, cell := range cells {
		h := 0.0
		for _, line := range cell {
			d.SetFont(line.style, line.size)
			for _, text := range p.SplitText(line.text, ptlColumns[j].width-ptlGap) {
				l := line
				l.text = text
				wrapped[j] = append(wrapped[j], l)
				h += line.size * ptToMM * 1.3
			}
		}
		height = max(height, h)
	}
	height += 2 * ptlPad
	d.ensureSpace(height)
	top := p.GetY()
	if i%2 == 1 {
		p.SetFillColor(244, 244, 241)
		p.Rect(marginMM, top, ptlContentWidth, height, "F")
	}
	x := marginMM
	for j, lines := range wrapped {
		y := top + ptlPad
		align := "L"
		if ptlColumns[j].right {
			align = "R"
		}
		for _, line := range lines {
			d.SetFont(line.style, line.size)
			switch {
			case line.red:
				p.SetTextColor(160, 20, 20)
			case line.grey:
				p.SetTextColor(100, 100, 100)
			default:
				p.SetTextColor(0, 0, 0)
			}
			lh := line.size * ptToMM * 1.3
			p.SetXY(x, y)
			p.CellFormat(ptlColumns[j].width-ptlGap, lh, line.text, "", 0, align, false, 0, "")
			y += lh
		}
		x += ptlColumns[j].width
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(top + height)
}
