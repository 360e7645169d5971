package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/tasks"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// taskList is one tab's tasks: ↑ and ↓ move, Enter (or a double look:
// a click) chooses and opens the task, D marks it done.
type taskList struct {
	widget.List
	lines    func() []app.TaskLine
	cols     *columns
	cursor   int
	onChoose func(int) // a row was chosen (click, arrows)
	onOpen   func(int) // Enter: open the task
	onDone   func(int) // D: done
}

func newTaskList(cols *columns, lines func() []app.TaskLine) *taskList {
	l := &taskList{lines: lines, cols: cols}
	l.Length = func() int { return len(lines()) }
	l.CreateItem = l.newRow
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		ls := lines()
		if id >= 0 && id < len(ls) {
			fillTaskRow(o, ls[id], cols.widths[0])
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.cursor = id
		if l.onChoose != nil {
			l.onChoose(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

func (l *taskList) TypedKey(ev *fyne.KeyEvent) {
	n := l.Length()
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.cursor >= 0 && l.cursor < n && l.onOpen != nil {
			l.onOpen(l.cursor)
		}
		return
	case fyne.KeyUp, fyne.KeyDown:
		next := l.cursor
		if ev.Name == fyne.KeyUp && next > 0 {
			next--
		} else if ev.Name == fyne.KeyDown && next < n-1 {
			next++
		}
		if next >= 0 && next < n {
			l.Select(next) // the row chosen follows the keyboard
			l.ScrollTo(next)
		}
		return
	}
	l.List.TypedKey(ev)
}

func (l *taskList) TypedRune(r rune) {
	if (r == 'd' || r == 'D') && l.cursor >= 0 && l.cursor < l.Length() && l.onDone != nil {
		l.onDone(l.cursor)
	}
}

// newRow is one task: when it is due in words, what, whose, the patient
// and the note's first line.
func (l *taskList) newRow() fyne.CanvasObject {
	when := cell()
	what := cell()
	what.TextStyle.Bold = true
	return row(l.cols, when, what, cell(), cell(), cell())
}

// fillTaskRow writes a task into a row; when is the width of its first
// column.
func fillTaskRow(o fyne.CanvasObject, t app.TaskLine, whenWidth float32) {
	cells := o.(*fyne.Container).Objects
	when := cells[0].(*widget.Label)
	when.Importance = taskStateImportance(t.State)
	when.TextStyle.Bold = t.State == tasks.Overdue
	note, _, _ := strings.Cut(t.Task.Note, "\n")
	patient := t.Patient
	if t.Task.PatientID == "" {
		patient = "—"
	}
	texts := []string{taskWhenFitting(t, whenWidth, when.TextStyle), t.Task.Title, t.Owner, patient, note}
	for i, c := range cells {
		c.(*widget.Label).SetText(texts[i])
	}
}

// taskStateImportance colours a task's day: overdue red, due today
// orange, snoozed quiet.
func taskStateImportance(s tasks.State) widget.Importance {
	switch s {
	case tasks.Overdue:
		return widget.DangerImportance
	case tasks.DueToday:
		return widget.WarningImportance
	case tasks.Snoozed, tasks.Done:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// taskCounts is a list's count line: "3 overdue · 2 due today · 5 later".
func taskCounts(lines []app.TaskLine) (overdue, today, later int) {
	for _, t := range lines {
		switch t.State {
		case tasks.Overdue:
			overdue++
		case tasks.DueToday:
			today++
		default:
			later++
		}
	}
	return overdue, today, later
}

// taskWhenFitting is the task's day in words (app.TaskWhen) when they fit
// the column, else the same said with short dates ("Overdue since
// 14/07/2026"): the whole sentence is under the list when it is chosen.
func taskWhenFitting(t app.TaskLine, width float32, style fyne.TextStyle) string {
	room := width - 2*theme.InnerPadding()
	if fyne.MeasureText(t.Words, theme.TextSize(), style).Width <= room {
		return t.Words
	}
	k := t.Task
	at := ""
	if !k.At.IsZero() {
		at = " at " + k.At.String()
	}
	switch t.State {
	case tasks.Overdue:
		return "Overdue since " + k.EffectiveDue().Short() + at
	case tasks.DueToday:
		return "Due today" + at
	case tasks.Snoozed:
		return "Snoozed until " + k.SnoozedUntil.Short()
	}
	return "Due " + k.Due.Short() + at
}
