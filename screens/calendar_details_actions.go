package screens

import (
	"errors"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// appointmentActions is the appointment dialog's printing: the slip, a
// letter about the appointment, and once the patient did not attend, the
// letter the DNA policy proposes, named for it ("Print the second DNA
// letter"). Each is logged on the patient's timeline by the app, which
// also checks the permission; the row is hidden from those without it.
type appointmentActions struct {
	ctx   *Context
	row   *fyne.Container // a plain container: Fyne draws only its own containers' children
	entry schedule.DiaryEntry

	slip, letter, dna *widget.Button
	openRecord        *widget.Button   // offered when a letter needs the record changed first
	dnaStep           schedule.DNAStep // the letter dna makes; "" while none is proposed

	// problem says in the dialog what went wrong, and changed re-fits it
	// when a button comes or goes.
	problem func(string)
	changed func()
}

// newAppointmentActions builds the row for e.
func newAppointmentActions(ctx *Context, e schedule.DiaryEntry, problem func(string), changed func()) *appointmentActions {
	a := &appointmentActions{ctx: ctx, row: container.NewHBox(), entry: e, problem: problem, changed: changed}
	if !ctx.Clinic.Can(app.PermPrintLetters) {
		a.row.Hide()
		return a
	}
	a.slip = widget.NewButtonWithIcon("Print slip", theme.DocumentPrintIcon(), func() { printSlip(ctx, a.entry.ID) })
	a.letter = widget.NewButtonWithIcon("Letter…", theme.MailComposeIcon(), a.writeLetter)
	a.dna = widget.NewButtonWithIcon("", theme.MailSendIcon(), a.printDNALetter)
	a.dna.Importance = widget.HighImportance // the next thing to do after a DNA
	a.dna.Hide()
	a.row.Objects = []fyne.CanvasObject{a.slip, a.letter, a.dna}
	a.showFor(e, "")
	if e.Status == schedule.StatusDNA {
		a.askDNAStep()
	}
	return a
}

// showFor follows the appointment's status; step is the DNA letter the
// policy proposes, as SetStatus said it ("" when not known or none).
func (a *appointmentActions) showFor(e schedule.DiaryEntry, step schedule.DNAStep) {
	a.entry = e
	if a.slip == nil {
		return
	}
	// A slip tells the patient when to come: one for an appointment that
	// is cancelled, missed or over would mislead them.
	if e.Status == schedule.StatusBooked || e.Status == schedule.StatusArrived {
		a.slip.Show()
	} else {
		a.slip.Hide()
	}
	if e.Status != schedule.StatusDNA {
		step = ""
	}
	a.dnaStep = step
	if step == "" {
		a.dna.Hide()
	} else {
		a.dna.SetText(dnaLetterButton(step))
		a.dna.Show()
	}
	a.row.Refresh()
}

// askDNAStep finds the letter the policy proposes for an appointment
// already marked DNA when the dialog opens.
func (a *appointmentActions) askDNAStep() {
	id := a.entry.ID
	offUI(a.ctx, func() (string, error) { return a.ctx.Clinic.DNALetterFor(id) }, func(step string, err error) {
		if err != nil || a.entry.ID != id || a.entry.Status != schedule.StatusDNA {
			return // no button: the letter can still be written with Letter…
		}
		a.showFor(a.entry, schedule.DNAStep(step))
		if a.changed != nil {
			a.changed()
		}
	})
}

// dnaLetterButton is "Print the second DNA letter".
func dnaLetterButton(step schedule.DNAStep) string { return "Print the " + dnaLetterName(step) }

// writeLetter opens the letter dialog for this patient and appointment;
// after a cancellation it starts on the cancellation letter, the one a
// cancelled appointment most often needs.
func (a *appointmentActions) writeLetter() {
	template := ""
	if a.entry.Status.Cancelled() {
		template = "appointment_cancelled"
	}
	openLetterDialog(a.ctx, a.entry.PatientID, template, a.entry.ID)
}

// printDNALetter makes the proposed DNA letter about this appointment and
// offers it to open or save; the app logs it on the timeline.
func (a *appointmentActions) printDNALetter() {
	step := a.dnaStep
	if step == "" {
		return
	}
	req := app.LetterRequest{Template: string(step), PatientID: a.entry.PatientID, AppointmentID: a.entry.ID}
	title := "The " + dnaLetterName(step)
	inBackground(a.ctx, "Making the letter…", func() (app.LetterResult, error) {
		return a.ctx.Clinic.RenderLetter(req)
	}, func(res app.LetterResult, err error) {
		if err != nil {
			if a.problem != nil {
				a.problem(title + " was not made: " + plainError(err))
			}
			if errors.Is(err, app.ErrNoParentCarer) {
				a.offerRecord()
			}
			return
		}
		showPDF(a.ctx, madePDF{Title: title, PDF: res.PDF, FileName: res.FileName, Warnings: res.Warnings})
	})
}
