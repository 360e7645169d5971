package letters

import (
	"strings"

	"clinicdesk/app/ukcal"
)

func (d *Document) sarCover(s SARData) {
	p := d.pdf
	d.AddPage()

	// Letterhead, with the confidentiality mark on the clinic name's line.
	d.SetFont(Bold, 9)
	p.SetTextColor(160, 20, 20)
	p.SetXY(marginMM, marginMM)
	p.CellFormat(contentWidth, 14*ptToMM*lineSpread, "PRIVATE AND CONFIDENTIAL", "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginMM, marginMM)
	d.SetFont(Bold, 14)
	p.MultiCell(contentWidth-52, d.lineHeight(), printable(s.Clinic.Name), "", "L", false)
	d.SetFont(Regular, 10)
	d.sarColour(sarGrey)
	if addr := oneLineAddress(s.Clinic.Address); addr != "" {
		d.Paragraph(addr)
	}
	if contact := sarContactLine(s.Clinic); contact != "" {
		d.Paragraph(contact)
	}
	d.sarColour([3]int{})
	d.Space(3)
	d.rule()
	d.Space(12)

	d.SetFont(Bold, 24)
	d.Paragraph("A copy of your record")
	d.Space(3)
	byOther := strings.TrimSpace(s.RequestedBy) != "" && !isPatientThemself(s.RequestedBy)
	request := "your request"
	if byOther {
		request = "a request made on your behalf"
	}
	d.SetFont(Regular, 12)
	d.Paragraph("All the information " + s.Clinic.Name + " holds about you, prepared in answer to " +
		request + " under UK data protection law (a subject access request).")
	d.Space(8)

	facts := []SARField{{"Prepared for", s.Patient}}
	if !s.DOB.IsZero() {
		facts = append(facts, SARField{"Date of birth", s.DOB.Long()})
	}
	if s.NHSNumber != "" {
		facts = append(facts, SARField{"NHS number", s.NHSNumber})
	}
	facts = append(facts, SARField{"Request received", s.Received.Long()})
	if byOther {
		facts = append(facts, SARField{"Requested by", strings.TrimSpace(s.RequestedBy)})
	}
	if scope := strings.TrimSpace(s.Scope); scope != "" {
		facts = append(facts, SARField{"Asked for", scope})
	}
	prepared := ukcal.WallDate(s.Produced).Long()
	if s.ProducedBy != "" {
		prepared += " by " + s.ProducedBy
	}
	facts = append(facts, SARField{"Copy prepared", prepared})
	d.sarFactsBox(facts)
	d.Space(10)

	d.heading("What this copy includes", 13)
	d.SetFont(Regular, sarBody)
	d.Bullet("Your personal details, and how you are happy for us to contact you")
	d.Bullet("Your communication needs and any alerts on your record")
	d.Bullet("Your appointments" + sarCount(len(s.Appointments), "appointment", "appointments"))
	d.Bullet("Referrals to us and from us" + sarCount(len(s.Referrals), "referral", "referrals"))
	d.Bullet("Notes and phone calls" + sarCount(len(s.Notes), "entry", "entries"))
	d.Bullet("Follow-ups" + sarCount(len(s.FollowUps), "follow-up", "follow-ups"))
	d.Bullet("The history of your record" + sarCount(len(s.History), "entry", "entries"))
	d.Bullet("Who has looked at or changed your record, and when" + sarCount(len(s.Access), "entry", "entries"))
	d.Space(2)
	d.Paragraph("We can also give you the same information as a computer-readable file (JSON), if you would like it.")
	d.Space(8)

	d.heading("Questions, or something not right?", 13)
	d.SetFont(Regular, sarBody)
	ask := "If you have a question about this copy, or think something in it is wrong, please get in touch " +
		"and we will be glad to help. You have the right to ask us to correct anything that is inaccurate."
	d.Paragraph(ask)
	if contact := sarContactSentence(s.Clinic); contact != "" {
		d.Space(2)
		d.Paragraph(contact)
	}
	d.Space(8)

	d.heading("If you are unhappy with how we have handled your information", 13)
	d.SetFont(Regular, sarBody)
	d.Paragraph("Please tell us first, so we can try to put things right. You also have the right to complain " +
		"to the Information Commissioner’s Office (ICO), the UK’s independent regulator for data protection: " +
		"visit ico.org.uk or call 0303 123 1113.")
}

// sarFactsBox draws the key facts of the copy in a light box.
func (d *Document) sarFactsBox(facts []SARField) {
	const pad, labelWidth = 5.0, 42.0
	p := d.pdf
	d.SetFont(Regular, 11)
	lh := d.lineHeight()
	valueWidth := contentWidth - 2*pad - labelWidth
	height := 2 * pad
	lines := make([][]string, len(facts))
	for i, f := range facts {
		lines[i] = p.SplitText(printable(f.Value), valueWidth)
		height += float64(max(1, len(lines[i])))*lh + 1.2
	}
	height -= 1.2
	d.ensureSpace(height)
	top := p.GetY()
	p.SetFillColor(246, 246, 243)
	p.SetDrawColor(200, 200, 195)
	p.SetLineWidth(0.3)
	p.RoundedRect(marginMM, top, contentWidth, height, 2, "1234", "FD")
	y := top + pad
	for i, f := range facts {
		d.SetFont(Regular, 11)
		d.sarColour(sarGrey)
		p.SetXY(marginMM+pad, y)
		p.CellFormat(labelWidth, lh, f.Label, "", 0, "L", false, 0, "")
		d.sarColour([3]int{})
		if i == 0 {
			d.SetFont(Bold, 11)
		}
		for _, line := range lines[i] {
			p.SetXY(marginMM+pad+labelWidth, y)
			p.CellFormat(valueWidth, lh, line, "", 0, "L", false, 0, "")
			y += lh
		}
		y += 1.2
	}
	d.SetFont(Regular, 11)
	p.SetXY(marginMM, top+height)
}

// sarSection starts a numbered section: a large heading with a rule under it.
func (d *Document) sarSection(title string, first bool) {
	if !first {
		d.Space(sarSectionGap)
	}
	d.SetFont(Bold, sarSection)
	// Keep the heading with its rule, an introduction and a line or two.
	d.ensureSpace(d.lineHeight() + 45)
	d.Paragraph(title)
	d.Space(1)
	d.rule()
	d.Space(4)
}

func (d *Document) sarGroupHeading(title string) {
	if title == "" {
		return
	}
	d.SetFont(Bold, sarGroup)
	d.ensureSpace(d.lineHeight() + 12)
	d.Paragraph(title)
	d.Space(1.5)
}

func (d *Document) sarIntro(text string) {
	d.SetFont(Regular, sarSmall)
	d.sarColour(sarGrey)
	d.Paragraph(text)
	d.sarColour([3]int{})
	d.Space(3)
}

func (d *Document) sarNone(text string) {
	d.SetFont(Regular, sarBody)
	d.sarColour(sarGrey)
	d.Paragraph(text)
	d.sarColour([3]int{})
	d.Space(1)
}

// sarField writes "label  value", the value wrapped in its own column and
// "Not recorded" in grey when empty.
func (d *Document) sarField(f SARField) {
	p := d.pdf
	d.SetFont(Regular, sarBody)
	lh := d.lineHeight()
	value := strings.TrimSpace(f.Value)
	empty := value == ""
	if empty {
		value = "Not recorded"
	}
	lines := p.SplitText(printable(value), contentWidth-sarLabelWidth)
	// Keep short values with their label; a long one may break across pages.
	d.ensureSpace(float64(min(len(lines), 3)) * lh)
	y := p.GetY()
	d.sarColour(sarGrey)
	p.SetXY(marginMM, y)
	p.CellFormat(sarLabelWidth, lh, printable(f.Label), "", 0, "L", false, 0, "")
	if empty {
		d.sarColour(sarLightGrey)
	} else {
		d.sarColour([3]int{})
	}
	for _, line := range lines {
		if p.GetY()+lh > pageHeight-bottomMarginMM {
			p.AddPage()
			y = p.GetY()
		}
		p.SetXY(marginMM+sarLabelWidth, y)
		p.CellFormat(contentWidth-sarLabelWidth, lh, line, "", 0, "L", false, 0, "")
		y += lh
		p.SetY(y)
	}
	d.sarColour([3]int{})
	p.SetY(y + 1.2)
}

// sarNote writes one note or call: a line saying when, what and who, then
// the text, indented under it.
func (d *Document) sarNote(n SARNote) {
	const indent = 4.0
	p := d.pdf
	// Keep a note with its heading on one page when it fits on one; a very
	// long note starts where it is and breaks as it must.
	d.SetFont(Regular, sarBody)
	bodyLines := len(p.SplitText(printable(n.Text), contentWidth-indent))
	d.SetFont(Regular, sarSmall)
	height := d.lineHeight() + 1 + float64(max(1, bodyLines))*sarBody*ptToMM*lineSpread
	d.SetFont(Bold, sarBody)
	height += d.lineHeight()
	if height < (pageHeight-bottomMarginMM-marginMM)/2 {
		d.ensureSpace(height)
	} else {
		d.ensureSpace(3 * d.lineHeight())
	}
	d.Paragraph(n.Title)
	d.SetFont(Regular, sarSmall)
	d.sarColour(sarGrey)
	when := ukcal.WallDate(n.At).LongWithDay() + " at " + ukcal.WallClock(n.At)
	if n.By != "" {
		when += ", by " + n.By
	}
	d.Paragraph(when)
	d.sarColour([3]int{})
	d.Space(1)
	d.SetFont(Regular, sarBody)
	p.SetX(marginMM + indent)
	p.MultiCell(contentWidth-indent, d.lineHeight(), printable(n.Text), "", "L", false)
	d.Space(4)
}

// sarColumn is a table column: its heading and width in millimetres.
type sarColumn struct {
	title string
	width float64
}

// sarTable draws rows under a heading row, which is repeated at the top of
// every page the table runs onto. A row is kept on one page when it fits;
// a row taller than a page carries on under a repeated heading.
func (d *Document) sarTable(cols []sarColumn, rows [][]string) {
	p := d.pdf
	const pad = 1.4 // above and below each row's text
	d.SetFont(Regular, sarSmall)
	lh := d.lineHeight()
	limit := pageHeight - bottomMarginMM
	const gutter = 2.5

	header := func() {
		d.SetFont(Bold, sarSmall)
		y := p.GetY()
		x := marginMM
		for _, c := range cols {
			p.SetXY(x, y)
			p.CellFormat(c.width-gutter, lh, c.title, "", 0, "L", false, 0, "")
			x += c.width
		}
		p.SetY(y + lh + 0.8)
		p.SetDrawColor(90, 90, 90)
		p.SetLineWidth(0.35)
		y = p.GetY()
		p.Line(marginMM, y, marginMM+contentWidth, y)
		p.SetY(y + 0.2)
		d.SetFont(Regular, sarSmall)
	}

	d.ensureSpace(3*lh + 2*pad + 2)
	header()
	for i, row := range rows {
		cells := make([][]string, len(cols))
		n := 1
		for j, c := range cols {
			text := ""
			if j < len(row) {
				text = printable(row[j])
			}
			cells[j] = p.SplitText(text, c.width-gutter)
			n = max(n, len(cells[j]))
		}
		height := float64(n)*lh + 2*pad
		if p.GetY()+height > limit && height <= limit-marginMM-lh-2 {
			p.AddPage()
			header()
		}
		if i%2 == 1 {
			// A light band on every other row guides the eye along it.
			p.SetFillColor(245, 245, 242)
			p.Rect(marginMM, p.GetY(), contentWidth, min(height, limit-p.GetY()), "F")
		}
		y := p.GetY() + pad
		for k := 0; k < n; k++ {
			if y+lh > limit {
				p.AddPage()
				header()
				y = p.GetY() + pad
			}
			x := marginMM
			for j, c := range cols {
				if k < len(cells[j]) {
					p.SetXY(x, y)
					p.CellFormat(c.width-gutter, lh, cells[j][k], "", 0, "L", false, 0, "")
				}
				x += c.width
			}
			y += lh
		}
		p.SetY(y + pad)
	}
	y := p.GetY()
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.3)
	p.Line(marginMM, y, marginMM+contentWidth, y)
	p.SetY(y + 1)
}

func (d *Document) sarColour(c [3]int) { d.pdf.SetTextColor(c[0], c[1], c[2]) }
