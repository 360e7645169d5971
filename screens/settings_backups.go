package screens

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/backups"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupsTab is Settings → Backups: where automatic backups go, backing up
// now, and the restore drill.
type backupsTab struct {
	ctx *Context

	folder         string // as chosen, saved or not
	folderLabel    *widget.Label
	chooseButton   *widget.Button
	offButton      *widget.Button
	keep           *widget.Entry
	saveButton     *widget.Button
	settingsStatus *widget.Label

	last         *widget.Label
	backupButton *widget.Button
	testButton   *widget.Button
	result       *widget.Label // what the last backup, drill or restore found

	restoreButton   *widget.Button // managers only (settings_restore.go)
	restorePassword *textBox       // the restore question's password box
}

func newBackupsTab(ctx *Context) *backupsTab {
	return &backupsTab{ctx: ctx}
}

func (t *backupsTab) build() fyne.CanvasObject {
	b, err := t.ctx.Clinic.BackupSettings()
	if err != nil {
		return container.NewPadded(wrapped("The backup settings could not be read: " + plainError(err)))
	}
	t.folder = b.Folder
	t.folderLabel = widget.NewLabel("")
	t.folderLabel.Wrapping = fyne.TextWrapBreak
	t.folderLabel.TextStyle.Bold = true
	t.chooseButton = widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), t.chooseFolder)
	t.offButton = widget.NewButtonWithIcon("Turn off", theme.CancelIcon(), func() { t.setFolder("") })
	t.keep = widget.NewEntry()
	t.keep.SetText(strconv.Itoa(b.Keep))
	t.keep.OnChanged = func(string) { say(t.settingsStatus, widget.MediumImportance, "") }
	t.saveButton = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), t.saveSettings)
	t.saveButton.Importance = widget.HighImportance
	t.settingsStatus = note()
	t.showFolder()

	automatic := widget.NewCard("Automatic backups", "",
		container.NewVBox(
			wrapped("ClinicDesk makes a backup each time it closes, and once a day while it stays open, into the folder below. Choose a folder on a USB stick "+
				"or another disk, not this computer's own disk, so a backup survives if this computer fails or is stolen. "+
				"Backups are encrypted like the clinic file itself."),
			widget.NewForm(
				widget.NewFormItem("Backup folder", container.NewBorder(nil, nil, nil, container.NewHBox(t.chooseButton, t.offButton), t.folderLabel)),
				widget.NewFormItem("Keep the last", container.NewHBox(sized(t.keep, 80), widget.NewLabel("backups (older ones in the folder are deleted)"))),
			),
			container.NewHBox(t.saveButton),
			t.settingsStatus))

	t.last = widget.NewLabel("")
	t.last.Wrapping = fyne.TextWrapWord
	t.showLast(b.Last)
	t.backupButton = widget.NewButtonWithIcon("Back up now…", theme.DownloadIcon(), t.chooseBackupFile)
	t.testButton = widget.NewButtonWithIcon("Restore drill: test a backup…", theme.ConfirmIcon(), t.chooseTestFile)
	t.result = note()
	now := widget.NewCard("Back up or test now", "",
		container.NewVBox(
			t.last,
			wrapped("Back up now saves a new backup, named with the date and time, into the folder you choose: it never replaces one already there."),
			wrapped("Do a restore drill now and then: ClinicDesk restores the backup into a private temporary folder, opens it and checks every part of it "+
				"and its audit trail, then deletes the copy. The clinic file in use is not touched."),
			container.NewHBox(t.backupButton, t.testButton),
			t.result))

	cards := container.NewVBox(automatic, now)
	if restore := t.restoreCard(); restore != nil {
		cards.Add(restore)
	}
	return newFocusScroll(container.NewPadded(limitWidth(cards, 760)))
}

// showFolder shows the chosen folder, or that automatic backups are off.
func (t *backupsTab) showFolder() {
	if t.folder == "" {
		t.folderLabel.SetText("None: automatic backups are off")
		t.folderLabel.Importance = widget.WarningImportance
		t.offButton.Disable()
	} else {
		t.folderLabel.SetText(t.folder)
		t.folderLabel.Importance = widget.MediumImportance
		t.offButton.Enable()
	}
	t.folderLabel.Refresh()
}

// showLast says when the last backup was made.
func (t *backupsTab) showLast(last time.Time) {
	if last.IsZero() {
		t.last.SetText("No backup has been made yet.")
		t.last.Importance = widget.WarningImportance
	} else {
		t.last.SetText("The last backup was made " + whenSaid(last, time.Now()) + ".")
		t.last.Importance = widget.MediumImportance
	}
	t.last.Refresh()
}

// chooseFolder asks for the automatic backup folder.
func (t *backupsTab) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		if u != nil {
			t.setFolder(u.Path())
		}
	}, t.ctx.Window)
	if t.folder != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(t.folder)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText("Choose the folder for automatic backups")
	d.SetConfirmText("Use this folder")
	showFileDialog(d, t.ctx.Window)
}

// setFolder takes a new folder ("" turns automatic backups off); Save
// makes it stick.
func (t *backupsTab) setFolder(path string) {
	t.folder = path
	t.showFolder()
	say(t.settingsStatus, widget.WarningImportance, "Press Save to use this.")
}

// saveSettings stores the folder and how many backups to keep.
func (t *backupsTab) saveSettings() {
	keep, err := strconv.Atoi(strings.TrimSpace(t.keep.Text))
	if err != nil {
		say(t.settingsStatus, widget.DangerImportance, "Type how many backups to keep as a number, from 1 to 365.")
		return
	}
	if err := t.ctx.Clinic.SetBackupSettings(t.folder, keep); err != nil {
		say(t.settingsStatus, widget.DangerImportance, plainError(err))
		return
	}
	b, err := t.ctx.Clinic.BackupSettings()
	if err != nil {
		say(t.settingsStatus, widget.WarningImportance, "Saved, but the settings could not be read back: "+plainError(err))
		return
	}
	t.folder = b.Folder
	t.showFolder()
	if b.Folder == "" {
		say(t.settingsStatus, widget.SuccessImportance, "Saved: automatic backups are off. Remember to back up by hand.")
	} else {
		say(t.settingsStatus, widget.SuccessImportance, fmt.Sprintf("Saved: a backup goes to %s each time ClinicDesk closes and once a day, keeping the last %d.", b.Folder, b.Keep))
	}
}

// chooseBackupFile asks which folder to back up into now. The backup
// takes a new name of its own there: a save-file dialog would let an old
// backup be picked, and Fyne's empties the chosen file before ClinicDesk
// is even called, so the old backup would be lost if the new one failed.
func (t *backupsTab) chooseBackupFile() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		if u == nil {
			return // cancelled
		}
		t.backupInto(u.Path())
	}, t.ctx.Window)
	if t.folder != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(t.folder)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText("Back up the clinic file into which folder?")
	d.SetConfirmText("Back up here")
	showFileDialog(d, t.ctx.Window)
}

// backupInto writes a checked backup into folder under a new name, off the
// UI goroutine.
func (t *backupsTab) backupInto(folder string) {
	type made struct {
		m    backups.Manifest
		path string
	}
	inBackground(t.ctx, "Backing up the clinic file and checking the backup…",
		func() (made, error) {
			m, path, err := t.ctx.Clinic.BackupInto(folder)
			return made{m, path}, err
		},
		func(r made, err error) { t.showBackup(r.m, r.path, err) })
}

// backupTo writes a checked backup to path (with .cdbackup added), never
// replacing a file already there.
func (t *backupsTab) backupTo(path string) {
	path = app.BackupFile(path)
	inBackground(t.ctx, "Backing up the clinic file and checking the backup…",
		func() (backups.Manifest, error) { return t.ctx.Clinic.BackupNow(path) },
		func(m backups.Manifest, err error) { t.showBackup(m, path, err) })
}

// showBackup says what a backup made, naming the file it was saved as.
func (t *backupsTab) showBackup(m backups.Manifest, path string, err error) {
	if err != nil {
		say(t.result, widget.DangerImportance, "The backup was not made: "+plainError(err))
		return
	}
	msg := fmt.Sprintf("Backup made at %s on %s and checked. It holds %s and is saved as %s.",
		ukcal.WallClock(m.CreatedAt), ukcal.WallDate(m.CreatedAt).Short(), plural(m.AuditSeq, "audit entry", "audit entries"), path)
	say(t.result, widget.SuccessImportance, msg)
	t.showLast(m.CreatedAt)
	dialog.ShowInformation("Backup made", msg, t.ctx.Window)
}

// chooseTestFile asks which backup to test.
func (t *backupsTab) chooseTestFile() {
	t.pickBackup("Choose a backup for the restore drill", "Test this backup", t.testBackup)
}

// pickBackup asks for a backup file, starting in the backup folder, and
// hands its path on.
func (t *backupsTab) pickBackup(title, confirm string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, t.ctx.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{app.BackupExt}))
	if t.folder != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(t.folder)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	showFileDialog(d, t.ctx.Window)
}

// testBackup runs the restore drill on the backup at path, off the UI
// goroutine, and says what it found.
func (t *backupsTab) testBackup(path string) {
	inBackground(t.ctx, "Restoring the backup into a temporary folder and checking it…",
		func() (backups.Manifest, error) { return t.ctx.Clinic.TestBackup(path) },
		func(m backups.Manifest, err error) {
			if err != nil {
				say(t.result, widget.DangerImportance, "This backup did not pass the check, so do not rely on it: "+plainError(err)+" Make a new backup now.")
				return
			}
			say(t.result, widget.SuccessImportance, fmt.Sprintf("This backup is good: it opened and checked completely and could be restored. "+
				"It was made at %s on %s by ClinicDesk %s and holds %s.",
				ukcal.WallClock(m.CreatedAt), ukcal.WallDate(m.CreatedAt).Short(), m.AppVersion, plural(m.AuditSeq, "audit entry", "audit entries")))
		})
}
