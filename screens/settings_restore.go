package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Settings → Backups → Restore from a backup: a practice manager puts the
// whole clinic back as a backup holds it. The rules and the file swap are
// app.Clinic's (PreviewRestore, RestoreFrom); this is the asking.

// restoreCard is the Backups tab's part for restoring (managers only).
func (t *backupsTab) restoreCard() fyne.CanvasObject {
	if s, ok := t.ctx.Clinic.Session(); !ok || s.Role != app.Manager {
		return nil
	}
	t.restoreButton = widget.NewButtonWithIcon("Restore from a backup…", theme.HistoryIcon(), t.chooseRestoreFile)
	t.restoreButton.Importance = widget.DangerImportance
	return widget.NewCard("Restore from a backup", "",
		container.NewVBox(
			wrapped("Restoring puts the whole clinic back as it was when the backup was made: patients, appointments, letters, complaints, "+
				"users and their passwords. Everything done since is lost. Use it after a disaster, not to undo one mistake. "+
				"The clinic file as it is now is kept beside the restored one, never deleted."),
			container.NewHBox(t.restoreButton)))
}

// chooseRestoreFile asks which backup to restore.
func (t *backupsTab) chooseRestoreFile() {
	t.pickBackup("Choose the backup to restore", "Choose this backup", t.previewRestore)
}

// previewRestore reads what the backup is (off the UI goroutine: counting
// the changes since reads the audit trail) and asks.
func (t *backupsTab) previewRestore(path string) {
	inBackground(t.ctx, "Reading the backup…",
		func() (app.RestorePreview, error) { return t.ctx.Clinic.PreviewRestore(path) },
		func(p app.RestorePreview, err error) {
			if err != nil {
				say(t.result, widget.DangerImportance, "This backup cannot be restored: "+plainError(err))
				return
			}
			t.confirmRestore(path, p, "")
		})
}

// restoreWhen says when a backup was made, in words: "14:05 on Friday
// 4 December 2026".
func restoreWhen(p app.RestorePreview) string {
	at := p.Manifest.CreatedAt
	return ukcal.WallClock(at) + " on " + ukcal.WallDate(at).LongWithDay()
}

// restoreLosses says what the restore replaces, as plainly as it can be
// counted.
func restoreLosses(p app.RestorePreview) string {
	when := restoreWhen(p)
	if !p.Counted {
		return "Everything done in ClinicDesk since " + when + " will be lost: patients' records, appointments, letters, complaints, notes, users and settings."
	}
	if p.Patients == 0 && p.Appointments == 0 {
		return "No patient's record or appointment has been added or changed since " + when + ". Anything else done since (letters, complaints, users, settings) will be lost."
	}
	var counts []string
	if p.Patients > 0 {
		counts = append(counts, plural(int64(p.Patients), "patient's record", "patients' records"))
	}
	if p.Appointments > 0 {
		counts = append(counts, plural(int64(p.Appointments), "appointment", "appointments"))
	}
	return fmt.Sprintf("Everything done since %s will be lost: %s added or changed since then, and any letters, complaints, notes, users and settings.",
		when, strings.Join(counts, " and "))
}

// confirmRestore asks, naming the backup's date, who made it and what
// will be replaced. Going ahead takes the manager's password as it was
// when the backup was made: a deliberate act, and proof she can sign in
// to the clinic it restores. problem is what the last try found.
func (t *backupsTab) confirmRestore(path string, p app.RestorePreview, problem string) {
	made := "It was made at " + restoreWhen(p)
	if p.MadeBy != "" {
		made += " by " + p.MadeBy
	}
	made += ", with ClinicDesk " + p.Manifest.AppVersion + "."
	heading := widget.NewLabelWithStyle("Restore the backup from "+restoreWhen(p)+"?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	losses := wrapped(restoreLosses(p))
	losses.Importance = widget.DangerImportance
	if p.Counted && p.Patients == 0 && p.Appointments == 0 {
		losses.Importance = widget.WarningImportance // little to lose: said, not shouted
	}
	password := newSecretBox() // Escape in it closes the question, as Cancel
	password.SetPlaceHolder("Your password")
	problemLabel := wrapped(problem)
	problemLabel.Importance = widget.DangerImportance
	content := container.NewVBox(
		heading,
		wrapped(made+" File: "+path),
		losses,
		wrapped("The clinic file as it is now is kept beside it, so nothing is deleted. Anything typed and not yet saved is lost. "+
			"Afterwards everyone signs in again, with the passwords they had when the backup was made."),
		widget.NewLabelWithStyle("To restore, type your password as it was then", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		password,
		setupSlot(problemLabel, 3)) // room kept: asked again, the buttons stay put
	d := dialog.NewCustomConfirm("Restore from a backup", "Restore and replace the clinic", "Cancel", content, func(ok bool) {
		if ok {
			t.restore(path, p, password.Text)
		}
	}, t.ctx.Window)
	d.SetConfirmImportance(widget.DangerImportance)
	// Enter in the password box is not a way to restore: only the button.
	fitDialog(d, content, 600)
	d.Show()
	t.restorePassword = password
	t.ctx.Window.Canvas().Focus(password)
}

// restore puts the backup in place off the UI goroutine. On success the
// session has ended: the window goes back to signing in. On failure the
// clinic is as it was and the question is asked again with the reason.
func (t *backupsTab) restore(path string, p app.RestorePreview, password string) {
	if strings.TrimSpace(password) == "" {
		t.confirmRestore(path, p, "Type your password to restore, or press Cancel to keep the clinic as it is.")
		return
	}
	msg := widget.NewLabel("Restoring the backup from " + restoreWhen(p) + " and checking it. Do not turn the computer off.")
	msg.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBarInfinite()
	content := container.NewVBox(msg, bar)
	wait := dialog.NewCustomWithoutButtons("Please wait", content, t.ctx.Window)
	fitDialog(wait, content, 440)
	wait.Show()
	c, win, ctx := t.ctx.Clinic, t.ctx.Window, t.ctx
	var err error
	// Not offUI: whatever the outcome, the window must go on to say it,
	// since a restore ends the session.
	ctx.runner().Run(func() { _, err = c.RestoreFrom(path, password) }, func() {
		bar.Stop()
		wait.Hide()
		if err != nil {
			if sessionOpen(c) {
				t.confirmRestore(path, p, "The backup was not restored, and the clinic is as it was. "+plainError(err))
				return
			}
			// The session ended all the same: sign in again.
		}
		typingDrafts.forgetClinic(c) // typed against the clinic as it was
		if ctx.Reload != nil {
			ctx.Reload() // no session: the window shows the sign-in
		}
		if err == nil {
			dialog.ShowInformation("Backup restored",
				"The clinic is back as it was at "+restoreWhen(p)+". Sign in again with your password as it was then; so does everyone else.", win)
		} else {
			dialog.ShowInformation("Sign in again",
				"The restore stopped part way ("+plainError(err)+"). Sign in again: ClinicDesk finishes or undoes it, so the clinic is whole, either as it was or as the backup holds it.", win)
		}
	})
}
