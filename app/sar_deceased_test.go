package app

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// A subject access copy of a record with a date of death shows it with the
// record's other facts; a living patient's copy never mentions death.
func TestSubjectAccessShowsTheDateOfDeathOnlyWhenRecorded(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	c, _ := sarClinic(t)
	died := zoe()
	died.DateOfDeath = ukcal.MustParseDate("2026-11-20")
	died, err := c.CreatePatient(died, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	living, err := c.CreatePatient(patients.Patient{Forenames: "John", Surname: "Smith", DOB: ukcal.MustParseDate("1970-01-01")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	copyOf := func(p patients.Patient) string {
		t.Helper()
		var pdf, js bytes.Buffer
		if _, err := c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js); err != nil {
			t.Fatal(err)
		}
		return js.String() + "\n" + sarPDFText(t, pdf.Bytes())
	}
	if got := copyOf(died); !strings.Contains(got, "Date of death 20 November 2026") || !strings.Contains(got, `"2026-11-20"`) {
		t.Errorf("the copy of a record with a date of death lacks it:\n%s", got)
	}
	if got := copyOf(living); strings.Contains(got, "Date of death") {
		t.Errorf("a living patient's copy mentions a date of death:\n%s", got)
	}
}
