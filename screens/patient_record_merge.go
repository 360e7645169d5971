package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fillMerges lists the merges this record took part in, with Undo for a
// practice manager.
func (r *patientRecord) fillMerges() {
	if r.mergesBox == nil {
		return
	}
	r.mergesBox.RemoveAll()
	if len(r.data.merges) == 0 {
		return
	}
	r.mergesBox.Add(widget.NewSeparator())
	r.mergesBox.Add(heading("Merges"))
	canUndo := r.ctx.Clinic.Can(app.PermMergePatients)
	now := wallClock()
	for _, m := range r.data.merges {
		m := m
		var text string
		if m.SurvivorID == r.id {
			text = fmt.Sprintf("%s was merged into this record %s by %s.", r.nameOf(m.MergedID), whenSaid(m.MergedAt, now), r.staffByUsername(m.MergedBy))
		} else {
			text = fmt.Sprintf("This record was merged into %s %s by %s.", r.nameOf(m.SurvivorID), whenSaid(m.MergedAt, now), r.staffByUsername(m.MergedBy))
		}
		l := wrapped(text)
		if !m.UndoneAt.IsZero() {
			l.SetText(text + fmt.Sprintf(" Undone %s by %s.", whenSaid(m.UndoneAt, now), r.staffByUsername(m.UndoneBy)))
			l.TextStyle.Italic = true
			r.mergesBox.Add(l)
			continue
		}
		if !canUndo {
			r.mergesBox.Add(l)
			continue
		}
		undo := widget.NewButtonWithIcon("Undo merge", theme.ContentUndoIcon(), func() { r.confirmUndo(m) })
		r.mergesBox.Add(container.NewBorder(nil, nil, nil, undo, l))
	}
}

// mergeName names the other record of a merge: "John Smith (born 12/03/1980)".
func mergeName(p patients.PatientSummary) string {
	return fullName(p) + " (born " + p.DOB.Short() + ")"
}

func (r *patientRecord) nameOf(id string) string {
	if n, ok := r.data.names[id]; ok {
		return n
	}
	return "another record"
}

// searchDuplicates finds the record to merge in, as the manager types.
func (r *patientRecord) searchDuplicates() {
	r.mergeSeq++
	seq := r.mergeSeq
	text := strings.TrimSpace(r.mergeSearch.Text)
	if text == "" {
		r.mergeFound.RemoveAll()
		return
	}
	c := r.ctx.Clinic
	offUI(r.ctx, func() ([]patients.PatientSummary, error) { return c.SearchPatients(text, false, 10) }, func(found []patients.PatientSummary, err error) {
		if seq != r.mergeSeq {
			return
		}
		r.mergeFound.RemoveAll()
		if err != nil {
			r.mergeFound.Add(wrapped(plainError(err)))
			return
		}
		n := 0
		for _, o := range found {
			if o.ID == r.id {
				continue
			}
			o := o
			n++
			facts := []string{dobAge(r.ctx.Clinic, o), o.Postcode}
			if o.NHSNumber != "" {
				facts = append(facts, "NHS "+nhs.FormatNHSNumber(o.NHSNumber))
			}
			who := widget.NewLabelWithStyle(listName(o), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			who.Truncation = fyne.TextTruncateEllipsis
			info := cell()
			info.SetText(strings.Join(facts, " · "))
			b := widget.NewButtonWithIcon("Merge into this record…", theme.ContentCopyIcon(), func() { r.confirmMerge(o) })
			r.mergeFound.Add(container.NewBorder(nil, nil, sized(who, 220), b, info))
		}
		if n == 0 {
			r.mergeFound.Add(wrapped("No other record matches “" + text + "”."))
		}
	})
}

func (r *patientRecord) confirmMerge(dup patients.PatientSummary) {
	p := r.data.p
	msg := fmt.Sprintf("%s (born %s) will be closed, and its notes, calls and follow-ups moved to this record of %s (born %s). "+
		"The details on this record stay as they are: copy anything missing across first. You can undo the merge afterwards.",
		fullName(dup), dup.DOB.Short(), patientFullName(p), p.DOB.Short())
	d := dialog.NewConfirm("Merge the duplicate into this record?", msg, func(ok bool) {
		r.dialog = nil
		if ok {
			r.merge(dup)
		}
	}, r.ctx.Window)
	d.SetConfirmText("Merge")
	d.SetDismissText("Cancel")
	r.dialog = d
	d.Show()
}

func (r *patientRecord) merge(dup patients.PatientSummary) {
	c, id := r.ctx.Clinic, r.id
	offUI(r.ctx, func() (patients.Merge, error) { return c.MergePatients(id, dup.ID) }, func(_ patients.Merge, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			return
		}
		if r.data.names == nil {
			r.data.names = map[string]string{}
		}
		r.data.names[dup.ID] = mergeName(dup)
		r.flash = "Merged " + mergeName(dup) + " into this record. If that was a mistake, undo it under Merges."
		r.load(true)
	})
}

func (r *patientRecord) confirmUndo(m patients.Merge) {
	d := dialog.NewConfirm("Undo this merge?",
		"The merged record comes back as it was, with its own notes, calls and follow-ups.",
		func(ok bool) {
			r.dialog = nil
			if ok {
				r.undoMerge(m)
			}
		}, r.ctx.Window)
	d.SetConfirmText("Undo merge")
	d.SetDismissText("Cancel")
	r.dialog = d
	d.Show()
}

func (r *patientRecord) undoMerge(m patients.Merge) {
	c := r.ctx.Clinic
	offUI(r.ctx, func() (struct{}, error) { return struct{}{}, c.UndoMerge(m.ID) }, func(_ struct{}, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			return
		}
		r.flash = "The merge is undone: " + r.nameOf(m.MergedID) + " is a separate record again."
		r.load(true)
	})
}
