package letters

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// batchLetters is three letters to people whose names need more than
// ASCII; the second runs onto a second page.
func batchLetters() []Letter {
	zoe := sampleLetter()
	ahmed := longLetter()
	ahmed.Recipient = Recipient{Name: "Mr Ахмед Петров", Address: []string{"Квартира 5", "22 Church Street", "Leeds", "LS1 4BR"}}
	ahmed.Salutation = "Dear Mr Петров,"
	ahmed.Regarding = "Ахмед Петров · NHS number 401 023 2137"
	eleni := sampleLetter()
	eleni.Recipient = Recipient{Name: "Mrs Ελένη Παπαδοπούλου", Address: []string{"7 Ffordd Siân", "Aberystwyth", "SY23 1AA"}}
	eleni.Salutation = "Dear Mrs Παπαδοπούλου,"
	eleni.Regarding = ""
	return []Letter{zoe, ahmed, eleni}
}

func renderBatch(t *testing.T, ls []Letter) ([]byte, []Warnings) {
	t.Helper()
	var buf bytes.Buffer
	ws, err := RenderLetters(&buf, ls, nil)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), ws
}

// pageNumbers lists each page's "Page n of m", or "" for a page without.
func pageNumbers(pages []string) []string {
	re := regexp.MustCompile(`Page \d+ of \S+`)
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = strings.Join(re.FindAllString(p, -1), " ")
	}
	return out
}

func TestRenderLettersEachLetterHasItsOwnPages(t *testing.T) {
	needPoppler(t)
	data, warnings := renderBatch(t, batchLetters())
	path := writePDF(t, "letters-batch.pdf", data)
	if n := pageCount(t, path); n != 4 {
		t.Fatalf("three letters, the second of two pages, made %d pages, want 4", n)
	}
	pages := strings.Split(strings.TrimSuffix(pdfText(t, path), "\f"), "\f")
	if got, want := pageNumbers(pages), []string{"", "Page 1 of 2", "Page 2 of 2", ""}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("page numbers by page %q, want %q", got, want)
	}
	// Each letter starts on a new page with its own address and greeting.
	for i, want := range map[int][]string{
		0: {confidentialMark, "Ms Zoë Łukasiewicz-O'Brien", "Fflat 2, Tŷ Siân Ŵyn", "Dear Ms Łukasiewicz-O'Brien,"},
		1: {confidentialMark, "Mr Ахмед Петров", "Квартира 5", "Dear Mr Петров,"},
		2: {"Ахмед Петров · NHS number 401 023 2137 22 November 2026", "Yours sincerely"},
		3: {confidentialMark, "Mrs Ελένη Παπαδοπούλου", "7 Ffordd Siân", "Dear Mrs Παπαδοπούλου,"},
	} {
		text := squash(pages[i])
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, text)
			}
		}
	}
	for i, p := range pages {
		if i != 2 && strings.Count(squash(p), "Tel 01938 810123") != 1 {
			t.Errorf("page %d does not carry the letterhead once", i+1)
		}
	}
	if strings.Contains(squash(pages[2]), confidentialMark) {
		t.Error("the second letter's second page repeats its address")
	}
	if len(warnings) != 3 || len(warnings[0])+len(warnings[1])+len(warnings[2]) != 0 {
		t.Errorf("warnings %v, want three empty lists", warnings)
	}
	for _, f := range fonts(t, path) {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded", f.name)
		}
	}
	checkInsideMargins(t, path)
}

func TestRenderLettersWarningsBelongToTheirLetter(t *testing.T) {
	ls := batchLetters()
	ls[1].Recipient.Name = "王伟"
	_, warnings := renderBatch(t, ls)
	if len(warnings[0]) != 0 || len(warnings[2]) != 0 {
		t.Errorf("letters without odd characters were warned: %q, %q", warnings[0].Messages(), warnings[2].Messages())
	}
	if len(warnings[1]) == 0 || !strings.Contains(warnings[1][0].Message, "王伟") {
		t.Errorf("the letter to 王伟 got warnings %q", warnings[1].Messages())
	}
}

func TestRenderLettersIsReproducibleAndOneLetterIsRenderLetter(t *testing.T) {
	a, _ := renderBatch(t, batchLetters())
	b, _ := renderBatch(t, batchLetters())
	if !bytes.Equal(a, b) {
		t.Error("the same letters rendered to different bytes")
	}
	one, _ := renderBatch(t, []Letter{longLetter()})
	if !bytes.Equal(one, mustRender(t, longLetter())) {
		t.Error("a batch of one letter differs from RenderLetter's")
	}
}

func TestRenderLettersCancelledByProgressWritesNothing(t *testing.T) {
	stop := errors.New("cancelled at the desk")
	var seen []int
	var buf bytes.Buffer
	_, err := RenderLetters(&buf, batchLetters(), func(done int) error {
		seen = append(seen, done)
		if done == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("cancelled batch returned %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled batch wrote %d bytes", buf.Len())
	}
	if fmt.Sprint(seen) != "[1 2]" {
		t.Errorf("progress told %v, want [1 2]", seen)
	}
}

func TestRenderLettersNamesTheLetterThatCannotBeWritten(t *testing.T) {
	ls := batchLetters()
	ls[2].Recipient.Address[0] = "The Very Long Named Residential Care Home for the Retired Gentlefolk of Montgomeryshire"
	var buf bytes.Buffer
	progressed := false
	_, err := RenderLetters(&buf, ls, func(int) error { progressed = true; return nil })
	var le *LetterError
	if !errors.As(err, &le) || le.Index != 2 {
		t.Fatalf("err %v, want a LetterError for letter 2", err)
	}
	if !strings.Contains(err.Error(), "Παπαδοπούλου") || !strings.Contains(err.Error(), "Gentlefolk") {
		t.Errorf("the error does not name the recipient and the line: %v", err)
	}
	if buf.Len() != 0 || progressed {
		t.Error("a batch with a letter that cannot be written drew or wrote letters")
	}
	if _, err := RenderLetters(&buf, nil, nil); err == nil {
		t.Error("an empty batch rendered")
	}
}

// Past maxPageAliases long letters, the page totals come from counting
// each letter's pages in a scratch document: they must be as right.
func TestRenderLettersManyLongLetters(t *testing.T) {
	needPoppler(t)
	long := longLetter()
	three := longLetter()
	for i := 0; i < 12; i++ {
		three.Paragraphs = append(three.Paragraphs, long.Paragraphs[len(long.Paragraphs)-1])
	}
	if n := pageCount(t, writePDF(t, "three.pdf", mustRender(t, three))); n != 3 {
		t.Fatalf("the three-page letter has %d pages", n)
	}
	var ls []Letter
	for i := 0; i < maxPageAliases+4; i++ {
		ls = append(ls, long)
	}
	ls = append(ls, sampleLetter(), three, long)

	data, _ := renderBatch(t, ls)
	path := writePDF(t, "letters-many-long.pdf", data)
	pages := strings.Split(strings.TrimSuffix(pdfText(t, path), "\f"), "\f")
	var want []string
	for range maxPageAliases + 4 {
		want = append(want, "Page 1 of 2", "Page 2 of 2")
	}
	want = append(want, "", "Page 1 of 3", "Page 2 of 3", "Page 3 of 3", "Page 1 of 2", "Page 2 of 2")
	if got := pageNumbers(pages); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("page numbers by page\n%q\nwant\n%q", got, want)
	}
}

func TestRenderLettersDrawsOneLogoOnce(t *testing.T) {
	needPoppler(t)
	ls := batchLetters()
	png := testLogo(t)
	for i := range ls {
		ls[i].Clinic.Logo = png
	}
	data, _ := renderBatch(t, ls)
	out := run(t, "pdfimages", "-list", writePDF(t, "letters-logo.pdf", data))
	uses, objects := 0, map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
		// page num type width height color comp bpc enc interp object …
		if f := strings.Fields(l); f[2] == "image" {
			uses++
			objects[f[10]] = true
		}
	}
	if uses != 3 || len(objects) != 1 {
		t.Errorf("want the logo on each letter's first page, one image in the file:\n%s", out)
	}
}
