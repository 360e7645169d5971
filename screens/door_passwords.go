package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2/widget"
)

// doorPasswordAdvice is what a password should be, said kindly.
const doorPasswordAdvice = "Use three or four random words, at least 12 characters in all. " +
	"Capitals, numbers and symbols are not needed. Avoid well-known phrases and your name."

// doorPasswordFeedback checks a new password as it is typed.
func doorPasswordFeedback(l *widget.Label, password string, avoid ...string) {
	if password == "" {
		say(l, widget.MediumImportance, "")
		return
	}
	if err := app.CheckPassword(password, avoid...); err != nil {
		say(l, widget.WarningImportance, sentence(err.Error()))
		return
	}
	say(l, widget.SuccessImportance, "Good: this password meets the rules.")
}

// doorMatchFeedback says whether the confirmation matches, once typed.
func doorMatchFeedback(l *widget.Label, password, confirm string) {
	switch {
	case confirm == "":
		say(l, widget.MediumImportance, "")
	case confirm != password:
		say(l, widget.WarningImportance, "The two passwords are not the same yet.")
	default:
		say(l, widget.SuccessImportance, "The two passwords match.")
	}
}
