package letters

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Set CLINICDESK_LETTERS_OUT to a folder to keep a copy of every PDF the
// tests render, for looking at (pdftoppm -png -r 80 …).
const keepDirEnv = "CLINICDESK_LETTERS_OUT"

// needPoppler skips the test when poppler-utils is not installed.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (poppler-utils): %v", tool, err)
		}
	}
}

// writePDF saves pdf in the test's temp folder (and the keep folder, if set)
// and returns its path.
func writePDF(t *testing.T, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv(keepDirEnv); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	return string(out)
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	return run(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// squash collapses every run of white space to one space, so phrases can be
// found whatever line breaks the wrapping put in them.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo printed no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pdfFont is one row of pdffonts output.
type pdfFont struct {
	name, embedded string
}

// fonts lists the PDF's fonts, reading pdffonts' columns by the widths of
// its dashed header rule (font names may hold spaces).
func fonts(t *testing.T, path string) []pdfFont {
	t.Helper()
	lines := strings.Split(strings.TrimRight(run(t, "pdffonts", path), "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("unexpected pdffonts output: %q", lines)
	}
	header, rule := lines[0], lines[1]
	var cols [][2]int
	for _, m := range regexp.MustCompile(`-+`).FindAllStringIndex(rule, -1) {
		cols = append(cols, [2]int{m[0], m[1]})
	}
	embCol := -1
	for i, c := range cols {
		if strings.TrimSpace(header[c[0]:min(c[1], len(header))]) == "emb" {
			embCol = i
		}
	}
	if embCol < 0 {
		t.Fatalf("no emb column in pdffonts header %q", header)
	}
	field := func(line string, c [2]int) string {
		if c[0] >= len(line) {
			return ""
		}
		return strings.TrimSpace(line[c[0]:min(c[1], len(line))])
	}
	var out []pdfFont
	for _, line := range lines[2:] {
		out = append(out, pdfFont{name: field(line, cols[0]), embedded: field(line, cols[embCol])})
	}
	return out
}

// wordBox is a word's position on the page, in points, from pdftotext -bbox.
type wordBox struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	word                   string
}

func wordBoxes(t *testing.T, path string) []wordBox {
	t.Helper()
	html := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	page := 0
	var out []wordBox
	re := regexp.MustCompile(`<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	for _, m := range re.FindAllStringSubmatch(html, -1) {
		if m[0] == "<page " {
			page++
			continue
		}
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		out = append(out, wordBox{page, f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
	}
	return out
}

// checkInsideMargins fails for any word printed outside the 20 mm side
// margins, above the top margin, or in the last 10 mm of the page. Word boxes
// span the font's full ascent, so the top allows 2 mm over the ink.
func checkInsideMargins(t *testing.T, path string) {
	t.Helper()
	const mmToPt = 72 / 25.4
	left, right := marginMM*mmToPt-0.5, (pageWidth-marginMM)*mmToPt+0.5
	top, bottom := (marginMM-2)*mmToPt, (pageHeight-10)*mmToPt
	words := wordBoxes(t, path)
	if len(words) == 0 {
		t.Fatal("pdftotext found no words")
	}
	for _, w := range words {
		if w.xMin < left || w.xMax > right || w.yMin < top || w.yMax > bottom {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f pt is outside the margins",
				w.page, w.word, w.xMin, w.xMax, w.yMin, w.yMax)
		}
	}
}
