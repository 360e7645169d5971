package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/tasks"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayTasksShown is how many tasks the card lists; the rest are a click
// (or Tab and Enter) away on the Tasks screen.
const todayTasksShown = 5

// todayTasks is the Today screen's "My tasks" card: the signed-in
// person's tasks and their role's that are overdue or due today, each
// with Done. Loading it runs the rules that make tasks (through
// MyTaskCounts), so what came due since the last look is on it.
type todayTasks struct {
	ctx     *Context
	card    *widget.Card
	list    *fyne.Container
	message *widget.Label
	counts  app.TaskCounts
	lines   []app.TaskLine // the first overdue and due today, in the list's order
	seq     int
}

// addTodayTasks puts the card first in the Today screen's side column:
// the promises made to patients come before the registers.
func addTodayTasks(ctx *Context, cards *fyne.Container) *todayTasks {
	if !ctx.Clinic.Can(app.PermViewPatients) {
		return nil
	}
	p := &todayTasks{ctx: ctx, list: container.NewVBox(lowNote("Reading your tasks…")), message: note()}
	p.card = widget.NewCard("My tasks", "Due or overdue", container.NewVBox(p.message, p.list))
	cards.Objects = append([]fyne.CanvasObject{p.card}, cards.Objects...)
	cards.Refresh()
	p.reload()
	return p
}

// todayTasksRead is what the card shows.
type todayTasksRead struct {
	counts app.TaskCounts
	lines  []app.TaskLine
}

// reload counts and lists the tasks off the UI goroutine.
func (p *todayTasks) reload() {
	p.seq++
	seq := p.seq
	c := p.ctx.Clinic
	offUI(p.ctx, func() (todayTasksRead, error) {
		var r todayTasksRead
		var err error
		if r.counts, err = c.MyTaskCounts(); err != nil { // runs the rules first
			return r, err
		}
		r.lines, err = c.MyTasksDue(todayTasksShown)
		return r, err
	}, func(r todayTasksRead, err error) {
		if seq == p.seq {
			p.show(r, err)
		}
	})
}

func (p *todayTasks) show(r todayTasksRead, err error) {
	p.list.Objects = nil
	if err != nil {
		l := wrapped("Your tasks could not be read: " + plainError(err))
		l.Importance = widget.DangerImportance
		p.list.Add(l)
		p.list.Refresh()
		return
	}
	p.counts, p.lines = r.counts, r.lines
	p.card.SetSubTitle(todayTaskTitle(r.counts))
	if len(r.lines) == 0 {
		p.list.Add(lowNote("Nothing due today or overdue. " + doorShortcutText("T") + " adds one from any screen."))
	}
	for i, l := range r.lines {
		if i == todayTasksShown {
			break
		}
		if i > 0 {
			p.list.Add(widget.NewSeparator())
		}
		p.list.Add(p.item(l))
	}
	label := "Open my tasks"
	if more := r.counts.Overdue + r.counts.DueToday - len(r.lines); more > 0 {
		label = fmt.Sprintf("Open my tasks (%d more)", more)
	}
	open := widget.NewButton(label, func() { openTasks(p.ctx, tasksTabMine) })
	open.Importance = widget.LowImportance
	p.list.Add(container.NewHBox(open))
	p.list.Refresh()
}

// todayTaskTitle is the card's count: "2 overdue · 1 due today".
func todayTaskTitle(n app.TaskCounts) string {
	if n.Overdue == 0 && n.DueToday == 0 {
		return "Up to date"
	}
	return fmt.Sprintf("%d overdue · %d due today", n.Overdue, n.DueToday)
}

// item is one task: what needs doing (and for whom), when, and Done
// under it, so the words have the column's width.
func (p *todayTasks) item(l app.TaskLine) fyne.CanvasObject {
	text := l.Task.Title
	if l.Patient != "" && !strings.Contains(text, l.Patient) {
		text += " (" + l.Patient + ")"
	}
	what := wrapped(text)
	what.TextStyle.Bold = true
	words := wrapped(todayTaskWhen(l))
	words.Importance = taskStateImportance(l.State)
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)
	done.OnTapped = func() { p.markDone(l, done) }
	if !p.ctx.Clinic.Can(app.PermNotePatients) {
		done.Disable()
	}
	row := container.NewHBox(done)
	if id := l.Task.PatientID; id != "" {
		record := widget.NewButton("Record", func() { openPatientRecord(p.ctx, id) })
		record.Importance = widget.LowImportance
		row.Add(record)
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(0), what, words, row)
}

// todayTaskWhen is the task's day said short enough for the card.
func todayTaskWhen(l app.TaskLine) string {
	at := ""
	if !l.Task.At.IsZero() {
		at = " at " + l.Task.At.String()
	}
	if l.State == tasks.Overdue {
		return fmt.Sprintf("Overdue since %s%s", l.Task.EffectiveDue().Short(), at)
	}
	return "Due today" + at
}

// markDone ticks the task off and reads the card again.
func (p *todayTasks) markDone(l app.TaskLine, b *widget.Button) {
	b.Disable()
	markTaskDone(p.ctx, l, func(msg string, err error) {
		if err != nil {
			say(p.message, widget.DangerImportance, plainError(err))
		} else {
			say(p.message, widget.SuccessImportance, msg)
		}
		p.reload()
	})
}

// taskSaved shows a task added over Today (Ctrl+T).
func (s *todayScreen) taskSaved(tasks.Task) {
	if s.tasks != nil {
		say(s.tasks.message, widget.SuccessImportance, "Task added.")
		s.tasks.reload()
	}
}
