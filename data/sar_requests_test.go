package data

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

func TestSARRequestsKeepPausesAndExtension(t *testing.T) {
	s := diaryFixture(t)
	d := ukcal.MustParseDate
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	paused := sar.Request{ID: "s1", PatientID: "p1", Received: d("2026-11-02"), RequestedBy: "Smith & Co, for her",
		Scope: "letters since 2024", CreatedBy: "desk", CreatedAt: at,
		Pauses: []sar.Pause{{From: d("2026-11-02"), To: d("2026-11-09"), Reason: sar.AwaitingIdentity},
			{From: d("2026-11-20"), Reason: sar.AwaitingClarification}}}
	early := sar.Request{ID: "s2", PatientID: "p2", Received: d("2026-10-01"), RequestedBy: "patient", IdentityCheck: "known",
		Scope: "the whole record", CreatedBy: "desk", CreatedAt: at}
	done := early
	done.ID, done.ProducedAt, done.SHA256PDF = "s3", at, "abc"
	err := s.Write(func(tx *Tx) error {
		for _, r := range []sar.Request{paused, early, done} {
			if err := tx.InsertSAR(r, d("2026-12-"+fmt.Sprint(10+len(r.Pauses))), d("2027-02-01")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.SARRequest("s1")
	if err != nil || len(got.Pauses) != 2 || got.Pauses[0] != paused.Pauses[0] || !got.Pauses[1].Open() ||
		got.Pauses[1].Reason != sar.AwaitingClarification || got.Received != paused.Received || got.Scope != paused.Scope ||
		!got.CreatedAt.Equal(at) || got.IsProduced() {
		t.Fatalf("read back %+v %v", got, err)
	}
	open, err := s.OpenSARs()
	if err != nil || len(open) != 2 || open[0].ID != "s2" || open[1].ID != "s1" {
		t.Fatalf("open: %+v %v", open, err)
	}
	got.Pauses[1].To = d("2026-11-23")
	got.ExtensionSent, got.ExtensionWhy, got.IdentityCheck = d("2026-11-24"), "it is long", "passport seen"
	if err := s.Write(func(tx *Tx) error { return tx.UpdateSAR(got, d("2026-12-14"), d("2027-02-15")) }); err != nil {
		t.Fatal(err)
	}
	again, _ := s.SARRequest("s1")
	if again.Pauses[1].To.String() != "2026-11-23" || again.ExtensionSent.String() != "2026-11-24" || again.ExtensionWhy != "it is long" ||
		again.IdentityCheck != "passport seen" || again.Status() != sar.Extended {
		t.Errorf("after update %+v", again)
	}
	if mine, _ := s.SARRequests("p2"); len(mine) != 2 {
		t.Errorf("p2's requests: %+v", mine)
	}
	if _, err := s.SARRequest("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing request: %v", err)
	}
	if err := s.Write(func(tx *Tx) error { return tx.UpdateSAR(sar.Request{ID: "nope"}, d("2026-12-14"), d("2027-02-15")) }); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing request: %v", err)
	}
}

// Copies made before the register were of the whole record, with no pause.
func TestSARMigrationKeepsOldCopies(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, m := range ms {
		if m.name == "0017_sar_register.sql" {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("no migration 0017_sar_register.sql")
	}
	key := newKey(t)
	path := filepath.Join(t.TempDir(), "old.db")
	dsnStr, err := dsn(path, key)
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open(driverName, dsnStr)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:before] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	for _, q := range []string{fmt.Sprintf(`PRAGMA user_version = %d`, before),
		`INSERT INTO patients (id, forenames, surname, dob, status, created_at, updated_at) VALUES ('p1', 'Zoë', 'O''Brien', '1984-02-29', 'active', '', '')`,
		`INSERT INTO sar_requests (id, patient_id, received, due, due_extended, requested_by, produced_at, created_by, created_at)
			VALUES ('s1', 'p1', '2026-01-05', '2026-02-05', '2026-04-07', 'patient', '2026-01-06T10:00:00Z', 'desk', '2026-01-06T10:00:00Z')`} {
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
	r, err := s.SARRequest("s1")
	if err != nil || r.Scope != "the whole record" || len(r.Pauses) != 0 || !r.IsProduced() || r.Status() != sar.Produced {
		t.Errorf("old copy after migrating: %+v %v", r, err)
	}
}
