package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// patientListName is "Surname, Forenames (Preferred)" as typed.
func patientListName(p patients.Patient) string { return listName(p.Summary()) }

func listName(p patients.PatientSummary) string {
	s := p.Surname + ", " + p.Forenames
	if p.PreferredName != "" && p.PreferredName != p.Forenames {
		s += " (" + p.PreferredName + ")"
	}
	return s
}

// patientFullName is "Title Forenames Surname".
func patientFullName(p patients.Patient) string { return fullName(p.Summary()) }

func fullName(p patients.PatientSummary) string {
	return strings.Join(strings.Fields(p.Title+" "+p.Forenames+" "+p.Surname), " ")
}

// patientToday is today's date at the clinic.
func patientToday() ukcal.Date { return ukcal.Today(wallClock()) }

// patientDOBAge is "12/03/1980 (46)", the age as the clinic counts it.
func patientDOBAge(c *app.Clinic, p patients.Patient) string { return dobAge(c, p.Summary()) }

func dobAge(c *app.Clinic, p patients.PatientSummary) string {
	if p.DOB.IsZero() {
		return ""
	}
	s := p.DOB.Short()
	if age, ok := c.AgeToday(p.DOB); ok {
		s += fmt.Sprintf(" (%d)", age)
	}
	return s
}

// alertLabel is an alert in words: "Violent warning: shouted at staff".
func alertLabel(a patients.Alert) string {
	l := patients.Label(patients.AlertKinds, a.Kind)
	if a.Kind == "other" && a.Text != "" {
		return a.Text
	}
	if a.Text != "" {
		l += ": " + a.Text
	}
	return l
}

// needLabels are the patient's communication needs in words, the
// interpreter included.
func needLabels(p patients.Patient) []string { return summaryNeeds(p.Summary()) }

func summaryNeeds(p patients.PatientSummary) []string {
	var out []string
	for _, n := range p.AISNeeds {
		out = append(out, patients.Label(patients.AISNeeds, n))
	}
	if p.Interpreter {
		if p.Language != "" {
			out = append(out, p.Language+" interpreter")
		} else {
			out = append(out, "Interpreter")
		}
	}
	return out
}

// patientFlags is the short line of alerts and needs for the list.
func patientFlags(p patients.PatientSummary) string {
	var parts []string
	for _, a := range p.Alerts {
		parts = append(parts, alertLabel(a)) // what the alert says, not "Other"
	}
	parts = append(parts, summaryNeeds(p)...)
	if p.Status == patients.Archived {
		parts = append([]string{"Archived"}, parts...)
	}
	return strings.Join(parts, " · ")
}
