package patients

import (
	"fmt"

	"clinicdesk/app/ukcal"
)

// Retention is how long the record must be kept (NHS Records Management
// Code of Practice, SPEC §4.7) and what that date rests on, in words:
// "8 years after the last treatment on 14 March 2026". The app proposes;
// the manager decides.
type Retention struct {
	KeepUntil ukcal.Date
	Rule      string
}

// RetentionFacts are what the rule reads. The app gathers them: the diary's
// last Seen appointment counted with the clinic's clock. Zero dates are
// "not recorded".
type RetentionFacts struct {
	DOB ukcal.Date
	// LastSeen is the latest appointment marked Seen, on or before today.
	LastSeen ukcal.Date
	// Earlier is the record's hand-kept "last treatment" (often treatment
	// before ClinicDesk, brought in from a spreadsheet). It counts only
	// when later than the diary, so no treatment given is forgotten.
	Earlier ukcal.Date
	// Opened is when the record was made: the start when nobody has been
	// treated yet.
	Opened ukcal.Date
	Died   ukcal.Date
}

// FactsOf are the facts the record itself holds; the app adds LastSeen.
func FactsOf(p Patient) RetentionFacts {
	f := RetentionFacts{DOB: p.DOB, Earlier: p.LastTreatment, Died: p.DateOfDeath}
	if !p.CreatedAt.IsZero() {
		f.Opened = ukcal.Today(p.CreatedAt)
	}
	return f
}

// RetentionFrom works out the retention of a clinical record. The Code's
// schedule (Appendix II) counts from when the record stops being in use:
//   - adults: 8 years after the last treatment;
//   - children: until the 25th birthday, or the 26th if 17 when treatment
//     ended (or 8 years after it, if that is later);
//   - the deceased: the record stops being in use at death, so 8 years
//     after death, unless the rule above runs later (a child's birthdays):
//     the Code's periods are minimums, so the later date always governs.
//
// (GP records are kept 10 years after death, but ClinicDesk keeps a
// clinic's health records, not a GP practice's: SPEC §4.7.) With no
// treatment recorded, the count starts when the record was opened, and
// says so. ok is false without a date of birth or any start.
func RetentionFrom(f RetentionFacts) (Retention, bool) {
	if f.DOB.IsZero() {
		return Retention{}, false
	}
	end, what := f.LastSeen, "the last treatment on %s"
	if f.Earlier.After(end) {
		end, what = f.Earlier, "the last treatment on %s (as kept on the record, later than the diary)"
	}
	if end.IsZero() {
		end, what = f.Opened, "the record's opening on %s (no treatment recorded yet)"
	}
	if end.IsZero() {
		return Retention{}, false
	}
	if !f.Died.IsZero() && f.Died.Before(end) {
		end = f.Died // no treatment after death; a stray later date must not outlive the rule
	}
	living := livingRule(f.DOB, end, fmt.Sprintf(what, end.Long()))
	if f.Died.IsZero() {
		return living, true
	}
	death := Retention{KeepUntil: f.Died.AddMonths(8 * 12), Rule: "8 years after death on " + f.Died.Long()}
	if living.KeepUntil.After(death.KeepUntil) {
		living.Rule += "; later than 8 years after death on " + f.Died.Long()
		return living, true
	}
	return death, true
}

// livingRule is the adult or child rule counted from end.
func livingRule(dob, end ukcal.Date, since string) Retention {
	adult := Retention{KeepUntil: end.AddMonths(8 * 12), Rule: "8 years after " + since}
	age := ukcal.AgeOn(dob, end)
	if age >= 18 {
		return adult
	}
	birthday := 25
	if age == 17 {
		birthday = 26
	}
	child := Retention{KeepUntil: dob.AddMonths(birthday * 12),
		Rule: fmt.Sprintf("the %dth birthday, aged %d at %s", birthday, age, since)}
	if adult.KeepUntil.After(child.KeepUntil) {
		return adult
	}
	return child
}

// Age is the patient's age in whole years today.
func Age(p Patient, today ukcal.Date) (int, bool) { return AgeFromDOB(p.DOB, today) }

// AgeFromDOB is the age on today of someone born on dob; false when no
// date of birth is recorded.
func AgeFromDOB(dob, today ukcal.Date) (int, bool) {
	if dob.IsZero() {
		return 0, false
	}
	return ukcal.AgeOn(dob, today), true
}
