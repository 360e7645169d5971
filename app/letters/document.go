// Package letters renders ClinicDesk's printable documents as PDF: letters,
// slips and the emergency recovery sheet.
//
// gofpdf is imported only in document.go, so its fork go-pdf/fpdf (same API)
// can replace it by changing one import line.
package letters

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"clinicdesk/assets"
)

// Style is the weight of the embedded font.
type Style int

const (
	Regular Style = iota
	Bold
)

// Page geometry in millimetres: A4 portrait with 20 mm margins all round.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginMM     = 20.0
	contentWidth = pageWidth - 2*marginMM

	// Room kept at the foot of every page for the page-number footer,
	// which starts footerTopMM above the bottom edge.
	bottomMarginMM = 22.0
	footerTopMM    = 16.0

	fontFamily = "dejavu"
	ptToMM     = 25.4 / 72
	lineSpread = 1.35 // line height as a multiple of the font size
)

// aliasTotalPages is replaced by gofpdf with the page count when the PDF is written.
const aliasTotalPages = "{nb}"

// Document is an A4 page sequence using the embedded DejaVu fonts, so any
// Latin, Greek or Cyrillic name prints as typed. Pages are numbered
// "Page X of Y" when there is more than one. Its output is byte-for-byte
// reproducible for the same content and creation time.
type Document struct {
	pdf    *gofpdf.Fpdf
	sizePt float64
	logos  map[string]logoImage // by the logo's bytes
}

// NewDocument starts an empty document. created becomes the PDF's creation
// and modification date (it must not be zero: gofpdf would use the clock and
// the output would differ on every run). title goes into the PDF metadata,
// which viewers show in their title bar; never put patient data or secrets in it.
func NewDocument(title string, created time.Time) (*Document, error) {
	return newSizedDocument(title, created, pageWidth, pageHeight)
}

// newSizedDocument is NewDocument on pages of another size in millimetres,
// such as an appointment card. The margins, page breaks and footer are the
// A4 ones; a caller on another size sets its own.
func newSizedDocument(title string, created time.Time, widthMM, heightMM float64) (*Document, error) {
	if created.IsZero() {
		return nil, errors.New("letters: document needs a creation time")
	}
	init := gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"}
	if widthMM != pageWidth || heightMM != pageHeight {
		// Named A4 keeps A4 output byte-identical to before custom sizes.
		init.SizeStr, init.Size = "", gofpdf.SizeType{Wd: widthMM, Ht: heightMM}
	}
	pdf := gofpdf.NewCustom(&init)
	// Must precede the fonts: gofpdf picks the font subset ranges
	// differently once a page-count alias is set.
	pdf.AliasNbPages(aliasTotalPages)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	pdf.SetMargins(marginMM, marginMM, marginMM)
	pdf.SetAutoPageBreak(true, bottomMarginMM)
	// Text starts exactly at the margin, so drawn lines and boxes line up with it.
	pdf.SetCellMargin(0)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetCreator("ClinicDesk", true)
	pdf.SetTitle(printable(title), true)

	d := &Document{pdf: pdf}
	pdf.SetFooterFuncLpi(d.footer)
	d.SetFont(Regular, 11)
	return d, d.err()
}

// AddPage starts a new page at the top margin.
func (d *Document) AddPage() {
	d.pdf.AddPage()
}

// SetFont selects the weight and size (in points) for the text that follows.
func (d *Document) SetFont(style Style, sizePt float64) {
	s := ""
	if style == Bold {
		s = "B"
	}
	d.pdf.SetFont(fontFamily, s, sizePt)
	d.sizePt = sizePt
}

// Paragraph writes text wrapped between the margins, in the current font,
// then moves below it. Line breaks in text are kept.
func (d *Document) Paragraph(text string) {
	d.pdf.SetX(marginMM)
	d.pdf.MultiCell(0, d.lineHeight(), printable(text), "", "L", false)
}

// Bullet writes one wrapped item of a bulleted list with a hanging indent.
func (d *Document) Bullet(text string) {
	// Wider for large print, so the bullet does not crowd its text.
	indent := max(6.0, d.sizePt*0.5)
	lh := d.lineHeight()
	if d.pdf.GetY()+lh > d.pageBottom() {
		d.pdf.AddPage()
	}
	y := d.pdf.GetY()
	d.pdf.SetXY(marginMM+1, y)
	d.pdf.CellFormat(indent-1, lh, "•", "", 0, "L", false, 0, "")
	d.pdf.SetXY(marginMM+indent, y)
	d.pdf.MultiCell(contentWidth-indent, lh, printable(text), "", "L", false)
}

// Space moves down by mm millimetres.
func (d *Document) Space(mm float64) {
	d.pdf.SetY(d.pdf.GetY() + mm)
}

// Output finishes the document and writes the PDF to w.
func (d *Document) Output(w io.Writer) error {
	if err := d.err(); err != nil {
		return err
	}
	// Buffer first so a failed render never leaves half a PDF in w.
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("letters: rendering PDF: %w", err)
	}
	_, err := buf.WriteTo(w)
	return err
}

func (d *Document) err() error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("letters: %w", err)
	}
	return nil
}

// footer numbers the pages "Page X of Y", but only when there is more than
// one: "Page 1 of 1" on a single sheet is noise.
func (d *Document) footer(lastPage bool) {
	if lastPage && d.pdf.PageNo() == 1 {
		return
	}
	// The last page prints its own number, so every digit of the total is
	// in the font subset when gofpdf swaps in the page count.
	d.pdf.SetFont(fontFamily, "", 9)
	d.pdf.SetTextColor(90, 90, 90)
	d.pdf.SetXY(marginMM, pageHeight-footerTopMM)
	label := fmt.Sprintf("Page %d of %s", d.pdf.PageNo(), aliasTotalPages)
	d.pdf.CellFormat(contentWidth, 5, label, "", 0, "C", false, 0, "")
	d.pdf.SetTextColor(0, 0, 0)
}

// heading writes a bold section heading, first moving to a new page if the
// heading would otherwise be stranded at the foot of this one.
func (d *Document) heading(text string, sizePt float64) {
	d.SetFont(Bold, sizePt)
	d.ensureSpace(3 * d.lineHeight())
	d.Paragraph(text)
	d.Space(1.5)
}

// rule draws a thin grey line across the text width at the current position.
func (d *Document) rule() {
	y := d.pdf.GetY()
	d.pdf.SetDrawColor(170, 170, 170)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginMM, y, marginMM+contentWidth, y)
}

// field writes "label   value" with the value wrapped in its own column,
// so a long file path breaks under itself rather than under the label.
func (d *Document) field(label, value string, sizePt float64) {
	const labelWidth = 30.0
	d.SetFont(Regular, sizePt)
	lh := d.lineHeight()
	d.ensureSpace(lh)
	y := d.pdf.GetY()
	d.SetFont(Bold, sizePt)
	d.pdf.SetXY(marginMM, y)
	d.pdf.CellFormat(labelWidth, lh, label, "", 0, "L", false, 0, "")
	d.SetFont(Regular, sizePt)
	d.pdf.SetXY(marginMM+labelWidth, y)
	d.pdf.MultiCell(contentWidth-labelWidth, lh, printable(value), "", "L", false)
	d.Space(1)
}

// ensureSpace starts a new page unless h millimetres fit above the footer.
// Only needed before things drawn at fixed positions or kept together;
// wrapped text breaks pages by itself.
func (d *Document) ensureSpace(h float64) {
	if d.pdf.GetY()+h > d.pageBottom() {
		d.pdf.AddPage()
	}
}

// pageBottom is where text stops and a new page starts: bottomMarginMM
// above the foot of an A4 page, unless a letter's footer needs more room.
func (d *Document) pageBottom() float64 {
	_, margin := d.pdf.GetAutoPageBreak()
	_, height := d.pdf.GetPageSize()
	return height - margin
}

func (d *Document) lineHeight() float64 {
	return d.sizePt * ptToMM * lineSpread
}

// printable readies typed text for gofpdf. It composes accents typed as
// separate combining marks ("a" + "̂"), because gofpdf places each code
// point as its own glyph and a loose mark prints beside its letter; it turns
// tabs into spaces and drops other control characters; and it swaps
// characters beyond the Basic Multilingual Plane (emoji), which gofpdf
// refuses with an error, for "�", so one odd character in a name cannot stop
// a letter printing.
func printable(s string) string {
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		case r > 0xFFFF:
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

// pngImage draws a PNG image at x, y, w × h millimetres. The PNG must be
// one gofpdf reads (8-bit, not interlaced); normalisePNG makes it so.
func (d *Document) pngImage(name string, png []byte, x, y, w, h float64) {
	opts := gofpdf.ImageOptions{ImageType: "PNG"}
	d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(png))
	d.pdf.ImageOptions(name, x, y, w, h, false, opts, 0, "")
}

// fitSize is the largest size from maxPt down to minPt, in half points, at
// which text fits widthMM on one line in style, and whether it fits at all.
// It leaves the font at the size it returns.
func (d *Document) fitSize(text string, style Style, maxPt, minPt, widthMM float64) (float64, bool) {
	for pt := maxPt; pt >= minPt; pt -= 0.5 {
		d.SetFont(style, pt)
		if d.pdf.GetStringWidth(text) <= widthMM {
			return pt, true
		}
	}
	d.SetFont(style, minPt)
	return minPt, false
}
