package data

import (
	"errors"
	"testing"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// The store keeps the calendar's set-up between writes; every write that
// commits must show at once, and nothing a caller does to what it was
// given, nor a write that rolled back, may show.
func TestKeptSetupFollowsEveryCommittedWrite(t *testing.T) {
	s := diaryFixture(t)
	if err := s.Write(func(tx *Tx) error {
		return tx.InsertAppointment(appt("a1", "p1", "c1", "2026-11-23", 9*60))
	}); err != nil {
		t.Fatal(err)
	}
	entry := func() schedule.DiaryEntry {
		t.Helper()
		es, err := s.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23")})
		if err != nil || len(es) != 1 {
			t.Fatalf("diary: %v, %d entries", err, len(es))
		}
		return es[0]
	}
	if e := entry(); e.TypeName != "Follow-up" || e.ClinicianName != "Dr Evans" {
		t.Fatalf("names before any change: %q, %q", e.TypeName, e.ClinicianName)
	}

	// A change to what a caller was handed stays with the caller.
	var monday schedule.WeekHours
	monday[1] = []schedule.Span{{Start: 9 * 60, End: 17 * 60}}
	if err := s.Write(func(tx *Tx) error {
		return tx.SaveClinician(schedule.Clinician{ID: "c1", Name: "Dr Evans", Active: true, Hours: monday})
	}); err != nil {
		t.Fatal(err)
	}
	cls, err := s.Clinicians(false)
	if err != nil {
		t.Fatal(err)
	}
	cls[0].Name = "Changed in memory"
	cls[0].Hours[1][0].Start = 60
	again, _ := s.Clinicians(false)
	if again[0].Name != "Dr Evans" || again[0].Hours[1][0].Start != 9*60 {
		t.Fatalf("a caller's change reached the kept set-up: %+v", again[0])
	}

	// A write that rolls back changes nothing.
	rollback := errors.New("changed my mind")
	err = s.Write(func(tx *Tx) error {
		if err := tx.SaveAppointmentType(schedule.AppointmentType{ID: "t1", Name: "Never saved", Minutes: 30, Active: true}); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	if e := entry(); e.TypeName != "Follow-up" {
		t.Fatalf("a rolled-back rename shows: %q", e.TypeName)
	}

	// Each kind of set-up write shows on the next read.
	err = s.Write(func(tx *Tx) error {
		if err := tx.SaveAppointmentType(schedule.AppointmentType{ID: "t1", Name: "Review", Minutes: 30, Colour: "#112233", Active: true}); err != nil {
			return err
		}
		if err := tx.SaveClinician(schedule.Clinician{ID: "c1", Name: "Dr Evans-Jones", Active: true, SortOrder: 5}); err != nil {
			return err
		}
		if err := tx.SaveRoom(schedule.Room{ID: "r2", Name: "Gym", Active: false}); err != nil {
			return err
		}
		cs := schedule.DefaultCalendarSettings()
		cs.GridMinutes = 5
		return tx.SaveCalendarSettings(cs)
	})
	if err != nil {
		t.Fatal(err)
	}
	if e := entry(); e.TypeName != "Review" || e.TypeColour != "#112233" || e.ClinicianName != "Dr Evans-Jones" {
		t.Fatalf("names after the change: %q %q %q", e.TypeName, e.TypeColour, e.ClinicianName)
	}
	if cs, _ := s.CalendarSettings(); cs.GridMinutes != 5 {
		t.Fatalf("grid after the change: %d", cs.GridMinutes)
	}
	all, _ := s.Rooms(false)
	active, _ := s.Rooms(true)
	if len(all) != 2 || len(active) != 1 || active[0].ID != "r1" {
		t.Fatalf("rooms after adding an inactive one: all %+v, active %+v", all, active)
	}
	// Dr Evans-Jones now sorts after Ms Patel.
	cls, _ = s.Clinicians(true)
	if len(cls) != 2 || cls[0].ID != "c2" || cls[1].ID != "c1" {
		t.Fatalf("clinicians' order after the change: %+v", cls)
	}
}

// Appointments at the same time come in the day view's column order
// (the clinicians' sort order), not by their ids.
func TestDiaryOrdersSameTimeByColumn(t *testing.T) {
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		// c2 sorts after c1 in the fixture; make it first.
		if err := tx.SaveClinician(schedule.Clinician{ID: "c2", Name: "Ms Patel", Active: true, SortOrder: -1}); err != nil {
			return err
		}
		for _, a := range []schedule.Appointment{
			appt("a1", "p1", "c1", "2026-11-23", 9*60),
			appt("a2", "p2", "c2", "2026-11-23", 9*60),
			appt("a3", "p2", "c1", "2026-11-23", 8*60),
		} {
			if err := tx.InsertAppointment(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	if len(ids) != 3 || ids[0] != "a3" || ids[1] != "a2" || ids[2] != "a1" {
		t.Fatalf("order %v, want a3 (08:00), then a2 (c2's column first), then a1", ids)
	}
	// Inside a transaction the same order and names.
	err = s.Write(func(tx *Tx) error {
		in, err := tx.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23")})
		if err != nil {
			return err
		}
		if len(in) != 3 || in[1].ID != "a2" || in[1].ClinicianName != "Ms Patel" || in[0].TypeName != "Follow-up" {
			t.Errorf("inside a transaction: %+v", in)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
