package ukcal

import (
	"encoding/json"
	"strings"
	"testing"

	"clinicdesk/app/testvectors"
)

type complaintVectors struct {
	About           string `json:"about"`
	Acknowledgement []struct {
		Received      string `json:"received"`
		AcknowledgeBy string `json:"acknowledge_by"`
		SixMonths     string `json:"six_months"`
	} `json:"acknowledgement"`
	TimeLimit []struct {
		Event      string `json:"event"`
		Complained string `json:"complained"`
		InTime     bool   `json:"in_time"`
	} `json:"time_limit"`
}

type sarVectors struct {
	About string `json:"about"`
	Cases []struct {
		Received    string `json:"received"`
		Due         string `json:"due"`
		DueExtended string `json:"due_extended"`
	} `json:"cases"`
}

func TestComplaintVectors(t *testing.T) {
	var v complaintVectors
	testvectors.Load(t, "complaint_deadlines.json", &v)
	if len(v.Acknowledgement) == 0 || len(v.TimeLimit) == 0 {
		t.Fatal("complaint_deadlines.json has no cases")
	}
	for _, c := range v.Acknowledgement {
		received := MustParseDate(c.Received)
		if got := ComplaintAcknowledgeBy(received, EnglandAndWales); got.String() != c.AcknowledgeBy {
			t.Errorf("received %s (%s): acknowledge by %s, want %s", c.Received, received.Weekday(), got, c.AcknowledgeBy)
		}
		if got := ComplaintSixMonths(received); got.String() != c.SixMonths {
			t.Errorf("received %s: six months %s, want %s", c.Received, got, c.SixMonths)
		}
		ds := Deadlines(received, EnglandAndWales)
		if ds.AcknowledgeBy.String() != c.AcknowledgeBy || ds.SixMonths.String() != c.SixMonths {
			t.Errorf("Deadlines(%s) = %+v, disagrees with the vector", c.Received, ds)
		}
	}
	for _, c := range v.TimeLimit {
		if got := ComplaintInTime(MustParseDate(c.Event), MustParseDate(c.Complained)); got != c.InTime {
			t.Errorf("event %s, complained %s: in time %v, want %v", c.Event, c.Complained, got, c.InTime)
		}
	}
}

// six_months is the last day of the six-month period that begins with the
// day of receipt (SPEC §4.4): six calendar months on from the day before
// receipt, that month's last day where it has no such date. Checked against
// every vector and the spec's own example; the old rule (the same date six
// months on) gave a day too late.
func TestSixMonthsIsTheLastDayOfThePeriod(t *testing.T) {
	var v complaintVectors
	testvectors.Load(t, "complaint_deadlines.json", &v)
	cases := map[string]string{
		"2026-08-31": "2027-02-28", // SPEC §4.4's example: 30 February is no date
		"2027-08-31": "2028-02-29", // the same in a leap year
		"2026-08-30": "2027-02-28",
		"2026-05-23": "2026-11-22",
		"2027-01-01": "2027-06-30", // the day before receipt is in the old year
	}
	for _, c := range v.Acknowledgement {
		cases[c.Received] = c.SixMonths
	}
	if len(cases) < 8 {
		t.Fatalf("only %d cases: the vectors have no six_months cases", len(cases))
	}
	for received, want := range cases {
		r := MustParseDate(received)
		got := ComplaintSixMonths(r)
		if got.String() != want {
			t.Errorf("received %s: the six-month period ends %s, want %s", received, got, want)
		}
		// Mid-month, the delay letter is owed from the same date six months on.
		if r.Day() > 1 && r.Day() <= 28 && got.AddDays(1) != r.AddMonths(ComplaintDelayMonths) {
			t.Errorf("received %s: the period ends %s, not the day before %s", received, got, r.AddMonths(ComplaintDelayMonths))
		}
	}
}

func TestSARVectors(t *testing.T) {
	var v sarVectors
	testvectors.Load(t, "sar_deadlines.json", &v)
	if len(v.Cases) == 0 {
		t.Fatal("sar_deadlines.json has no cases")
	}
	for _, c := range v.Cases {
		received := MustParseDate(c.Received)
		if got := SARDue(received, EnglandAndWales); got.String() != c.Due {
			t.Errorf("SAR received %s: due %s, want %s", c.Received, got, c.Due)
		}
		if got := Deadlines(received, EnglandAndWales).SARDue; got.String() != c.Due {
			t.Errorf("Deadlines(%s).SARDue = %s, want %s", c.Received, got, c.Due)
		}
		if c.DueExtended == "" {
			continue
		}
		if got := SARDueExtended(received, EnglandAndWales); got.String() != c.DueExtended {
			t.Errorf("SAR received %s: extended due %s, want %s", c.Received, got, c.DueExtended)
		}
	}
}

// Deadlines in years beyond the feed, and the cases the vectors leave out.
func TestDeadlinesBeyondFeed(t *testing.T) {
	for _, c := range []struct {
		name     string
		region   Region
		received string
		ack      string
		sar      string
		sarExt   string
	}{
		// Friday before the Early May bank holiday: Tue, Wed, Thu. A month
		// later is Monday 2 June; three months, Saturday 2 August → Monday 4.
		{"Friday before a bank-holiday Monday", EnglandAndWales, "2031-05-02", "2031-05-08", "2031-06-02", "2031-08-04"},
		// Saturday: the day of receipt never counts, and neither does the
		// Spring bank holiday on Monday 28 May. 26 June is a Tuesday.
		{"Saturday", EnglandAndWales, "2029-05-26", "2029-05-31", "2029-06-26", "2029-08-28"},
		// Sunday 30 June: Mon, Tue, Wed; a month later is 30 July (Tue);
		// three months, 30 September (Monday).
		{"Sunday", EnglandAndWales, "2030-06-30", "2030-07-03", "2030-07-30", "2030-09-30"},
		// Christmas 2032 on a Saturday: Mon 27 and Tue 28 are holidays. A
		// month from 24 December is 24 January (Monday).
		{"Christmas Eve, Christmas on a Saturday", EnglandAndWales, "2032-12-24", "2032-12-31", "2033-01-24", "2033-03-24"},
		// 31 January: due 28 February (Friday in 2031); 30 April (Wed).
		{"31 January", EnglandAndWales, "2031-01-31", "2031-02-05", "2031-02-28", "2031-04-30"},
		// SAR due on Easter Monday 2035 (26 March, from 26 February) moves to
		// Tuesday 27 in England, but not in Scotland.
		{"due on Easter Monday", EnglandAndWales, "2035-02-26", "2035-03-01", "2035-03-27", "2035-05-29"},
		{"due on Easter Monday, Scotland", Scotland, "2035-02-26", "2035-03-01", "2035-03-26", "2035-05-29"},
		// Scotland: due on the first Monday of August 2030 (Summer bank holiday).
		{"Scottish summer holiday", Scotland, "2030-05-05", "2030-05-09", "2030-06-05", "2030-08-06"},
	} {
		received := MustParseDate(c.received)
		ds := Deadlines(received, c.region)
		if ds.AcknowledgeBy.String() != c.ack || ds.SARDue.String() != c.sar || ds.SARDueExtended.String() != c.sarExt {
			t.Errorf("%s (%s, %s): ack %s, SAR %s, extended %s; want %s, %s, %s", c.name, c.received, c.region,
				ds.AcknowledgeBy, ds.SARDue, ds.SARDueExtended, c.ack, c.sar, c.sarExt)
		}
	}
}

func TestReferralDeadlines(t *testing.T) {
	ds := Deadlines(MustParseDate("2026-11-23"), EnglandAndWales)
	for name, got := range map[string]Date{"rtt_18w": ds.RTT18Weeks, "fds_28d": ds.FDS28Days, "cancer_62d": ds.Cancer62Days} {
		want := map[string]string{"rtt_18w": "2027-03-29", "fds_28d": "2026-12-21", "cancer_62d": "2027-01-24"}[name]
		if got.String() != want {
			t.Errorf("%s from 2026-11-23 = %s, want %s", name, got, want)
		}
	}
	if got := Cancer31Breach(MustParseDate("2026-12-01")); got.String() != "2027-01-01" {
		t.Errorf("Cancer31Breach(2026-12-01) = %s", got)
	}
	// 18 weeks is 126 days, a Monday stays a Monday.
	if start := MustParseDate("2030-03-04"); RTTBreach(start).Weekday() != start.Weekday() || start.DaysUntil(RTTBreach(start)) != 126 {
		t.Error("RTTBreach is not 18 weeks on")
	}
}

func TestDeadlinesJSON(t *testing.T) {
	out, err := json.Marshal(Deadlines(MustParseDate("2026-05-23"), EnglandAndWales))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"acknowledge_by":"2026-05-28","six_months":"2026-11-22","sar_due":"2026-06-23","sar_due_extended":"2026-08-24",` +
		`"rtt_18w":"2026-09-26","fds_28d":"2026-06-20","cancer_62d":"2026-07-24","cancer_31d":"2026-06-23"}`
	if string(out) != want {
		t.Errorf("JSON:\n got %s\nwant %s", out, want)
	}
	// List gives the same names, in the same order.
	var keys []string
	for _, nd := range Deadlines(MustParseDate("2026-05-23"), EnglandAndWales).List() {
		keys = append(keys, nd.Name)
	}
	if got := strings.Join(keys, ","); got != "acknowledge_by,six_months,sar_due,sar_due_extended,rtt_18w,fds_28d,cancer_62d,cancer_31d" {
		t.Errorf("List names = %s", got)
	}
}

func TestDescribeDue(t *testing.T) {
	for _, c := range []struct {
		due, today string
		want       string
	}{
		{"2026-11-23", "2026-11-23", "due today"},
		{"2026-11-24", "2026-11-23", "due in 1 working day"},
		{"2026-11-25", "2026-11-23", "due in 2 working days"},
		{"2026-11-23", "2026-11-20", "due in 1 working day"},            // Friday to Monday
		{"2026-11-22", "2026-11-20", "due before the next working day"}, // due Sunday, seen Friday
		{"2026-12-31", "2026-12-24", "due in 3 working days"},           // over Christmas
		{"2026-11-20", "2026-11-23", "overdue by 1 working day"},        // due Friday, seen Monday
		{"2026-11-18", "2026-11-23", "overdue by 3 working days"},       // Wednesday to Monday
		{"2026-11-21", "2026-11-22", "overdue"},                         // due Saturday, seen Sunday
		{"2026-12-24", "2026-12-29", "overdue by 1 working day"},        // Christmas and Boxing Day off
		{"2026-08-28", "2026-09-01", "overdue by 1 working day"},        // over the Summer bank holiday
	} {
		if got := EnglandAndWales.DescribeDue(MustParseDate(c.due), MustParseDate(c.today)); got != c.want {
			t.Errorf("DescribeDue(due %s, today %s) = %q, want %q", c.due, c.today, got, c.want)
		}
	}
	// Scotland works on the Summer bank holiday of England (31 August 2026).
	if got := Scotland.DescribeDue(MustParseDate("2026-08-28"), MustParseDate("2026-09-01")); got != "overdue by 2 working days" {
		t.Errorf("Scotland DescribeDue over 31 August = %q", got)
	}
}
