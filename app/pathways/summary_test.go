package pathways

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"clinicdesk/app/ukcal"
)

// checkSummary asserts that the summary of the events gives, on each day
// it covers, the clock Compute reads from the events (earlier clocks
// aside: the summary does not keep them), and that it covers no day
// Compute refuses.
func checkSummary(t *testing.T, name string, urgency Urgency, events []Event, days ...ukcal.Date) {
	t.Helper()
	s := Summarize(urgency, events)
	for _, asOf := range days {
		want, err := Compute(urgency, events, asOf)
		got, ok := s.ClockOn(urgency, asOf)
		if err != nil {
			if ok {
				t.Errorf("%s on %s: the summary gives a clock where Compute says %v", name, asOf, err)
			}
			continue
		}
		if !ok {
			if s.Problem == "" && !asOf.Before(s.LastEvent) {
				t.Errorf("%s on %s: the summary does not cover a day Compute reads", name, asOf)
			}
			continue
		}
		want.Earlier = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s on %s:\nsummary %+v\ncompute %+v", name, asOf, got, want)
		}
		if s.OnList() != want.OnList() {
			t.Errorf("%s on %s: on the list %v from the summary, %v from the events", name, asOf, s.OnList(), want.OnList())
		}
	}
}

// Every clock of the rules' vectors, read on its day and on days after
// its cancer standards and 18 weeks have passed.
func TestSummaryIsComputeOnTheVectors(t *testing.T) {
	for _, c := range loadClockVectors(t).Cases {
		urgency, events, err := ParseEventsJSON([]byte(`{"events":` + string(c.Events) + `}`))
		if err != nil {
			t.Fatal(err)
		}
		asOf := day(c.AsOf)
		checkSummary(t, c.Name, urgency, events, asOf, asOf.AddDays(1), asOf.AddDays(30), asOf.AddDays(200), asOf.AddDays(-400))
	}
}

// Random pathways of every kind of event, built one event at a time as
// the desk records them (each accepted by Compute), checked after each.
func TestSummaryIsComputeAfterEveryEvent(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	start := day("2025-01-06")
	for n := range 400 {
		urgency := Urgencies[rng.IntN(len(Urgencies))]
		on := start.AddDays(rng.IntN(300))
		events := []Event{{Kind: ReferralReceived, On: on}}
		checkSummary(t, "received", urgency, events, on, on.AddDays(20), on.AddDays(130))
		for range 3 + rng.IntN(8) {
			next := Event{Kind: EventKinds[1+rng.IntN(len(EventKinds)-1)], On: on.AddDays(rng.IntN(60))}
			if _, err := Compute(urgency, append(events, next), next.On); err != nil {
				continue // the desk is refused this one
			}
			events, on = append(events, next), next.On
			for _, d := range []int{0, 1, 27, 62, 127, 400} {
				checkSummary(t, string(next.Kind), urgency, events, on.AddDays(d))
			}
		}
		if t.Failed() {
			t.Fatalf("pathway %d: %+v", n, events)
		}
	}
}

// A list that does not read gives a summary with the reason and no clock.
func TestSummaryOfEventsThatDoNotRead(t *testing.T) {
	s := Summarize(Routine, []Event{ev("2026-03-02", FirstAppointmentBooked)})
	if s.Problem == "" || s.Covers(day("2026-04-01")) || !s.OnList() {
		t.Errorf("no referral_received: %+v", s)
	}
	s = Summarize(Routine, nil)
	if s.Problem == "" || s.Covers(day("2026-04-01")) {
		t.Errorf("no events: %+v", s)
	}
}
