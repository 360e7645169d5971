package screens

import (
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showStep puts one step's fields on the page.
func (s *setupScreen) showStep(step int) {
	s.step = step
	s.backBtn.Show()
	s.laterBtn.Hide()
	s.nextBtn.Show()
	s.nextBtn.Enable()
	s.msgRoom.Hide()
	switch step {
	case setupStepClinic:
		s.stepLabel.SetText("Step 1 of 4: your clinic")
		s.page.Objects = s.clinicPage()
		s.msgRoomSize(3) // three short problems; more scroll in the band
		s.showMessages(s.nameProblem, s.phoneProblem, s.emailProblem, s.logoProblem)
		s.backBtn.Hide()
		s.nextBtn.SetText("Next")
	case setupStepManager:
		s.stepLabel.SetText("Step 2 of 4: the practice manager")
		s.page.Objects = s.managerPage()
		s.msgRoomSize(2) // so the taller page still fits the first window
		s.showMessages(s.fullNameProblem, s.usernameProblem, s.passwordProblem, s.createProblem)
		s.nextBtn.SetText("Create the clinic")
	case setupStepCreating:
		s.stepLabel.SetText("Step 2 of 4: the practice manager")
		s.page.Objects = s.creatingPage()
		s.backBtn.Hide()
		s.nextBtn.Hide()
	case setupStepRecovery:
		s.stepLabel.SetText("Step 3 of 4: your recovery key")
		s.page.Objects = s.recoveryPage()
		s.backBtn.Hide()
		s.nextBtn.SetText("Next")
		if !s.storedCheck.Checked {
			s.nextBtn.Disable()
		}
	case setupStepBackups:
		s.stepLabel.SetText("Step 4 of 4: backups")
		s.page.Objects = s.backupsPage()
		s.backBtn.Hide()
		s.laterBtn.Show()
		s.showBackupFolder()
	}
	s.page.Refresh()
	s.focusFirst()
}

func (s *setupScreen) clinicPage() []fyne.CanvasObject {
	// Short, and the logo's rule beside its name: with the room kept for
	// messages the step still fits the first window (1120x680).
	intro := wrapped("These details head your letters and slips; you can change them later in Settings.")
	chooseBtn := widget.NewButtonWithIcon("Choose a logo…", theme.FolderOpenIcon(), s.onChooseLogo)
	s.removeLogoBtn = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), s.onRemoveLogo)
	s.removeLogoBtn.Importance = widget.LowImportance
	if s.logo == nil {
		s.removeLogoBtn.Hide()
	}
	logoCaption := setupCaption("Logo", "optional: a PNG or JPEG picture of up to 2 MB, printed at the top of letters")
	return []fyne.CanvasObject{
		intro,
		labelledField("Clinic name", s.name),
		labelledField("Address", s.address),
		container.NewGridWithColumns(2,
			labelledField("Phone", s.phone),
			labelledField("Email", s.email)),
		container.NewVBox(logoCaption, container.NewHBox(s.logoBox, chooseBtn, s.removeLogoBtn)),
	}
}

func (s *setupScreen) managerPage() []fyne.CanvasObject {
	// Short, and the user name's rule beside its name: with the room kept
	// for messages the step still fits the first window (1120x680).
	intro := wrapped("Now the first practice manager, who adds the staff and looks after the settings.")
	userCaption := setupCaption("User name", "what you type to sign in: letters, digits, dots, hyphens or underscores")
	s.passwordHint = fieldHint(doorPasswordAdvice)
	s.showPasswordHint()
	return []fyne.CanvasObject{
		intro,
		labelledField("Your full name", s.fullName),
		container.NewVBox(userCaption, s.username),
		labelledField("Password", s.password, setupSlot(container.NewStack(s.passwordHint, s.passwordFeedback), 2)),
		labelledField("Password again", s.confirm, setupSlot(s.confirmProblem, 1)),
	}
}

func (s *setupScreen) creatingPage() []fyne.CanvasObject {
	s.progress = widget.NewProgressBarInfinite()
	return []fyne.CanvasObject{
		pageTitle("Creating your clinic…"),
		wrapped("ClinicDesk is making the encrypted clinic file and your account. This takes a few seconds."),
		s.progress,
	}
}

func (s *setupScreen) recoveryPage() []fyne.CanvasObject {
	intro := wrapped("If every password is ever forgotten, this recovery key is the only way back into the clinic's records. " +
		"It is shown only this once: ClinicDesk keeps no copy it can show again.")
	key := widget.NewLabel(s.recoveryKey)
	key.TextStyle = fyne.TextStyle{Monospace: true}
	key.SizeName = theme.SizeNameHeadingText
	key.Selectable = true
	key.Alignment = fyne.TextAlignCenter
	key.Wrapping = fyne.TextWrapWord
	keyBox := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), container.NewPadded(key))

	s.saveSheetBtn = widget.NewButtonWithIcon("Save the Emergency recovery sheet (PDF)…", theme.DocumentSaveIcon(), s.onSaveSheet)
	if s.sheetNote == nil {
		s.sheetNote = errorText()
	}
	what := wrapped("Print the sheet and lock it away, for example in the practice safe, then delete the PDF file. " +
		"Do not email it, photograph it or keep it on this computer.")
	if s.storedCheck == nil {
		s.storedCheck = widget.NewCheck("I have printed or stored the recovery key safely", s.onStoredChanged)
	}
	return []fyne.CanvasObject{
		intro,
		widget.NewLabelWithStyle("Recovery key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		keyBox,
		container.NewHBox(s.saveSheetBtn),
		setupSlot(s.sheetNote, 2),
		what,
		s.storedCheck,
	}
}

func (s *setupScreen) onBack() {
	if s.step == setupStepManager {
		s.showStep(setupStepClinic)
	}
}

func (s *setupScreen) onNext() {
	switch s.step {
	case setupStepClinic:
		if s.checkClinic() {
			s.showStep(setupStepManager)
		}
	case setupStepManager:
		if s.checkManager() {
			s.create()
		}
	case setupStepRecovery:
		if s.storedCheck.Checked {
			s.recoveryKey = "" // shown once: gone from the window from here on
			s.showStep(setupStepBackups)
		}
	case setupStepBackups:
		s.onBackupsDone()
	}
}
