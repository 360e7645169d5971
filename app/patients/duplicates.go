package patients

import (
	"strings"
	"unicode"

	"clinicdesk/app/levenshtein"
)

// Duplicate is an existing record that may be the same person, and why.
type Duplicate struct {
	Patient Patient
	Reason  string
}

// LikelyDuplicates picks, from candidates sharing an NHS number, DOB or
// phone with p, those that are probably the same person: the same NHS
// number; the same DOB and a similar name; or the same phone and a
// similar name.
func LikelyDuplicates(p Patient, candidates []Patient) []Duplicate {
	var out []Duplicate
	for _, c := range candidates {
		if c.ID == p.ID {
			continue
		}
		switch {
		case p.NHSNumber != "" && c.NHSNumber == p.NHSNumber:
			out = append(out, Duplicate{c, "the same NHS number"})
		case !p.DOB.IsZero() && c.DOB == p.DOB && SimilarNames(p, c):
			out = append(out, Duplicate{c, "the same date of birth and a similar name"})
		case samePhone(p, c):
			out = append(out, Duplicate{c, "the same phone number"})
		}
	}
	return out
}

func samePhone(a, b Patient) bool {
	for _, x := range []string{a.Phones.Mobile, a.Phones.Home, a.Phones.Work} {
		if x == "" {
			continue
		}
		for _, y := range []string{b.Phones.Mobile, b.Phones.Home, b.Phones.Work} {
			if x == y {
				return true
			}
		}
	}
	return false
}

// SimilarNames: the same surname (ignoring case, accents, hyphens and
// apostrophes, or one letter off) and forenames that share their first
// letter, so "Jon Smith" and "John Smith" match but "Jane Smith" does not
// unless nothing else differs.
func SimilarNames(a, b Patient) bool { return FoldNames(a).Similar(FoldNames(b)) }

// FoldedNames are a patient's names ready for comparing; fold once, compare
// many times (an import compares each row with every row of the same DOB).
type FoldedNames struct{ Surname, Forenames string }

// Initial is the first letter of the folded forenames: similar names
// always share it, so callers can bucket by it.
func (a FoldedNames) Initial() byte {
	if a.Forenames == "" {
		return 0
	}
	return a.Forenames[0]
}

// FoldNames folds p's names for Similar.
func FoldNames(p Patient) FoldedNames {
	return FoldedNames{Surname: fold(p.Surname), Forenames: fold(p.Forenames)}
}

// Similar is SimilarNames on folded names.
func (a FoldedNames) Similar(b FoldedNames) bool {
	if a.Surname != b.Surname {
		if d := len(a.Surname) - len(b.Surname); d > 4 || d < -4 {
			return false // a one-letter edit changes the length by at most 4 bytes
		}
		if levenshtein.Distance(a.Surname, b.Surname) > 1 {
			return false
		}
	}
	fa, fb := a.Forenames, b.Forenames
	if fa == "" || fb == "" {
		return false
	}
	if fa == fb || strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa) {
		return true
	}
	return fa[0] == fb[0] && levenshtein.Distance(firstWord(fa), firstWord(fb)) <= 2
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// fold compares names ignoring case, accents and punctuation:
// "Łukasiewicz-O'Brien" and "lukasiewicz obrien" fold alike.
func fold(s string) string {
	var b strings.Builder
	for _, r := range FoldName(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if r == ' ' {
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
