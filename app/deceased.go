package app

import (
	"fmt"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// A patient whose record holds a date of death is never booked after it,
// nor written to: an appointment letter or reminder to someone who has
// died is among the worst things a clinic can send a bereaved family.
// Staff can still record what happened before the death (a late entry of
// an earlier appointment) and write to the GP.

// refuseAfterDeath explains why nothing can be booked for p on day.
func refuseAfterDeath(p patients.Patient, day ukcal.Date) error {
	died := p.DateOfDeath
	if died.IsZero() || day.Before(died) {
		return nil
	}
	return fmt.Errorf("%s's record says they died on %s, so no appointment can be booked for them on or after that day (if the date of death is wrong, correct it on the record first)",
		p.Forenames+" "+p.Surname, died.Long())
}

// refuseLetterAfterDeath explains why a letter cannot go to p themself.
func refuseLetterAfterDeath(p patients.Patient) error {
	died := p.DateOfDeath
	if died.IsZero() {
		return nil
	}
	return fmt.Errorf("%s's record says they died on %s, so ClinicDesk will not write a letter addressed to them; a letter to their GP can still be written",
		p.Forenames+" "+p.Surname, died.Long())
}
