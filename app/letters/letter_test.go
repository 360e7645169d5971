package letters

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

const mmToPt = 72 / 25.4

func sampleLetter() Letter {
	return Letter{
		Clinic: Letterhead{
			Name:    "Clinig Iechyd Glan-yr-Afon",
			Address: []string{"Uned 4, Stryd Fawr", "Llanfair Caereinion", "Powys", "SY21 0RY"},
			Phone:   "01938 810123",
			Email:   "derbynfa@glanyrafon.example.nhs.uk",
		},
		Recipient: Recipient{
			Name:    "Ms Zoë Łukasiewicz-O'Brien",
			Address: []string{"Fflat 2, Tŷ Siân Ŵyn", "14 Heol y Capel", "Y Trallwng", "SY21 7AB"},
		},
		Date:       ukcal.NewDate(2026, 11, 22),
		References: []string{"NHS number: 943 476 5919", "Our ref: C-2026-014"},
		Subject:    "Your appointment on Monday 30 November 2026 at 09:30",
		Salutation: "Dear Ms Łukasiewicz-O'Brien,",
		Paragraphs: []string{
			"Thank you for booking your appointment with Dr Ахмед Петров at the clinic. " +
				"We look forward to seeing you on Monday 30 November 2026 at 09:30 in Room 2, on the ground floor.",
			"Please bring with you:\n- this letter\n- a list of any medicines you take\n- your glasses, if you use them for reading",
			"If you cannot come, please call us on 01938 810123 at least 24 hours before, so we can offer the time to someone else.",
		},
		SignOff:   "Yours sincerely",
		Signatory: Signatory{Name: "Siân Ŵyn", Role: "Practice Manager"},
		Footer:    "Clinig Iechyd Glan-yr-Afon is part of Powys Teaching Health Board. We welcome letters in Welsh.",
		Regarding: "Zoë Łukasiewicz-O'Brien · NHS number 943 476 5919",
	}
}

func renderLetter(t *testing.T, l Letter) ([]byte, Warnings) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := RenderLetter(&buf, l)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

// longLetter has enough paragraphs to run onto a second page, not a third.
func longLetter() Letter {
	l := sampleLetter()
	for i := 0; i < 6; i++ {
		l.Paragraphs = append(l.Paragraphs, fmt.Sprintf("Paragraph %d. While you are with us, the clinician "+
			"may ask about your general health, any medicines you take and how you have been since your last "+
			"visit. Please tell us if anything has changed, however small it may seem.", i+4))
	}
	return l
}

func TestLetterText(t *testing.T) {
	needPoppler(t)
	data, warnings := renderLetter(t, sampleLetter())
	if len(warnings) != 0 {
		t.Errorf("unexpected warnings: %v", warnings.Messages())
	}
	path := writePDF(t, "letter.pdf", data)
	text := squash(pdfText(t, path))
	for _, want := range []string{
		"PRIVATE AND CONFIDENTIAL",
		"Ms Zoë Łukasiewicz-O'Brien",
		"Fflat 2, Tŷ Siân Ŵyn",
		"22 November 2026",
		"NHS number: 943 476 5919",
		"Our ref: C-2026-014",
		"Your appointment on Monday 30 November 2026 at 09:30",
		"Dear Ms Łukasiewicz-O'Brien,",
		"Dr Ахмед Петров",
		"• a list of any medicines you take",
		"Yours sincerely",
		"Siân Ŵyn Practice Manager",
		"Tel 01938 810123",
		"We welcome letters in Welsh.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("letter text lacks %q:\n%s", want, text)
		}
	}
	if n := pageCount(t, path); n != 1 {
		t.Errorf("letter has %d pages, want 1", n)
	}
	if strings.Contains(text, "Page 1") {
		t.Error("a one-page letter should not be numbered")
	}
	for _, f := range fonts(t, path) {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded", f.name)
		}
	}
}

// checkAddressInWindow fails unless every word of the address block, and
// nothing else, is inside the window rectangle on the first page.
func checkAddressInWindow(t *testing.T, path string, win Window, block []string) {
	t.Helper()
	left, top := win.Left*mmToPt, win.Top*mmToPt
	right, bottom := (win.Left+win.Width)*mmToPt, (win.Top+win.Height)*mmToPt
	want := map[string]int{}
	for _, line := range block {
		for _, w := range strings.Fields(line) {
			want[w]++
		}
	}
	inside := map[string]int{}
	for _, w := range wordBoxes(t, path) {
		if w.page != 1 {
			continue
		}
		w.word = html.UnescapeString(w.word)
		in := w.xMin >= left && w.xMax <= right && w.yMin >= top && w.yMax <= bottom
		overlaps := w.xMax > left && w.xMin < right && w.yMax > top && w.yMin < bottom
		switch {
		case in:
			inside[w.word]++
		case overlaps:
			t.Errorf("%q at x %.1f–%.1f, y %.1f–%.1f pt crosses the window edge (%.1f–%.1f, %.1f–%.1f)",
				w.word, w.xMin, w.xMax, w.yMin, w.yMax, left, right, top, bottom)
		}
	}
	for w, n := range want {
		if inside[w] < n {
			t.Errorf("window holds %q %d times, want %d", w, inside[w], n)
		}
	}
	for w, n := range inside {
		if want[w] < n {
			t.Errorf("window holds %q, which is not part of the address", w)
		}
	}
}

func TestLetterAddressInsideWindow(t *testing.T) {
	needPoppler(t)
	long := []string{"Flat 12b, The Old Rectory", "Cwrt y Felin", "14–16 Heol y Capel", "Llanfair Caereinion",
		"Y Trallwng", "Powys", "SY21 7AB"}
	cases := []struct {
		name       string
		address    []string
		window     Window
		largePrint bool
	}{
		{"usual", sampleLetter().Recipient.Address, Window{}, false},
		{"seven lines", long, Window{}, false},
		{"large print", sampleLetter().Recipient.Address, Window{}, true},
		{"large print seven lines", long, Window{}, true},
		{"moved window", sampleLetter().Recipient.Address, Window{Left: 25, Top: 45, Width: 95, Height: 40}, false},
		{"right-hand window", sampleLetter().Recipient.Address, Window{Left: 100, Top: 50, Width: 90, Height: 35}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := sampleLetter()
			l.Recipient.Address, l.Window, l.LargePrint = c.address, c.window, c.largePrint
			name := "letter-window-" + strings.ReplaceAll(c.name, " ", "-") + ".pdf"
			path := writePDF(t, name, mustRender(t, l))
			win := c.window
			if win == (Window{}) {
				win = DefaultWindow
			}
			block := append([]string{confidentialMark, l.Recipient.Name}, c.address...)
			checkAddressInWindow(t, path, win, block)
		})
	}
}

func mustRender(t *testing.T, l Letter) []byte {
	t.Helper()
	data, _ := renderLetter(t, l)
	return data
}

func TestLetterRefusesAddressThatCannotFitWindow(t *testing.T) {
	l := sampleLetter()
	for i := 0; i < 12; i++ {
		l.Recipient.Address = append(l.Recipient.Address, "Another line")
	}
	var buf bytes.Buffer
	if _, err := RenderLetter(&buf, l); err == nil || !strings.Contains(err.Error(), "envelope window") {
		t.Errorf("a 16-line address rendered (err %v); it must be refused, not spill out of the window", err)
	}
	if buf.Len() != 0 {
		t.Error("a refused letter still wrote part of a PDF")
	}

	l = sampleLetter()
	l.Recipient.Address[0] = "The Very Long Named Residential Care Home for the Retired Gentlefolk of Montgomeryshire"
	if _, err := RenderLetter(&buf, l); err == nil || !strings.Contains(err.Error(), "Gentlefolk") {
		t.Errorf("a line too wide for the window rendered (err %v); the error must name the line", err)
	}
}

func TestLetterRunsOntoSecondPage(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "letter-two-pages.pdf", mustRender(t, longLetter()))
	if n := pageCount(t, path); n != 2 {
		t.Fatalf("long letter has %d pages, want 2", n)
	}
	text := pdfText(t, path)
	for _, want := range []string{"Page 1 of 2", "Page 2 of 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	pages := strings.Split(text, "\f")
	second := squash(pages[1])
	if !strings.HasPrefix(second, "Zoë Łukasiewicz-O'Brien · NHS number 943 476 5919 22 November 2026") {
		t.Errorf("page 2 does not start with whose letter it is:\n%s", second)
	}
	if strings.Contains(second, "Tel 01938 810123") || strings.Contains(second, confidentialMark) {
		t.Errorf("page 2 repeats the letterhead or address:\n%s", second)
	}
	if !strings.Contains(second, "Yours sincerely") {
		t.Errorf("signature block is not on the last page:\n%s", second)
	}
	checkInsideMargins(t, path)
}

// wordSize is a word's font size in points: pdftotext -bbox reports word
// heights as the size times DejaVu's ascent plus descent (1.164 em).
func wordSize(w wordBox) float64 {
	const dejaVuHeightEm = 0.928 + 0.236
	return (w.yMax - w.yMin) / dejaVuHeightEm
}

func TestLetterLargePrint(t *testing.T) {
	needPoppler(t)
	l := longLetter()
	l.LargePrint = true
	path := writePDF(t, "letter-large-print.pdf", mustRender(t, l))
	words := wordBoxes(t, path)
	var found bool
	for _, w := range words {
		// Every word of the body paragraphs is in 16 pt or more.
		if w.word == "Paragraph" || w.word == "medicines" || w.word == "sincerely" {
			found = true
			if size := wordSize(w); size < 15.9 {
				t.Errorf("large print: %q is set in %.1f pt, want ≥ 16", w.word, size)
			}
		}
	}
	if !found {
		t.Fatal("body words not found")
	}
	normal := writePDF(t, "letter-normal-size.pdf", mustRender(t, sampleLetter()))
	for _, w := range wordBoxes(t, normal) {
		if w.word == "medicines" && math.Abs(wordSize(w)-11) > 0.3 {
			t.Errorf("normal letter body is %.1f pt, want 11", wordSize(w))
		}
	}
	text := pdfText(t, path)
	n := pageCount(t, path)
	if !strings.Contains(text, fmt.Sprintf("Page %d of %d", n, n)) {
		t.Errorf("large-print letter of %d pages lacks its last page number", n)
	}
	checkInsideMargins(t, path)
}

func TestLetterFallbackForMissingCharacters(t *testing.T) {
	needPoppler(t)
	l := sampleLetter()
	l.Recipient.Name = "王伟"
	l.Salutation = "Dear 王伟,"
	data, warnings := renderLetter(t, l)
	text := squash(pdfText(t, writePDF(t, "letter-fallback.pdf", data)))
	if !strings.Contains(text, "��") {
		t.Errorf("missing characters are not shown as �:\n%s", text)
	}
	var named bool
	for _, w := range warnings {
		if w.Field == "recipient's name" && strings.Contains(w.Message, "王伟") &&
			strings.Contains(w.Message, "cannot print") && strings.Contains(w.Message, "U+738B") {
			named = true
		}
	}
	if !named {
		t.Errorf("no warning names the recipient's name 王伟: %q", warnings.Messages())
	}
	if len(warnings) != 2 {
		t.Errorf("want one warning each for the name and the salutation, got %q", warnings.Messages())
	}
}

func TestMissingGlyphs(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"Zoë Łukasiewicz-O'Brien, Siân Ŵyn, Ахмед, Ελένη", ""},
		{"王伟 Wang", "王伟"},
		{"Sam 🙂", "🙂"},
		{"a\u0302", ""}, // composes to â
	} {
		if got := string(MissingGlyphs(c.text)); got != c.want {
			t.Errorf("MissingGlyphs(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLetterIsReproducible(t *testing.T) {
	a, b := mustRender(t, longLetter()), mustRender(t, longLetter())
	if !bytes.Equal(a, b) {
		t.Error("the same letter rendered to different bytes")
	}
	if !regexp.MustCompile(`/CreationDate \(D:20261122`).Match(a) {
		t.Error("creation date is not the letter's date")
	}
}

// testLogo is a 120 × 40 PNG fading from clear to blue.
func testLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for x := 0; x < 120; x++ {
		for y := 0; y < 40; y++ {
			img.Set(x, y, color.NRGBA{20, 90, 160, uint8(255 * x / 120)})
		}
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, img); err != nil {
		t.Fatal(err)
	}
	return logo.Bytes()
}

func TestLetterLogo(t *testing.T) {
	needPoppler(t)
	l := sampleLetter()
	l.Clinic.Logo = testLogo(t)
	data, warnings := renderLetter(t, l)
	if len(warnings) != 0 {
		t.Errorf("warnings for a good logo: %q", warnings.Messages())
	}
	out := run(t, "pdfimages", "-list", writePDF(t, "letter-logo.pdf", data))
	if n := len(strings.Split(strings.TrimSpace(out), "\n")) - 2; n < 1 {
		t.Errorf("no image in the letter:\n%s", out)
	}

	l.Clinic.Logo = []byte("not a png")
	_, warnings = renderLetter(t, l)
	if len(warnings) != 1 || !strings.Contains(warnings[0].Message, "logo") {
		t.Errorf("a broken logo gave warnings %q, want one about the logo", warnings.Messages())
	}
}

func TestLetterNeedsEssentials(t *testing.T) {
	_, err := RenderLetter(&bytes.Buffer{}, Letter{})
	if err == nil {
		t.Fatal("empty letter rendered")
	}
	for _, want := range []string{"clinic name", "recipient's name", "date"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	l := sampleLetter()
	l.Window = Window{Left: 20, Top: 50, Width: 20, Height: 10}
	if _, err := RenderLetter(&bytes.Buffer{}, l); err == nil {
		t.Error("a window too small for an address was accepted")
	}
}

// Wherever the page break falls, the signature never sits alone on a page:
// the closing paragraph goes over with it.
func TestSignatureNeverStandsAloneOnAPage(t *testing.T) {
	needPoppler(t)
	broke := 0
	for n := 4; n <= 24; n++ {
		l := sampleLetter()
		l.Paragraphs = nil
		for i := 0; i < n; i++ {
			l.Paragraphs = append(l.Paragraphs, fmt.Sprintf("Filler paragraph %d, long enough to take one full line of the letter body.", i+1))
		}
		l.Paragraphs = append(l.Paragraphs, "These are the closing words of the letter.")
		pdf, _ := renderLetter(t, l)
		path := writePDF(t, fmt.Sprintf("sign-%d.pdf", n), pdf)
		if pageCount(t, path) < 2 {
			continue
		}
		broke++
		last := run(t, "pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", path, "-")
		if strings.Contains(last, "Yours sincerely") && !strings.Contains(last, "closing words") {
			t.Errorf("%d paragraphs: the signature is alone on page 2:\n%s", n, last)
		}
	}
	if broke == 0 {
		t.Fatal("no letter ran to a second page: the test checks nothing")
	}
}

// A letter about a child whose record names no parent or carer goes "To
// the parent or carer of" the child. With a long name the line is too wide
// for the window even in small type: it breaks before the child's name,
// rather than the letter being refused.
func TestLongNoCarerNameBreaksBeforeTheChildsName(t *testing.T) {
	needPoppler(t)
	l := sampleLetter()
	l.Recipient.Name = NoCarerName("Eimear Fionnuala Nic Giolla Phádraig")
	path := writePDF(t, "letter-window-no-carer-long.pdf", mustRender(t, l))
	block := append([]string{confidentialMark, "To the parent or carer of", "Eimear Fionnuala Nic Giolla Phádraig"}, l.Recipient.Address...)
	checkAddressInWindow(t, path, DefaultWindow, block)
}
