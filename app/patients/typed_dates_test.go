package patients

import (
	"testing"

	"clinicdesk/app/ukcal"
)

// A form's date boxes are read by Normalise: day first as typed, the
// stored form too, empty as no date; what is not a date is said under its
// own field, and the record's old date is not kept in its place.
func TestNormaliseReadsTypedDatesIntoTheRecord(t *testing.T) {
	today := ukcal.MustParseDate("2026-11-23")
	p := Patient{Forenames: "Ann", Surname: "Lee", DOB: ukcal.MustParseDate("1970-01-01"),
		LastTreatment: ukcal.MustParseDate("2020-01-01")}
	typed := &TypedDates{DOB: " 3/2/1980 ", AISReviewed: "2026-11-01", LastTreatment: "", DateOfDeath: "23.11.2026"}
	if err := Normalise(&p, Options{Today: today, Typed: typed}); err != nil {
		t.Fatal(err)
	}
	if p.DOB != ukcal.MustParseDate("1980-02-03") || p.AIS.Reviewed != ukcal.MustParseDate("2026-11-01") ||
		!p.LastTreatment.IsZero() || p.DateOfDeath != ukcal.MustParseDate("2026-11-23") {
		t.Fatalf("read as DOB %v, reviewed %v, last treatment %v, died %v", p.DOB, p.AIS.Reviewed, p.LastTreatment, p.DateOfDeath)
	}

	bad := Patient{Forenames: "Ann", Surname: "Lee", DOB: ukcal.MustParseDate("1970-01-01")}
	typed = &TypedDates{DOB: "31/02/1980", AISReviewed: "last week", LastTreatment: "2020-13-01", DateOfDeath: "soon"}
	err := Normalise(&bad, Options{Today: today, Typed: typed})
	fe, _ := err.(FieldErrors)
	for field, msg := range map[string]string{
		FieldDOB:           "the date of birth is not a real date: use dd/mm/yyyy",
		FieldAISReviewed:   "the date the needs were last reviewed is not a real date",
		FieldLastTreatment: "the date of last treatment is not a real date",
		FieldDateOfDeath:   "the date of death is not a real date: use dd/mm/yyyy",
	} {
		if got := fe.For(field); got != msg {
			t.Errorf("%s: %q, want %q", field, got, msg)
		}
	}
	if len(fe) != 4 {
		t.Errorf("one message a box, and no second one for the date of birth: %v", fe)
	}
	if !bad.DOB.IsZero() {
		t.Errorf("the old date of birth stayed behind an unreadable one: %v", bad.DOB)
	}
}

// Without typed dates the record's own Dates are judged as they are.
func TestNormaliseKeepsTheRecordsDatesWhenNoneAreTyped(t *testing.T) {
	p := Patient{Forenames: "Ann", Surname: "Lee", DOB: ukcal.MustParseDate("1970-01-01"),
		LastTreatment: ukcal.MustParseDate("2026-11-20"), DateOfDeath: ukcal.MustParseDate("2026-11-19")}
	err := Normalise(&p, Options{Today: ukcal.MustParseDate("2026-11-23")})
	fe, _ := err.(FieldErrors)
	if want := "the last treatment 20/11/2026 is after the date of death 19/11/2026: check both"; fe.For(FieldDateOfDeath) != want {
		t.Fatalf("got %v, want %q", err, want)
	}
	if p.DOB != ukcal.MustParseDate("1970-01-01") {
		t.Fatalf("the date of birth changed: %v", p.DOB)
	}
}
