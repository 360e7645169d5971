package patients

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"clinicdesk/app/nhs"

	"golang.org/x/text/unicode/norm"
)

// A letter to the GP prints the GP's name, the practice's name and these
// lines in a DL envelope's window, which holds seven lines in all; and a
// line must fit the window's width.
const (
	MaxGPAddressLines     = 5
	MaxGPAddressLineChars = 50
)

// NormaliseGPAddress tidies the practice's address: lines split at line
// breaks, each trimmed with its spaces evened out, blank lines dropped,
// and a last line that is a postcode written the Royal Mail way. A last
// line that is not a postcode is kept as typed: a GP letter still needs
// the address, postcode or not. It returns nil for no lines, and a message
// for the form or the import when there are too many lines or one is too
// long. The slice given is never changed.
func NormaliseGPAddress(lines []string) ([]string, string) {
	return normaliseAddressLines(lines, "the GP practice's address", " (the practice's name goes in its own field)")
}

// normaliseAddressLines is NormaliseGPAddress for any postal address kept
// as lines; what names it in a message, and aside is added to the message
// about too many lines.
func normaliseAddressLines(lines []string, what, aside string) ([]string, string) {
	var out []string
	for _, l := range lines {
		for _, part := range strings.FieldsFunc(norm.NFC.String(l), isLineBreak) {
			if part = strings.Join(strings.Fields(part), " "); part != "" {
				out = append(out, part)
			}
		}
	}
	if len(out) == 0 {
		return nil, ""
	}
	if n := len(out); n > MaxGPAddressLines {
		return out, fmt.Sprintf("%s has %d lines: it can have at most %d, so that it fits the envelope window%s", what, n, MaxGPAddressLines, aside)
	}
	for i, l := range out {
		if utf8.RuneCountInString(l) > MaxGPAddressLineChars {
			return out, fmt.Sprintf("line %d of %s is longer than %d characters: split it over two lines", i+1, what, MaxGPAddressLineChars)
		}
	}
	if pc, err := nhs.NormalisePostcode(out[len(out)-1]); err == nil {
		out[len(out)-1] = pc
	}
	return out, ""
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' }
