package app

import (
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// A date of birth typed with a two-digit year finds the patient, the
// century worked out from the clinic's own clock, not the machine's.
func TestSearchFindsAPatientByAShortDateOfBirth(t *testing.T) {
	c, _, _ := newClinic(t)
	c.now = func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, ukcal.London()) }
	young, err := c.CreatePatient(patients.Patient{Forenames: "Noel", Surname: "Christmas", DOB: ukcal.MustParseDate("2002-12-25"), Address: patients.Address{Postcode: "LS1 4AP"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	old, err := c.CreatePatient(patients.Patient{Forenames: "Carol", Surname: "Christmas", DOB: ukcal.MustParseDate("1930-12-25"), Address: patients.Address{Postcode: "LS1 4AP"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		typed string
		want  string
	}{
		{"25/12/02", young.ID},
		{"25-12-02", young.ID},
		{"25.12.02", young.ID},
		{"christmas 25/12/02", young.ID},
		{"25/12/30", old.ID}, // 2030 is still to come: 1930
		{"25/12/1930", old.ID},
	} {
		got, err := c.SearchPatients(tc.typed, false, 20)
		if err != nil {
			t.Fatalf("%q: %v", tc.typed, err)
		}
		if len(got) != 1 || got[0].ID != tc.want {
			t.Errorf("%q found %+v, want only %s", tc.typed, got, tc.want)
		}
	}
	// On another day the same words mean another century: the clock decides.
	c.now = func() time.Time { return time.Date(2001, 1, 1, 10, 0, 0, 0, ukcal.London()) }
	if got, _ := c.SearchPatients("25/12/02", false, 20); len(got) != 0 {
		t.Errorf("on 1/1/2001, 25/12/02 is 1902, yet it found %+v", got)
	}
	if got, _ := c.SearchPatients("31/02/02", false, 20); len(got) != 0 {
		t.Errorf("no such day, yet it found %+v", got)
	}
}
