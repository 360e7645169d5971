package letters

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// DayList is one clinician's appointments for a day, for printing and
// keeping on the desk.
type DayList struct {
	ClinicName string
	Clinician  string // "Dr Asha Patel"
	Date       ukcal.Date
	// Printed is when the list was made, in clinic (UK) time; it is printed
	// on the list, because a list goes out of date, and is the PDF's
	// creation date.
	Printed time.Time
	Rows    []DayListRow // in time order
}

// DayListRow is one appointment on the list, already in words.
type DayListRow struct {
	StartMin, EndMin int        // minutes after midnight, clinic wall-clock
	Patient          string     // the patient's name
	DOB              ukcal.Date // zero when not recorded
	Type             string     // "New patient", "Review"
	Status           string     // "Booked", "Arrived", "Cancelled by patient"
	// Alerts are the record's alerts and accessible information needs in
	// words, one each: "Allergy: penicillin", "Needs a BSL interpreter".
	Alerts []string
	// Inactive greys the row out: a cancelled or moved appointment is
	// listed, so the desk knows, but should not catch the eye.
	Inactive bool
}

// Day list type sizes (points) and column widths (millimetres).
const (
	dayListBody    = 9.5
	dayListSmall   = 8
	dayListTitle   = 16
	dayListPad     = 1.6 // above and below each row's text
	dayListGutter  = 2.5
	dayListTimeCol = 18.0 // fits "10:15" over "to 10:45"
)

var dayListColumns = []struct {
	title string
	width float64
}{
	{"Time", dayListTimeCol},
	{"Patient", 54},
	{"Type", 26},
	{"Status", 28},
	{"Alerts and needs", contentWidth - dayListTimeCol - 54 - 26 - 28},
}

func (l DayList) validate() error {
	var missing []string
	if strings.TrimSpace(l.Clinician) == "" {
		missing = append(missing, "clinician")
	}
	if l.Date.IsZero() {
		missing = append(missing, "date")
	}
	if l.Printed.IsZero() {
		missing = append(missing, "time it was printed")
	}
	if len(missing) > 0 {
		return fmt.Errorf("letters: a day list needs the %s", strings.Join(missing, ", the "))
	}
	return nil
}

// RenderDayList writes one clinician's day list as an A4 PDF to w.
func RenderDayList(w io.Writer, l DayList) (Warnings, error) {
	return RenderDayLists(w, []DayList{l})
}

// RenderDayLists writes several clinicians' day lists into one PDF, each
// starting on a new page with its own page numbers ("Page 1 of 2" for that
// clinician), so the printout can be split between consulting rooms.
func RenderDayLists(w io.Writer, lists []DayList) (Warnings, error) {
	if len(lists) == 0 {
		return nil, errors.New("letters: there are no day lists to print")
	}
	for _, l := range lists {
		if err := l.validate(); err != nil {
			return nil, err
		}
	}
	// The first pass counts each list's pages; the second prints them in
	// the footers. gofpdf's own page-count alias only knows the whole file.
	_, pages, _, err := renderDayLists(lists, nil)
	if err != nil {
		return nil, err
	}
	d, _, warnings, err := renderDayLists(lists, pages)
	if err != nil {
		return nil, err
	}
	if err := d.Output(w); err != nil {
		return nil, err
	}
	return warnings, nil
}

func renderDayLists(lists []DayList, totals []int) (*Document, []int, Warnings, error) {
	d, err := NewDocument("Day list", lists[0].Printed)
	if err != nil {
		return nil, nil, nil, err
	}
	p := d.pdf
	var warn warner
	pages := make([]int, len(lists))
	current, next := 0, 0
	firstPage := 0 // PDF page number of the current list's first page
	continuation := false

	p.SetFooterFuncLpi(func(bool) {
		n := p.PageNo() - firstPage + 1
		if totals == nil || totals[current] < 2 {
			return
		}
		d.SetFont(Regular, 9)
		p.SetTextColor(90, 90, 90)
		p.SetXY(marginMM, pageHeight-footerTopMM)
		p.CellFormat(contentWidth, 5, fmt.Sprintf("Page %d of %d", n, totals[current]), "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	p.SetHeaderFuncMode(func() {
		if current != next {
			current, firstPage = next, p.PageNo()
		}
		pages[current] = p.PageNo() - firstPage + 1
		if continuation {
			d.dayListContinued(lists[current], &warn)
			d.dayListHeader()
		}
	}, false)

	for i, l := range lists {
		next = i
		continuation = false
		if i == 0 {
			firstPage = 1
		}
		d.AddPage()
		continuation = true
		d.dayListTitle(l, &warn)
		d.dayListTable(l.Rows, &warn)
	}
	return d, pages, warn.list, d.err()
}

// dayListTitle heads a clinician's first page: who and which day, large,
// with the clinic, when the list was printed and a reminder that it holds
// patient information.
func (d *Document) dayListTitle(l DayList, warn *warner) {
	p := d.pdf
	top := p.GetY()
	const rightWidth = 62.0
	d.SetFont(Regular, 8.5)
	p.SetTextColor(90, 90, 90)
	p.SetXY(pageWidth-marginMM-rightWidth, top)
	p.MultiCell(rightWidth, 4, warn.text("clinic name", l.ClinicName)+"\n"+
		"Printed "+ukcal.WallDate(l.Printed).Short()+" at "+ukcal.WallClock(l.Printed), "", "R", false)
	d.SetFont(Bold, 8)
	p.SetTextColor(160, 20, 20)
	p.SetX(pageWidth - marginMM - rightWidth)
	p.MultiCell(rightWidth, 4, "CONFIDENTIAL: shred when finished", "", "R", false)
	rightBottom := p.GetY()
	p.SetTextColor(0, 0, 0)

	p.SetXY(marginMM, top)
	d.SetFont(Regular, 10)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(contentWidth-rightWidth-4, 5, "Day list", "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetX(marginMM)
	d.SetFont(Bold, dayListTitle)
	p.MultiCell(contentWidth-rightWidth-4, d.lineHeight()*0.9, warn.text("clinician's name", l.Clinician), "", "L", false)
	p.SetX(marginMM)
	d.SetFont(Regular, 12)
	p.CellFormat(contentWidth-rightWidth-4, d.lineHeight(), l.Date.LongWithDay(), "", 1, "L", false, 0, "")
	p.SetX(marginMM)
	d.SetFont(Regular, 9.5)
	p.SetTextColor(70, 70, 70)
	p.CellFormat(contentWidth-rightWidth-4, d.lineHeight(), dayListSummary(l.Rows), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetY(max(p.GetY(), rightBottom) + 5)
	d.dayListHeader()
}

// dayListSummary counts the appointments still on and says when the day
// runs: "9 appointments, 09:00 to 16:30".
func dayListSummary(rows []DayListRow) string {
	var on []DayListRow
	for _, r := range rows {
		if !r.Inactive {
			on = append(on, r)
		}
	}
	switch len(on) {
	case 0:
		return "No appointments"
	case 1:
		return fmt.Sprintf("1 appointment, %s to %s", schedule.Clock(on[0].StartMin).String(), schedule.Clock(on[0].EndMin).String())
	}
	first, last := on[0].StartMin, on[0].EndMin
	for _, r := range on {
		first, last = min(first, r.StartMin), max(last, r.EndMin)
	}
	return fmt.Sprintf("%d appointments, %s to %s", len(on), schedule.Clock(first).String(), schedule.Clock(last).String())
}

// dayListContinued heads a later page with whose list it is.
func (d *Document) dayListContinued(l DayList, warn *warner) {
	p := d.pdf
	d.SetFont(Bold, 10)
	p.SetXY(marginMM, marginMM)
	p.CellFormat(contentWidth, 5, warn.text("clinician's name", l.Clinician)+" · "+
		l.Date.LongWithDay()+" (continued)", "", 1, "L", false, 0, "")
	p.SetY(p.GetY() + 3)
}

// dayListHeader draws the table's column headings with a rule under them.
func (d *Document) dayListHeader() {
	p := d.pdf
	d.SetFont(Bold, dayListSmall)
	lh := d.lineHeight()
	y := p.GetY()
	x := marginMM
	for _, c := range dayListColumns {
		p.SetXY(x, y)
		p.CellFormat(c.width-dayListGutter, lh, c.title, "", 0, "L", false, 0, "")
		x += c.width
	}
	y += lh + 0.8
	p.SetDrawColor(60, 60, 60)
	p.SetLineWidth(0.35)
	p.Line(marginMM, y, marginMM+contentWidth, y)
	p.SetY(y + 0.3)
}

// dayCell is a table cell's lines, each in its own weight and colour.
type dayCell []dayLine

type dayLine struct {
	text  string
	style Style
	size  float64
	grey  bool
}

// dayListTable draws the appointments, a row kept whole on one page; a new
// page repeats the headings (the header function draws them).
func (d *Document) dayListTable(rows []DayListRow, warn *warner) {
	p := d.pdf
	if len(rows) == 0 {
		d.SetFont(Regular, dayListBody)
		p.SetTextColor(90, 90, 90)
		p.SetY(p.GetY() + 3)
		d.Paragraph("No appointments are booked for this day.")
		p.SetTextColor(0, 0, 0)
		return
	}
	for i, r := range rows {
		cells := d.dayListCells(r, warn)
		wrapped := make([][]dayLine, len(cells))
		height := 0.0
		for j, cell := range cells {
			h := 0.0
			for _, line := range cell {
				d.SetFont(line.style, line.size)
				for _, text := range p.SplitText(line.text, dayListColumns[j].width-dayListGutter) {
					wrapped[j] = append(wrapped[j], dayLine{text, line.style, line.size, line.grey})
					h += line.size * ptToMM * 1.3
				}
			}
			height = max(height, h)
		}
		height += 2 * dayListPad
		d.ensureSpace(height)
		top := p.GetY()
		if i%2 == 1 {
			// A light band on every other row guides the eye along it.
			p.SetFillColor(244, 244, 241)
			p.Rect(marginMM, top, contentWidth, height, "F")
		}
		x := marginMM
		for j, lines := range wrapped {
			y := top + dayListPad
			for _, line := range lines {
				d.SetFont(line.style, line.size)
				switch {
				case r.Inactive || line.grey:
					p.SetTextColor(120, 120, 120)
				case j == len(wrapped)-1:
					p.SetTextColor(150, 20, 20) // alerts
				default:
					p.SetTextColor(0, 0, 0)
				}
				lh := line.size * ptToMM * 1.3
				p.SetXY(x, y)
				p.CellFormat(dayListColumns[j].width-dayListGutter, lh, line.text, "", 0, "L", false, 0, "")
				y += lh
			}
			x += dayListColumns[j].width
		}
		p.SetTextColor(0, 0, 0)
		p.SetY(top + height)
	}
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.3)
	y := p.GetY()
	p.Line(marginMM, y, marginMM+contentWidth, y)
}

func (d *Document) dayListCells(r DayListRow, warn *warner) []dayCell {
	body := func(text string, style Style) dayLine { return dayLine{text: text, style: style, size: dayListBody} }
	patient := dayCell{body(warn.text("patient's name", r.Patient), Bold)}
	if !r.DOB.IsZero() {
		patient = append(patient, dayLine{text: "Born " + r.DOB.Short(), size: dayListSmall, grey: true})
	}
	var alerts dayCell
	for _, a := range r.Alerts {
		if a = strings.TrimSpace(a); a != "" {
			alerts = append(alerts, body(warn.text("alert", a), Regular))
		}
	}
	return []dayCell{
		{body(schedule.Clock(r.StartMin).String(), Bold), {text: "to " + schedule.Clock(r.EndMin).String(), size: dayListSmall, grey: true}},
		patient,
		{body(warn.text("appointment type", r.Type), Regular)},
		{body(warn.text("status", r.Status), Regular)},
		alerts,
	}
}
