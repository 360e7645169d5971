package schedule

import (
	"slices"
	"testing"

	"clinicdesk/app/ukcal"
)

// dates turns "YYYY-MM-DD" strings into Dates.
func dates(days ...string) []ukcal.Date {
	out := make([]ukcal.Date, len(days))
	for i, d := range days {
		out[i] = date(d)
	}
	return out
}

// A weekly series keeps its 09:00 London wall-clock time across both clock
// changes of 2026, while the UTC hour moves.
func TestWeeklySeriesAcrossClockChanges(t *testing.T) {
	london := londonZone(t)
	for _, c := range []struct {
		name     string
		first    string
		want     []ukcal.Date
		utcHours []int
	}{
		{"BST ends 25 October", "2026-10-15",
			dates("2026-10-15", "2026-10-22", "2026-10-29", "2026-11-05", "2026-11-12", "2026-11-19"),
			[]int{8, 8, 9, 9, 9, 9}},
		{"BST starts 29 March", "2026-03-19",
			dates("2026-03-19", "2026-03-26", "2026-04-02", "2026-04-09", "2026-04-16", "2026-04-23"),
			[]int{9, 9, 8, 8, 8, 8}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Occurrences(date(c.first), Repeat{Every: 1, Unit: Weekly, Count: 6})
			if !slices.Equal(got, c.want) {
				t.Fatalf("Occurrences = %v, want %v", got, c.want)
			}
			for i, d := range got {
				at := At(d, clk("09:00"))
				if local := at.In(london); local.Hour() != 9 || local.Minute() != 0 || ukcal.DateOf(local) != d {
					t.Errorf("%s: At = %v in London, want 09:00", d, local)
				}
				if at.UTC().Hour() != c.utcHours[i] {
					t.Errorf("%s: UTC hour %d, want %d", d, at.UTC().Hour(), c.utcHours[i])
				}
			}
		})
	}
}

func TestOccurrences(t *testing.T) {
	for _, c := range []struct {
		name  string
		first string
		r     Repeat
		want  []ukcal.Date
	}{
		{"monthly from 31 January clamps to the month's end", "2026-01-31", Repeat{Every: 1, Unit: Monthly, Count: 4},
			dates("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30")},
		{"monthly in a leap year", "2028-01-31", Repeat{Every: 1, Unit: Monthly, Count: 2},
			dates("2028-01-31", "2028-02-29")},
		{"every 3 months", "2026-11-30", Repeat{Every: 3, Unit: Monthly, Count: 3},
			dates("2026-11-30", "2027-02-28", "2027-05-30")},
		{"fortnightly until a date, inclusive", "2026-11-23", Repeat{Every: 2, Unit: Weekly, Until: date("2026-12-21")},
			dates("2026-11-23", "2026-12-07", "2026-12-21")},
		{"until the day before the next", "2026-11-23", Repeat{Every: 2, Unit: Weekly, Until: date("2026-12-20")},
			dates("2026-11-23", "2026-12-07")},
		{"daily across the month", "2026-11-29", Repeat{Every: 1, Unit: Daily, Count: 3},
			dates("2026-11-29", "2026-11-30", "2026-12-01")},
		{"count wins over until", "2026-11-23", Repeat{Every: 1, Unit: Weekly, Count: 2, Until: date("2027-01-01")},
			dates("2026-11-23", "2026-11-30")},
		{"until before the first date", "2026-11-23", Repeat{Every: 1, Unit: Weekly, Until: date("2026-11-01")},
			dates("2026-11-23")},
		{"neither count nor until", "2026-11-23", Repeat{Every: 1, Unit: Weekly}, dates("2026-11-23")},
		{"every 0 is every 1", "2026-11-23", Repeat{Unit: Daily, Count: 2}, dates("2026-11-23", "2026-11-24")},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Occurrences(date(c.first), c.r); !slices.Equal(got, c.want) {
				t.Errorf("Occurrences = %v, want %v", got, c.want)
			}
		})
	}
}

func TestOccurrencesCap(t *testing.T) {
	first := date("2026-11-23")
	for _, r := range []Repeat{
		{Every: 1, Unit: Weekly, Count: 500},
		{Every: 1, Unit: Daily, Until: date("2030-01-01")},
	} {
		got := Occurrences(first, r)
		if len(got) != MaxOccurrences {
			t.Errorf("%+v: %d dates, want the cap of %d", r, len(got), MaxOccurrences)
		}
	}
	if got := Occurrences(first, Repeat{Every: 1, Unit: Weekly, Count: MaxOccurrences}); got[len(got)-1] != first.AddDays(7*(MaxOccurrences-1)) {
		t.Errorf("the 104th weekly date is %s", got[len(got)-1])
	}
}

func TestRepeatValidate(t *testing.T) {
	good := []Repeat{
		{Every: 1, Unit: Weekly, Count: 6},
		{Every: 2, Unit: Monthly, Until: date("2027-06-01")},
		{Every: MaxEvery, Unit: Daily, Count: MaxOccurrences},
	}
	for _, r := range good {
		if err := r.Validate(); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
	bad := []Repeat{
		{Every: 0, Unit: Weekly, Count: 6},
		{Every: MaxEvery + 1, Unit: Weekly, Count: 6},
		{Every: 1, Unit: Unit(9), Count: 6},
		{Every: 1, Unit: Weekly, Count: MaxOccurrences + 1},
		{Every: 1, Unit: Weekly, Count: -1},
		{Every: 1, Unit: Weekly},
	}
	for _, r := range bad {
		if err := r.Validate(); err == nil {
			t.Errorf("%+v: no error", r)
		}
	}
	for _, u := range []Unit{Daily, Weekly, Monthly} {
		if back, err := ParseUnit(u.String()); err != nil || back != u {
			t.Errorf("ParseUnit(%q) = %v, %v", u.String(), back, err)
		}
	}
	if _, err := ParseUnit("yearly"); err == nil {
		t.Error("ParseUnit accepted yearly")
	}
}

// Whatever the repeat, a series is never longer than the cap, starts on the
// first date and goes strictly forward.
func FuzzOccurrences(f *testing.F) {
	f.Add(2026, 10, 15, 1, 1, 6, 0)
	f.Add(2026, 1, 31, 1, 2, 0, 400)
	f.Add(9999, 12, 31, 52, 2, 104, 0)
	f.Add(1, 1, 1, -5, 7, -3, -10)
	f.Fuzz(func(t *testing.T, year, month, day, every, unit, count, untilDays int) {
		if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 {
			return
		}
		first := ukcal.NewDate(year, 0, 1).AddMonths(month).AddDays(day - 1)
		if first.Year() > 9999 {
			return
		}
		until := ukcal.Date{}
		if untilDays != 0 {
			until = first.AddDays(untilDays % 100000)
		}
		got := Occurrences(first, Repeat{Every: every, Unit: Unit(unit), Count: count, Until: until})
		if len(got) == 0 || len(got) > MaxOccurrences || got[0] != first {
			t.Fatalf("%d dates from %s, first %v", len(got), first, got)
		}
		for i := 1; i < len(got); i++ {
			if !got[i].After(got[i-1]) {
				t.Fatalf("date %d (%s) is not after %s", i, got[i], got[i-1])
			}
		}
		if count > 0 && len(got) > count {
			t.Fatalf("%d dates for a count of %d", len(got), count)
		}
	})
}
