package data

import (
	"reflect"
	"testing"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

func TestCalendarSettingsDefaultThenSaved(t *testing.T) {
	s, _, _ := newStore(t)
	cs, err := s.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	if cs.Region != "england-and-wales" || cs.GridMinutes != 15 || cs.DNAWindowMonths != 12 || len(cs.OpeningHours[time.Monday]) != 1 || len(cs.OpeningHours[time.Sunday]) != 0 {
		t.Fatalf("defaults: %+v", cs)
	}
	cs.Region, cs.GridMinutes, cs.DNAWindowMonths = "scotland", 10, 6
	cs.OpeningHours[time.Saturday] = []schedule.Span{{Start: 9 * 60, End: 12 * 60}}
	if err := s.Write(func(tx *Tx) error { return tx.SaveCalendarSettings(cs) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.CalendarSettings()
	if err != nil || !reflect.DeepEqual(got, cs) {
		t.Fatalf("read back %+v %v, want %+v", got, err, cs)
	}
}

func TestClinicianHoursWithABreakRoundTrip(t *testing.T) {
	s, _, _ := newStore(t)
	c := schedule.Clinician{ID: "c1", Name: "Dr Siân Evans", Role: "GP", Colour: "#336699", Active: true}
	c.Hours[time.Tuesday] = []schedule.Span{{Start: 9 * 60, End: 12*60 + 30}, {Start: 13*60 + 30, End: 17 * 60}}
	if err := s.Write(func(tx *Tx) error { return tx.SaveClinician(c) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.Clinician("c1")
	if err != nil || !reflect.DeepEqual(got.Hours, c.Hours) || got.Name != c.Name {
		t.Fatalf("got %+v %v", got, err)
	}
	c.Active = false
	s.Write(func(tx *Tx) error { return tx.SaveClinician(c) })
	if active, _ := s.Clinicians(true); len(active) != 0 {
		t.Fatalf("inactive clinician listed: %+v", active)
	}
	if all, _ := s.Clinicians(false); len(all) != 1 {
		t.Fatalf("all clinicians: %+v", all)
	}
}

func TestClosuresOverlappingARange(t *testing.T) {
	s, _, _ := newStore(t)
	err := s.Write(func(tx *Tx) error {
		for _, c := range []schedule.Closure{
			{ID: "a", From: ukcal.MustParseDate("2026-12-29"), To: ukcal.MustParseDate("2026-12-31"), Reason: "Christmas shutdown"},
			{ID: "b", From: ukcal.MustParseDate("2027-02-01"), To: ukcal.MustParseDate("2027-02-01"), Reason: "Training day"},
		} {
			if err := tx.InsertClosure(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		from, to string
		want     int
	}{{"2026-12-31", "2026-12-31", 1}, {"2027-01-01", "2027-01-31", 0}, {"2026-12-01", "2027-03-01", 2}, {"2027-02-01", "2027-02-01", 1}} {
		got, err := s.Closures(ukcal.MustParseDate(tc.from), ukcal.MustParseDate(tc.to))
		if err != nil || len(got) != tc.want {
			t.Errorf("%s–%s: %d closures (%v), want %d", tc.from, tc.to, len(got), err, tc.want)
		}
	}
}
