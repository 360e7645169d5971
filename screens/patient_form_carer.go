package screens

import (
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// carerFields are the patient form's parent or carer: who letters about a
// child's missed appointments go to (SPEC §2.5).
type carerFields struct {
	title, relationship *widget.SelectEntry
	forenames, surname  *formEntry
	phone               *formEntry
	address             *formEntry // one line each, postcode last; empty is the patient's
}

// buildCarer makes the fields; carerSection lays them out.
func (f *patientForm) buildCarer() {
	c := &carerFields{}
	c.title = widget.NewSelectEntry(patients.Titles)
	c.title.SetPlaceHolder("e.g. Mrs")
	c.forenames = f.entry("First name")
	c.surname = f.entry("Family name")
	c.relationship = widget.NewSelectEntry(patients.CarerRelationships)
	c.relationship.SetPlaceHolder("e.g. Mother")
	c.phone = f.entry("e.g. 07700 900456")
	c.address = multiLineEntry(patients.MaxGPAddressLines, "Their address, if not the patient's (one line each, postcode last)")
	c.address.onFocus = f.fieldFocused
	c.address.Wrapping = fyne.TextWrapOff // a line on screen is a line on the envelope
	f.carer = c
}

func (f *patientForm) carerSection() fyne.CanvasObject {
	c := f.carer
	return formSection("Parent or carer (for a child)",
		wrapped("When a child misses an appointment, the letter goes to the parent or carer, not to the child. "+
			"Leave their address empty if they live at the patient's address."),
		formRow(f.field(patients.FieldCarerTitle, "Title", c.title), f.field(patients.FieldCarerForenames, "First name(s)", c.forenames),
			f.field(patients.FieldCarerSurname, "Surname", c.surname), f.field(patients.FieldCarerRelation, "Relationship to the patient", c.relationship)),
		formRow(f.field(patients.FieldCarerPhone, "Their phone", c.phone), f.field(patients.FieldCarerAddress, "Their address", c.address)))
}

// carerTextFields are the parent or carer's fields in tab order.
func (f *patientForm) carerTextFields() []fyne.Focusable {
	c := f.carer
	return []fyne.Focusable{c.title, c.forenames, c.surname, c.relationship, c.phone, c.address}
}

func (f *patientForm) fillCarer(p patients.Patient) {
	c, pc := f.carer, p.ParentCarer
	c.title.SetText(pc.Title)
	c.forenames.SetText(pc.Forenames)
	c.surname.SetText(pc.Surname)
	c.relationship.SetText(pc.Relationship)
	c.phone.SetText(nhs.FormatPhone(pc.Phone))
	c.address.SetText(strings.Join(pc.Address, "\n"))
}

func (f *patientForm) readCarer(p *patients.Patient) {
	c := f.carer
	p.ParentCarer.Title, p.ParentCarer.Forenames, p.ParentCarer.Surname = c.title.Text, c.forenames.Text, c.surname.Text
	p.ParentCarer.Relationship, p.ParentCarer.Phone = c.relationship.Text, c.phone.Text
	p.ParentCarer.Address = typedLines(c.address.Text)
}

// carerDetails is the record's "Parent or carer" section, with the record
// tab's own section and item builders.
func carerDetails(p patients.Patient, section func(string, ...*widget.FormItem) fyne.CanvasObject,
	item func(string, string) *widget.FormItem) fyne.CanvasObject {
	c := p.ParentCarer
	name := patients.CarerName(c)
	if c.Relationship != "" && name != "" {
		name += " (" + c.Relationship + ")"
	}
	address := strings.Join(c.Address, "\n")
	if name != "" && address == "" {
		address = "The patient's address"
	}
	return section("Parent or carer", item("Parent or carer", name), item("Their phone", nhs.FormatPhone(c.Phone)),
		item("Their address", address))
}
