package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/letters"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noAppointment is the appointment choice of a letter about none.
const noAppointment = "No appointment"

// letterDialog writes one letter to a patient (or their GP) from a
// template: the template, the appointment it is about, and for the
// general letter its subject and text.
type letterDialog struct {
	ctx       *Context
	patientID string

	templates    []letters.ClinicTemplate
	appointments []schedule.DiaryEntry

	template    *widget.Select
	appointment *widget.Select
	subject     *textBox
	text        *textBox
	general     *fyne.Container
	message     *widget.Label
	makeButton  *widget.Button
	dialog      dialog.Dialog
	draft       *formDraft // the general letter's subject and text, kept through a lock
}

// letterPlacePrefix starts where a letter being written to a patient is
// kept: one per patient.
const letterPlacePrefix = "letter "

// openLetterDialog starts a letter to the patient; template and
// appointmentID preselect them when set (the DNA letter after a DNA).
func openLetterDialog(ctx *Context, patientID, template, appointmentID string) *letterDialog {
	d := &letterDialog{ctx: ctx, patientID: patientID}
	c := ctx.Clinic
	var err error
	// The templates are a dozen rows: read on the UI goroutine, since the
	// dialog is handed back to its caller ready.
	if d.templates, err = c.LetterTemplates(); err != nil {
		ctx.ShowError(err)
		return nil
	}
	// One patient's appointments are few and indexed: read here, on the UI
	// goroutine, as the dialog opens. A letter about no appointment still
	// works without them, so a failure is said, not a refusal.
	var apptErr error
	if c.Can(app.PermViewCalendar) {
		d.appointments, apptErr = c.PatientAppointments(patientID)
	}
	var titles []string
	for _, t := range d.templates {
		titles = append(titles, t.Title)
	}
	d.template = widget.NewSelect(titles, func(string) { d.showGeneral() })
	apptLabels := []string{noAppointment}
	for i := len(d.appointments) - 1; i >= 0; i-- { // newest first
		apptLabels = append(apptLabels, appointmentChoice(d.appointments[i]))
	}
	d.appointment = widget.NewSelect(apptLabels, nil)
	d.appointment.SetSelectedIndex(0)
	d.subject = newTextBox()
	d.subject.SetPlaceHolder("Subject, e.g. Your exercise plan")
	d.text = newTextArea()
	d.text.SetMinRowsVisible(6)
	d.text.SetPlaceHolder("The letter's text. A blank line starts a new paragraph.")
	d.general = container.NewVBox(d.subject, d.text)
	d.message = note()
	if apptErr != nil {
		say(d.message, widget.WarningImportance, "The patient's appointments could not be read, so the letter cannot name one: "+plainError(apptErr))
	}
	d.makeButton = widget.NewButtonWithIcon("Make the letter", theme.DocumentCreateIcon(), d.makeLetter)
	d.makeButton.Importance = widget.HighImportance
	for i, t := range d.templates {
		if t.Name == template {
			d.template.SetSelectedIndex(i)
		}
	}
	for i, e := range d.appointments {
		if e.ID == appointmentID {
			d.appointment.SetSelectedIndex(len(d.appointments) - i)
		}
	}
	if d.template.SelectedIndex() < 0 {
		d.template.SetSelectedIndex(0)
	}
	d.showGeneral()
	d.keepTyping()
	content := container.NewVBox(
		widget.NewForm(widget.NewFormItem("Letter", d.template), widget.NewFormItem("About", d.appointment)),
		d.general, d.message,
		container.NewHBox(layout.NewSpacer(), widget.NewButton("Close", func() { d.draft.done(); d.dialog.Hide() }), d.makeButton))
	d.dialog = dialog.NewCustomWithoutButtons("Write a letter", content, ctx.Window)
	fitDialog(d.dialog, content, 640)
	d.dialog.Show()
	return d
}

// keepTyping keeps the general letter's subject and text (and the letter
// chosen) through a lock, and puts back what was kept for this patient:
// typing a letter is slow work to lose. Close is on purpose (Escape asks
// first when there is typing, dialog_keys.go), so it forgets them.
func (d *letterDialog) keepTyping() {
	name := " to a patient"
	if len(d.appointments) > 0 && d.appointments[0].PatientName != "" {
		name = " to " + d.appointments[0].PatientName // read already, and not another audited view
	}
	fd := newFormDraft(d.ctx, letterPlacePrefix+d.patientID, patientsModuleID, func() string { return "a letter" + name })
	// Only the general letter has typing; the choices ride along with it.
	fd.field("template", func() string { return d.template.Selected }, d.template.SetSelected)
	fd.field("about", func() string { return d.appointment.Selected }, d.appointment.SetSelected)
	fd.entry("subject", &d.subject.Entry)
	fd.entry("text", &d.text.Entry)
	d.draft = fd
	fd.typed = "the letter you were writing"
	if restored := fd.begin(); restored != "" {
		say(d.message, widget.WarningImportance, restored)
	}
}

// appointmentChoice is "Tue 24/11/2026 09:30 · Follow-up with Dr Siân Evans".
func appointmentChoice(e schedule.DiaryEntry) string {
	s := fmt.Sprintf("%s %s · %s with %s", e.Date.Format(ukcal.LayoutShortWithDay), schedule.Clock(e.StartMin), e.TypeName, e.ClinicianName)
	if e.Status.Cancelled() || e.Status == schedule.StatusDNA {
		s += " (" + e.Status.Label() + ")"
	}
	return s
}

// chosenTemplate is the template selected.
func (d *letterDialog) chosenTemplate() letters.ClinicTemplate {
	i := d.template.SelectedIndex()
	if i < 0 {
		return letters.ClinicTemplate{}
	}
	return d.templates[i]
}

// showGeneral shows the subject and text only for the general letter.
func (d *letterDialog) showGeneral() {
	if d.general == nil {
		return
	}
	if d.chosenTemplate().Name == "general" {
		d.general.Show()
	} else {
		d.general.Hide()
	}
}

// makeLetter writes the letter off the UI goroutine and offers it.
func (d *letterDialog) makeLetter() {
	req := app.LetterRequest{Template: d.chosenTemplate().Name, PatientID: d.patientID}
	if i := d.appointment.SelectedIndex(); i > 0 {
		req.AppointmentID = d.appointments[len(d.appointments)-i].ID
	}
	if req.Template == "general" {
		req.Text = app.LetterText{Subject: d.subject.Text, Body: d.text.Text}
	}
	title := d.chosenTemplate().Title
	inBackground(d.ctx, "Making the letter…", func() (app.LetterResult, error) {
		return d.ctx.Clinic.RenderLetter(req)
	}, func(res app.LetterResult, err error) {
		if err != nil {
			say(d.message, widget.DangerImportance, plainError(err))
			return
		}
		d.draft.done() // the letter is made and logged: the typing is in it
		d.dialog.Hide()
		showPDF(d.ctx, madePDF{Title: title, PDF: res.PDF, FileName: res.FileName, Warnings: res.Warnings})
	})
}

// printAgain makes a logged letter or slip again, from the timeline.
func printAgain(ctx *Context, letterID string) {
	inBackground(ctx, "Making the copy…", func() (app.Reprint, error) {
		return ctx.Clinic.PrintAgain(letterID)
	}, func(r app.Reprint, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		ws := r.Warnings
		if !r.Identical {
			ws = append(ws, "This copy is not byte for byte the one first printed (the clinic's logo has changed since, or it was printed on a sheet of slips); the wording is the same.")
		}
		showPDF(ctx, madePDF{Title: "The copy", PDF: r.PDF, FileName: r.FileName, Warnings: ws})
	})
}

// printSlip makes the appointment slip for one appointment.
func printSlip(ctx *Context, appointmentID string) {
	inBackground(ctx, "Making the slip…", func() (app.SlipResult, error) {
		return ctx.Clinic.AppointmentSlip(appointmentID)
	}, func(r app.SlipResult, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		showPDF(ctx, madePDF{Title: "The appointment slip", PDF: r.PDF, FileName: r.FileName, Warnings: r.Warnings})
	})
}

// printDayLists makes every clinician's day list for the day, in one PDF.
func printDayLists(ctx *Context, day ukcal.Date) {
	inBackground(ctx, "Making the day lists…", func() (app.SlipResult, error) {
		return ctx.Clinic.DayLists(day)
	}, func(r app.SlipResult, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		showPDF(ctx, madePDF{Title: "The day lists", PDF: r.PDF, FileName: r.FileName, Warnings: r.Warnings})
	})
}

// printDaySlips makes the day's appointment slips, ten to a sheet.
func printDaySlips(ctx *Context, day ukcal.Date) {
	inBackground(ctx, "Making the slips…", func() (app.SlipResult, error) {
		return ctx.Clinic.DaySlips(day)
	}, func(r app.SlipResult, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		showPDF(ctx, madePDF{Title: "The day's slips", PDF: r.PDF, FileName: r.FileName, Warnings: r.Warnings})
	})
}
