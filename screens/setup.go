package screens

import (
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/practice"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The wizard's steps. setupStepCreating is the wait while the file is made.
const (
	setupStepClinic = iota + 1
	setupStepManager
	setupStepCreating
	setupStepRecovery
	setupStepBackups
)

// setupScreen is the first-run wizard: the clinic's details, the first
// practice manager, the recovery key, shown once, then the backup folder.
// Its messages sit in room kept for them (setupSlot), so no field moves
// under the pointer when one appears: what is wrong on steps 1 and 2 in a
// band above the buttons, always in view however the page scrolls.
type setupScreen struct {
	ui       *UI
	step     int
	onWindow bool // its content is the window's: see focus

	stepLabel   *widget.Label
	page        *fyne.Container
	frame       fyne.CanvasObject // doorFrame's column, laid out again as notes come and go
	backBtn     *widget.Button
	laterBtn    *widget.Button // "Not now", on the backups step only
	nextBtn     *widget.Button
	problems    []*widget.Label   // the step's problem labels, each under its field's name
	msgText     *widget.Label     // what they say, one line each, in msgRoom
	msgRoom     fyne.CanvasObject // room kept for them above the buttons
	msgRoomSize func(lines int)   // sets its height, step by step

	// Step 1: the clinic.
	name, phone, email        *widget.Entry
	address                   *setupAddressEntry
	nameProblem, phoneProblem *widget.Label
	emailProblem, logoProblem *widget.Label
	logo                      []byte
	logoBox                   *fyne.Container
	removeLogoBtn             *widget.Button

	// Step 2: the first practice manager.
	fullName, username, password, confirm *widget.Entry
	fullNameProblem, usernameProblem      *widget.Label
	passwordProblem, passwordFeedback     *widget.Label
	passwordHint                          *widget.Label // gives way to the feedback, in the same room
	confirmProblem, createProblem         *widget.Label
	usernameTouched, suggesting           bool

	// Step 3: creating.
	progress *widget.ProgressBarInfinite

	// Step 4: the recovery key.
	recoveryKey   string
	managerName   string
	createdAt     time.Time
	sheetNote     *widget.Label
	storedCheck   *widget.Check
	saveSheetBtn  *widget.Button
	closeWhenDone bool

	// Step 5 (shown as 4 of 4): the backup folder (setup_backups.go).
	backupFolder     string
	backupFolderText *widget.Label
	chooseBackupBtn  *widget.Button
	backupNote       *widget.Label
}

func newSetupScreen(u *UI) *setupScreen {
	s := &setupScreen{ui: u}

	s.name = widget.NewEntry()
	s.name.SetPlaceHolder("e.g. Riverside Physiotherapy Clinic")
	s.address = newSetupAddressEntry()
	s.address.SetPlaceHolder("One line per line of the address, ending with the postcode")
	s.address.SetMinRowsVisible(4)
	s.address.Wrapping = fyne.TextWrapWord
	s.phone = widget.NewEntry()
	s.phone.SetPlaceHolder("e.g. 0113 496 0000")
	s.email = widget.NewEntry()
	s.email.SetPlaceHolder("e.g. reception@yourclinic.co.uk")
	s.nameProblem, s.phoneProblem, s.emailProblem, s.logoProblem = errorText(), errorText(), errorText(), errorText()
	s.logoBox = container.NewStack(setupNoLogo())
	s.name.OnChanged = func(string) { s.say(s.nameProblem, "", widget.DangerImportance) }
	s.phone.OnChanged = func(string) { s.say(s.phoneProblem, "", widget.DangerImportance) }
	s.email.OnChanged = func(string) { s.say(s.emailProblem, "", widget.DangerImportance) }
	s.name.OnSubmitted = func(string) { s.focus(s.address) }
	s.phone.OnSubmitted = func(string) { s.focus(s.email) }
	s.email.OnSubmitted = func(string) { s.onNext() }

	s.fullName = widget.NewEntry()
	s.fullName.SetPlaceHolder("e.g. Sarah Jones")
	s.username = widget.NewEntry()
	s.username.SetPlaceHolder("e.g. sjones")
	s.password = widget.NewPasswordEntry()
	s.confirm = widget.NewPasswordEntry()
	s.fullNameProblem, s.usernameProblem = errorText(), errorText()
	s.passwordProblem, s.passwordFeedback = errorText(), errorText()
	s.confirmProblem, s.createProblem = errorText(), errorText()
	s.fullName.OnChanged = func(string) { s.onFullNameChanged() }
	s.username.OnChanged = func(string) { s.onUsernameChanged() }
	s.password.OnChanged = func(string) { s.onPasswordChanged() }
	s.confirm.OnChanged = func(string) { s.onPasswordChanged() }
	s.fullName.OnSubmitted = func(string) { s.focus(s.username) }
	s.username.OnSubmitted = func(string) { s.focus(s.password) }
	s.password.OnSubmitted = func(string) { s.focus(s.confirm) }
	s.confirm.OnSubmitted = func(string) { s.onNext() }
	return s
}

func (s *setupScreen) build() fyne.CanvasObject {
	welcome := pageTitle("Welcome to ClinicDesk")
	s.stepLabel = widget.NewLabel("")
	header := container.NewBorder(nil, nil, doorLogo(56), nil, container.NewVBox(welcome, s.stepLabel))

	s.page = container.NewVBox()
	s.backBtn = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), s.onBack)
	s.nextBtn = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), s.onNext)
	s.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	s.nextBtn.Importance = widget.HighImportance
	s.laterBtn = widget.NewButton("Not now", s.onBackupsLater)
	footer := container.NewHBox(s.backBtn, s.laterBtn, layout.NewSpacer(), s.nextBtn)
	s.msgText = widget.NewLabel("")
	s.msgText.Wrapping = fyne.TextWrapWord
	s.msgText.Importance = widget.DangerImportance
	s.msgRoom, s.msgRoomSize = setupSlotSized(s.msgText, 4)

	s.showStep(setupStepClinic)
	framed := doorFrame(620,
		container.NewVBox(header, widget.NewSeparator()),
		s.page,
		container.NewVBox(s.msgRoom, widget.NewSeparator(), footer))
	if p, ok := framed.(*fyne.Container); ok && len(p.Objects) == 1 {
		s.frame = p.Objects[0]
	}
	return framed
}

// relayout fits the column to the page again after a note appeared or
// went: the column grows into the window rather than hiding what follows
// the note below a scroll.
func (s *setupScreen) relayout() {
	if s.frame != nil {
		s.frame.Refresh()
	}
}

// showMessages makes the band above the buttons say a step's problems.
func (s *setupScreen) showMessages(problems ...*widget.Label) {
	s.problems = problems
	s.showProblems()
	s.msgRoom.Show()
}

// showPasswordHint shows the advice under the password box until the
// feedback on what is typed takes its place (the same room: nothing moves).
func (s *setupScreen) showPasswordHint() {
	if s.passwordHint == nil {
		return
	}
	if s.passwordFeedback.Visible() {
		s.passwordHint.Hide()
	} else {
		s.passwordHint.Show()
	}
}

// say is say for the wizard: a problem also shows in the band.
func (s *setupScreen) say(l *widget.Label, text string, imp widget.Importance) {
	say(l, imp, text)
	s.showProblems()
}

// showProblems writes the step's problems in the band, one a line: one
// label's worth of padding, so three fit in the room kept.
func (s *setupScreen) showProblems() {
	if s.msgText == nil {
		return
	}
	var lines []string
	for _, l := range s.problems {
		if l.Visible() && l.Text != "" {
			lines = append(lines, l.Text)
		}
	}
	s.msgText.SetText(strings.Join(lines, "\n"))
}

// focus gives e the keyboard once the wizard is on the window: build
// shows its first step before that, and Fyne refuses (and logs) a focus
// outside the window's content.
func (s *setupScreen) focus(e fyne.Focusable) {
	if s.onWindow {
		s.ui.win.Canvas().Focus(e)
	}
}

func (s *setupScreen) focusFirst() {
	switch s.step {
	case setupStepClinic:
		s.focus(s.name)
	case setupStepManager:
		s.focus(s.fullName)
	case setupStepRecovery:
		// Saving the sheet is what to do next: Space does it.
		s.focus(s.saveSheetBtn)
	case setupStepBackups:
		s.focus(s.chooseBackupBtn)
	}
}

// setupAddressEntry is the address box: Enter starts a new line, but Tab
// moves on to the phone rather than typing a tab, so the keyboard is
// never trapped in it.
type setupAddressEntry struct{ widget.Entry }

func newSetupAddressEntry() *setupAddressEntry {
	e := &setupAddressEntry{}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

func (e *setupAddressEntry) AcceptsTab() bool { return false }

// --- events ---

// create makes the clinic off the UI goroutine (Argon2id is slow on
// purpose) while the page shows progress.
func (s *setupScreen) create() {
	setup := app.Setup{
		Path: s.ui.opts.DBPath,
		Clinic: practice.Details{
			Name:    strings.TrimSpace(s.name.Text),
			Address: strings.TrimSpace(s.address.Text),
			Phone:   strings.TrimSpace(s.phone.Text),
			Email:   strings.TrimSpace(s.email.Text),
			Logo:    s.logo,
		},
		Manager: app.NewUser{
			Username: strings.TrimSpace(s.username.Text),
			FullName: strings.TrimSpace(s.fullName.Text),
			Password: s.password.Text,
		},
		KDF: s.ui.opts.kdf,
	}
	s.showStep(setupStepCreating)
	var (
		clinic *app.Clinic
		key    string
	)
	s.ui.async(func() error {
		var err error
		clinic, key, err = app.Create(setup)
		return err
	}, func(err error) {
		if s.progress != nil {
			s.progress.Stop()
		}
		if err != nil {
			s.showStep(setupStepManager)
			s.say(s.createProblem, "ClinicDesk could not create the clinic file. "+sentence(err.Error()), widget.DangerImportance)
			s.relayout()
			return
		}
		s.ui.clinic = clinic
		s.ui.clinicName = setup.Clinic.Name
		s.ui.app.Preferences().SetString(s.ui.clinicNameKey(), setup.Clinic.Name)
		s.recoveryKey = key
		s.managerName = setup.Manager.FullName
		s.createdAt = wallClock()
		s.password.SetText("")
		s.confirm.SetText("")
		if s.closeWhenDone {
			s.ui.requestClose()
			return
		}
		s.showStep(setupStepRecovery)
	})
}

// creating reports whether the clinic file is being made right now.
func (s *setupScreen) creating() bool { return s.step == setupStepCreating }

// --- the Emergency recovery sheet ---

func (s *setupScreen) onSaveSheet() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.say(s.sheetNote, "ClinicDesk could not save there. "+sentence(err.Error()), widget.DangerImportance)
			return
		}
		if w == nil {
			return // cancelled
		}
		key, made, clinic := s.recoveryKey, s.createdAt, s.ui.clinic
		s.saveSheetBtn.Disable()
		var markErr error
		s.ui.async(func() error {
			err := clinic.WriteRecoverySheet(w, key, made)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				storage.Delete(w.URI())
				return err
			}
			// Recorded, so the manager is not told at sign-in that it
			// never was.
			markErr = clinic.MarkRecoverySheetSaved()
			return nil
		}, func(err error) {
			s.saveSheetBtn.Enable()
			if err != nil {
				s.say(s.sheetNote, "The sheet could not be saved. "+sentence(err.Error()), widget.DangerImportance)
				s.relayout()
				return
			}
			msg := "Saved as " + w.URI().Path() + ". Open it, print it, then delete the file."
			if markErr != nil {
				msg += " (ClinicDesk could not note that it was saved, so it will remind you at sign-in: " + plainError(markErr) + ")"
			}
			s.say(s.sheetNote, msg, widget.SuccessImportance)
			s.relayout()
			s.focus(s.storedCheck) // ticking the box is next
		})
	}, s.ui.win)
	d.SetTitleText("Save the Emergency recovery sheet (PDF) as…")
	d.SetFileName("Emergency recovery sheet.pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	showFileDialog(d, s.ui.win) // sized once shown: a file dialog has no size before
}
