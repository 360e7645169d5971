package patients

import (
	"strings"

	"clinicdesk/app/ukcal"
)

// TypedDates are a record's dates as someone typed them in a form, day
// first (23/11/2026; the stored form 2026-11-23 is read too). Normalise
// reads them into the record, so a form never parses a date itself.
type TypedDates struct {
	DOB, AISReviewed, LastTreatment, DateOfDeath string
}

// readTyped puts the typed dates into p, each as a Date or none when the
// box is empty, and returns what is wrong with each box it cannot read, by
// field, for Normalise to report in its usual order.
func readTyped(p *Patient, t TypedDates) map[string]string {
	unreadable := map[string]string{}
	for _, f := range []struct {
		text, field, problem string
		into                 *ukcal.Date
	}{
		{t.DOB, FieldDOB, "the date of birth is not a real date: use dd/mm/yyyy", &p.DOB},
		{t.AISReviewed, FieldAISReviewed, "the date the needs were last reviewed is not a real date", &p.AIS.Reviewed},
		{t.LastTreatment, FieldLastTreatment, "the date of last treatment is not a real date", &p.LastTreatment},
		{t.DateOfDeath, FieldDateOfDeath, "the date of death is not a real date: use dd/mm/yyyy", &p.DateOfDeath},
	} {
		d, ok := readTypedDate(f.text)
		if !ok {
			unreadable[f.field] = f.problem
		}
		*f.into = d
	}
	return unreadable
}

// readTypedDate reads one box: empty is no date (ok), and text that is
// not a date is no date (not ok).
func readTypedDate(text string) (ukcal.Date, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return ukcal.Date{}, true
	}
	if d, err := ukcal.ParseUK(text); err == nil {
		return d, true
	}
	d, err := ukcal.ParseDate(text)
	return d, err == nil
}
