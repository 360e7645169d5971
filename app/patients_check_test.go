package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// CheckPatient gives the form the problems saving would give, field by
// field, judged on the clinic's own date, and writes nothing.
func TestCheckPatientSaysWhatSavingWouldRefuse(t *testing.T) {
	c, _, _ := newClinic(t)
	c.now = func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, ukcal.London()) }

	bad := patients.Patient{Forenames: "Amelia", DOB: ukcal.MustParseDate("2026-12-07"), NHSNumber: "943 476 5918", Address: patients.Address{Postcode: "ZZ99 3VZ"}}
	_, problems := c.CheckPatient(bad, PatientOptions{})
	for _, field := range []string{patients.FieldSurname, patients.FieldDOB, patients.FieldNHSNumber, patients.FieldPostcode} {
		if problems.For(field) == "" {
			t.Errorf("no problem for %s in %v", field, problems)
		}
	}
	if !strings.Contains(problems.For(patients.FieldDOB), "in the future") {
		t.Errorf("DOB a day after the clinic's today: %q", problems.For(patients.FieldDOB))
	}
	_, err := c.CreatePatient(bad, PatientOptions{})
	var saving patients.FieldErrors
	if !errors.As(err, &saving) || !reflect.DeepEqual(saving, problems) {
		t.Fatalf("saving said %v, the check %v", err, problems)
	}
	if n, err := c.CountPatients(""); err != nil || n != 0 {
		t.Fatalf("%d patients on file (%v)", n, err)
	}

	// Put right, it comes back tidied as saving would store it.
	good := patients.Patient{Forenames: " Amelia ", Surname: "Taylor", DOB: ukcal.MustParseDate("1990-01-01"), NHSNumber: "943 476 5919",
		Address: patients.Address{Postcode: "ZZ99 3VZ"}}
	good.Phones.Mobile = "07700 900456"
	if _, problems := c.CheckPatient(good, PatientOptions{}); problems.For(patients.FieldPostcode) == "" {
		t.Fatalf("a typed pseudo-postcode passed the check without being chosen: %v", problems)
	}
	tidy, problems := c.CheckPatient(good, PatientOptions{AllowPseudoPostcode: true})
	if problems != nil {
		t.Fatalf("a good record has problems: %v", problems)
	}
	if tidy.Forenames != "Amelia" || tidy.Phones.Mobile != "+447700900456" || tidy.NHSNumber != "9434765919" {
		t.Fatalf("not tidied: %+v", tidy)
	}
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("the check wrote %d patients", n)
	}
}

// A form hands the clinic its date boxes as typed: the check reads them
// into the record it returns, and saving stores the same dates.
func TestCheckPatientReadsTheDatesAsTyped(t *testing.T) {
	c, _, _ := newClinic(t)
	c.now = func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, ukcal.London()) }
	p := patients.Patient{Forenames: "Amelia", Surname: "Taylor"}

	_, problems := c.CheckPatient(p, PatientOptions{Typed: &patients.TypedDates{DOB: "12/3/80"}})
	if got := problems.For(patients.FieldDOB); got != "the date of birth is not a real date: use dd/mm/yyyy" {
		t.Fatalf("a two-digit year: %q", got)
	}

	o := PatientOptions{Typed: &patients.TypedDates{DOB: "12/03/1980", AISReviewed: "01/12/2026"}}
	checked, problems := c.CheckPatient(p, o)
	if problems != nil || checked.DOB != ukcal.MustParseDate("1980-03-12") || checked.AIS.Reviewed != ukcal.MustParseDate("2026-12-01") {
		t.Fatalf("checked: DOB %v, reviewed %v, %v", checked.DOB, checked.AIS.Reviewed, problems)
	}
	added, err := c.CreatePatient(p, o)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := c.Patient(added.ID)
	if err != nil || stored.DOB != checked.DOB || stored.AIS.Reviewed != checked.AIS.Reviewed || !stored.DateOfDeath.IsZero() {
		t.Fatalf("stored: DOB %v, reviewed %v, died %v (%v)", stored.DOB, stored.AIS.Reviewed, stored.DateOfDeath, err)
	}
}
