package screens

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/tasks"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const tasksModuleID = "tasks"

// The tabs of the Tasks screen.
const (
	tasksTabMine = "My tasks"
	tasksTabTeam = "Team"
	// tasksEveryone is the Team tab's first choice of whose tasks: all.
	tasksEveryone = "Everyone"
)

// pendingTasksTab is the tab the Tasks screen opens on next (Today's
// card opens "My tasks").
var pendingTasksTab string

// openTasks shows the Tasks screen, on a tab when one is named.
func openTasks(ctx *Context, tab string) {
	if ctx.Open == nil {
		return
	}
	pendingTasksTab = tab
	ctx.Open(tasksModuleID)
}

// tasksNewShortcut (Ctrl+N) adds a task while the Tasks screen shows.
var tasksNewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

// tasksScreen is the worklist: my tasks and my role's, and the team's,
// overdue first, with what can be done to the one chosen.
type tasksScreen struct {
	widget.BaseWidget
	ctx     *Context
	content fyne.CanvasObject

	tabs    *container.AppTabs
	mine    []app.TaskLine
	team    []app.TaskLine
	mineL   *taskList
	teamL   *taskList
	summary *widget.Label
	message *widget.Label
	detail  *widget.Label
	// teamWho narrows the Team tab to one person's or one role's tasks
	// ("who has Ann got on?"); owners maps its choices.
	teamWho *widget.Select
	owners  taskOwners

	done, snooze, change, record, reopen *widget.Button
	lastDone                             string // the task last marked done here, for a manager to reopen
	seq                                  int
	loaded                               bool // the lists have been read once
	openTab                              string
}

func newTasksScreen(ctx *Context) *tasksScreen {
	s := &tasksScreen{ctx: ctx, openTab: pendingTasksTab}
	pendingTasksTab = ""
	return s
}

func (s *tasksScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// letGo drops the task lists read, and any still on its way
// (Context.onLeave).
func (s *tasksScreen) letGo() {
	s.mine, s.team = nil, nil
	s.seq++
}

func (s *tasksScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	cols := &columns{widths: []float32{230, 350, 160, 180}}
	s.summary = wrapped("Reading the tasks…")
	s.message = note()
	s.detail = wrapped("Choose a task to see its note and act on it.")
	s.mineL = s.newList(cols, func() []app.TaskLine { return s.mine })
	s.teamL = s.newList(cols, func() []app.TaskLine { return s.team })
	header := func() fyne.CanvasObject { return headerRow(cols, "When", "What needs doing", "Who", "Patient", "Note") }
	s.teamWho = widget.NewSelect([]string{tasksEveryone}, nil)
	s.teamWho.SetSelected(tasksEveryone)
	s.teamWho.OnChanged = func(string) { s.reload() }
	teamTop := container.NewVBox(container.NewHBox(widget.NewLabel("Whose tasks:"), sized(s.teamWho, 280)), header())
	s.tabs = container.NewAppTabs(
		container.NewTabItem(tasksTabMine, container.NewBorder(header(), nil, nil, nil, s.mineL)),
		container.NewTabItem(tasksTabTeam, container.NewBorder(teamTop, nil, nil, nil, s.teamL)))
	s.tabs.OnSelected = func(*container.TabItem) { s.showChosen(); s.showSummary() }
	if s.openTab == tasksTabTeam {
		s.tabs.SelectIndex(1)
	}

	newB := widget.NewButtonWithIcon("New task… ("+doorShortcutText("N")+")", theme.ContentAddIcon(), s.newTask)
	newB.Importance = widget.HighImportance
	if !s.ctx.Clinic.Can(app.PermNotePatients) {
		newB.Disable()
	}
	s.done = widget.NewButtonWithIcon("Done (D)", theme.ConfirmIcon(), s.doneChosen)
	s.snooze = widget.NewButtonWithIcon("Snooze…", theme.HistoryIcon(), s.snoozeChosen)
	s.change = widget.NewButtonWithIcon("Change… (Enter)", theme.DocumentCreateIcon(), s.changeChosen)
	s.record = widget.NewButtonWithIcon("Open the record", theme.AccountIcon(), s.openRecord)
	s.reopen = widget.NewButtonWithIcon("Reopen the last one done", theme.ContentUndoIcon(), s.reopenLast)
	if !s.ctx.Clinic.Can(app.PermReopenTasks) {
		s.reopen.Hide()
	}
	keys := widget.NewLabel("Up and Down choose · Enter changes · D marks done")
	keys.SizeName = theme.SizeNameCaptionText
	// The message keeps its line while empty: a "Done" must not move the
	// rows under the pointer.
	top := container.NewVBox(container.NewHBox(heading("Tasks"), layout.NewSpacer(), keys, newB), s.summary, keepLine(s.message))
	actions := container.NewVBox(widget.NewSeparator(), s.detail,
		container.NewHBox(s.done, s.snooze, s.change, s.record, layout.NewSpacer(), s.reopen))
	body := s.tabs
	s.content = container.NewPadded(container.NewBorder(top, actions, nil, nil, body))
	s.enable()
	s.ctx.addScreenShortcut(tasksNewShortcut, s.newTask)
	s.reload()
	return s
}

func (s *tasksScreen) newList(cols *columns, lines func() []app.TaskLine) *taskList {
	l := newTaskList(cols, lines)
	l.onChoose = func(int) { s.showChosen() }
	l.onOpen = func(int) { s.changeChosen() }
	l.onDone = func(int) { s.doneChosen() }
	return l
}

// restoreDraft brings back the new-task dialog after a lock (the shell
// calls it once the screen is on show).
func (s *tasksScreen) restoreDraft() bool {
	if reopenTaskDraft(s.ctx, s.saved("Task added.")) {
		return true
	}
	// Changes to a task: read it again, then open the dialog on it with
	// what was typed put back.
	place := latestTyping(s.ctx.Clinic, tasksModuleID, changeTaskPrefix)
	if place == "" {
		return false
	}
	c, id := s.ctx.Clinic, strings.TrimPrefix(place, changeTaskPrefix)
	offUI(s.ctx, func() (app.TaskLine, error) { return c.OpenTask(id) }, func(line app.TaskLine, err error) {
		if err != nil || line.Task.IsDone() {
			// Done or gone meanwhile: nothing left to change.
			typingDrafts.drop(c, sessionUserID(c), place)
			return
		}
		openChangeTask(s.ctx, line, s.saved("Task changed."))
	})
	return true
}

// reload reads both lists off the UI goroutine.
func (s *tasksScreen) reload() {
	s.seq++
	seq := s.seq
	c := s.ctx.Clinic
	team := app.TeamFilter{Limit: 1000}
	if r, ok := s.owners.roles[s.teamWho.Selected]; ok {
		team.OwnerRole = r
	} else if id, ok := s.owners.users[s.teamWho.Selected]; ok {
		team.OwnerID = id
	}
	type both struct {
		mine, team []app.TaskLine
		owners     taskOwners
	}
	offUI(s.ctx, func() (both, error) {
		var b both
		staff, err := c.StaffList()
		if err != nil {
			return b, err
		}
		b.owners = newTaskOwners(c, staff)
		// The rules' tasks first (as Today does), so what came due since
		// the last look is listed and counted.
		if _, err := c.MakeDueRuleTasks(); err != nil && !isPermissionError(err) {
			return b, err
		}
		if b.mine, err = c.MyTasks(); err != nil {
			return b, err
		}
		b.team, err = c.TeamTasks(team)
		return b, err
	}, func(b both, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			say(s.summary, widget.DangerImportance, "The tasks could not be read: "+plainError(err))
			return
		}
		keep := ""
		if t, ok := s.current(); ok {
			keep = t.Task.ID
		}
		// A task done (or snoozed away) leaves the cursor where it was:
		// on the next one, for the keyboard.
		at, _ := s.shownList()
		place := at.cursor
		s.mine, s.team = b.mine, b.team
		s.showOwners(b.owners)
		for _, l := range []*taskList{s.mineL, s.teamL} {
			l.UnselectAll()
			l.cursor = -1
			l.Refresh()
		}
		s.showSummary()
		list, lines := s.shownList()
		found := false
		for i, t := range lines {
			if t.Task.ID == keep {
				list.Select(i)
				list.ScrollTo(i)
				found = true
			}
		}
		if !found && s.loaded && place >= 0 && len(lines) > 0 {
			list.Select(min(place, len(lines)-1))
			list.ScrollTo(min(place, len(lines)-1))
		}
		if !s.loaded && len(lines) > 0 {
			// Ready for the keyboard: the first (most urgent) task chosen.
			list.Select(0)
			if !overlayOpen(s.ctx.Window.Canvas()) {
				s.ctx.Window.Canvas().Focus(list)
			}
		}
		s.loaded = true
		s.showChosen()
	})
}

// showOwners offers everyone who can have a task in the Team tab's
// choice, keeping the one chosen (someone who left falls back to all).
func (s *tasksScreen) showOwners(o taskOwners) {
	s.owners = o
	chosen := s.teamWho.Selected
	s.teamWho.Options = append([]string{tasksEveryone}, o.labels...)
	gone := !slices.Contains(s.teamWho.Options, chosen)
	if gone {
		chosen = tasksEveryone
	}
	s.teamWho.OnChanged = nil
	s.teamWho.SetSelected(chosen)
	s.teamWho.OnChanged = func(string) { s.reload() }
	s.teamWho.Refresh()
	if gone {
		s.reload()
	}
}

// shownList is the tab on show and its tasks.
func (s *tasksScreen) shownList() (*taskList, []app.TaskLine) {
	if s.tabs.SelectedIndex() == 1 {
		return s.teamL, s.team
	}
	return s.mineL, s.mine
}

// showSummary counts the tab on show, or says what to do when it is empty.
func (s *tasksScreen) showSummary() {
	_, lines := s.shownList()
	overdue, today, later := taskCounts(lines)
	switch {
	case len(lines) == 0 && s.tabs.SelectedIndex() == 0:
		say(s.summary, widget.MediumImportance, "Nothing to do: you and your role have no open tasks. "+
			"Add one with New task ("+doorShortcutText("N")+"), or from anywhere with "+doorShortcutText("T")+".")
	case len(lines) == 0:
		say(s.summary, widget.MediumImportance, "Nobody has an open task. Add one with New task ("+doorShortcutText("N")+").")
	case overdue > 0:
		say(s.summary, widget.DangerImportance, fmt.Sprintf("%d overdue · %d due today · %d later. Overdue tasks are first, in red.", overdue, today, later))
	default:
		say(s.summary, widget.MediumImportance, fmt.Sprintf("%d due today · %d later.", today, later))
	}
}

// current is the task chosen on the tab on show.
func (s *tasksScreen) current() (app.TaskLine, bool) {
	list, lines := s.shownList()
	if list.cursor < 0 || list.cursor >= len(lines) {
		return app.TaskLine{}, false
	}
	return lines[list.cursor], true
}

// showChosen says everything about the chosen task in a few lines.
func (s *tasksScreen) showChosen() {
	if t, ok := s.current(); ok {
		s.detail.SetText(taskDetail(t))
	} else {
		s.detail.SetText("Choose a task to see its note and act on it.")
	}
	s.enable()
}

// taskDetail is a task in words: what, when, whose, the patient, the note.
func taskDetail(t app.TaskLine) string {
	k := t.Task
	text := fmt.Sprintf("%s. %s. For %s.", k.Title, t.Words, lowerFirst(t.Owner))
	if t.Owner != "" && t.Owner[:3] != "Any" {
		text = fmt.Sprintf("%s. %s. For %s.", k.Title, t.Words, t.Owner)
	}
	if t.Patient != "" {
		text += " About " + t.Patient + "."
	}
	if !k.Repeat.IsZero() {
		text += " Repeats " + k.Repeat.Words() + "."
	}
	if k.RuleKey != "" {
		text += " Made by ClinicDesk's rules."
	}
	if k.Note != "" {
		text += "\n" + k.Note
	}
	return text
}

func (s *tasksScreen) enable() {
	t, ok := s.current()
	can := s.ctx.Clinic.Can(app.PermNotePatients)
	for _, b := range []*widget.Button{s.done, s.snooze, s.change} {
		setEnabled(b, ok && can)
	}
	setEnabled(s.record, ok && t.Task.PatientID != "")
	setEnabled(s.reopen, s.lastDone != "")
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// saved says what happened and reads the lists again.
func (s *tasksScreen) saved(what string) func(tasks.Task) {
	return func(tasks.Task) {
		say(s.message, widget.SuccessImportance, what)
		s.reload()
	}
}

func (s *tasksScreen) newTask() {
	if !s.ctx.Clinic.Can(app.PermNotePatients) {
		return
	}
	openNewTask(s.ctx, "", "", s.saved("Task added."))
}

func (s *tasksScreen) changeChosen() {
	if t, ok := s.current(); ok && s.ctx.Clinic.Can(app.PermNotePatients) {
		openChangeTask(s.ctx, t, s.saved("Task changed."))
	}
}

func (s *tasksScreen) snoozeChosen() {
	if t, ok := s.current(); ok && s.ctx.Clinic.Can(app.PermNotePatients) {
		askSnooze(s.ctx, t, func(k tasks.Task) {
			s.saved("Snoozed until " + k.SnoozedUntil.LongWithDay() + ".")(k)
		})
	}
}

func (s *tasksScreen) doneChosen() {
	t, ok := s.current()
	if !ok || s.done.Disabled() {
		return
	}
	s.done.Disable()
	markTaskDone(s.ctx, t, func(msg string, err error) {
		if err != nil {
			say(s.message, widget.DangerImportance, plainError(err))
		} else {
			s.lastDone = t.Task.ID
			say(s.message, widget.SuccessImportance, msg)
		}
		s.reload()
	})
}

// markTaskDone ticks a task off, off the UI goroutine, and says so; a
// repeating task says when its next one is due.
func markTaskDone(ctx *Context, t app.TaskLine, then func(msg string, err error)) {
	c := ctx.Clinic
	offUI(ctx, func() (tasks.Task, error) { return c.MarkTaskDone(t.Task.ID) }, func(next tasks.Task, err error) {
		if err != nil {
			then("", err)
			return
		}
		msg := "Done: “" + t.Task.Title + "”."
		if next.ID != "" {
			msg += " It repeats " + next.Repeat.Words() + ": the next one is due " + taskDayWords(next.Due) + "."
		}
		then(msg, nil)
	})
}

func (s *tasksScreen) reopenLast() {
	id := s.lastDone
	if id == "" {
		return
	}
	c := s.ctx.Clinic
	offUI(s.ctx, func() (struct{}, error) { return struct{}{}, c.ReopenTask(id) }, func(_ struct{}, err error) {
		if err != nil {
			say(s.message, widget.DangerImportance, plainError(err))
			return
		}
		s.lastDone = ""
		say(s.message, widget.SuccessImportance, "Reopened: it is back on the list.")
		s.reload()
	})
}

func (s *tasksScreen) openRecord() {
	if t, ok := s.current(); ok && t.Task.PatientID != "" {
		openPatientRecord(s.ctx, t.Task.PatientID)
	}
}

// taskSaved shows a task added over the screen (Ctrl+T).
func (s *tasksScreen) taskSaved(k tasks.Task) { s.saved("Task added.")(k) }

// isPermissionError reports a refusal for the role: the lists are still
// read when the role may not make the rules' tasks.
func isPermissionError(err error) bool {
	var pe *app.PermissionError
	return errors.As(err, &pe)
}
