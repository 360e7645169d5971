package letters

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"strconv"
	"strings"

	"clinicdesk/app/ukcal"
)

// Letter is one A4 letter, already merged from its template: every field is
// the text to print. Dates and names are printed exactly as given.
type Letter struct {
	Clinic    Letterhead
	Recipient Recipient
	Date      ukcal.Date // printed "22 November 2026"; also the PDF's creation date

	// References print beside the address, one a line:
	// "NHS number: 943 476 5919", "Our ref: C-2026-014".
	References []string
	Subject    string // printed in bold above the salutation; may be ""
	Salutation string // "Dear Ms Łukasiewicz-O'Brien,"
	// Paragraphs are the body. Lines of a paragraph that start with "- "
	// print as a bulleted list; other line breaks are kept.
	Paragraphs []string
	SignOff    string // "Yours sincerely"
	Signatory  Signatory
	Footer     string // small print at the foot of every page; may be ""

	// Regarding heads every page after the first, so a loose sheet can be
	// matched to its letter: "Zoë Łukasiewicz-O'Brien · NHS number 943 476 5919".
	// Empty means the recipient's name.
	Regarding string

	// LargePrint sets the body in 16 pt and the headings larger, for
	// patients whose accessible information needs say so.
	LargePrint bool
	// Window is where the envelope's address window falls on the page;
	// the zero value means DefaultWindow.
	Window Window
}

// Letterhead is the clinic's details from Settings.
type Letterhead struct {
	Name    string
	Address []string // one line each, postcode last
	Phone   string
	Email   string
	Logo    []byte // a PNG, or nil for none
}

// Recipient is who the letter is addressed to, as it shows in the window.
type Recipient struct {
	Name    string   // "Ms Zoë Łukasiewicz-O'Brien"
	Address []string // one line each, postcode last
}

// Signatory is who signs the letter.
type Signatory struct {
	Name string
	Role string // "Practice Manager"
}

// Window is an envelope's address window, in millimetres from the top-left
// corner of the folded A4 sheet's first page.
type Window struct {
	Left, Top, Width, Height float64
}

// DefaultWindow is a DL envelope's window (SPEC §2.5): 20 mm from the left,
// 50 mm from the top, 90 × 35 mm.
var DefaultWindow = Window{Left: 20, Top: 50, Width: 90, Height: 35}

// Address block layout. The recipient's address is set no larger than the
// style allows and shrunk until the whole block fits inside the window with
// windowPadMM to spare all round (a folded letter shifts in its envelope).
// Large print starts the address larger too, but never lets it leave the
// window: the window is physical, so the address only grows as far as it
// still fits, and the body text is where the 16 pt matters.
const (
	windowPadMM       = 3.0 // at the sides
	windowPadTopMM    = 2.0 // above and below: seven lines must fit 35 mm
	addressMinPt      = 8.0 // smaller than this is hard to read through a window
	addressLineSpread = 1.15
	addressStepPt     = 0.5
	letterTopMM       = marginMM
	sideGapMM         = 8.0 // between the window and the column beside it
	minSideColumnMM   = 45.0
	foldMarkMM        = 99.0 // a third of A4: where a letter folds for a DL envelope
)

// letterStyle holds a letter's type sizes (points) and spacing (millimetres).
type letterStyle struct {
	body, subject       float64
	clinicName, details float64
	side                float64 // date and references
	address             float64 // the largest the address block may be
	footer, pageNumber  float64
	paragraphGap        float64
	signatureSpace      float64
}

var (
	normalLetter = letterStyle{body: 11, subject: 12, clinicName: 15, details: 9.5, side: 10,
		address: 11, footer: 8, pageNumber: 9, paragraphGap: 3.5, signatureSpace: 16}
	largePrintLetter = letterStyle{body: 16, subject: 19, clinicName: 18, details: 12, side: 14,
		address: 14, footer: 11, pageNumber: 14, paragraphGap: 5, signatureSpace: 18}
)

func (l Letter) validate() error {
	var missing []string
	if strings.TrimSpace(l.Clinic.Name) == "" {
		missing = append(missing, "clinic name")
	}
	if strings.TrimSpace(l.Recipient.Name) == "" {
		missing = append(missing, "recipient's name")
	}
	if l.Date.IsZero() {
		missing = append(missing, "date")
	}
	if len(missing) > 0 {
		return fmt.Errorf("letters: the letter needs the %s", strings.Join(missing, ", the "))
	}
	return nil
}

func (w Window) validate() error {
	if w.Width < 50 || w.Height < 20 {
		return fmt.Errorf("letters: the envelope window (%g × %g mm) is too small to hold an address", w.Width, w.Height)
	}
	if w.Left < 5 || w.Top < 25 || w.Left+w.Width > pageWidth-5 || w.Top+w.Height > 140 {
		return fmt.Errorf("letters: the envelope window (%g mm from the left, %g mm from the top, %g × %g mm) "+
			"is not in the top part of an A4 page", w.Left, w.Top, w.Width, w.Height)
	}
	return nil
}

// RenderLetter writes l as an A4 PDF to w and returns the warnings a person
// should see before sending it (characters the font lacks, a logo that
// could not be read). It fails, writing nothing, if something required is
// missing or the address cannot fit inside the envelope window.
func RenderLetter(w io.Writer, l Letter) (Warnings, error) {
	ws, err := RenderLetters(w, []Letter{l}, nil)
	if err != nil {
		var le *LetterError
		if errors.As(err, &le) {
			return nil, le.Err // one letter: no need to say which
		}
		return nil, err
	}
	return ws[0], nil
}

// prepared is l ready to set: the default window filled in and its style
// chosen, or why it cannot be written.
func (l Letter) prepared() (Letter, letterStyle, error) {
	if err := l.validate(); err != nil {
		return l, letterStyle{}, err
	}
	if l.Window == (Window{}) {
		l.Window = DefaultWindow
	}
	if err := l.Window.validate(); err != nil {
		return l, letterStyle{}, err
	}
	if l.LargePrint {
		return l, largePrintLetter, nil
	}
	return l, normalLetter, nil
}

// checkFits fails if l's address cannot go in its window or the window
// leaves no room for the letterhead: the failures found only once drawing
// has begun, checked first so a batch draws nothing it must abandon. It
// only measures, so on a document with no page yet it writes nothing.
func (d *Document) checkFits(l Letter, s letterStyle) error {
	var scratch warner // the drawing pass gives the warnings
	if _, err := d.fitAddress(scratch.text("recipient's name", l.Recipient.Name),
		scratch.lines("recipient's address", l.Recipient.Address), l.Window, s.address); err != nil {
		return err
	}
	_, err := sideColumn(l.Window)
	return err
}

// letterPages is what a letter prints at the head and foot of each page,
// measured before its first page so the page breaks leave room for it.
type letterPages struct {
	style           letterStyle
	regarding, date string // heading every page after the first
	footerLines     []string
	footerLH        float64
	footerY         float64 // top of the footer text
	numberY         float64 // top of "Page 1 of 2"
	numberHeight    float64
	breakMargin     float64 // from the foot of the page to where text stops
	firstPage       int     // the document's page number of the letter's first page
	total           string  // printed after "of": the count, or an alias gofpdf fills in
	alias           bool    // total is this letter's own alias, still to be given its count
}

// measurePages readies l's page heading and footer and finds where its
// text must stop above the footer.
func (d *Document) measurePages(l Letter, s letterStyle, warn *warner) letterPages {
	lp := letterPages{style: s, date: l.Date.Long()}
	regarding := l.Regarding
	if strings.TrimSpace(regarding) == "" {
		regarding = l.Recipient.Name
	}
	lp.regarding = warn.text("line at the top of later pages", regarding)
	footer := warn.text("footer", strings.TrimSpace(l.Footer))

	d.SetFont(Regular, s.footer)
	if footer != "" {
		lp.footerLines = d.pdf.SplitText(footer, contentWidth)
	}
	lp.footerLH = d.lineHeight()
	footerHeight := float64(len(lp.footerLines)) * lp.footerLH
	d.SetFont(Regular, s.pageNumber)
	lp.numberHeight = d.lineHeight()
	// The page number ends 11 mm above the foot of the page, clear of the
	// edge printers cannot reach; the footer text sits on top of it.
	lp.numberY = pageHeight - 11 - lp.numberHeight
	lp.footerY = lp.numberY - footerHeight - 0.5
	lp.breakMargin = max(bottomMarginMM, pageHeight-lp.footerY+4)
	return lp
}

// drawFooter writes the letter's small print and, unless the letter is a
// single page, "Page n of m" counted from the letter's own first page.
func (d *Document) drawFooter(lp *letterPages, lastOfLetter bool) {
	p := d.pdf
	s := lp.style
	p.SetTextColor(90, 90, 90)
	d.SetFont(Regular, s.footer)
	y := lp.footerY
	for _, line := range lp.footerLines {
		p.SetXY(marginMM, y)
		p.CellFormat(contentWidth, lp.footerLH, line, "", 0, "C", false, 0, "")
		y += lp.footerLH
	}
	n := p.PageNo() - lp.firstPage + 1
	if !(lastOfLetter && n == 1) {
		// The last page prints its own number, so every digit of the total
		// is in the font subset when gofpdf swaps in the page count.
		d.SetFont(Regular, s.pageNumber)
		p.SetXY(marginMM, lp.numberY)
		label := fmt.Sprintf("Page %d of %s", n, lp.total)
		p.CellFormat(contentWidth, lp.numberHeight, label, "", 0, "C", false, 0, "")
	}
	p.SetTextColor(0, 0, 0)
}

// drawHeading heads a page after a letter's first with who the letter is
// about and its date; the first page has the letterhead instead.
func (d *Document) drawHeading(lp *letterPages) {
	p := d.pdf
	d.SetFont(Regular, lp.style.pageNumber)
	p.SetTextColor(90, 90, 90)
	lh := d.lineHeight()
	p.SetXY(marginMM, marginMM)
	if p.GetStringWidth(lp.regarding+lp.date)+6 <= contentWidth {
		p.CellFormat(contentWidth, lh, lp.date, "", 0, "R", false, 0, "")
		p.SetX(marginMM)
		p.CellFormat(contentWidth, lh, lp.regarding, "", 1, "L", false, 0, "")
	} else {
		// Large print: the date goes under the name rather than over it.
		p.MultiCell(contentWidth, lh, lp.regarding+"\n"+lp.date, "", "L", false)
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(p.GetY() + 1.5)
	d.rule()
	p.SetY(p.GetY() + 6)
}

// letterFirstPage sets the first page of l, which has just begun: the
// letterhead, the address in the window, the date and references beside
// it, then the body, which may run onto later pages.
func (d *Document) letterFirstPage(l Letter, lp *letterPages, warn *warner) error {
	p := d.pdf
	s := lp.style
	d.foldMarks()
	win := l.Window
	address, err := d.fitAddress(warn.text("recipient's name", l.Recipient.Name),
		warn.lines("recipient's address", l.Recipient.Address), win, s.address)
	if err != nil {
		return err
	}

	side, err := sideColumn(win)
	if err != nil {
		return err
	}
	d.logo(l.Clinic.Logo, win, warn)
	y := d.letterhead(l.Clinic, side, s, warn)
	d.drawAddress(address, win)

	// Date and references beside the window, below the letterhead.
	y = max(y+6, win.Top+windowPadMM)
	d.SetFont(Regular, s.side)
	lh := d.lineHeight()
	for _, ref := range warn.lines("reference", l.References) {
		p.SetXY(side.x, y)
		p.MultiCell(side.width, lh, ref, "", "L", false)
		y = p.GetY()
	}
	if len(l.References) > 0 {
		y += lh * 0.6
	}
	p.SetXY(side.x, y)
	p.MultiCell(side.width, lh, lp.date, "", "L", false)
	y = p.GetY()

	p.SetXY(marginMM, max(y, win.Top+win.Height)+10)
	d.letterBody(l, s, warn)
	return d.err()
}

// column is a vertical strip of the page, in millimetres.
type column struct{ x, width float64 }

// sideColumn is the strip beside the window, on whichever side is wider,
// for the letterhead, the date and the references.
func sideColumn(w Window) (column, error) {
	left := column{marginMM, w.Left - sideGapMM - marginMM}
	right := column{w.Left + w.Width + sideGapMM, pageWidth - marginMM - (w.Left + w.Width + sideGapMM)}
	c := right
	if left.width > right.width {
		c = left
	}
	if c.width < minSideColumnMM {
		return column{}, fmt.Errorf("letters: the envelope window leaves less than %g mm beside it for the letterhead and date", minSideColumnMM)
	}
	return c, nil
}

// foldMarks are short ticks in the left edge where the letter is folded in
// three for a DL envelope, so the address lands in the window.
func (d *Document) foldMarks() {
	p := d.pdf
	p.SetDrawColor(160, 160, 160)
	p.SetLineWidth(0.2)
	for _, y := range []float64{foldMarkMM, 2 * foldMarkMM} {
		p.Line(6, y, 10, y)
	}
}

// letterhead writes the clinic's name and details in the side column,
// flush with the page's outer margin, and returns where it ends.
func (d *Document) letterhead(c Letterhead, side column, s letterStyle, warn *warner) float64 {
	p := d.pdf
	align := "R"
	if side.x == marginMM {
		align = "L"
	}
	p.SetXY(side.x, letterTopMM)
	d.SetFont(Bold, s.clinicName)
	p.MultiCell(side.width, d.lineHeight()*0.95, warn.text("clinic name", c.Name), "", align, false)
	d.Space(1)
	d.SetFont(Regular, s.details)
	p.SetTextColor(70, 70, 70)
	lines := warn.lines("clinic address", c.Address)
	if phone := strings.TrimSpace(c.Phone); phone != "" {
		lines = append(lines, "Tel "+warn.text("clinic phone number", phone))
	}
	if email := strings.TrimSpace(c.Email); email != "" {
		lines = append(lines, warn.text("clinic email", email))
	}
	lh := d.lineHeight() * 0.9
	for _, line := range lines {
		// Shrink a long email address rather than break it mid-word.
		if _, fits := d.fitSize(line, Regular, s.details, 7, side.width); !fits {
			d.SetFont(Regular, s.details)
		}
		p.SetX(side.x)
		p.MultiCell(side.width, lh, line, "", align, false)
	}
	p.SetTextColor(0, 0, 0)
	return p.GetY()
}

// logo draws the clinic's logo above the window, no taller than the room
// there. A logo that cannot be read is left off, with a warning: a broken
// image must not stop every letter printing.
func (d *Document) logo(data []byte, win Window, warn *warner) {
	if len(data) == 0 {
		return
	}
	img := d.readyLogo(data)
	if img.problem != "" {
		warn.add("clinic logo", "", img.problem)
		return
	}
	maxW, maxH := win.Width, min(24, win.Top-letterTopMM-4)
	w, h := maxW, maxW*float64(img.height)/float64(img.width)
	if h > maxH {
		w, h = maxH*float64(img.width)/float64(img.height), maxH
	}
	d.pngImage(img.name, img.png, win.Left, letterTopMM, w, h)
}

// logoImage is a logo made ready for gofpdf, or why it cannot be printed.
type logoImage struct {
	name          string // gofpdf's name for the image, one per logo
	png           []byte
	width, height int    // in pixels
	problem       string // the warning when it is left off; "" when it prints
}

// readyLogo converts a logo once per document: a batch of letters carries
// the same logo on every one, and decoding it 500 times would cost more
// than the letters.
func (d *Document) readyLogo(data []byte) logoImage {
	if img, ok := d.logos[string(data)]; ok {
		return img
	}
	img := logoImage{name: "logo" + strconv.Itoa(len(d.logos)+1)}
	if decoded, err := normalisePNG(data); err != nil {
		img.problem = "The clinic logo could not be read (" + err.Error() +
			"), so the letter was printed without it. Choose a PNG logo in Settings."
	} else {
		var buf bytes.Buffer
		if err := png.Encode(&buf, decoded); err != nil {
			img.problem = "The clinic logo could not be prepared for printing, so the letter was printed without it."
		}
		b := decoded.Bounds()
		img.png, img.width, img.height = buf.Bytes(), b.Dx(), b.Dy()
	}
	if d.logos == nil {
		d.logos = map[string]logoImage{}
	}
	d.logos[string(data)] = img
	return img
}

// normalisePNG decodes a PNG into 8-bit colour, the only kind gofpdf reads
// whatever its depth or interlacing.
func normalisePNG(data []byte) (*image.NRGBA, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("it is not a PNG image")
	}
	b := src.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return nil, errors.New("it is empty")
	}
	img := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(img, img.Bounds(), src, b.Min, draw.Src)
	return img, nil
}

// addressBlock is the window's content at the size that fits.
type addressBlock struct {
	lines  []string // the recipient's name first
	sizePt float64
}

const (
	confidentialMark = "PRIVATE AND CONFIDENTIAL"
	markGapMM        = 1.0 // between the mark and the name
)

// fitAddress finds the largest size, from maxPt down to addressMinPt, at
// which "PRIVATE AND CONFIDENTIAL", the name and every address line fit
// inside the window's padding, each on one line (the name on two only if
// it cannot fit on one: nameLayouts). It refuses rather than let any of it
// spill outside the window.
func (d *Document) fitAddress(name string, address []string, win Window, maxPt float64) (addressBlock, error) {
	p := d.pdf
	innerW, innerH := win.Width-2*windowPadMM, win.Height-2*windowPadTopMM
	var widest string
	for i, nameLines := range nameLayouts(name) {
		lines := append(nameLines, address...)
		for pt := maxPt; pt >= addressMinPt; pt -= addressStepPt {
			if addressHeight(len(lines), pt) > innerH {
				continue
			}
			d.SetFont(Bold, markSize(pt))
			fits := p.GetStringWidth(confidentialMark) <= innerW
			d.SetFont(Regular, pt)
			for _, line := range lines {
				if p.GetStringWidth(line) > innerW {
					fits = false
					if i == 0 { // the line to name is the one as written
						widest = line
					}
					break
				}
			}
			if fits {
				return addressBlock{lines: lines, sizePt: pt}, nil
			}
		}
	}
	if widest != "" {
		return addressBlock{}, fmt.Errorf("letters: the address line “%s” is too wide for the envelope window (%g mm) "+
			"even in %g pt type; split it over two lines", widest, win.Width, addressMinPt)
	}
	return addressBlock{}, fmt.Errorf("letters: the recipient's name and %d address lines do not fit the envelope window "+
		"(%g mm high) even in %g pt type; combine some lines", len(address), win.Height, addressMinPt)
}

// markSize is the size of "PRIVATE AND CONFIDENTIAL" over an address in pt.
func markSize(pt float64) float64 { return max(7, pt-2) }

// addressHeight is the block's height in millimetres: the mark, a small
// gap, then one line per name or address line.
func addressHeight(lines int, pt float64) float64 {
	return markSize(pt)*ptToMM*addressLineSpread + markGapMM + float64(lines)*pt*ptToMM*addressLineSpread
}

func (d *Document) drawAddress(a addressBlock, win Window) {
	p := d.pdf
	x, y := win.Left+windowPadMM, win.Top+windowPadTopMM
	innerW := win.Width - 2*windowPadMM
	mark := markSize(a.sizePt) * ptToMM * addressLineSpread
	d.SetFont(Bold, markSize(a.sizePt))
	p.SetXY(x, y)
	p.CellFormat(innerW, mark, confidentialMark, "", 0, "L", false, 0, "")
	y += mark + markGapMM
	d.SetFont(Regular, a.sizePt)
	lh := a.sizePt * ptToMM * addressLineSpread
	for _, line := range a.lines {
		p.SetXY(x, y)
		p.CellFormat(innerW, lh, line, "", 0, "L", false, 0, "")
		y += lh
	}
}

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
