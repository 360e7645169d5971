package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (r *patientRecord) tasksTab() fyne.CanvasObject {
	r.taskTitle = entry("What needs doing, e.g. \"Call back about the X-ray results\"")
	r.taskDue = entry("e.g. tomorrow")
	dueHint := newSpokenHint()
	r.taskDue.OnChanged = func(text string) { showSpoken(dueHint, "Due ", text, patientToday(), ukcal.Ahead) }
	showSpoken(dueHint, "Due ", "", patientToday(), ukcal.Ahead)
	// Enter in either field adds the follow-up: the desk works from the keyboard.
	r.taskDue.OnSubmitted = func(string) { r.addTask() }
	r.taskTitle.OnSubmitted = func(string) { r.addTask() }
	var names []string
	for _, u := range r.data.staff {
		names = append(names, u.FullName)
	}
	r.taskOwner = widget.NewSelect(names, nil)
	if s, ok := r.ctx.Clinic.Session(); ok {
		r.taskOwner.SetSelected(s.User.FullName)
	}
	r.taskProblem = errorText()
	r.taskAdd = widget.NewButtonWithIcon("Add follow-up", theme.ContentAddIcon(), r.addTask)
	r.taskAdd.Importance = widget.HighImportance
	more := widget.NewButton("More options…", r.moreTaskOptions)
	if !r.ctx.Clinic.Can(app.PermNotePatients) || r.data.p.Status == patients.Merged {
		r.taskAdd.Disable()
		more.Disable()
	}
	restored := note()
	say(restored, widget.WarningImportance, r.keepFollowUpTyping())
	form := container.NewVBox(
		restored,
		container.NewBorder(nil, nil, nil, container.NewHBox(
			labelledField("Due", sized(r.taskDue, 130)), labelledField("Who will do it", sized(r.taskOwner, 190)),
			labelledField(" ", container.NewHBox(r.taskAdd, more))),
			labelledField("Follow-up", r.taskTitle)),
		dueHint,
		r.taskProblem,
	)
	r.tasksBox = container.NewVBox()
	r.fillTasks()
	return container.NewPadded(container.NewBorder(container.NewVBox(form, widget.NewSeparator()), nil, nil, nil, newFocusScroll(r.tasksBox)))
}

// followUpPlace is where a follow-up being typed for a patient is kept.
func followUpPlace(patientID string) string { return "follow-up " + patientID }

// keepFollowUpTyping keeps the follow-up being typed through a lock or a
// change of screen, and puts back what was kept; it returns the note to
// show when something came back.
func (r *patientRecord) keepFollowUpTyping() string {
	name := patientFullName(r.data.p)
	d := newFormDraft(r.ctx, followUpPlace(r.id), patientsModuleID, func() string { return "a follow-up for " + name })
	d.entry("title", r.taskTitle)
	d.entry("due", r.taskDue)
	d.field("owner", func() string { return r.taskOwner.Selected }, r.taskOwner.SetSelected)
	r.taskOwner.OnChanged = func(string) { d.note() }
	d.typed = "the follow-up you were typing"
	restored := d.begin()
	if r.tabs != nil {
		return "" // the record redrawn, not reopened: nothing to tell
	}
	if restored != "" {
		r.openTab = recordTabTasks
	}
	return restored
}

func (r *patientRecord) fillTasks() {
	if r.tasksBox == nil {
		return
	}
	r.tasksBox.RemoveAll()
	if len(r.data.tasks) == 0 {
		r.tasksBox.Add(wrapped("No follow-ups for this patient."))
		return
	}
	today := patientToday()
	canTick := r.ctx.Clinic.Can(app.PermNotePatients)
	for _, k := range r.data.tasks {
		k := k
		done := !k.DoneAt.IsZero()
		check := widget.NewCheck("", nil)
		check.SetChecked(done)
		check.OnChanged = func(on bool) {
			if on {
				r.completeTask(k, check)
			}
		}
		if done || !canTick {
			check.Disable()
		}
		title := wrapped(k.Title)
		title.TextStyle.Bold = !done
		whenLabel := widget.NewLabel("")
		when := app.TaskWhen(k, today)
		doer := r.staffByUsername(k.DoneBy)
		switch st := k.StateOn(today); {
		case done:
			when = fmt.Sprintf("Done %s by %s", ukDate(k.DoneAt), doer)
			whenLabel.Importance = widget.SuccessImportance
		default:
			whenLabel.Importance = taskStateImportance(st)
			whenLabel.TextStyle.Bold = st == tasks.Overdue
		}
		if !k.Repeat.IsZero() && !done {
			when += " · repeats " + k.Repeat.Words()
		}
		owner := r.staffName(k.OwnerID)
		if k.OwnerRole != "" { // a task given to everyone in a role
			owner = "Any " + strings.ToLower(app.Role(k.OwnerRole).Label())
		}
		switch {
		case done && owner == doer:
			whenLabel.SetText(when) // "Done … by Dana Okafor", her own task
		case done:
			// Whose it was, apart from who did it: "Done … by ClinicDesk's
			// rules · Dana Okafor" read as if she had done it.
			whenLabel.SetText(when + " · for " + owner)
		default:
			whenLabel.SetText(when + " · " + owner)
		}
		lines := container.NewVBox(title, whenLabel)
		if k.Note != "" {
			lines.Add(lowNote(k.Note))
		}
		var right fyne.CanvasObject
		if done && r.ctx.Clinic.Can(app.PermReopenTasks) {
			right = container.NewCenter(widget.NewButtonWithIcon("Reopen", theme.ContentUndoIcon(), func() { r.reopenTask(k) }))
		}
		r.tasksBox.Add(container.NewBorder(nil, nil, container.NewCenter(check), right, lines))
		r.tasksBox.Add(widget.NewSeparator())
	}
}

func (r *patientRecord) addTask() {
	title := strings.TrimSpace(r.taskTitle.Text)
	if title == "" {
		setMessage(r.taskProblem, "Say what needs doing, e.g. \"Call back about the X-ray results\".")
		r.ctx.Window.Canvas().Focus(r.taskTitle)
		return
	}
	due, err := ukcal.ParseSpoken(r.taskDue.Text, patientToday(), ukcal.Ahead)
	if err != nil {
		// The words stay in the field, to be put right rather than retyped.
		msg := sentence(err.Error())
		if errors.Is(err, ukcal.ErrNoSpokenDate) {
			msg = "Say when it is due: " + ukcal.SpokenAheadHelp + "."
		}
		setMessage(r.taskProblem, msg)
		r.ctx.Window.Canvas().Focus(r.taskDue)
		return
	}
	owner := ""
	for _, u := range r.data.staff {
		if u.FullName == r.taskOwner.Selected {
			owner = u.ID
		}
	}
	setMessage(r.taskProblem, "")
	c, id := r.ctx.Clinic, r.id
	r.taskAdd.Disable()
	offUI(r.ctx, func() (tasks.Task, error) { return c.AddTask(id, title, due, owner) }, func(_ tasks.Task, err error) {
		r.taskAdd.Enable()
		if err != nil {
			setMessage(r.taskProblem, plainError(err))
			return
		}
		r.taskTitle.SetText("")
		r.taskDue.SetText("")
		typingDrafts.drop(c, sessionUserID(c), followUpPlace(id)) // added: nothing left unsaved
		r.say(widget.SuccessImportance, "Follow-up added.")
		r.load(false)
		// Ready for the next one without reaching for the mouse.
		r.ctx.Window.Canvas().Focus(r.taskTitle)
	})
}

// reopenTask puts a task marked done back on the list (a manager's to do).
func (r *patientRecord) reopenTask(k tasks.Task) {
	c := r.ctx.Clinic
	offUI(r.ctx, func() (struct{}, error) { return struct{}{}, c.ReopenTask(k.ID) }, func(_ struct{}, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			return
		}
		msg := "Reopened: " + k.Title
		if k.RuleKey != "" {
			msg += ". ClinicDesk made this task; it will now leave it for people to close."
		}
		r.say(widget.SuccessImportance, msg)
		r.load(false)
	})
}

// moreTaskOptions opens the whole task dialog for this patient (a time,
// a role, a note, a repeat), carrying over what was typed in the short form.
func (r *patientRecord) moreTaskOptions() {
	title, due := r.taskTitle.Text, r.taskDue.Text
	name, c, id := patientFullName(r.data.p), r.ctx.Clinic, r.id
	d := openNewTask(r.ctx, id, name, func(k tasks.Task) {
		r.taskTitle.SetText("")
		r.taskDue.SetText("")
		typingDrafts.drop(c, sessionUserID(c), followUpPlace(id))
		r.say(widget.SuccessImportance, "Follow-up added.")
		r.load(false)
	})
	if d != nil {
		if d.title.Text == "" {
			restoreTyped(&d.title.Entry, title)
		}
		if d.due.Text == "" {
			restoreTyped(&d.due.Entry, due)
		}
	}
}

func (r *patientRecord) completeTask(k tasks.Task, check *widget.Check) {
	check.Disable()
	c := r.ctx.Clinic
	offUI(r.ctx, func() (struct{}, error) { return struct{}{}, c.CompleteTask(k.ID) }, func(_ struct{}, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			r.load(false)
			return
		}
		r.say(widget.SuccessImportance, "Follow-up done: "+k.Title)
		r.load(false)
	})
}

// --- Record: archive, merge, delete ---

// taskSaved shows a task added over the record (Ctrl+T) on it.
func (s *patientsScreen) taskSaved(k tasks.Task) {
	if s.record != nil && k.PatientID == s.record.id {
		s.record.say(widget.SuccessImportance, "Task added: "+k.Title)
		s.record.load(false)
		return
	}
	if s.message != nil {
		say(s.message, widget.SuccessImportance, "Task added: "+k.Title+". It is in Tasks ("+doorShortcutText("9")+").")
	}
}
