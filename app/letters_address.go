package app

import (
	"strings"
	"unicode"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
)

// Royal Mail asks for the post town in capitals on the envelope, on its
// own line just above the postcode (or above the county, when one is
// given). These build the address block in the envelope window; the
// address in a letter's sentences and on the record stays as typed.

// postalAddress is a patient's address for the envelope window: the
// record's lines, with the town in capitals, blank lines left out.
func postalAddress(a patients.Address) []string {
	var lines []string
	for _, l := range []string{a.Line1, a.Line2, strings.ToUpper(a.Town), a.County, a.Postcode} {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// postTownInCapitals puts the post town of an address typed line by line
// (a GP practice's, a complainant's) in capitals: the line above the
// postcode. A line that starts with a number is a street, not a town, and
// an address with no postcode last is left as typed, since nothing says
// which line is the town. A county between town and postcode cannot be
// told from a town, so such an address has its county in capitals
// instead; Royal Mail does not need the county, and delivers either way.
func postTownInCapitals(lines []string) []string {
	out := append([]string(nil), lines...)
	n := len(out)
	if n < 2 {
		return out
	}
	if _, err := nhs.NormalisePostcodeAllowingPseudo(out[n-1]); err != nil {
		return out
	}
	town := strings.TrimSpace(out[n-2])
	if first := []rune(town); len(first) == 0 || unicode.IsDigit(first[0]) {
		return out
	}
	out[n-2] = strings.ToUpper(town)
	return out
}
