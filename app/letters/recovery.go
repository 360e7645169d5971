package letters

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"clinicdesk/app/ukcal"
)

// RecoverySheetData is everything the emergency recovery sheet prints.
// It holds no patient data and must never be given any.
type RecoverySheetData struct {
	ClinicName    string
	ClinicAddress string    // one address line per text line
	ClinicFile    string    // where the encrypted clinic file is kept
	RecoveryKey   string    // dash-separated groups, e.g. "K7QM4-…"
	Created       time.Time // when the key was made, in clinic (UK) time
	CreatedBy     string    // the practice manager who made it
}

func (s RecoverySheetData) validate() error {
	var missing []string
	if strings.TrimSpace(s.ClinicName) == "" {
		missing = append(missing, "clinic name")
	}
	if strings.TrimSpace(s.ClinicFile) == "" {
		missing = append(missing, "clinic file location")
	}
	key := strings.TrimSpace(s.RecoveryKey)
	if key == "" {
		missing = append(missing, "recovery key")
	} else if strings.TrimLeft(key, keyCharacters) != "" {
		// Anything else could be misread or mistyped when the key is needed.
		// The key is a secret, so the error does not quote it.
		return errors.New("letters: the recovery key may hold only letters, digits and dashes")
	}
	if s.Created.IsZero() {
		missing = append(missing, "date created")
	}
	if strings.TrimSpace(s.CreatedBy) == "" {
		missing = append(missing, "created by")
	}
	if len(missing) > 0 {
		return fmt.Errorf("letters: recovery sheet needs %s", strings.Join(missing, ", "))
	}
	return nil
}

// RecoverySheet writes the one-page Emergency recovery sheet as a PDF to w.
// A very long clinic name, address or file path is set more tightly to keep
// the sheet on one page; only if even that cannot fit does it run onto a
// second, numbered page.
func RecoverySheet(w io.Writer, s RecoverySheetData) error {
	if err := s.validate(); err != nil {
		return err
	}
	var d *Document
	for _, l := range []sheetLayout{normalSheet, compactSheet} {
		var err error
		if d, err = renderRecoverySheet(s, l); err != nil {
			return err
		}
		if d.pdf.PageNo() == 1 {
			break
		}
	}
	return d.Output(w)
}

// sheetLayout holds the type sizes (points) and spacing (millimetres) the
// recovery sheet is set in.
type sheetLayout struct {
	title, clinic, address, heading, body, key float64
	gap                                        float64 // space between sections
}

var (
	normalSheet  = sheetLayout{title: 24, clinic: 14, address: 10.5, heading: 12.5, body: 11, key: 20, gap: 5}
	compactSheet = sheetLayout{title: 20, clinic: 12, address: 9.5, heading: 11.5, body: 10, key: 18, gap: 3}
)

func renderRecoverySheet(s RecoverySheetData, l sheetLayout) (*Document, error) {
	d, err := NewDocument("Emergency recovery sheet", s.Created)
	if err != nil {
		return nil, err
	}
	p := d.pdf
	d.AddPage()

	// Title, with a confidentiality mark on the same line.
	titleHeight := l.title * ptToMM * 1.2
	p.SetXY(marginMM, marginMM)
	d.SetFont(Bold, 9)
	p.SetTextColor(160, 20, 20)
	p.CellFormat(contentWidth, titleHeight, "CONFIDENTIAL", "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginMM, marginMM)
	d.SetFont(Bold, l.title)
	p.CellFormat(contentWidth-30, titleHeight, "Emergency recovery sheet", "", 1, "L", false, 0, "")

	d.Space(l.gap * 0.6)
	d.SetFont(Bold, l.clinic)
	d.Paragraph(s.ClinicName)
	if addr := oneLineAddress(s.ClinicAddress); addr != "" {
		d.Space(0.5)
		d.SetFont(Regular, l.address)
		p.SetTextColor(80, 80, 80)
		d.Paragraph(addr)
		p.SetTextColor(0, 0, 0)
	}
	d.Space(l.gap * 0.8)
	d.rule()
	d.Space(l.gap)

	d.heading("What this key is for", l.heading)
	d.SetFont(Regular, l.body)
	d.Paragraph("If every password for ClinicDesk is lost or forgotten, this recovery key is " +
		"the only way to unlock the clinic’s encrypted patient file. With it, a practice " +
		"manager can set a new password: on the sign-in screen, choose " +
		"“Forgotten your password?” and type the key exactly as it is shown below.")
	d.Space(l.gap)
	d.recoveryKeyBox(strings.TrimSpace(s.RecoveryKey), l.key)
	d.Space(l.gap * 1.2)

	d.heading("Where to keep this sheet", l.heading)
	d.SetFont(Regular, l.body)
	d.Bullet("In a locked safe or cabinet, away from the clinic’s computers.")
	d.Bullet("Never photograph, scan, copy or email it, or store the key on a computer or phone.")
	d.Bullet("Anyone with this sheet and a copy of the clinic file can read the patient records, " +
		"so guard it as carefully as the records themselves.")
	d.Space(l.gap)

	d.heading("If it is lost, or someone else may have seen it", l.heading)
	d.SetFont(Regular, l.body)
	d.Paragraph("Ask a practice manager to make a new recovery key in Settings → Security " +
		"straight away. Making a new key makes this sheet useless. Print the new sheet, " +
		"lock it away, and shred this one.")
	d.Space(l.gap)

	d.heading("About this key", l.heading)
	d.field("Created on", ukcal.WallDate(s.Created).LongWithDay(), l.body)
	d.field("Created by", s.CreatedBy, l.body)
	d.field("Clinic file", s.ClinicFile, l.body)

	d.signatureLines(l.gap * 1.6)
	return d, d.err()
}

// oneLineAddress joins the address lines with commas: on this sheet the
// address only identifies the clinic, and one line leaves room for the rest.
func oneLineAddress(addr string) string {
	var parts []string
	for _, line := range strings.Split(strings.ReplaceAll(addr, "\r\n", "\n"), "\n") {
		if line = strings.Trim(strings.TrimSpace(line), ","); line != "" {
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, ", ")
}

// signatureLines draws "Stored by … on …" at the foot of the page so the
// sheet always ends the same way, or gap below the text if that runs long.
// A one-page sheet has no page number, so the block may use the room the
// footer would take.
func (d *Document) signatureLines(gap float64) {
	const blockHeight = 21.0
	p := d.pdf
	y := p.GetY() + gap
	if foot := pageHeight - bottomMarginMM - blockHeight; y < foot {
		y = foot
	}
	if y+blockHeight > pageHeight-footerTopMM || p.PageNo() > 1 && y+blockHeight > pageHeight-bottomMarginMM {
		p.AddPage()
		y = p.GetY()
	}
	p.SetXY(marginMM, y)
	d.rule()

	d.SetFont(Regular, 10)
	p.SetTextColor(80, 80, 80)
	p.SetXY(marginMM, y+2.5)
	p.CellFormat(contentWidth, 5, "Sign here once the sheet is locked away.", "", 0, "L", false, 0, "")

	base := y + 15 // baseline of the labels; the lines sit on it
	const (
		nameLineStart = marginMM + 23
		nameLineEnd   = marginMM + 112
		onLabel       = marginMM + 118
		dateLineStart = marginMM + 126
		dateLineEnd   = marginMM + contentWidth
	)
	p.SetTextColor(0, 0, 0)
	d.SetFont(Bold, 11)
	p.Text(marginMM, base, "Stored by")
	p.Text(onLabel, base, "on")
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(nameLineStart, base+0.5, nameLineEnd, base+0.5)
	p.Line(dateLineStart, base+0.5, dateLineEnd, base+0.5)

	d.SetFont(Regular, 8.5)
	p.SetTextColor(100, 100, 100)
	p.Text(nameLineStart, base+4.5, "Name and signature")
	p.Text(dateLineStart, base+4.5, "Date")
	p.SetTextColor(0, 0, 0)
}

// Recovery key layout. Every character sits centred in a cell of the same
// width, like a typewriter, so groups line up and no glyph crowds another.
const (
	keyCellGap  = 0.6 // mm added to the widest glyph to make a cell
	keyBoxPad   = 6.0
	keyRowGap   = 3.0
	keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	// keyCharacters are all a recovery key may contain.
	keyCharacters = keyAlphabet + "abcdefghijklmnopqrstuvwxyz-"
	capHeightEm   = 0.73 // DejaVu Sans capital and digit height, in ems
)

// keyChunk is a run of key characters drawn together, and whether the key
// has a dash after it.
type keyChunk struct {
	chars     []rune
	dashAfter bool
}

func (d *Document) recoveryKeyBox(key string, keyFontPt float64) {
	p := d.pdf
	d.SetFont(Bold, keyFontPt)
	cell := keyCellGap
	for _, r := range keyAlphabet + key {
		cell = max(cell, p.GetStringWidth(string(r))+keyCellGap)
	}
	dashCell := cell * 0.9
	inner := contentWidth - 2*keyBoxPad
	rows := layoutKey(key, cell, dashCell, inner)

	caption := "Type it exactly as shown, including the dashes."
	if strings.ContainsRune(key, '0') {
		caption += "\nA zero has a line through it: it is a number, never the letter O."
	}
	d.SetFont(Regular, 9.5)
	captionLine := d.lineHeight()
	captionHeight := float64(len(p.SplitText(caption, inner))) * captionLine

	emMM := keyFontPt * ptToMM
	rowHeight := emMM * 1.15
	const labelHeight, captionGap = 7.0, 2.0
	rowsHeight := float64(len(rows))*rowHeight + float64(len(rows)-1)*keyRowGap
	boxHeight := keyBoxPad + labelHeight + rowsHeight + captionGap + captionHeight + keyBoxPad*0.8

	d.ensureSpace(boxHeight)
	top := p.GetY()
	p.SetFillColor(246, 246, 243)
	p.SetDrawColor(60, 60, 60)
	p.SetLineWidth(0.5)
	p.RoundedRect(marginMM, top, contentWidth, boxHeight, 2.5, "1234", "FD")

	d.SetFont(Bold, 9.5)
	p.SetTextColor(90, 90, 90)
	p.Text(marginMM+keyBoxPad, top+keyBoxPad+2.5, "RECOVERY KEY")

	// ActualText makes copy-and-paste and text extraction give the key as
	// one exact string, whatever the spacing of the drawn characters.
	p.RawWriteStr("/Span <</ActualText " + pdfTextString(key) + ">> BDC")
	y := top + keyBoxPad + labelHeight
	// Rows start at the same x so the character columns line up; the block
	// is centred on its widest row, not counting a dash hanging at a row end.
	widest := 0.0
	for _, row := range rows {
		w := rowWidth(row, cell, dashCell)
		if row[len(row)-1].dashAfter {
			w -= dashCell
		}
		widest = max(widest, w)
	}
	left := marginMM + (contentWidth-widest)/2
	for _, row := range rows {
		x := left
		baseline := y + rowHeight/2 + capHeightEm*emMM/2
		for _, chunk := range row {
			d.SetFont(Bold, keyFontPt)
			p.SetTextColor(0, 0, 0)
			for _, r := range chunk.chars {
				ch := string(r)
				gw := p.GetStringWidth(ch)
				p.Text(x+(cell-gw)/2, baseline, ch)
				if r == '0' {
					d.slashZero(x+cell/2, baseline, emMM)
				}
				x += cell
			}
			if chunk.dashAfter {
				d.SetFont(Regular, keyFontPt)
				p.SetTextColor(70, 70, 70)
				gw := p.GetStringWidth("-")
				p.Text(x+(dashCell-gw)/2, baseline, "-")
				x += dashCell
			}
		}
		y += rowHeight + keyRowGap
	}
	p.RawWriteStr("EMC")

	d.SetFont(Regular, 9.5)
	p.SetTextColor(80, 80, 80)
	p.SetXY(marginMM+keyBoxPad, y-keyRowGap+captionGap)
	p.MultiCell(inner, captionLine, caption, "", "C", false)
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginMM, top+boxHeight)
}

// slashZero strikes a zero through its middle, the usual way to tell it
// from the letter O when a code is copied out by hand.
func (d *Document) slashZero(centreX, baseline, emMM float64) {
	p := d.pdf
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(emMM * 0.075)
	p.Line(centreX+0.16*emMM, baseline-0.62*emMM, centreX-0.16*emMM, baseline-0.11*emMM)
}

// layoutKey splits the key at its dashes and fills rows of at most width
// millimetres, breaking only between groups (or inside a group too long for
// a row of its own). A dash that ends a row stays at the end of that row.
func layoutKey(key string, cell, dashCell, width float64) [][]keyChunk {
	perRow := max(1, int((width-dashCell)/cell))
	var chunks []keyChunk
	groups := strings.Split(key, "-")
	for i, g := range groups {
		rs := []rune(g)
		for len(rs) > perRow {
			chunks = append(chunks, keyChunk{chars: rs[:perRow]})
			rs = rs[perRow:]
		}
		chunks = append(chunks, keyChunk{chars: rs, dashAfter: i < len(groups)-1})
	}

	var rows [][]keyChunk
	var row []keyChunk
	for _, c := range chunks {
		if len(row) > 0 && rowWidth(append(row[:len(row):len(row)], c), cell, dashCell) > width {
			rows = append(rows, row)
			row = nil
		}
		row = append(row, c)
	}
	return append(rows, row)
}

func rowWidth(row []keyChunk, cell, dashCell float64) float64 {
	w := 0.0
	for _, c := range row {
		w += float64(len(c.chars)) * cell
		if c.dashAfter {
			w += dashCell
		}
	}
	return w
}

// pdfTextString encodes s as a PDF text string (UTF-16BE with a byte-order
// mark, in hex), which needs no escaping whatever s holds.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
