package app

import (
	"context"
	"strings"
	"testing"

	"clinicdesk/app/patients"
)

// With no phone number set, a day's reminders are refused with the one
// reason, said once rather than once a patient, and nothing is logged.
func TestRemindersWithoutTheClinicPhoneSayWhyOnce(t *testing.T) {
	d := newDiary(t)
	details, err := d.c.Details()
	if err != nil {
		t.Fatal(err)
	}
	details.Phone = ""
	if err := d.c.SaveDetails(details); err != nil {
		t.Fatal(err)
	}
	john := d.john
	john.Address = patients.Address{Line1: "9 Mill Lane", Town: "Leeds", Postcode: "LS6 3BW"}
	if _, err := d.c.UpdatePatient(john, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	d.book(t, d.req(d.zoe, d.evans, "2026-11-25", "10:00"))
	d.book(t, d.req(d.john, d.patel, "2026-11-25", "09:00"))
	_, err = d.c.ReminderLetters(context.Background(), d.req(d.zoe, d.evans, "2026-11-25", "10:00").Date, nil)
	if err == nil {
		t.Fatal("reminders were written without the clinic's phone number")
	}
	msg := err.Error()
	if !strings.Contains(msg, "none of the 2 letters") || strings.Count(msg, "{{clinic.phone}} is blank") != 1 ||
		!strings.Contains(msg, "Settings → Clinic details") {
		t.Fatalf("the refusal: %s", msg)
	}
	for _, p := range []patients.Patient{d.zoe, d.john} {
		if ls, _ := d.c.PatientLetters(p.ID); len(ls) != 0 {
			t.Fatalf("%s has letters logged after a refused batch", p.Surname)
		}
	}
}
