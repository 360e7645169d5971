package letters

import (
	"fmt"
)

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
