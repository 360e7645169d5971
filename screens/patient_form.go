package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// patientForm is the details form, for a new patient or to edit one.
type patientForm struct {
	screen *patientsScreen
	ctx    *Context
	orig   *patients.Patient // nil for a new patient
	back   func()            // where Cancel goes

	scroll *focusScroll // follows Tab down the form

	title                                *widget.SelectEntry
	forenames, surname, preferred        *formEntry
	knownAsInLetters                     *widget.Check // letters greet them by the known-as name
	dob, gender, nhsNumber               *formEntry
	sex                                  *widget.Select
	line1, line2, town, county, postcode *formEntry
	postcodeKind                         *widget.Select
	mobile, home, work, email            *formEntry
	consentLetter, consentPhone          *widget.Check
	consentSMS, consentEmail             *widget.Check
	gpName, gpPractice                   *formEntry
	gpAddress                            *formEntry // the practice's, one line each
	nokName, nokRelationship, nokPhone   *formEntry
	carer                                *carerFields // patient_form_carer.go
	language                             *formEntry
	interpreter                          *widget.Check
	needs                                []*widget.Check // in the order of patients.AISNeeds
	aisNotes, aisReviewed                *formEntry
	alerts                               []*alertRow
	alertsBox                            *fyne.Container
	lastTreatment                        *formEntry
	dateOfDeath                          *formEntry

	problems map[string]*widget.Label     // a field's message, under it
	focusFor map[string]fyne.Focusable    // the widget to put the cursor in
	cellFor  map[string]fyne.CanvasObject // what to scroll to
	summary  *widget.Label                // by the Save button
	save     *widget.Button
	cancel   *widget.Button
	busy     bool

	dupDialog dialog.Dialog // the duplicate warning, while it is open

	// owner is who opened the form: what is typed is kept as their draft
	// (draft.go) while tracking is on, so a lock loses nothing.
	owner    string
	tracking bool
	restored *widget.Label // "Restored what you were typing…"

	// What the form held when it opened, to tell whether anything typed
	// would be lost by leaving.
	initial     patients.Patient
	initialOpts app.PatientOptions
}

// postcodeChoices: a real postcode, or one of the NHS pseudo-postcodes,
// chosen on purpose.
func postcodeChoices() []string {
	out := []string{"There is a postcode"}
	for _, p := range nhs.PseudoPostcodes() {
		out = append(out, capitalise(p.Label)+" ("+p.Code+")")
	}
	return out
}

func newPatientForm(s *patientsScreen, p *patients.Patient) *patientForm {
	return &patientForm{screen: s, ctx: s.ctx, orig: p, owner: sessionUserID(s.ctx.Clinic),
		problems: map[string]*widget.Label{}, focusFor: map[string]fyne.Focusable{}, cellFor: map[string]fyne.CanvasObject{}}
}

func (f *patientForm) build() fyne.CanvasObject {
	f.title = widget.NewSelectEntry(patients.Titles)
	f.title.SetPlaceHolder("e.g. Ms")
	f.forenames = f.entry("First and middle names")
	f.surname = f.entry("Family name")
	f.preferred = f.entry("What they like to be called")
	f.knownAsInLetters = widget.NewCheck("Use the known-as name in letters", nil)
	f.dob = f.entry("dd/mm/yyyy")
	var sexes []string
	for _, o := range patients.Sexes {
		sexes = append(sexes, o.Label)
	}
	f.sex = widget.NewSelect(sexes, nil)
	f.sex.SetSelected(patients.Sexes[0].Label)
	f.gender = f.entry("Optional")
	f.nhsNumber = f.entry("e.g. 943 476 5919")

	f.line1 = f.entry("House number and street")
	f.line2 = f.entry("")
	f.town = f.entry("")
	f.county = f.entry("")
	f.postcode = f.entry("e.g. LS1 4AP")
	f.postcodeKind = widget.NewSelect(postcodeChoices(), f.postcodeKindChanged)
	f.mobile = f.entry("e.g. 07700 900123")
	f.home = f.entry("e.g. 0113 496 0123")
	f.work = f.entry("")
	f.email = f.entry("e.g. name@example.co.uk")
	f.consentLetter = widget.NewCheck("Letters", nil)
	f.consentPhone = widget.NewCheck("Phone calls", nil)
	f.consentSMS = widget.NewCheck("Text messages", nil)
	f.consentEmail = widget.NewCheck("Email", nil)

	f.gpName = f.entry("e.g. Dr A Khan")
	f.gpPractice = f.entry("e.g. Park Lane Surgery")
	f.gpAddress = multiLineEntry(patients.MaxGPAddressLines, "Practice address (one line each, postcode last)")
	f.gpAddress.onFocus = f.fieldFocused
	f.gpAddress.Wrapping = fyne.TextWrapOff // a line on screen is a line on the envelope
	f.nokName = f.entry("")
	f.nokRelationship = f.entry("e.g. daughter")
	f.nokPhone = f.entry("")
	f.buildCarer()
	f.language = f.entry("e.g. Polish (leave empty for English)")
	f.interpreter = widget.NewCheck("Needs an interpreter", nil)

	var needCells []fyne.CanvasObject
	for _, o := range patients.AISNeeds {
		c := widget.NewCheck(o.Label, nil)
		f.needs = append(f.needs, c)
		needCells = append(needCells, c)
	}
	f.aisNotes = multiLineEntry(2, "How to meet the needs, e.g. \"24-point font; book the BSL interpreter for a double slot\"")
	f.aisNotes.onFocus = f.fieldFocused
	f.aisReviewed = f.entry("dd/mm/yyyy")
	reviewedToday := widget.NewButton("Today", func() { f.aisReviewed.SetText(patientToday().Short()) })
	f.alertsBox = container.NewVBox()
	addAlert := widget.NewButtonWithIcon("Add an alert", theme.ContentAddIcon(), func() { f.addAlert(patients.Alert{}) })
	f.lastTreatment = f.entry("dd/mm/yyyy")
	f.dateOfDeath = f.entry("dd/mm/yyyy")

	f.fill()
	f.initial, f.initialOpts = f.read()

	needsProblem := errorText()
	f.problems[patients.FieldAISNeeds] = needsProblem
	alertsProblem := errorText()
	f.problems[patients.FieldAlerts] = alertsProblem
	f.cellFor[patients.FieldAlerts] = f.alertsBox

	body := container.NewVBox(
		wrapped("Fields marked * are needed. Everything else can be filled in later. Dates are dd/mm/yyyy."),
		formSection("Name",
			formRow(f.field(patients.FieldTitle, "Title", f.title), f.field(patients.FieldForenames, "First name(s) *", f.forenames),
				f.field(patients.FieldSurname, "Surname *", f.surname), f.field(patients.FieldPreferredName, "Known as", f.preferred)),
			// Under "Known as", which it is about.
			formRow(layout.NewSpacer(), layout.NewSpacer(), layout.NewSpacer(), f.knownAsInLetters)),
		formSection("Birth and identity",
			formRow(f.field(patients.FieldDOB, "Date of birth *", f.dob), f.field(patients.FieldSex, "Sex", f.sex),
				f.field("gender_identity", "Gender identity", f.gender), f.field(patients.FieldNHSNumber, "NHS number", f.nhsNumber))),
		formSection("Contact",
			formRow(f.field(patients.FieldAddressLine1, "Address", f.line1), f.field(patients.FieldAddressLine2, "Address line 2", f.line2)),
			formRow(f.field(patients.FieldTown, "Town", f.town), f.field(patients.FieldCounty, "County", f.county),
				f.field(patients.FieldPostcode, "Postcode", f.postcode), f.field("", "No postcode?", f.postcodeKind)),
			formRow(f.field(patients.FieldMobile, "Mobile", f.mobile), f.field(patients.FieldHome, "Home phone", f.home),
				f.field(patients.FieldWork, "Work phone", f.work)),
			formRow(f.field(patients.FieldEmail, "Email", f.email)),
			labelledField("The patient agrees to be contacted by", container.NewHBox(f.consentLetter, f.consentPhone, f.consentSMS, f.consentEmail))),
		formSection("GP and next of kin",
			// The address sits beside the GP and practice it belongs to.
			formRow(container.NewVBox(f.field(patients.FieldGPName, "GP", f.gpName), f.field(patients.FieldGPPractice, "GP practice", f.gpPractice)),
				f.field(patients.FieldGPAddress, "Practice address", f.gpAddress)),
			formRow(f.field(patients.FieldNOKName, "Next of kin or emergency contact", f.nokName), f.field(patients.FieldNOKRelation, "Relationship", f.nokRelationship),
				f.field(patients.FieldNOKPhone, "Their phone", f.nokPhone))),
		f.carerSection(),
		formSection("Language",
			formRow(f.field(patients.FieldLanguage, "Preferred language", f.language), labelledField(" ", f.interpreter))),
		formSection("Communication needs (Accessible Information Standard)",
			container.NewGridWithColumns(3, needCells...),
			needsProblem,
			formRow(f.field("", "How to meet them", f.aisNotes)),
			formRow(f.field(patients.FieldAISReviewed, "Needs last reviewed", container.NewBorder(nil, nil, nil, reviewedToday, f.aisReviewed)),
				layout.NewSpacer(), layout.NewSpacer())),
		formSection("Alerts",
			wrapped("Alerts show in red wherever this patient appears, for everyone at the desk."),
			f.alertsBox, alertsProblem, container.NewHBox(addAlert)),
		formSection("Treatment and date of death",
			// The diary's Seen appointments give the last treatment; this
			// date keeps treatment from before ClinicDesk.
			wrapped("How long the record is kept counts from the last appointment marked Seen. "+
				"Fill in the last treatment only for care given before ClinicDesk; the later of the two counts."),
			formRow(f.field(patients.FieldLastTreatment, "Last treatment before ClinicDesk", f.lastTreatment),
				f.field(patients.FieldDateOfDeath, "Date of death", f.dateOfDeath), layout.NewSpacer())),
	)
	// The date field's "Today" button sits in a Border: focus the entry.
	f.focusFor[patients.FieldAISReviewed] = f.aisReviewed

	f.summary = errorText()
	f.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.onCancel)
	if f.orig == nil {
		f.save.SetText("Add patient")
	} else {
		f.save.SetText("Save changes")
	}

	titleText := "New patient"
	if f.orig != nil {
		titleText = "Edit " + patientFullName(*f.orig)
	}
	title := heading(titleText)
	title.Truncation = fyne.TextTruncateEllipsis
	f.restored = note()
	f.scroll = newFocusScroll(container.NewPadded(limitWidth(body, 960)))
	footer := container.NewVBox(widget.NewSeparator(), f.summary, container.NewHBox(f.save, f.cancel))
	page := container.NewPadded(container.NewBorder(container.NewVBox(title, f.restored), footer, nil, nil, f.scroll))
	f.trackChanges()
	return page
}

// textFields are the form's text fields in tab order, the alerts' last:
// what a draft keeps, and where the cursor can be put back.
func (f *patientForm) textFields() []fyne.Focusable {
	out := []fyne.Focusable{f.title, f.forenames, f.surname, f.preferred, f.dob, f.gender, f.nhsNumber,
		f.line1, f.line2, f.town, f.county, f.postcode, f.mobile, f.home, f.work, f.email,
		f.gpName, f.gpPractice, f.gpAddress, f.nokName, f.nokRelationship, f.nokPhone}
	out = append(out, f.carerTextFields()...)
	out = append(out, f.language, f.aisNotes, f.aisReviewed, f.lastTreatment, f.dateOfDeath)
	for _, r := range f.alerts {
		out = append(out, r.text)
	}
	return out
}

// ticks are the form's tick boxes, in order.
func (f *patientForm) ticks() []*widget.Check {
	out := []*widget.Check{f.consentLetter, f.consentPhone, f.consentSMS, f.consentEmail, f.interpreter, f.knownAsInLetters}
	return append(out, f.needs...)
}

// fill puts the record being edited into the fields.
func (f *patientForm) fill() {
	f.postcodeKind.SetSelectedIndex(0)
	if f.orig == nil {
		return
	}
	p := *f.orig
	f.title.SetText(p.Title)
	f.forenames.SetText(p.Forenames)
	f.surname.SetText(p.Surname)
	f.preferred.SetText(p.PreferredName)
	f.knownAsInLetters.SetChecked(p.UseKnownAs)
	f.dob.SetText(p.DOB.Short())
	f.sex.SetSelected(patients.Label(patients.Sexes, p.Sex))
	f.gender.SetText(p.GenderIdentity)
	f.nhsNumber.SetText(nhs.FormatNHSNumber(p.NHSNumber))
	f.line1.SetText(p.Address.Line1)
	f.line2.SetText(p.Address.Line2)
	f.town.SetText(p.Address.Town)
	f.county.SetText(p.Address.County)
	f.postcode.SetText(p.Address.Postcode)
	for i, pp := range nhs.PseudoPostcodes() {
		if p.Address.Postcode == pp.Code {
			f.postcodeKind.SetSelectedIndex(i + 1)
		}
	}
	f.mobile.SetText(nhs.FormatPhone(p.Phones.Mobile))
	f.home.SetText(nhs.FormatPhone(p.Phones.Home))
	f.work.SetText(nhs.FormatPhone(p.Phones.Work))
	f.email.SetText(p.Email)
	f.consentLetter.SetChecked(p.Consent.Letter)
	f.consentPhone.SetChecked(p.Consent.Phone)
	f.consentSMS.SetChecked(p.Consent.SMS)
	f.consentEmail.SetChecked(p.Consent.Email)
	f.gpName.SetText(p.GP.Name)
	f.gpPractice.SetText(p.GP.Practice)
	f.gpAddress.SetText(strings.Join(p.GP.Address, "\n"))
	f.nokName.SetText(p.NextOfKin.Name)
	f.nokRelationship.SetText(p.NextOfKin.Relationship)
	f.nokPhone.SetText(nhs.FormatPhone(p.NextOfKin.Phone))
	f.fillCarer(p)
	f.language.SetText(p.Language)
	f.interpreter.SetChecked(p.Interpreter)
	for i, o := range patients.AISNeeds {
		for _, n := range p.AIS.Needs {
			if n == o.Code {
				f.needs[i].SetChecked(true)
			}
		}
	}
	f.aisNotes.SetText(p.AIS.Notes)
	f.aisReviewed.SetText(p.AIS.Reviewed.Short())
	for _, a := range p.Alerts {
		f.addAlert(a)
	}
	f.lastTreatment.SetText(p.LastTreatment.Short())
	f.dateOfDeath.SetText(p.DateOfDeath.Short())
}

// focusFirst puts the cursor in the first name field.
func (f *patientForm) focusFirst() {
	f.ctx.Window.Canvas().Focus(f.forenames)
}

// postcodeKindChanged: choosing "No fixed abode" or "Not known" puts the
// NHS pseudo-postcode in, and the postcode cannot then be typed.
func (f *patientForm) postcodeKindChanged(string) {
	if f.postcode == nil {
		return
	}
	defer f.noteChange()
	i := f.postcodeKind.SelectedIndex()
	pseudo := nhs.PseudoPostcodes()
	if i > 0 && i <= len(pseudo) {
		f.postcode.SetText(pseudo[i-1].Code)
		f.postcode.Disable()
		return
	}
	if _, isPseudo := nhs.PseudoPostcodeLabel(f.postcode.Text); isPseudo {
		f.postcode.SetText("")
	}
	f.postcode.Enable()
}

// read turns the fields into a record, and whether a pseudo-postcode was
// chosen on purpose.
func (f *patientForm) read() (patients.Patient, app.PatientOptions) {
	var p patients.Patient
	if f.orig != nil {
		p = *f.orig // ID, status and what the form does not show stay as they were
	}
	p.Title = f.title.Text
	p.Forenames = f.forenames.Text
	p.Surname = f.surname.Text
	p.PreferredName = f.preferred.Text
	p.UseKnownAs = f.knownAsInLetters.Checked
	p.Sex = ""
	for _, o := range patients.Sexes {
		if o.Label == f.sex.Selected {
			p.Sex = o.Code
		}
	}
	p.GenderIdentity = f.gender.Text
	p.NHSNumber = f.nhsNumber.Text
	p.Address.Line1, p.Address.Line2 = f.line1.Text, f.line2.Text
	p.Address.Town, p.Address.County = f.town.Text, f.county.Text
	p.Address.Postcode = f.postcode.Text
	// The clinic reads the dates as typed (CheckPatient, and saving).
	o := app.PatientOptions{Typed: &patients.TypedDates{DOB: f.dob.Text, AISReviewed: f.aisReviewed.Text,
		LastTreatment: f.lastTreatment.Text, DateOfDeath: f.dateOfDeath.Text}}
	if f.postcodeKind.SelectedIndex() > 0 {
		o.AllowPseudoPostcode = true
	}
	p.Phones.Mobile, p.Phones.Home, p.Phones.Work = f.mobile.Text, f.home.Text, f.work.Text
	p.Email = f.email.Text
	p.Consent.Letter, p.Consent.Phone = f.consentLetter.Checked, f.consentPhone.Checked
	p.Consent.SMS, p.Consent.Email = f.consentSMS.Checked, f.consentEmail.Checked
	p.GP.Name, p.GP.Practice = f.gpName.Text, f.gpPractice.Text
	p.GP.Address = typedLines(f.gpAddress.Text)
	p.NextOfKin.Name, p.NextOfKin.Relationship, p.NextOfKin.Phone = f.nokName.Text, f.nokRelationship.Text, f.nokPhone.Text
	f.readCarer(&p)
	p.Language = f.language.Text
	p.Interpreter = f.interpreter.Checked
	p.AIS.Needs = nil
	for i, o := range patients.AISNeeds {
		if f.needs[i].Checked {
			p.AIS.Needs = append(p.AIS.Needs, o.Code)
		}
	}
	p.AIS.Notes = f.aisNotes.Text
	p.Alerts = nil
	for _, r := range f.alerts {
		kind := ""
		for _, o := range patients.AlertKinds {
			if o.Label == r.kind.Selected {
				kind = o.Code
			}
		}
		text := strings.TrimSpace(r.text.Text)
		if kind == "" && text == "" {
			continue // an empty row
		}
		if kind == "" {
			kind = "other"
		}
		p.Alerts = append(p.Alerts, patients.Alert{Kind: kind, Text: text})
	}
	return p, o
}

// typedLines are the lines of a box as typed (nil when it is empty);
// saving tidies them.
func typedLines(text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return strings.Split(text, "\n")
}
