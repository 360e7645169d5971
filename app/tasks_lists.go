package app

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
	"clinicdesk/data"
)

// Tasks lists tasks as the store has them (a patient's record, the
// timeline), open ones first.
func (c *Clinic) Tasks(f tasks.Filter) ([]tasks.Task, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.Tasks(f)
}

// TaskLine is one task as a list shows it.
type TaskLine struct {
	Task    tasks.Task
	State   tasks.State
	Patient string // full name; "" when not about a patient
	Owner   string // "Ann Jones", or "Any receptionist"
	Words   string // "Overdue: was due Monday 30 November 2026", "Due today at 14:30"
}

// TeamFilter narrows the team list.
type TeamFilter struct {
	OwnerID   string // a person's own tasks, or
	OwnerRole Role   // a role's; with OwnerID, both (what that person sees as theirs)
	DueBy     ukcal.Date
	Limit     int
}

// MyTasks are the signed-in person's open tasks and their role's, in the
// desk's order: overdue first, then due today, then by day and time.
func (c *Clinic) MyTasks() ([]TaskLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return nil, err
	}
	return c.taskLinesLocked(tasks.Filter{OwnerID: s.User.ID, OwnerRole: string(s.Role), OpenOnly: true, Limit: 1000})
}

// MyTasksDue are the first of the signed-in person's open tasks and their
// role's that are overdue or due today, at most limit, in the desk's
// order: what Today's card shows, read without the rest (the store's order
// is the desk's for these; MyTaskCounts counts them all).
func (c *Clinic) MyTasksDue(limit int) ([]TaskLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, nil
	}
	return c.taskLinesLocked(tasks.Filter{OwnerID: s.User.ID, OwnerRole: string(s.Role), OpenOnly: true, DueBy: c.today(), Limit: limit})
}

// TeamTasks is everyone's open tasks, in the same order.
func (c *Clinic) TeamTasks(f TeamFilter) ([]TaskLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	if f.OwnerRole != "" {
		r, err := ParseRole(string(f.OwnerRole))
		if err != nil {
			return nil, err
		}
		f.OwnerRole = r
	}
	return c.taskLinesLocked(tasks.Filter{OwnerID: f.OwnerID, OwnerRole: string(f.OwnerRole), OpenOnly: true, DueBy: f.DueBy, Limit: f.Limit})
}

// taskLinesLocked reads, names and orders a list. Caller holds c.mu.
func (c *Clinic) taskLinesLocked(f tasks.Filter) ([]TaskLine, error) {
	ks, err := c.store.Tasks(f)
	if err != nil {
		return nil, err
	}
	today := c.today()
	sort.SliceStable(ks, func(i, j int) bool { return tasks.Less(ks[i], ks[j], today) })
	var ids []string
	for _, k := range ks {
		if k.PatientID != "" {
			ids = append(ids, k.PatientID)
		}
	}
	slices.Sort(ids)
	names, err := c.store.PatientNames(slices.Compact(ids)) // one read, not one per task
	if err != nil {
		return nil, err
	}
	staff := map[string]string{}
	out := make([]TaskLine, 0, len(ks))
	for _, k := range ks {
		l := TaskLine{Task: k, State: k.StateOn(today), Words: TaskWhen(k, today)}
		if k.PatientID != "" {
			l.Patient = patientFullName(names[k.PatientID])
		}
		l.Owner = c.taskOwnerNameLocked(k, staff)
		out = append(out, l)
	}
	return out, nil
}

// taskOwnerNameLocked names a task's owner: a person's full name, or
// "Any receptionist". Caller holds c.mu.
func (c *Clinic) taskOwnerNameLocked(k tasks.Task, seen map[string]string) string {
	if k.OwnerRole != "" {
		return "Any " + lowerFirst(Role(k.OwnerRole).Label())
	}
	if n, ok := seen[k.OwnerID]; ok {
		return n
	}
	n := "someone no longer on the staff list"
	if u, err := c.store.UserByID(k.OwnerID); err == nil {
		n = u.FullName
	}
	seen[k.OwnerID] = n
	return n
}

// TaskWhen says when a task is due, as a list line does: "Overdue: was
// due Monday 30 November 2026", "Due today at 14:30", "Snoozed until
// Friday 11 December 2026 (first due …)", "Due Tuesday 8 December 2026".
func TaskWhen(k tasks.Task, today ukcal.Date) string {
	at := ""
	if !k.At.IsZero() {
		at = " at " + k.At.String()
	}
	switch k.StateOn(today) {
	case tasks.Done:
		return "Done " + ukcal.WallDate(k.DoneAt).LongWithDay() + " by " + k.DoneBy
	case tasks.Overdue:
		return fmt.Sprintf("Overdue: was due %s%s (%s ago)", k.EffectiveDue().LongWithDay(), at,
			plural(k.EffectiveDue().DaysUntil(today), "day", "days"))
	case tasks.DueToday:
		if k.SnoozedUntil == today {
			return "Due today" + at + " (snoozed; first due " + k.Due.LongWithDay() + ")"
		}
		return "Due today" + at
	case tasks.Snoozed:
		return "Snoozed until " + k.SnoozedUntil.LongWithDay() + " (first due " + k.Due.LongWithDay() + ")"
	}
	return "Due " + k.Due.LongWithDay() + at
}

// TaskCounts are Today's figures for the signed-in person: their tasks
// and their role's.
type TaskCounts struct {
	DueToday int
	Overdue  int
}

// MyTaskCounts counts what Today shows on its task card. It first runs
// the rules that make tasks that are due a run (MakeDueRuleTasks), so the
// count includes what came due since the last look.
func (c *Clinic) MyTaskCounts() (TaskCounts, error) {
	if _, err := c.MakeDueRuleTasks(); err != nil && !errors.Is(err, data.ErrDiskFull) {
		var pe *PermissionError
		if !errors.As(err, &pe) {
			return TaskCounts{}, err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return TaskCounts{}, err
	}
	due, overdue, err := c.store.TaskCounts(tasks.Filter{OwnerID: s.User.ID, OwnerRole: string(s.Role)}, c.today())
	return TaskCounts{DueToday: due, Overdue: overdue}, err
}

// OpenTask reads one task to show it whole (its note and who made it);
// a task about a patient is a view of their record, and audited as one.
func (c *Clinic) OpenTask(id string) (TaskLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewPatients)
	if err != nil {
		return TaskLine{}, err
	}
	k, err := c.store.Task(id)
	if err != nil {
		return TaskLine{}, notFound(err, "that task is not in this clinic file")
	}
	today := c.today()
	l := TaskLine{Task: k, State: k.StateOn(today), Words: TaskWhen(k, today), Owner: c.taskOwnerNameLocked(k, map[string]string{})}
	if k.PatientID != "" {
		var p patients.Patient
		if p, err = c.store.Patient(k.PatientID); err != nil && !errors.Is(err, data.ErrNotFound) {
			return TaskLine{}, err
		}
		l.Patient = patientFullName(p)
		err = c.writeAs(s, func(tx *writeTx) error {
			return tx.audit(auditEvent{Action: "task.view", Entity: "task", ID: k.ID, Patient: k.PatientID})
		})
	}
	return l, err
}

// FindStaff finds a member of staff by user name or full name (any case),
// for naming a task's owner on the command line.
func (c *Clinic) FindStaff(name string) (users.User, error) {
	staff, err := c.StaffList()
	if err != nil {
		return users.User{}, err
	}
	for _, u := range staff {
		if equalFoldTrim(u.Username, name) {
			return u, nil
		}
	}
	var found []users.User
	for _, u := range staff {
		if equalFoldTrim(u.FullName, name) {
			found = append(found, u)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return users.User{}, fmt.Errorf("nobody who can sign in is called %q: give a user name or a full name as the Users screen shows it", name)
	}
	return users.User{}, fmt.Errorf("more than one member of staff is called %q: give their user name instead", name)
}

func equalFoldTrim(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
