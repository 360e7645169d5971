package screens

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Letters opened for printing are plain PDFs in a private folder, emptied
// at start, lock, sign-out and close. Windows will not delete one still
// open in the PDF viewer: rather than leave patient letters behind in
// silence, the person at the desk is told which, and what to do.
//
// At close the window stays until the letters are gone or she chooses to
// close anyway: the Windows build has no console to write to, and a
// practice manager would rather the desk knew than find letters left on
// a shared PC. Closing anyway is allowed (the day has to end): the letters
// stay in a folder only her own account can open, and go at next start.

// lettersLeftNamed is how many letters a message names before "and N more".
const lettersLeftNamed = 4

// When the letters are left: what happens next differs.
type lettersWhen int

const (
	lettersAtDesk    lettersWhen = iota // start, lock, sign-out: it tries again later
	lettersAtClose                      // closing, with Try again on screen
	lettersAfterExit                    // the window has gone
)

// lettersLeftText says what a clear of the print folder left behind, and
// what to do about it.
func lettersLeftText(err error, when lettersWhen) string {
	var left *app.LettersLeft
	if !errors.As(err, &left) {
		return sentence("ClinicDesk could not check the folder of letters opened for printing, so some may still be on this computer: " + err.Error())
	}
	n := fmt.Sprintf("%d letters", len(left.Letters))
	if len(left.Letters) == 1 {
		n = "1 letter"
	}
	// One name a line: they are long, and alike but for the date.
	names := left.Letters
	if more := len(names) - lettersLeftNamed; more > 0 {
		names = append(names[:lettersLeftNamed:lettersLeftNamed], fmt.Sprintf("and %d more", more))
	}
	they, them := "they are", "them"
	if len(left.Letters) == 1 {
		they, them = "it is", "it"
	}
	why := "because " + they + " still open in another program (probably the PDF viewer)"
	if !left.StillOpen {
		why = "(the computer said: " + osReason(left.Err) + ")"
	}
	text := fmt.Sprintf("%s could not be deleted from this computer %s:\n• %s\n", n, why, strings.Join(names, "\n• "))
	switch {
	case when == lettersAfterExit:
		return text + "ClinicDesk will delete " + them + " when it next starts."
	case when == lettersAtClose && left.StillOpen:
		return text + "Close the PDF viewer, then press Try again."
	case when == lettersAtClose:
		return text + "Press Try again, or ask whoever looks after this computer."
	case left.StillOpen:
		return text + "Close the PDF viewer; ClinicDesk will try again when it locks or closes."
	}
	return text + "ClinicDesk will try again when it locks or closes; if that does not work, ask whoever looks after this computer."
}

// osReason is the system's own words for why a file could not be deleted,
// without the operation and path around them.
func osReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// tellLettersLeft shows, over whatever screen is up, what a clear at start,
// lock or sign-out could not delete. Nothing if it left nothing.
func (u *UI) tellLettersLeft(err error) {
	if err == nil {
		return
	}
	text := lettersLeftText(err, lettersAtDesk)
	content := container.NewVBox(wrapped(text))
	d := dialog.NewCustom("Letters still on this computer", "OK", content, u.win)
	fitDialog(d, content, 520)
	d.Show()
}

// closeWhenLettersGone closes the window if the print folder was emptied
// (err is what the last clear returned); if not, it says which letters are
// left and offers to try again or to close anyway.
func (u *UI) closeWhenLettersGone(err error) {
	if err == nil {
		u.win.Close()
		return
	}
	text := lettersLeftText(err, lettersAtClose)
	title, they, them := "Letters are still on this computer", "they stay", "them"
	if left := (*app.LettersLeft)(nil); errors.As(err, &left) && len(left.Letters) == 1 {
		title, they, them = "A letter is still on this computer", "it stays", "it"
	}
	again := widget.NewButton("Try again", nil)
	again.Importance = widget.HighImportance
	anyway := widget.NewButton("Close anyway", u.win.Close)
	u.win.SetCloseIntercept(u.win.Close) // the window's own close button: close anyway
	again.OnTapped = func() {
		again.Disable()
		anyway.Disable()
		var left error
		u.async(func() error { left = app.ClearPrintFolderPatiently(); return nil }, func(error) {
			u.closeWhenLettersGone(left)
		})
	}
	u.setContent(doorCentred(container.NewVBox(
		pageTitle(title),
		wrapped(text),
		wrapped("If you close ClinicDesk anyway, "+they+" in a folder that only your own account on this computer can open, and ClinicDesk deletes "+them+" when it next starts."),
		container.NewHBox(layout.NewSpacer(), anyway, again),
	), 560))
}

// writeLettersLeft is the last word after the window has gone (a clear
// that still failed): only a console can show it.
func writeLettersLeft(w io.Writer, err error) {
	if err != nil {
		fmt.Fprintln(w, "ClinicDesk:", lettersLeftText(err, lettersAfterExit))
	}
}

// openToPrint writes a PDF into the print folder and hands it to the
// system's viewer off the UI goroutine, so a slow viewer never freezes the
// window. done runs on the UI goroutine with nil once the viewer is
// starting, or with what went wrong; and again if the opener fails later.
func openToPrint(ctx *Context, name string, pdf []byte, done func(error)) {
	later := func(err error) {
		offUI(ctx, func() (struct{}, error) { return struct{}{}, err }, func(_ struct{}, err error) { done(err) })
	}
	offUI(ctx, func() (string, error) { return app.OpenPDF(name, pdf, later) }, func(_ string, err error) { done(err) })
}
