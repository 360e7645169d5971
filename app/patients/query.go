package patients

import (
	"regexp"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
)

var (
	ukDatePattern  = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$`)
	shortDOB       = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$`)
	digitsOnly     = regexp.MustCompile(`^[\d\s+()-]+$`)
	outwardPattern = regexp.MustCompile(`^[A-Za-z]{1,2}\d[A-Za-z\d]?$`)
)

// ParseQuery reads what was typed in a search box: a date of birth as
// dd/mm/yyyy, an NHS number with or without spaces, a phone number, a
// postcode (whole, or its first half), and anything else as name prefixes.
// Parts can be combined: "smith 12/03/1980". A two-digit year needs a
// today to count from: use ParseQueryOn.
func ParseQuery(text string) PatientQuery { return ParseQueryOn(text, ukcal.Date{}) }

// ParseQueryOn is ParseQuery that also reads a date of birth with a
// two-digit year, dd/mm/yy, taking the century that keeps it from being
// after today: on 6/12/2026, "25/12/02" is 2002 and "25/12/30" is 1930.
func ParseQueryOn(text string, today ukcal.Date) PatientQuery {
	var q PatientQuery
	text = strings.TrimSpace(text)
	if text == "" {
		return q
	}
	// The whole text first: numbers and postcodes are often typed with spaces.
	if digitsOnly.MatchString(text) {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text)
		if len(digits) == 10 && !strings.HasPrefix(digits, "0") {
			if n, err := nhs.ParseNHSNumber(digits); err == nil {
				q.NHSNumber = n
				return q
			}
		}
		if e164, err := nhs.ParsePhone(text); err == nil {
			q.Phone = e164
			return q
		}
	}
	if pc, err := nhs.NormalisePostcodeAllowingPseudo(text); err == nil {
		q.Postcode = pc
		return q
	}
	for _, tok := range strings.Fields(text) {
		switch {
		case ukDatePattern.MatchString(tok):
			if d, err := ukcal.ParseUK(tok); err == nil {
				q.DOB = d
				continue
			}
		case shortDOB.MatchString(tok) && !today.IsZero():
			if d, err := ukcal.ParseSpoken(tok, today, ukcal.Behind); err == nil {
				q.DOB = d
				continue
			}
		case outwardPattern.MatchString(tok) && strings.ToUpper(tok) == tok && len(strings.Fields(text)) == 1:
			// "LS1" typed in capitals on its own: an outward code.
			q.Postcode = tok
			continue
		}
		q.NameTokens = append(q.NameTokens, tok)
	}
	return q
}

// PatientQuery is a search, already understood by the app layer: each
// part narrows the result. Name tokens are prefixes ("zo smi").
type PatientQuery struct {
	NameTokens      []string
	NHSNumber       string // 10 digits
	DOB             ukcal.Date
	Postcode        string // normalised full postcode, or an outward code prefix
	Phone           string // E.164
	IncludeArchived bool
	Limit           int
}
