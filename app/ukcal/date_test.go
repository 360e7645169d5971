package ukcal

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2026-11-23": NewDate(2026, time.November, 23),
		"2024-02-29": NewDate(2024, time.February, 29),
		"2000-02-29": NewDate(2000, time.February, 29),
		"0001-01-01": NewDate(1, time.January, 1),
		"9999-12-31": NewDate(9999, time.December, 31),
	}
	for in, want := range good {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
		if got.String() != in {
			t.Errorf("ParseDate(%q).String() = %q", in, got.String())
		}
	}
	for _, in := range []string{
		"", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026-1-01", "2026-01-1", "26-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01T00:00:00Z",
		"23/11/2026", "2026/11/23", "+2026-01-01", "２０２６-01-01",
	} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v; want an error", in, d)
		}
	}
}

func TestNewDateNormalises(t *testing.T) {
	if got := NewDate(2026, time.April, 31); got.String() != "2026-05-01" {
		t.Errorf("NewDate(2026, April, 31) = %s", got)
	}
	if got := NewDate(2026, time.January, 0); got.String() != "2025-12-31" {
		t.Errorf("NewDate(2026, January, 0) = %s", got)
	}
}

// A date is the same calendar day whatever zone the instant was in.
func TestDateOfUsesTheInstantsOwnZone(t *testing.T) {
	zone := time.FixedZone("UTC+1", 3600)
	late := time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC)
	if got := DateOf(late); got.String() != "2026-06-30" {
		t.Errorf("DateOf(23:30 UTC) = %s", got)
	}
	if got := DateOf(late.In(zone)); got.String() != "2026-07-01" {
		t.Errorf("DateOf(00:30 UTC+1) = %s", got)
	}
	d := MustParseDate("2026-03-29") // the clocks go forward that night
	if d.Time().Location() != time.UTC || d.Time().Hour() != 0 || DateOf(d.Time()) != d {
		t.Errorf("Time() of %s = %v, not midnight UTC of the same date", d, d.Time())
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-01-31", 3, "2026-04-30"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2026-08-31", 6, "2027-02-28"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-05-10", 0, "2026-05-10"},
		{"2026-05-10", -17, "2024-12-10"},
	} {
		if got := MustParseDate(c.from).AddMonths(c.months); got.String() != c.want {
			t.Errorf("%s AddMonths(%d) = %s, want %s", c.from, c.months, got, c.want)
		}
	}
}

func TestDateArithmeticAndComparison(t *testing.T) {
	a, b := MustParseDate("2026-03-28"), MustParseDate("2026-03-30")
	if !a.Before(b) || a.After(b) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("comparison of 28 and 30 March is wrong")
	}
	if n := a.DaysUntil(b); n != 2 {
		t.Errorf("DaysUntil across the clock change = %d, want 2", n)
	}
	if n := MustParseDate("1800-01-01").DaysUntil(MustParseDate("2200-01-01")); n != 146097 {
		t.Errorf("DaysUntil over 400 years = %d, want 146097", n)
	}
	if got := a.AddDays(4); got.String() != "2026-04-01" {
		t.Errorf("AddDays(4) = %s", got)
	}
	if MustParseDate("2026-11-21").Weekday() != time.Saturday || !MustParseDate("2026-11-22").IsWeekend() || MustParseDate("2026-11-23").IsWeekend() {
		t.Error("weekday of 21–23 November 2026 is wrong")
	}
	var zero Date
	if !zero.IsZero() || a.IsZero() || zero.String() != "" {
		t.Error("zero Date is not recognised")
	}
}

func TestDateJSON(t *testing.T) {
	type wrapper struct {
		D Date `json:"d"`
	}
	out, err := json.Marshal(wrapper{MustParseDate("2026-11-23")})
	if err != nil || string(out) != `{"d":"2026-11-23"}` {
		t.Fatalf("Marshal = %s, %v", out, err)
	}
	var back wrapper
	if err := json.Unmarshal(out, &back); err != nil || back.D != MustParseDate("2026-11-23") {
		t.Fatalf("Unmarshal = %v, %v", back.D, err)
	}
	if err := json.Unmarshal([]byte(`{"d":"2026-02-30"}`), &back); err == nil {
		t.Error("Unmarshal accepted 30 February")
	}
	if err := json.Unmarshal([]byte(`{"d":""}`), &back); err != nil || !back.D.IsZero() {
		t.Errorf("Unmarshal of \"\" = %v, %v; want the zero Date", back.D, err)
	}
}

// Whatever the input, ParseDate does not panic, and what it accepts is
// exactly the canonical form of a real date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-23", "2024-02-29", "2026-02-29", "", "0000-00-00", "9999-12-31", "2026-1-1", "2026-01-01T00:00:00Z", "-001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) accepted a non-canonical form (%s)", s, d)
		}
		if NewDate(d.Year(), d.Month(), d.Day()) != d || d.AddDays(1).AddDays(-1) != d {
			t.Fatalf("ParseDate(%q) = %v is not a normalised date", s, d)
		}
		// The working-day engine copes with any date ParseDate accepts.
		EnglandAndWales.NextWorkingDay(d)
		_ = Deadlines(d, Scotland)
	})
}

// ParseRegion never panics and accepts only the three names.
func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"scotland", "England-And-Wales", "", "wales"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRegion(s)
		if err == nil {
			_ = r.Name() // panics if r is not a valid region
		}
	})
}

func TestTodayIsTheLondonDate(t *testing.T) {
	// 23:30 UTC on 30 June is already 1 July in London (BST), but 23:30 UTC
	// on 30 December is still 30 December (GMT).
	if got := Today(time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)); got != MustParseDate("2026-07-01") {
		t.Errorf("summer: %s", got)
	}
	if got := Today(time.Date(2026, 12, 30, 23, 30, 0, 0, time.UTC)); got != MustParseDate("2026-12-30") {
		t.Errorf("winter: %s", got)
	}
}

func TestAgeOn(t *testing.T) {
	for _, c := range []struct {
		dob, on string
		want    int
	}{
		{"1980-03-12", "2026-03-11", 45},
		{"1980-03-12", "2026-03-12", 46},
		{"2008-02-29", "2026-02-28", 17}, // a leap-day birthday counts from 1 March
		{"2008-02-29", "2026-03-01", 18},
		{"2026-11-23", "2026-11-23", 0},
	} {
		if got := AgeOn(MustParseDate(c.dob), MustParseDate(c.on)); got != c.want {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", c.dob, c.on, got, c.want)
		}
	}
}

// The hand-written reader and writer agree with the time package on every
// day of years that test the leap rules, and on days that do not exist.
func TestParseDateAgreesWithTimeParse(t *testing.T) {
	for _, year := range []string{"0000", "0001", "1900", "1999", "2000", "2024", "2026", "2100", "9999"} {
		for month := 0; month <= 13; month++ {
			for day := 0; day <= 32; day++ {
				in := fmt.Sprintf("%s-%02d-%02d", year, month, day)
				want, werr := time.Parse(DateLayout, in)
				got, err := ParseDate(in)
				if (err == nil) != (werr == nil) || (err == nil && got != DateOf(want)) {
					t.Fatalf("ParseDate(%q) = %v, %v; time.Parse says %v, %v", in, got, err, want, werr)
				}
				if err == nil && got.String() != in {
					t.Fatalf("ParseDate(%q).String() = %q", in, got.String())
				}
			}
		}
	}
	for _, d := range []Date{NewDate(-1, time.March, 4), NewDate(10000, time.January, 2)} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day()); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}
