package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// duplicatesList is the body of the "may be someone already on file"
// warning, shared by the patient form and the booking's new patient: who
// may be the same person as p, and why, each with a button (labelled use)
// to take that record instead.
func duplicatesList(c *app.Clinic, p patients.Patient, dups []patients.Duplicate, use string, take func(found patients.Patient)) fyne.CanvasObject {
	intro := wrapped("Before adding " + patientFullName(p) + ", check this is not someone already on file. " +
		"Two records for one person means notes, letters and appointments in two places.")
	list := container.NewVBox()
	for _, d := range dups {
		found := d.Patient
		who := widget.NewLabelWithStyle(patientListName(found), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		var facts []string
		if !found.DOB.IsZero() {
			facts = append(facts, "born "+patientDOBAge(c, found))
		}
		if found.Address.Postcode != "" {
			facts = append(facts, found.Address.Postcode)
		}
		if found.NHSNumber != "" {
			facts = append(facts, "NHS "+nhs.FormatNHSNumber(found.NHSNumber))
		}
		why := wrapped(capitalise(strings.Join(facts, " · ")) + ".\nMay be the same person: " + d.Reason + ".")
		button := widget.NewButtonWithIcon(use, theme.NavigateNextIcon(), func() { take(found) })
		list.Add(container.NewVBox(container.NewBorder(nil, nil, nil, button, who), why))
		list.Add(widget.NewSeparator())
	}
	return container.NewVBox(intro, list)
}
