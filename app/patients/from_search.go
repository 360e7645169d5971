package patients

import (
	"strings"
	"unicode"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
)

// FromSearch starts a new record from what was typed in a patient search
// that found nobody, read as the search reads it (ParseQueryOn): "Sarah
// Jones 12/03/1980" gives forenames Sarah, surname Jones and the date of
// birth; an NHS number, a phone number or a postcode typed alone fills
// that. The last name is the surname, unless a comma marks it first
// ("Jones, Sarah"). A name typed all in small letters gets capitals
// ("o'neill" becomes O'Neill); one typed with capitals is kept as typed
// (McDonald). Nothing is checked here: Normalise does that on saving.
func FromSearch(text string, today ukcal.Date) Patient {
	var p Patient
	q := ParseQueryOn(text, today)
	p.NHSNumber = q.NHSNumber
	p.DOB = q.DOB
	p.Address.Postcode = q.Postcode
	if q.Phone != "" {
		if strings.HasPrefix(q.Phone, "+447") {
			p.Phones.Mobile = nhs.FormatPhone(q.Phone)
		} else {
			p.Phones.Home = nhs.FormatPhone(q.Phone)
		}
	}
	var names []string
	surnameFirst := -1
	for _, tok := range q.NameTokens {
		for part := range strings.SplitAfterSeq(tok, ",") {
			if strings.HasSuffix(part, ",") && surnameFirst < 0 {
				surnameFirst = len(names)
			}
			if part = strings.Trim(part, ", "); part != "" {
				names = append(names, capitalName(part))
			}
		}
	}
	switch {
	case len(names) == 0:
	case surnameFirst >= 0 && surnameFirst < len(names)-1:
		p.Surname = strings.Join(names[:surnameFirst+1], " ")
		p.Forenames = strings.Join(names[surnameFirst+1:], " ")
	default:
		p.Surname = names[len(names)-1]
		p.Forenames = strings.Join(names[:len(names)-1], " ")
	}
	return p
}

// capitalName gives a name typed all in small letters its capitals, after
// a space, hyphen or apostrophe too: "smith-jones", "o'neill".
func capitalName(s string) string {
	if strings.ToLower(s) != s {
		return s
	}
	out := []rune(s)
	start := true
	for i, r := range out {
		if start {
			out[i] = unicode.ToUpper(r)
		}
		start = r == '-' || r == '\'' || r == '’' || r == ' '
	}
	return string(out)
}
