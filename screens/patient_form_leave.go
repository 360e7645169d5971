package screens

import (
	"reflect"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// trackChanges copies the form into the user's draft on every change
// from now on (the record being edited has been filled in by now).
func (f *patientForm) trackChanges() {
	changed := func(string) { f.noteChange() }
	ticked := func(bool) { f.noteChange() }
	for _, o := range f.textFields() {
		entryOf(o).OnChanged = changed
	}
	for _, c := range f.ticks() {
		c.OnChanged = ticked
	}
	f.sex.OnChanged = changed
	f.tracking = true
}

// fieldFocused: the keyboard moved to a field. Show it, and remember it
// as the place to put the cursor back after a lock.
func (f *patientForm) fieldFocused(o fyne.CanvasObject) {
	f.ensureVisible(o)
	f.noteChange()
}

func (f *patientForm) onCancel() {
	leave := func() {
		f.discardDraft()
		if f.back != nil {
			f.back()
			return
		}
		f.screen.showSearchPage()
	}
	if f.dirty() {
		f.confirmLeave(leave)
		return
	}
	leave()
}

// dirty reports whether anything has been typed or chosen since the form
// opened.
func (f *patientForm) dirty() bool {
	p, o := f.read()
	return !f.unchanged(p, o)
}

// unchanged reports whether the record read from the form is as it opened.
func (f *patientForm) unchanged(p patients.Patient, o app.PatientOptions) bool {
	return reflect.DeepEqual(p, f.initial) && reflect.DeepEqual(o, f.initialOpts)
}

// confirmLeave asks before what was typed is thrown away.
func (f *patientForm) confirmLeave(leave func()) {
	d := dialog.NewConfirm("Leave without saving?",
		"What you have typed in this form has not been saved and will be lost.",
		func(ok bool) {
			if ok {
				f.discardDraft()
				leave()
			}
		}, f.ctx.Window)
	d.SetConfirmText("Leave without saving")
	d.SetDismissText("Stay on the form")
	d.Show()
}
