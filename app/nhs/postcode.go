package nhs

import (
	"regexp"
	"strings"
)

// postcodePattern is the BS 7666 postcode shape with the letters Royal Mail
// actually uses in each position:
//   - first letter never Q, V or X; second letter never I, J or Z;
//   - the letter in an A9A district is one of ABCDEFGHJKPSTUW;
//   - the letter in an AA9A district is one of ABEHMNPRVWXY;
//   - the two inward letters never C, I, K, M, O or V;
//
// plus the one historical exception, GIR 0AA.
var postcodePattern = regexp.MustCompile(`^(?:GIR 0AA|` +
	`[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][ABCDEFGHJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])` +
	` [0-9][ABD-HJLNP-UW-Z]{2})$`)

// inwardLetters are the letters allowed in the last two places.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

// PseudoPostcode is a code the NHS uses in place of a postcode when a
// patient has none to give.
type PseudoPostcode struct {
	Code  string // e.g. "ZZ99 3VZ"
	Label string // e.g. "no fixed abode"
}

var pseudoPostcodes = []PseudoPostcode{
	{Code: "ZZ99 3VZ", Label: "no fixed abode"},
	{Code: "ZZ99 3WZ", Label: "not known"},
}

// PseudoPostcodes lists the NHS pseudo-postcodes a form may offer as an
// explicit choice. The slice is a copy; changing it changes nothing here.
func PseudoPostcodes() []PseudoPostcode {
	return append([]PseudoPostcode(nil), pseudoPostcodes...)
}

// PseudoPostcodeLabel says which pseudo-postcode s is ("no fixed abode",
// "not known"), however it was typed; ok is false for anything else.
func PseudoPostcodeLabel(s string) (label string, ok bool) {
	p, ok := findPseudo(s)
	return p.Label, ok
}

func findPseudo(s string) (PseudoPostcode, bool) {
	compact, err := compactPostcode(s)
	if err != nil {
		return PseudoPostcode{}, false
	}
	for _, p := range pseudoPostcodes {
		if spacePostcode(compact) == p.Code {
			return p, true
		}
	}
	return PseudoPostcode{}, false
}

// NormalisePostcode checks a UK postcode as typed and returns it in the
// Royal Mail form: upper case, one space before the last three characters
// ("sw1a1aa" → "SW1A 1AA"). NHS pseudo-postcodes are refused (with
// ErrPseudoPostcode) so that "no fixed abode" is always a deliberate
// choice, never a typing accident; see NormalisePostcodeAllowingPseudo.
func NormalisePostcode(s string) (string, error) {
	compact, err := compactPostcode(s)
	if err != nil {
		return "", err
	}
	pc := spacePostcode(compact)
	for _, p := range pseudoPostcodes {
		if pc == p.Code {
			return "", fail(ErrPseudoPostcode, "%s is the NHS code for %q, not a real postcode: choose %q as an option instead of typing it", p.Code, p.Label, p.Label)
		}
	}
	if !postcodePattern.MatchString(pc) {
		return "", explainPostcode(compact, pc)
	}
	return pc, nil
}

// NormalisePostcodeAllowingPseudo is NormalisePostcode for the places where
// the user has explicitly chosen a pseudo-postcode (or an import column is
// known to carry them): ZZ99 3VZ and ZZ99 3WZ are accepted as well.
func NormalisePostcodeAllowingPseudo(s string) (string, error) {
	if p, ok := findPseudo(s); ok {
		return p.Code, nil
	}
	return NormalisePostcode(s)
}

// compactPostcode folds s, drops all spaces and upper-cases it, refusing
// anything but ASCII letters and digits.
func compactPostcode(s string) (string, error) {
	if len(s) > maxInput {
		return "", fail(ErrLength, "postcode is far too long: a full postcode has 5 to 7 letters and numbers, e.g. SW1A 1AA")
	}
	var b strings.Builder
	for _, r := range fold(s) {
		switch {
		case r == ' ':
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			return "", fail(ErrCharacters, "a postcode can only contain letters and numbers: remove %s", describe(r))
		}
	}
	if b.Len() == 0 {
		return "", fail(ErrEmpty, "no postcode was entered: type the full postcode, e.g. SW1A 1AA")
	}
	return b.String(), nil
}

// spacePostcode puts the single space before the last three characters.
func spacePostcode(compact string) string {
	if len(compact) < 4 {
		return compact
	}
	return compact[:len(compact)-3] + " " + compact[len(compact)-3:]
}

// explainPostcode works out, for a postcode that failed the pattern, which
// part is wrong, so the message points at the slip.
func explainPostcode(compact, spaced string) error {
	if strings.HasPrefix(compact, "BFPO") {
		return fail(ErrNotValid, "BFPO numbers are not postcodes: put the BFPO number in the address lines")
	}
	if len(compact) < 5 {
		return fail(ErrLength, "%s is too short for a postcode: a full postcode has 5 to 7 letters and numbers, e.g. SW1A 1AA", spaced)
	}
	if len(compact) > 7 {
		return fail(ErrLength, "%s is too long for a postcode: a full postcode has 5 to 7 letters and numbers, e.g. SW1A 1AA", spaced)
	}
	inward := compact[len(compact)-3:]
	outward := compact[:len(compact)-3]
	if inward[0] < '0' || inward[0] > '9' || !isLetter(inward[1]) || !isLetter(inward[2]) {
		return fail(ErrNotValid, "the last part of a postcode is a number then two letters, e.g. 1AA (this has %s): check the postcode", inward)
	}
	if !strings.ContainsRune(inwardLetters, rune(inward[1])) || !strings.ContainsRune(inwardLetters, rune(inward[2])) {
		return fail(ErrNotValid, "the last part of a postcode never uses the letters C, I, K, M, O or V (this has %s): check for a mistyped letter", inward)
	}
	if !isLetter(outward[0]) {
		return fail(ErrNotValid, "a postcode starts with a letter (this starts with %q): check the postcode", outward[:1])
	}
	return fail(ErrNotValid, "%s is not a real UK postcode (%s is not a postcode district): check for a missing or mistyped letter or number", spaced, outward)
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
