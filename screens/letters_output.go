package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// madePDF is a letter, slip or list made and ready to print.
type madePDF struct {
	Title    string // "Appointment reminder"
	PDF      []byte
	FileName string
	Warnings []string
}

// pdfOutput is the dialog that follows making a PDF: what to check before
// sending it, then Open (the system viewer prints it: Fyne has no print
// API) or Save wherever the user chooses.
type pdfOutput struct {
	ctx     *Context
	made    madePDF
	dialog  dialog.Dialog
	message *widget.Label
}

// showPDF offers a made PDF for opening or saving.
func showPDF(ctx *Context, made madePDF) *pdfOutput {
	o := &pdfOutput{ctx: ctx, made: made, message: note()}
	content := container.NewVBox(wrapped(made.Title + " is ready. Open it to print it, or save it."))
	for _, w := range made.Warnings {
		l := wrapped("Check before sending: " + w)
		l.Importance = widget.WarningImportance
		content.Add(l)
	}
	openButton := widget.NewButtonWithIcon("Open to print", theme.DocumentPrintIcon(), o.open)
	openButton.Importance = widget.HighImportance
	saveButton := widget.NewButtonWithIcon("Save…", theme.DocumentSaveIcon(), o.save)
	closeButton := widget.NewButton("Close", func() { o.dialog.Hide() })
	content.Add(o.message)
	content.Add(container.NewHBox(openButton, saveButton, layout.NewSpacer(), closeButton))
	o.dialog = dialog.NewCustomWithoutButtons(made.Title, content, ctx.Window)
	fitDialog(o.dialog, content, 560)
	o.dialog.Show()
	return o
}

// open writes the PDF into the private print folder (emptied on lock and
// exit) and opens the system viewer.
func (o *pdfOutput) open() {
	say(o.message, widget.MediumImportance, "Opening in your PDF viewer…")
	openToPrint(o.ctx, o.made.FileName, o.made.PDF, func(err error) {
		if err != nil {
			say(o.message, widget.DangerImportance, plainError(err))
			return
		}
		say(o.message, widget.SuccessImportance, "Opened in your PDF viewer: print it from there.")
	})
}

// save asks where to keep the PDF.
func (o *pdfOutput) save() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			o.ctx.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		defer w.Close()
		if _, err := w.Write(o.made.PDF); err != nil {
			o.ctx.ShowError(err)
			return
		}
		say(o.message, widget.SuccessImportance, "Saved as "+w.URI().Name()+".")
	}, o.ctx.Window)
	d.SetFileName(o.made.FileName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	showFileDialog(d, o.ctx.Window)
}
