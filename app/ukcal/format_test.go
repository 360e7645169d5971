package ukcal

import (
	"testing"
	"time"
)

func TestDateForms(t *testing.T) {
	d := MustParseDate("2026-03-01")
	for _, c := range []struct{ got, want string }{
		{d.Short(), "01/03/2026"},
		{d.Long(), "1 March 2026"},
		{d.LongWithDay(), "Sunday 1 March 2026"},
		{d.Format(LayoutShortWithDay), "Sun 01/03/2026"},
		{d.Format(LayoutColumn), "Sun 01/03"},
		{d.Format(LayoutBrief), "Sun 1 Mar"},
		{d.Format(LayoutDayMonth), "1 March"},
		{d.Format(LayoutDayMonthWithDay), "Sunday 1 March"},
		{d.Format(LayoutMonth), "March 2026"},
		{MustParseDate("1899-12-25").Long(), "25 December 1899"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	var none Date
	if none.Short() != "" || none.Long() != "" || none.LongWithDay() != "" || none.Format(LayoutMonth) != "" {
		t.Error("no date is not written as an empty string")
	}
}

// An instant is written as the clinic's wall clock shows it, whatever zone
// the time value carries: 08:30 UTC in July is 09:30 in London.
func TestWallForms(t *testing.T) {
	summer := time.Date(2026, time.July, 1, 8, 30, 5, 0, time.UTC)
	winter := time.Date(2026, time.December, 1, 8, 30, 5, 0, time.FixedZone("EST", -5*3600))
	for _, c := range []struct{ got, want string }{
		{WallClock(summer), "09:30"},
		{WallDateTime(summer), "01/07/2026 09:30"},
		{WallDateTimeSeconds(summer), "01/07/2026 09:30:05"},
		{WallDateTime(winter), "01/12/2026 13:30"},
		{FormatWall(summer, LayoutFileStamp), "20260701-0930"},
		{WallDate(time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC)).Short(), "01/07/2026"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if WallClock(time.Time{}) != "" || WallDateTime(time.Time{}) != "" {
		t.Error("the zero time is not written as an empty string")
	}
}

// Midnight on the clinic's clock, across both clock changes.
func TestLondonMidnight(t *testing.T) {
	for _, c := range []struct{ day, utc string }{
		{"2026-03-29", "2026-03-29T00:00:00Z"}, // the clocks go forward at 01:00
		{"2026-07-01", "2026-06-30T23:00:00Z"},
		{"2026-10-25", "2026-10-24T23:00:00Z"}, // and back at 02:00 BST
		{"2026-12-01", "2026-12-01T00:00:00Z"},
	} {
		got := MustParseDate(c.day).LondonMidnight()
		if got.UTC().Format(time.RFC3339) != c.utc || WallDate(got) != MustParseDate(c.day) {
			t.Errorf("LondonMidnight(%s) = %v, want %s", c.day, got.UTC(), c.utc)
		}
	}
}
