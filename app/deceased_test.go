package app

import (
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// Once a date of death is on the record, the diary and the letters stop
// reaching for the patient: nothing can be booked from that day, and no
// letter is addressed to them; what happened before can still be
// recorded.
func TestNothingIsBookedOrWrittenForAPatientAfterTheirDeath(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	before := d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	z := d.zoe
	z.DateOfDeath = ukcal.MustParseDate("2026-11-23")
	z, err := d.c.UpdatePatient(z, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}

	_, _, err = d.c.Book(d.req(z, d.evans, "2026-11-25", "10:00"))
	if err == nil || !strings.Contains(err.Error(), "died on 23 November 2026") {
		t.Fatalf("booking after the death: %v", err)
	}
	if booked, err := d.c.PatientAppointments(z.ID); err != nil || len(booked) != 1 {
		t.Fatalf("after the refusal she has %d appointments (%v), want only the one before", len(booked), err)
	}
	// A late entry of an earlier appointment is still possible.
	if _, _, err := d.c.Book(d.req(z, d.evans, "2026-11-20", "10:00")); err != nil && strings.Contains(err.Error(), "died") {
		t.Fatalf("an appointment before the death was refused for the death: %v", err)
	}

	_, err = d.c.RenderLetter(LetterRequest{Template: "appointment_reminder", PatientID: z.ID, AppointmentID: before.ID})
	if err == nil || !strings.Contains(err.Error(), "will not write a letter addressed to them") {
		t.Fatalf("a letter to a patient who has died: %v", err)
	}
}
