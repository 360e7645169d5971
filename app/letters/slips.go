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

// Slip is an appointment card: what the patient takes home.
type Slip struct {
	ClinicName  string
	ClinicPhone string
	Patient     string // the patient's name as they would write it
	Date        ukcal.Date
	StartMin    int    // minutes after midnight, clinic wall-clock: 570 is 09:30
	Clinician   string // "Dr Asha Patel"
	Location    string // "Room 2, ground floor"
	// HowToCancel is printed at the foot of the card: "To cancel or change,
	// please call 01938 810123 at least 24 hours before."
	HowToCancel string
}

// Card and sheet geometry in millimetres. A sheet is ten cards, two across
// and five down, centred on A4 and touching, so one cut separates two.
const (
	slipWidth     = 85.0
	slipHeight    = 55.0
	slipPad       = 5.0
	slipsAcross   = 2
	slipsDown     = 5
	slipsPerSheet = slipsAcross * slipsDown
	sheetLeft     = (pageWidth - slipsAcross*slipWidth) / 2
	sheetTop      = (pageHeight - slipsDown*slipHeight) / 2
	cutMarkGap    = 2.0 // between a cut mark and the card edge
	cutMarkLength = 5.0
)

func (s Slip) validate() error {
	var missing []string
	if strings.TrimSpace(s.ClinicName) == "" {
		missing = append(missing, "clinic name")
	}
	if strings.TrimSpace(s.Patient) == "" {
		missing = append(missing, "patient's name")
	}
	if s.Date.IsZero() {
		missing = append(missing, "date")
	}
	if len(missing) > 0 {
		return fmt.Errorf("letters: an appointment slip needs the %s", strings.Join(missing, ", the "))
	}
	if s.StartMin < 0 || s.StartMin >= 24*60 {
		return fmt.Errorf("letters: appointment time %d minutes is not within a day", s.StartMin)
	}
	return nil
}

func validateSlips(slips []Slip) error {
	if len(slips) == 0 {
		return errors.New("letters: there are no appointment slips to print")
	}
	for i, s := range slips {
		if err := s.validate(); err != nil {
			if len(slips) == 1 {
				return err
			}
			return fmt.Errorf("slip %d: %w", i+1, err)
		}
	}
	return nil
}

// RenderSlip writes one card-size slip (85 × 55 mm, the page is the card)
// as a PDF to w. printed is the PDF's creation date.
func RenderSlip(w io.Writer, s Slip, printed time.Time) (Warnings, error) {
	return RenderSlipCards(w, []Slip{s}, printed)
}

// RenderSlipCards writes each slip on its own card-size page, for a card
// printer.
func RenderSlipCards(w io.Writer, slips []Slip, printed time.Time) (Warnings, error) {
	if err := validateSlips(slips); err != nil {
		return nil, err
	}
	d, err := newSizedDocument("Appointment slips", printed, slipWidth, slipHeight)
	if err != nil {
		return nil, err
	}
	d.unnumbered()
	var warn warner
	for _, s := range slips {
		d.AddPage()
		d.slip(s, 0, 0, &warn)
	}
	if err := d.Output(w); err != nil {
		return nil, err
	}
	return warn.list, nil
}

// RenderSlipSheet writes the slips ten to an A4 sheet, two across and five
// down, with cut marks in the margins and faint cutting lines between
// cards. A last sheet that is not full leaves its remaining places blank.
func RenderSlipSheet(w io.Writer, slips []Slip, printed time.Time) (Warnings, error) {
	if err := validateSlips(slips); err != nil {
		return nil, err
	}
	d, err := NewDocument("Appointment slips", printed)
	if err != nil {
		return nil, err
	}
	d.unnumbered()
	var warn warner
	for i, s := range slips {
		place := i % slipsPerSheet
		if place == 0 {
			d.AddPage()
			d.cutMarks()
		}
		col, row := place%slipsAcross, place/slipsAcross
		d.slip(s, sheetLeft+float64(col)*slipWidth, sheetTop+float64(row)*slipHeight, &warn)
	}
	if err := d.Output(w); err != nil {
		return nil, err
	}
	return warn.list, nil
}

// unnumbered turns off page numbers and page breaks: slips are placed by
// hand and a card has no room for "Page 1 of 2".
func (d *Document) unnumbered() {
	d.pdf.SetFooterFuncLpi(func(bool) {})
	d.pdf.SetAutoPageBreak(false, 0)
	d.pdf.SetMargins(0, 0, 0)
}

// cutMarks draws crop marks in the sheet's margins at every cut, and a
// faint dashed line along each cut for anyone using scissors.
func (d *Document) cutMarks() {
	p := d.pdf
	right, bottom := sheetLeft+slipsAcross*slipWidth, sheetTop+slipsDown*slipHeight

	p.SetDrawColor(200, 200, 200)
	p.SetLineWidth(0.15)
	p.SetDashPattern([]float64{1.5, 1.5}, 0)
	for c := 1; c < slipsAcross; c++ {
		x := sheetLeft + float64(c)*slipWidth
		p.Line(x, sheetTop, x, bottom)
	}
	for r := 1; r < slipsDown; r++ {
		y := sheetTop + float64(r)*slipHeight
		p.Line(sheetLeft, y, right, y)
	}
	p.Rect(sheetLeft, sheetTop, right-sheetLeft, bottom-sheetTop, "D")
	p.SetDashPattern(nil, 0)

	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
	for c := 0; c <= slipsAcross; c++ {
		x := sheetLeft + float64(c)*slipWidth
		p.Line(x, sheetTop-cutMarkGap-cutMarkLength, x, sheetTop-cutMarkGap)
		p.Line(x, bottom+cutMarkGap, x, bottom+cutMarkGap+cutMarkLength)
	}
	for r := 0; r <= slipsDown; r++ {
		y := sheetTop + float64(r)*slipHeight
		p.Line(sheetLeft-cutMarkGap-cutMarkLength, y, sheetLeft-cutMarkGap, y)
		p.Line(right+cutMarkGap, y, right+cutMarkGap+cutMarkLength, y)
	}
}

// slip draws one card with its top-left corner at x, y.
func (d *Document) slip(s Slip, x, y float64, warn *warner) {
	p := d.pdf
	left, inner := x+slipPad, slipWidth-2*slipPad
	line := func(top float64, text string, style Style, sizePt, minPt float64, field string, width float64) float64 {
		text = d.fitLine(warn, field, text, style, sizePt, minPt, width)
		lh := sizePt * ptToMM * 1.2
		p.SetXY(left, top)
		p.CellFormat(width, lh, text, "", 0, "L", false, 0, "")
		return top + lh
	}

	// Clinic and phone, then the appointment itself.
	top := line(y+slipPad-0.5, s.ClinicName, Bold, 9, 6.5, "clinic name", inner)
	if phone := strings.TrimSpace(s.ClinicPhone); phone != "" {
		p.SetTextColor(80, 80, 80)
		top = line(top, "Tel "+phone, Regular, 8, 6.5, "clinic phone number", inner)
		p.SetTextColor(0, 0, 0)
	}
	top += 1.2
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.2)
	p.Line(left, top, left+inner, top)

	top += 1.8
	top = line(top, s.Patient, Bold, 12, 6, "patient's name", inner)
	top += 1

	// The day on the left and the time, larger, on the right of one row.
	when := schedule.Clock(s.StartMin).String()
	d.SetFont(Bold, 14)
	timeWidth := p.GetStringWidth(when)
	rowHeight := 14 * ptToMM * 1.2
	p.SetXY(left+inner-timeWidth, top)
	p.CellFormat(timeWidth, rowHeight, when, "", 0, "R", false, 0, "")
	day := d.fitLine(warn, "date", s.Date.LongWithDay(), Regular, 10.5, 8, inner-timeWidth-3)
	p.SetXY(left, top)
	p.CellFormat(inner-timeWidth-3, rowHeight, day, "", 0, "L", false, 0, "")
	top += rowHeight + 0.5

	// Who and where, each after a small grey label.
	const labelWidth = 11.0
	for _, f := range []struct{ label, value, field string }{
		{"With", s.Clinician, "clinician's name"},
		{"Where", s.Location, "location"},
	} {
		value := strings.TrimSpace(f.value)
		if value == "" {
			continue
		}
		lh := 9 * ptToMM * 1.25
		d.SetFont(Regular, 7.5)
		p.SetTextColor(100, 100, 100)
		p.SetXY(left, top)
		p.CellFormat(labelWidth, lh, f.label, "", 0, "L", false, 0, "")
		p.SetTextColor(0, 0, 0)
		value = warn.text(f.field, value)
		lines := []string{value}
		if _, fits := d.fitSize(value, Regular, 9, 7.5, inner-labelWidth); !fits {
			// A long location may take the card's spare line before shrinking.
			d.SetFont(Regular, 8)
			if lines = p.SplitText(value, inner-labelWidth); len(lines) > 2 {
				lines = []string{d.fitLine(warn, f.field, value, Regular, 9, 6, inner-labelWidth)}
			} else {
				lh = 8 * ptToMM * 1.2
			}
		}
		for _, l := range lines {
			p.SetXY(left+labelWidth, top)
			p.CellFormat(inner-labelWidth, lh, l, "", 0, "L", false, 0, "")
			top += lh
		}
	}

	// How to cancel, at the foot of the card.
	if cancel := strings.TrimSpace(s.HowToCancel); cancel != "" {
		d.slipFootnote(warn.text("how to cancel", cancel), left, y+slipHeight-slipPad, inner, warn)
	}
}

// slipFootnote writes text in small grey type ending at bottom, in at most
// three lines, shrinking it to fit; what still does not fit is cut short
// with a warning.
func (d *Document) slipFootnote(text string, left, bottom, width float64, warn *warner) {
	const maxLines = 3
	p := d.pdf
	var lines []string
	size := 7.5
	for ; size >= 6; size -= 0.5 {
		d.SetFont(Regular, size)
		if lines = p.SplitText(text, width); len(lines) <= maxLines {
			break
		}
	}
	if len(lines) > maxLines {
		size = 6
		d.SetFont(Regular, size)
		lines = lines[:maxLines]
		lines[maxLines-1] = d.ellipsis(lines[maxLines-1]+" …", width)
		warn.add("how to cancel", text, "The words about how to cancel are too long for the slip and were cut short; "+
			"shorten them in Settings.")
	}
	lh := size * ptToMM * 1.2
	p.SetTextColor(70, 70, 70)
	y := bottom - float64(len(lines))*lh
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.2)
	p.Line(left, y-1.2, left+width, y-1.2)
	for _, line := range lines {
		p.SetXY(left, y)
		p.CellFormat(width, lh, line, "", 0, "L", false, 0, "")
		y += lh
	}
	p.SetTextColor(0, 0, 0)
}

// fitLine readies text for one line of width millimetres: the font is left
// at the largest size from maxPt down to minPt at which it fits, and text
// that is too long even at minPt is cut short with "…" and a warning, so
// nothing runs off a card.
func (d *Document) fitLine(warn *warner, field, text string, style Style, maxPt, minPt, width float64) string {
	text = warn.text(field, strings.TrimSpace(text))
	if _, fits := d.fitSize(text, style, maxPt, minPt, width); fits {
		return text
	}
	short := d.ellipsis(text, width)
	warn.add(field, text, fmt.Sprintf("The %s “%s” is too long for the space and was shortened to “%s”.", field, text, short))
	return short
}

// ellipsis cuts text to fit width in the current font, ending it with "…".
func (d *Document) ellipsis(text string, width float64) string {
	rs := []rune(strings.TrimSuffix(text, " …"))
	for len(rs) > 0 && d.pdf.GetStringWidth(string(rs)+"…") > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}
