package data

import (
	"testing"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

func TestWaitingListIsUrgentFirstThenLongestWaiting(t *testing.T) {
	s := diaryFixture(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	entries := []schedule.WaitingEntry{
		{ID: "w1", PatientID: "p1", Priority: "routine", Added: ukcal.MustParseDate("2026-09-01")},
		{ID: "w2", PatientID: "p2", Priority: "urgent", Added: ukcal.MustParseDate("2026-11-20"), ClinicianID: "c1"},
		{ID: "w3", PatientID: "p1", Priority: "soon", Added: ukcal.MustParseDate("2026-10-01")},
		{ID: "w4", PatientID: "p2", Priority: "urgent", Added: ukcal.MustParseDate("2026-11-01")},
		{ID: "w5", PatientID: "p2", Priority: "routine", Added: ukcal.MustParseDate("2026-01-01"), Status: schedule.WaitingRemoved},
	}
	err := s.Write(func(tx *Tx) error {
		for _, w := range entries {
			if w.Status == "" {
				w.Status = schedule.WaitingOpen
			}
			w.CreatedBy, w.CreatedAt, w.UpdatedAt = "desk", now, now
			if err := tx.SaveWaiting(w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.WaitingList()
	if err != nil {
		t.Fatal(err)
	}
	var order string
	for _, w := range list {
		order += w.ID + " "
	}
	if order != "w4 w2 w3 w1 " {
		t.Fatalf("order %q", order)
	}
	if list[1].ClinicianName != "Dr Evans" || list[1].PatientName != "John Smith" {
		t.Fatalf("names: %+v", list[1])
	}
	if mine, _ := s.PatientWaiting("p2"); len(mine) != 3 || mine[2].Status != schedule.WaitingRemoved {
		t.Fatalf("p2's entries: %+v", mine)
	}
	if err := s.Write(func(tx *Tx) error { return tx.BookWaiting("w5", "", now) }); err == nil {
		t.Fatal("a removed entry was booked")
	}
}
