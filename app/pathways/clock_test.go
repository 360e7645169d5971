package pathways

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

// clockVectors is testdata/rtt_clocks.json: event lists in the `clock`
// command's input form, with the clock each gives in its --json form.
type clockVectors struct {
	Cases []struct {
		Name   string          `json:"name"`
		Rule   string          `json:"rule"`
		AsOf   string          `json:"as_of"`
		Events json.RawMessage `json:"events"`
		Want   map[string]any  `json:"want"`
	} `json:"cases"`
	Errors []struct {
		Name     string          `json:"name"`
		AsOf     string          `json:"as_of"`
		Events   json.RawMessage `json:"events"`
		Contains string          `json:"error_contains"`
	} `json:"errors"`
}

func loadClockVectors(t *testing.T) clockVectors {
	t.Helper()
	var v clockVectors
	testvectors.Load(t, "rtt_clocks.json", &v)
	if len(v.Cases) < 20 || len(v.Errors) < 5 {
		t.Fatalf("rtt_clocks.json has %d cases and %d error cases: too few", len(v.Cases), len(v.Errors))
	}
	return v
}

func computeFromJSON(t *testing.T, events json.RawMessage, asOf string) (Clock, error) {
	t.Helper()
	urgency, list, err := ParseEventsJSON([]byte(`{"events":` + string(events) + `}`))
	if err != nil {
		return Clock{}, err // an unknown kind is refused as it is read
	}
	return Compute(urgency, list, ukcal.MustParseDate(asOf))
}

// Every case of the vectors, each pinning one rule (its "rule" says which).
func TestClockVectors(t *testing.T) {
	for _, c := range loadClockVectors(t).Cases {
		t.Run(c.Name, func(t *testing.T) {
			clock, err := computeFromJSON(t, c.Events, c.AsOf)
			if err != nil {
				t.Fatalf("%s: %v", c.Rule, err)
			}
			b, _ := json.Marshal(clock.Report())
			var got map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.Want) {
				t.Errorf("%s\n got %s\nwant %v", c.Rule, b, c.Want)
			}
		})
	}
}

func TestClockVectorErrorsNameTheEvent(t *testing.T) {
	for _, c := range loadClockVectors(t).Errors {
		t.Run(c.Name, func(t *testing.T) {
			_, err := computeFromJSON(t, c.Events, c.AsOf)
			if err == nil || !strings.Contains(err.Error(), c.Contains) {
				t.Errorf("error %v, want one saying %q", err, c.Contains)
			}
		})
	}
}

var day = ukcal.MustParseDate

func ev(on string, k EventKind) Event { return Event{Kind: k, On: day(on)} }

// Rule 2(e) and 2(d): the clock before the new one is kept, and the new
// one knows what already happened on the pathway.
func TestNewClocksKeepTheEarlierOnes(t *testing.T) {
	c, err := Compute(Routine, []Event{
		ev("2026-06-01", ReferralReceived), ev("2026-06-03", FirstAppointmentBooked),
		ev("2026-07-06", FirstAppointmentDNA), ev("2026-07-08", FirstAppointmentBooked),
	}, day("2026-09-01"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Period{{Status: ClockNullified, Start: day("2026-06-01"), Stop: day("2026-07-06"), StoppedBy: FirstAppointmentDNA}}
	if !reflect.DeepEqual(c.Earlier, want) || c.FirstBooked != day("2026-07-08") || !c.FirstAttended.IsZero() || !c.OnList() {
		t.Errorf("rebooked after a DNA: %+v", c)
	}

	c, err = Compute(Urgent, []Event{
		ev("2026-01-05", ReferralReceived), ev("2026-01-19", FirstAppointmentAttended),
		ev("2026-01-19", ActiveMonitoringStarted), ev("2026-06-01", DecisionToTreat),
	}, day("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Earlier) != 1 || c.Earlier[0].StoppedBy != ActiveMonitoringStarted || c.FirstAttended != day("2026-01-19") ||
		c.DecidedToTreat != day("2026-06-01") || c.Start != day("2026-06-01") {
		t.Errorf("decision to treat after active monitoring: %+v", c)
	}
}

// Which pathways stay on the clinic's list: transferred ones and those
// discharged after a missed first appointment leave it; a nullified one
// not yet rebooked or discharged stays, as the desk must act on it.
func TestOnList(t *testing.T) {
	cases := []struct {
		name   string
		events []Event
		want   bool
		leftBy EventKind
	}{
		{"running", []Event{ev("2026-06-01", ReferralReceived)}, true, ""},
		{"stopped", []Event{ev("2026-06-01", ReferralReceived), ev("2026-07-01", DecisionNotToTreat)}, false, ""},
		{"nullified, not rebooked", []Event{ev("2026-06-01", ReferralReceived), ev("2026-07-01", FirstAppointmentDNA)}, true, ""},
		{"nullified and discharged", []Event{ev("2026-06-01", ReferralReceived), ev("2026-07-01", FirstAppointmentDNA),
			ev("2026-07-10", DischargedToReferrer)}, false, DischargedToReferrer},
		{"transferred", []Event{ev("2026-06-01", ReferralReceived), ev("2026-07-01", Transferred)}, false, Transferred},
	}
	for _, c := range cases {
		clock, err := Compute(Routine, c.events, day("2026-08-01"))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if clock.OnList() != c.want || clock.LeftBy != c.leftBy {
			t.Errorf("%s: on list %v left by %q, want %v %q", c.name, clock.OnList(), clock.LeftBy, c.want, c.leftBy)
		}
	}
}

// Same-day events keep the order given: a DNA and a rebooking on one day
// read as rebooked when the booking comes second, and as nullified when
// the DNA does.
func TestSameDayEventsKeepTheirOrder(t *testing.T) {
	dnaThenBook := []Event{ev("2026-07-06", FirstAppointmentDNA), ev("2026-07-06", FirstAppointmentBooked), ev("2026-06-01", ReferralReceived)}
	c, err := Compute(Routine, dnaThenBook, day("2026-08-01"))
	if err != nil || c.Status != ClockRunning || c.Start != day("2026-07-06") {
		t.Errorf("DNA then booking the same day: %+v, %v", c, err)
	}
	bookThenDNA := []Event{ev("2026-07-06", FirstAppointmentBooked), ev("2026-07-06", FirstAppointmentDNA), ev("2026-06-01", ReferralReceived)}
	c, err = Compute(Routine, bookThenDNA, day("2026-08-01"))
	if err != nil || c.Status != ClockNullified {
		t.Errorf("booking then DNA the same day: %+v, %v", c, err)
	}
	if dnaThenBook[0].Kind != FirstAppointmentDNA {
		t.Error("Compute reordered the caller's slice")
	}
}

func TestComputeRefusesWhatIsNotAPathway(t *testing.T) {
	referral := []Event{ev("2026-06-01", ReferralReceived)}
	cases := []struct {
		name    string
		urgency Urgency
		events  []Event
		asOf    ukcal.Date
		want    string
	}{
		{"no urgency", "", referral, day("2026-07-01"), `the urgency "" is not one of routine, urgent, suspected_cancer`},
		{"no as-of", Routine, referral, ukcal.Date{}, "needs the day to read it on"},
		{"no events", Routine, nil, day("2026-07-01"), "there is no referral_received event"},
		{"no date", Routine, []Event{referral[0], {Kind: DecisionToTreat}}, day("2026-07-01"), "event 2 (decision_to_treat) has no date"},
		{"referral after as-of", Routine, referral, day("2026-05-31"), "event 1 (referral_received on 2026-06-01) is after the day the clock is read on, 2026-05-31"},
		{"discharged then rebooked", Routine, []Event{referral[0], ev("2026-06-10", FirstAppointmentDNA), ev("2026-06-12", DischargedToReferrer),
			ev("2026-06-20", FirstAppointmentBooked)}, day("2026-07-01"), "event 4 (first_appointment_booked on 2026-06-20) comes after the patient was discharged to the referrer on 2026-06-12"},
	}
	for _, c := range cases {
		_, err := Compute(c.urgency, c.events, c.asOf)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// Events after the clock stopped do not move it, except the decision to
// treat after active monitoring (Rule 2(d)).
func TestEventsAfterTheStopDoNotMoveIt(t *testing.T) {
	c, err := Compute(Routine, []Event{
		ev("2026-06-01", ReferralReceived), ev("2026-07-01", FirstDefinitiveTreatment),
		ev("2026-08-01", LaterDNA), ev("2026-09-01", DischargedToReferrer), ev("2026-09-02", DecisionToTreat),
	}, day("2026-12-01"))
	if err != nil || c.Status != ClockStopped || c.Stop != day("2026-07-01") || c.StoppedBy != FirstDefinitiveTreatment || len(c.Earlier) != 0 {
		t.Errorf("after treatment: %+v, %v", c, err)
	}
}

func TestStopsAndLabels(t *testing.T) {
	for _, k := range EventKinds {
		want := k == FirstDefinitiveTreatment || k == ActiveMonitoringStarted || k == DecisionNotToTreat ||
			k == PatientDeclinedTreatment || k == DischargedToReferrer
		if k.Stops() != want {
			t.Errorf("%s stops the clock: %v, want %v", k, k.Stops(), want)
		}
	}
	for _, s := range []ClockStatus{ClockRunning, ClockStopped, ClockNullified} {
		if s.Label() == string(s) || s.Label() == "" {
			t.Errorf("status %s has no label for people", s)
		}
	}
}
