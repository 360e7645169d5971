package complaints

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// futureHolidays are the bank holidays of 2029–2035 (and New Year 2036),
// years the embedded GOV.UK feed does not cover, written out by hand from
// the statutory rules: Easter from published tables (1 April 2029, 21 April
// 2030, 13 April 2031, 28 March 2032, 17 April 2033, 9 April 2034, 25 March
// 2035), substitute weekdays for fixed-date holidays at a weekend. The tests
// count working days over them with their own loop, not with app/ukcal.
var futureHolidays = map[ukcal.Region]string{
	ukcal.EnglandAndWales: `
		2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26
		2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26
		2031-01-01 2031-04-11 2031-04-14 2031-05-05 2031-05-26 2031-08-25 2031-12-25 2031-12-26
		2032-01-01 2032-03-26 2032-03-29 2032-05-03 2032-05-31 2032-08-30 2032-12-27 2032-12-28
		2033-01-03 2033-04-15 2033-04-18 2033-05-02 2033-05-30 2033-08-29 2033-12-26 2033-12-27
		2034-01-02 2034-04-07 2034-04-10 2034-05-01 2034-05-29 2034-08-28 2034-12-25 2034-12-26
		2035-01-01 2035-03-23 2035-03-26 2035-05-07 2035-05-28 2035-08-27 2035-12-25 2035-12-26
		2036-01-01`,
	ukcal.Scotland: `
		2029-01-01 2029-01-02 2029-03-30 2029-05-07 2029-05-28 2029-08-06 2029-11-30 2029-12-25 2029-12-26
		2030-01-01 2030-01-02 2030-04-19 2030-05-06 2030-05-27 2030-08-05 2030-12-02 2030-12-25 2030-12-26
		2031-01-01 2031-01-02 2031-04-11 2031-05-05 2031-05-26 2031-08-04 2031-12-01 2031-12-25 2031-12-26
		2032-01-01 2032-01-02 2032-03-26 2032-05-03 2032-05-31 2032-08-02 2032-11-30 2032-12-27 2032-12-28
		2033-01-03 2033-01-04 2033-04-15 2033-05-02 2033-05-30 2033-08-01 2033-11-30 2033-12-26 2033-12-27
		2034-01-02 2034-01-03 2034-04-07 2034-05-01 2034-05-29 2034-08-07 2034-11-30 2034-12-25 2034-12-26
		2035-01-01 2035-01-02 2035-03-23 2035-05-07 2035-05-28 2035-08-06 2035-11-30 2035-12-25 2035-12-26
		2036-01-01 2036-01-02`,
	ukcal.NorthernIreland: `
		2029-01-01 2029-03-19 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-07-12 2029-08-27 2029-12-25 2029-12-26
		2030-01-01 2030-03-18 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-07-12 2030-08-26 2030-12-25 2030-12-26
		2031-01-01 2031-03-17 2031-04-11 2031-04-14 2031-05-05 2031-05-26 2031-07-14 2031-08-25 2031-12-25 2031-12-26
		2032-01-01 2032-03-17 2032-03-26 2032-03-29 2032-05-03 2032-05-31 2032-07-12 2032-08-30 2032-12-27 2032-12-28
		2033-01-03 2033-03-17 2033-04-15 2033-04-18 2033-05-02 2033-05-30 2033-07-12 2033-08-29 2033-12-26 2033-12-27
		2034-01-02 2034-03-17 2034-04-07 2034-04-10 2034-05-01 2034-05-29 2034-07-12 2034-08-28 2034-12-25 2034-12-26
		2035-01-01 2035-03-19 2035-03-23 2035-03-26 2035-05-07 2035-05-28 2035-07-12 2035-08-27 2035-12-25 2035-12-26
		2036-01-01`,
}

// holidaySet parses one region's list into a set of "YYYY-MM-DD" strings.
func holidaySet(r ukcal.Region) map[string]bool {
	set := map[string]bool{}
	for _, d := range strings.Fields(futureHolidays[r]) {
		set[d] = true
	}
	return set
}

// countWorkingDays is the independent count: the date n working days after
// from (from itself not counted), stepping with the time package over the
// hand-written holidays.
func countWorkingDays(from string, n int, holidays map[string]bool) string {
	d, err := time.Parse(time.DateOnly, from)
	if err != nil {
		panic(err)
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday && !holidays[d.Format(time.DateOnly)] {
			n--
		}
	}
	return d.Format(time.DateOnly)
}

func TestFutureHolidayTableIsWhatUkcalUses(t *testing.T) {
	// A cross-check that gives a clear message if the rules ever diverge;
	// the deadline tests below would fail anyway.
	for r := range futureHolidays {
		set := holidaySet(r)
		for year := 2029; year <= 2035; year++ {
			for _, h := range ukcal.Holidays(r, year) {
				if !set[h.Date.String()] {
					t.Errorf("%s: ukcal has %s %s, not in the hand-written table", r.Name(), h.Date, h.Title)
				}
				delete(set, h.Date.String())
			}
		}
		for d := range set {
			if !strings.HasPrefix(d, "2036") {
				t.Errorf("%s: hand-written %s is not a holiday in ukcal", r.Name(), d)
			}
		}
	}
}

func TestDeadlinesAroundEveryFutureBankHoliday(t *testing.T) {
	for r := range futureHolidays {
		set := holidaySet(r)
		checked := 0
		for _, h := range strings.Fields(futureHolidays[r]) {
			if strings.HasPrefix(h, "2036") {
				continue
			}
			day, _ := time.Parse(time.DateOnly, h)
			for _, received := range []string{h, day.AddDate(0, 0, -1).Format(time.DateOnly)} {
				checkDeadlines(t, r, received, set)
				checked++
			}
		}
		if checked < 100 {
			t.Errorf("%s: only %d dates checked", r.Name(), checked)
		}
	}
}

func TestDeadlinesForEveryFutureWeekend(t *testing.T) {
	for r := range futureHolidays {
		set := holidaySet(r)
		for d := time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2035; d = d.AddDate(0, 0, 1) {
			if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				checkDeadlines(t, r, d.Format(time.DateOnly), set)
			}
		}
	}
}

// checkDeadlines compares Deadlines with the independent count for a
// complaint received on the date, with a 20-working-day response period.
func checkDeadlines(t *testing.T, r ukcal.Region, received string, holidays map[string]bool) {
	t.Helper()
	d := Deadlines(date(received), ukcal.Date{}, ukcal.Date{}, AgreedWorkingDays(20), r)
	if want := countWorkingDays(received, 3, holidays); d.AcknowledgeBy.String() != want {
		t.Errorf("%s, received %s (%s): acknowledge by %s, want %s", r.Name(), received, date(received).Weekday(), d.AcknowledgeBy, want)
	}
	if want := countWorkingDays(received, 20, holidays); d.ResponseDue.String() != want {
		t.Errorf("%s, received %s: response due %s, want %s", r.Name(), received, d.ResponseDue, want)
	}
	if want := sixMonthsAfter(received); d.SixMonths.String() != want {
		t.Errorf("%s, received %s: six months %s, want %s", r.Name(), received, d.SixMonths, want)
	}
}

func TestRegionChangesTheDeadline(t *testing.T) {
	ew, sc, ni := ukcal.EnglandAndWales, ukcal.Scotland, ukcal.NorthernIreland
	cases := []struct {
		why      string
		received string
		want     map[ukcal.Region]string
	}{
		// Scotland also keeps 2 January: Monday 31 December 2029.
		{"2nd January", "2029-12-31", map[ukcal.Region]string{ew: "2030-01-04", sc: "2030-01-07", ni: "2030-01-04"}},
		// St Patrick's Day, Monday 17 March 2031, in Northern Ireland only.
		{"St Patrick's Day", "2031-03-14", map[ukcal.Region]string{ew: "2031-03-19", sc: "2031-03-19", ni: "2031-03-20"}},
		// Easter Monday is not a bank holiday in Scotland: Thursday 18 April 2030.
		{"Easter Monday", "2030-04-18", map[ukcal.Region]string{ew: "2030-04-25", sc: "2030-04-24", ni: "2030-04-25"}},
		// Battle of the Boyne, Friday 12 July 2030, in Northern Ireland only.
		{"Battle of the Boyne", "2030-07-11", map[ukcal.Region]string{ew: "2030-07-16", sc: "2030-07-16", ni: "2030-07-17"}},
		// Scotland's summer holiday is the first Monday of August (5 August 2030).
		{"Scottish summer holiday", "2030-08-02", map[ukcal.Region]string{ew: "2030-08-07", sc: "2030-08-08", ni: "2030-08-07"}},
		// St Andrew's Day falls on Saturday 30 November 2030: Monday 2 December in Scotland.
		{"St Andrew's Day substitute", "2030-11-29", map[ukcal.Region]string{ew: "2030-12-04", sc: "2030-12-05", ni: "2030-12-04"}},
	}
	for _, c := range cases {
		for r, want := range c.want {
			d := Deadlines(date(c.received), ukcal.Date{}, ukcal.Date{}, ResponsePeriod{}, r)
			if d.AcknowledgeBy.String() != want {
				t.Errorf("%s, received %s in %s: acknowledge by %s, want %s", c.why, c.received, r.Name(), d.AcknowledgeBy, want)
			}
			if indep := countWorkingDays(c.received, 3, holidaySet(r)); indep != want {
				t.Errorf("%s in %s: the hand-written table gives %s, the case says %s", c.why, r.Name(), indep, want)
			}
		}
	}
}

// sixMonthsAfter is the last day of the six-month period beginning with the
// day of receipt: the day before receipt, six months on, or that month's
// last day (SPEC §4.4).
func sixMonthsAfter(received string) string {
	d, err := time.Parse(time.DateOnly, received)
	if err != nil {
		panic(err)
	}
	d = d.AddDate(0, 0, -1)
	first := time.Date(d.Year(), d.Month()+6, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d.Day(), last), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}
