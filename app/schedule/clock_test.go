package schedule

import (
	"strings"
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	good := map[string]Clock{
		"00:00": 0,
		"0:00":  0,
		"09:05": 9*60 + 5,
		"9:05":  9*60 + 5,
		"12:00": Noon,
		"23:59": 23*60 + 59,
		"24:00": EndOfDay,
	}
	for in, want := range good {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", "9", "905", "0905", "9:5", "09:5", "009:05", "09:60", "24:01", "25:00", "99:99",
		" 9:05", "9:05 ", "+9:05", "-1:00", "09.05", "09:05:00", "９:05", "ab:cd", "9:0x",
	} {
		if c, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) = %v; want an error", in, c)
		}
	}
}

func TestClockString(t *testing.T) {
	for c, want := range map[Clock]string{0: "00:00", 9*60 + 5: "09:05", 13*60 + 30: "13:30", EndOfDay: "24:00"} {
		if got := c.String(); got != want {
			t.Errorf("Clock(%d).String() = %q, want %q", int(c), got, want)
		}
	}
	if got := span("09:00", "09:20").String(); got != "09:00–09:20" {
		t.Errorf("Span.String() = %q", got)
	}
}

func TestAtIsLondonWallClock(t *testing.T) {
	for _, c := range []struct {
		day     string
		time    string
		utcHour int
	}{
		{"2026-11-23", "09:00", 9}, // GMT
		{"2026-07-01", "09:00", 8}, // BST
		{"2026-03-29", "09:00", 8}, // the morning the clocks have gone forward
		{"2026-10-25", "09:00", 9}, // the morning they have gone back
	} {
		at := At(date(c.day), clk(c.time))
		if london := at.In(londonZone(t)); london.Format("2006-01-02 15:04") != c.day+" "+c.time {
			t.Errorf("At(%s, %s) = %v in London", c.day, c.time, london)
		}
		if at.UTC().Hour() != c.utcHour {
			t.Errorf("At(%s, %s) = %v UTC, want hour %d", c.day, c.time, at.UTC(), c.utcHour)
		}
	}
	if !At(date("2026-11-23"), EndOfDay).Equal(At(date("2026-11-24"), 0)) {
		t.Error("24:00 is not midnight at the start of the next day")
	}
}

func londonZone(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// Whatever the input, ParseClock does not panic; what it accepts is a valid
// time that prints back to the same text (give or take the hour's leading
// zero) and parses again to the same Clock.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"09:05", "9:05", "24:00", "24:01", "", ":", "1:1", "00:00", "23:59", "-0:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if !c.Valid() {
			t.Fatalf("ParseClock(%q) = %d, not a time of day", s, int(c))
		}
		printed := c.String()
		if printed != s && printed != "0"+s {
			t.Fatalf("ParseClock(%q) prints as %q", s, printed)
		}
		if again, err := ParseClock(printed); err != nil || again != c {
			t.Fatalf("%q does not round-trip: %v, %v", printed, again, err)
		}
		if strings.Count(printed, ":") != 1 || len(printed) != 5 {
			t.Fatalf("String() = %q is not HH:MM", printed)
		}
	})
}

func TestWeekHoursJoinsAndDescribes(t *testing.T) {
	var w WeekHours
	w[time.Monday] = []Span{span("13:30", "17:00"), span("09:00", "12:00"), span("12:00", "12:30"), span("10:00", "09:00")}
	got := w.On(time.Monday)
	want := []Span{span("09:00", "12:30"), span("13:30", "17:00")}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("On(Monday) = %v, want %v (touching spans joined, the backwards one dropped)", got, want)
	}
	if d := w.Describe(time.Monday); d != "09:00–12:30 and 13:30–17:00" {
		t.Errorf("Describe = %q", d)
	}
	if !w.Covers(time.Monday, span("11:50", "12:10")) {
		t.Error("a span across two touching spans is not covered")
	}
	if w.Covers(time.Monday, span("12:20", "13:40")) {
		t.Error("a span across the break is covered")
	}
	if w.Works(time.Tuesday) || !w.Works(time.Monday) || w.IsZero() || !(WeekHours{}).IsZero() {
		t.Error("Works/IsZero are wrong")
	}
}
