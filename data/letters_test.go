package data

import (
	"errors"
	"testing"
	"time"

	"clinicdesk/app/letters"
)

func TestLetterTemplatesAreAddedOnceAndEditsSurvive(t *testing.T) {
	s, _, _ := newStore(t)
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	def := letters.ClinicTemplate{Name: "dna_first", Title: "Missed appointment", AddressedTo: "patient",
		Subject: "You missed your appointment", Body: "We missed you.\n", UpdatedAt: at}
	var added bool
	if err := s.Write(func(tx *Tx) (err error) { added, err = tx.AddLetterTemplate(def); return err }); err != nil || !added {
		t.Fatalf("first add: %v %v", added, err)
	}
	edit := def
	edit.Body, edit.Edited, edit.UpdatedBy = "Croeso, Siân: we missed you.\n", true, "amanager"
	if err := s.Write(func(tx *Tx) error { return tx.SaveLetterTemplate(edit) }); err != nil {
		t.Fatal(err)
	}
	// Copying the defaults in again must not undo the manager's edit.
	if err := s.Write(func(tx *Tx) (err error) { added, err = tx.AddLetterTemplate(def); return err }); err != nil || added {
		t.Fatalf("second add: %v %v", added, err)
	}
	got, err := s.LetterTemplate("dna_first")
	if err != nil || got.Body != edit.Body || !got.Edited || got.UpdatedBy != "amanager" || !got.UpdatedAt.Equal(at) {
		t.Fatalf("read back %+v %v", got, err)
	}
	if _, err := s.LetterTemplate("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing template: %v", err)
	}
	bad := def
	bad.Name, bad.AddressedTo = "odd", "neighbour"
	if err := s.Write(func(tx *Tx) error { return tx.SaveLetterTemplate(bad) }); err == nil {
		t.Fatal("a template addressed to nobody known was stored")
	}
	all, _ := s.LetterTemplates()
	if len(all) != 1 {
		t.Fatalf("%d templates", len(all))
	}
}

func TestLetterLogNewestFirstAndGoesWithThePatient(t *testing.T) {
	s := diaryFixture(t)
	base := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	recs := []LetterRecord{
		{ID: "l1", PatientID: "p1", Kind: LetterKindLetter, Template: "appointment_reminder", Title: "Appointment reminder",
			Content: `{"Subject":"Reminder"}`, SHA256: "aa", CreatedBy: "desk", CreatedAt: base},
		{ID: "l2", PatientID: "p1", Kind: LetterKindSlip, Template: "slip", Title: "Appointment slip", AppointmentID: "a1",
			Content: `{}`, SHA256: "bb", CreatedBy: "desk", CreatedAt: base.Add(time.Minute)},
		{ID: "l3", PatientID: "p2", Kind: LetterKindLetter, Template: "general", Title: "Letter",
			Content: `{}`, SHA256: "cc", CreatedBy: "desk", CreatedAt: base},
	}
	err := s.Write(func(tx *Tx) error {
		for _, r := range recs {
			if err := tx.InsertLetterRecord(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(func(tx *Tx) error {
		return tx.InsertLetterRecord(LetterRecord{ID: "bad", PatientID: "p1", Kind: "fax", Template: "x", Title: "x", Content: "{}", CreatedAt: base})
	}); err == nil {
		t.Fatal("a fax was logged")
	}
	mine, err := s.LetterRecords("p1")
	if err != nil || len(mine) != 2 || mine[0].ID != "l2" || mine[0].AppointmentID != "a1" || !mine[1].CreatedAt.Equal(base) {
		t.Fatalf("p1's letters: %+v %v", mine, err)
	}
	one, err := s.LetterRecord("l1")
	if err != nil || one.Content != `{"Subject":"Reminder"}` || one.SHA256 != "aa" {
		t.Fatalf("l1: %+v %v", one, err)
	}
	if err := s.Write(func(tx *Tx) error { return tx.DeletePatient("p1") }); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.LetterRecords("p1"); len(left) != 0 {
		t.Fatalf("a deleted patient's letters stayed: %+v", left)
	}
	if _, err := s.LetterRecord("l3"); err != nil {
		t.Fatalf("another patient's letter went too: %v", err)
	}
}
