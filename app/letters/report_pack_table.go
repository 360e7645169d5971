package letters

import (
	"image"
	"image/png"
	"io"
	"strings"
	"unicode"

	"clinicdesk/app/reports"
)

const (
	packKeepLast = 3   // the last rows of a table kept together
	packTablePad = 1.2 // above and below a row's text
	packColGap   = 3.0 // between columns
)

// packTable writes a figure's table: a bold heading row with a rule under
// it, then the rows, lightly banded, numbers right-aligned. When it runs
// over a page the figure's title and the heading row are written again.
func (d *Document) packTable(f reports.Figure, warn *warner) {
	pdf := d.pdf
	header := make([]string, len(f.Table.Header))
	for i, h := range f.Table.Header {
		header[i] = warn.text("table heading", h)
	}
	rows := make([][]string, len(f.Table.Rows))
	for i, r := range f.Table.Rows {
		rows[i] = make([]string, len(header))
		for j := range header {
			if j < len(r) {
				rows[i][j] = warn.text("table cell", r[j])
				if j > 0 {
					rows[i][j] = reports.CellToRead(rows[i][j])
				}
			}
		}
	}
	size, widths := d.packColumns(header, rows)
	right := make([]bool, len(header))
	for j := range header {
		right[j] = j > 0 && numericColumn(rows, j)
	}

	d.SetFont(Bold, size)
	d.ensureSpace(2*(d.lineHeight()+2*packTablePad) + 1)
	d.packTableHeader(header, widths, right, size)
	d.SetFont(Regular, size)
	lh := d.lineHeight()
	heights := make([]float64, len(rows))
	for i, row := range rows {
		lines := 1
		for j, cell := range row {
			lines = max(lines, len(pdf.SplitText(cell, widths[j]-packColGap)))
		}
		heights[i] = float64(lines)*lh + 2*packTablePad
	}
	for i, row := range rows {
		d.SetFont(Regular, size)
		h := heights[i]
		rest := 0.0 // the rows from here to the end
		for _, rh := range heights[i:] {
			rest += rh
		}
		// A new page when this row does not fit, or when the last few rows
		// would not all fit: the total never stands alone on a page.
		if pdf.GetY()+h > d.pageBottom() || (len(rows)-i <= packKeepLast && i > 0 && pdf.GetY()+rest > d.pageBottom()) {
			pdf.AddPage()
			d.SetFont(Bold, 10)
			d.Paragraph(warn.text("figure title", f.Title) + " (continued)")
			d.Space(1.5)
			d.packTableHeader(header, widths, right, size)
			d.SetFont(Regular, size)
		}
		top := pdf.GetY()
		if i%2 == 1 {
			pdf.SetFillColor(244, 244, 241)
			pdf.Rect(marginMM, top, contentWidth, h, "F")
		}
		x := marginMM
		for j, cell := range row {
			align := "L"
			if right[j] {
				align = "R"
			}
			pdf.SetXY(x, top+packTablePad)
			cw := widths[j] - packColGap
			if right[j] {
				pdf.SetX(x + packColGap) // right-aligned columns keep their gap on the left
			}
			pdf.MultiCell(cw, lh, cell, "", align, false)
			x += widths[j]
		}
		pdf.SetY(top + h)
	}
	y := pdf.GetY()
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetLineWidth(0.3)
	pdf.Line(marginMM, y, marginMM+contentWidth, y)
	pdf.SetY(y + 1)
}

func (d *Document) packTableHeader(header []string, widths []float64, right []bool, size float64) {
	pdf := d.pdf
	d.SetFont(Bold, size)
	lh := d.lineHeight()
	lines := 1
	for j, h := range header {
		lines = max(lines, len(pdf.SplitText(h, widths[j]-packColGap)))
	}
	top := pdf.GetY()
	x := marginMM
	for j, h := range header {
		align := "L"
		cx := x
		if right[j] {
			align = "R"
			cx += packColGap
		}
		// Headings sit on the rule: a shorter one starts lower.
		n := len(pdf.SplitText(h, widths[j]-packColGap))
		pdf.SetXY(cx, top+float64(lines-n)*lh)
		pdf.MultiCell(widths[j]-packColGap, lh, h, "", align, false)
		x += widths[j]
	}
	y := top + float64(lines)*lh + 0.8
	pdf.SetDrawColor(60, 60, 60)
	pdf.SetLineWidth(0.35)
	pdf.Line(marginMM, y, marginMM+contentWidth, y)
	pdf.SetY(y + 0.3)
}

// packColumns picks the table's type size (9 pt, smaller for a wide table)
// and its column widths: each column as wide as its longest word needs,
// the room left shared out by how long the cells are, filling the text
// width.
func (d *Document) packColumns(header []string, rows [][]string) (float64, []float64) {
	n := len(header)
	for _, size := range []float64{9, 8, 7} {
		need := make([]float64, n) // the longest cell on one line
		least := make([]float64, n)
		for j := range header {
			d.SetFont(Bold, size)
			for _, word := range strings.Fields(header[j]) {
				least[j] = max(least[j], d.pdf.GetStringWidth(word))
			}
			need[j] = d.pdf.GetStringWidth(header[j])
			d.SetFont(Regular, size)
			for _, r := range rows {
				need[j] = max(need[j], d.pdf.GetStringWidth(r[j]))
				for _, word := range strings.Fields(r[j]) {
					least[j] = max(least[j], d.pdf.GetStringWidth(word))
				}
			}
		}
		// The first column names the row ("w/c 25 May", "Whole range"):
		// kept on one line unless it is very long.
		least[0] = max(least[0], min(need[0], contentWidth*0.3))
		total, totalLeast := 0.0, 0.0
		for j := range need {
			need[j] += packColGap
			least[j] += packColGap
			total += need[j]
			totalLeast += least[j]
		}
		if totalLeast > contentWidth && size > 7 {
			continue
		}
		widths := make([]float64, n)
		if total <= contentWidth {
			// Everything fits on one line: the first column takes the slack,
			// so numbers sit close to their labels' right.
			copy(widths, need)
			widths[0] += contentWidth - total
			return size, widths
		}
		spare := contentWidth - totalLeast
		extra := total - totalLeast
		for j := range widths {
			widths[j] = least[j]
			if extra > 0 && spare > 0 {
				widths[j] += spare * (need[j] - least[j]) / extra
			}
		}
		return size, widths
	}
	return 7, nil // not reached: the 7 pt pass always returns
}

// numericColumn reports whether every filled cell of column j is a number
// ("12", "7.1%", "1,204", "–"), so it is right-aligned.
func numericColumn(rows [][]string, j int) bool {
	seen := false
	for _, r := range rows {
		c := strings.TrimSpace(r[j])
		if c == "" || c == "–" || c == "-" {
			continue
		}
		seen = true
		for _, ch := range c {
			if !unicode.IsDigit(ch) && !strings.ContainsRune(".,%+−- ", ch) {
				return false
			}
		}
	}
	return seen
}

// encodePNG writes img as a PNG gofpdf reads: 8-bit, not interlaced.
func encodePNG(w io.Writer, img image.Image) error {
	return png.Encode(w, img)
}
