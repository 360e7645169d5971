package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Drafts: what someone has typed into a form and not saved yet (the
// patient details form here; the new complaint, complaint notes and
// details, the booking dialog, a letter's text and a follow-up through
// draft_typing.go). The lock throws away every widget, so the values are
// copied here as they are typed; when the same person unlocks (or comes
// back from another module) the form reopens as she left it.
//
// A draft lives in memory only, never on disk, and dies with the app. It
// belongs to the user who typed it: someone else signing in through
// "Switch user" neither sees it nor loses it for her, and it comes back
// when she signs in again. Signing out or quitting with any draft asks
// first (shell.go); locking never asks.

// draftReason is why the form went away, for the note when it comes back.
type draftReason int

const (
	draftLeft   draftReason = iota // she went to another module
	draftLocked                    // the screen locked, or she switched user
)

// patientDraft is the details form as it was last typed.
type patientDraft struct {
	orig   *patients.Patient // the record being edited; nil for a new patient
	values patientFormValues
	name   string // the patient's name as typed so far
	focus  int    // the field that had the cursor, in the form's tab order; -1 for none
	reason draftReason
}

// patientFormValues is every field of the form exactly as typed (dates
// and phones unconverted), so it can be put back as it was.
type patientFormValues struct {
	texts        []string // patientForm.textFields, in order
	sex          string
	postcodeKind int
	ticks        []bool // patientForm.ticks, in order
	alerts       []alertValues
}

// alertValues is one alert row as typed: the kind as its label reads.
type alertValues struct{ kind, text string }

// sessionUserID is who is signed in on c ("" for nobody).
func sessionUserID(c *app.Clinic) string {
	if s, ok := c.Session(); ok {
		return s.User.ID
	}
	return ""
}

// where names the form in a question: "the new patient Amelia Taylor".
func (d *patientDraft) where() string {
	if d.orig != nil {
		return "the changes to " + patientFullName(*d.orig) + "'s details"
	}
	if d.name == "" {
		return "the new patient's details"
	}
	return "the new patient " + d.name
}

// discardQuestion asks about throwing the draft away, naming the patient:
// "Discard changes to Zoë Price's details?".
func (d *patientDraft) discardQuestion() string {
	if d.orig != nil {
		return "Discard changes to " + patientFullName(*d.orig) + "'s details?"
	}
	if d.name == "" {
		return "Discard the new patient's details?"
	}
	return "Discard the new patient " + d.name + "?"
}

// restoredNote says why the form is back, and that nothing is saved yet.
func (d *patientDraft) restoredNote() string { return restoredNote(d.reason, "") }

// restoredNote says why a form is back, and that nothing is saved yet.
// typed names what came back ("the booking you were making"); "" is "what
// you were typing".
func restoredNote(reason draftReason, typed string) string {
	if typed == "" {
		typed = "what you were typing"
	}
	if reason == draftLocked {
		return "Restored " + typed + " before the screen locked. It has not been saved yet."
	}
	return "Restored " + typed + " before you left this form. It has not been saved yet."
}

// --- the form's side ---

// values copies every field as it stands.
func (f *patientForm) values() patientFormValues {
	v := patientFormValues{sex: f.sex.Selected, postcodeKind: f.postcodeKind.SelectedIndex()}
	for _, o := range f.textFields() {
		v.texts = append(v.texts, entryOf(o).Text)
	}
	for _, c := range f.ticks() {
		v.ticks = append(v.ticks, c.Checked)
	}
	for _, r := range f.alerts {
		v.alerts = append(v.alerts, alertValues{kind: r.kind.Selected, text: r.text.Text})
	}
	return v
}

// setValues puts copied values back. The postcode choice goes first,
// since choosing a pseudo-postcode fills in and locks the postcode.
func (f *patientForm) setValues(v patientFormValues) {
	f.postcodeKind.SetSelectedIndex(v.postcodeKind)
	if v.sex != "" {
		f.sex.SetSelected(v.sex)
	}
	for _, r := range append([]*alertRow(nil), f.alerts...) {
		f.removeAlert(r)
	}
	for _, a := range v.alerts {
		f.addAlert(patients.Alert{})
		r := f.alerts[len(f.alerts)-1]
		if a.kind != "" {
			r.kind.SetSelected(a.kind)
		}
		r.text.SetText(a.text)
	}
	for i, o := range f.textFields() {
		if i < len(v.texts) {
			entryOf(o).SetText(v.texts[i])
		}
	}
	for i, c := range f.ticks() {
		if i < len(v.ticks) {
			c.SetChecked(v.ticks[i])
		}
	}
}

// entryOf is the text entry inside one of the form's text fields.
func entryOf(o fyne.Focusable) *widget.Entry {
	switch e := o.(type) {
	case *formEntry:
		return &e.Entry
	case *widget.SelectEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	return nil
}

// cursorToEnd puts the cursor after the last character, where typing
// carries on.
func cursorToEnd(e *widget.Entry) {
	lines := strings.Split(e.Text, "\n")
	e.CursorRow = len(lines) - 1
	e.CursorColumn = len([]rune(lines[len(lines)-1]))
	e.Refresh()
}

// focusIndex is where the cursor is, in textFields order (-1: elsewhere).
func (f *patientForm) focusIndex() int {
	focused := f.ctx.Window.Canvas().Focused()
	if focused == nil {
		return -1
	}
	for i, o := range f.textFields() {
		if o == focused {
			return i
		}
	}
	return -1
}

// noteChange keeps the draft up to date after every change, or forgets
// it once the form is back as it opened.
func (f *patientForm) noteChange() {
	if !f.tracking {
		return
	}
	c := f.ctx.Clinic
	p, o := f.read()
	if f.unchanged(p, o) {
		patientDrafts.discard(c, f.owner)
		return
	}
	patientDrafts.keep(c, f.owner, &patientDraft{orig: f.orig, values: f.values(), name: patientFullName(p), focus: f.focusIndex()})
}

// discardDraft forgets the draft: the form was saved or left on purpose.
func (f *patientForm) discardDraft() {
	f.tracking = false
	patientDrafts.discard(f.ctx.Clinic, f.owner)
}

// restore puts a draft into a freshly built form.
func (f *patientForm) restore(d *patientDraft) {
	f.tracking = false
	f.setValues(d.values)
	f.tracking = true
	say(f.restored, widget.WarningImportance, d.restoredNote())
	f.noteChange() // the draft is this form's now; its reason starts afresh
	fields := f.textFields()
	if d.focus >= 0 && d.focus < len(fields) {
		f.ctx.Window.Canvas().Focus(fields[d.focus])
		cursorToEnd(entryOf(fields[d.focus]))
	} else {
		f.focusFirst()
	}
	if f.orig != nil {
		f.checkStillCurrent()
	}
}

// checkStillCurrent warns when the record being edited has been changed
// since the form opened (someone else signed in meanwhile, say): saving
// would overwrite their changes.
func (f *patientForm) checkStillCurrent() {
	c, orig := f.ctx.Clinic, *f.orig
	offUI(f.ctx, func() (patients.Patient, error) { return c.Patient(orig.ID) }, func(now patients.Patient, err error) {
		if f.screen.form != f {
			return // left meanwhile
		}
		switch {
		case err != nil:
			setMessage(f.summary, "This record could not be read again: "+plainError(err))
		case now.Status == patients.Merged:
			setMessage(f.summary, patientFullName(orig)+"'s record has been merged into another since you started: these changes cannot be saved here.")
		case !now.UpdatedAt.Equal(orig.UpdatedAt):
			say(f.restored, widget.WarningImportance, f.restored.Text+" "+patientFullName(orig)+
				"'s details have been changed by someone else since you started: saving puts back what is in this form, so check it first.")
		}
	})
}

// --- the Patients module's side ---

// draftRestorer is module content that can reopen a kept draft.
type draftRestorer interface {
	restoreDraft() bool
}

// restoreDraft reopens the details form with what the signed-in user had
// typed, if there is a draft. Cancel on a restored edit goes to the record.
func (s *patientsScreen) restoreDraft() bool {
	c := s.ctx.Clinic
	d, ok := patientDrafts.get(c, sessionUserID(c))
	if !ok {
		return s.restoreRecordTyping()
	}
	say(s.message, widget.MediumImportance, "")
	var orig *patients.Patient
	if d.orig != nil {
		p := *d.orig
		orig = &p
	}
	s.record = nil
	s.form = newPatientForm(s, orig)
	if orig != nil {
		id := orig.ID
		s.form.back = func() { s.form = nil; s.openRecord(id) }
	}
	s.show(s.form.build())
	s.form.restore(d)
	return true
}

// restoreRecordTyping reopens the record where a follow-up was being
// typed, or where a letter was being written when the screen locked (the
// letter dialog comes back over it). A letter kept but not reopened here
// (its screen left since) comes back with the next "Write a letter…" to
// that patient.
func (s *patientsScreen) restoreRecordTyping() bool {
	c := s.ctx.Clinic
	place := latestTyping(c, patientsModuleID, "")
	switch {
	case strings.HasPrefix(place, "follow-up "):
		s.openRecord(strings.TrimPrefix(place, "follow-up "))
	case strings.HasPrefix(place, letterPlacePrefix):
		if d, _ := keptTyping(c, sessionUserID(c), place); d == nil || d.reason != draftLocked {
			return false
		}
		id := strings.TrimPrefix(place, letterPlacePrefix)
		s.openRecord(id)
		openLetterDialog(s.ctx, id, "", "")
	default:
		return false
	}
	return true
}
