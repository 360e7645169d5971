package letters

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"clinicdesk/assets"
)

// missingGlyph is printed in place of a character the fonts cannot draw:
// the replacement character, a question mark in a black diamond, which
// DejaVu has. A blank would let a name lose a letter without anyone seeing.
const missingGlyph = '\uFFFD'

// embeddedFonts are the regular and bold faces the documents are set in,
// parsed once for their character maps.
var embeddedFonts = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var faces []*sfnt.Font
	for _, data := range [][]byte{assets.FontRegular, assets.FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("letters: reading the embedded font: %w", err)
		}
		faces = append(faces, f)
	}
	return faces, nil
})

// MissingGlyphs lists, once each and in order, the characters of s that the
// document fonts cannot print (in either weight), so the app can warn before
// a letter is made. Characters gofpdf cannot embed at all (beyond the Basic
// Multilingual Plane, such as emoji) count as missing too.
func MissingGlyphs(s string) []rune {
	faces, err := embeddedFonts()
	if err != nil {
		// The fonts are compiled in, so this is a broken build; say every
		// character is missing rather than claim all is well.
		return []rune(s)
	}
	var buf sfnt.Buffer
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range norm.NFC.String(s) {
		if unicode.IsControl(r) || seen[r] {
			continue
		}
		seen[r] = true
		if r > 0xFFFF {
			missing = append(missing, r)
			continue
		}
		for _, f := range faces {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				missing = append(missing, r)
				break
			}
		}
	}
	return missing
}

// Warning is something to check before a document is sent, though it
// printed: text the font cannot show, or a name shortened to fit a slip.
type Warning struct {
	Field   string // what the text is, in words: "recipient's name"
	Text    string // the text concerned, as given
	Message string // a sentence for the person printing
}

func (w Warning) String() string { return w.Message }

// Warnings are a document's warnings, in the order the text was set.
type Warnings []Warning

// Messages returns the warnings' sentences, ready to show.
func (ws Warnings) Messages() []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Message
	}
	return out
}

// warner collects a document's warnings as its text is readied.
type warner struct {
	list Warnings
	seen map[string]bool
}

func (w *warner) add(field, text, message string) {
	key := field + "\x00" + text + "\x00" + message
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	if w.seen[key] {
		return // a slip sheet sets the same clinic name ten times
	}
	w.seen[key] = true
	w.list = append(w.list, Warning{Field: field, Text: text, Message: message})
}

// text readies s for printing: printable, with every character the fonts
// lack replaced by missingGlyph and a warning naming field.
func (w *warner) text(field, s string) string {
	missing := MissingGlyphs(s)
	if len(missing) == 0 {
		return printable(s)
	}
	lacks := map[rune]bool{}
	names := make([]string, len(missing))
	for i, r := range missing {
		lacks[r] = true
		names[i] = fmt.Sprintf("%c (U+%04X)", r, r)
	}
	w.add(field, s, fmt.Sprintf("The %s “%s” contains characters the letter font cannot print: %s. "+
		"They are printed as %c; check the document before it is sent.",
		field, strings.TrimSpace(s), strings.Join(names, ", "), missingGlyph))
	safe := strings.Map(func(r rune) rune {
		if lacks[r] {
			return missingGlyph
		}
		return r
	}, norm.NFC.String(s))
	return printable(safe)
}

// lines is text applied to each line.
func (w *warner) lines(field string, ls []string) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, w.text(field, l))
		}
	}
	return out
}
