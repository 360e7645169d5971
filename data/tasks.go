package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// taskColumns are read in this order by scanTask.
const taskColumns = `id, coalesce(patient_id, ''), referral_id, title, note, due, due_time, coalesce(owner_id, ''), owner_role,
	snoozed_until, repeat, rule_key, done_at, done_by, created_by, created_at, reopened_by`

// taskNextDue is the day an open task is next needed: its due day, or the
// end of its snooze when later (no snooze, empty text, sorts first). The same
// expression as the tasks_open index, so the team list reads the index.
const taskNextDue = `max(due, snoozed_until)`

// orNull stores "" as NULL, for optional references.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// InsertTask adds a task.
func (t *Tx) InsertTask(k tasks.Task) error {
	_, err := t.tx.Exec(`INSERT INTO tasks (id, patient_id, referral_id, title, note, due, due_time, owner_id, owner_role,
		snoozed_until, repeat, rule_key, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		k.ID, orNull(k.PatientID), k.ReferralID, k.Title, k.Note, k.Due, k.At, orNull(k.OwnerID), k.OwnerRole,
		k.SnoozedUntil, k.Repeat.Code(), k.RuleKey, k.CreatedBy, instant(k.CreatedAt))
	return err
}

// InsertRuleTask adds a task a rule made, unless one with its rule key is
// already there (open or done): added says which.
func (t *Tx) InsertRuleTask(k tasks.Task) (added bool, err error) {
	if k.RuleKey == "" {
		return false, errors.New("a rule's task needs its rule key")
	}
	res, err := t.tx.Exec(`INSERT INTO tasks (id, patient_id, referral_id, title, note, due, due_time, owner_id, owner_role,
		snoozed_until, repeat, rule_key, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (rule_key) WHERE rule_key <> '' DO NOTHING`,
		k.ID, orNull(k.PatientID), k.ReferralID, k.Title, k.Note, k.Due, k.At, orNull(k.OwnerID), k.OwnerRole,
		k.SnoozedUntil, k.Repeat.Code(), k.RuleKey, k.CreatedBy, instant(k.CreatedAt))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UpdateTask saves what may change on an open task: what, when, who, the
// note, the snooze and the repeat. The patient, the rule and who made it
// never change.
func (t *Tx) UpdateTask(k tasks.Task) error {
	res, err := t.tx.Exec(`UPDATE tasks SET title = ?, note = ?, due = ?, due_time = ?, owner_id = ?, owner_role = ?,
		snoozed_until = ?, repeat = ? WHERE id = ? AND done_at = ''`,
		k.Title, k.Note, k.Due, k.At, orNull(k.OwnerID), k.OwnerRole, k.SnoozedUntil, k.Repeat.Code(), k.ID)
	return oneRow(res, err)
}

// CompleteTask marks an open task done.
func (t *Tx) CompleteTask(id, by string, at time.Time) error {
	res, err := t.tx.Exec(`UPDATE tasks SET done_at = ?, done_by = ? WHERE id = ? AND done_at = ''`, instant(at), by, id)
	return oneRow(res, err)
}

// ReopenTask makes a done task open again, saying who (by, a username),
// with its note as it now reads.
func (t *Tx) ReopenTask(id, by, note string) error {
	res, err := t.tx.Exec(`UPDATE tasks SET done_at = '', done_by = '', reopened_by = ?, note = ? WHERE id = ? AND done_at <> ''`, by, note, id)
	return oneRow(res, err)
}

// oneRow is ErrNotFound when an update touched no row.
func oneRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Task reads one task inside the transaction.
func (t *Tx) Task(id string) (tasks.Task, error) {
	return scanTask(t.tx.QueryRow(`SELECT `+taskColumns+` FROM tasks WHERE id = ?`, id))
}

// Task reads one task.
func (s *Store) Task(id string) (tasks.Task, error) {
	return scanTask(s.db.QueryRow(`SELECT `+taskColumns+` FROM tasks WHERE id = ?`, id))
}

// taskWhere is the filter as SQL; every value is a parameter.
func taskWhere(f tasks.Filter) (string, []any) {
	q := ` WHERE 1 = 1`
	var args []any
	if f.PatientID != "" {
		q += ` AND patient_id = ?`
		args = append(args, f.PatientID)
	}
	switch {
	case f.OwnerID != "" && f.OwnerRole != "":
		q += ` AND (owner_id = ? OR owner_role = ?)`
		args = append(args, f.OwnerID, f.OwnerRole)
	case f.OwnerID != "":
		q += ` AND owner_id = ?`
		args = append(args, f.OwnerID)
	case f.OwnerRole != "":
		q += ` AND owner_role = ?`
		args = append(args, f.OwnerRole)
	}
	if f.OpenOnly {
		q += ` AND done_at = ''`
	}
	if !f.DueBy.IsZero() {
		q += ` AND ` + taskNextDue + ` <= ?`
		args = append(args, f.DueBy)
	}
	return q, args
}

// Tasks lists tasks, open ones first, the soonest needed first; the
// facade puts them in the desk's order (tasks.Less) for a day.
func (s *Store) Tasks(f tasks.Filter) ([]tasks.Task, error) {
	where, args := taskWhere(f)
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	q := `SELECT ` + taskColumns + ` FROM tasks` + where + ` ORDER BY done_at <> '', ` + taskNextDue + `, due_time, created_at, id LIMIT ?`
	rows, err := s.db.Query(q, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return scanTasks(rows)
}

// TaskCounts counts the open tasks the filter picks that are due on today
// and those overdue before it (a snoozed task counts from its snooze's
// end), for Today's card, without reading the rows.
func (s *Store) TaskCounts(f tasks.Filter, today ukcal.Date) (dueToday, overdue int, err error) {
	f.OpenOnly, f.DueBy = true, today
	where, args := taskWhere(f)
	err = s.db.QueryRow(`SELECT coalesce(sum(`+taskNextDue+` = ?), 0), coalesce(sum(`+taskNextDue+` < ?), 0) FROM tasks`+where,
		append([]any{today, today}, args...)...).Scan(&dueToday, &overdue)
	return dueToday, overdue, err
}

func scanTask(row rowScanner) (tasks.Task, error) {
	var k tasks.Task
	var repeat, done, created string
	err := row.Scan(&k.ID, &k.PatientID, &k.ReferralID, &k.Title, &k.Note, &k.Due, &k.At, &k.OwnerID, &k.OwnerRole,
		&k.SnoozedUntil, &repeat, &k.RuleKey, &done, &k.DoneBy, &k.CreatedBy, &created, &k.ReopenedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return k, ErrNotFound
	}
	if err != nil {
		return k, fmt.Errorf("task: %w", err)
	}
	if k.Repeat, err = tasks.ParseCode(repeat); err != nil {
		return k, fmt.Errorf("task %s: %w", k.ID, err)
	}
	if done != "" {
		k.DoneAt, _ = time.Parse(time.RFC3339Nano, done)
	}
	k.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return k, nil
}

// RuleKeysMade says which of the rule keys a task was already made for
// (open or done), so the rules open a transaction only for new ones.
func (s *Store) RuleKeysMade(keys []string) (map[string]bool, error) {
	made := make(map[string]bool, len(keys))
	for len(keys) > 0 {
		n := min(len(keys), 500)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k
		}
		rows, err := s.db.Query(`SELECT rule_key FROM tasks WHERE rule_key IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			made[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		keys = keys[n:]
	}
	return made, nil
}

// OpenRuleTasks are the open tasks the rules made whose keys start with
// prefix ("sar:", "referral:ID:"), read through the rule keys' index: the
// ones the rules may still close, so not those a manager reopened.
func (s *Store) OpenRuleTasks(prefix string) ([]tasks.Task, error) {
	return openRuleTasks(s.db, prefix)
}

// OpenRuleTasks inside the transaction.
func (t *Tx) OpenRuleTasks(prefix string) ([]tasks.Task, error) { return openRuleTasks(t.tx, prefix) }

// openRuleTasksQuery reads a range of rule keys; it says the rule keys'
// partial index's condition itself, so SQLite reads that index (Today
// runs it on every look).
const openRuleTasksQuery = `SELECT ` + taskColumns + ` FROM tasks WHERE rule_key <> '' AND rule_key >= ? AND rule_key < ? AND done_at = ''
	AND reopened_by = '' ORDER BY rule_key`

// scanTasks reads every task of rows and closes them.
func scanTasks(rows *sql.Rows) ([]tasks.Task, error) {
	defer rows.Close()
	var out []tasks.Task
	for rows.Next() {
		k, err := scanTask(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// ruleKeyRange is the range of keys that start with prefix: from prefix
// up to, not including, prefix with its last byte one higher.
func ruleKeyRange(prefix string) (from, to string) {
	return prefix, prefix[:len(prefix)-1] + string(prefix[len(prefix)-1]+1)
}

func openRuleTasks(q querier, prefix string) ([]tasks.Task, error) {
	if prefix == "" {
		return nil, errors.New("open rule tasks: say which rule's")
	}
	from, to := ruleKeyRange(prefix)
	rows, err := q.Query(openRuleTasksQuery, from, to)
	if err != nil {
		return nil, err
	}
	return scanTasks(rows)
}

// CompleteRuleTask marks an open task a rule made done with the note
// given (the rules say why they closed it). ErrNotFound when it is done
// already, or a manager reopened it (OpenRuleTasks leaves those out; this
// holds the write to the same rule).
func (t *Tx) CompleteRuleTask(id, by string, at time.Time, note string) error {
	res, err := t.tx.Exec(`UPDATE tasks SET done_at = ?, done_by = ?, note = ? WHERE id = ? AND done_at = '' AND rule_key <> '' AND reopened_by = ''`,
		instant(at), by, note, id)
	return oneRow(res, err)
}
