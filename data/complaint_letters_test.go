package data

import (
	"errors"
	"testing"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

func TestComplaintLettersAreKeptListedNewestFirstAndNeverChanged(t *testing.T) {
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	// Complained about the clinic by someone who is not a patient.
	c := complaints.Complaint{ID: "c1", Reference: "C-2026-001", RefYear: 2026, RefSeq: 1, Details: complaints.Details{ComplainantName: "Jane O'Neill",
		Complainant: complaints.ComplainantOther, Channel: complaints.Written, Received: ukcal.MustParseDate("2026-11-20"), Description: "The car park was locked"},
		Status: complaints.Received, StatusAt: now, StatusBy: "rita", CreatedAt: now, CreatedBy: "rita", UpdatedAt: now}
	ack := ComplaintLetter{ID: "l1", ComplaintID: "c1", Template: "complaint_ack", Title: "Acknowledgement letter",
		Content: `{"Letter":{"Subject":"Your complaint"}}`, SHA256: "ab12", CreatedBy: "rita", CreatedAt: now}
	// Half a second later: its stored time sorts before ack's as text.
	delay := ComplaintLetter{ID: "l2", ComplaintID: "c1", Template: "complaint_delay", Title: "Delay letter",
		Content: `{"Letter":{"Subject":"Your complaint: a delay"}}`, SHA256: "cd34", CreatedBy: "amanager",
		CreatedAt: now.Add(500 * time.Millisecond)}
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertComplaint(c); err != nil {
			return err
		}
		if err := tx.InsertComplaintLetter(ack); err != nil {
			return err
		}
		return tx.InsertComplaintLetter(delay)
	})
	if err != nil {
		t.Fatal(err)
	}

	got, err := s.ComplaintLetters("c1")
	if err != nil || len(got) != 2 || got[0] != delay || got[1] != ack {
		t.Fatalf("listed: %+v %v", got, err)
	}
	if one, err := s.ComplaintLetter("l1"); err != nil || one != ack {
		t.Fatalf("read: %+v %v", one, err)
	}
	if _, err := s.ComplaintLetter("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an unknown letter: %v", err)
	}
	if none, err := s.ComplaintLetters("c2"); err != nil || len(none) != 0 {
		t.Fatalf("another complaint's letters: %+v %v", none, err)
	}

	for name, bad := range map[string]ComplaintLetter{
		"not JSON":          {ID: "l3", ComplaintID: "c1", Template: "complaint_ack", Title: "Acknowledgement letter", Content: "printed", SHA256: "ef", CreatedBy: "rita", CreatedAt: now},
		"unknown complaint": {ID: "l4", ComplaintID: "c9", Template: "complaint_ack", Title: "Acknowledgement letter", Content: "{}", SHA256: "ef", CreatedBy: "rita", CreatedAt: now},
	} {
		if err := s.Write(func(tx *Tx) error { return tx.InsertComplaintLetter(bad) }); err == nil {
			t.Errorf("a letter with %s was kept", name)
		}
	}
	for _, stmt := range []string{`UPDATE complaint_letters SET content = '{}'`, `DELETE FROM complaint_letters`} {
		if _, err := s.DB().Exec(stmt); err == nil {
			t.Errorf("%s was allowed", stmt)
		}
	}
}
