package screens

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// securityTab is Settings → Security: the idle lock, the recovery key and
// re-encrypting the clinic file.
type securityTab struct {
	ctx *Context

	idleMinutes *widget.Entry
	idleSave    *widget.Button
	idleStatus  *widget.Label

	recoveryButton *widget.Button
	recoveryStatus *widget.Label
	sheetStatus    *widget.Label // whether the current key's sheet was saved
	recoveryKey    string        // the key just made, until its dialog closes
	keyDialog      dialog.Dialog

	rotateButton *widget.Button
	rotateStatus *widget.Label
}

func newSecurityTab(ctx *Context) *securityTab {
	return &securityTab{ctx: ctx}
}

func (t *securityTab) build() fyne.CanvasObject {
	t.idleMinutes = widget.NewEntry()
	t.idleMinutes.SetText(strconv.Itoa(int(t.ctx.Clinic.IdleLock() / time.Minute)))
	t.idleMinutes.OnSubmitted = func(string) { t.saveIdleLock() }
	t.idleSave = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), t.saveIdleLock)
	t.idleStatus = note()
	idle := widget.NewCard("Lock when nobody is using it", "",
		container.NewVBox(
			wrapped("ClinicDesk hides everything and asks for a password again when nobody has touched it for this long. "+
				"Anyone can lock it at once with Ctrl+L."),
			container.NewHBox(widget.NewLabel("Lock after"), sized(t.idleMinutes, 80), widget.NewLabel("minutes (1 to 60)"), t.idleSave),
			t.idleStatus))

	t.recoveryButton = widget.NewButtonWithIcon("Make a new recovery key…", theme.ViewRefreshIcon(), t.confirmRecoveryKey)
	t.recoveryStatus = note()
	t.sheetStatus = note()
	recovery := widget.NewCard("Recovery key", "",
		container.NewVBox(
			wrapped("The recovery key on the Emergency recovery sheet opens the clinic file if every manager's password is forgotten. "+
				"Make a new one if the sheet is lost or someone who should not have it may have seen it: the old sheet then stops working."),
			t.sheetStatus,
			container.NewHBox(t.recoveryButton),
			t.recoveryStatus))
	t.showSheetStatus()

	t.rotateButton = widget.NewButtonWithIcon("Re-encrypt the clinic file with a new key…", theme.VisibilityOffIcon(), t.confirmRotate)
	t.rotateStatus = note()
	rotate := widget.NewCard("Encryption key", "",
		container.NewVBox(
			wrapped("Use this if a backup or a copy of the clinic's files may be in the wrong hands (a lost USB stick, "+
				"a member of staff who left on bad terms): the clinic file and later backups then need the new key, and nobody's password changes."),
			container.NewHBox(t.rotateButton),
			t.rotateStatus))

	return newFocusScroll(container.NewPadded(limitWidth(container.NewVBox(idle, recovery, rotate), 760)))
}

// sized gives o a minimum width (an entry for a number need not be wide).
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// saveIdleLock sets how long ClinicDesk waits before locking.
func (t *securityTab) saveIdleLock() {
	m, err := strconv.Atoi(strings.TrimSpace(t.idleMinutes.Text))
	if err != nil {
		say(t.idleStatus, widget.DangerImportance, "Type a whole number of minutes, from 1 to 60.")
		return
	}
	if err := t.ctx.Clinic.SetIdleLock(time.Duration(m) * time.Minute); err != nil {
		say(t.idleStatus, widget.DangerImportance, plainError(err))
		return
	}
	say(t.idleStatus, widget.SuccessImportance, fmt.Sprintf("Saved: ClinicDesk now locks after %s without use.", plural(int64(m), "minute", "minutes")))
}

// confirmRecoveryKey asks before replacing the recovery key.
func (t *securityTab) confirmRecoveryKey() {
	d := dialog.NewConfirm("Make a new recovery key?",
		"The current recovery key, and any Emergency recovery sheet printed with it, will stop working. "+
			"The new key is shown once: have a printer ready or somewhere safe to save the new sheet.",
		func(ok bool) {
			if ok {
				t.makeRecoveryKey()
			}
		}, t.ctx.Window)
	d.SetConfirmText("Make a new key")
	d.SetDismissText("Cancel")
	d.Show()
}

// makeRecoveryKey replaces the recovery key (sealing the key is slow on
// purpose, so off the UI goroutine) and shows the new one.
func (t *securityTab) makeRecoveryKey() {
	inBackground(t.ctx, "Making a new recovery key…",
		t.ctx.Clinic.NewRecoveryKey,
		func(key string, err error) {
			if err != nil {
				say(t.recoveryStatus, widget.DangerImportance, "No new recovery key was made: "+plainError(err))
				return
			}
			t.recoveryKey = key
			t.showSheetStatus()
			say(t.recoveryStatus, widget.SuccessImportance, fmt.Sprintf("A new recovery key was made %s. Earlier Emergency recovery sheets no longer work: destroy them.",
				whenSaid(wallClock(), wallClock())))
			t.showRecoveryKey(key)
		})
}

// showRecoveryKey shows the new key once, large, with a way to save the
// Emergency recovery sheet.
func (t *securityTab) showRecoveryKey(key string) {
	text := canvas.NewText(key, theme.Color(theme.ColorNameForeground))
	text.TextStyle = fyne.TextStyle{Monospace: true}
	text.TextSize = 24
	text.Alignment = fyne.TextAlignCenter
	save := widget.NewButtonWithIcon("Save the Emergency recovery sheet (PDF)…", theme.DocumentSaveIcon(), t.chooseRecoverySheet)
	save.Importance = widget.HighImportance
	content := container.NewVBox(
		wrapped("This is the clinic's new recovery key. It is shown only this once. Save the Emergency recovery sheet "+
			"and print it, or write the key down exactly, and lock it away from the computer."),
		container.NewPadded(text),
		container.NewCenter(save),
	)
	d := dialog.NewCustom("New recovery key", "I have kept it safe", content, t.ctx.Window)
	d.SetOnClosed(func() { t.recoveryKey = ""; t.keyDialog = nil })
	fitDialog(d, content, fyne.Max(text.MinSize().Width+120, 600))
	t.keyDialog = d
	d.Show()
}

// chooseRecoverySheet asks where to save the sheet.
func (t *securityTab) chooseRecoverySheet() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		// A PDF written to a file: off the UI goroutine, behind a dialog.
		key, path := t.recoveryKey, w.URI().Path()
		inBackground(t.ctx, "Saving the Emergency recovery sheet…", func() (error, error) {
			err := writeRecoverySheet(t.ctx.Clinic, w, key)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return nil, err
			}
			// Recorded, so nobody is told at sign-in that it never was.
			return t.ctx.Clinic.MarkRecoverySheetSaved(), nil
		}, func(markErr, err error) {
			if err != nil {
				t.ctx.ShowError(fmt.Errorf("the Emergency recovery sheet could not be saved: %w", err))
				return
			}
			msg := "The Emergency recovery sheet is saved as " + path +
				". Print it, then delete the file: the paper copy, locked away, is the one to keep."
			if markErr != nil {
				msg += "\n\nClinicDesk could not note that it was saved (" + plainError(markErr) + "), so it will remind you at sign-in."
			}
			t.showSheetStatus()
			dialog.ShowInformation("Sheet saved", msg, t.ctx.Window)
		})
	}, t.ctx.Window)
	d.SetTitleText("Save the Emergency recovery sheet (PDF) as…")
	d.SetFileName("Emergency recovery sheet.pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	showFileDialog(d, t.ctx.Window)
}

// writeRecoverySheet writes the Emergency recovery sheet for key as a PDF.
func writeRecoverySheet(c *app.Clinic, w io.Writer, key string) error {
	return c.WriteRecoverySheet(w, key, nowInClinic())
}

// showSheetStatus says whether the current key's sheet was ever saved (an
// indexed look at the audit trail, quick enough for the UI goroutine).
func (t *securityTab) showSheetStatus() {
	t.saySheetStatus(t.ctx.Clinic.RecoverySheet())
}

func (t *securityTab) saySheetStatus(st app.RecoverySheetStatus, err error) {
	switch {
	case err != nil:
		say(t.sheetStatus, widget.DangerImportance, "ClinicDesk could not tell whether the recovery key's sheet was saved: "+plainError(err))
	case st.Saved:
		say(t.sheetStatus, widget.MediumImportance, fmt.Sprintf("The Emergency recovery sheet of the current key was saved %s by %s.",
			whenSaid(st.SavedAt, wallClock()), st.SavedBy))
	default:
		say(t.sheetStatus, widget.WarningImportance, "The Emergency recovery sheet of the current key was never saved or printed. "+
			"Make a new recovery key and save its sheet.")
	}
}

// confirmRotate asks before re-encrypting the clinic file.
func (t *securityTab) confirmRotate() {
	d := dialog.NewConfirm("Re-encrypt the clinic file?",
		"ClinicDesk will re-encrypt the whole clinic file with a new key. Everyone keeps their password and the recovery key still works. "+
			"Old backups keep their old key. It can take a minute on a large file: nobody can use ClinicDesk meanwhile.",
		func(ok bool) {
			if ok {
				t.rotate()
			}
		}, t.ctx.Window)
	d.SetConfirmText("Re-encrypt")
	d.SetDismissText("Cancel")
	d.Show()
}

// rotate re-encrypts the clinic file off the UI goroutine.
func (t *securityTab) rotate() {
	inBackground(t.ctx, "Re-encrypting the clinic file with a new key…",
		func() (struct{}, error) { return struct{}{}, t.ctx.Clinic.RotateDataKey() },
		func(_ struct{}, err error) {
			if err != nil {
				say(t.rotateStatus, widget.DangerImportance, "The clinic file was not re-encrypted and is as it was: "+plainError(err))
				return
			}
			say(t.rotateStatus, widget.SuccessImportance, fmt.Sprintf("Re-encrypted %s with a new key. Make a backup now: older backups still use the old key.",
				whenSaid(wallClock(), wallClock())))
		})
}
