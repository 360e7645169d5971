package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The few controls other screens place to reach letters: each is one call
// in the other screen, so letters can change without touching it.

// letterButton is "Write a letter…" for the patient record's header,
// hidden from those who may not print letters.
func letterButton(ctx *Context, patientID string) *widget.Button {
	b := widget.NewButtonWithIcon("Write a letter…", theme.MailComposeIcon(), func() { openLetterDialog(ctx, patientID, "", "") })
	if !ctx.Clinic.Can(app.PermPrintLetters) {
		b.Hide()
	}
	return b
}

// withPrintAgain adds "Print again" beside a timeline row that is a
// letter or slip; other rows come back as they are.
func withPrintAgain(ctx *Context, e app.TimelineEntry, row fyne.CanvasObject) fyne.CanvasObject {
	if e.LetterID == "" || !ctx.Clinic.Can(app.PermPrintLetters) {
		return row
	}
	again := widget.NewButtonWithIcon("Print again", theme.DocumentPrintIcon(), func() { printAgain(ctx, e.LetterID) })
	again.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(again), row)
}

// appointmentLetters is the appointment dialog's printing: its slip, a
// letter about it, and once the patient did not attend, the letter the
// DNA policy calls for. Never after a cancellation: a cancelled
// appointment was not missed.
type appointmentLetters struct {
	*fyne.Container
	entry app.DiaryEntry
	dna   *widget.Button
}

// appointmentLetterRow builds the row for e; it is empty for those who may
// not print letters.
func appointmentLetterRow(ctx *Context, e app.DiaryEntry) *appointmentLetters {
	r := &appointmentLetters{Container: container.NewHBox(), entry: e}
	if !ctx.Clinic.Can(app.PermPrintLetters) {
		return r
	}
	slip := widget.NewButtonWithIcon("Print slip", theme.DocumentPrintIcon(), func() { printSlip(ctx, r.entry.ID) })
	letter := widget.NewButtonWithIcon("Letter…", theme.MailComposeIcon(), func() { openLetterDialog(ctx, r.entry.PatientID, "", r.entry.ID) })
	r.dna = widget.NewButtonWithIcon("Print the did-not-attend letter", theme.MailSendIcon(), func() { printDNALetter(ctx, r.entry) })
	r.Container.Objects = []fyne.CanvasObject{slip, letter, r.dna}
	r.showFor(e)
	return r
}

// showFor follows the appointment's status after a change in the dialog.
func (r *appointmentLetters) showFor(e app.DiaryEntry) {
	r.entry = e
	if r.dna == nil {
		return
	}
	if e.Status == app.StatusDNA {
		r.dna.Show()
	} else {
		r.dna.Hide()
	}
}

// printDNALetter opens the letter the DNA policy calls for, chosen and
// about the missed appointment, ready to make.
func printDNALetter(ctx *Context, e app.DiaryEntry) {
	template, err := ctx.Clinic.DNALetterFor(e.ID)
	if err != nil {
		ctx.ShowError(err)
		return
	}
	openLetterDialog(ctx, e.PatientID, template, e.ID)
}
