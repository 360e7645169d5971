package screens

import (
	"context"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reminderBatch is the dialog that prints a day's reminder letters: the
// day, then a progress bar with Cancel while the letters are made off the
// UI goroutine, then the usual Open or Save.
type reminderBatch struct {
	ctx *Context

	date         *textBox
	progress     *widget.ProgressBar
	startButton  *widget.Button
	cancelButton *widget.Button
	message      *widget.Label
	dialog       dialog.Dialog

	cancel context.CancelFunc // set while a batch runs
}

// openReminderBatch asks for the day (tomorrow unless given) and makes its
// reminder letters.
func openReminderBatch(ctx *Context, day ukcal.Date) *reminderBatch {
	b := &reminderBatch{ctx: ctx}
	b.date = newTextBox()
	b.date.SetText(day.Short())
	b.date.OnSubmitted = func(string) { b.start() }
	b.progress = widget.NewProgressBar()
	b.progress.Hide()
	b.message = note()
	b.startButton = widget.NewButtonWithIcon("Make the reminders", theme.DocumentCreateIcon(), b.start)
	b.startButton.Importance = widget.HighImportance
	b.cancelButton = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), b.stop)
	content := container.NewVBox(
		wrapped("A reminder letter for every appointment still booked on the day, in one PDF to print together."),
		widget.NewForm(widget.NewFormItem("Day (dd/mm/yyyy)", b.date)),
		b.progress, b.message,
		container.NewHBox(layout.NewSpacer(), b.cancelButton, b.startButton))
	b.dialog = dialog.NewCustomWithoutButtons("Reminder letters", content, ctx.Window)
	fitDialog(b.dialog, content, 520)
	b.dialog.Show()
	return b
}

// start makes the letters off the UI goroutine, moving the bar as each is
// drawn.
func (b *reminderBatch) start() {
	day, err := parseUKDate(b.date.Text)
	if err != nil {
		say(b.message, widget.DangerImportance, "Write the day as dd/mm/yyyy, e.g. 24/11/2026.")
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	b.startButton.Disable()
	b.date.Disable()
	b.progress.SetValue(0)
	b.progress.Show()
	say(b.message, widget.MediumImportance, "Making the letters…")
	c := b.ctx.Clinic
	offUI(b.ctx, func() (app.BatchResult, error) {
		return c.ReminderLetters(ctx, day, func(done, total int) {
			fyne.Do(func() { b.progress.SetValue(float64(done) / float64(total)) })
		})
	}, b.finished)
}

// finished shows what was made, or why not.
func (b *reminderBatch) finished(res app.BatchResult, err error) {
	b.cancel = nil
	b.startButton.Enable()
	b.date.Enable()
	b.progress.Hide()
	if err != nil {
		if err == context.Canceled {
			say(b.message, widget.WarningImportance, "Stopped: no letters were made or logged.")
			return
		}
		say(b.message, widget.DangerImportance, plainError(err))
		return
	}
	say(b.message, widget.MediumImportance, "")
	b.dialog.Hide()
	ws := res.Warnings
	if len(res.Skipped) > 0 {
		ws = append(ws, fmt.Sprintf("%d letters could not be made: %s", len(res.Skipped), strings.Join(res.Skipped, "; ")))
	}
	showPDF(b.ctx, madePDF{Title: fmt.Sprintf("%d reminder letters", res.Letters), PDF: res.PDF, FileName: res.FileName, Warnings: ws})
}

// stop cancels a running batch, or closes the dialog.
func (b *reminderBatch) stop() {
	if b.cancel != nil {
		b.cancel()
		return
	}
	b.dialog.Hide()
}
