package screens

import (
	"errors"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarNewPatient is the small dialog that registers a new patient
// from inside the booking dialog, on top of it: the details a record
// needs (names and date of birth) and the two the desk asks for on the
// phone (mobile, postcode). The rest goes on the record later. The rules
// are the app's (CheckPatient, CreatePatient, PossibleDuplicates),
// the same the patient form keeps.
type calendarNewPatient struct {
	ctx     *Context
	dialog  dialog.Dialog
	content *fyne.Container

	forenames, surname, dob, mobile, postcode *textBox
	sex                                       *widget.Select
	problems                                  map[string]*widget.Label
	summary                                   *widget.Label
	register, cancel                          *widget.Button

	dupDialog dialog.Dialog // the duplicate warning, while it is open
	busy      bool
	// chosen is told the patient to book: the one registered, or one
	// already on file chosen from the duplicate warning instead.
	chosen func(patients.PatientSummary)
	// back has the keyboard again when the dialog closes without a patient
	// (Cancel, Escape): the search it was opened from.
	back fyne.Focusable
	// onChange is told of each change and of the close, so the booking's
	// draft keeps what is typed here through a lock.
	onChange func()
	open     bool
}

// canRegisterPatients says whether the one signed in may add patients:
// the app checks again when they do.
func canRegisterPatients(c *app.Clinic) bool { return c.Can(app.PermEditPatients) }

// openNewPatient shows the small dialog, filled in from what was typed in
// the search ("Sarah Jones 12/03/1980").
func openNewPatient(ctx *Context, typed string, back fyne.Focusable, chosen func(patients.PatientSummary)) *calendarNewPatient {
	n := &calendarNewPatient{ctx: ctx, chosen: chosen, back: back, problems: map[string]*widget.Label{}}
	start := ctx.Clinic.PatientFromSearch(typed)
	box := func(text, placeholder string) *textBox {
		e := newTextBox()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		e.OnSubmitted = func(string) { n.onRegister() }
		e.OnChanged = func(string) { n.changed() }
		return e
	}
	n.forenames = box(start.Forenames, "")
	n.surname = box(start.Surname, "")
	n.dob = box(start.DOB.Short(), "dd/mm/yyyy")
	n.mobile = box(start.Phones.Mobile, "Optional: e.g. 07700 900123")
	n.postcode = box(start.Address.Postcode, "Optional")
	var sexes []string
	for _, o := range patients.Sexes {
		sexes = append(sexes, o.Label)
	}
	n.sex = widget.NewSelect(sexes, func(string) { n.changed() })
	n.sex.SetSelectedIndex(0)

	// Each field with its problem under it, as on the patient form.
	field := func(label, name string, o fyne.CanvasObject) *widget.FormItem {
		l := errorText()
		n.problems[name] = l
		return widget.NewFormItem(label, container.NewVBox(o, l))
	}
	form := widget.NewForm(
		field("Forenames", patients.FieldForenames, n.forenames),
		field("Surname", patients.FieldSurname, n.surname),
		field("Date of birth", patients.FieldDOB, n.dob),
		field("Sex", patients.FieldSex, n.sex),
		field("Mobile", patients.FieldMobile, n.mobile),
		field("Postcode", patients.FieldPostcode, n.postcode),
	)
	n.summary = errorText()
	intro := wrapped("The address, GP and the rest can go on their record after booking.")
	intro.Importance = widget.LowImportance
	n.content = container.NewVBox(intro, form, n.summary)
	// "Register", not "and book": the booking is still the booking
	// dialog's, with its warnings to read first.
	n.register = widget.NewButtonWithIcon("Register", theme.ConfirmIcon(), n.onRegister)
	n.register.Importance = widget.HighImportance
	n.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		n.close()
		if n.back != nil {
			ctx.Window.Canvas().Focus(n.back)
		}
	})
	d := dialog.NewCustomWithoutButtons("Register a new patient", n.content, ctx.Window)
	d.SetButtons([]fyne.CanvasObject{n.cancel, n.register})
	n.dialog = d
	fitDialog(n.dialog, n.content, 520)
	n.dialog.Show()
	n.open = true
	// The first box still empty has the cursor: with the name and date
	// typed already, that is the mobile.
	for _, e := range []*textBox{n.forenames, n.surname, n.dob, n.mobile} {
		if e.Text == "" {
			ctx.Window.Canvas().Focus(e)
			break
		}
	}
	return n
}

func (n *calendarNewPatient) close() {
	n.closeDuplicates()
	n.dialog.Hide()
	n.open = false
	n.changed()
}

func (n *calendarNewPatient) changed() {
	if n.onChange != nil {
		n.onChange()
	}
}

// kept is what the dialog holds, one field a line, while it is open (""
// once closed): the booking's draft keeps it through a lock.
func (n *calendarNewPatient) kept() string {
	if n == nil || !n.open {
		return ""
	}
	return strings.Join([]string{n.forenames.Text, n.surname.Text, n.dob.Text, n.sex.Selected, n.mobile.Text, n.postcode.Text}, "\n")
}

// putBack fills the dialog with what kept gave, as typing.
func (n *calendarNewPatient) putBack(kept string) {
	parts := strings.Split(kept, "\n")
	for i, e := range []*textBox{n.forenames, n.surname, n.dob, nil, n.mobile, n.postcode} {
		switch {
		case i >= len(parts):
		case e == nil:
			n.sex.SetSelected(parts[i])
		case e.Text != parts[i]:
			restoreTyped(&e.Entry, parts[i])
		}
	}
}

// read is the record the dialog holds, with the date of birth as typed
// for the clinic to read.
func (n *calendarNewPatient) read() (patients.Patient, app.PatientOptions) {
	p := patients.Patient{Forenames: n.forenames.Text, Surname: n.surname.Text}
	p.Sex = patients.Sexes[max(n.sex.SelectedIndex(), 0)].Code
	p.Phones.Mobile = n.mobile.Text
	p.Address.Postcode = n.postcode.Text
	return p, app.PatientOptions{Typed: &patients.TypedDates{DOB: n.dob.Text}}
}

// onRegister checks the record by the app's rules, looks for the same
// person already on file, then registers them.
func (n *calendarNewPatient) onRegister() {
	if n.busy {
		return
	}
	// The clinic judges the record; it reads nothing from the file, so it
	// is asked here, before the search for the same person, which (like
	// saving) takes the clinic's reading of it, the date of birth a date.
	p, problems := n.ctx.Clinic.CheckPatient(n.read())
	if problems != nil {
		n.refuse(problems)
		return
	}
	n.refuse(nil)
	c := n.ctx.Clinic
	n.setBusy(true)
	offUI(n.ctx, func() ([]patients.Duplicate, error) { return c.PossibleDuplicates(p) }, func(dups []patients.Duplicate, err error) {
		n.setBusy(false)
		switch {
		case err != nil:
			n.refuse(err)
		case len(dups) > 0:
			n.warnDuplicates(p, dups)
		default:
			n.create(p)
		}
	})
}

// create registers the patient and hands them to the booking.
func (n *calendarNewPatient) create(p patients.Patient) {
	c := n.ctx.Clinic
	n.setBusy(true)
	offUI(n.ctx, func() (patients.Patient, error) { return c.CreatePatient(p, app.PatientOptions{}) }, func(added patients.Patient, err error) {
		n.setBusy(false)
		if err != nil {
			n.refuse(err)
			return
		}
		n.close()
		n.chosen(added.Summary())
	})
}

// refuse shows what is wrong under each field, and anything else (no
// permission, the file) at the foot; nil clears them.
func (n *calendarNewPatient) refuse(err error) {
	for _, l := range n.problems {
		setMessage(l, "")
	}
	setMessage(n.summary, "")
	var fe patients.FieldErrors
	switch {
	case err == nil:
	case errors.As(err, &fe):
		var loose []string
		for _, e := range fe {
			if l, ok := n.problems[e.Field]; ok {
				setMessage(l, sentence(e.Message))
			} else {
				loose = append(loose, sentence(e.Message))
			}
		}
		setMessage(n.summary, strings.TrimSpace("Not registered yet: put right what is marked in red. "+strings.Join(loose, " ")))
	default:
		setMessage(n.summary, "Not registered: "+plainError(err))
	}
	fitDialog(n.dialog, n.content, 520)
}

func (n *calendarNewPatient) setBusy(busy bool) {
	n.busy = busy
	if busy {
		n.register.Disable()
	} else {
		n.register.Enable()
	}
}

// warnDuplicates says who on file may be the same person, and why, as the
// patient form does; here the choice is to book that person instead, or
// to register this one anyway.
func (n *calendarNewPatient) warnDuplicates(p patients.Patient, dups []patients.Duplicate) {
	content := duplicatesList(n.ctx.Clinic, p, dups, "Book this patient", func(found patients.Patient) {
		n.close()
		n.chosen(found.Summary())
	})
	d := dialog.NewCustomWithoutButtons("This may be someone already on file", content, n.ctx.Window)
	back := widget.NewButtonWithIcon("Back to the form", theme.CancelIcon(), func() {
		n.closeDuplicates()
		n.ctx.Window.Canvas().Focus(n.forenames) // the keyboard back in the form, not behind it
	})
	anyway := widget.NewButtonWithIcon("Register anyway", theme.ContentAddIcon(), func() {
		n.closeDuplicates()
		n.create(p)
	})
	anyway.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{back, anyway})
	n.dupDialog = d
	fitDialog(d, content, 600)
	d.Show()
}

func (n *calendarNewPatient) closeDuplicates() {
	if n.dupDialog != nil {
		n.dupDialog.Hide()
		n.dupDialog = nil
	}
}
