package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"
)

// tasksNow is the day these tests run on: Monday 7 December 2026.
var tasksNow = time.Date(2026, 12, 7, 10, 0, 0, 0, ukcal.London())

func tasksRun(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: func() time.Time { return tasksNow }})
	return result{code, out.String(), errb.String()}
}

type taskListed struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	State     string  `json:"state"`
	Due       string  `json:"due"`
	Time      *string `json:"time"`
	Owner     string  `json:"owner"`
	OwnerRole *string `json:"owner_role"`
	Patient   string  `json:"patient"`
	Repeat    *string `json:"repeat"`
	Words     string  `json:"words"`
}

func tasksListJSON(t *testing.T, db string, extra ...string) []taskListed {
	t.Helper()
	r := tasksRun(pw+"\n", append([]string{"tasks", "list", "--json", "--db", db, "--user", "manager", "--password-stdin"}, extra...)...)
	if r.code != 0 {
		t.Fatalf("list: %+v", r)
	}
	var rows []taskListed
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	return rows
}

func TestTasksCommandsAddListAndDone(t *testing.T) {
	db := sarCLIClinic(t)
	c := signIn(t, db, "manager", pw)
	if _, err := c.AddUser(app.NewUser{Username: "rita", FullName: "Rita Desk", Role: app.Receptionist, Password: "rita-password-1234"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	cmd := func(args ...string) result {
		return tasksRun(pw+"\n", append(append([]string{"tasks"}, args...), auth...)...)
	}

	if r := cmd("list"); r.code != 0 || !strings.Contains(r.stdout, "No open tasks.") {
		t.Fatalf("empty list: %+v", r)
	}
	r := cmd("add", "--title", "Ring Ms Łukasiewicz-O'Brien about her X-ray", "--due", "2026-12-04", "--patient", "943 476 5919", "--owner", "Rita Desk")
	if r.code != 0 || !strings.Contains(r.stdout, "due Friday 4 December 2026.") {
		t.Fatalf("add for a patient: %+v", r)
	}
	r = cmd("add", "--title", "Check the fridge", "--due", "2026-12-07", "--time", "09:30", "--owner", "any receptionist", "--repeat", "every weekday")
	if r.code != 0 || !strings.Contains(r.stdout, "at 09:30, repeating every weekday") {
		t.Fatalf("add for a role: %+v", r)
	}
	if r := cmd("add", "--title", "Rota", "--due", "2026-12-10"); r.code != 0 {
		t.Fatalf("add for myself: %+v", r)
	}

	rows := tasksListJSON(t, db)
	if len(rows) != 3 || rows[0].State != "overdue" || rows[0].Patient != "Ms Zoë Łukasiewicz-O'Brien" || rows[0].Owner != "Rita Desk" {
		t.Fatalf("the team list: %+v", rows)
	}
	if f := rows[1]; f.Title != "Check the fridge" || f.Time == nil || *f.Time != "09:30" || f.OwnerRole == nil || *f.OwnerRole != "receptionist" ||
		f.Repeat == nil || *f.Repeat != "every weekday" || f.State != "due_today" {
		t.Fatalf("the fridge: %+v", f)
	}
	if rows := tasksListJSON(t, db, "--owner", "rita"); len(rows) != 2 {
		t.Fatalf("Rita's and her role's: %+v", rows)
	}
	if rows := tasksListJSON(t, db, "--owner", "receptionist"); len(rows) != 1 || rows[0].Title != "Check the fridge" {
		t.Fatalf("the receptionists': %+v", rows)
	}
	if rows := tasksListJSON(t, db, "--due-before", "2026-12-07"); len(rows) != 1 || rows[0].State != "overdue" {
		t.Fatalf("due before today: %+v", rows)
	}
	if rows := tasksListJSON(t, db, "--due-before", "2026-12-08"); len(rows) != 2 {
		t.Fatalf("due before tomorrow: %+v", rows)
	}
	r = cmd("list")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "2026-12-04  OVERDUE  Ring Ms") || strings.Count(r.stdout, "\n") != 3 {
		t.Fatalf("the list as text: %+v", r)
	}

	fridge := rows[1].ID
	r = cmd("done", "--task", fridge)
	if r.code != 0 || !strings.Contains(r.stdout, "is due Tuesday 8 December 2026.") {
		t.Fatalf("done a repeating task: %+v", r)
	}
	if r := cmd("done", "--task", fridge); r.code != ExitFailure || !strings.Contains(r.stderr, "that task was done on 07/12/2026") {
		t.Fatalf("done twice: %+v", r)
	}
	if r := cmd("done", "--task", "no-such-task"); r.code != ExitFailure || !strings.Contains(r.stderr, "not in this clinic file") {
		t.Fatalf("done an unknown task: %+v", r)
	}
	rows = tasksListJSON(t, db)
	if len(rows) != 3 || rows[1].Title != "Check the fridge" || rows[1].Due != "2026-12-08" {
		t.Fatalf("after done: %+v", rows)
	}
}

func TestTasksCommandUsage(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	usage := [][]string{
		{"tasks"},
		{"tasks", "open"},
		{"tasks", "add", "--due", "2026-12-08"},
		{"tasks", "add", "--title", "x"},
		{"tasks", "add", "--title", "x", "--due", "08/12/2026"},
		{"tasks", "add", "--title", "x", "--due", "2026-12-08", "--time", "2pm"},
		{"tasks", "add", "--title", "x", "--due", "2026-12-08", "--repeat", "every day"},
		{"tasks", "list", "--due-before", "tomorrow"},
		{"tasks", "list", "--task", "x"},
		{"tasks", "done"},
		{"tasks", "done", "--task", "x", "--json"},
		{"tasks", "list", "stray"},
	}
	for _, args := range usage {
		if r := tasksRun(pw+"\n", append(args, auth...)...); r.code != ExitUsage || r.stderr == "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: %+v, want one line and exit 2", args, r)
		}
	}
	if r := tasksRun(pw+"\n", append([]string{"tasks", "add", "--title", "x", "--due", "2026-12-08", "--owner", "Nobody Here"}, auth...)...); r.code != ExitFailure ||
		!strings.Contains(r.stderr, "nobody who can sign in is called") {
		t.Errorf("an unknown owner: %+v", r)
	}
	if r := tasksRun("wrong-password\n", "tasks", "list", "--db", db, "--user", "manager", "--password-stdin"); r.code != ExitWrongAuth {
		t.Errorf("a wrong password: %+v", r)
	}
	if r := tasksRun(pw+"\n", "tasks", "help"); r.code != 0 || !strings.Contains(r.stdout, "clinicdesk tasks done") {
		t.Errorf("tasks help: %+v", r)
	}
}
