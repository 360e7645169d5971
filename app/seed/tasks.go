package seed

// The worklist: follow-ups over the years, most about a patient, owned by
// a person or by everyone in a role, nearly all ticked off within a few
// days of being due. As of today some are overdue, some due today (the
// manager's among them) and more coming up; a few repeat (the referrals
// inbox every Monday, the backup check every weekday, the month's list
// for the clinical lead).

import (
	"math/rand/v2"
	"slices"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// TaskOptions say what tasks Tasks makes.
type TaskOptions struct {
	// Seed picks the tasks: the same options give the same tasks.
	Seed uint64
	// Now is the clinic's present; nothing is done after it.
	Now time.Time
	// Years of history before today (at least one is used).
	Years int
	// PerHundred is tasks per 100 patients over the years; 0 means 10
	// (at least 20 are made).
	PerHundred float64
	// Patients the tasks may be about (IDs).
	Patients []string
	// Staff own, make and tick off tasks (active users).
	Staff []users.User
	// Manager has tasks of their own due today and overdue.
	Manager users.User
}

var patientTaskTitles = []string{
	"Call back about the X-ray results", "Ring to rebook the missed appointment",
	"Chase the GP practice for the medication list", "Post the exercise sheet",
	"Send the report to the insurer", "Check the interpreter is booked for the next appointment",
	"Ring to ask how the new exercises are going", "Ask the GP for the latest blood results",
	"Arrange transport for the next appointment", "Scan the signed consent form onto the record",
}

var generalTaskTitles = []string{
	"Order more appointment cards", "Check the fire extinguishers' service date",
	"Renew the parking permits for the two back spaces", "Update the out-of-hours message on the phones",
	"Book the treatment couches' annual service",
}

// repeating are the standing jobs: the title, who, the rule, and how many
// weeks back the series began.
var repeating = []struct {
	title string
	role  app.Role // "" for the manager in person
	rule  tasks.Repeat
	weeks int
}{
	{"Check the referrals inbox and log what came in", app.Receptionist, tasks.Repeat{Every: tasks.Weekly, Weeks: 1, Weekday: time.Monday, WorkingDaysOnly: true}, 8},
	{"Check last night's backup and take the USB stick home", "", tasks.Repeat{Every: tasks.Weekdays, WorkingDaysOnly: true}, 3},
	{"Send the month's waiting list summary to the clinical lead", app.Manager, tasks.Repeat{Every: tasks.Monthly, Day: 1, WorkingDaysOnly: true}, 26},
	{"Restock the leaflets in the waiting room", app.Receptionist, tasks.Repeat{Every: tasks.Weekly, Weeks: 2, Weekday: time.Friday}, 12},
}

// taskGen is the state of one Tasks run.
type taskGen struct {
	o     TaskOptions
	r     *rand.Rand
	today ukcal.Date
}

// Tasks makes the worklist's history for app.Clinic.AddTaskHistory.
func Tasks(o TaskOptions) []app.HistoricTask {
	if o.PerHundred <= 0 {
		o.PerHundred = 10
	}
	g := &taskGen{o: o, r: rand.New(rand.NewPCG(o.Seed, 0x7461_736b)), today: ukcal.Today(o.Now)}
	start := g.today.AddDays(-365 * max(o.Years, 1))
	n := max(20, int(o.PerHundred*float64(len(o.Patients))/100))
	var out []app.HistoricTask
	for i := 0; i < n; i++ {
		var due ukcal.Date
		if g.r.Float64() < 0.85 {
			due = start.AddDays(g.r.IntN(max(1, start.DaysUntil(g.today)-10)))
		} else {
			due = g.today.AddDays(-10 + g.r.IntN(32))
		}
		out = append(out, g.oneOff(due, g.owner()))
	}
	// The manager's own: two due today, two overdue, one for any manager.
	me := app.TaskInput{OwnerID: o.Manager.ID}
	for _, back := range []int{0, 0, 3, 8} {
		out = append(out, g.openFor(g.today.AddDays(-back), me))
	}
	out = append(out, g.openFor(g.today.AddDays(-1), app.TaskInput{OwnerRole: app.Manager}))
	for _, s := range repeating {
		out = append(out, g.series(s.title, s.role, s.rule, s.weeks))
	}
	return out
}

// owner is a person (60%) or a role.
func (g *taskGen) owner() app.TaskInput {
	if g.r.Float64() < 0.6 && len(g.o.Staff) > 0 {
		return app.TaskInput{OwnerID: g.o.Staff[g.r.IntN(len(g.o.Staff))].ID}
	}
	switch u := g.r.Float64(); {
	case u < 0.6:
		return app.TaskInput{OwnerRole: app.Receptionist}
	case u < 0.85:
		return app.TaskInput{OwnerRole: app.Manager}
	}
	return app.TaskInput{OwnerRole: app.Clinician}
}

// words fills in what the task is, and whom it is about.
func (g *taskGen) words(in *app.TaskInput) {
	if len(g.o.Patients) > 0 && g.r.Float64() < 0.75 {
		in.PatientID = g.o.Patients[g.r.IntN(len(g.o.Patients))]
		in.Title = patientTaskTitles[g.r.IntN(len(patientTaskTitles))]
	} else {
		in.Title = generalTaskTitles[g.r.IntN(len(generalTaskTitles))]
	}
	if g.r.Float64() < 0.2 {
		in.At, _ = tasks.At(9+g.r.IntN(8), 30*g.r.IntN(2))
	}
}

// at is a moment on d in office hours, never after now.
func (g *taskGen) at(d ukcal.Date) time.Time {
	t := time.Date(d.Year(), d.Month(), d.Day(), 9+g.r.IntN(8), g.r.IntN(60), 0, 0, ukcal.London()).UTC()
	return earlier(t, g.o.Now.UTC())
}

// doer is who ticks off a task owned as in: the owner, or someone in the
// role (anyone when nobody holds it).
func (g *taskGen) doer(in app.TaskInput) string {
	var pool []users.User
	for _, u := range g.o.Staff {
		if u.ID == in.OwnerID || (in.OwnerRole != "" && u.Role == string(in.OwnerRole)) {
			pool = append(pool, u)
		}
	}
	if len(pool) == 0 {
		pool = g.o.Staff
	}
	if len(pool) == 0 {
		return g.o.Manager.Username
	}
	return pool[g.r.IntN(len(pool))].Username
}

func (g *taskGen) maker() string {
	if len(g.o.Staff) == 0 {
		return g.o.Manager.Username
	}
	return g.o.Staff[g.r.IntN(len(g.o.Staff))].Username
}

// oneOff is a task due on due: made a few days before, and done within a
// few days of it when that day is well past; lately, as a desk keeps up.
func (g *taskGen) oneOff(due ukcal.Date, in app.TaskInput) app.HistoricTask {
	in.Due = due
	g.words(&in)
	h := app.HistoricTask{Input: in, CreatedBy: g.maker(), CreatedAt: g.at(due.AddDays(-1 - g.r.IntN(14)))}
	var done bool
	switch age := due.DaysUntil(g.today); {
	case age > 10:
		done = true
	case age > 0:
		done = g.r.Float64() < 0.6
	case age == 0:
		done = g.r.Float64() < 0.25
	default:
		done = g.r.Float64() < 0.05
	}
	if done {
		day := due.AddDays(g.r.IntN(4))
		if day.After(g.today) || due.After(g.today) {
			day = g.today
		}
		tick := g.at(day)
		if tick.Before(h.CreatedAt) {
			tick = h.CreatedAt
		}
		h.Done = []app.HistoricTick{{At: tick, By: g.doer(in)}}
	}
	return h
}

// openFor is a task still to do, due on due.
func (g *taskGen) openFor(due ukcal.Date, in app.TaskInput) app.HistoricTask {
	in.Due = due
	g.words(&in)
	return app.HistoricTask{Input: in, CreatedBy: g.maker(), CreatedAt: g.at(due.AddDays(-1 - g.r.IntN(7)))}
}

// series is a standing job begun weeks ago, ticked off on each day it
// came round up to yesterday; the one due today or next is open.
func (g *taskGen) series(title string, role app.Role, rule tasks.Repeat, weeks int) app.HistoricTask {
	in := app.TaskInput{Title: title, OwnerRole: role, Repeat: rule}
	if role == "" {
		in.OwnerID = g.o.Manager.ID
	}
	first := rule.NextDue(g.today.AddDays(-7*weeks-1), g.today.AddDays(-7*weeks-1), ukcal.EnglandAndWales)
	in.Due = first
	h := app.HistoricTask{Input: in, CreatedBy: g.maker(), CreatedAt: g.at(first.AddDays(-3))}
	last := h.CreatedAt
	for due := first; due.Before(g.today); {
		tick := g.at(due)
		if tick.Before(last) {
			tick = last
		}
		h.Done = append(h.Done, app.HistoricTick{At: tick, By: g.doer(in)})
		last = tick
		due = rule.NextDue(due, ukcal.WallDate(tick), ukcal.EnglandAndWales)
	}
	h.Done = slices.Clip(h.Done)
	return h
}
