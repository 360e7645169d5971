package screens

import (
	"errors"
	"strings"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// loginScreen is where everyone signs in with their own user name and
// password.
type loginScreen struct {
	ui *UI
	// canReturn: a locked session is waiting (reached via "Switch user").
	canReturn bool

	username  *widget.Entry
	password  *widget.Entry
	signInBtn *widget.Button
	forgotBtn *widget.Button
	backBtn   *widget.Button
	spinner   *widget.Activity
	message   *widget.Label
	busy      bool
	recovery  *recoveryDialog
}

func newLoginScreen(u *UI, canReturn bool) *loginScreen {
	return &loginScreen{ui: u, canReturn: canReturn}
}

func (l *loginScreen) build() fyne.CanvasObject {
	name := l.ui.clinicName
	if name == "" {
		name = "ClinicDesk"
	}
	clinic := pageTitle(name)
	clinic.Alignment = fyne.TextAlignCenter
	sub := widget.NewLabelWithStyle("Sign in with your own user name and password", fyne.TextAlignCenter, fyne.TextStyle{})
	sub.Wrapping = fyne.TextWrapWord

	l.username = widget.NewEntry()
	l.username.SetPlaceHolder("e.g. asmith")
	l.username.OnSubmitted = func(string) { l.onUsernameSubmitted() }
	l.password = widget.NewPasswordEntry()
	l.password.OnSubmitted = func(string) { l.onSignIn() }
	l.message = errorText()
	l.spinner = widget.NewActivity()
	l.spinner.Hide()
	l.signInBtn = widget.NewButtonWithIcon("Sign in", theme.LoginIcon(), l.onSignIn)
	l.signInBtn.Importance = widget.HighImportance
	l.forgotBtn = widget.NewButton("Forgotten your password?", l.onForgotten)
	l.forgotBtn.Importance = widget.LowImportance

	items := []fyne.CanvasObject{
		container.NewCenter(doorLogo(64)),
		clinic,
		sub,
		labelledField("User name", l.username),
		labelledField("Password", l.password),
		container.NewHBox(l.forgotBtn, layout.NewSpacer(), l.spinner, l.signInBtn),
		// Under the buttons, so a message appearing moves nothing above it:
		// the pointer on the button stays on it.
		l.message,
	}
	if l.canReturn {
		if s, ok := l.ui.clinic.Session(); ok && s.Locked {
			l.backBtn = widget.NewButtonWithIcon("Back to "+s.User.FullName+"'s locked screen", theme.NavigateBackIcon(), l.onBack)
			l.backBtn.Importance = widget.LowImportance
			items = append(items, widget.NewSeparator(), container.NewHBox(l.backBtn))
		}
	}
	if note := l.ui.opts.DemoNote; note != "" {
		demo := wrapped(note)
		demo.Importance = widget.WarningImportance
		demo.Alignment = fyne.TextAlignCenter
		items = append(items, demo)
	}
	where := widget.NewLabel("Clinic file: " + l.ui.opts.DBPath)
	where.Importance = widget.LowImportance
	where.Alignment = fyne.TextAlignCenter
	where.Wrapping = fyne.TextWrapBreak
	where.SizeName = theme.SizeNameCaptionText
	items = append(items, where)
	return doorCentred(container.NewVBox(items...), 460)
}

func (l *loginScreen) focusFirst() { l.ui.win.Canvas().Focus(l.username) }

// onUsernameSubmitted: Enter in the user name moves on to the password.
func (l *loginScreen) onUsernameSubmitted() {
	if strings.TrimSpace(l.username.Text) == "" {
		return
	}
	l.ui.win.Canvas().Focus(l.password)
}

// onSignIn checks the password off the UI goroutine: the key derivation
// takes about half a second on purpose.
func (l *loginScreen) onSignIn() {
	if l.busy || l.ui.login != l {
		return
	}
	user, pw := strings.TrimSpace(l.username.Text), l.password.Text
	switch {
	case user == "":
		say(l.message, widget.DangerImportance, "Type your user name.")
		l.ui.win.Canvas().Focus(l.username)
		return
	case pw == "":
		say(l.message, widget.DangerImportance, "Type your password.")
		l.ui.win.Canvas().Focus(l.password)
		return
	}
	l.setBusy(true)
	clinic := l.ui.clinic
	var name string
	slow := time.AfterFunc(signInSlowAfter, func() { fyne.Do(l.stillOpening) })
	l.ui.async(func() error {
		if err := clinic.SignIn(user, pw); err != nil {
			return err
		}
		name = doorClinicName(clinic)
		return nil
	}, func(err error) {
		slow.Stop()
		if l.ui.login != l || l.ui.state != uiLogin {
			return
		}
		l.setBusy(false)
		if err != nil {
			say(l.message, widget.DangerImportance, signInProblem(err))
			l.password.SetText("")
			l.ui.win.Canvas().Focus(l.password)
			return
		}
		l.ui.signedIn(name, "")
	})
}

// signInSlowAfter is how long a sign-in may take before the screen says
// why it is still going: it takes half a second, but the first one after
// an update brings the clinic file up to date (migrations), which takes
// 30–45 s for a clinic of a million appointments.
const signInSlowAfter = 3 * time.Second

// stillOpening tells the person waiting at a sign-in that has not
// finished that nothing is stuck.
func (l *loginScreen) stillOpening() {
	if !l.busy || l.ui.login != l || l.ui.state != uiLogin {
		return
	}
	say(l.message, widget.LowImportance, "Still opening the clinic file. The first sign-in after ClinicDesk is updated brings "+
		"the file up to date, which can take a minute in a large clinic. Please wait.")
}

// signInProblem says why a sign-in failed. After too many wrong passwords
// for a name it says how long to wait (the wait is the same whether or
// not the name exists, so it gives nothing away).
func signInProblem(err error) string {
	var we *app.SignInWaitError
	if !errors.As(err, &we) {
		return doorFriendly(err)
	}
	if we.Checked {
		return "Wrong user name or password. There have been too many wrong passwords for " + we.Username +
			": wait " + app.WaitText(we.Wait) + " before the next try."
	}
	return "Too many wrong passwords for " + we.Username + ": try again in " + app.WaitText(we.Wait) + "."
}

// onBack returns to the locked session that "Switch user" left.
func (l *loginScreen) onBack() {
	if l.busy {
		return
	}
	l.ui.showLock()
}

func (l *loginScreen) setBusy(b bool) {
	l.busy = b
	for _, w := range []fyne.Disableable{l.username, l.password, l.signInBtn, l.forgotBtn} {
		if b {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if l.backBtn != nil {
		if b {
			l.backBtn.Disable()
		} else {
			l.backBtn.Enable()
		}
	}
	if b {
		say(l.message, widget.DangerImportance, "")
		l.spinner.Show()
		l.spinner.Start()
	} else {
		l.spinner.Stop()
		l.spinner.Hide()
	}
}

func (l *loginScreen) onForgotten() {
	if l.busy {
		return
	}
	l.recovery = newRecoveryDialog(l.ui, strings.TrimSpace(l.username.Text))
	l.recovery.show()
}

// recoveryDialog is "Forgotten your password?": the recovery key from the
// Emergency recovery sheet lets anyone holding it set a new password.
type recoveryDialog struct {
	ui *UI
	d  dialog.Dialog

	key, username, password, confirm *widget.Entry
	pwFeedback, matchFeedback        *widget.Label
	message                          *widget.Label
	spinner                          *widget.Activity
	okBtn, cancelBtn                 *widget.Button
	busy                             bool
}

func newRecoveryDialog(u *UI, username string) *recoveryDialog {
	r := &recoveryDialog{ui: u}
	r.key = widget.NewEntry()
	r.key.SetPlaceHolder("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
	r.key.TextStyle = fyne.TextStyle{Monospace: true}
	r.username = widget.NewEntry()
	r.username.SetText(username)
	r.password = widget.NewPasswordEntry()
	r.confirm = widget.NewPasswordEntry()
	r.pwFeedback = errorText()
	r.matchFeedback = errorText()
	r.message = errorText()
	r.spinner = widget.NewActivity()
	r.spinner.Hide()
	r.password.OnChanged = func(string) { r.onPasswordChanged() }
	r.confirm.OnChanged = func(string) { r.onPasswordChanged() }
	r.key.OnSubmitted = func(string) { r.ui.win.Canvas().Focus(r.username) }
	r.username.OnSubmitted = func(string) { r.ui.win.Canvas().Focus(r.password) }
	r.password.OnSubmitted = func(string) { r.ui.win.Canvas().Focus(r.confirm) }
	r.confirm.OnSubmitted = func(string) { r.onSubmit() }

	r.okBtn = widget.NewButton("Set new password and sign in", r.onSubmit)
	r.okBtn.Importance = widget.HighImportance
	r.cancelBtn = widget.NewButton("Cancel", r.onCancel)

	explain := wrapped("The recovery key is printed on the clinic's Emergency recovery sheet, which a practice manager keeps locked away. " +
		"With it you can choose a new password for any user, yourself included.")
	hint := fieldHint(doorPasswordAdvice)
	content := container.NewVBox(
		explain,
		labelledField("Recovery key", r.key),
		labelledField("User name", r.username),
		labelledField("New password", r.password, hint, r.pwFeedback),
		labelledField("New password again", r.confirm, r.matchFeedback),
		r.message,
		container.NewHBox(layout.NewSpacer(), r.spinner, r.cancelBtn, r.okBtn),
	)
	r.d = dialog.NewCustomWithoutButtons("Forgotten your password?", content, u.win)
	return r
}

func (r *recoveryDialog) show() {
	r.d.Resize(fyne.NewSize(520, r.d.MinSize().Height))
	r.d.Show()
	r.ui.win.Canvas().Focus(r.key)
}

func (r *recoveryDialog) onPasswordChanged() {
	doorPasswordFeedback(r.pwFeedback, r.password.Text, r.username.Text, r.ui.clinicName)
	doorMatchFeedback(r.matchFeedback, r.password.Text, r.confirm.Text)
}

func (r *recoveryDialog) onCancel() {
	if !r.busy {
		r.d.Hide()
	}
}

func (r *recoveryDialog) onSubmit() {
	if r.busy {
		return
	}
	key, user, pw := strings.TrimSpace(r.key.Text), strings.TrimSpace(r.username.Text), r.password.Text
	switch {
	case key == "":
		say(r.message, widget.DangerImportance, "Type the recovery key from the Emergency recovery sheet.")
		r.ui.win.Canvas().Focus(r.key)
		return
	case user == "":
		say(r.message, widget.DangerImportance, "Type the user name that needs a new password.")
		r.ui.win.Canvas().Focus(r.username)
		return
	}
	if err := app.CheckPassword(pw, user, r.ui.clinicName); err != nil {
		say(r.message, widget.DangerImportance, sentence(err.Error()))
		r.ui.win.Canvas().Focus(r.password)
		return
	}
	if pw != r.confirm.Text {
		say(r.message, widget.DangerImportance, "The two new passwords are not the same: type them again.")
		r.confirm.SetText("")
		r.ui.win.Canvas().Focus(r.confirm)
		return
	}
	r.setBusy(true)
	clinic := r.ui.clinic
	var name string
	r.ui.async(func() error {
		if err := clinic.RecoverAccess(key, user, pw); err != nil {
			return err
		}
		name = doorClinicName(clinic)
		return nil
	}, func(err error) {
		r.setBusy(false)
		if r.ui.state != uiLogin {
			return
		}
		if err != nil {
			say(r.message, widget.DangerImportance, doorFriendly(err))
			return
		}
		r.d.Hide()
		r.ui.signedIn(name, "")
		dialog.ShowInformation("New password set",
			"You are signed in. From now on, sign in as "+user+" with the new password.", r.ui.win)
	})
}

func (r *recoveryDialog) setBusy(b bool) {
	r.busy = b
	for _, w := range []fyne.Disableable{r.key, r.username, r.password, r.confirm, r.okBtn, r.cancelBtn} {
		if b {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if b {
		say(r.message, widget.DangerImportance, "")
		r.spinner.Show()
		r.spinner.Start()
	} else {
		r.spinner.Stop()
		r.spinner.Hide()
	}
}
