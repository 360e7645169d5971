package data

import (
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
