// Package nhs validates and normalises the identifiers a UK clinic keeps for
// a patient: the NHS number, the postcode and phone numbers. The patient
// record, the CSV import and the command line all use it, so a value is
// judged the same way whichever door it comes in by.
//
// Every parser accepts untrusted text and never panics. Input is folded with
// Unicode NFKC first (so full-width digits from an input method, or a
// non-breaking space pasted from a web page, behave like their plain
// equivalents) and invisible formatting characters (zero-width spaces, byte
// order marks, soft hyphens) are dropped. Results are plain ASCII.
//
// Error messages are written for a receptionist: they say what is wrong and
// how to put it right. Callers that need to tell problems apart can use
// errors.Is with the Err… kinds below.
package nhs

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kinds of problem. Every error returned by this package wraps exactly one
// of these, so errors.Is(err, nhs.ErrCheckDigit) works.
var (
	ErrEmpty          = errors.New("nothing was entered")
	ErrCharacters     = errors.New("contains characters that do not belong")
	ErrLength         = errors.New("wrong length")
	ErrCheckDigit     = errors.New("check digit does not match")
	ErrNotValid       = errors.New("not a valid value")
	ErrPseudoPostcode = errors.New("NHS pseudo-postcode")
	ErrNotUK          = errors.New("not a UK phone number")
	ErrExtension      = errors.New("phone extension")
)

// Error is a value that failed validation. Its message is a sentence a
// receptionist can act on; Kind says which sort of problem it is.
type Error struct {
	Kind error
	msg  string
}

func (e *Error) Error() string { return e.msg }

// Unwrap lets errors.Is match the kind.
func (e *Error) Unwrap() error { return e.Kind }

func fail(kind error, format string, a ...any) error {
	return &Error{Kind: kind, msg: fmt.Sprintf(format, a...)}
}

// maxInput bounds the work done on pasted text: no real value is anywhere
// near this long, and NFKC can expand some characters many times over.
const maxInput = 1024

// fold prepares typed or pasted text for parsing: NFKC, invisible format
// characters dropped, every kind of space turned into ' ' and every kind of
// dash into '-'.
func fold(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cf, r):
			// zero-width space, BOM, soft hyphen, direction marks: invisible
			// passengers from copy and paste.
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Pd, r), r == '\u2212': // dashes, minus sign
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// describe names a character for an error message so that it can be found
// on the screen, even when it is invisible.
func describe(r rune) string {
	switch {
	case r == unicode.ReplacementChar:
		return "an unreadable character"
	case unicode.IsPrint(r):
		return fmt.Sprintf("%q", string(r))
	}
	return fmt.Sprintf("an invisible character (U+%04X)", r)
}

// letterForDigitHint suggests the usual typing slip when a letter stands
// where a digit belongs.
func letterForDigitHint(r rune) string {
	switch r {
	case 'O', 'o':
		return ` (the letter O: did you mean the digit 0?)`
	case 'I', 'l':
		return ` (a letter: did you mean the digit 1?)`
	}
	return ""
}
