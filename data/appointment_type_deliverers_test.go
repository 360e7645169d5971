package data

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"

	"clinicdesk/app/schedule"
)

// Who delivers a type goes in, is changed and comes back, on the cached
// list and on a single read; a type open to anyone reads as empty.
func TestAppointmentTypeDeliverersRoundTrip(t *testing.T) {
	s, _, _ := newStore(t)
	acu := schedule.AppointmentType{ID: "t1", Name: "Acupuncture 30 min", Minutes: 30, Active: true,
		Deliverers: schedule.Deliverers{ClinicianIDs: []string{"c-priya", "c-callum"}}}
	physio := schedule.AppointmentType{ID: "t2", Name: "Physio follow-up 30 min", Minutes: 30, Active: true,
		Deliverers: schedule.Deliverers{Roles: []string{"Physiotherapist"}}}
	open := schedule.AppointmentType{ID: "t3", Name: "Telephone 10 min", Minutes: 10, Active: true}
	if err := s.Write(func(tx *Tx) error {
		for _, a := range []schedule.AppointmentType{acu, physio, open} {
			if err := tx.SaveAppointmentType(a); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	check := func(want ...schedule.AppointmentType) {
		t.Helper()
		list, err := s.AppointmentTypes(false)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]schedule.AppointmentType{}
		for _, a := range list {
			byID[a.ID] = a
		}
		for _, w := range want {
			if got := byID[w.ID]; !reflect.DeepEqual(got.Deliverers, w.Deliverers) {
				t.Errorf("%s in the list: deliverers %#v, want %#v", w.Name, got.Deliverers, w.Deliverers)
			}
			one, err := s.AppointmentType(w.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(one.Deliverers, w.Deliverers) {
				t.Errorf("%s read alone: deliverers %#v, want %#v", w.Name, one.Deliverers, w.Deliverers)
			}
		}
	}
	check(acu, physio, open)
	if got, _ := s.AppointmentType(open.ID); !got.Deliverers.Anyone() {
		t.Fatalf("a type with no deliverers is not open to anyone: %#v", got.Deliverers)
	}

	// A caller changing its copy does not change the kept set-up.
	list, _ := s.AppointmentTypes(false)
	for _, a := range list {
		for i := range a.Deliverers.ClinicianIDs {
			a.Deliverers.ClinicianIDs[i] = "changed"
		}
	}
	check(acu)

	acu.Deliverers = schedule.Deliverers{ClinicianIDs: []string{"c-priya"}, Roles: []string{"Acupuncturist"}}
	physio.Deliverers = schedule.Deliverers{}
	if err := s.Write(func(tx *Tx) error {
		if err := tx.SaveAppointmentType(acu); err != nil {
			return err
		}
		return tx.SaveAppointmentType(physio)
	}); err != nil {
		t.Fatal(err)
	}
	check(acu, physio)
}

// A clinic file made before types had deliverers (schema 14) opens with
// every type open to anyone, so it books exactly as before.
func TestMigrationLeavesOldTypesOpenToAnyone(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	const before = 14
	if len(ms) <= before || ms[before].name != "0015_type_deliverers.sql" {
		t.Fatalf("migration 0015 is not the types' deliverers: %v", ms)
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
	if _, err := old.Exec(`PRAGMA user_version = 14`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`INSERT INTO appointment_types (id, name, minutes, colour, needs_room, active)
		VALUES ('t1', 'Physio 45 min', 45, '#C0A8E8', 1, 1)`); err != nil {
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
	got, err := s.AppointmentType("t1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Deliverers.Anyone() || got.Name != "Physio 45 min" || got.Minutes != 45 || !got.NeedsRoom {
		t.Fatalf("the old type reads as %#v", got)
	}
	got.Deliverers.Roles = []string{"Physiotherapist"}
	if err := s.Write(func(tx *Tx) error { return tx.SaveAppointmentType(got) }); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.AppointmentType("t1"); !reflect.DeepEqual(again.Deliverers.Roles, []string{"Physiotherapist"}) {
		t.Fatalf("after saving, roles %#v", again.Deliverers.Roles)
	}
	// A stored list that is not JSON is refused by the file itself.
	if _, err := s.DB().Exec(`UPDATE appointment_types SET deliverer_roles = 'Physio' WHERE id = 't1'`); err == nil {
		t.Fatal("the file took deliverer roles that are not a JSON list")
	}
}
