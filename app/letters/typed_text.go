package letters

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text typed by staff (a cancellation reason, a complaint summary, the
// reason for a delay) is printed as a set-off passage: a template line
// starting "> " is drawn indented, on its own, so no sentence of the
// letter depends on how the text was typed. Set off, the text is tidied
// into a passage that reads on its own: spaces collapsed, blank lines
// dropped, a capital at the start and one closing stop at the end.

// SetOffMark starts a line of a set-off passage in a template and in
// Rendered paragraphs; the letter layout draws such lines indented.
const SetOffMark = "> "

// setOffText reports whether line (as rendered) is part of a set-off
// passage, and returns it without the mark.
func setOffText(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, ">") {
		return line, false
	}
	return strings.TrimSpace(t[1:]), true
}

// tidyPassage is typed text made ready to stand on its own. It is "" for
// text that says nothing (spaces, full stops). Each paragraph (lines
// apart from the next by a blank line) starts with a capital and ends
// with one stop; lines broken inside a paragraph are left as typed.
func tidyPassage(s string) string {
	var out, para []string
	endParagraph := func() {
		if len(para) == 0 {
			return
		}
		last := closeSentence(para[len(para)-1])
		if last == "" {
			para = para[:len(para)-1]
		} else {
			para[len(para)-1] = last
		}
		if len(para) > 0 {
			para[0] = capitalise(para[0])
			out = append(out, para...)
		}
		para = nil
	}
	for _, l := range strings.Split(cleanText(s), "\n") {
		if l = doubleStop.ReplaceAllString(strings.Join(strings.Fields(l), " "), "$1.$2"); l != "" {
			para = append(para, l)
		} else {
			endParagraph()
		}
	}
	endParagraph()
	return strings.Join(out, "\n")
}

// tidyProse is typed text that makes paragraphs of its own (the final
// response's findings): each paragraph starts with a capital and ends with
// one stop, its line breaks and blank lines kept; list lines ("- ") are
// left as typed.
func tidyProse(s string) string {
	paras := strings.Split(strings.ReplaceAll(cleanText(s), "\r", ""), "\n\n")
	for i, para := range paras {
		lines := strings.Split(para, "\n")
		var kept []string
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) == 0 || strings.HasPrefix(kept[0], "- ") || strings.HasPrefix(kept[len(kept)-1], "- ") {
			continue
		}
		paras[i] = tidyPassage(strings.Join(kept, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

// doubleStop is ".." typed by mistake: two stops, not an ellipsis of three.
var doubleStop = regexp.MustCompile(`(^|[^.])\.\.([^.]|$)`)

// tidyReason is a typed reason made ready to stand on its own. Reasons
// were long typed to follow "This is because", so a leading "because" is
// dropped: "because of staff illness" prints "Staff illness."
func tidyReason(s string) string {
	t := strings.TrimSpace(cleanText(s))
	for _, lead := range []string{"this is because of", "this is because", "it is because of", "it is because", "because of", "because"} {
		if len(t) > len(lead) && strings.EqualFold(t[:len(lead)], lead) {
			if r, _ := utf8.DecodeRuneInString(t[len(lead):]); unicode.IsSpace(r) || r == ',' || r == ':' {
				t = strings.TrimLeft(t[len(lead):], " \t\n,:")
				break
			}
		}
	}
	return tidyPassage(t)
}

// sentenceEnd is punctuation that already ends a sentence.
const sentenceEnd = ".!?…"

// closers may follow the end of a sentence: ‘“He said no.”’, ‘(see below.)’
const closers = `"')]’”»`

// closeSentence gives line one closing stop: "Unwell" and "on leave.."
// end in a single full stop; "Why?!" and "No!!" keep their marks, once
// each; a closing quote or bracket stays outside the stop it needs.
// A line of nothing but punctuation gives "".
func closeSentence(line string) string {
	body := strings.TrimRight(line, closers)
	tail := line[len(body):]
	core := strings.TrimRight(body, sentenceEnd+" ")
	marks := body[len(core):]
	if strings.TrimFunc(core, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) == "" {
		return ""
	}
	var kept []rune
	for _, r := range marks {
		if (r == '!' || r == '?') && !strings.ContainsRune(string(kept), r) {
			kept = append(kept, r)
		}
	}
	end := string(kept)
	if end == "" {
		end = "."
	}
	if marks == "" {
		return core + tail + end // British style: ‘He said "wait".’
	}
	return core + end + tail // the stop was typed inside: keep it there
}

// capitalise puts a capital on the first letter, after any opening quote
// or bracket, unless the word is written with a capital inside it
// ("iPhone", "eConsult"), as a brand or name would be.
func capitalise(s string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	if i < 0 {
		return s
	}
	if strings.IndexFunc(s[:i], func(r rune) bool { return !strings.ContainsRune(`"'‘“([«`, r) }) >= 0 {
		return s // starts with a number or a symbol: leave it
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLower(r) {
		return s
	}
	word := s[i+size:]
	if end := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		word = word[:end]
	}
	if strings.IndexFunc(word, unicode.IsUpper) >= 0 {
		return s
	}
	return s[:i] + string(unicode.ToUpper(r)) + s[i+size:]
}
