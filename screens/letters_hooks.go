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
