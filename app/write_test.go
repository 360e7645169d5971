package app

import (
	"errors"
	"testing"
	"time"

	"clinicdesk/app/audit"
)

// lastAudit is the newest audit row.
func lastAudit(t *testing.T, c *Clinic) audit.Entry {
	t.Helper()
	rows, err := c.store.ListAudit(audit.Filter{Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("audit rows %v, %v", rows, err)
	}
	return rows[0]
}

func auditCount(t *testing.T, c *Clinic) int {
	t.Helper()
	rows, err := c.store.ListAudit(audit.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// Each field of an auditEvent lands in its own column, as the signed-in
// user at the clinic's clock: the five strings cannot swap places.
func TestDoWritesTheTypedAuditRowAsTheSessionUser(t *testing.T) {
	c, _, _ := newClinic(t)
	at := time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC)
	c.now = func() time.Time { return at }
	err := c.do(PermEditClinic, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "clinic.update", Entity: "the-entity", ID: "the-id", Patient: "the-patient", Detail: "the detail"})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := lastAudit(t, c)
	want := audit.Entry{Username: "amanager", Action: "clinic.update", Entity: "the-entity", EntityID: "the-id",
		Patient: "the-patient", Detail: "the detail"}
	if got.Username != want.Username || got.Action != want.Action || got.Entity != want.Entity ||
		got.EntityID != want.EntityID || got.Patient != want.Patient || got.Detail != want.Detail {
		t.Fatalf("audit row %+v, want %+v", got, want)
	}
	if !got.At.Equal(at) {
		t.Fatalf("audit row at %v, want the clinic's clock %v", got.At, at)
	}
}

// A role without the permission is refused before anything runs; a
// locked session likewise.
func TestDoRefusesWithoutThePermissionAndRunsNothing(t *testing.T) {
	c, _, _ := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, c)
	ran := false
	err := c.do(PermManageUsers, func(tx *writeTx) error { ran = true; return nil })
	var perm *PermissionError
	if !errors.As(err, &perm) || ran {
		t.Fatalf("do as a receptionist: err %v, ran %t; want a PermissionError and nothing run", err, ran)
	}
	c.Lock()
	before++ // the lock row
	err = c.do(PermViewPatients, func(tx *writeTx) error { ran = true; return nil })
	if !errors.Is(err, ErrLocked) || ran {
		t.Fatalf("do while locked: err %v, ran %t", err, ran)
	}
	if n := auditCount(t, c); n != before {
		t.Fatalf("%d audit rows, want %d: a refused write wrote", n, before)
	}
}

// The change and its audit rows commit together or not at all.
func TestDoRollsBackTheAuditRowWhenTheWriteFails(t *testing.T) {
	c, _, _ := newClinic(t)
	before := auditCount(t, c)
	boom := errors.New("boom")
	err := c.do(PermEditClinic, func(tx *writeTx) error {
		if err := tx.audit(auditEvent{Action: "clinic.update", Entity: "clinic"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	if n := auditCount(t, c); n != before {
		t.Fatalf("%d audit rows, want %d: the failed write's row was kept", n, before)
	}
}
