package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

func init() {
	register(&command{name: "tasks", usage: "list|add|done --db PATH [--owner NAME] [--due-before DATE] [--json] --user NAME --password-stdin …",
		summary: "the task worklist (clinicdesk tasks help for each action)", run: runTasks})
}

const tasksUsage = `clinicdesk tasks list --db PATH [--owner NAME|ROLE] [--due-before YYYY-MM-DD] [--json] --user NAME --password-stdin
clinicdesk tasks add  --db PATH --title TEXT --due YYYY-MM-DD [--time HH:MM] [--owner NAME|ROLE] [--patient ID|NHSNUMBER] [--note TEXT] [--repeat RULE] --user NAME --password-stdin
clinicdesk tasks done --db PATH --task ID --user NAME --password-stdin
list shows everyone's open tasks, overdue first; --owner a person shows theirs and their role's, --owner a role (receptionist, manager, clinician) the role's; --due-before shows those due before that day (not on it).
add gives the task to you unless --owner names someone or a role. --repeat is e.g. "every Monday", "every 2 weeks on Tuesday", "every weekday", "monthly on the 1st".`

type tasksFlags struct {
	auth                                                    authFlags
	owner, dueBefore, title, due, at, patient, note, repeat *string
	task                                                    *string
	asJSON                                                  *bool
}

func runTasks(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usagef("say what to do: clinicdesk tasks list|add|done (clinicdesk tasks help shows each one's options)")
		}
		fmt.Fprintln(env.Stdout, tasksUsage)
		return nil
	}
	action := args[0]
	fs := newFlags("tasks " + action)
	f := tasksFlags{auth: addAuthFlags(fs), owner: fs.String("owner", "", ""), dueBefore: fs.String("due-before", "", ""),
		title: fs.String("title", "", ""), due: fs.String("due", "", ""), at: fs.String("time", "", ""),
		patient: fs.String("patient", "", ""), note: fs.String("note", "", ""), repeat: fs.String("repeat", "", ""),
		task: fs.String("task", "", ""), asJSON: fs.Bool("json", false, "")}
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	allowed := map[string][]string{
		"list": {"owner", "due-before", "json"},
		"add":  {"title", "due", "time", "owner", "patient", "note", "repeat"},
		"done": {"task"},
	}
	ok, known := allowed[action]
	if !known {
		return usagef("unknown action %q: the actions are list, add and done", action)
	}
	if len(rest) > 0 {
		return usagef("unexpected %q: %s", rest[0], tasksActionUsage(action))
	}
	var stray error
	fs.Visit(func(fl *flag.Flag) {
		if stray != nil || fl.Name == "db" || fl.Name == "user" || fl.Name == "password-stdin" {
			return
		}
		for _, n := range ok {
			if n == fl.Name {
				return
			}
		}
		stray = usagef("--%s does not go with tasks %s: %s", fl.Name, action, tasksActionUsage(action))
	})
	if stray != nil {
		return stray
	}
	switch action {
	case "list":
		return tasksList(env, f)
	case "add":
		return tasksAdd(env, f)
	}
	return tasksDone(env, f)
}

func tasksActionUsage(action string) string {
	for _, line := range strings.Split(tasksUsage, "\n") {
		if strings.HasPrefix(line, "clinicdesk tasks "+action+" ") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	return tasksUsage
}

// taskOwner reads --owner: a role ("receptionist", "any receptionist",
// "Practice manager") or a member of staff by user name or full name.
func taskOwner(c *app.Clinic, text string) (person users.User, role app.Role, err error) {
	name := strings.TrimSpace(text)
	bare := strings.TrimPrefix(strings.ToLower(name), "any ")
	for _, r := range app.Roles() {
		if bare == string(r) || strings.EqualFold(bare, r.Label()) {
			return users.User{}, r, nil
		}
	}
	u, err := c.FindStaff(name)
	if err != nil {
		return users.User{}, "", fmt.Errorf("--owner %s: %w", name, err)
	}
	return u, "", nil
}

// taskRow is a task as tasks list --json prints it.
type taskRow struct {
	ID           string      `json:"id"`
	Title        string      `json:"title"`
	Note         string      `json:"note"`
	State        tasks.State `json:"state"`
	Due          ukcal.Date  `json:"due"`
	Time         *string     `json:"time"`
	SnoozedUntil *ukcal.Date `json:"snoozed_until"`
	Words        string      `json:"words"`
	Owner        string      `json:"owner"`
	OwnerID      *string     `json:"owner_id"`
	OwnerRole    *string     `json:"owner_role"`
	Patient      string      `json:"patient"`
	PatientID    *string     `json:"patient_id"`
	Repeat       *string     `json:"repeat"`
	RuleKey      *string     `json:"rule_key"`
	ReferralID   *string     `json:"referral_id"`
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func tasksList(env *Env, f tasksFlags) error {
	var dueBy ukcal.Date
	if strings.TrimSpace(*f.dueBefore) != "" {
		before, err := parseDate("--due-before", *f.dueBefore)
		if err != nil {
			return err
		}
		dueBy = before.AddDays(-1)
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	// The rules' tasks that came due since the last look join the list.
	if _, err := c.MakeRuleTasks(); err != nil {
		return err
	}
	filter := app.TeamFilter{DueBy: dueBy, Limit: 1000}
	if strings.TrimSpace(*f.owner) != "" {
		person, role, err := taskOwner(c, *f.owner)
		if err != nil {
			return err
		}
		filter.OwnerID, filter.OwnerRole = person.ID, role
		if person.ID != "" {
			// A person's list is what they see as theirs: their own tasks and their role's.
			filter.OwnerRole = app.Role(person.Role)
		}
	}
	lines, err := c.TeamTasks(filter)
	if err != nil {
		return err
	}
	if *f.asJSON {
		rows := make([]taskRow, 0, len(lines))
		for _, l := range lines {
			k := l.Task
			row := taskRow{ID: k.ID, Title: k.Title, Note: k.Note, State: l.State, Due: k.Due, Time: orNil(k.At.String()),
				Words: l.Words, Owner: l.Owner, OwnerID: orNil(k.OwnerID), OwnerRole: orNil(k.OwnerRole), Patient: l.Patient,
				PatientID: orNil(k.PatientID), Repeat: orNil(k.Repeat.Words()), RuleKey: orNil(k.RuleKey), ReferralID: orNil(k.ReferralID)}
			if !k.SnoozedUntil.IsZero() {
				row.SnoozedUntil = &k.SnoozedUntil
			}
			rows = append(rows, row)
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	if len(lines) == 0 {
		fmt.Fprintln(env.Stdout, "No open tasks.")
		return nil
	}
	for _, l := range lines {
		about := ""
		if l.Patient != "" {
			about = "  (" + l.Patient + ")"
		}
		fmt.Fprintf(env.Stdout, "%s  %s  %s%s  %s  [%s]  %s\n", l.Task.EffectiveDue(), strings.ToUpper(l.State.Label()), l.Task.Title, about,
			l.Words, l.Owner, l.Task.ID)
	}
	return nil
}

func tasksAdd(env *Env, f tasksFlags) error {
	if strings.TrimSpace(*f.title) == "" {
		return usagef("--title TEXT is required: what needs doing (%s)", tasksActionUsage("add"))
	}
	if strings.TrimSpace(*f.due) == "" {
		return usagef("--due YYYY-MM-DD is required: the day it is due")
	}
	due, err := parseDate("--due", *f.due)
	if err != nil {
		return err
	}
	at, err := tasks.ParseTimeOfDay(*f.at)
	if err != nil {
		return usagef("--time: %v", err)
	}
	repeat, err := tasks.ParseRepeat(*f.repeat)
	if err != nil {
		return usagef("--repeat: %v", err)
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermNotePatients); err != nil {
		return err
	}
	in := app.TaskInput{Title: *f.title, Note: *f.note, Due: due, At: at, Repeat: repeat}
	if strings.TrimSpace(*f.owner) != "" {
		person, role, err := taskOwner(c, *f.owner)
		if err != nil {
			return err
		}
		in.OwnerID, in.OwnerRole = person.ID, role
	}
	if strings.TrimSpace(*f.patient) != "" {
		if in.PatientID, err = findPatient(c, *f.patient); err != nil {
			return err
		}
	}
	k, err := c.NewTask(in)
	if err != nil {
		return err
	}
	when := k.Due.LongWithDay()
	if !k.At.IsZero() {
		when += " at " + k.At.String()
	}
	if !k.Repeat.IsZero() {
		when += ", repeating " + k.Repeat.Words()
	}
	fmt.Fprintf(env.Stdout, "Added task %s: %s, due %s.\n", k.ID, k.Title, when)
	return nil
}

func tasksDone(env *Env, f tasksFlags) error {
	id := strings.TrimSpace(*f.task)
	if id == "" {
		return usagef("--task ID is required: the task's id, as tasks list shows it (%s)", tasksActionUsage("done"))
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	next, err := c.MarkTaskDone(id)
	if err != nil {
		return err
	}
	if next.ID != "" {
		fmt.Fprintf(env.Stdout, "Done %s. It repeats %s: the next one, %s, is due %s.\n", id, next.Repeat.Words(), next.ID, next.Due.LongWithDay())
		return nil
	}
	fmt.Fprintf(env.Stdout, "Done %s.\n", id)
	return nil
}
