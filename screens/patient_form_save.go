package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showErrors puts each message under its own field and says, by the Save
// button, that nothing was saved. Messages for fields without a place of
// their own go by the Save button too.
func (f *patientForm) showErrors(fe patients.FieldErrors) {
	f.clearErrors()
	var loose []string
	var first string
	for _, e := range fe {
		l, ok := f.problems[e.Field]
		if !ok {
			loose = append(loose, sentence(e.Message))
			continue
		}
		msg := sentence(e.Message)
		if l.Visible() && l.Text != "" {
			msg = l.Text + " " + msg
		}
		setMessage(l, msg)
		if first == "" {
			first = e.Field
		}
	}
	n := len(fe)
	text := "Nothing has been saved yet: put right the field marked in red above."
	if n > 1 {
		text = fmt.Sprintf("Nothing has been saved yet: put right the %d problems marked in red above.", n)
	}
	if len(loose) > 0 {
		text += " " + strings.Join(loose, " ")
	}
	setMessage(f.summary, text)
	if first != "" {
		if fo, ok := f.focusFor[first]; ok {
			f.ctx.Window.Canvas().Focus(fo)
		}
		if cell, ok := f.cellFor[first]; ok {
			scrollToObject(&f.scroll.Scroll, cell)
		}
	}
}

func (f *patientForm) clearErrors() {
	for _, l := range f.problems {
		setMessage(l, "")
	}
	setMessage(f.summary, "")
}

// refuse shows an error that is not about one field (no permission, …).
func (f *patientForm) refuse(err error) {
	var fe patients.FieldErrors
	if errors.As(err, &fe) {
		f.showErrors(fe)
		return
	}
	f.clearErrors()
	setMessage(f.summary, "Nothing has been saved: "+plainError(err))
}

func (f *patientForm) setBusy(busy bool) {
	f.busy = busy
	if busy {
		f.save.Disable()
		f.cancel.Disable()
	} else {
		f.save.Enable()
		f.cancel.Enable()
	}
}

// onSave checks the record, and for a new patient looks for the same
// person already on file before adding them.
func (f *patientForm) onSave() {
	if f.busy {
		return
	}
	typed, o := f.read()
	// The clinic judges the record; it reads nothing from the file, so it
	// is asked here, and the problems are marked before anything is sent.
	// Its reading of the record (the typed dates as dates) is what is
	// compared with the file and saved.
	p, problems := f.ctx.Clinic.CheckPatient(typed, o)
	if problems != nil {
		f.showErrors(problems)
		return
	}
	f.clearErrors()
	c := f.ctx.Clinic
	f.setBusy(true)
	if f.orig != nil {
		offUI(f.ctx, func() (patients.Patient, error) { return c.UpdatePatient(p, o) }, func(saved patients.Patient, err error) {
			f.setBusy(false)
			if err != nil {
				f.refuse(err)
				return
			}
			f.discardDraft()
			f.screen.openRecordSaying(saved.ID, "Saved the changes to "+patientFullName(saved)+".")
		})
		return
	}
	offUI(f.ctx, func() ([]patients.Duplicate, error) { return c.PossibleDuplicates(p) }, func(dups []patients.Duplicate, err error) {
		f.setBusy(false)
		if err != nil {
			f.refuse(err)
			return
		}
		if len(dups) > 0 {
			f.warnDuplicates(p, o, dups)
			return
		}
		f.create(p, o)
	})
}

// create adds the patient and opens their new record.
func (f *patientForm) create(p patients.Patient, o app.PatientOptions) {
	c := f.ctx.Clinic
	f.setBusy(true)
	offUI(f.ctx, func() (patients.Patient, error) { return c.CreatePatient(p, o) }, func(added patients.Patient, err error) {
		f.setBusy(false)
		if err != nil {
			f.refuse(err)
			return
		}
		f.discardDraft()
		f.screen.openRecordSaying(added.ID, "Added "+patientFullName(added)+".")
	})
}

// warnDuplicates says who on file may be the same person, and why, with
// the choice to open that record instead or to add this one anyway.
func (f *patientForm) warnDuplicates(p patients.Patient, o app.PatientOptions, dups []patients.Duplicate) {
	content := duplicatesList(f.ctx.Clinic, p, dups, "Open the existing record", func(found patients.Patient) {
		f.closeDuplicates()
		f.discardDraft() // the existing record is used instead of what was typed
		f.screen.openRecord(found.ID)
	})
	d := dialog.NewCustomWithoutButtons("This may be someone already on file", content, f.ctx.Window)
	back := widget.NewButtonWithIcon("Back to the form", theme.NavigateBackIcon(), f.closeDuplicates)
	anyway := widget.NewButtonWithIcon("Create anyway", theme.ContentAddIcon(), func() {
		f.closeDuplicates()
		f.create(p, o)
	})
	anyway.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{back, anyway})
	f.dupDialog = d
	fitDialog(d, content, 640)
	d.Show()
}

func (f *patientForm) closeDuplicates() {
	if f.dupDialog != nil {
		f.dupDialog.Hide()
		f.dupDialog = nil
	}
}
