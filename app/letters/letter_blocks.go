package letters

import "strings"

// A letter's headings and lists are kept with what they belong to when a
// page ends: a heading never sits alone at the foot of a page, a short
// list is not split, and a list item never breaks across pages.

// HeadingMark starts a template line that prints as a heading, in bold:
// "# What we found".
const HeadingMark = "# "

// headingText reports whether line (as rendered) is a heading, and
// returns its words without the mark.
func headingText(line string) (string, bool) {
	t, ok := strings.CutPrefix(strings.TrimLeft(line, " \t"), HeadingMark)
	if t = strings.TrimSpace(t); !ok || t == "" {
		return "", false
	}
	return t, true
}

// cutHeadings separates the headings a paragraph starts with from the
// text under them ("" when the paragraph is only headings).
func cutHeadings(para string) (headings []string, rest string) {
	lines := strings.Split(para, "\n")
	for len(lines) > 0 {
		h, ok := headingText(lines[0])
		if !ok {
			break
		}
		headings, lines = append(headings, h), lines[1:]
	}
	return headings, strings.Join(lines, "\n")
}

// bulletText reports whether line is an item of a bulleted list ("- "),
// and returns the item.
func bulletText(line string) (string, bool) {
	item, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "- ")
	return strings.TrimSpace(item), ok
}

// leadingItems are the list items lines start with (none when the first
// line is not one).
func leadingItems(lines []string) []string {
	var items []string
	for _, l := range lines {
		item, ok := bulletText(l)
		if !ok {
			break
		}
		items = append(items, item)
	}
	return items
}

// wrappedLines counts the lines text takes at width, in the current font.
func (d *Document) wrappedLines(text string, width float64) int {
	n := 0
	for _, line := range strings.Split(printable(text), "\n") {
		n += max(1, len(d.pdf.SplitText(line, width)))
	}
	return n
}

// bulletIndent is the hanging indent of a list item (see Bullet).
func (d *Document) bulletIndent() float64 { return max(6.0, d.sizePt*0.5) }

// itemHeight is the height of one list item as letterParagraph draws it.
func (d *Document) itemHeight(item string) float64 {
	return float64(d.wrappedLines(item, contentWidth-d.bulletIndent()))*d.lineHeight() + 0.8
}

// listHeight is the height of a whole list as letterParagraph draws it.
func (d *Document) listHeight(items []string) float64 {
	h := 0.0
	for _, it := range items {
		h += d.itemHeight(it)
	}
	return h
}

// keptWhole reports whether a block this tall is moved whole to the next
// page rather than split: only a short one is, so a page is never left
// mostly empty.
func (d *Document) keptWhole(height float64) bool {
	_, pageHeight := d.pdf.GetPageSize()
	return height <= pageHeight/4
}

// leadHeight is how much of text must go onto the page with the heading
// above it: a short list whole (it is not split), a longer list's first
// item, or a paragraph's first two lines.
func (d *Document) leadHeight(text string, s letterStyle) float64 {
	d.SetFont(Regular, s.body)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if items := leadingItems(lines); len(items) > 0 {
		if h := d.listHeight(items); d.keptWhole(h) {
			return h + 1
		}
		return d.itemHeight(items[0]) + 1
	}
	if text == "" {
		return 2 * d.lineHeight()
	}
	return float64(min(2, d.wrappedLines(text, contentWidth)))*d.lineHeight() + 1.5
}

// letterHeading writes a heading in bold at the body's size, close above
// what it heads, first moving to a new page when the heading and the
// start of that text (lead, in mm) would not both fit on this one.
func (d *Document) letterHeading(text string, lead float64, s letterStyle) {
	d.SetFont(Bold, s.body)
	gap := s.paragraphGap * 0.4
	d.ensureSpace(float64(d.wrappedLines(text, contentWidth))*d.lineHeight() + gap + lead)
	d.Paragraph(text)
	d.Space(gap)
	d.SetFont(Regular, s.body)
}
