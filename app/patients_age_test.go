package app

import (
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// Ages are counted on the clinic's clock, and at death for one who died.
func TestAgesAreCountedOnTheClinicsClock(t *testing.T) {
	c, _, _ := newClinic(t)
	c.now = func() time.Time { return time.Date(2026, 3, 11, 10, 0, 0, 0, ukcal.London()) }
	if age, ok := c.AgeToday(ukcal.MustParseDate("1980-03-12")); !ok || age != 45 {
		t.Errorf("the day before the birthday: %d %v, want 45", age, ok)
	}
	c.now = func() time.Time { return time.Date(2026, 3, 12, 10, 0, 0, 0, ukcal.London()) }
	if age, ok := c.AgeToday(ukcal.MustParseDate("1980-03-12")); !ok || age != 46 {
		t.Errorf("on the birthday: %d %v, want 46", age, ok)
	}
	if _, ok := c.AgeToday(ukcal.Date{}); ok {
		t.Error("an age for no date of birth")
	}
	p := patients.Patient{DOB: ukcal.MustParseDate("1950-06-01"), DateOfDeath: ukcal.MustParseDate("2020-05-31")}
	if age, died, ok := c.PatientAge(p); !ok || !died || age != 69 {
		t.Errorf("died the day before turning 70: %d died %v ok %v", age, died, ok)
	}
	p.DateOfDeath = ukcal.Date{}
	if age, died, ok := c.PatientAge(p); !ok || died || age != 75 {
		t.Errorf("living: %d died %v ok %v, want 75", age, died, ok)
	}
}

// A new patient started from a search takes the date of birth typed, read
// the UK way.
func TestPatientFromSearchReadsTheSearch(t *testing.T) {
	c, _, _ := newClinic(t)
	p := c.PatientFromSearch("Sarah Jones 12/03/1980")
	if p.DOB != ukcal.MustParseDate("1980-03-12") || p.Surname == "" {
		t.Errorf("from the search: %+v", p)
	}
}
