package pathways

import (
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// A cancelled first appointment (by the patient or the clinic) neither
// stops nor pauses the clock (no pauses since October 2015): the clock
// runs on from the referral and the pathway waits for a booking again.
func TestFirstAppointmentCancelled(t *testing.T) {
	received := ev("2026-06-01", ReferralReceived)
	booked := ev("2026-06-03", FirstAppointmentBooked)
	cancelled := ev("2026-06-20", FirstAppointmentCancelled)
	asOf := day("2026-08-03")
	cases := []struct {
		name    string
		events  []Event
		booked  string // the current first booking's day, "" for none
		step    string
		nullify bool
		errWord string
	}{
		{"booked", []Event{received, booked}, "2026-06-03", "Awaiting the first appointment", false, ""},
		{"cancelled: book again", []Event{received, booked, cancelled}, "", "Book the first appointment", false, ""},
		{"cancelled and booked again", []Event{received, booked, cancelled, ev("2026-06-22", FirstAppointmentBooked)},
			"2026-06-22", "Awaiting the first appointment", false, ""},
		{"cancelled twice over two bookings", []Event{received, booked, cancelled, ev("2026-06-22", FirstAppointmentBooked),
			ev("2026-07-01", FirstAppointmentCancelled)}, "", "Book the first appointment", false, ""},
		{"the rebooked one missed: nullified as any first DNA", []Event{received, booked, cancelled,
			ev("2026-06-22", FirstAppointmentBooked), ev("2026-07-10", FirstAppointmentDNA)}, "", "", true, ""},
		{"nothing booked to cancel", []Event{received, cancelled}, "", "", false, "no first appointment is booked"},
		{"after it was attended", []Event{received, booked, ev("2026-06-10", FirstAppointmentAttended), cancelled}, "", "", false,
			"comes after the first appointment was attended"},
		{"after a first DNA, before a rebooking", []Event{received, booked, ev("2026-06-10", FirstAppointmentDNA), cancelled}, "", "", false,
			"record the rebooking"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clock, err := Compute(Routine, c.events, asOf)
			if c.errWord != "" {
				if err == nil || !strings.Contains(err.Error(), c.errWord) {
					t.Fatalf("error %v, want one saying %q", err, c.errWord)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.nullify {
				if clock.Status != ClockNullified {
					t.Errorf("status %s, want nullified", clock.Status)
				}
				return
			}
			// The clock runs from the referral, not from the cancellation.
			if clock.Status != ClockRunning || clock.Start != received.On || clock.Breach != ukcal.RTTBreach(received.On) ||
				clock.DaysWaited != received.On.DaysUntil(asOf) || len(clock.Earlier) != 0 {
				t.Errorf("clock %+v: want it running from %s", clock, received.On)
			}
			if got := clock.FirstBooked.String(); clock.FirstBooked.IsZero() && c.booked != "" || !clock.FirstBooked.IsZero() && got != c.booked {
				t.Errorf("first booked %s, want %q", got, c.booked)
			}
			if step, _ := nextStep(clock); step != c.step {
				t.Errorf("next step %q, want %q", step, c.step)
			}
			checkSummary(t, c.name, Routine, c.events, asOf, asOf.AddDays(200))
		})
	}
	if FirstAppointmentCancelled.Stops() || FirstAppointmentCancelled.Label() == string(FirstAppointmentCancelled) {
		t.Error("a cancellation stops no clock and has words for the desk")
	}
}
