package letters

import (
	"fmt"
	"strings"
)

// letterBody writes the subject, salutation, paragraphs and signature
// block from the current position; the text breaks onto new pages itself.
func (d *Document) letterBody(l Letter, s letterStyle, warn *warner) {
	if subject := strings.TrimSpace(l.Subject); subject != "" {
		d.SetFont(Bold, s.subject)
		d.Paragraph(warn.text("subject", subject))
		d.Space(s.paragraphGap)
	}
	d.SetFont(Regular, s.body)
	if sal := strings.TrimSpace(l.Salutation); sal != "" {
		d.Paragraph(warn.text("salutation", sal))
		d.Space(s.paragraphGap)
	}
	lh := d.lineHeight()
	signBlock := s.paragraphGap*0.5 + s.signatureSpace + 3*lh
	last := -1
	for i, para := range l.Paragraphs {
		if strings.TrimSpace(para) != "" {
			last = i
		}
	}
	for i, para := range l.Paragraphs {
		if strings.TrimSpace(para) == "" {
			continue
		}
		text := warn.text(fmt.Sprintf("paragraph %d", i+1), para)
		headings, text := cutHeadings(text)
		for j, h := range headings {
			lead := 0.0
			if j == len(headings)-1 {
				lead = d.leadHeight(firstNonBlank(text, l.Paragraphs[i+1:]), s)
			}
			d.letterHeading(h, lead, s)
		}
		if text == "" {
			continue // a heading on its own: what it heads follows close below
		}
		if i == last {
			d.keepWithSignature(text, s, signBlock)
		}
		d.letterParagraph(text, s)
		d.Space(s.paragraphGap)
	}

	// Keep the sign-off with the signatory's name; a signature alone at the
	// top of a page looks like a forgery.
	d.SetFont(Regular, s.body)
	d.ensureSpace(s.signatureSpace + 3*lh)
	d.Space(s.paragraphGap * 0.5)
	if signOff := strings.TrimSpace(l.SignOff); signOff != "" {
		d.Paragraph(warn.text("sign-off", signOff))
	}
	d.Space(s.signatureSpace)
	if name := strings.TrimSpace(l.Signatory.Name); name != "" {
		d.SetFont(Bold, s.body)
		d.Paragraph(warn.text("signatory's name", name))
	}
	if role := strings.TrimSpace(l.Signatory.Role); role != "" {
		d.SetFont(Regular, s.body)
		d.Paragraph(warn.text("signatory's role", role))
	}
}

// keepWithSignature starts a new page before the last paragraph when it
// fits on this page but the signature block after it would not: the
// signature then has the letter's closing words with it, not a page of its
// own.
func (d *Document) keepWithSignature(text string, s letterStyle, signBlock float64) {
	_, pageHeight := d.pdf.GetPageSize()
	pageWidth, _ := d.pdf.GetPageSize()
	lines := 0
	for _, line := range strings.Split(printable(text), "\n") {
		lines += max(1, len(d.pdf.SplitText(line, pageWidth-2*marginMM)))
	}
	height := float64(lines)*d.lineHeight() + s.paragraphGap
	y, bottom := d.pdf.GetY(), d.pageBottom()
	// The gap after the paragraph need not fit: only its lines must.
	if y+height-s.paragraphGap <= bottom && y+height+signBlock > bottom && height+signBlock < pageHeight/2 {
		d.pdf.AddPage()
	}
}

// letterParagraph writes one paragraph, its "- " lines as bullets and
// its "# " lines as headings.
func (d *Document) letterParagraph(text string, s letterStyle) {
	var run []string // plain lines waiting to be written together
	flush := func() {
		if len(run) > 0 {
			d.SetFont(Regular, s.body)
			d.Paragraph(strings.Join(run, "\n"))
			run = nil
		}
	}
	inList := false
	var quote []string // set-off lines waiting to be drawn together
	flushQuote := func() {
		if len(quote) > 0 {
			d.SetFont(Regular, s.body)
			d.setOff(quote)
			quote = nil
		}
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if h, ok := headingText(line); ok {
			drawn := len(run) > 0 || len(quote) > 0 || inList
			flush()
			flushQuote()
			if drawn {
				d.Space(s.paragraphGap)
			}
			inList = false
			d.letterHeading(h, d.leadHeight(strings.Join(lines[i+1:], "\n"), s), s)
			continue
		}
		if q, ok := setOffText(line); ok {
			if inList {
				d.Space(1)
				inList = false
			}
			flush()
			quote = append(quote, q)
			continue
		}
		flushQuote()
		item, isBullet := bulletText(line)
		if !isBullet {
			if inList {
				d.Space(1)
				inList = false
			}
			run = append(run, line)
			continue
		}
		d.SetFont(Regular, s.body)
		if !inList {
			flush()
			d.Space(1)
			inList = true
			// A short list goes whole onto the next page rather than split.
			if h := d.listHeight(leadingItems(lines[i:])); d.keptWhole(h) {
				d.ensureSpace(h)
			}
		}
		// An item is never split, unless it is longer than a quarter page.
		if h := d.itemHeight(item); d.keptWhole(h) {
			d.ensureSpace(h)
		}
		d.Bullet(item)
		d.Space(0.8)
	}
	flush()
	flushQuote()
}

// setOff draws a passage typed by staff indented, with a rule down its
// left, a little apart from the sentence that introduces it, so it reads
// as their words and not as part of the letter's own sentences.
func (d *Document) setOff(lines []string) {
	p := d.pdf
	indent := max(8.0, d.sizePt*0.7)
	d.Space(1.5)
	if p.GetY()+d.lineHeight() > d.pageBottom() {
		p.AddPage()
	}
	page, top := p.PageNo(), p.GetY()
	p.SetX(marginMM + indent)
	p.MultiCell(contentWidth-indent, d.lineHeight(), printable(strings.Join(lines, "\n")), "", "L", false)
	if p.PageNo() == page {
		p.SetDrawColor(150, 150, 150)
		p.SetLineWidth(0.6)
		p.Line(marginMM+indent*0.4, top+0.6, marginMM+indent*0.4, p.GetY()-0.6)
		p.SetDrawColor(0, 0, 0)
	}
	d.Space(1)
}

// firstNonBlank is text, or when it is blank the first of the paragraphs
// after it that is not: what a heading heads.
func firstNonBlank(text string, after []string) string {
	if strings.TrimSpace(text) != "" {
		return text
	}
	for _, p := range after {
		if strings.TrimSpace(p) != "" {
			return p
		}
	}
	return ""
}
