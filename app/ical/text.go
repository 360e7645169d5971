package ical

import (
	"bufio"
	"strings"
	"unicode/utf8"
)

// maxLineOctets is RFC 5545's limit on a content line, CRLF not counted.
const maxLineOctets = 75

// lineBreaks turns Windows and old Mac line breaks into LF.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// textEscaper escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon
// and comma get a backslash, and a line break becomes \n.
var textEscaper = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\n", `\n`)

// escapeText makes any string a valid TEXT value: broken UTF-8 becomes
// U+FFFD, every line break one \n, and control characters other than tab,
// which TEXT may not hold, are dropped.
func escapeText(s string) string {
	s = lineBreaks.Replace(strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return textEscaper.Replace(s)
}

// writeFolded writes one content line and its CRLF, folded (§3.1) so that no
// line is longer than 75 octets: each continuation starts with one space,
// which counts towards its 75, and a line never ends inside a UTF-8
// sequence. Unfolding (deleting every CRLF followed by a space) gives the
// line back.
func writeFolded(w *bufio.Writer, line string) {
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if cut == 0 { // not UTF-8 after all: cut by octets rather than loop
			cut = limit
		}
		w.WriteString(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1
	}
	w.WriteString(line)
	w.WriteString("\r\n")
}
