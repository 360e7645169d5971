package screens

import (
	"bytes"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"io"
	"net/mail"
	"strings"
	"time"
	"unicode"

	"clinicdesk/app"
	"clinicdesk/app/nhs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// doorMaxLogo matches what the clinic's details accept.
const doorMaxLogo = 2 << 20

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
	ui   *UI
	step int

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

func (s *setupScreen) focus(e fyne.Focusable) { s.ui.win.Canvas().Focus(e) }

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

// --- events ---

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

// checkClinic checks step 1, putting a message under each field that is wrong.
func (s *setupScreen) checkClinic() bool {
	var first fyne.Focusable
	fail := func(l *widget.Label, msg string, e *widget.Entry) {
		s.say(l, msg, widget.DangerImportance)
		if msg != "" && first == nil {
			first = e
		}
	}
	fail(s.nameProblem, "", s.name)
	fail(s.phoneProblem, "", s.phone)
	fail(s.emailProblem, "", s.email)
	if strings.TrimSpace(s.name.Text) == "" {
		fail(s.nameProblem, "Type the clinic's name, as it should appear on letters.", s.name)
	}
	if p := strings.TrimSpace(s.phone.Text); p != "" {
		if e164, err := nhs.ParsePhone(p); err != nil {
			fail(s.phoneProblem, sentence(err.Error()), s.phone)
		} else {
			s.phone.SetText(nhs.FormatPhone(e164))
		}
	}
	if e := strings.TrimSpace(s.email.Text); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@")+1:], ".") {
			fail(s.emailProblem, "That does not look like an email address: it should be like reception@yourclinic.co.uk.", s.email)
		}
	}
	s.relayout()
	if first != nil {
		s.focus(first)
		return false
	}
	return true
}

// checkManager checks step 2 the way the clinic will, so mistakes show
// under the right field before anything is created.
func (s *setupScreen) checkManager() bool {
	var first fyne.Focusable
	fail := func(l *widget.Label, msg string, e *widget.Entry) {
		s.say(l, msg, widget.DangerImportance)
		if msg != "" && first == nil {
			first = e
		}
	}
	fail(s.fullNameProblem, "", s.fullName)
	fail(s.usernameProblem, "", s.username)
	fail(s.passwordProblem, "", s.password)
	fail(s.confirmProblem, "", s.confirm)
	s.say(s.createProblem, "", widget.DangerImportance)
	if strings.TrimSpace(s.fullName.Text) == "" {
		fail(s.fullNameProblem, "Type your full name, as colleagues know you.", s.fullName)
	}
	if msg := doorCheckUsername(s.username.Text); msg != "" {
		fail(s.usernameProblem, msg, s.username)
	}
	if err := app.CheckPassword(s.password.Text, s.username.Text, s.fullName.Text, s.name.Text); err != nil {
		s.say(s.passwordFeedback, "", widget.MediumImportance) // the problem says it now
		s.showPasswordHint()
		fail(s.passwordProblem, sentence(err.Error()), s.password)
	} else if s.confirm.Text != s.password.Text {
		fail(s.confirmProblem, "The two passwords are not the same: type the password again.", s.confirm)
	}
	s.relayout()
	if first != nil {
		s.focus(first)
		return false
	}
	return true
}

// doorCheckUsername is the clinic's own rule, worded as a sentence.
func doorCheckUsername(name string) string {
	if err := app.CheckUsername(name); err != nil {
		return sentence(err.Error())
	}
	return ""
}

// create makes the clinic off the UI goroutine (Argon2id is slow on
// purpose) while the page shows progress.
func (s *setupScreen) create() {
	setup := app.Setup{
		Path: s.ui.opts.DBPath,
		Clinic: app.ClinicDetails{
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

func (s *setupScreen) onStoredChanged(on bool) {
	if s.step != setupStepRecovery {
		return
	}
	if on {
		s.nextBtn.Enable()
	} else {
		s.nextBtn.Disable()
	}
}

func (s *setupScreen) onFullNameChanged() {
	s.say(s.fullNameProblem, "", widget.DangerImportance)
	if s.usernameTouched {
		return
	}
	s.suggesting = true
	s.username.SetText(doorSuggestUsername(s.fullName.Text))
	s.suggesting = false
}

func (s *setupScreen) onUsernameChanged() {
	s.say(s.usernameProblem, "", widget.DangerImportance)
	if !s.suggesting {
		s.usernameTouched = s.username.Text != ""
	}
}

func (s *setupScreen) onPasswordChanged() {
	doorPasswordFeedback(s.passwordFeedback, s.password.Text, s.username.Text, s.fullName.Text, s.name.Text)
	s.showPasswordHint()
	s.say(s.passwordProblem, "", widget.DangerImportance)
	doorMatchFeedback(s.confirmProblem, s.password.Text, s.confirm.Text)
}

// doorSuggestUsername makes "sjones" from "Sarah Jones".
func doorSuggestUsername(full string) string {
	words := strings.Fields(strings.ToLower(full))
	if len(words) == 0 {
		return ""
	}
	keep := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	if len(words) == 1 {
		return keep(words[0])
	}
	first := []rune(keep(words[0]))
	last := keep(words[len(words)-1])
	if len(first) == 0 {
		return last
	}
	return string(first[0]) + last
}

// --- the logo ---

func (s *setupScreen) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		defer s.relayout() // a thumbnail or a message changes the page's height
		if err != nil {
			s.say(s.logoProblem, "ClinicDesk could not open that file. "+sentence(err.Error()), widget.DangerImportance)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, doorMaxLogo+1))
		if err != nil {
			s.say(s.logoProblem, "ClinicDesk could not read that file. "+sentence(err.Error()), widget.DangerImportance)
			return
		}
		s.setLogo(data)
	}, s.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.SetTitleText("Choose the clinic's logo (PNG or JPEG)")
	d.SetConfirmText("Use this picture")
	showFileDialog(d, s.ui.win) // sized once shown: a file dialog has no size before
}

// setLogo checks the picture and shows it as a thumbnail.
func (s *setupScreen) setLogo(data []byte) {
	s.say(s.logoProblem, "", widget.DangerImportance)
	if len(data) > doorMaxLogo {
		s.say(s.logoProblem, "That picture is larger than 2 MB: choose a smaller one.", widget.DangerImportance)
		return
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		s.say(s.logoProblem, "That file is not a PNG or JPEG picture.", widget.DangerImportance)
		return
	}
	s.logo = data
	img := canvas.NewImageFromResource(fyne.NewStaticResource("logo."+format, data))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(setupLogoSize)
	s.logoBox.Objects = []fyne.CanvasObject{img}
	s.logoBox.Refresh()
	if s.removeLogoBtn != nil {
		s.removeLogoBtn.Show()
	}
}

func (s *setupScreen) onRemoveLogo() {
	s.logo = nil
	s.logoBox.Objects = []fyne.CanvasObject{setupNoLogo()}
	s.logoBox.Refresh()
	s.removeLogoBtn.Hide()
	s.say(s.logoProblem, "", widget.DangerImportance)
	s.relayout()
}

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
