package letters

import (
	"errors"
	"fmt"
	"io"
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
