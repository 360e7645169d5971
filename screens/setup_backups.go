package screens

import (
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The wizard's last step asks for the backup folder, so backups are on
// from the first day; "Not now" is allowed, and Today then keeps warning
// until one is set. Also here: the room kept for the wizard's messages.

func (s *setupScreen) backupsPage() []fyne.CanvasObject {
	if s.backupFolderText == nil {
		s.backupFolderText = widget.NewLabel("")
		s.backupFolderText.Wrapping = fyne.TextWrapBreak
		s.backupFolderText.TextStyle.Bold = true
		s.chooseBackupBtn = widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), s.onChooseBackupFolder)
		s.backupNote = errorText()
	}
	return []fyne.CanvasObject{
		wrapped("Last, backups. Every record is in one encrypted file on this computer: if the computer fails, " +
			"is stolen or its disk dies, a backup is the only way to get the records back."),
		wrapped("Choose a folder on a USB stick or another disk that stays at the clinic, not this computer's own disk. " +
			"ClinicDesk makes a backup there each time it closes and once a day while it is open, keeping the last 10. " +
			"Backups are encrypted like the clinic file."),
		// Two lines kept for the folder's name, so a long one moves nothing.
		labelledField("Backup folder", container.NewBorder(nil, nil, nil, container.NewVBox(s.chooseBackupBtn), setupSlot(s.backupFolderText, 2))),
		setupSlot(s.backupNote, 2),
		fieldHint("Not now: choose the folder later in Settings, Backups. Until you do, Today reminds you that nothing is being backed up."),
	}
}

// showBackupFolder shows the folder chosen, and lets the wizard finish
// with it once there is one.
func (s *setupScreen) showBackupFolder() {
	if s.backupFolder == "" {
		s.backupFolderText.SetText("No folder chosen yet")
		s.backupFolderText.Importance = widget.WarningImportance
		s.nextBtn.SetText("Use this folder")
		s.nextBtn.Disable()
	} else {
		s.backupFolderText.SetText(s.backupFolder)
		s.backupFolderText.Importance = widget.MediumImportance
		s.nextBtn.SetText("Use this folder")
		s.nextBtn.Enable()
	}
	s.backupFolderText.Refresh()
}

func (s *setupScreen) onChooseBackupFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			say(s.backupNote, widget.DangerImportance, "ClinicDesk could not open that folder. "+sentence(err.Error()))
			return
		}
		if u != nil {
			s.setBackupFolder(u.Path())
		}
	}, s.ui.win)
	d.SetTitleText("Choose the folder for automatic backups (a USB stick or another disk)")
	d.SetConfirmText("Use this folder")
	showFileDialog(d, s.ui.win)
}

// setBackupFolder takes the folder chosen; "Use this folder" saves it.
func (s *setupScreen) setBackupFolder(path string) {
	s.backupFolder = path
	say(s.backupNote, widget.DangerImportance, "")
	s.showBackupFolder()
	s.focus(s.nextBtn)
}

// onBackupsDone saves the folder and makes the first backup there at
// once, off the UI goroutine: a folder that cannot be written to is found
// now, with the manager at the desk, not at the first close.
func (s *setupScreen) onBackupsDone() {
	if s.backupFolder == "" {
		return
	}
	clinic, folder := s.ui.clinic, s.backupFolder
	s.nextBtn.Disable()
	s.laterBtn.Disable()
	s.chooseBackupBtn.Disable()
	say(s.backupNote, widget.MediumImportance, "Making the first backup in "+folder+"…")
	s.ui.async(func() error {
		if err := clinic.SetBackupSettings(folder, app.DefaultBackupKeep); err != nil {
			return err
		}
		_, err := clinic.AutoBackup()
		return err
	}, func(err error) {
		s.laterBtn.Enable()
		s.chooseBackupBtn.Enable()
		s.showBackupFolder()
		if err != nil {
			say(s.backupNote, widget.DangerImportance, "The backup could not be made there: "+strings.TrimSuffix(sentence(err.Error()), ".")+
				". Choose another folder, or press Not now.")
			return
		}
		s.ui.showMain("")
	})
}

// onBackupsLater finishes the wizard without a backup folder.
func (s *setupScreen) onBackupsLater() {
	if s.step == setupStepBackups {
		s.ui.showMain("")
	}
}

// setupSlot keeps room for msg (up to lines lines) whether it is shown or
// not, so the fields around it never move when a message comes or goes;
// a longer message scrolls inside the room.
func setupSlot(msg fyne.CanvasObject, lines int) fyne.CanvasObject {
	room, _ := setupSlotSized(msg, lines)
	return room
}

// setupSlotSized is setupSlot with a way to change the room's height.
func setupSlotSized(msg fyne.CanvasObject, lines int) (fyne.CanvasObject, func(lines int)) {
	r := &setupRoom{}
	room := container.New(r, container.NewVScroll(msg))
	size := func(lines int) {
		r.height = widget.NewLabel(strings.Repeat("X\n", lines-1) + "X").MinSize().Height
		room.Refresh()
	}
	size(lines)
	return room, size
}

// setupRoom is a layout of a fixed height.
type setupRoom struct{ height float32 }

func (r *setupRoom) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, r.height)
}

func (r *setupRoom) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// setupLogoSize is the logo's thumbnail, and the room kept for it before
// one is chosen, so choosing one moves nothing.
var setupLogoSize = fyne.NewSize(120, 48)

func setupNoLogo() fyne.CanvasObject {
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	frame.SetMinSize(setupLogoSize)
	frame.CornerRadius = theme.InputRadiusSize()
	hint := canvas.NewText("No logo", theme.Color(theme.ColorNamePlaceHolder))
	hint.Alignment = fyne.TextAlignCenter
	return container.NewStack(frame, container.NewCenter(hint))
}

// setupCaption is a field's name in bold with its rule beside it, in one
// line (cut short with an ellipsis in a narrow window).
func setupCaption(name, hint string) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(hint, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	h.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, h)
}
