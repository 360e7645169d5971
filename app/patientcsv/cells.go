package patientcsv

import (
	"regexp"
	"strings"
)

// dangerous are the first characters that make a spreadsheet treat a cell
// as a formula (OWASP "CSV injection"): = + - @, and tab and carriage
// return, which some spreadsheets skip before looking for them.
const dangerous = "=+-@\t\r"

// leadingBlanks are skipped before looking for a dangerous character, as
// some spreadsheets and LooksLikeFormula skip them.
const leadingBlanks = " \t\r\n"

// quoteRunThenDangerous reports how many quotes s starts with, and whether
// a dangerous character follows them (after any spaces or line breaks).
func quoteRunThenDangerous(s string) (quotes int, ok bool) {
	for quotes < len(s) && s[quotes] == '\'' {
		quotes++
	}
	rest := strings.TrimLeft(s[quotes:], " \n")
	return quotes, rest != "" && strings.IndexByte(dangerous, rest[0]) >= 0
}

// Neutralise makes a cell safe to open in a spreadsheet: a cell starting
// with = + - @, tab or carriage return (after any spaces or line feeds)
// gets a single quote in front, which
// spreadsheets read as "this is text". So that Unneutralise can always undo
// it, a cell that already starts with quotes followed by one of those
// characters gets one more quote too; any other cell is unchanged.
func Neutralise(cell string) string {
	if _, ok := quoteRunThenDangerous(cell); ok {
		return "'" + cell
	}
	return cell
}

// Unneutralise undoes Neutralise: it takes one quote off a cell that is
// one or more quotes followed by = + - @, tab or carriage return. Other
// cells, such as the Dutch surname "'t Hart", keep their quote.
// Unneutralise(Neutralise(s)) == s for every s.
func Unneutralise(cell string) string {
	if q, ok := quoteRunThenDangerous(cell); ok && q > 0 {
		return cell[1:]
	}
	return cell
}

// IsNeutralised reports whether a cell is quoted text that Unneutralise
// would change (so it is text on purpose, never a formula).
func IsNeutralised(cell string) bool {
	q, ok := quoteRunThenDangerous(cell)
	return ok && q > 0
}

var (
	// A function call: SUM(, HYPERLINK(, cmd.exe(… with no space before
	// the bracket.
	functionCall = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.]*\(`)
	// An operator straight after an operand: 1+1, A1*2, B2^3, A1&B1.
	operator = regexp.MustCompile(`[A-Za-z0-9)$][+*^&]`)
	// A reference to another sheet or DDE link: Sheet1!A1, cmd|' /C calc'!A0.
	sheetRef = regexp.MustCompile(`!\$?[A-Za-z]{1,3}\$?[0-9]`)
)

// LooksLikeFormula reports whether a spreadsheet would run the cell
// (leading spaces, tabs and line breaks ignored) as a formula rather than
// show it as text:
// anything starting with = or @ (no patient field does), and a + or -
// followed by a function call, a DDE pipe, another sheet's cell or
// arithmetic. A phone number such as "+44 7700 900123", a lone "-" for
// "none", "--" or "-12" are not formulas.
func LooksLikeFormula(cell string) bool {
	s := strings.TrimRight(strings.TrimLeft(cell, leadingBlanks), leadingBlanks)
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '=', '@':
		return true
	case '+', '-':
		rest := s[1:]
		if strings.Trim(rest, "0123456789 -().") == "" {
			return false // a number, a phone number or dashes
		}
		return strings.ContainsRune(rest, '|') || functionCall.MatchString(rest) ||
			operator.MatchString(rest) || sheetRef.MatchString(rest)
	}
	return false
}
