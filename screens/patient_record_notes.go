package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (r *patientRecord) notesTab() fyne.CanvasObject {
	r.noteEntry = multiLineEntry(3, "Write a note, or what was said on the phone")
	r.noteProblem = errorText()
	add := widget.NewButtonWithIcon("Add note", theme.DocumentCreateIcon(), r.addNote)
	add.Importance = widget.HighImportance
	in := widget.NewButtonWithIcon("Log call from the patient", theme.VolumeUpIcon(), func() { r.logCall("in") })
	out := widget.NewButtonWithIcon("Log call to the patient", theme.VolumeUpIcon(), func() { r.logCall("out") })
	r.noteButtons = []*widget.Button{add, in, out}
	if !r.ctx.Clinic.Can(app.PermNotePatients) || r.data.p.Status == patients.Merged {
		for _, b := range r.noteButtons {
			b.Disable()
		}
		r.noteEntry.Disable()
	}
	r.notesBox = container.NewVBox()
	r.fillNotes()
	top := container.NewVBox(r.noteEntry, r.noteProblem, container.NewHBox(add, in, out), widget.NewSeparator())
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, newFocusScroll(r.notesBox)))
}

func (r *patientRecord) fillNotes() {
	if r.notesBox == nil {
		return
	}
	r.notesBox.RemoveAll()
	now := wallClock()
	n := 0
	for _, e := range r.data.timeline {
		if e.Kind == "note" || e.Kind == "call" {
			r.notesBox.Add(timelineRow(e, now, r.staffByUsername))
			r.notesBox.Add(widget.NewSeparator())
			n++
		}
	}
	if n == 0 {
		r.notesBox.Add(wrapped("No notes or calls yet."))
	}
}

func (r *patientRecord) addNote() { r.saveNote("") }

func (r *patientRecord) logCall(direction string) { r.saveNote(direction) }

// saveNote adds the note ("" direction) or logs the call.
func (r *patientRecord) saveNote(direction string) {
	body := r.noteEntry.Text
	if strings.TrimSpace(body) == "" {
		setMessage(r.noteProblem, "Write the note first, or what was said on the call.")
		return
	}
	setMessage(r.noteProblem, "")
	c, id := r.ctx.Clinic, r.id
	for _, b := range r.noteButtons {
		b.Disable()
	}
	offUI(r.ctx, func() (patients.Note, error) {
		if direction == "" {
			return c.AddNote(id, body)
		}
		return c.LogCall(id, direction, body)
	}, func(_ patients.Note, err error) {
		for _, b := range r.noteButtons {
			b.Enable()
		}
		if err != nil {
			setMessage(r.noteProblem, plainError(err))
			return
		}
		r.noteEntry.SetText("")
		if direction == "" {
			r.say(widget.SuccessImportance, "Note added.")
		} else {
			r.say(widget.SuccessImportance, "Call logged.")
		}
		r.load(false)
	})
}

// staffByUsername is a colleague's full name, or the user name of someone
// who has left.
func (r *patientRecord) staffByUsername(username string) string {
	for _, u := range r.data.staff {
		if u.Username == username {
			return u.FullName
		}
	}
	return username
}

func (r *patientRecord) staffName(id string) string {
	for _, u := range r.data.staff {
		if u.ID == id {
			return u.FullName
		}
	}
	return "someone who has left"
}
