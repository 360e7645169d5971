package reports

import (
	"testing"

	"clinicdesk/app/ukcal"
)

func d(s string) ukcal.Date { return ukcal.MustParseDate(s) }

func TestPeriodsCutWeeksAndMonthsAtTheRangeEnds(t *testing.T) {
	// Wednesday 4 March 2026 to Tuesday 17 March 2026: the week of Monday
	// 2 March cut to 4–8, the whole week of 9 March, and 16–17 of the next.
	got := Periods(Range{From: d("2026-03-04"), To: d("2026-03-17"), By: ByWeek})
	want := []Period{
		{Label: "w/c 2 Mar", From: d("2026-03-04"), To: d("2026-03-08")},
		{Label: "w/c 9 Mar", From: d("2026-03-09"), To: d("2026-03-15")},
		{Label: "w/c 16 Mar", From: d("2026-03-16"), To: d("2026-03-17")},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("period %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	months := Periods(Range{From: d("2026-01-15"), To: d("2026-03-10"), By: ByMonth})
	if len(months) != 3 || months[0] != (Period{Label: "Jan 2026", From: d("2026-01-15"), To: d("2026-01-31")}) ||
		months[1] != (Period{Label: "Feb 2026", From: d("2026-02-01"), To: d("2026-02-28")}) ||
		months[2] != (Period{Label: "Mar 2026", From: d("2026-03-01"), To: d("2026-03-10")}) {
		t.Errorf("months = %+v", months)
	}
	if ps := Periods(Range{From: d("2026-03-10"), To: d("2026-03-01"), By: ByMonth}); ps != nil {
		t.Errorf("a range ending before it starts gave %v", ps)
	}
	// A count keyed by Monday 2 March lands in the first, cut, week.
	if i := Bin(got, d("2026-03-02")); i != 0 {
		t.Errorf("Bin(2 March) = %d, want 0", i)
	}
	if i := Bin(got, d("2026-03-23")); i != -1 {
		t.Errorf("Bin(23 March) = %d, want -1", i)
	}
}

func TestPresetRanges(t *testing.T) {
	today := d("2026-02-11") // a Wednesday in February, financial year 2025/26
	for _, c := range []struct {
		p        Preset
		from, to string
	}{
		{ThisMonth, "2026-02-01", "2026-02-28"},
		{LastMonth, "2026-01-01", "2026-01-31"},
		{ThisQuarter, "2026-01-01", "2026-03-31"},
		{ThisFinancialYear, "2025-04-01", "2026-03-31"},
	} {
		from, to := PresetRange(c.p, today)
		if from != d(c.from) || to != d(c.to) {
			t.Errorf("%s on 11/02/2026 = %s to %s, want %s to %s", c.p, from, to, c.from, c.to)
		}
	}
	// From 1 April the financial year is the new one.
	if from, to := PresetRange(ThisFinancialYear, d("2026-04-01")); from != d("2026-04-01") || to != d("2027-03-31") {
		t.Errorf("financial year on 01/04/2026 = %s to %s", from, to)
	}
	if from, _ := PresetRange(Custom, today); !from.IsZero() {
		t.Errorf("custom gave %s, want no dates", from)
	}
	if from, to := PresetRange(LastMonth, d("2026-01-05")); from != d("2025-12-01") || to != d("2025-12-31") {
		t.Errorf("last month in January = %s to %s", from, to)
	}
}

func TestPreviousRange(t *testing.T) {
	for _, c := range []struct{ from, to, pfrom, pto string }{
		{"2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"}, // a month: the month before
		{"2026-04-01", "2027-03-31", "2025-04-01", "2026-03-31"}, // a financial year
		{"2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31"}, // a quarter
		{"2026-03-04", "2026-03-17", "2026-02-18", "2026-03-03"}, // 14 days: the 14 before
	} {
		p := PreviousRange(Range{From: d(c.from), To: d(c.to), By: ByWeek, ClinicianID: "x"})
		if p.From != d(c.pfrom) || p.To != d(c.pto) || p.By != ByWeek || p.ClinicianID != "x" {
			t.Errorf("before %s–%s = %+v, want %s–%s", c.from, c.to, p, c.pfrom, c.pto)
		}
	}
}

func TestCompareIsWordedAndNeverZeroForNothing(t *testing.T) {
	if s := Compare("the DNA rate", Percent, Rate(71, 1000), Rate(54, 1000), "nothing was due"); s != "The DNA rate fell from 7.1% to 5.4%." {
		t.Errorf("fell: %q", s)
	}
	if s := Compare("the DNA rate", Percent, Rate(1, 20), Rate(2, 20), "x"); s != "The DNA rate rose from 5.0% to 10.0%." {
		t.Errorf("rose: %q", s)
	}
	if s := Compare("the DNA rate", Percent, Rate(1, 20), Rate(0, 0), "no appointments were due"); s != "No appointments were due, so there is no figure to show." {
		t.Errorf("missing: %q", s)
	}
	if v := Rate(0, 0); !IsMissing(v) {
		t.Errorf("Rate(0, 0) = %v, want Missing", v)
	}
	if c := Percent.Cell(Missing); c != "–" {
		t.Errorf("a missing cell is %q", c)
	}
}
