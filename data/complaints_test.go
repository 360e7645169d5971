package data

import (
	"fmt"
	"testing"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func TestComplaintRegisterKeepsItsHistoryAndOutlivesThePatient(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	p := patients.Patient{ID: "p1", Forenames: "Zoë", Surname: "Łukasiewicz", DOB: ukcal.MustParseDate("1984-02-29"), Status: patients.Active, CreatedAt: now, UpdatedAt: now}
	c := complaints.Complaint{ID: "c1", Reference: "C-2026-001", RefYear: 2026, RefSeq: 1, Details: complaints.Details{ComplainantName: "Zoë Łukasiewicz",
		Complainant: complaints.ComplainantPatient, PatientID: "p1", Channel: complaints.Written, Received: ukcal.MustParseDate("2026-11-20"),
		Subjects: []complaints.SubjectArea{"appointments", "staff_attitude"}, StaffGroups: []complaints.StaffGroup{"practice_admin"},
		Description: "Spoken to rudely"}, Status: complaints.Received, StatusAt: now, StatusBy: "rita",
		NextDue: ukcal.MustParseDate("2026-11-25"), CreatedAt: now, CreatedBy: "rita", UpdatedAt: now}
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertPatient(p); err != nil {
			return err
		}
		if n, err := tx.NextComplaintSeq(2026); err != nil || n != 1 {
			t.Errorf("first number of 2026: %d %v", n, err)
		}
		if err := tx.InsertComplaint(c); err != nil {
			return err
		}
		if n, _ := tx.NextComplaintSeq(2026); n != 2 {
			t.Errorf("next number of 2026: %d", n)
		}
		if err := tx.InsertComplaintNote(complaints.Note{ID: "n1", ComplaintID: "c1", Kind: "action", Body: "Ring back", By: "rita", At: now}); err != nil {
			return err
		}
		return tx.InsertComplaintTransition(complaints.Transition{ComplaintID: "c1", To: "received", At: now, By: "rita"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []ComplaintFilter{{Search: "LUKASIEWICZ"}, {Search: "rudely"}, {PatientID: "p1"},
		{Statuses: []complaints.Status{complaints.Received}, DueBy: ukcal.MustParseDate("2026-11-25")}} {
		got, err := s.Complaints(f)
		if err != nil || len(got) != 1 || fmt.Sprint(got[0].Subjects) != "[appointments staff_attitude]" {
			t.Errorf("%+v: %+v %v", f, got, err)
		}
	}
	if got, _ := s.Complaints(ComplaintFilter{DueBy: ukcal.MustParseDate("2026-11-24")}); len(got) != 0 {
		t.Errorf("due by the day before: %+v", got)
	}
	for _, stmt := range []string{`UPDATE complaint_history SET by = 'x'`, `DELETE FROM complaint_history`,
		`UPDATE complaint_notes SET body = 'x'`, `DELETE FROM complaint_notes`} {
		if _, err := s.DB().Exec(stmt); err == nil {
			t.Errorf("%s was allowed", stmt)
		}
	}
	dup := c
	dup.ID, dup.RefSeq = "c2", 2
	if err := s.Write(func(tx *Tx) error { return tx.InsertComplaint(dup) }); err == nil {
		t.Error("a second complaint with the same reference was stored")
	}
	if err := s.Write(func(tx *Tx) error { return tx.DeletePatient("p1") }); err != nil {
		t.Fatal(err)
	}
	kept, err := s.Complaint("c1")
	if err != nil || kept.PatientID != "" || kept.Reference != "C-2026-001" {
		t.Fatalf("after the patient was deleted: %+v %v", kept, err)
	}
	cs, err := s.ComplaintSettings()
	if err != nil || cs != complaints.DefaultSettings() {
		t.Fatalf("settings: %+v %v", cs, err)
	}
}
