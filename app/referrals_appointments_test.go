package app

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// An appointment booked for a referral feeds its pathway without
// retyping: booked, then a DNA nullifies the clock; the rebooking starts
// a new one; attending, then a later DNA, which leaves it running.
func TestAppointmentsFeedTheReferralsPathway(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London())
	c.now = func() time.Time { return now }
	r := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-02"))
	other := addReferral(t, c, gpReferral(d.john.ID, "2026-11-02"))

	req := d.req(d.zoe, d.evans, "2026-11-25", "09:00")
	req.ReferralID = other.ID
	if _, _, err := c.Book(req); err == nil || !strings.Contains(err.Error(), "another patient") {
		t.Fatalf("booked Zoë for John's referral: %v", err)
	}
	req.ReferralID = r.ID
	first := d.book(t, req)
	clockOf := func() ReferralRecord {
		t.Helper()
		rec, err := c.Referral(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	rec := clockOf()
	if last := rec.Events[len(rec.Events)-1]; last.Kind != pathways.FirstAppointmentBooked || last.On.String() != "2026-11-23" ||
		last.AppointmentID != first.ID || rec.Clock.FirstBooked.String() != "2026-11-23" {
		t.Fatalf("after booking: %+v", rec.Events)
	}

	now = time.Date(2026, 11, 25, 17, 0, 0, 0, ukcal.London())
	if _, err := c.SetStatus(first.ID, "dna", ""); err != nil {
		t.Fatal(err)
	}
	rec = clockOf()
	if rec.Clock.Status != pathways.ClockNullified || rec.Clock.Breached || rec.Events[len(rec.Events)-1].Kind != pathways.FirstAppointmentDNA ||
		rec.Events[len(rec.Events)-1].AppointmentID != first.ID {
		t.Fatalf("after the DNA: %+v %+v", rec.Clock, rec.Events)
	}
	acts := auditRows(t, c, first.ID)
	if last := acts[len(acts)-1]; last.Action != "appointment.status" || !strings.Contains(last.Detail, "Did not attend the first appointment on referral") {
		t.Errorf("the status change's audit: %+v", last)
	}

	// Rebooked on the 26th: a new clock from that day.
	now = time.Date(2026, 11, 26, 9, 0, 0, 0, ukcal.London())
	second := d.book(t, func() BookingRequest {
		q := d.req(d.zoe, d.evans, "2026-11-30", "10:00")
		q.ReferralID = r.ID
		return q
	}())
	if rec = clockOf(); rec.Clock.Status != pathways.ClockRunning || rec.Clock.Start.String() != "2026-11-26" || len(rec.Clock.Earlier) != 1 {
		t.Fatalf("after rebooking: %+v", rec.Clock)
	}
	now = time.Date(2026, 11, 30, 12, 0, 0, 0, ukcal.London())
	if _, err := c.SetStatus(second.ID, "arrived", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetStatus(second.ID, "seen", ""); err != nil {
		t.Fatal(err)
	}
	if rec = clockOf(); rec.Clock.FirstAttended.String() != "2026-11-30" || rec.Clock.Status != pathways.ClockRunning {
		t.Fatalf("after attending: %+v", rec.Clock)
	}
	third := d.book(t, func() BookingRequest {
		q := d.req(d.zoe, d.evans, "2026-12-02", "10:00")
		q.ReferralID = r.ID
		return q
	}())
	now = time.Date(2026, 12, 2, 17, 0, 0, 0, ukcal.London())
	if _, err := c.SetStatus(third.ID, "dna", ""); err != nil {
		t.Fatal(err)
	}
	rec = clockOf()
	kinds := make([]string, len(rec.Events))
	for i, e := range rec.Events {
		kinds[i] = string(e.Kind)
	}
	want := "referral_received first_appointment_booked first_appointment_dna first_appointment_booked first_appointment_attended later_dna"
	if strings.Join(kinds, " ") != want || rec.Clock.Status != pathways.ClockRunning {
		t.Errorf("events %s, clock %s; want %s, running", strings.Join(kinds, " "), rec.Clock.Status, want)
	}

	// An appointment booked for no referral feeds nothing.
	plain := d.book(t, d.req(d.zoe, d.evans, "2026-12-03", "10:00"))
	now = time.Date(2026, 12, 3, 17, 0, 0, 0, ukcal.London())
	if _, err := c.SetStatus(plain.ID, "dna", ""); err != nil {
		t.Fatal(err)
	}
	if again := clockOf(); len(again.Events) != len(rec.Events) {
		t.Errorf("an unlinked appointment added %d events", len(again.Events)-len(rec.Events))
	}
}
