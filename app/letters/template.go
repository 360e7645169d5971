package letters

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"clinicdesk/app/levenshtein"

	"golang.org/x/text/unicode/norm"
)

// The letter template language is deliberately small, because practice
// managers edit the templates:
//
//	{{patient.surname}}               a merge field (see FieldCatalogue)
//	{{#if appointment.room}}…{{/if}}  a section kept when the field is not blank
//	{{#unless field}}…{{/unless}}     a section kept when the field is blank
//	{{else}}                          the other branch of either
//	{{#if appointment}}               a condition may also name a whole part
//
// Sections nest. A tag alone on its line takes the line with it. A blank
// line starts a new paragraph; single line breaks stay inside a paragraph
// (addresses). A paragraph whose every line starts with "- " is a bullet
// list: Rendered keeps those lines as they are, and the letter layout
// draws each as a bullet. A line starting "# " is a heading, printed in
// bold and kept with what follows it (letter_blocks.go). A line starting
// "> " is a set-off passage, drawn indented: text typed by staff goes
// there (see typed_text.go), and the editor refuses such a field anywhere
// else. Nothing is ever HTML-escaped.

// tmplMaxDepth keeps sections readable, and rendering shallow.
const tmplMaxDepth = 10

// tmplParagraphBreak marks a blank line while rendering. Form feeds are
// removed from template text and values first, so it cannot be forged.
const tmplParagraphBreak = "\f"

// Template is a parsed letter template, ready to render many times.
type Template struct {
	name    string
	subject []tmplNode
	body    []tmplNode
	uses    []string
}

// Rendered is a template filled in for one letter.
type Rendered struct {
	Subject string // one line
	// Paragraphs are the body's paragraphs in order; a paragraph may hold
	// single line breaks, and one whose every line starts with "- " is a
	// bullet list, one item per line.
	Paragraphs []string
	// Fields are the merge fields and parts the letter read, sorted, for
	// the correspondence log.
	Fields []string
}

// TemplateError is one problem in a template, placed for the editor.
type TemplateError struct {
	InSubject bool // in the subject line rather than the body
	Line      int  // 1-based line of the body (1 for the subject)
	Message   string
}

func (e TemplateError) Error() string {
	if e.InSubject {
		return "subject: " + e.Message
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Message)
}

// TemplateErrors is every problem found, in order.
type TemplateErrors []TemplateError

func (es TemplateErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// ParseTemplate checks and parses a template once. Any problem comes back
// as TemplateErrors naming each line and field.
func ParseTemplate(name, subject, body string) (*Template, error) {
	t, errs := parseTemplate(name, subject, body)
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// Validate lists every problem in a template for the editor, before saving;
// it is empty when the template is fine.
func Validate(subject, body string) TemplateErrors {
	_, errs := parseTemplateChecked("", subject, body, true)
	return errs
}

// Name is the name the template was parsed with.
func (t *Template) Name() string { return t.name }

// Uses lists every field and part the template names, sorted, so the
// caller knows what to fill (an "appointment.…" field needs an Appointment).
func (t *Template) Uses() []string { return append([]string(nil), t.uses...) }

// Render fills the template in. A field whose part of Fields is absent,
// or a clinic detail printed blank, is an error naming the field and its
// line; every such field is listed.
func (t *Template) Render(f Fields) (Rendered, error) {
	r := tmplRenderer{fields: f, used: map[string]bool{}}
	r.inSubject = true
	r.nodes(t.subject)
	// NFC again on the whole: a combining mark in the template could
	// follow a letter from a field and must join it.
	subject := norm.NFC.String(r.out.String())
	r.out.Reset()
	r.inSubject = false
	r.nodes(t.body)
	if len(r.errs) > 0 {
		return Rendered{}, r.errs
	}
	used := make([]string, 0, len(r.used))
	for name := range r.used {
		used = append(used, name)
	}
	sort.Strings(used)
	return Rendered{
		Subject:    strings.Join(strings.Fields(strings.ReplaceAll(subject, tmplParagraphBreak, " ")), " "),
		Paragraphs: paragraphs(norm.NFC.String(r.out.String())),
		Fields:     used,
	}, nil
}

type tmplNodeKind int

const (
	tmplText tmplNodeKind = iota
	tmplMerge
	tmplSection
)

type tmplNode struct {
	kind   tmplNodeKind
	text   string // tmplText: with blank lines already turned into tmplParagraphBreak
	name   string // field or part
	line   int
	negate bool // {{#unless}}
	then   []tmplNode
	orElse []tmplNode
}

// tmplTag is one {{…}} as written, classified.
type tmplTag struct {
	kind string // "field", "if", "unless", "else", "/if", "/unless"
	name string
	raw  string
	line int
	// before and after are the rest of the tag's line, as written.
	before, after string
}

func (g tmplTag) isSection() bool { return g.kind != "field" }

// tmplParser builds the node tree of one part (subject or body).
type tmplParser struct {
	inSubject bool
	strict    bool
	errs      TemplateErrors
	uses      map[string]bool
}

func parseTemplate(name, subject, body string) (*Template, TemplateErrors) {
	return parseTemplateChecked(name, subject, body, false)
}

// parseTemplateChecked parses; strict (the editor) also refuses typed
// text merged inside a sentence. Rendering is not strict, so a template a
// manager wrote before the rule still prints (its typed text as typed).
func parseTemplateChecked(name, subject, body string, strict bool) (*Template, TemplateErrors) {
	p := &tmplParser{uses: map[string]bool{}, strict: strict}
	t := &Template{name: name}
	p.inSubject = true
	if strings.ContainsAny(strings.TrimRight(subject, "\r\n"), "\r\n") {
		p.fail(1, "the subject must be a single line")
	}
	t.subject = p.parse(subject)
	p.inSubject = false
	if strings.TrimSpace(body) == "" {
		p.fail(1, "the letter has no text")
	}
	t.body = p.parse(body)
	for u := range p.uses {
		t.uses = append(t.uses, u)
	}
	sort.Strings(t.uses)
	return t, p.errs
}

func (p *tmplParser) fail(line int, format string, args ...any) {
	p.errs = append(p.errs, TemplateError{InSubject: p.inSubject, Line: line, Message: fmt.Sprintf(format, args...)})
}

// parse lexes src into text and tags and nests the sections.
func (p *tmplParser) parse(src string) []tmplNode {
	src = cleanText(src)
	type frame struct {
		open   tmplTag
		node   *tmplNode
		inElse bool
	}
	root := &tmplNode{kind: tmplSection}
	stack := []frame{{node: root}}
	add := func(n tmplNode) {
		top := &stack[len(stack)-1]
		if top.inElse {
			top.node.orElse = append(top.node.orElse, n)
		} else {
			top.node.then = append(top.node.then, n)
		}
	}
	p.lex(src, func(text string, atLineStart bool) {
		if text != "" {
			add(tmplNode{kind: tmplText, text: markBlankLines(text, atLineStart)})
		}
	}, func(g tmplTag) {
		switch g.kind {
		case "field":
			if p.checkName(g, false) {
				p.checkSetOff(g)
				add(tmplNode{kind: tmplMerge, name: g.name, line: g.line})
			}
		case "if", "unless":
			p.checkName(g, true)
			if len(stack) > tmplMaxDepth {
				p.fail(g.line, "%s is inside more than %d sections; simplify it", g.raw, tmplMaxDepth)
			}
			stack = append(stack, frame{open: g, node: &tmplNode{kind: tmplSection, name: g.name, line: g.line, negate: g.kind == "unless"}})
		case "else":
			top := &stack[len(stack)-1]
			switch {
			case len(stack) == 1:
				p.fail(g.line, "{{else}} without an opening {{#if}} or {{#unless}}")
			case top.inElse:
				p.fail(g.line, "a second {{else}} in %s from line %d", top.open.raw, top.open.line)
			default:
				top.inElse = true
			}
		case "/if", "/unless":
			want := strings.TrimPrefix(g.kind, "/")
			top := stack[len(stack)-1]
			switch {
			case len(stack) == 1:
				p.fail(g.line, "%s without an opening {{#%s}}", g.raw, want)
			case top.open.kind != want:
				p.fail(g.line, "%s cannot close %s from line %d; use {{/%s}}", g.raw, top.open.raw, top.open.line, top.open.kind)
			default:
				stack = stack[:len(stack)-1]
				add(*top.node)
			}
		}
	})
	for i := len(stack) - 1; i > 0; i-- {
		p.fail(stack[i].open.line, "%s is never closed", stack[i].open.raw)
	}
	return root.then
}

// lex calls text for each run of plain text (saying whether it starts a
// line) and tag for each {{…}}. A section tag alone on its line removes
// the whole line, so sections leave no stray blank lines behind.
func (p *tmplParser) lex(src string, text func(string, bool), tag func(tmplTag)) {
	pos, line := 0, 1
	textStart := 0
	for {
		open := strings.Index(src[pos:], "{{")
		if open < 0 {
			break
		}
		open += pos
		tagLine := line + strings.Count(src[pos:open], "\n")
		closeAt := strings.Index(src[open+2:], "}}")
		if closeAt < 0 {
			p.fail(tagLine, "“{{” is never closed with “}}”")
			break
		}
		end := open + 2 + closeAt + 2
		raw := src[open:end]
		g := classify(raw, tagLine)
		lineStart := strings.LastIndexByte(src[:open], '\n') + 1
		lineEnd := strings.IndexByte(src[end:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += end
		}
		g.before, g.after = src[lineStart:open], src[end:lineEnd]
		if g.kind == "" {
			p.fail(tagLine, "%s is not a field or a section", raw)
		}
		textEnd, next := open, end
		if g.isSection() {
			if lineStart >= textStart && isBlank(src[lineStart:open]) && isBlank(src[end:lineEnd]) {
				textEnd = lineStart
				next = min(lineEnd+1, len(src))
			}
		}
		text(src[textStart:textEnd], textStart == 0 || src[textStart-1] == '\n')
		if g.kind != "" {
			tag(g)
		}
		line = tagLine + strings.Count(src[open:next], "\n")
		pos, textStart = next, next
	}
	text(src[textStart:], textStart == 0 || src[textStart-1] == '\n')
}

// classify reads the inside of a tag; kind is "" when it is no tag at all.
func classify(raw string, line int) tmplTag {
	inner := strings.TrimSpace(raw[2 : len(raw)-2])
	g := tmplTag{raw: raw, line: line}
	first, rest := inner, ""
	if i := strings.IndexFunc(inner, unicode.IsSpace); i >= 0 {
		first, rest = inner[:i], strings.TrimSpace(inner[i:])
	}
	switch {
	case inner == "else" || inner == "/if" || inner == "/unless":
		g.kind = inner
	case first == "#if" || first == "#unless":
		g.kind, g.name = first[1:], rest
	case strings.HasPrefix(inner, "#"), strings.HasPrefix(inner, "/"), inner == "":
		// An unknown section or an empty tag.
	default:
		g.kind, g.name = "field", inner
	}
	return g
}

// spelled is the tag as it would read with another name in it.
func (g tmplTag) spelled(name string) string {
	if g.kind == "field" {
		return "{{" + name + "}}"
	}
	return "{{#" + g.kind + " " + name + "}}"
}

// checkName reports an unknown name, with the nearest known one. A
// condition may also name a whole part, such as appointment.
func (p *tmplParser) checkName(g tmplTag, condition bool) bool {
	if g.name == "" {
		p.fail(g.line, "%s needs a field name, as in {{#%s appointment.room}}", g.raw, g.kind)
		return false
	}
	if _, ok := tmplFields[g.name]; ok {
		p.uses[g.name] = true
		return true
	}
	if _, ok := tmplObjects[g.name]; ok {
		if condition {
			p.uses[g.name] = true
			return true
		}
		p.fail(g.line, "%s is a group of fields, not one field; pick one from the field list, such as %s",
			g.raw, g.spelled(firstFieldOf(g.name)))
		return false
	}
	if guess := suggestField(g.name, condition); guess != "" {
		p.fail(g.line, "unknown field %s — did you mean %s?", g.raw, g.spelled(guess))
	} else {
		p.fail(g.line, "unknown field %s — pick one from the field list", g.raw)
	}
	return false
}

// checkSetOff refuses, in the editor, typed text merged anywhere but a
// line of its own starting "> ": inside a sentence, its grammar and case
// would decide whether the sentence reads.
func (p *tmplParser) checkSetOff(g tmplTag) {
	def := tmplFields[g.name]
	if !p.strict || def == nil || def.typed == nil {
		return
	}
	if p.inSubject {
		p.fail(g.line, "%s is text typed by staff and cannot go in the subject line", g.raw)
		return
	}
	if strings.TrimSpace(g.before) != ">" || !isBlank(g.after) {
		p.fail(g.line, "%s is text typed by staff: put it on a line of its own starting with \"> \", after a sentence that "+
			"introduces it (such as \"The reason we were given:\"), so the letter reads however it was typed", g.raw)
	}
}

// firstFieldOf is the first catalogue field of a part.
func firstFieldOf(object string) string {
	for _, d := range tmplFieldList {
		if d.object == object {
			return d.name
		}
	}
	return object
}

// suggestField finds the known name closest to a mistyped one: the same
// name in another case or spacing, a field missing its group
// ("surname" → "patient.surname"), or one a few typing slips away.
func suggestField(name string, condition bool) string {
	want := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(name))
	var names []string
	for n := range tmplFields {
		names = append(names, n)
	}
	if condition {
		for n := range tmplObjects {
			names = append(names, n)
		}
	}
	sort.Strings(names) // ties go the same way every time
	best, bestDist := "", 4
	for _, n := range names {
		if n == want || strings.HasSuffix(n, "."+want) {
			return n
		}
		if d := levenshtein.Distance(want, n); d < bestDist && d <= len(n)/2 {
			best, bestDist = n, d
		}
	}
	return best
}

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
