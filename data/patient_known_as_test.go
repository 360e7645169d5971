package data

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Whether letters use the known-as name goes in, is changed and comes
// back, without moving the columns beside it.
func TestKnownAsInLettersRoundTrips(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	p := patients.Patient{ID: "p1", Title: "Mr", Forenames: "Robert", Surname: "Smith", PreferredName: "Bob", UseKnownAs: true,
		DOB: ukcal.MustParseDate("1961-04-02"), Sex: "male", Status: patients.Active, CreatedAt: now, UpdatedAt: now}
	read := func() patients.Patient {
		t.Helper()
		got, err := s.Patient(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if err := s.Write(func(tx *Tx) error { return tx.InsertPatient(p) }); err != nil {
		t.Fatal(err)
	}
	if got := read(); !got.UseKnownAs || got.PreferredName != "Bob" || got.DOB != ukcal.MustParseDate("1961-04-02") || got.Sex != "male" {
		t.Fatalf("after insert: %+v", got)
	}
	p.UseKnownAs = false
	if err := s.Write(func(tx *Tx) error { return tx.UpdatePatient(p) }); err != nil {
		t.Fatal(err)
	}
	if got := read(); got.UseKnownAs || got.PreferredName != "Bob" || got.DOB != ukcal.MustParseDate("1961-04-02") {
		t.Fatalf("after update: %+v", got)
	}
}

// A record made before migration 0019 reads as not using its known-as
// name: letters keep the greeting they had.
func TestMigrationLeavesKnownAsOutOfLetters(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, m := range ms {
		if m.name == "0019_known_as_in_letters.sql" {
			before = i
		}
	}
	if before < 0 {
		t.Fatalf("no migration 0019_known_as_in_letters.sql: %v", ms)
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
	if _, err := old.Exec(`PRAGMA user_version = ` + strconv.Itoa(before)); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`INSERT INTO patients (id, forenames, surname, preferred_name, search_names, dob, created_at, updated_at)
		VALUES ('p1', 'Margaret', 'Ó Briain', 'Peggy', 'margaret o briain peggy', '1938-06-30', ?, ?)`,
		"2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Patient("p1")
	if err != nil {
		t.Fatal(err)
	}
	if p.UseKnownAs || p.PreferredName != "Peggy" {
		t.Fatalf("an old record reads as %+v", p)
	}
	if _, err := s.DB().Exec(`UPDATE patients SET known_as_in_letters = 2 WHERE id = 'p1'`); err == nil {
		t.Fatal("the column took a value that is neither yes nor no")
	}
}
