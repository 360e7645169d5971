package complaints

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

type complaintVectors struct {
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

func TestDeadlinesMatchTheVectors(t *testing.T) {
	var v complaintVectors
	testvectors.Load(t, "complaint_deadlines.json", &v)
	if len(v.Acknowledgement) == 0 || len(v.TimeLimit) == 0 {
		t.Fatal("complaint_deadlines.json has no cases")
	}
	for _, c := range v.Acknowledgement {
		d := Deadlines(date(c.Received), ukcal.Date{}, ukcal.Date{}, ResponsePeriod{}, ukcal.EnglandAndWales)
		if d.AcknowledgeBy.String() != c.AcknowledgeBy {
			t.Errorf("received %s (%s): acknowledge by %s, want %s", c.Received, date(c.Received).Weekday(), d.AcknowledgeBy, c.AcknowledgeBy)
		}
		if d.SixMonths.String() != c.SixMonths {
			t.Errorf("received %s: six months %s, want %s", c.Received, d.SixMonths, c.SixMonths)
		}
		if !d.ResponseDue.IsZero() || !d.TimeLimit.IsZero() || d.OutOfTime {
			t.Errorf("received %s with nothing agreed and no event date: %+v", c.Received, d)
		}
	}
	for _, c := range v.TimeLimit {
		event, complained := date(c.Event), date(c.Complained)
		// The vector's date may be the events or the awareness: both start the clock.
		for _, d := range []DueDates{
			Deadlines(complained, event, ukcal.Date{}, ResponsePeriod{}, ukcal.EnglandAndWales),
			Deadlines(complained, ukcal.Date{}, event, ResponsePeriod{}, ukcal.EnglandAndWales),
		} {
			if d.OutOfTime == c.InTime {
				t.Errorf("event %s, complained %s: out of time %v, want in time %v", c.Event, c.Complained, d.OutOfTime, c.InTime)
			}
			if d.TimeLimit != ukcal.ComplaintTimeLimit(event) {
				t.Errorf("event %s: time limit %s", c.Event, d.TimeLimit)
			}
		}
	}
}

func TestTimeLimitRunsFromTheLaterOfEventsAndAwareness(t *testing.T) {
	received := date("2026-05-30")
	cases := []struct {
		name          string
		events, aware ukcal.Date
		limit         string
		outOfTime     bool
	}{
		{"events only, long ago", date("2024-01-10"), ukcal.Date{}, "2025-01-10", true},
		{"became aware recently", date("2024-01-10"), date("2025-06-01"), "2026-06-01", false},
		{"aware on the last day", date("2024-01-10"), date("2025-05-30"), "2026-05-30", false},
		{"aware a day too early", date("2024-01-10"), date("2025-05-29"), "2026-05-29", true},
		{"awareness before events is ignored", date("2025-08-01"), date("2024-01-01"), "2026-08-01", false},
		{"neither known: not flagged", ukcal.Date{}, ukcal.Date{}, "", false},
	}
	for _, c := range cases {
		d := Deadlines(received, c.events, c.aware, ResponsePeriod{}, ukcal.EnglandAndWales)
		if d.TimeLimit.String() != c.limit || d.OutOfTime != c.outOfTime {
			t.Errorf("%s: time limit %q out of time %v, want %q %v", c.name, d.TimeLimit, d.OutOfTime, c.limit, c.outOfTime)
		}
	}
}

func TestReceiptOnAWeekend(t *testing.T) {
	// The day of receipt never counts, weekend or not: Saturday and Sunday
	// both give the Wednesday, as Friday does.
	for _, c := range []struct{ received, ack string }{
		{"2026-11-20", "2026-11-25"}, // Friday
		{"2026-11-21", "2026-11-25"}, // Saturday
		{"2026-11-22", "2026-11-25"}, // Sunday
		{"2026-12-26", "2026-12-31"}, // Saturday, Boxing Day (substitute Monday 28 December)
		{"2026-12-27", "2026-12-31"}, // Sunday
	} {
		d := Deadlines(date(c.received), ukcal.Date{}, ukcal.Date{}, ResponsePeriod{}, ukcal.EnglandAndWales)
		if d.AcknowledgeBy.String() != c.ack {
			t.Errorf("received %s (%s): acknowledge by %s, want %s", c.received, date(c.received).Weekday(), d.AcknowledgeBy, c.ack)
		}
	}
}

func TestAgreedResponsePeriod(t *testing.T) {
	received := date("2026-11-20") // Friday
	ew := ukcal.EnglandAndWales
	cases := []struct {
		name   string
		period ResponsePeriod
		due    string
		says   string
	}{
		{"nothing agreed", ResponsePeriod{}, "", "not agreed yet"},
		// 23–27 Nov, 30 Nov–4 Dec, 7–11 Dec, 14–18 Dec: twenty working days.
		{"20 working days", AgreedWorkingDays(20), "2026-12-18", "20 working days"},
		// Over Christmas: 21–24 Dec (4), 29–31 Dec (3), 4–8 Jan (5): 12 more.
		{"32 working days", AgreedWorkingDays(32), "2027-01-08", "32 working days"},
		{"1 working day", AgreedWorkingDays(1), "2026-11-23", "1 working day"},
		{"a date", AgreedDate(date("2027-01-11")), "2027-01-11", "by Monday 11 January 2027"},
	}
	for _, c := range cases {
		d := Deadlines(received, ukcal.Date{}, ukcal.Date{}, c.period, ew)
		if d.ResponseDue.String() != c.due {
			t.Errorf("%s: response due %s, want %s", c.name, d.ResponseDue, c.due)
		}
		if got := c.period.String(); got != c.says {
			t.Errorf("%s: String() = %q, want %q", c.name, got, c.says)
		}
	}
}

func TestResponsePeriodCheck(t *testing.T) {
	received := date("2026-11-20")
	ew := ukcal.EnglandAndWales
	cases := []struct {
		name   string
		period ResponsePeriod
		max    int
		want   string // part of the message; "" for accepted
	}{
		{"nothing agreed yet", ResponsePeriod{}, 40, ""},
		{"the default", AgreedWorkingDays(25), 40, ""},
		{"at the maximum", AgreedWorkingDays(40), 40, ""},
		{"no maximum set", AgreedWorkingDays(400), 0, ""},
		{"over the maximum", AgreedWorkingDays(41), 40, "longer than the 40 working days Settings allow"},
		{"a date over the maximum", AgreedDate(date("2027-06-01")), 40, "longer than the 40 working days"},
		{"negative", ResponsePeriod{WorkingDays: -5}, 40, "cannot be negative"},
		{"both", ResponsePeriod{WorkingDays: 5, Until: date("2026-12-01")}, 40, "not both"},
		{"before receipt", AgreedDate(date("2026-11-19")), 40, "is not after the complaint was received on Friday 20 November 2026"},
		{"on Christmas Day", AgreedDate(date("2026-12-25")), 40, "Friday 25 December 2026 is not a working day in England and Wales: agree Tuesday 29 December 2026 instead"},
	}
	for _, c := range cases {
		err := c.period.Check(received, c.max, ew)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want a refusal saying %q", c.name, err, c.want)
		case err != nil && !errors.Is(err, ErrResponsePeriod):
			t.Errorf("%s: %v does not wrap ErrResponsePeriod", c.name, err)
		}
	}
	if err := AgreedWorkingDays(5).Check(ukcal.Date{}, 0, ew); err == nil {
		t.Error("a period was accepted for a complaint with no date of receipt")
	}
}

func TestDelayLetterOwedAfterSixMonths(t *testing.T) {
	received := date("2026-05-23") // the period ends Sunday 22 November 2026
	plain := Deadlines(received, ukcal.Date{}, ukcal.Date{}, AgreedWorkingDays(25), ukcal.EnglandAndWales)
	extended := Deadlines(received, ukcal.Date{}, ukcal.Date{}, AgreedDate(date("2026-12-15")), ukcal.EnglandAndWales)
	cases := []struct {
		name   string
		d      DueDates
		status Status
		today  string
		sent   bool
		owed   bool
	}{
		{"on the last day of the period", plain, Investigating, "2026-11-22", false, false},
		{"the day after", plain, Investigating, "2026-11-23", false, true},
		{"still unacknowledged", plain, Received, "2026-11-24", false, true},
		{"already sent", plain, Investigating, "2026-11-24", true, false},
		{"response already sent", plain, ResponseSent, "2026-11-24", false, false},
		{"closed", plain, Closed, "2027-01-01", false, false},
		{"extension agreed", extended, Investigating, "2026-11-24", false, false},
	}
	for _, c := range cases {
		if got := c.d.DelayLetterOwed(c.status, date(c.today), c.sent); got != c.owed {
			t.Errorf("%s: owed %v, want %v", c.name, got, c.owed)
		}
	}
	if plain.ExtensionAgreed() || !extended.ExtensionAgreed() {
		t.Errorf("ExtensionAgreed: plain %v, extended %v", plain.ExtensionAgreed(), extended.ExtensionAgreed())
	}
}

// For every vector, the last day of the six-month period is still in time
// and the delay letter is owed from the next day, not before.
func TestDelayLetterIsOwedFromTheDayAfterTheSixMonthPeriod(t *testing.T) {
	var v complaintVectors
	testvectors.Load(t, "complaint_deadlines.json", &v)
	for _, c := range v.Acknowledgement {
		d := Deadlines(date(c.Received), ukcal.Date{}, ukcal.Date{}, ResponsePeriod{}, ukcal.EnglandAndWales)
		last := date(c.SixMonths)
		if d.DelayLetterOwed(Investigating, last, false) {
			t.Errorf("received %s: a delay letter owed on %s, the period's last day", c.Received, last)
		}
		if !d.DelayLetterOwed(Investigating, last.AddDays(1), false) {
			t.Errorf("received %s: no delay letter owed on %s, the day after the period", c.Received, last.AddDays(1))
		}
		if dl, _ := d.Next(Investigating); dl.Overdue(last) || !dl.Overdue(last.AddDays(1)) {
			t.Errorf("received %s: the six-month deadline %s is overdue on the wrong day", c.Received, dl.Due)
		}
	}
}

func TestNextDeadlineFollowsTheStatus(t *testing.T) {
	received := date("2026-11-20")
	agreed := Deadlines(received, ukcal.Date{}, ukcal.Date{}, AgreedWorkingDays(20), ukcal.EnglandAndWales)
	none := Deadlines(received, ukcal.Date{}, ukcal.Date{}, ResponsePeriod{}, ukcal.EnglandAndWales)
	cases := []struct {
		d      DueDates
		status Status
		key    string
		due    string
	}{
		{agreed, Received, "acknowledge_by", "2026-11-25"},
		{agreed, Acknowledged, "response_due", "2026-12-18"},
		{agreed, Investigating, "response_due", "2026-12-18"},
		{none, Investigating, "six_months", "2027-05-19"},
		{agreed, ResponseSent, "", ""},
		{agreed, Closed, "", ""},
		{agreed, ReferredPHSO, "", ""},
	}
	for _, c := range cases {
		dl, ok := c.d.Next(c.status)
		if ok != (c.key != "") || dl.Key != c.key || dl.Due.String() != c.due {
			t.Errorf("%s: next %+v (%v), want %s %s", c.status, dl, ok, c.key, c.due)
		}
	}
}

func TestDescribeAndDueSoon(t *testing.T) {
	today := date("2026-11-23") // Monday
	ew := ukcal.EnglandAndWales
	cases := []struct {
		due     string
		says    string
		overdue bool
		soon    bool // within 2 working days
	}{
		{"2026-11-23", "due today", false, true},
		{"2026-11-25", "due in 2 working days", false, true},
		{"2026-11-26", "due in 3 working days", false, false},
		{"2026-11-20", "overdue by 1 working day", true, false},
		{"2026-11-18", "overdue by 3 working days", true, false},
	}
	for _, c := range cases {
		if got := Describe(date(c.due), today, ew); got != c.says {
			t.Errorf("due %s: %q, want %q", c.due, got, c.says)
		}
		dl := Deadline{Key: "acknowledge_by", Due: date(c.due)}
		if dl.Overdue(today) != c.overdue || dl.DueWithin(today, 2, ew) != c.soon {
			t.Errorf("due %s: overdue %v soon %v, want %v %v", c.due, dl.Overdue(today), dl.DueWithin(today, 2, ew), c.overdue, c.soon)
		}
	}
	if got := Describe(ukcal.Date{}, today, ew); got != "no deadline" {
		t.Errorf("zero due date: %q", got)
	}
	if d := Deadlines(ukcal.Date{}, ukcal.Date{}, ukcal.Date{}, AgreedWorkingDays(5), ew); d != (DueDates{}) {
		t.Errorf("no date of receipt gave deadlines %+v", d)
	}
}
