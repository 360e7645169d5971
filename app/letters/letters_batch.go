package letters

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// LetterError is a letter of a batch that cannot be written, and why, so
// the caller can name it or leave it out and try the rest again.
type LetterError struct {
	Index     int // in the slice given to RenderLetters
	Recipient string
	Err       error
}

func (e *LetterError) Error() string {
	which := fmt.Sprintf("letter %d", e.Index+1)
	if who := strings.TrimSpace(e.Recipient); who != "" {
		which = "the letter to " + who
	}
	return which + " cannot be written: " + strings.TrimPrefix(e.Err.Error(), "letters: ")
}

func (e *LetterError) Unwrap() error { return e.Err }

// RenderLetters writes the letters one after another into one A4 PDF, as
// RenderLetter would write each: every letter starts on a new page and has
// its own "Page 1 of 2". The fonts are read and embedded once, which is
// what makes a batch of hundreds quick. The result holds each letter's
// warnings, in the letters' order.
//
// Every letter is checked before any is drawn; one that cannot be written
// fails the whole call with a *LetterError. progress, if not nil, is told
// how many letters are drawn after each; an error from it stops the batch
// and is returned. Nothing is written to w unless every letter is made.
// The same letters give the same bytes; one letter gives RenderLetter's.
func RenderLetters(w io.Writer, ls []Letter, progress func(done int) error) ([]Warnings, error) {
	if len(ls) == 0 {
		return nil, errors.New("letters: there are no letters to print")
	}
	prepared := make([]Letter, len(ls))
	styles := make([]letterStyle, len(ls))
	for i, l := range ls {
		var err error
		if prepared[i], styles[i], err = l.prepared(); err != nil {
			return nil, &LetterError{Index: i, Recipient: l.Recipient.Name, Err: err}
		}
	}
	title := "Letter"
	if len(ls) > 1 {
		title = "Letters"
	}
	d, err := NewDocument(title, prepared[0].Date.Time())
	if err != nil {
		return nil, err
	}
	// Measuring before the first page writes nothing into the document.
	for i, l := range prepared {
		if err := d.checkFits(l, styles[i]); err != nil {
			return nil, &LetterError{Index: i, Recipient: l.Recipient.Name, Err: err}
		}
	}
	if len(ls) > 1 {
		// gofpdf compresses each page with a new zlib writer, which costs
		// more than drawing the page. A batch is a print job, so its pages
		// stay uncompressed: about 5 KB a letter, the fonts and logo still
		// compressed.
		d.pdf.SetCompression(false)
	}
	run := newLetterRun(d, len(ls) == 1)
	warnings := make([]Warnings, len(ls))
	for i, l := range prepared {
		if warnings[i], err = run.add(i, l, styles[i]); err != nil {
			return nil, &LetterError{Index: i, Recipient: l.Recipient.Name, Err: err}
		}
		if progress != nil {
			if err := progress(i + 1); err != nil {
				return nil, err
			}
		}
	}
	run.finish()
	if err := d.Output(w); err != nil {
		return nil, err
	}
	return warnings, nil
}

// maxPageAliases is how many letters of a batch get their page total from
// a gofpdf alias. gofpdf replaces each alias with a pass over every page
// of the file, so past a few dozen long letters it is quicker to lay each
// long one out twice, once to count its pages.
const maxPageAliases = 24

// letterRun sets letters one after another in one document. gofpdf has one
// header and one footer function per document, so these ask the run which
// letter a page belongs to.
type letterRun struct {
	d       *Document
	sole    bool // the only letter: gofpdf's own page total is the letter's
	current *letterPages
	// starting is true while the page break that begins the next letter
	// runs: the footer then ends its letter's last page, and the new page,
	// a first page, gets no heading.
	starting bool
	aliases  int
	// counter lays letters out in a scratch document only to count their
	// pages; counting is true for that run, whose totals are never shown.
	counter  *letterRun
	counting bool
}

func newLetterRun(d *Document, sole bool) *letterRun {
	r := &letterRun{d: d, sole: sole}
	d.pdf.SetFooterFuncLpi(r.footer)
	d.pdf.SetHeaderFuncMode(r.header, false)
	return r
}

// add sets letter i from a new page and returns its warnings.
func (r *letterRun) add(i int, l Letter, s letterStyle) (Warnings, error) {
	r.finish() // first, so pageTotal knows how many aliases there are
	var warn warner
	lp := r.d.measurePages(l, s, &warn)
	if err := r.pageTotal(i, l, s, &lp); err != nil {
		return nil, err
	}
	r.start(lp)
	if err := r.d.letterFirstPage(l, r.current, &warn); err != nil {
		return nil, err
	}
	return warn.list, nil
}

// pageTotal chooses what letter i prints after "of" in "Page 1 of 2".
func (r *letterRun) pageTotal(i int, l Letter, s letterStyle, lp *letterPages) error {
	switch {
	case r.sole:
		lp.total = aliasTotalPages
	case r.counting:
		lp.total = "0" // never output
	case r.aliases < maxPageAliases:
		// Filled in by finish; "{nb3}" contains no other letter's alias.
		lp.total, lp.alias = "{nb"+strconv.Itoa(i+1)+"}", true
	default:
		n, err := r.countPages(l, s)
		if err != nil {
			return err
		}
		lp.total = strconv.Itoa(n)
	}
	return nil
}

// countPages lays l out in the scratch document and counts its pages.
func (r *letterRun) countPages(l Letter, s letterStyle) (int, error) {
	if r.counter == nil {
		d, err := NewDocument("Page count", l.Date.Time())
		if err != nil {
			return 0, err
		}
		r.counter = newLetterRun(d, false)
		r.counter.counting = true
	}
	c := r.counter
	if _, err := c.add(0, l, s); err != nil {
		return 0, err
	}
	return c.pages(), nil
}

// pages is how many pages the current letter has so far.
func (r *letterRun) pages() int {
	return r.d.pdf.PageNo() - r.current.firstPage + 1
}

// start begins a letter on a new page; the page break ends the one before.
func (r *letterRun) start(lp letterPages) {
	p := r.d.pdf
	lp.firstPage = p.PageNo() + 1
	p.SetAutoPageBreak(true, lp.breakMargin)
	r.starting = true
	p.AddPage()
	r.starting = false
	r.current = &lp
}

// finish gives the letter just set its page total, if it printed one.
func (r *letterRun) finish() {
	if r.current == nil || !r.current.alias {
		return
	}
	// A one-page letter prints no total, so needs no alias.
	if n := r.pages(); n > 1 {
		r.d.pdf.RegisterAlias(r.current.total, strconv.Itoa(n))
		r.aliases++
	}
	r.current.alias = false // registered once, however often finish runs
}

func (r *letterRun) footer(lastPage bool) {
	if r.current != nil {
		r.d.drawFooter(r.current, lastPage || r.starting)
	}
}

func (r *letterRun) header() {
	if r.starting || r.current == nil {
		return
	}
	r.d.drawHeading(r.current)
}
