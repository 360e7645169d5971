package schedule

import (
	"slices"
	"testing"
)

func TestOffer(t *testing.T) {
	freed := appt("freed", drOkafor, "room-1", "", "2026-11-23", "09:00", "09:30")
	list := []Waiting{
		{ID: "w-routine-old", PatientID: "p1", Priority: Routine, Added: date("2026-01-10"), Minutes: 20},
		{ID: "w-urgent-new", PatientID: "p2", Priority: Urgent, Added: date("2026-11-01"), ClinicianID: drOkafor},
		{ID: "w-urgent-old", PatientID: "p3", Priority: Urgent, Added: date("2026-10-01")},
		{ID: "w-wrong-clinician", PatientID: "p4", Priority: Urgent, Added: date("2025-01-01"), ClinicianID: nursePrice},
		{ID: "w-too-long", PatientID: "p5", Priority: Urgent, Added: date("2025-01-01"), Minutes: 45},
		{ID: "w-busy", PatientID: "busy", Priority: Urgent, Added: date("2025-01-01")},
		{ID: "w-afternoon", PatientID: "p6", Priority: Urgent, Added: date("2025-01-01"), Part: Afternoon},
		{ID: "w-morning", PatientID: "p7", Priority: Soon, Added: date("2026-06-01"), Part: Morning, Minutes: 30},
		{ID: "w-routine-old-b", PatientID: "p8", Priority: Routine, Added: date("2026-01-10")},
		{ID: "w-unset", PatientID: "p9", Added: date("2024-01-01")},
	}
	busy := func(patientID string) bool { return patientID == "busy" }
	var got []string
	for _, w := range Offer(freed, list, busy) {
		got = append(got, w.ID)
	}
	want := []string{"w-urgent-old", "w-urgent-new", "w-morning", "w-routine-old", "w-routine-old-b", "w-unset"}
	if !slices.Equal(got, want) {
		t.Errorf("Offer = %v\nwant    %v", got, want)
	}
	if Offer(freed, nil, nil) != nil {
		t.Error("an empty list offers someone")
	}
	if got := Offer(freed, list[:1], nil); len(got) != 1 {
		t.Errorf("with no busy check: %v", got)
	}
}

func TestPriorityAndPartOfDayText(t *testing.T) {
	for _, p := range []Priority{Urgent, Soon, Routine} {
		if back, err := ParsePriority(p.String()); err != nil || back != p {
			t.Errorf("ParsePriority(%q) = %v, %v", p.String(), back, err)
		}
	}
	if p, err := ParsePriority(" Urgent "); err != nil || p != Urgent {
		t.Errorf("ParsePriority(\" Urgent \") = %v, %v", p, err)
	}
	for _, s := range []string{"", "high", "0"} {
		if _, err := ParsePriority(s); err == nil {
			t.Errorf("ParsePriority(%q) accepted", s)
		}
	}
	for _, p := range []PartOfDay{AnyTime, Morning, Afternoon} {
		if back, err := ParsePartOfDay(p.String()); err != nil || back != p {
			t.Errorf("ParsePartOfDay(%q) = %v, %v", p.String(), back, err)
		}
	}
	if _, err := ParsePartOfDay("evening"); err == nil {
		t.Error("ParsePartOfDay accepted evening")
	}
}

func TestStillWaiting(t *testing.T) {
	for s, want := range map[WaitingStatus]bool{
		WaitingOpen: true, WaitingOffered: true, WaitingBooked: false, WaitingRemoved: false, "": false,
	} {
		if got := s.StillWaiting(); got != want {
			t.Errorf("%q.StillWaiting() = %v, want %v", s, got, want)
		}
	}
}
