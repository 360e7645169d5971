package screens

import (
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// passwordDialog changes the signed-in user's own password.
type passwordDialog struct {
	ui      *UI
	session app.Session
	d       dialog.Dialog

	current, password, confirm *textBox
	currentProblem             *widget.Label
	pwFeedback, matchFeedback  *widget.Label
	message                    *widget.Label
	spinner                    *widget.Activity
	okBtn, cancelBtn           *widget.Button
	busy                       bool
}

func newPasswordDialog(u *UI, s app.Session) *passwordDialog {
	p := &passwordDialog{ui: u, session: s}
	p.current = newSecretBox()
	p.password = newSecretBox()
	p.confirm = newSecretBox()
	p.currentProblem = errorText()
	p.pwFeedback = errorText()
	p.matchFeedback = errorText()
	p.message = errorText()
	p.spinner = widget.NewActivity()
	p.spinner.Hide()
	p.password.OnChanged = func(string) { p.onPasswordChanged() }
	p.confirm.OnChanged = func(string) { p.onPasswordChanged() }
	p.current.OnSubmitted = func(string) { u.win.Canvas().Focus(p.password) }
	p.password.OnSubmitted = func(string) { u.win.Canvas().Focus(p.confirm) }
	p.confirm.OnSubmitted = func(string) { p.onSubmit() }
	p.okBtn = widget.NewButton("Change password", p.onSubmit)
	p.okBtn.Importance = widget.HighImportance
	p.cancelBtn = widget.NewButton("Cancel", p.onCancel)

	hint := fieldHint(doorPasswordAdvice)
	content := container.NewVBox(
		wrapped("Signed in as "+s.User.FullName+" ("+s.User.Username+")."),
		labelledField("Current password", p.current, p.currentProblem),
		labelledField("New password", p.password, hint, p.pwFeedback),
		labelledField("New password again", p.confirm, p.matchFeedback),
		p.message,
		container.NewHBox(layout.NewSpacer(), p.spinner, p.cancelBtn, p.okBtn),
	)
	p.d = dialog.NewCustomWithoutButtons("Change your password", content, u.win)
	return p
}

func (p *passwordDialog) show() {
	p.d.Resize(fyne.NewSize(480, p.d.MinSize().Height))
	p.d.Show()
	p.ui.win.Canvas().Focus(p.current)
}

func (p *passwordDialog) avoid() []string {
	return []string{p.session.User.Username, p.session.User.FullName, p.ui.clinicName}
}

func (p *passwordDialog) onPasswordChanged() {
	doorPasswordFeedback(p.pwFeedback, p.password.Text, p.avoid()...)
	doorMatchFeedback(p.matchFeedback, p.password.Text, p.confirm.Text)
}

func (p *passwordDialog) onCancel() {
	if !p.busy {
		p.d.Hide()
	}
}

// onSubmit rewraps the key under the new password off the UI goroutine.
func (p *passwordDialog) onSubmit() {
	if p.busy {
		return
	}
	say(p.currentProblem, widget.DangerImportance, "")
	say(p.message, widget.DangerImportance, "")
	old, pw := p.current.Text, p.password.Text
	if old == "" {
		say(p.currentProblem, widget.DangerImportance, "Type the password you use now.")
		p.ui.win.Canvas().Focus(p.current)
		return
	}
	if err := app.CheckPassword(pw, p.avoid()...); err != nil {
		say(p.message, widget.DangerImportance, sentence(err.Error()))
		p.ui.win.Canvas().Focus(p.password)
		return
	}
	if pw != p.confirm.Text {
		say(p.message, widget.DangerImportance, "The two new passwords are not the same: type them again.")
		p.confirm.SetText("")
		p.ui.win.Canvas().Focus(p.confirm)
		return
	}
	p.setBusy(true)
	clinic := p.ui.clinic
	p.ui.async(func() error { return clinic.ChangePassword(old, pw) }, func(err error) {
		p.setBusy(false)
		if p.ui.state != uiMain {
			return // locked meanwhile: the dialog has gone with the rest
		}
		if err != nil {
			if strings.Contains(err.Error(), "current password") {
				say(p.currentProblem, widget.DangerImportance, sentence(err.Error()))
				p.current.SetText("")
				p.ui.win.Canvas().Focus(p.current)
				return
			}
			say(p.message, widget.DangerImportance, sentence(err.Error()))
			return
		}
		p.d.Hide()
		dialog.ShowInformation("Password changed", "Your new password works from now on: use it next time you sign in or unlock.", p.ui.win)
	})
}

func (p *passwordDialog) setBusy(b bool) {
	p.busy = b
	for _, w := range []fyne.Disableable{p.current, p.password, p.confirm, p.okBtn, p.cancelBtn} {
		if b {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if b {
		p.spinner.Show()
		p.spinner.Start()
	} else {
		p.spinner.Stop()
		p.spinner.Hide()
	}
}
