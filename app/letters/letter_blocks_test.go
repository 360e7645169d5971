package letters

import (
	"fmt"
	"strings"
	"testing"
)

func TestHeadingText(t *testing.T) {
	for _, tc := range []struct {
		line, want string
		ok         bool
	}{
		{"# What we found", "What we found", true},
		{"  #  What we found  ", "What we found", true},
		{"#What we found", "", false}, // the mark is "# "
		{"# ", "", false},
		{"#1 priority", "", false},
		{"What we found", "", false},
		{"> # quoted", "", false},
	} {
		if got, ok := headingText(tc.line); got != tc.want || ok != tc.ok {
			t.Errorf("headingText(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
	h, rest := cutHeadings("# Findings\n# In brief\nThe phones were short-staffed.\n# Not a leading heading")
	if strings.Join(h, "|") != "Findings|In brief" || rest != "The phones were short-staffed.\n# Not a leading heading" {
		t.Errorf("cutHeadings: %q, %q", h, rest)
	}
}

// pagesOf is the text of each page, white space squashed.
func pagesOf(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, p := range strings.Split(pdfText(t, path), "\f") {
		if p = squash(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pageWith is the page (from 0) holding phrase, or -1.
func pageWith(pages []string, phrase string) int {
	for i, p := range pages {
		if strings.Contains(p, phrase) {
			return i
		}
	}
	return -1
}

// Headings print in bold, without their mark, and what they head does not.
func TestHeadingsPrintInBold(t *testing.T) {
	needPoppler(t)
	l := sampleLetter()
	l.Paragraphs = []string{"Thank you for your complaint.", "# What we found",
		"The phone lines were short-staffed.", "# What we have done\n- A second receptionist answers the phone from 8am."}
	path := writePDF(t, "headings.pdf", mustRender(t, l))
	xml := run(t, "pdftohtml", "-xml", "-i", "-stdout", path)
	for _, h := range []string{"What we found", "What we have done"} {
		if !strings.Contains(xml, "<b>"+h+"</b>") {
			t.Errorf("%q is not bold:\n%s", h, xml)
		}
	}
	if strings.Contains(xml, "<b>The phone lines") || strings.Contains(xml, "<b>A second") || strings.Contains(xml, "# ") {
		t.Errorf("the text under a heading is bold, or a mark printed:\n%s", xml)
	}
}

// Wherever the page break falls, a heading is on the page with what it
// heads, a short list is not split, and no list item breaks.
func TestHeadingsAndListsAreKeptTogether(t *testing.T) {
	needPoppler(t)
	items := []string{"Item one: a second receptionist now answers the phone from 8am on weekdays.",
		"Item two: the answerphone says how long the wait is.", "Item three: we have apologised to you."}
	moved, stayed := 0, 0
	for n := 8; n <= 22; n++ {
		for _, large := range []bool{false, true} {
			l := sampleLetter()
			l.LargePrint = large
			l.Paragraphs = nil
			for i := 0; i < n; i++ {
				l.Paragraphs = append(l.Paragraphs, fmt.Sprintf("Filler paragraph %d, long enough to take one full line of the letter body.", i+1))
			}
			l.Paragraphs = append(l.Paragraphs, "# What we have done", "- "+strings.Join(items, "\n- "),
				"Thank you for telling us about your experience.")
			path := writePDF(t, fmt.Sprintf("keep-%d-%v.pdf", n, large), mustRender(t, l))
			pages := pagesOf(t, path)
			head := pageWith(pages, "What we have done")
			if head < 0 {
				t.Fatalf("%d paragraphs: no heading:\n%q", n, pages)
			}
			for _, it := range items {
				if p := pageWith(pages, it); p != head {
					t.Errorf("%d paragraphs, large print %v: heading on page %d, %q on page %d",
						n, large, head+1, it[:9], p+1)
				}
			}
			if head > 0 {
				moved++
			} else {
				stayed++
			}
		}
	}
	if moved == 0 || stayed == 0 {
		t.Fatalf("the page break never passed the heading (moved %d, stayed %d): the test checks nothing", moved, stayed)
	}
}

// A list longer than a quarter page may break, but only between items,
// wherever the break falls.
func TestALongListBreaksBetweenItems(t *testing.T) {
	needPoppler(t)
	var list []string
	for i := 1; i <= 16; i++ {
		list = append(list, fmt.Sprintf("- Start %d: the reception team now follows the new checklist for calls before 9am, and end %d.", i, i))
	}
	for n := 1; n <= 4; n++ {
		l := sampleLetter()
		l.Paragraphs = nil
		for i := 0; i < n; i++ {
			l.Paragraphs = append(l.Paragraphs, fmt.Sprintf("Filler line %d, which says what this letter is about.", i+1))
		}
		l.Paragraphs = append(l.Paragraphs, strings.Join(list, "\n"))
		path := writePDF(t, fmt.Sprintf("long-list-%d.pdf", n), mustRender(t, l))
		pages := pagesOf(t, path)
		if len(pages) < 2 {
			t.Fatal("the list fits one page: the test checks nothing")
		}
		for i := 1; i <= 16; i++ {
			start, end := pageWith(pages, fmt.Sprintf("Start %d:", i)), pageWith(pages, fmt.Sprintf("and end %d.", i))
			if start < 0 || start != end {
				t.Errorf("%d lines before: item %d starts on page %d and ends on page %d", n, i, start+1, end+1)
			}
		}
		if pageWith(pages, "Start 1:") != 0 {
			t.Errorf("%d lines before: a long list was moved whole to the next page, leaving a gap", n)
		}
	}
}
