package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var complaintNoteKinds = []struct{ kind, label string }{
	{app.ComplaintNoteKind, "Note"},
	{app.ComplaintActionKind, "Action"},
	{app.ComplaintLearningKind, "Learning"},
}

func noteKindLabel(kind string) string {
	for _, k := range complaintNoteKinds {
		if k.kind == kind {
			return k.label
		}
	}
	return kind
}

// notesCard lists the notes, actions and learning, newest last, with a
// box to add one.
func (cf *complaintFile) notesCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, n := range cf.f.Notes {
		if app.IsComplaintLetterNote(n) {
			continue
		}
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s · %s", noteKindLabel(n.Kind), ukcal.WallDateTime(n.At), cf.who(n.By)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		box.Add(container.NewVBox(head, wrapped(n.Body)))
	}
	if len(box.Objects) == 0 {
		box.Add(lowNote("No notes yet. Record what was done, actions agreed and what the practice has learnt."))
	}
	if cf.ctx.Clinic.Can(app.PermLogComplaints) {
		var labels []string
		for _, k := range complaintNoteKinds {
			labels = append(labels, k.label)
		}
		cf.noteKind = widget.NewSelect(labels, nil)
		cf.noteKind.Selected = labels[0]
		cf.noteText = newTextArea()
		cf.noteText.SetMinRowsVisible(2)
		cf.noteText.Wrapping = fyne.TextWrapWord
		cf.noteText.SetPlaceHolder("Add a note, an action agreed or learning")
		cf.keepNoteTyping()
		add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), cf.addNote)
		box.Add(widget.NewSeparator())
		box.Add(container.NewBorder(nil, nil, sized(cf.noteKind, 120), add, cf.noteText))
	}
	return widget.NewCard("Notes, actions and learning", "", box)
}

// addNote saves the note typed.
func (cf *complaintFile) addNote() {
	kind := app.ComplaintNoteKind
	for _, k := range complaintNoteKinds {
		if k.label == cf.noteKind.Selected {
			kind = k.kind
		}
	}
	if _, err := cf.ctx.Clinic.AddComplaintNote(cf.id, kind, cf.noteText.Text); err != nil {
		cf.say(widget.DangerImportance, plainError(err))
		return
	}
	cf.noteDraft.done()
	cf.noteText.SetText("")
	cf.reload()
	cf.say(widget.SuccessImportance, noteKindLabel(kind)+" added.")
}

// keepNoteTyping keeps the note being typed through a lock, a change of
// screen or the file being read again, and puts back what was kept.
func (cf *complaintFile) keepNoteTyping() {
	first := cf.noteDraft == nil // the file has just opened: say so if the note came back
	ref := cf.f.Reference
	d := newFormDraft(cf.ctx, "complaint note "+cf.id, complaintsModuleID, func() string { return "a note on complaint " + ref })
	d.field("kind", func() string { return cf.noteKind.Selected }, cf.noteKind.SetSelected)
	cf.noteKind.OnChanged = func(string) { d.note() }
	d.entry("text", &cf.noteText.Entry)
	cf.noteDraft = d
	d.typed = "the note you were typing"
	if restored := d.begin(); restored != "" && first {
		cf.say(widget.WarningImportance, restored)
	}
}
