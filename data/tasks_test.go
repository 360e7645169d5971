package data

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// A follow-up's due date is a ukcal.Date in and out of the encrypted file,
// stored as the same YYYY-MM-DD text as before, so the list still sorts
// and filters on it in SQL.
func TestTaskDueIsADateStoredAsText(t *testing.T) {
	s, _, _ := newStore(t)
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	leap, later := ukcal.MustParseDate("2028-02-29"), ukcal.MustParseDate("2028-03-01")
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertUser(users.User{ID: "u1", Username: "ann", FullName: "Ann", Role: "manager", Active: true, CreatedAt: at}); err != nil {
			return err
		}
		for i, due := range []ukcal.Date{later, leap} {
			if err := tx.InsertTask(tasks.Task{ID: string(rune('a' + i)), Title: "Ring back", Due: due, OwnerID: "u1", CreatedBy: "ann", CreatedAt: at}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Tasks(tasks.Filter{})
	if err != nil || len(all) != 2 || all[0].Due != leap || all[1].Due != later {
		t.Fatalf("Tasks = %+v, %v; want 29 February then 1 March", all, err)
	}
	by, err := s.Tasks(tasks.Filter{DueBy: leap})
	if err != nil || len(by) != 1 || by[0].ID != "b" {
		t.Fatalf("Tasks due by %s = %+v, %v", leap, by, err)
	}
	var stored string
	if err := s.db.QueryRow(`SELECT due FROM tasks WHERE id = 'b'`).Scan(&stored); err != nil || stored != "2028-02-29" {
		t.Fatalf("the column holds %q, %v", stored, err)
	}
}

// addTaskUsers adds a receptionist and a manager to own tasks.
func addTaskUsers(t *testing.T, s *Store, at time.Time) {
	t.Helper()
	err := s.Write(func(tx *Tx) error {
		for _, u := range []users.User{
			{ID: "rita", Username: "rita", FullName: "Rita Reception", Role: "receptionist", Active: true, CreatedAt: at},
			{ID: "mo", Username: "mo", FullName: "Mo Manager", Role: "manager", Active: true, CreatedAt: at},
		} {
			if err := tx.InsertUser(u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMyTasksAreMineAndMyRolesAndTheCountsMatch(t *testing.T) {
	s, _, _ := newStore(t)
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	addTaskUsers(t, s, at)
	today := ukcal.MustParseDate("2026-12-07")
	two, _ := tasks.At(14, 30)
	weekly, _ := tasks.ParseRepeat("every Monday, not on bank holidays")
	all := []tasks.Task{
		{ID: "mine-overdue", Title: "Ring Mrs Patel", Due: today.AddDays(-3), OwnerID: "rita"},
		{ID: "mine-today", Title: "Post the letters", Due: today, At: two, OwnerID: "rita", Repeat: weekly, Note: "first class"},
		{ID: "role-today", Title: "Check the fridge", Due: today, OwnerRole: "receptionist"},
		{ID: "mine-snoozed", Title: "Chase the lab", Due: today.AddDays(-5), SnoozedUntil: today.AddDays(2), OwnerID: "rita"},
		{ID: "managers", Title: "Sign the rota", Due: today.AddDays(-1), OwnerRole: "manager"},
		{ID: "mo-later", Title: "Audit", Due: today.AddDays(9), OwnerID: "mo"},
	}
	err := s.Write(func(tx *Tx) error {
		for _, k := range all {
			k.CreatedBy, k.CreatedAt = "mo", at
			if err := tx.InsertTask(k); err != nil {
				return fmt.Errorf("%s: %w", k.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mine, err := s.Tasks(tasks.Filter{OwnerID: "rita", OwnerRole: "receptionist", OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := taskIDs(mine); got != "mine-overdue role-today mine-today mine-snoozed" {
		t.Fatalf("rita's tasks by the day they are next needed: %s", got)
	}
	if k := mine[2]; k.At != two || k.Repeat != weekly || k.Note != "first class" || k.OwnerRole != "" {
		t.Errorf("read back: %+v", k)
	}
	if k := mine[3]; k.Due != today.AddDays(-5) || k.SnoozedUntil != today.AddDays(2) {
		t.Errorf("a snoozed task keeps its first due day: %+v", k)
	}
	dueToday, overdue, err := s.TaskCounts(tasks.Filter{OwnerID: "rita", OwnerRole: "receptionist"}, today)
	if err != nil || dueToday != 2 || overdue != 1 {
		t.Fatalf("rita's counts: %d due today, %d overdue, %v; want 2 and 1 (the snoozed one counts from Wednesday)", dueToday, overdue, err)
	}
	team, _ := s.Tasks(tasks.Filter{OpenOnly: true, DueBy: today})
	if got := taskIDs(team); got != "mine-overdue managers role-today mine-today" {
		t.Fatalf("the team list due by today: %s", got)
	}
	err = s.Write(func(tx *Tx) error { return tx.CompleteTask("mine-overdue", "rita", at) })
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(func(tx *Tx) error { return tx.CompleteTask("mine-overdue", "rita", at) }); !errors.Is(err, ErrNotFound) {
		t.Errorf("done twice: %v", err)
	}
	if dueToday, overdue, _ = s.TaskCounts(tasks.Filter{OwnerID: "rita", OwnerRole: "receptionist"}, today); overdue != 0 || dueToday != 2 {
		t.Errorf("after done: %d due today, %d overdue", dueToday, overdue)
	}
	if err := s.Write(func(tx *Tx) error { return tx.ReopenTask("mine-overdue", "mo", "Reopened: not finished") }); err != nil {
		t.Fatal(err)
	}
	if k, _ := s.Task("mine-overdue"); k.IsDone() || k.DoneBy != "" || k.ReopenedBy != "mo" || k.Note != "Reopened: not finished" {
		t.Errorf("reopened: %+v", k)
	}
}

func taskIDs(ks []tasks.Task) string {
	var ids []string
	for _, k := range ks {
		ids = append(ids, k.ID)
	}
	return strings.Join(ids, " ")
}

// The store refuses a task with two owners or none, or an unknown role,
// whatever the caller checked.
func TestTheStoreRefusesATaskWithoutOneOwner(t *testing.T) {
	s, _, _ := newStore(t)
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	addTaskUsers(t, s, at)
	due := ukcal.MustParseDate("2026-12-08")
	for name, k := range map[string]tasks.Task{
		"both":         {ID: "a", Title: "x", Due: due, OwnerID: "rita", OwnerRole: "receptionist"},
		"neither":      {ID: "b", Title: "x", Due: due},
		"unknown role": {ID: "c", Title: "x", Due: due, OwnerRole: "cleaner"},
		"unknown user": {ID: "d", Title: "x", Due: due, OwnerID: "nobody"},
	} {
		k.CreatedBy, k.CreatedAt = "mo", at
		if err := s.Write(func(tx *Tx) error { return tx.InsertTask(k) }); err == nil {
			t.Errorf("%s: stored", name)
		}
	}
}

func TestARuleMakesItsTaskOnce(t *testing.T) {
	s, _, _ := newStore(t)
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	addTaskUsers(t, s, at)
	k := tasks.Task{ID: "t1", Title: "Send the copy", Due: ukcal.MustParseDate("2026-12-10"), OwnerRole: "manager",
		RuleKey: "sar:r1:2026-12-10", CreatedBy: "mo", CreatedAt: at}
	var added []bool
	for _, id := range []string{"t1", "t2"} {
		k.ID = id
		err := s.Write(func(tx *Tx) error {
			ok, err := tx.InsertRuleTask(k)
			added = append(added, ok)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Done, it is still not made again.
	s.Write(func(tx *Tx) error { return tx.CompleteTask("t1", "mo", at) })
	k.ID = "t3"
	s.Write(func(tx *Tx) error {
		ok, err := tx.InsertRuleTask(k)
		added = append(added, ok)
		return err
	})
	if fmt.Sprint(added) != "[true false false]" {
		t.Fatalf("made: %v", added)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM tasks`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d tasks", n)
	}
	// Tasks a person makes have no key, and any number may be alike.
	for _, id := range []string{"p1", "p2"} {
		if err := s.Write(func(tx *Tx) error {
			return tx.InsertTask(tasks.Task{ID: id, Title: "Same", Due: k.Due, OwnerID: "mo", CreatedBy: "mo", CreatedAt: at})
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// Follow-ups made before 0021 become tasks with no time, owned by their
// person, not repeating, open or done as they were.
func TestMigrationKeepsOldFollowUps(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	before := len(ms) - 1
	for i, m := range ms {
		if m.name == "0021_tasks_worklist.sql" {
			before = i
		}
	}
	key := newKey(t)
	path := filepath.Join(t.TempDir(), "old.db")
	d, err := dsn(path, key)
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open(driverName, d)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:before] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	stmts := []string{
		fmt.Sprintf(`PRAGMA user_version = %d`, before),
		`INSERT INTO users (id, username, full_name, role, created_at, password_changed_at) VALUES ('u1', 'ann', 'Ann', 'receptionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
		`INSERT INTO tasks (id, title, due, owner_id, created_by, created_at) VALUES ('open', 'Call back', '2026-12-01', 'u1', 'ann', '2026-11-20T10:00:00Z')`,
		`INSERT INTO tasks (id, title, due, owner_id, done_at, done_by, created_by, created_at) VALUES ('done', 'Post it', '2026-11-21', 'u1', '2026-11-21T15:00:00Z', 'ann', 'ann', '2026-11-20T10:00:00Z')`,
	}
	for _, q := range stmts {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Tasks(tasks.Filter{OwnerID: "u1"})
	if err != nil || len(got) != 2 {
		t.Fatalf("after the migration: %+v, %v", got, err)
	}
	open, done := got[0], got[1]
	if open.ID != "open" || open.Due != ukcal.MustParseDate("2026-12-01") || !open.At.IsZero() || open.OwnerID != "u1" ||
		open.OwnerRole != "" || !open.Repeat.IsZero() || open.IsDone() || open.RuleKey != "" {
		t.Errorf("the open follow-up: %+v", open)
	}
	if done.ID != "done" || !done.IsDone() || done.DoneBy != "ann" {
		t.Errorf("the done follow-up: %+v", done)
	}
}

// "My tasks", Today's counts and the team list read their indexes, not
// the whole table: a clinic keeps years of done tasks.
func TestTaskListsUseTheirIndexes(t *testing.T) {
	s, _, _ := newStore(t)
	day := ukcal.MustParseDate("2026-12-07")
	plan := func(f tasks.Filter) string {
		t.Helper()
		where, args := taskWhere(f)
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN SELECT `+taskColumns+` FROM tasks`+where, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notUsed int
			var detail string
			if err := rows.Scan(&id, &parent, &notUsed, &detail); err != nil {
				t.Fatal(err)
			}
			out = append(out, detail)
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct {
		name  string
		f     tasks.Filter
		wants []string
	}{
		{"my tasks", tasks.Filter{OwnerID: "u1", OwnerRole: "receptionist", OpenOnly: true}, []string{"tasks_owner", "tasks_role"}},
		{"my counts", tasks.Filter{OwnerID: "u1", OwnerRole: "receptionist", OpenOnly: true, DueBy: day}, []string{"tasks_owner", "tasks_role"}},
		{"the team list due by a day", tasks.Filter{OpenOnly: true, DueBy: day}, []string{"tasks_open"}},
		{"a patient's", tasks.Filter{PatientID: "p1"}, []string{"tasks_patient"}},
	} {
		got := plan(c.f)
		t.Logf("%s: %s", c.name, got)
		for _, want := range c.wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the plan %q does not use %s", c.name, got, want)
			}
		}
	}
}
