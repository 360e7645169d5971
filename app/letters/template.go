package letters

import (
	"fmt"
	"sort"
	"strings"

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
