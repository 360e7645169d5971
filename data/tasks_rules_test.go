package data

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// The open tasks of one rule are read through the rule keys' index (Today
// asks on every look), only those of that rule and still open; a rule's
// task is closed with its note, and a person's is not the rules' to close.
func TestOpenRuleTasksReadThroughTheirIndex(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	mk := func(id, key string) tasks.Task {
		return tasks.Task{ID: id, Title: "t " + id, Due: ukcal.MustParseDate("2026-12-07"), OwnerRole: "manager", RuleKey: key,
			CreatedBy: "x", CreatedAt: now}
	}
	err := s.Write(func(tx *Tx) error {
		for _, k := range []tasks.Task{mk("a", "sar:q1:2026-12-09"), mk("b", "sar:q2:2026-12-10"), mk("c", "wnb:p1"),
			mk("d", "referral:r1:acknowledge"), mk("e", "sar;odd")} {
			if _, err := tx.InsertRuleTask(k); err != nil {
				return err
			}
		}
		if err := tx.InsertTask(mk("own", "")); err != nil {
			return err
		}
		return tx.CompleteRuleTask("b", tasks.DoneByRules, now, "Done by ClinicDesk: made.")
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.OpenRuleTasks(tasks.RulePrefixSAR)
	if err != nil || len(got) != 1 || got[0].ID != "a" {
		t.Fatalf("open subject access tasks: %+v %v", got, err)
	}
	if k, _ := s.Task("b"); k.DoneBy != tasks.DoneByRules || k.Note != "Done by ClinicDesk: made." {
		t.Errorf("closed by the rules: %+v", k)
	}
	err = s.Write(func(tx *Tx) error { return tx.CompleteRuleTask("own", tasks.DoneByRules, now, "no") })
	if err != ErrNotFound {
		t.Errorf("the rules closed a person's task: %v", err)
	}

	from, to := ruleKeyRange(tasks.RulePrefixSAR)
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+openRuleTasksQuery, from, to)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "INDEX tasks_rule_key") {
		t.Errorf("open rule tasks are read by %q, not through tasks_rule_key", got)
	}
}
