package data

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"reflect"
	"testing"
	"time"
)

// A name search answers from the index's own copy of the list columns,
// so every change to the record must reach that copy in the same
// transaction, or the list would show stale details.
func TestSearchRowsFollowTheRecord(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	p := patients.Patient{ID: "p1", Title: "Ms", Forenames: "Zoë", Surname: "Price", DOB: ukcal.MustParseDate("1990-05-17"), NHSNumber: "9434765919",
		Address: patients.Address{Postcode: "LS1 4AP"}, Status: patients.Active, CreatedAt: now, UpdatedAt: now}
	write := func(fn func(*Tx) error) {
		t.Helper()
		if err := s.Write(fn); err != nil {
			t.Fatal(err)
		}
	}
	search := func(archived bool) []patients.PatientSummary {
		t.Helper()
		got, err := s.SearchPatients(patients.PatientQuery{NameTokens: []string{"zoe"}, IncludeArchived: archived})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	write(func(tx *Tx) error { return tx.InsertPatient(p) })
	if got := search(false); len(got) != 1 || !reflect.DeepEqual(got[0], p.Summary()) {
		t.Fatalf("after insert: %+v, want %+v", got, p.Summary())
	}

	p.DOB, p.Address.Postcode, p.NHSNumber = ukcal.MustParseDate("1991-06-18"), "BS1 5TR", ""
	p.Alerts = []patients.Alert{{Kind: "violent", Text: "shouted at staff"}}
	p.AIS.Needs, p.Interpreter, p.Language = []string{"large_print"}, true, "Polish"
	write(func(tx *Tx) error { return tx.UpdatePatient(p) })
	if got := search(false); len(got) != 1 || !reflect.DeepEqual(got[0], p.Summary()) {
		t.Fatalf("after update: %+v, want %+v", got, p.Summary())
	}

	p.Status = patients.Archived
	write(func(tx *Tx) error { return tx.UpdatePatient(p) })
	if got := search(false); len(got) != 0 {
		t.Fatalf("an archived record is in the active search: %+v", got)
	}
	if got := search(true); len(got) != 1 || got[0].Status != patients.Archived {
		t.Fatalf("archived search: %+v", got)
	}

	write(func(tx *Tx) error { return tx.DeletePatient(p.ID) })
	if got := search(true); len(got) != 0 {
		t.Fatalf("a deleted record is still found: %+v", got)
	}
}

// Results come in list order with accents and case folded, whichever
// order the index found them in.
func TestSearchResultsInListOrder(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	people := []patients.Patient{
		{ID: "a", Forenames: "Orla", Surname: "Quinn", DOB: ukcal.MustParseDate("1970-01-01")},
		{ID: "b", Forenames: "Órla", Surname: "Ó Briain", DOB: ukcal.MustParseDate("1970-01-01")},
		{ID: "c", Forenames: "olek", Surname: "Nowak", DOB: ukcal.MustParseDate("1970-01-01")},
		{ID: "d", Forenames: "Olek", Surname: "nowak", DOB: ukcal.MustParseDate("1960-01-01")},
	}
	err := s.Write(func(tx *Tx) error {
		for _, p := range people {
			p.Status, p.CreatedAt, p.UpdatedAt = patients.Active, now, now
			if err := tx.InsertPatient(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.SearchPatients(patients.PatientQuery{NameTokens: []string{"o"}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	if want := []string{"d", "c", "b", "a"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("order %v, want %v (Nowak by DOB, then Ó Briain, then Quinn)", ids, want)
	}
}
