package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// warnings are the lines under the top bar that stay until their cause is
// mended: a full disk (everyone: saves will fail), a clinic file in a
// folder a sync program copies (everyone), a damaged keyring or
// write-ahead log (managers, who can mend it).
func (sh *shellScreen) warnings() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	c := sh.ui.clinic
	if c.DiskFull() {
		out = append(out, warningLine(theme.WarningIcon(),
			"The disk that holds the clinic file is full: nothing new can be saved until space is freed. "+
				"Everything saved before is safe. A practice manager can make a backup to another disk now: Back up now, on the Backups tab of Settings."))
	}
	if w := c.SyncFolderWarning(); w != "" { // everyone: it is their records at risk
		out = append(out, warningLine(theme.WarningIcon(), w))
	}
	if c.Can(app.PermSecurity) {
		for _, err := range []error{c.KeyringProblem(), c.WALProblem()} {
			if err != nil {
				out = append(out, warningLine(theme.ErrorIcon(), plainError(err)))
			}
		}
	}
	return out
}

func warningLine(icon fyne.Resource, text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}
