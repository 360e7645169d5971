package screens

import (
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"strings"
	"unicode"

	"clinicdesk/app"
	"clinicdesk/app/practice"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// setupMarks says a step's problems under their fields and keeps the first
// field with one, for the focus to go to.
type setupMarks struct {
	s     *setupScreen
	first fyne.Focusable
}

// say puts msg (or nothing) under a field.
func (m *setupMarks) say(l *widget.Label, msg string, e *widget.Entry) {
	m.s.say(l, msg, widget.DangerImportance)
	if msg != "" && m.first == nil {
		m.first = e
	}
}

// done lays the step out again and reports whether it had no problem,
// focusing the first field that has one.
func (m *setupMarks) done() bool {
	m.s.relayout()
	if m.first != nil {
		m.s.focus(m.first)
		return false
	}
	return true
}

// checkClinic checks step 1, putting a message under each field that is wrong.
func (s *setupScreen) checkClinic() bool {
	marks := setupMarks{s: s}
	fail := marks.say
	fail(s.nameProblem, "", s.name)
	fail(s.phoneProblem, "", s.phone)
	fail(s.emailProblem, "", s.email)
	tidy, problems := app.CheckClinicDetails(practice.Details{Name: s.name.Text, Phone: s.phone.Text, Email: s.email.Text})
	fail(s.nameProblem, sentence(problems.Name), s.name)
	fail(s.phoneProblem, sentence(problems.Phone), s.phone)
	fail(s.emailProblem, sentence(problems.Email), s.email)
	if problems.Phone == "" && tidy.Phone != strings.TrimSpace(s.phone.Text) {
		s.phone.SetText(tidy.Phone) // written the UK way
	}
	return marks.done()
}

// checkManager checks step 2 the way the clinic will, so mistakes show
// under the right field before anything is created.
func (s *setupScreen) checkManager() bool {
	marks := setupMarks{s: s}
	fail := marks.say
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
	return marks.done()
}

// doorCheckUsername is the clinic's own rule, worded as a sentence.
func doorCheckUsername(name string) string {
	if err := app.CheckUsername(name); err != nil {
		return sentence(err.Error())
	}
	return ""
}

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
