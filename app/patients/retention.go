package patients

import (
	"fmt"

	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// Retention is how long the record must be kept (NHS Records Management
// Code of Practice, SPEC §4.7). The app proposes; the manager decides.
type Retention struct {
	KeepUntil ukcal.Date
	Rule      string
}

// RetentionFor works out the retention of p's clinical record: adults 8
// years after the last treatment; children until their 25th birthday, or
// the 26th if they were 17 when treatment ended; whichever is later when
// both could apply. ok is false when no treatment is recorded yet.
func RetentionFor(p data.Patient) (Retention, bool) {
	last, err := ukcal.ParseDate(p.LastTreatment)
	if err != nil {
		return Retention{}, false
	}
	dob, err := ukcal.ParseDate(p.DOB)
	if err != nil {
		return Retention{}, false
	}
	ageAtEnd := ukcal.AgeOn(dob, last)
	adult := Retention{KeepUntil: last.AddMonths(8 * 12),
		Rule: fmt.Sprintf("8 years after the last treatment on %s", FormatDate(last))}
	if ageAtEnd >= 18 {
		return adult, true
	}
	birthday := 25
	if ageAtEnd == 17 {
		birthday = 26
	}
	child := Retention{KeepUntil: dob.AddMonths(birthday * 12),
		Rule: fmt.Sprintf("until the %dth birthday (treated as a child, last on %s)", birthday, FormatDate(last))}
	if adult.KeepUntil.After(child.KeepUntil) {
		return adult, true
	}
	return child, true
}

// Age is the patient's age in whole years today.
func Age(p data.Patient, today ukcal.Date) (int, bool) { return AgeFromDOB(p.DOB, today) }

// AgeFromDOB is the age on today of someone born on dob (YYYY-MM-DD).
func AgeFromDOB(dob string, today ukcal.Date) (int, bool) {
	born, err := ukcal.ParseDate(dob)
	if err != nil {
		return 0, false
	}
	return ukcal.AgeOn(born, today), true
}
