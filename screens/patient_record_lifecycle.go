package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// retentionText says how long the record must be kept and what the date
// rests on, so the manager can check it against the diary.
func retentionText(d recordData) string {
	if !d.retentionOK {
		return "How long to keep this record cannot be worked out without a date of birth: add it in the details."
	}
	return "Keep until " + d.retention.KeepUntil.Long() + ": " + d.retention.Rule + "."
}

func (r *patientRecord) recordTab() fyne.CanvasObject {
	p := r.data.p
	c := r.ctx.Clinic
	var parts []fyne.CanvasObject

	state := "Active: in the everyday lists and searches."
	switch p.Status {
	case patients.Archived:
		state = "Archived on " + ukDate(p.ArchivedAt) + ": out of the everyday lists, kept for its retention period."
	case patients.Merged:
		state = "Merged into another record."
	}
	parts = append(parts, heading("Keeping this record"), wrapped(state), wrapped(retentionText(r.data)),
		wrapped("The NHS Records Management Code sets these periods; the practice manager decides when a record is finally destroyed."))
	if c.Can(app.PermArchivePatient) && p.Status != patients.Merged {
		if p.Status == patients.Archived {
			r.archiveButton = widget.NewButtonWithIcon("Bring back from the archive", theme.ContentUndoIcon(), r.unarchive)
		} else {
			r.archiveButton = widget.NewButtonWithIcon("Archive this record…", theme.StorageIcon(), r.confirmArchive)
		}
		parts = append(parts, container.NewHBox(r.archiveButton))
	}

	r.mergesBox = container.NewVBox()
	r.fillMerges()
	parts = append(parts, r.mergesBox)

	if sar := r.subjectAccessButton(); sar != nil {
		parts = append(parts, sar)
	}

	if c.Can(app.PermMergePatients) && p.Status == patients.Active {
		r.mergeSearch = newTextBox()
		r.mergeSearch.SetPlaceHolder("Find the duplicate: name, NHS number, date of birth (dd/mm/yyyy), postcode")
		r.mergeSearch.OnChanged = func(string) { r.searchDuplicates() }
		r.mergeFound = container.NewVBox()
		parts = append(parts, widget.NewSeparator(), heading("Merge a duplicate into this record"),
			wrapped("If this patient was added twice, find the other record here. Its notes, calls and follow-ups move to this record, "+
				"and the other record is closed. The merge is recorded in the audit trail and can be undone."),
			r.mergeSearch, r.mergeFound)
	}

	if c.Can(app.PermDeletePatient) {
		r.deleteButton = widget.NewButtonWithIcon("Delete this record…", theme.DeleteIcon(), r.confirmDelete)
		r.deleteButton.Importance = widget.DangerImportance
		parts = append(parts, widget.NewSeparator(), heading("Delete this record"),
			wrapped("Only for a record made by mistake. Deleting removes it and everything on it for good; the audit trail keeps that it happened. "+
				"To keep a record out of the way, archive it instead."),
			container.NewHBox(r.deleteButton))
	}
	return newFocusScroll(container.NewPadded(limitWidth(container.NewVBox(parts...), 820)))
}

func (r *patientRecord) confirmArchive() {
	p := r.data.p
	keep := "It is kept for its retention period."
	if r.data.retentionOK {
		keep = "It is kept until " + r.data.retention.KeepUntil.Long() + "."
	}
	d := dialog.NewConfirm("Archive "+patientFullName(p)+"?",
		"The record leaves the everyday lists and searches. "+keep+" You can bring it back at any time.",
		func(ok bool) {
			r.dialog = nil
			if ok {
				r.setArchived(true)
			}
		}, r.ctx.Window)
	d.SetConfirmText("Archive")
	d.SetDismissText("Keep it active")
	r.dialog = d
	d.Show()
}

func (r *patientRecord) unarchive() { r.setArchived(false) }

func (r *patientRecord) setArchived(archive bool) {
	c, id := r.ctx.Clinic, r.id
	offUI(r.ctx, func() (struct{}, error) {
		if archive {
			return struct{}{}, c.ArchivePatient(id)
		}
		return struct{}{}, c.UnarchivePatient(id)
	}, func(_ struct{}, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			return
		}
		if archive {
			r.flash = "Archived. The record is kept and can be brought back from this tab."
		} else {
			r.flash = "Brought back from the archive."
		}
		r.load(true)
	})
}

// confirmDelete asks the manager to type the confirmation before the
// record goes for good.
func (r *patientRecord) confirmDelete() {
	p := r.data.p
	want := app.DeleteConfirmation(p)
	r.deleteEntry = newTextBox()
	r.deleteEntry.SetPlaceHolder(want)
	r.deleteProblem = errorText()
	del := widget.NewButtonWithIcon("Delete for good", theme.DeleteIcon(), nil)
	del.Importance = widget.DangerImportance
	del.Disable()
	r.deleteEntry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == want {
			del.Enable()
		} else {
			del.Disable()
		}
	}
	content := container.NewVBox(
		wrapped(fmt.Sprintf("This deletes the record of %s (born %s) and all its notes, calls and follow-ups. It cannot be undone.",
			patientFullName(p), p.DOB.Short())),
		wrapped("To confirm, type "+want+" below."),
		r.deleteEntry, r.deleteProblem)
	d := dialog.NewCustomWithoutButtons("Delete "+patientFullName(p)+"?", content, r.ctx.Window)
	cancel := widget.NewButtonWithIcon("Keep the record", theme.CancelIcon(), func() { d.Hide(); r.dialog = nil })
	del.OnTapped = func() { r.delete(r.deleteEntry.Text) }
	d.SetButtons([]fyne.CanvasObject{cancel, del})
	fitDialog(d, content, 520)
	r.dialog = d
	d.Show()
	r.ctx.Window.Canvas().Focus(r.deleteEntry)
}

func (r *patientRecord) delete(typed string) {
	c, id, p := r.ctx.Clinic, r.id, r.data.p
	offUI(r.ctx, func() (struct{}, error) { return struct{}{}, c.DeletePatient(id, typed) }, func(_ struct{}, err error) {
		if err != nil {
			var pe *app.PermissionError
			if errors.As(err, &pe) || r.deleteProblem == nil {
				r.say(widget.DangerImportance, plainError(err))
			}
			if r.deleteProblem != nil {
				setMessage(r.deleteProblem, plainError(err))
			}
			return
		}
		if r.dialog != nil {
			r.dialog.Hide()
			r.dialog = nil
		}
		r.screen.backToSearch("The record of " + patientFullName(p) + " has been deleted.")
	})
}
