package pathways

import (
	"encoding/json"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// A byte-order mark (Notepad writes one) is dropped, spaces round a date
// are too, and a note is kept.
func TestParseEventsJSON(t *testing.T) {
	urgency, events, err := ParseEventsJSON([]byte("\xef\xbb\xbf" + `{"events":[
		{"date":"2026-11-30","kind":"decision_to_treat","note":"seen by Dr Patel"},
		{"date":" 2026-11-23 ","kind":"referral_received","urgency":"suspected_cancer"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Event{{Kind: DecisionToTreat, On: day("2026-11-30"), Note: "seen by Dr Patel"}, {Kind: ReferralReceived, On: day("2026-11-23")}}
	if urgency != SuspectedCancer || len(events) != 2 || events[0] != want[0] || events[1] != want[1] {
		t.Errorf("got %q %+v", urgency, events)
	}
	// No urgency on the referral: routine.
	urgency, _, err = ParseEventsJSON([]byte(`{"events":[{"date":"2026-11-23","kind":"referral_received"}]}`))
	if err != nil || urgency != Routine {
		t.Errorf("no urgency: %q, %v", urgency, err)
	}
}

func TestParseEventsJSONSaysWhatIsWrong(t *testing.T) {
	cases := []struct{ in, want string }{
		{``, "the file is empty"},
		{`{"events":[`, "the JSON stops part way"},
		{"{\n\"events\": [,]}", "the JSON is not valid at line 2"},
		{`{"events":{}}`, "where events should be a list"},
		{`{"events":[{"date":20261123,"kind":"referral_received"}]}`, "has a number where the date of event 1 should be text in quotes"},
		{`{"event":[]}`, `the field "event", which is not one the clock reads`},
		{`{"events":[{"date":"2026-11-23","kind":"referral_received","urgent":true}]}`, `the field "urgent"`},
		{`{}`, `there is no "events" list`},
		{`{"events":[]} {}`, "there is more after the JSON object"},
		{`{"events":[{"date":"2026-11-23"}]}`, "event 1 has no kind"},
		{`{"events":[{"kind":"referral_received"}]}`, "event 1 (referral_received) has no date"},
		{`{"events":[{"kind":"referral_received","date":"23/11/2026"}]}`, `event 1 (referral_received): the date "23/11/2026" is not a real date in the form YYYY-MM-DD`},
		{`{"events":[{"kind":"referral_received","date":"2026-02-30"}]}`, `the date "2026-02-30" is not a real date`},
		{`{"events":[{"kind":"referral_received","date":"2026-02-03","urgency":"soon"}]}`, `event 1 (referral_received): the urgency "soon" is not one of routine, urgent, suspected_cancer`},
		{`{"events":[{"kind":"referral_received","date":"2026-02-03"},{"kind":"decision_to_treat","date":"2026-02-04","urgency":"urgent"}]}`,
			"event 2 (decision_to_treat) has an urgency: the urgency belongs on the referral_received event"},
	}
	for _, c := range cases {
		_, _, err := ParseEventsJSON([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.in, err, c.want)
		}
	}
}

// The input parser and the rules never panic, and a clock they give is
// one that can be: a known status, a start no later than the as-of day,
// a stop no earlier than the start, the breach 126 days on.
func FuzzParseEventsJSON(f *testing.F) {
	f.Add([]byte(`{"events":[{"date":"2026-11-23","kind":"referral_received","urgency":"suspected_cancer"},{"date":"2026-12-01","kind":"first_appointment_dna"},{"date":"2026-12-03","kind":"first_appointment_booked"}]}`), "2027-01-01")
	f.Add([]byte(`{"events":[{"date":"2026-06-01","kind":"referral_received"},{"date":"2026-06-20","kind":"active_monitoring_started"},{"date":"2026-07-20","kind":"decision_to_treat"},{"date":"2026-08-20","kind":"first_definitive_treatment"}]}`), "2026-12-01")
	f.Add([]byte(`{"events":[{"date":"2026-06-01","kind":"referral_received"},{"date":"2026-06-20","kind":"transferred"}]}`), "2026-06-20")
	f.Add([]byte(`{"events":[{"date":"0001-01-01","kind":"referral_received"}]}`), "9999-12-31")
	f.Add([]byte(`{"events":null}`), "2026-01-01")
	f.Fuzz(func(t *testing.T, data []byte, asOfText string) {
		urgency, events, err := ParseEventsJSON(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of more than one line: %q", err)
			}
			return
		}
		if !urgency.Valid() {
			t.Fatalf("parsed urgency %q", urgency)
		}
		asOf, err := ukcal.ParseDate(asOfText)
		if err != nil {
			return
		}
		c, err := Compute(urgency, events, asOf)
		if err != nil {
			return
		}
		switch {
		case c.Status != ClockRunning && c.Status != ClockStopped && c.Status != ClockNullified:
			t.Fatalf("status %q", c.Status)
		case c.Start.IsZero() || c.Start.After(asOf) || c.Start.Before(c.Received):
			t.Fatalf("start %s, received %s, as of %s", c.Start, c.Received, asOf)
		case c.Status != ClockRunning && c.Stop.Before(c.Start):
			t.Fatalf("stop %s before start %s", c.Stop, c.Start)
		case c.Counted() && (c.Breach != ukcal.RTTBreach(c.Start) || c.DaysWaited < 0):
			t.Fatalf("breach %s, days %d from %s", c.Breach, c.DaysWaited, c.Start)
		case !c.Counted() && (c.Breached || !c.Breach.IsZero()):
			t.Fatalf("a nullified clock breached: %+v", c)
		}
		if _, err := json.Marshal(c.Report()); err != nil {
			t.Fatal(err)
		}
	})
}
