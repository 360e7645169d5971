package screens

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
)

// The audit trail's patient filter: a name, NHS number or date of birth
// typed as on the Patients screen, a list to choose from when several
// patients match, or "Only this patient" from a selected entry. The
// entries are then read by patient id in app (a parameterised query).

// auditRecordID is how a record's id is written (a UUID), so an id
// copied from an entry can be typed into the patient filter.
var auditRecordID = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// errChoosePatient: several patients match what was typed; the list to
// choose from is showing.
var errChoosePatient = errors.New("several patients match: choose one from the list next to the box, or type more (a date of birth or NHS number)")

// readPatient turns the patient box into a patient's id, given to then:
// the one chosen, the one patient that matches, or the id typed. Several
// matches show a list to choose from. The search runs off the UI
// goroutine; the rest needs no read.
func (s *auditScreen) readPatient(then func(id string, err error)) {
	text := strings.TrimSpace(s.patient.Text)
	switch {
	case text == "":
		s.setPatientChoices(nil)
		then("", nil)
		return
	case s.patientID != "" && text == s.patientText:
		then(s.patientID, nil)
		return
	case auditRecordID.MatchString(text):
		then(text, nil)
		return
	}
	c := s.ctx.Clinic
	offUI(s.ctx, func() ([]patients.PatientSummary, error) { return c.SearchPatients(text, true, 20) }, func(found []patients.PatientSummary, err error) {
		then(s.patientFrom(text, found, err))
	})
}

// patientFrom is the patient the search for text found, or why none is.
func (s *auditScreen) patientFrom(text string, found []patients.PatientSummary, err error) (string, error) {
	if err != nil {
		return "", err
	}
	switch len(found) {
	case 0:
		s.setPatientChoices(nil)
		return "", fmt.Errorf("no patient matches %q: check the spelling, or try their date of birth or NHS number", text)
	case 1:
		s.setPatientChoices(nil)
		s.usePatient(found[0])
		return s.patientID, nil
	}
	s.setPatientChoices(found)
	return "", errChoosePatient
}

// setPatientChoices shows the patients to choose from (none: hidden).
func (s *auditScreen) setPatientChoices(found []patients.PatientSummary) {
	s.patientFound = found
	var opts []string
	for _, p := range found {
		opts = append(opts, auditPickLine(s.ctx.Clinic, p))
	}
	s.patientPick.SetOptions(opts)
	s.patientPick.ClearSelected()
	if len(found) == 0 {
		s.patientPick.Hide()
	} else {
		s.patientPick.Show()
	}
}

// auditPickLine is a patient in the list to choose from: name, date of
// birth and postcode, enough to tell two Jane Smiths apart.
func auditPickLine(c *app.Clinic, p patients.PatientSummary) string {
	return strings.Join(strings.Fields(strings.Join([]string{listName(p), "·", dobAge(c, p), "·", p.Postcode}, " ")), " ")
}

// pickPatient filters by the patient chosen from the list.
func (s *auditScreen) pickPatient(line string) {
	for _, p := range s.patientFound {
		if auditPickLine(s.ctx.Clinic, p) == line {
			s.usePatient(p)
			s.setPatientChoices(nil)
			s.applyFilters()
			return
		}
	}
}

// usePatient puts a patient in the patient box as the filter.
func (s *auditScreen) usePatient(p patients.PatientSummary) {
	s.patientText = fullName(p)
	if !p.DOB.IsZero() {
		s.patientText += ", born " + p.DOB.Short()
	}
	s.patientID = p.ID
	s.patient.SetText(s.patientText)
}

// filterBySelectedPatient shows only the selected entry's patient.
func (s *auditScreen) filterBySelectedPatient() {
	if s.selected < 0 || s.selected >= len(s.entries) || s.entries[s.selected].Patient == "" {
		return
	}
	e := s.entries[s.selected]
	s.patientID, s.patientText = e.Patient, e.Patient
	if e.PatientName != "" {
		s.patientText = e.PatientName
	}
	s.patient.SetText(s.patientText)
	s.setPatientChoices(nil)
	s.applyFilters()
}
