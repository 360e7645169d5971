package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"clinicdesk/app/audit"
)

func writeAudit(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		err := s.Write(func(tx *Tx) error {
			_, err := tx.Audit(audit.Entry{Username: "asmith", Action: "patient.view", Entity: "patient",
				EntityID: fmt.Sprint(i), Patient: fmt.Sprint(i), Detail: "row " + fmt.Sprint(i)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// tamper runs raw SQL with the append-only triggers out of the way, as an
// attacker holding the key could.
func tamper(t *testing.T, s *Store, stmts ...string) {
	t.Helper()
	all := append([]string{"DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete"}, stmts...)
	for _, q := range all {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestAuditChainVerifies(t *testing.T) {
	s, _, _ := newStore(t)
	writeAudit(t, s, 10)
	n, err := s.VerifyAudit()
	if err != nil || n != 10 {
		t.Fatalf("n=%d err=%v", n, err)
	}
}

// Verify frames most of each row in SQL; the framing must count bytes,
// not characters, and hold whatever a field holds.
func TestAuditChainVerifiesAnyText(t *testing.T) {
	s, _, _ := newStore(t)
	for _, detail := range []string{"", "Zoë Ødegård — 李小龍 🙂", "a|b:c", "12:|", strings.Repeat("é", 300), "line\nbreak"} {
		err := s.Write(func(tx *Tx) error {
			_, err := tx.Audit(audit.Entry{Username: "zoë", Action: "note.add", Entity: "patient", EntityID: "p:1", Patient: detail, Detail: detail})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.VerifyAudit(); err != nil || n != 6 {
		t.Fatalf("n=%d err=%v", n, err)
	}
}

func TestAuditRowsCannotBeChangedOrDeleted(t *testing.T) {
	s, _, _ := newStore(t)
	writeAudit(t, s, 3)
	if _, err := s.DB().Exec(`UPDATE audit SET detail = 'x' WHERE seq = 2`); err == nil || !strings.Contains(err.Error(), "cannot be changed") {
		t.Fatalf("update: %v", err)
	}
	if _, err := s.DB().Exec(`DELETE FROM audit WHERE seq = 2`); err == nil || !strings.Contains(err.Error(), "cannot be deleted") {
		t.Fatalf("delete: %v", err)
	}
}

func TestTamperingNamesTheFirstBrokenRow(t *testing.T) {
	cases := []struct {
		name    string
		stmts   []string
		wantSeq int64
	}{
		{"edit a field", []string{`UPDATE audit SET detail = 'nothing to see' WHERE seq = 4`}, 4},
		{"edit the user", []string{`UPDATE audit SET username = 'someone_else' WHERE seq = 7`}, 7},
		{"move text from one field to the next", []string{`UPDATE audit SET entity = 'patien', entity_id = 't' || entity_id WHERE seq = 9`}, 9},
		{"edit the time", []string{`UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 3`}, 3},
		{"delete a middle row", []string{`DELETE FROM audit WHERE seq = 5`}, 5},
		{"delete the newest row", []string{`DELETE FROM audit WHERE seq = 10`}, 10},
		{"delete the first row", []string{`DELETE FROM audit WHERE seq = 1`}, 1},
		{"swap two rows", []string{
			`UPDATE audit SET seq = -1 WHERE seq = 6`,
			`UPDATE audit SET seq = 6 WHERE seq = 7`,
			`UPDATE audit SET seq = 7 WHERE seq = -1`}, 6},
		{"re-hash an edited row", []string{`UPDATE audit SET detail = 'x', hash = prev_hash WHERE seq = 8`}, 8},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := newStore(t)
			writeAudit(t, s, 10)
			tamper(t, s, tc.stmts...)
			_, err := s.VerifyAudit()
			var ce *ChainError
			if !errors.As(err, &ce) {
				t.Fatalf("verify after tampering: err = %v, want a ChainError", err)
			}
			if ce.Seq != tc.wantSeq {
				t.Fatalf("names row %d (%v), want %d", ce.Seq, err, tc.wantSeq)
			}
		})
	}
}

func TestListAuditFiltersAndPages(t *testing.T) {
	s, _, _ := newStore(t)
	writeAudit(t, s, 5)
	s.Write(func(tx *Tx) error {
		_, err := tx.Audit(audit.Entry{Username: "bjones", Action: "sign_in", Entity: "user", EntityID: "b"})
		return err
	})
	all, err := s.ListAudit(audit.Filter{})
	if err != nil || len(all) != 6 || all[0].Username != "bjones" {
		t.Fatalf("all: %d %v", len(all), err)
	}
	mine, _ := s.ListAudit(audit.Filter{Username: "ASMITH"})
	if len(mine) != 5 {
		t.Fatalf("by user: %d", len(mine))
	}
	page, _ := s.ListAudit(audit.Filter{Before: 3, Limit: 10})
	if len(page) != 2 || page[0].Seq != 2 {
		t.Fatalf("page: %+v", page)
	}
	patient, _ := s.ListAudit(audit.Filter{Patient: "3"})
	if len(patient) != 1 || patient[0].EntityID != "3" {
		t.Fatalf("by patient: %+v", patient)
	}
}
