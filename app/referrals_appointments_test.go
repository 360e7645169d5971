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

// Cancelling a referral's first appointment tells the pathway in the
// cancel's transaction: the referral and the tracking list say "book the
// first appointment" again, the clock runs on from the referral, and the
// next booking is recorded as booked again. A cancelled appointment that
// is not the first booking adds nothing.
func TestCancellingTheFirstAppointmentTellsThePathway(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London())
	c.now = func() time.Time { return now }
	r := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-02"))
	booking := func(date, at string) BookingRequest {
		q := d.req(d.zoe, d.evans, date, at)
		q.ReferralID = r.ID
		return q
	}
	read := func() (ReferralRecord, string) {
		t.Helper()
		rec, err := c.Referral(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.PTL(pathways.PTLFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range list.Rows {
			if row.Referral.ID == r.ID {
				return rec, row.NextStep
			}
		}
		t.Fatal("the referral is not on the tracking list")
		return rec, ""
	}
	kinds := func(rec ReferralRecord) string {
		var out []string
		for _, e := range rec.Events {
			out = append(out, string(e.Kind))
		}
		return strings.Join(out, " ")
	}

	first := d.book(t, booking("2026-11-25", "09:00"))
	if _, step := read(); step != "Awaiting the first appointment" {
		t.Fatalf("after booking, the next step is %q", step)
	}
	now = time.Date(2026, 11, 24, 11, 0, 0, 0, ukcal.London())
	if _, err := c.SetStatus(first.ID, "cancelled_patient", "Away on holiday"); err != nil {
		t.Fatal(err)
	}
	rec, step := read()
	last := rec.Events[len(rec.Events)-1]
	if kinds(rec) != "referral_received first_appointment_booked first_appointment_cancelled" || last.On.String() != "2026-11-24" ||
		last.AppointmentID != first.ID || !strings.Contains(last.Note, "by the patient: Away on holiday") {
		t.Fatalf("after the cancel: %s, %+v", kinds(rec), last)
	}
	if step != "Book the first appointment" || !rec.Clock.FirstBooked.IsZero() || rec.Clock.Status != pathways.ClockRunning ||
		rec.Clock.Start.String() != "2026-11-02" {
		t.Errorf("after the cancel: next step %q, clock %+v", step, rec.Clock)
	}
	acts := auditRows(t, c, first.ID)
	if a := acts[len(acts)-1]; a.Action != "appointment.status" || !strings.Contains(a.Detail, "First appointment cancelled on referral") {
		t.Errorf("the cancel's audit: %+v", a)
	}

	// Booked again: booked again on the pathway.
	second := d.book(t, booking("2026-11-30", "10:00"))
	rec, step = read()
	if !strings.HasSuffix(kinds(rec), "first_appointment_cancelled first_appointment_booked") || step != "Awaiting the first appointment" ||
		rec.Events[len(rec.Events)-1].AppointmentID != second.ID || rec.Clock.FirstBooked.String() != "2026-11-24" {
		t.Fatalf("after booking again: %s, %q, %+v", kinds(rec), step, rec.Clock)
	}

	// A second appointment booked for the referral is not the first: its
	// cancel adds nothing. Then the clinic cancels the first, and the one
	// still booked becomes the first booking.
	third := d.book(t, booking("2026-12-02", "10:00"))
	if _, err := c.SetStatus(third.ID, "cancelled_clinic", "Clinic closed"); err != nil {
		t.Fatal(err)
	}
	if again, _ := read(); len(again.Events) != len(rec.Events) {
		t.Fatalf("cancelling an appointment that is not the first added %s", kinds(again))
	}
	fourth := d.book(t, booking("2026-12-04", "10:00"))
	if _, err := c.SetStatus(second.ID, "cancelled_clinic", "Clinician ill"); err != nil {
		t.Fatal(err)
	}
	rec, step = read()
	last = rec.Events[len(rec.Events)-1]
	if !strings.HasSuffix(kinds(rec), "first_appointment_booked first_appointment_cancelled first_appointment_booked") ||
		last.AppointmentID != fourth.ID || step != "Awaiting the first appointment" ||
		!strings.Contains(rec.Events[len(rec.Events)-2].Note, "by the clinic: Clinician ill") {
		t.Errorf("after the clinic cancelled the first with another booked: %s, %q, %+v", kinds(rec), step, last)
	}
}
