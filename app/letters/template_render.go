package letters

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// tmplRenderer walks the tree for one Fields value.
type tmplRenderer struct {
	fields    Fields
	inSubject bool
	out       strings.Builder
	used      map[string]bool
	errs      TemplateErrors
}

func (r *tmplRenderer) nodes(ns []tmplNode) {
	for i := range ns {
		n := &ns[i]
		switch n.kind {
		case tmplText:
			r.out.WriteString(n.text)
		case tmplMerge:
			if v, ok := r.value(n); ok {
				r.merge(n, v)
			}
		case tmplSection:
			kept, ok := r.truth(n)
			if !ok {
				continue
			}
			if kept != n.negate {
				r.nodes(n.then)
			} else {
				r.nodes(n.orElse)
			}
		}
	}
}

// merge writes a field's value. On a set-off line ("> ") every line of
// the value stays set off, and typed text is tidied to stand on its own;
// elsewhere the value is printed as given.
func (r *tmplRenderer) merge(n *tmplNode, v string) {
	out := r.out.String()
	line := out[strings.LastIndexAny(out, "\n"+tmplParagraphBreak)+1:]
	if _, setOff := setOffText(line); !setOff || r.inSubject {
		if prose := tmplFields[n.name].prose; prose != nil {
			v = prose(v)
		}
		r.out.WriteString(markBlankLines(cleanText(v), false))
		return
	}
	if typed := tmplFields[n.name].typed; typed != nil {
		v = typed(v)
	}
	first := true
	for _, l := range strings.Split(cleanText(v), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if !first {
			r.out.WriteString("\n" + SetOffMark)
		}
		r.out.WriteString(l)
		first = false
	}
}

// value reads a merge field, recording an error when its part is absent,
// or when it is blank and a letter would read wrongly without it ("please
// call us on .").
func (r *tmplRenderer) value(n *tmplNode) (string, bool) {
	r.used[n.name] = true
	def := tmplFields[n.name]
	v, ok := def.value(r.fields)
	if !ok {
		r.missing(n, def.object)
		return v, false
	}
	if def.whenBlank != "" && strings.TrimSpace(v) == "" {
		r.errs = append(r.errs, TemplateError{InSubject: r.inSubject, Line: n.line,
			Message: fmt.Sprintf("{{%s}} is blank: %s", n.name, def.whenBlank)})
		return v, false
	}
	return v, true
}

// truth decides a condition: a part is true when present; a field when
// its text is not blank (or by its own rule, such as a count above 0).
func (r *tmplRenderer) truth(n *tmplNode) (bool, bool) {
	r.used[n.name] = true
	if obj, ok := tmplObjects[n.name]; ok && tmplFields[n.name] == nil {
		return obj.present(r.fields), true
	}
	def := tmplFields[n.name]
	v, ok := def.value(r.fields)
	if !ok {
		r.missing(n, def.object)
		return false, false
	}
	if def.truth != nil {
		return def.truth(r.fields), true
	}
	if def.typed != nil {
		v = def.typed(v) // "  ." says nothing
	}
	return strings.TrimSpace(v) != "", true
}

func (r *tmplRenderer) missing(n *tmplNode, object string) {
	tag := "{{" + n.name + "}}"
	if n.kind == tmplSection {
		tag = "{{#if " + n.name + "}}"
		if n.negate {
			tag = "{{#unless " + n.name + "}}"
		}
	}
	r.errs = append(r.errs, TemplateError{InSubject: r.inSubject, Line: n.line,
		Message: fmt.Sprintf("%s needs %s, and this letter has none", tag, tmplObjects[object].missing)})
}

// cleanText puts text into the form the renderer expects: NFC, "\n" line
// ends, and no control characters but tab and newline (which also keeps
// the paragraph mark from being forged).
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// markBlankLines turns each blank line of text into a paragraph mark. The
// first line counts only when text starts a line: otherwise it is the end
// of a line begun before.
func markBlankLines(text string, atLineStart bool) string {
	lines := strings.Split(text, "\n")
	if len(lines) == 1 {
		return text
	}
	var b strings.Builder
	for i, l := range lines {
		complete := i < len(lines)-1 && (i > 0 || atLineStart)
		if complete && isBlank(l) {
			b.WriteString(tmplParagraphBreak)
			continue
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// paragraphs splits rendered text at the paragraph marks, trims each line
// and drops the lines left empty by blank fields.
func paragraphs(s string) []string {
	var out []string
	for _, chunk := range strings.Split(s, tmplParagraphBreak) {
		var lines []string
		for _, l := range strings.Split(chunk, "\n") {
			// A mark left with nothing after it (an empty field) says nothing.
			if l = strings.TrimSpace(l); l != "" && l != strings.TrimSpace(SetOffMark) && l != strings.TrimSpace(HeadingMark) {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
