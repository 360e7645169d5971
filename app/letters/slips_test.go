package letters

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

var slipPrinted = time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)

func sampleSlip() Slip {
	return Slip{
		ClinicName:  "Clinig Iechyd Glan-yr-Afon",
		ClinicPhone: "01938 810123",
		Patient:     "Zoë Łukasiewicz-O'Brien",
		Date:        ukcal.NewDate(2026, 11, 23),
		StartMin:    9*60 + 30,
		Clinician:   "Dr Ахмед Петров",
		Location:    "Room 2, ground floor",
		HowToCancel: "To cancel or change, please call 01938 810123 at least 24 hours before.",
	}
}

func renderSlipsWith(t *testing.T, render func(*bytes.Buffer) (Warnings, error)) ([]byte, Warnings) {
	t.Helper()
	var buf bytes.Buffer
	w, err := render(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), w
}

func TestSlipCard(t *testing.T) {
	needPoppler(t)
	data, warnings := renderSlipsWith(t, func(b *bytes.Buffer) (Warnings, error) {
		return RenderSlip(b, sampleSlip(), slipPrinted)
	})
	if len(warnings) != 0 {
		t.Errorf("unexpected warnings: %q", warnings.Messages())
	}
	path := writePDF(t, "slip.pdf", data)
	text := squash(pdfText(t, path))
	for _, want := range []string{
		"Clinig Iechyd Glan-yr-Afon", "Tel 01938 810123", "Zoë Łukasiewicz-O'Brien",
		"Monday 23 November 2026", "09:30", "With", "Dr Ахмед Петров", "Where", "Room 2, ground floor",
		"To cancel or change, please call 01938 810123 at least 24 hours before.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}
	info := run(t, "pdfinfo", path)
	if !regexp.MustCompile(`Page size:\s+240\.9\d x 155\.9\d pts`).MatchString(info) {
		t.Errorf("slip page is not 85 × 55 mm:\n%s", info)
	}
	checkWordsInside(t, path, 0, 0, slipWidth, slipHeight)
	for _, f := range fonts(t, path) {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded", f.name)
		}
	}
}

// checkWordsInside fails for any word outside the rectangle (millimetres)
// less the slip padding.
func checkWordsInside(t *testing.T, path string, x, y, w, h float64) {
	t.Helper()
	const slack = 1.0 // word boxes include the font's full ascent
	for _, word := range wordBoxes(t, path) {
		if word.xMin < (x+slipPad-slack)*mmToPt || word.xMax > (x+w-slipPad+slack)*mmToPt ||
			word.yMin < (y+slipPad-slack)*mmToPt || word.yMax > (y+h-slipPad+slack)*mmToPt {
			t.Errorf("%q at x %.1f–%.1f, y %.1f–%.1f pt is outside the card's printable area",
				html.UnescapeString(word.word), word.xMin, word.xMax, word.yMin, word.yMax)
		}
	}
}

func TestSlipLongTextShrinksNotOverflows(t *testing.T) {
	needPoppler(t)
	s := sampleSlip()
	s.Patient = "Bartholomew Alexander Łukasiewicz-O'Brien-Montgomery"
	s.Location = "The Annexe, Room 14, second floor (lift by the main entrance)"
	data, warnings := renderSlipsWith(t, func(b *bytes.Buffer) (Warnings, error) {
		return RenderSlip(b, s, slipPrinted)
	})
	path := writePDF(t, "slip-long.pdf", data)
	text := squash(pdfText(t, path))
	if !strings.Contains(text, s.Patient) || !strings.Contains(text, s.Location) {
		t.Errorf("a long name or location that fits in smaller type was cut short:\n%s", text)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings for text that fits: %q", warnings.Messages())
	}
	checkWordsInside(t, path, 0, 0, slipWidth, slipHeight)

	s.Patient = strings.Repeat("Łukasiewicz-O'Brien ", 6)
	_, warnings = renderSlipsWith(t, func(b *bytes.Buffer) (Warnings, error) {
		return RenderSlip(b, s, slipPrinted)
	})
	if len(warnings) == 0 || !strings.Contains(warnings.Messages()[0], "too long") {
		t.Errorf("a name too long even in small type gave no warning: %q", warnings.Messages())
	}
}

func TestSlipSheetHasTenSlipsAndCutMarks(t *testing.T) {
	needPoppler(t)
	var slips []Slip
	for i := 0; i < 12; i++ {
		s := sampleSlip()
		s.Patient = fmt.Sprintf("Patient %02d Siân Ŵyn", i+1)
		s.StartMin = 9*60 + 15*i
		slips = append(slips, s)
	}
	data, _ := renderSlipsWith(t, func(b *bytes.Buffer) (Warnings, error) {
		return RenderSlipSheet(b, slips, slipPrinted)
	})
	path := writePDF(t, "slip-sheet.pdf", data)
	if n := pageCount(t, path); n != 2 {
		t.Fatalf("12 slips on %d sheets, want 2", n)
	}
	pages := strings.Split(pdfText(t, path), "\f")
	for i, want := range []int{10, 2} {
		if got := strings.Count(pages[i], "Siân Ŵyn"); got != want {
			t.Errorf("sheet %d has %d slips, want %d", i+1, got, want)
		}
	}
	if strings.Contains(pages[0], "Page 1") {
		t.Error("slip sheets should not be numbered")
	}
	// Every slip's words stay on its own card.
	words := wordBoxes(t, path)
	for i := range slips {
		place := i % slipsPerSheet
		x := sheetLeft + float64(place%slipsAcross)*slipWidth
		y := sheetTop + float64(place/slipsAcross)*slipHeight
		label := fmt.Sprintf("%02d", i+1)
		found := false
		for _, w := range words {
			if w.page == i/slipsPerSheet+1 && w.word == label {
				found = true
				if w.xMin < x*mmToPt || w.xMax > (x+slipWidth)*mmToPt || w.yMin < y*mmToPt || w.yMax > (y+slipHeight)*mmToPt {
					t.Errorf("slip %d's name is not on its card", i+1)
				}
			}
		}
		if !found {
			t.Errorf("slip %d's name not found", i+1)
		}
	}
	checkCutMarks(t, path)
}

// checkCutMarks rasterises the first sheet and looks for ink where each
// crop mark should be, and none in the margin between them.
func checkCutMarks(t *testing.T, path string) {
	t.Helper()
	const dpi = 150
	prefix := filepath.Join(t.TempDir(), "sheet")
	run(t, "pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-f", "1", "-l", "1", path, prefix)
	matches, _ := filepath.Glob(prefix + "*.pgm")
	if len(matches) != 1 {
		t.Fatalf("pdftoppm made %v", matches)
	}
	img := readPGM(t, matches[0])
	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	// dark reports ink within a pixel of (x, y) mm.
	dark := func(x, y float64) bool {
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				if img.at(px(x)+dx, px(y)+dy) < 128 {
					return true
				}
			}
		}
		return false
	}
	right, bottom := sheetLeft+slipsAcross*slipWidth, sheetTop+slipsDown*slipHeight
	mid := cutMarkGap + cutMarkLength/2
	for c := 0; c <= slipsAcross; c++ {
		x := sheetLeft + float64(c)*slipWidth
		if !dark(x, sheetTop-mid) || !dark(x, bottom+mid) {
			t.Errorf("no cut mark at the top and bottom of the cut %.0f mm from the left", x)
		}
	}
	for r := 0; r <= slipsDown; r++ {
		y := sheetTop + float64(r)*slipHeight
		if !dark(sheetLeft-mid, y) || !dark(right+mid, y) {
			t.Errorf("no cut mark at the sides of the cut %.0f mm from the top", y)
		}
	}
	if dark(sheetLeft-mid, sheetTop+slipHeight/2) {
		t.Error("ink in the left margin between cut marks")
	}
}

type pgm struct {
	w, h int
	pix  []byte
}

func (g pgm) at(x, y int) byte {
	if x < 0 || y < 0 || x >= g.w || y >= g.h {
		return 255
	}
	return g.pix[y*g.w+x]
}

func readPGM(t *testing.T, path string) pgm {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var g pgm
	var maxVal int
	if _, err := fmt.Fscanf(r, "P5\n%d %d\n%d\n", &g.w, &g.h, &maxVal); err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	g.pix = make([]byte, g.w*g.h)
	if _, err := io.ReadFull(r, g.pix); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestSlipCardsOnePerPage(t *testing.T) {
	needPoppler(t)
	a, b := sampleSlip(), sampleSlip()
	b.Patient = "Ахмед Петров"
	data, _ := renderSlipsWith(t, func(buf *bytes.Buffer) (Warnings, error) {
		return RenderSlipCards(buf, []Slip{a, b}, slipPrinted)
	})
	path := writePDF(t, "slip-cards.pdf", data)
	if n := pageCount(t, path); n != 2 {
		t.Errorf("two cards on %d pages", n)
	}
	if text := pdfText(t, path); strings.Contains(text, "Page") {
		t.Errorf("cards are numbered:\n%s", text)
	}
}

func TestSlipFallbackAndValidation(t *testing.T) {
	s := sampleSlip()
	s.Patient = "王伟"
	_, warnings := renderSlipsWith(t, func(b *bytes.Buffer) (Warnings, error) {
		return RenderSlip(b, s, slipPrinted)
	})
	if len(warnings) != 1 || warnings[0].Field != "patient's name" || !strings.Contains(warnings[0].Message, "王伟") {
		t.Errorf("warnings for 王伟: %q", warnings.Messages())
	}
	if _, err := RenderSlipSheet(&bytes.Buffer{}, nil, slipPrinted); err == nil {
		t.Error("an empty sheet rendered")
	}
	bad := sampleSlip()
	bad.Patient = ""
	if _, err := RenderSlipSheet(&bytes.Buffer{}, []Slip{sampleSlip(), bad}, slipPrinted); err == nil ||
		!strings.Contains(err.Error(), "slip 2") {
		t.Errorf("a slip with no name: err %v, want one naming slip 2", err)
	}
}
