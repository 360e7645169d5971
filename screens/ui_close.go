package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// onCloseButton is the window's close button: it asks like File › Quit
// when anything typed is unsaved.
func (u *UI) onCloseButton() {
	if u.state == uiMain && u.shell != nil {
		u.shell.onQuit()
		return
	}
	u.requestClose()
}

// requestClose runs when the window is closed (or Quit chosen): the clinic
// file is closed off the UI goroutine, since the automatic backup can take
// a moment, and then the window goes.
func (u *UI) requestClose() {
	if u.state == uiClosing {
		return
	}
	u.rememberWindowSize()
	if u.state == uiSetup && u.setup != nil && u.setup.creating() {
		u.setup.closeWhenDone = true // close once the file is whole
		return
	}
	if u.clinic == nil {
		u.state = uiClosing
		u.win.Close()
		return
	}
	if u.state == uiMain {
		u.leaveMain()
	}
	typingDrafts.forgetClinic(u.clinic) // drafts live in memory only, and not past the app
	u.dismissOverlays()
	u.state = uiClosing
	u.win.SetMainMenu(nil)
	bar := widget.NewProgressBarInfinite()
	u.setContent(doorCentred(container.NewVBox(
		pageTitle("Closing ClinicDesk…"),
		wrapped("Saving and closing the clinic file. If automatic backups are set up, a backup is being made now."),
		bar,
	), 520))
	var left error // letters opened for printing that could not be deleted
	u.async(func() error { err := u.closeClinic(); left = app.ClearPrintFolderPatiently(); return err }, func(err error) {
		bar.Stop()
		if err == nil {
			u.closeWhenLettersGone(left)
			return
		}
		closeBtn := widget.NewButton("Close", func() { u.closeWhenLettersGone(app.ClearPrintFolder()) })
		closeBtn.Importance = widget.HighImportance
		u.setContent(doorCentred(container.NewVBox(
			pageTitle("The clinic file is closed safely"),
			wrapped("But the automatic backup did not work: "+sentence(err.Error())),
			wrapped("Make a backup from Settings the next time you open ClinicDesk."),
			container.NewHBox(layout.NewSpacer(), closeBtn),
		), 520))
	})
}

// closeClinic closes the clinic file once, whoever asks first; a second
// caller waits until the first has finished.
func (u *UI) closeClinic() error {
	u.closeOnce.Do(func() {
		close(u.closing)
		if u.clinic != nil {
			u.closeErr = u.clinic.Close()
		}
	})
	return u.closeErr
}
