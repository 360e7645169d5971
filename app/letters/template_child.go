package letters

import (
	"slices"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
)

// Letters about a child go to the parent or carer. The app decides who
// is a child (younger than the clinic's age on the letter's date) and
// sets PatientFields.Child; a template says "Ruby's appointment" rather
// than "your appointment" with {{#if patient.child}}…{{else}}…{{/if}},
// whole sentences in each branch, so a manager reads both as written.

// NoCarerSalutation greets the parent or carer of a child whose record
// names none: the letter still goes, to "the parent or carer of" the
// child, and the desk is told to add them.
const NoCarerSalutation = "Dear Parent or Carer"

// NoCarerName is the envelope's name line when the record names no
// parent or carer: "To the parent or carer of Ruby Shaw".
func NoCarerName(childName string) string {
	return noCarerPrefix + " " + strings.Join(strings.Fields(childName), " ")
}

// noCarerPrefix opens NoCarerName; the envelope window may break the line
// after it (nameLayouts).
const noCarerPrefix = "To the parent or carer of"

// FirstName is the name a letter calls someone by in a sentence ("please
// bring Ruby"): the name they are known by when their record says letters
// use it, otherwise their first forename.
func FirstName(forenames, knownAs string) string {
	if words := strings.Fields(knownAs); len(words) > 0 {
		return words[0]
	}
	if words := strings.Fields(forenames); len(words) > 0 {
		return words[0]
	}
	return ""
}

func init() {
	at := 0
	for i, d := range tmplFieldList {
		if d.group == "Patient" {
			at = i + 1
		}
	}
	tmplFieldList = slices.Insert(tmplFieldList, at,
		tmplField{group: "Patient", name: "patient.child", object: "patient",
			description: "For a condition: {{#if patient.child}}…{{else}}…{{/if}} keeps the first part when the patient is a child (younger than the age set in Settings), and the part after {{else}} for everyone else. A letter to a child goes to their parent or carer. Write the child's part about the child, such as “Please bring {{patient.first_name}}”.",
			value: patientField(func(p *PatientFields) string {
				if p.Child {
					return "yes"
				}
				return ""
			}),
			truth: func(f Fields) bool { return f.Patient != nil && f.Patient.Child }},
		tmplField{group: "Patient", name: "patient.first_name", object: "patient",
			description: "The patient's first name alone, for use in a sentence such as “please bring Ruby”: the name they are known by when their record says letters use it.",
			value:       patientField(func(p *PatientFields) string { return FirstName(p.Forenames, p.KnownAs) })})
	for i := range tmplFieldList {
		tmplFields[tmplFieldList[i].name] = &tmplFieldList[i]
	}
}

// ExampleChildFields is ExampleFields for a five-year-old whose father
// is her carer: the editor's preview of how a letter reads to a parent.
func ExampleChildFields() Fields {
	f := ExampleFields()
	p := *f.Patient
	p.Title, p.Forenames, p.KnownAs = "", "Ruby", ""
	p.DOB = ukcal.NewDate(2021, 3, 14)
	p.NHSNumber = nhs.TestNHSNumber(1)
	p.Child = true
	f.Patient = &p
	a := *f.Appointment
	a.Type, a.CancelReason = "New patient assessment", "Ruby's physiotherapist is unwell"
	f.Appointment = &a
	return f
}
