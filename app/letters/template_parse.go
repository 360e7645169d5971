package letters

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"clinicdesk/app/levenshtein"
)

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
