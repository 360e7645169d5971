package app

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// The ages the screens show, worked out on the clinic's clock so that a
// screen never counts birthdays itself.

// AgeToday is the age today of someone born on dob; false when no date
// of birth is recorded.
func (c *Clinic) AgeToday(dob ukcal.Date) (int, bool) {
	return patients.AgeFromDOB(dob, c.today())
}

// PatientAge is the patient's age: at death for one who has died (died
// true), today otherwise. ok is false without a readable date of birth.
func (c *Clinic) PatientAge(p patients.Patient) (age int, died bool, ok bool) {
	if !p.DateOfDeath.IsZero() {
		age, ok = patients.Age(p, p.DateOfDeath)
		return age, true, ok
	}
	age, ok = patients.Age(p, c.today())
	return age, false, ok
}

// PatientFromSearch is a new patient started from what was typed in a
// search ("Sarah Jones 12/03/1980"): the name, date of birth, NHS number,
// phone and postcode it holds, read as of today.
func (c *Clinic) PatientFromSearch(typed string) patients.Patient {
	return patients.FromSearch(typed, c.today())
}
