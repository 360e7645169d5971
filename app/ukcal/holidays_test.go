package ukcal

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func formatHolidays(hs []Holiday) string {
	var b strings.Builder
	for _, h := range hs {
		sub := ""
		if h.Substitute {
			sub = " (substitute)"
		}
		fmt.Fprintf(&b, "\n  %s %s %s%s", h.Date, h.Date.Weekday().String()[:3], h.Title, sub)
	}
	return b.String()
}

// Every bank holiday in the feed vectors (testdata), in every region and year, is what
// Holidays returns (from the embedded copy), and nothing else is.
func TestHolidaysAreTheFeed(t *testing.T) {
	feed := feedByYear(t)
	for _, r := range Regions {
		years := feed[r]
		for year := 2019; year <= 2028; year++ {
			want := years[year]
			if len(want) == 0 {
				t.Fatalf("%s %d: feed vectors have no holidays; the vectors are not the expected 2019–2028 feed", r, year)
			}
			got := Holidays(r, year)
			if !slices.Equal(got, want) {
				t.Errorf("Holidays(%s, %d):%s\nwant (feed):%s", r, year, formatHolidays(got), formatHolidays(want))
			}
			for _, h := range want {
				on, ok := r.HolidayOn(h.Date)
				if !ok || on.Title != h.Title {
					t.Errorf("%s: HolidayOn(%s) = %q, %v; want %q", r, h.Date, on.Title, ok, h.Title)
				}
				if r.IsWorkingDay(h.Date) {
					t.Errorf("%s: %s (%s) counted as a working day", r, h.Date, h.Title)
				}
			}
		}
	}
}

// The rules alone (statutory rules plus the proclamations table) give the
// feed exactly, date, title and substitute note, for every year it covers.
func TestRulesReproduceFeed(t *testing.T) {
	feed := feedByYear(t)
	for _, r := range Regions {
		for year, want := range feed[r] {
			got := ruleHolidays(r, year)
			if !slices.Equal(got, want) {
				t.Errorf("rules for %s %d:%s\nfeed:%s", r, year, formatHolidays(got), formatHolidays(want))
			}
		}
	}
}

// Each move in the proclamations table must find the holiday it moves;
// otherwise the usual date would silently stay a holiday as well.
func TestProclamationsMoveARuleHoliday(t *testing.T) {
	for _, p := range proclamations {
		if p.replaces.IsZero() {
			continue
		}
		for _, r := range Regions {
			if !p.appliesTo(r) {
				continue
			}
			found := false
			for _, h := range statutoryHolidays(r, p.replaces.Year()) {
				found = found || h.Date == p.replaces
			}
			if !found {
				t.Errorf("%s: proclamation moves %s to %s, but the rules have no holiday on %s", r, p.replaces, p.date, p.replaces)
			}
		}
	}
}

func TestFeedYears(t *testing.T) {
	for _, r := range Regions {
		first, last, err := FeedYears(r)
		if err != nil || first != 2019 || last != 2028 {
			t.Errorf("FeedYears(%s) = %d, %d, %v; want 2019, 2028", r, first, last, err)
		}
	}
}

func TestParseFeedRejectsDamage(t *testing.T) {
	good := `{"england-and-wales":{"division":"england-and-wales","events":[{"title":"X","date":"2030-01-01","notes":""}]},
	"scotland":{"division":"scotland","events":[{"title":"X","date":"2030-01-01","notes":""}]},
	"northern-ireland":{"division":"northern-ireland","events":[{"title":"X","date":"2030-01-01","notes":""}]}}`
	if _, err := parseFeed([]byte(good)); err != nil {
		t.Fatalf("parseFeed(minimal feed) = %v", err)
	}
	for name, bad := range map[string]string{
		"not JSON":       `{`,
		"region missing": `{"england-and-wales":{"events":[{"title":"X","date":"2030-01-01"}]}}`,
		"bad date":       strings.Replace(good, `"2030-01-01"`, `"2030-02-30"`, 1),
		"no title":       strings.Replace(good, `"title":"X"`, `"title":""`, 1),
	} {
		if _, err := parseFeed([]byte(bad)); err == nil {
			t.Errorf("parseFeed(%s) succeeded; want an error", name)
		}
	}
}

func TestEasterSunday(t *testing.T) {
	for year, want := range map[int]string{
		1818: "1818-03-22", // earliest possible
		1943: "1943-04-25", // latest possible
		1961: "1961-04-02",
		2000: "2000-04-23",
		2019: "2019-04-21",
		2024: "2024-03-31",
		2026: "2026-04-05",
		2029: "2029-04-01",
		2030: "2030-04-21",
		2031: "2031-04-13",
		2032: "2032-03-28",
		2033: "2033-04-17",
		2034: "2034-04-09",
		2035: "2035-03-25",
		2036: "2036-04-13",
		2037: "2037-04-05",
		2038: "2038-04-25",
		2039: "2039-04-10",
		2040: "2040-04-01",
		2285: "2285-03-22",
	} {
		got := EasterSunday(year)
		if got.String() != want {
			t.Errorf("EasterSunday(%d) = %s, want %s", year, got, want)
		}
		if got.Weekday() != time.Sunday {
			t.Errorf("EasterSunday(%d) = %s is a %s", year, got, got.Weekday())
		}
	}
}

// hol is shorthand for expected holidays: "2032-12-27 Christmas Day *" where
// a trailing * marks a substitute day.
func hol(t *testing.T, specs ...string) []Holiday {
	t.Helper()
	var hs []Holiday
	for _, s := range specs {
		date, title, _ := strings.Cut(s, " ")
		sub := strings.HasSuffix(title, " *")
		hs = append(hs, Holiday{Date: MustParseDate(date), Title: strings.TrimSuffix(title, " *"), Substitute: sub})
	}
	return hs
}

// Years beyond the feed, worked out by hand from the rules.
func TestHolidaysBeyondFeed(t *testing.T) {
	cases := []struct {
		region Region
		year   int
		want   []Holiday
	}{
		{EnglandAndWales, 2029, hol(t,
			"2029-01-01 New Year’s Day", "2029-03-30 Good Friday", "2029-04-02 Easter Monday",
			"2029-05-07 Early May bank holiday", "2029-05-28 Spring bank holiday", "2029-08-27 Summer bank holiday",
			"2029-12-25 Christmas Day", "2029-12-26 Boxing Day")},
		// Christmas on a Saturday: Monday 27 and Tuesday 28.
		{EnglandAndWales, 2032, hol(t,
			"2032-01-01 New Year’s Day", "2032-03-26 Good Friday", "2032-03-29 Easter Monday",
			"2032-05-03 Early May bank holiday", "2032-05-31 Spring bank holiday", "2032-08-30 Summer bank holiday",
			"2032-12-27 Christmas Day *", "2032-12-28 Boxing Day *")},
		// New Year's Day on a Saturday, Christmas on a Sunday (Boxing Day keeps Monday).
		{EnglandAndWales, 2033, hol(t,
			"2033-01-03 New Year’s Day *", "2033-04-15 Good Friday", "2033-04-18 Easter Monday",
			"2033-05-02 Early May bank holiday", "2033-05-30 Spring bank holiday", "2033-08-29 Summer bank holiday",
			"2033-12-26 Boxing Day", "2033-12-27 Christmas Day *")},
		{Scotland, 2033, hol(t,
			"2033-01-03 New Year’s Day *", "2033-01-04 2nd January *", "2033-04-15 Good Friday",
			"2033-05-02 Early May bank holiday", "2033-05-30 Spring bank holiday", "2033-08-01 Summer bank holiday",
			"2033-11-30 St Andrew’s Day", "2033-12-26 Boxing Day", "2033-12-27 Christmas Day *")},
		// New Year's Day on a Sunday in Scotland: as the feed has 2023.
		{Scotland, 2034, hol(t,
			"2034-01-02 New Year’s Day *", "2034-01-03 2nd January *", "2034-04-07 Good Friday",
			"2034-05-01 Early May bank holiday", "2034-05-29 Spring bank holiday", "2034-08-07 Summer bank holiday",
			"2034-11-30 St Andrew’s Day", "2034-12-25 Christmas Day", "2034-12-26 Boxing Day")},
		// St Andrew's Day on a Sunday; New Year's Day on a Wednesday.
		{Scotland, 2031, hol(t,
			"2031-01-01 New Year’s Day", "2031-01-02 2nd January", "2031-04-11 Good Friday",
			"2031-05-05 Early May bank holiday", "2031-05-26 Spring bank holiday", "2031-08-04 Summer bank holiday",
			"2031-12-01 St Andrew’s Day *", "2031-12-25 Christmas Day", "2031-12-26 Boxing Day")},
		// New Year's Day on a Friday: 2nd January moves to Monday 4.
		{Scotland, 2038, hol(t,
			"2038-01-01 New Year’s Day", "2038-01-04 2nd January *", "2038-04-23 Good Friday",
			"2038-05-03 Early May bank holiday", "2038-05-31 Spring bank holiday", "2038-08-02 Summer bank holiday",
			"2038-11-30 St Andrew’s Day", "2038-12-27 Christmas Day *", "2038-12-28 Boxing Day *")},
		// St Patrick's Day on a Sunday, the Boyne on a Friday.
		{NorthernIreland, 2030, hol(t,
			"2030-01-01 New Year’s Day", "2030-03-18 St Patrick’s Day *", "2030-04-19 Good Friday",
			"2030-04-22 Easter Monday", "2030-05-06 Early May bank holiday", "2030-05-27 Spring bank holiday",
			"2030-07-12 Battle of the Boyne (Orangemen’s Day)", "2030-08-26 Summer bank holiday",
			"2030-12-25 Christmas Day", "2030-12-26 Boxing Day")},
		// The Boyne on a Saturday.
		{NorthernIreland, 2031, hol(t,
			"2031-01-01 New Year’s Day", "2031-03-17 St Patrick’s Day", "2031-04-11 Good Friday",
			"2031-04-14 Easter Monday", "2031-05-05 Early May bank holiday", "2031-05-26 Spring bank holiday",
			"2031-07-14 Battle of the Boyne (Orangemen’s Day) *", "2031-08-25 Summer bank holiday",
			"2031-12-25 Christmas Day", "2031-12-26 Boxing Day")},
		// St Patrick's Day on a Saturday, the Boyne on a Sunday, Christmas on a Friday.
		{NorthernIreland, 2037, hol(t,
			"2037-01-01 New Year’s Day", "2037-03-17 St Patrick’s Day", "2037-04-03 Good Friday",
			"2037-04-06 Easter Monday", "2037-05-04 Early May bank holiday", "2037-05-25 Spring bank holiday",
			"2037-07-13 Battle of the Boyne (Orangemen’s Day) *", "2037-08-31 Summer bank holiday",
			"2037-12-25 Christmas Day", "2037-12-28 Boxing Day *")},
		{NorthernIreland, 2040, hol(t,
			"2040-01-02 New Year’s Day *", "2040-03-19 St Patrick’s Day *", "2040-03-30 Good Friday",
			"2040-04-02 Easter Monday", "2040-05-07 Early May bank holiday", "2040-05-28 Spring bank holiday",
			"2040-07-12 Battle of the Boyne (Orangemen’s Day)", "2040-08-27 Summer bank holiday",
			"2040-12-25 Christmas Day", "2040-12-26 Boxing Day")},
	}
	for _, c := range cases {
		got := Holidays(c.region, c.year)
		if !slices.Equal(got, c.want) {
			t.Errorf("Holidays(%s, %d):%s\nwant:%s", c.region, c.year, formatHolidays(got), formatHolidays(c.want))
		}
	}
}

// Invariants of the rules over many years: every holiday is a weekday, no
// two share a date, and each region has its usual number of holidays.
func TestRulesInvariants(t *testing.T) {
	wantCount := map[Region]int{EnglandAndWales: 8, Scotland: 9, NorthernIreland: 10}
	for year := 2029; year <= 2300; year++ {
		for _, r := range Regions {
			hs := Holidays(r, year)
			if len(hs) != wantCount[r] {
				t.Errorf("%s %d: %d holidays, want %d:%s", r, year, len(hs), wantCount[r], formatHolidays(hs))
			}
			seen := map[Date]bool{}
			for i, h := range hs {
				if h.Date.IsWeekend() || seen[h.Date] || h.Date.Year() != year {
					t.Errorf("%s %d: bad holiday %s %s (weekend, repeated or in another year)", r, year, h.Date, h.Title)
				}
				if i > 0 && !hs[i-1].Date.Before(h.Date) {
					t.Errorf("%s %d: holidays out of order at %s", r, year, h.Date)
				}
				seen[h.Date] = true
			}
		}
	}
}

func TestHolidaysReturnsACopy(t *testing.T) {
	hs := Holidays(EnglandAndWales, 2026)
	hs[0].Title = "changed"
	if Holidays(EnglandAndWales, 2026)[0].Title == "changed" {
		t.Fatal("changing the returned slice changed the package's copy")
	}
}

func TestWorkingDays(t *testing.T) {
	ew := EnglandAndWales
	d := MustParseDate
	cases := []struct {
		name     string
		region   Region
		from     string
		n        int
		want     string
		wantNext string // NextWorkingDay(from)
	}{
		{"Monday plus 1", ew, "2026-11-23", 1, "2026-11-24", "2026-11-23"},
		{"Friday plus 1 skips the weekend", ew, "2026-11-20", 1, "2026-11-23", "2026-11-20"},
		{"Friday before a bank-holiday Monday (feed)", ew, "2026-08-28", 1, "2026-09-01", "2026-08-28"},
		{"Friday before Early May Monday (rules)", ew, "2031-05-02", 1, "2031-05-06", "2031-05-02"},
		{"Thursday before Easter (rules)", ew, "2035-03-22", 1, "2035-03-27", "2035-03-22"},
		{"Saturday: next working day is Monday", ew, "2031-05-03", 0, "2031-05-03", "2031-05-06"},
		{"Christmas on a Saturday (rules)", ew, "2032-12-24", 1, "2032-12-29", "2032-12-24"},
		{"Christmas Day on a Saturday is not a working day", ew, "2032-12-25", 0, "2032-12-25", "2032-12-29"},
		{"Scotland keeps Easter Monday as a working day", Scotland, "2035-03-22", 1, "2035-03-26", "2035-03-22"},
		{"Scotland's 2nd January", Scotland, "2036-01-01", 1, "2036-01-03", "2036-01-03"},
		{"two working days back over a weekend", ew, "2026-11-24", -2, "2026-11-20", "2026-11-24"},
		{"back over Christmas", ew, "2026-12-29", -2, "2026-12-23", "2026-12-29"},
		{"ten over Christmas and the new year", ew, "2030-12-20", 10, "2031-01-08", "2030-12-20"},
	}
	for _, c := range cases {
		from := d(c.from)
		if got := c.region.AddWorkingDays(from, c.n); got != d(c.want) {
			t.Errorf("%s: AddWorkingDays(%s, %d) = %s, want %s", c.name, c.from, c.n, got, c.want)
		}
		if got := c.region.NextWorkingDay(from); got != d(c.wantNext) {
			t.Errorf("%s: NextWorkingDay(%s) = %s, want %s", c.name, c.from, got, c.wantNext)
		}
	}

	between := []struct {
		from, to string
		want     int
	}{
		{"2026-11-23", "2026-11-23", 0},
		{"2026-11-23", "2026-11-27", 4},
		{"2026-11-20", "2026-11-23", 1},
		{"2026-11-21", "2026-11-22", 0},
		{"2026-12-24", "2026-12-31", 3},
		{"2026-12-31", "2026-12-24", -3},
		{"2026-01-01", "2027-01-01", 253}, // 260 weekdays after 1 Jan, and Fri 1 Jan 2027; less 7 holidays and 1 Jan 2027
	}
	for _, c := range between {
		if got := ew.WorkingDaysBetween(d(c.from), d(c.to)); got != c.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
}

// AddWorkingDays and WorkingDaysBetween agree, and AddWorkingDays always
// lands on a working day, across the edge of the feed and beyond.
func TestAddAndCountAgree(t *testing.T) {
	for _, r := range Regions {
		for d := MustParseDate("2028-11-01"); d.Before(MustParseDate("2029-02-01")); d = d.AddDays(1) {
			for n := 1; n <= 12; n++ {
				end := r.AddWorkingDays(d, n)
				if !r.IsWorkingDay(end) {
					t.Fatalf("%s: AddWorkingDays(%s, %d) = %s, not a working day", r, d, n, end)
				}
				if got := r.WorkingDaysBetween(d, end); got != n {
					t.Fatalf("%s: WorkingDaysBetween(%s, %s) = %d, want %d", r, d, end, got, n)
				}
			}
		}
	}
}

func TestParseRegion(t *testing.T) {
	for in, want := range map[string]Region{
		"":                   EnglandAndWales,
		"england-and-wales":  EnglandAndWales,
		"Scotland":           Scotland,
		" northern-ireland ": NorthernIreland,
	} {
		got, err := ParseRegion(in)
		if err != nil || got != want {
			t.Errorf("ParseRegion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"wales", "england", "NI", "scotland!"} {
		_, err := ParseRegion(in)
		if err == nil {
			t.Errorf("ParseRegion(%q) succeeded", in)
			continue
		}
		for _, name := range []string{"england-and-wales", "scotland", "northern-ireland"} {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("ParseRegion(%q) error %q does not list %s", in, err, name)
			}
		}
	}
}

func TestZeroRegionIsEnglandAndWales(t *testing.T) {
	var zero Region
	if !slices.Equal(Holidays(zero, 2026), Holidays(EnglandAndWales, 2026)) {
		t.Error("the zero Region does not give England and Wales holidays")
	}
	if zero.Name() != "England and Wales" || Scotland.Name() != "Scotland" {
		t.Errorf("Name() = %q, %q", zero.Name(), Scotland.Name())
	}
}

func TestInvalidRegionPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("an invalid Region was used without a panic")
		}
	}()
	Region("wales").IsWorkingDay(MustParseDate("2026-01-01"))
}

// Many goroutines asking about many years at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for year := 2015; year < 2045; year++ {
				r := Regions[(g+year)%len(Regions)]
				if len(Holidays(r, year)) < 8 {
					t.Errorf("%s %d: too few holidays", r, year)
				}
				r.AddWorkingDays(NewDate(year, time.December, 20), 5)
			}
		}()
	}
	wg.Wait()
}
