package screens

import (
	"errors"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The task dialog: a new task (from the Tasks screen, Ctrl+T anywhere,
// the patient's record) or a change to one. What is typed into a new
// task survives a lock: it is kept at newTaskPlace and the dialog comes
// back over the next screen shown (reopenTaskDraft).

// newTaskPlace is where the new-task dialog's typing is kept: one at a time.
const newTaskPlace = "task new"

// taskDialogWidth fits the dialog in a 1366×768 window with room to spare.
const taskDialogWidth = 600

// The repeat choices, each a tasks.Repeat taken from the day it is due.
const (
	taskRepeatNever     = "Does not repeat"
	taskRepeatWeekly    = "Every week, on the same day"
	taskRepeatFortnight = "Every 2 weeks, on the same day"
	taskRepeatWeekdays  = "Every weekday (Monday to Friday)"
	taskRepeatMonthly   = "Every month, on the same date"
)

var taskRepeatChoices = []string{taskRepeatNever, taskRepeatWeekly, taskRepeatFortnight, taskRepeatWeekdays, taskRepeatMonthly}

// repeatFor is the rule a choice means for a task due on due.
func repeatFor(choice string, due ukcal.Date, workingDaysOnly bool) tasks.Repeat {
	var r tasks.Repeat
	switch choice {
	case taskRepeatWeekly:
		r = tasks.Repeat{Every: tasks.Weekly, Weeks: 1, Weekday: due.Weekday()}
	case taskRepeatFortnight:
		r = tasks.Repeat{Every: tasks.Weekly, Weeks: 2, Weekday: due.Weekday()}
	case taskRepeatWeekdays:
		r = tasks.Repeat{Every: tasks.Weekdays}
	case taskRepeatMonthly:
		r = tasks.Repeat{Every: tasks.Monthly, Day: due.Day()}
	default:
		return tasks.Repeat{}
	}
	r.WorkingDaysOnly = workingDaysOnly
	return r
}

// repeatChoice is the choice that shows a stored rule ("" when the rule
// is one only the command line makes, e.g. every 3 weeks).
func repeatChoice(r tasks.Repeat) string {
	switch {
	case r.IsZero():
		return taskRepeatNever
	case r.Every == tasks.Weekly && r.Weeks == 1:
		return taskRepeatWeekly
	case r.Every == tasks.Weekly && r.Weeks == 2:
		return taskRepeatFortnight
	case r.Every == tasks.Weekdays:
		return taskRepeatWeekdays
	case r.Every == tasks.Monthly:
		return taskRepeatMonthly
	}
	return ""
}

// taskOwners are the choices of who does a task: the people who can sign
// in, the signed-in person first, then each role.
type taskOwners struct {
	labels []string
	users  map[string]string   // label → user ID
	roles  map[string]app.Role // label → role
}

func newTaskOwners(c *app.Clinic, staff []users.User) taskOwners {
	o := taskOwners{users: map[string]string{}, roles: map[string]app.Role{}}
	me := sessionUserID(c)
	for _, u := range staff {
		label := u.FullName
		if u.ID == me {
			label = u.FullName + " (me)"
			o.labels = append([]string{label}, o.labels...)
		} else {
			o.labels = append(o.labels, label)
		}
		o.users[label] = u.ID
	}
	for _, r := range app.Roles() {
		label := "Any " + strings.ToLower(r.Label())
		o.labels = append(o.labels, label)
		o.roles[label] = r
	}
	return o
}

// labelOf is the choice showing a task's owner.
func (o taskOwners) labelOf(k tasks.Task) string {
	for label, r := range o.roles {
		if k.OwnerRole != "" && string(r) == k.OwnerRole {
			return label
		}
	}
	for label, id := range o.users {
		if id == k.OwnerID {
			return label
		}
	}
	return ""
}

// taskDialog is the form of one task.
type taskDialog struct {
	ctx     *Context
	editing *tasks.Task // nil for a new task
	owners  taskOwners

	title    *textBox
	due      *textBox
	dueHint  *widget.Label
	at       *textBox
	owner    *widget.Select
	pick     *calendarPatientPick // nil when the patient is fixed
	fixedID  string               // the patient, when fixed
	note     *textBox
	repeat   *widget.Select
	holidays *widget.Check
	problem  *widget.Label
	restored *widget.Label
	save     *widget.Button
	draft    *formDraft
	dlg      dialog.Dialog
	saved    func(tasks.Task, tasks.Task) // the task as saved, and the next one a Done made (unused here)
}

// openNewTask opens the new-task dialog, about the patient when given
// (the record open, the Ctrl+T shortcut over it); saved is called with
// the task once it is saved. It returns the dialog, nil when it could not
// open (the staff list did not read: said in a dialog).
func openNewTask(ctx *Context, patientID, patientName string, saved func(tasks.Task)) *taskDialog {
	d := &taskDialog{ctx: ctx, fixedID: patientID}
	d.saved = func(k, _ tasks.Task) {
		if saved != nil {
			saved(k)
		}
	}
	if !d.show(patientName) {
		return nil
	}
	return d
}

// openChangeTask opens the dialog on a task to change it.
func openChangeTask(ctx *Context, line app.TaskLine, saved func(tasks.Task)) {
	k := line.Task
	d := &taskDialog{ctx: ctx, editing: &k, fixedID: k.PatientID}
	d.saved = func(k, _ tasks.Task) {
		if saved != nil {
			saved(k)
		}
	}
	d.show(line.Patient)
}

func (d *taskDialog) show(patientName string) bool {
	c := d.ctx.Clinic
	staff, err := c.StaffList()
	if err != nil {
		d.ctx.ShowError(err)
		return false
	}
	d.owners = newTaskOwners(c, staff)
	d.title = newTextBox()
	d.title.SetPlaceHolder("e.g. Call Mrs Khan back about her X-ray")
	d.due = newTextBox()
	d.due.SetPlaceHolder("e.g. tomorrow, Tuesday, 14/12/2026")
	d.dueHint = newSpokenHint()
	d.due.OnChanged = func(text string) { showSpoken(d.dueHint, "Due ", text, patientToday(), ukcal.Ahead) }
	d.at = newTextBox()
	d.at.SetPlaceHolder("e.g. 14:30")
	d.owner = widget.NewSelect(d.owners.labels, nil)
	if len(d.owners.labels) > 0 {
		d.owner.SetSelectedIndex(0)
	}
	d.note = newTextArea()
	d.note.Wrapping = fyne.TextWrapWord
	d.note.SetPlaceHolder("Anything the person doing it needs to know (optional)")
	d.note.SetMinRowsVisible(2)
	d.holidays = widget.NewCheck("Not on bank holidays (move to the next working day)", nil)
	d.repeat = widget.NewSelect(taskRepeatChoices, func(string) { d.repeatChanged() })
	d.repeat.SetSelected(taskRepeatNever)
	d.problem = errorText()
	d.restored = note()

	patient := fyne.CanvasObject(wrapped("Not about a patient."))
	if d.fixedID != "" {
		patient = widget.NewLabelWithStyle(patientName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	} else if d.editing == nil && c.Can(app.PermViewPatients) {
		d.pick = newCalendarPatientPick(d.ctx, func(patients.PatientSummary) { d.noteDraft() })
		d.pick.chosen.SetText("Not about a patient (optional): find one above to link it.")
		patient = d.pick.view
	}
	showSpoken(d.dueHint, "Due ", "", patientToday(), ukcal.Ahead)
	title := "New task"
	action := "Add the task"
	if d.editing != nil {
		title, action = "Change the task", "Save the changes"
		d.fill(*d.editing)
	} else if patientName != "" {
		title = "New task for " + patientName
	}
	// Two fields a line where they are short, so the whole form fits a
	// 768-pixel screen without scrolling.
	when := container.NewGridWithColumns(2, labelledField("Due (day)", d.due), labelledField("Time (optional)", d.at))
	who := container.NewGridWithColumns(2, labelledField("Who will do it", d.owner), labelledField("Repeat", d.repeat))
	content := container.NewVBox(d.restored,
		labelledField("What needs doing", d.title),
		when, d.dueHint,
		who, d.holidays,
		labelledField("Patient", patient),
		labelledField("Note", d.note),
		d.problem)
	d.keepTyping(patientName)
	// Enter in a one-line box saves, as the record's follow-up form did.
	for _, b := range []*textBox{d.title, d.due, d.at} {
		b.OnSubmitted = func(string) { d.submit() }
	}
	d.save = widget.NewButtonWithIcon(action, theme.ConfirmIcon(), d.submit)
	d.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.close() })
	scroll := container.NewVScroll(content)
	inner := float32(taskDialogWidth - 32)
	for i := 0; i < 2; i++ { // wrapped text knows its height once it knows its width
		content.Resize(fyne.NewSize(inner, content.MinSize().Height))
	}
	h := content.MinSize().Height
	if limit := d.ctx.Window.Canvas().Size().Height - 200; limit > 200 && h > limit {
		h = limit
	}
	scroll.SetMinSize(fyne.NewSize(inner, h))
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(cancel, d.save), nil, nil, scroll), d.ctx.Window)
	d.dlg.Resize(fyne.NewSize(taskDialogWidth, 0))
	d.dlg.Show()
	d.ctx.Window.Canvas().Focus(d.title)
	return true
}

// fill puts a task's values in the form, to change it.
func (d *taskDialog) fill(k tasks.Task) {
	d.title.SetText(k.Title)
	d.due.SetText(k.Due.Short())
	d.at.SetText(k.At.String())
	if label := d.owners.labelOf(k); label != "" {
		d.owner.SetSelected(label)
	}
	d.note.SetText(k.Note)
	if choice := repeatChoice(k.Repeat); choice != "" {
		d.repeat.SetSelected(choice)
	} else {
		// A rule made on the command line the list cannot show: say it,
		// and keep it unless another is chosen.
		d.repeat.Options = append([]string{"Keep: " + k.Repeat.Words()}, d.repeat.Options...)
		d.repeat.SetSelectedIndex(0)
	}
	d.holidays.SetChecked(k.Repeat.WorkingDaysOnly)
}

// changeTaskPrefix begins the place where changes to a task are kept:
// "task change <id>".
const changeTaskPrefix = "task change "

// keepTyping keeps what is typed into the dialog through a lock.
func (d *taskDialog) keepTyping(patientName string) {
	place, typed := newTaskPlace, "the task you were adding"
	if d.editing != nil {
		place, typed = changeTaskPrefix+d.editing.ID, "the changes you were making to the task"
	}
	fd := newFormDraft(d.ctx, place, tasksModuleID, func() string {
		t := strings.TrimSpace(d.title.Text)
		switch {
		case d.editing != nil:
			return "the changes to the task “" + d.editing.Title + "”"
		case t != "":
			return "the new task “" + t + "”"
		}
		return "a new task"
	})
	fd.entry("title", &d.title.Entry)
	fd.entry("due", &d.due.Entry)
	fd.entry("time", &d.at.Entry)
	fd.entry("note", &d.note.Entry)
	fd.field("owner", func() string { return d.owner.Selected }, d.owner.SetSelected)
	fd.field("repeat", func() string { return d.repeat.Selected }, d.repeat.SetSelected)
	fd.field("holidays", func() string {
		if d.holidays.Checked {
			return "yes"
		}
		return ""
	}, func(v string) { d.holidays.SetChecked(v == "yes") })
	fixed := d.fixedID + "\n" + patientName
	fd.field("fixed patient", func() string {
		if d.fixedID == "" {
			return ""
		}
		return fixed
	}, func(string) {})
	if d.pick != nil {
		get, set := pickedField(d.pick)
		fd.field("patient", get, set)
	}
	d.owner.OnChanged = func(string) { fd.note() }
	d.repeat.OnChanged = func(string) { d.repeatChanged() }
	d.holidays.OnChanged = func(bool) { fd.note() }
	fd.typed = typed
	d.draft = fd
	say(d.restored, widget.WarningImportance, fd.begin())
}

// repeatChanged offers the bank holiday choice only for a repeating task.
func (d *taskDialog) repeatChanged() {
	d.holidays.Hidden = d.repeat.Selected == taskRepeatNever
	d.holidays.Refresh()
	d.noteDraft()
}

func (d *taskDialog) noteDraft() {
	if d.draft != nil {
		d.draft.note()
	}
}

// close hides the dialog; a new task's typing is thrown away with it.
func (d *taskDialog) close() {
	if d.draft != nil {
		d.draft.done()
	}
	d.dlg.Hide()
}

// read checks the form and returns the task as typed, or says what is
// wrong and where.
func (d *taskDialog) read() (app.TaskInput, fyne.Focusable, error) {
	var in app.TaskInput
	in.Title = strings.TrimSpace(d.title.Text)
	if in.Title == "" {
		return in, d.title, errors.New("say what needs doing, e.g. \"Call Mrs Khan back about her X-ray\"")
	}
	due, err := ukcal.ParseSpoken(d.due.Text, patientToday(), ukcal.Ahead)
	if err != nil {
		if errors.Is(err, ukcal.ErrNoSpokenDate) {
			err = errors.New("say when it is due: " + ukcal.SpokenAheadHelp)
		}
		return in, d.due, err
	}
	in.Due = due
	if in.At, err = tasks.ParseTimeOfDay(d.at.Text); err != nil {
		return in, d.at, err
	}
	label := d.owner.Selected
	if r, ok := d.owners.roles[label]; ok {
		in.OwnerRole = r
	} else if id, ok := d.owners.users[label]; ok {
		in.OwnerID = id
	} else {
		return in, nil, errors.New("choose who will do it: a person, or everyone in a role")
	}
	in.Note = d.note.Text
	in.PatientID = d.fixedID
	if d.pick != nil {
		in.PatientID = d.pick.id()
	}
	if strings.HasPrefix(d.repeat.Selected, "Keep: ") && d.editing != nil {
		in.Repeat = d.editing.Repeat
	} else {
		in.Repeat = repeatFor(d.repeat.Selected, due, d.holidays.Checked)
	}
	return in, nil, nil
}

// submit saves the task off the UI goroutine; the dialog stays open with
// the facade's message when it refuses.
func (d *taskDialog) submit() {
	if d.save.Disabled() {
		return
	}
	in, focus, err := d.read()
	if err != nil {
		setMessage(d.problem, sentence(err.Error()))
		if focus != nil {
			d.ctx.Window.Canvas().Focus(focus)
		}
		return
	}
	setMessage(d.problem, "")
	c, editing := d.ctx.Clinic, d.editing
	d.save.Disable()
	offUI(d.ctx, func() (tasks.Task, error) {
		if editing != nil {
			return c.ChangeTask(editing.ID, in)
		}
		return c.NewTask(in)
	}, func(k tasks.Task, err error) {
		d.save.Enable()
		if err != nil {
			setMessage(d.problem, plainError(err))
			return
		}
		d.close()
		d.saved(k, tasks.Task{})
	})
}

// reopenTaskDraft brings the new-task dialog back when its typing was
// kept (the screen locked over it): called as each screen opens, it does
// nothing while a dialog is up or when nothing is kept.
func reopenTaskDraft(ctx *Context, saved func(tasks.Task)) bool {
	c := ctx.Clinic
	kept, ok := keptTyping(c, sessionUserID(c), newTaskPlace)
	if !ok || overlayOpen(ctx.Window.Canvas()) {
		return false
	}
	id, name, _ := strings.Cut(kept.fields["fixed patient"], "\n")
	return openNewTask(ctx, id, name, saved) != nil
}

// askSnooze asks until which day to put a task off.
func askSnooze(ctx *Context, line app.TaskLine, done func(tasks.Task)) {
	k := line.Task
	box := newTextBox()
	box.SetPlaceHolder("e.g. Friday, next Monday, 14/12/2026")
	hint := newSpokenHint()
	box.OnChanged = func(text string) { showSpoken(hint, "Remind again on ", text, patientToday(), ukcal.Ahead) }
	showSpoken(hint, "Remind again on ", "", patientToday(), ukcal.Ahead)
	problem := errorText()
	var dlg dialog.Dialog
	ok := widget.NewButtonWithIcon("Snooze", theme.ConfirmIcon(), nil)
	ok.Importance = widget.HighImportance
	ok.OnTapped = func() {
		until, err := ukcal.ParseSpoken(box.Text, patientToday(), ukcal.Ahead)
		if err != nil {
			if errors.Is(err, ukcal.ErrNoSpokenDate) {
				err = errors.New("say which day to be reminded again: " + ukcal.SpokenAheadHelp)
			}
			setMessage(problem, sentence(err.Error()))
			return
		}
		c := ctx.Clinic
		ok.Disable()
		offUI(ctx, func() (tasks.Task, error) { return c.SnoozeTask(k.ID, until) }, func(k tasks.Task, err error) {
			ok.Enable()
			if err != nil {
				setMessage(problem, plainError(err))
				return
			}
			dlg.Hide()
			done(k)
		})
	}
	box.OnSubmitted = func(string) { ok.OnTapped() }
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { dlg.Hide() })
	content := container.NewVBox(wrapped("“"+k.Title+"” is "+lowerFirst(line.Words)+". It comes back on the day you choose, and still says when it was first due."),
		labelledField("Remind again on", box, hint), problem)
	dlg = dialog.NewCustomWithoutButtons("Snooze the task", container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil, content), ctx.Window)
	dlg.Resize(fyne.NewSize(480, 0))
	dlg.Show()
	ctx.Window.Canvas().Focus(box)
}

// lowerFirst lowers a sentence's first letter, to go mid-sentence.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// taskDayWords says a day in a sentence: "today", "Tuesday 8 December 2026".
func taskDayWords(d ukcal.Date) string {
	if d == ukcal.Today(wallClock()) {
		return "today"
	}
	return d.LongWithDay()
}
