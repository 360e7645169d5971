package letters

import (
	"fmt"
	"slices"
)

// CarerFields is a child's parent or carer, to whom the "was not
// brought" letter is written.
type CarerFields struct {
	Title, Forenames, Surname, Relationship string
}

// parentSalutation greets the parent or carer as a patient is greeted.
func parentSalutation(f Fields) (string, error) {
	if f.Patient == nil {
		return "", fmt.Errorf("letters: a letter to a parent or carer needs the patient's details")
	}
	c := f.Patient.Carer
	if c.Forenames == "" && c.Surname == "" {
		// The app refuses a letter that must name them (wnb_first) before
		// this; any other letter about a child still goes.
		return NoCarerSalutation, nil
	}
	return SalutationFor(c.Title, c.Forenames, c.Surname), nil
}

func carerField(get func(CarerFields) string) func(Fields) (string, bool) {
	return patientField(func(p *PatientFields) string { return get(p.Carer) })
}

// The parent or carer's merge fields follow the patient's in the picker.
func init() {
	at := 0
	for i, d := range tmplFieldList {
		if d.group == "Patient" {
			at = i + 1
		}
	}
	tmplFieldList = slices.Insert(tmplFieldList, at,
		tmplField{group: "Patient", name: "patient.carer_name", object: "patient",
			description: "The name of the patient's parent or carer, with their title. Blank if none is recorded.",
			value:       carerField(func(c CarerFields) string { return joinNonEmpty(" ", c.Title, c.Forenames, c.Surname) })},
		tmplField{group: "Patient", name: "patient.carer_relationship", object: "patient",
			description: "How the parent or carer is related to the patient, such as Mother or Foster carer. Blank if not recorded.",
			value:       carerField(func(c CarerFields) string { return c.Relationship })})
	// tmplFields was built before this ran (and the insert moved the
	// fields after these), so it is indexed again.
	for i := range tmplFieldList {
		tmplFields[tmplFieldList[i].name] = &tmplFieldList[i]
	}
}
