package data

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// The GP practice's address goes in, is changed and comes back line for
// line, and a record without one reads as nil.
func TestGPAddressRoundTrips(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	p := patients.Patient{ID: "p1", Forenames: "Zoë", Surname: "Price", DOB: ukcal.MustParseDate("1990-05-17"), Status: patients.Active,
		GP: patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery",
			Address: []string{"Unit 2, Tŷ Gwyn", "14 Hyde Park Road", "Leeds", "LS6 1AB"}},
		CreatedAt: now, UpdatedAt: now}
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
	if got := read(); !reflect.DeepEqual(got.GP, p.GP) {
		t.Fatalf("after insert: GP %#v, want %#v", got.GP, p.GP)
	}

	p.GP.Address = []string{"Kirkgate Surgery Annexe", "Leeds", "LS1 4AP"}
	if err := s.Write(func(tx *Tx) error { return tx.UpdatePatient(p) }); err != nil {
		t.Fatal(err)
	}
	got := read()
	if !reflect.DeepEqual(got.GP, p.GP) {
		t.Fatalf("after update: GP %#v, want %#v", got.GP, p.GP)
	}
	// The columns either side of it kept their places.
	if got.GP.Practice != "Hyde Park Surgery" || got.NextOfKin != p.NextOfKin || !got.UpdatedAt.Equal(now) {
		t.Fatalf("neighbouring fields moved: %+v", got)
	}

	p.GP.Address = nil
	if err := s.Write(func(tx *Tx) error { return tx.UpdatePatient(p) }); err != nil {
		t.Fatal(err)
	}
	if got := read(); got.GP.Address != nil {
		t.Fatalf("a removed address reads as %#v, want nil", got.GP.Address)
	}
}

// A clinic file made before the GP address (schema 8) opens with every
// record's address empty, and the name index's triggers still follow
// changes to the record.
func TestMigrationAddsAnEmptyGPAddress(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	const before = 8
	if len(ms) <= before || ms[before].name != "0009_gp_address.sql" {
		t.Fatalf("migration 0009 is not the GP address: %v", ms)
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
	if _, err := old.Exec(`PRAGMA user_version = 8`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`INSERT INTO patients (id, forenames, surname, search_names, dob, gp_name, gp_practice, created_at, updated_at)
		VALUES ('p1', 'Zoë', 'Price', 'zoe price', '1990-05-17', 'Dr Amara Okafor', 'Hyde Park Surgery', ?, ?)`,
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
	var version int
	s.DB().QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != SchemaVersion() {
		t.Fatalf("user_version %d after opening, want %d", version, SchemaVersion())
	}
	p, err := s.Patient("p1")
	if err != nil {
		t.Fatal(err)
	}
	if p.GP.Address != nil || p.GP.Practice != "Hyde Park Surgery" {
		t.Fatalf("an old record's GP reads as %#v", p.GP)
	}

	p.Surname, p.GP.Address = "Pryce", []string{"Hyde Park Road", "Leeds", "LS6 1AB"}
	if err := s.Write(func(tx *Tx) error { return tx.UpdatePatient(p) }); err != nil {
		t.Fatal(err)
	}
	found, err := s.SearchPatients(patients.PatientQuery{NameTokens: []string{"pryce"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Surname != "Pryce" {
		t.Fatalf("the name index did not follow the update: %+v", found)
	}
	if got, _ := s.Patient("p1"); !reflect.DeepEqual(got.GP.Address, p.GP.Address) {
		t.Fatalf("after the migration the address reads as %#v", got.GP.Address)
	}
}
