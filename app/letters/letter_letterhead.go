package letters

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strconv"
	"strings"
)

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
