package app

import (
	"errors"

	"clinicdesk/app/patients"
)

// CheckPatient normalises a record as CreatePatient and UpdatePatient
// would, and says what is wrong with it field by field (nil when nothing
// is), so a form can mark each problem under its field before it saves.
// It reads nothing from the file, so a screen may call it on the UI
// goroutine; it takes no lock, since the clock is fixed before use (see
// SetClock). Saving checks again: this is a help, not the gate.
func (c *Clinic) CheckPatient(p patients.Patient, o PatientOptions) (patients.Patient, patients.FieldErrors) {
	err := c.normalise(&p, o) // exactly what saving does
	if err == nil {
		return p, nil
	}
	var fe patients.FieldErrors
	if errors.As(err, &fe) {
		return p, fe
	}
	// Normalise only ever reports fields; should that change, the problem
	// still reaches the desk, by the Save button rather than lost.
	return p, patients.FieldErrors{{Message: err.Error()}}
}
