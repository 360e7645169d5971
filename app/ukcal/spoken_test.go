package ukcal

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fixed days, so no test depends on the day it runs: a Monday (the
// suite's pinned clock, app/testclock.Default), a Tuesday and a Sunday.
var (
	monday23Nov  = MustParseDate("2026-11-23")
	tuesday24Nov = MustParseDate("2026-11-24")
	sunday6Dec   = MustParseDate("2026-12-06")
)

func TestTuesdayMeansTheNextTuesday(t *testing.T) {
	for _, tc := range []struct {
		today Date
		typed string
		want  string
	}{
		{monday23Nov, "tuesday", "2026-11-24"},
		{monday23Nov, "Tue", "2026-11-24"},
		{monday23Nov, "  TUES ", "2026-11-24"},
		{monday23Nov, "next tuesday", "2026-11-24"},
		// On a Tuesday, "tuesday" is a week later, never today.
		{tuesday24Nov, "tuesday", "2026-12-01"},
		{tuesday24Nov, "next Tuesday", "2026-12-01"},
		{sunday6Dec, "tuesday", "2026-12-08"},
		{sunday6Dec, "sunday", "2026-12-13"},
		{sunday6Dec, "mon", "2026-12-07"},
		{sunday6Dec, "weds", "2026-12-09"},
		{sunday6Dec, "thurs", "2026-12-10"},
		{sunday6Dec, "Saturday", "2026-12-12"},
	} {
		got, err := ParseSpoken(tc.typed, tc.today, Ahead)
		if err != nil || got.String() != tc.want {
			t.Errorf("on %s %s, %q = %s, %v; want %s", tc.today.Weekday(), tc.today, tc.typed, got, err, tc.want)
		}
	}
}

func TestSpokenDatesForBookingsAndFollowUps(t *testing.T) {
	jan31 := MustParseDate("2027-01-31")
	for _, tc := range []struct {
		today Date
		typed string
		want  string
	}{
		{sunday6Dec, "today", "2026-12-06"},
		{sunday6Dec, "Tomorrow", "2026-12-07"},
		{sunday6Dec, "+3d", "2026-12-09"},
		{sunday6Dec, "3d", "2026-12-09"},
		{sunday6Dec, "3 days", "2026-12-09"},
		{sunday6Dec, "in 3 days", "2026-12-09"},
		{sunday6Dec, "+2w", "2026-12-20"},
		{sunday6Dec, "2w", "2026-12-20"},
		{sunday6Dec, "2 weeks", "2026-12-20"},
		{sunday6Dec, "next week", "2026-12-13"},
		{sunday6Dec, "+1m", "2027-01-06"},
		{sunday6Dec, "1m", "2027-01-06"},
		// A calendar month, clamped to the month's end.
		{jan31, "1m", "2027-02-28"},
		{jan31, "+13m", "2028-02-29"},
		{sunday6Dec, "+0d", "2026-12-06"},
		{sunday6Dec, "25/12/2026", "2026-12-25"},
		{sunday6Dec, "5/1/27", "2027-01-05"},
		{sunday6Dec, "25-12-26", "2026-12-25"},
		{sunday6Dec, "25.12.26", "2026-12-25"},
		{sunday6Dec, "2026-12-25", "2026-12-25"},
		{sunday6Dec, "25 dec", "2026-12-25"},
		{sunday6Dec, "25th Dec", "2026-12-25"},
		{sunday6Dec, "1 jan", "2027-01-01"},
		{sunday6Dec, "6 dec", "2026-12-06"},
		{sunday6Dec, "25 December 2026", "2026-12-25"},
		{sunday6Dec, "3 sept 27", "2027-09-03"},
		{sunday6Dec, "29 feb", "2028-02-29"},
		// A two-digit year at the desk is this century, even one gone by:
		// a follow-up can be recorded for a day already past.
		{sunday6Dec, "01/02/99", "2099-02-01"},
		{sunday6Dec, "01/02/20", "2020-02-01"},
	} {
		got, err := ParseSpoken(tc.typed, tc.today, Ahead)
		if err != nil || got.String() != tc.want {
			t.Errorf("on %s, %q = %s, %v; want %s", tc.today, tc.typed, got, err, tc.want)
		}
	}
}

func TestTwoDigitYearsInADateOfBirthAreNeverInTheFuture(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"25/12/02", "2002-12-25"},
		{"25/12/30", "1930-12-25"},
		{"25/12/26", "1926-12-25"}, // this year's 25 December is still to come
		{"06/12/26", "2026-12-06"}, // born today
		{"07/12/26", "1926-12-07"},
		{"1/1/00", "2000-01-01"},
		{"31-12-99", "1999-12-31"},
		{"29.02.24", "2024-02-29"},
		{"25/12/2030", "2030-12-25"}, // four digits are taken as written
		{"25 dec 02", "2002-12-25"},
		{"yesterday", "2026-12-05"},
	} {
		got, err := ParseSpoken(tc.typed, sunday6Dec, Behind)
		if err != nil || got.String() != tc.want {
			t.Errorf("date of birth %q on %s = %s, %v; want %s", tc.typed, sunday6Dec, got, err, tc.want)
		}
	}
	// Every two-digit year, on a few days of the year: never after today,
	// never a century or more ago.
	for _, today := range []Date{sunday6Dec, MustParseDate("2026-01-01"), MustParseDate("2099-12-31"), MustParseDate("2100-03-01")} {
		for yy := 0; yy < 100; yy++ {
			for _, dm := range []string{"01/01/", "06/12/", "31/12/", "15/06/"} {
				typed := dm + string(rune('0'+yy/10)) + string(rune('0'+yy%10))
				got, err := ParseSpoken(typed, today, Behind)
				if err != nil {
					t.Fatalf("%q on %s: %v", typed, today, err)
				}
				if got.After(today) || !got.After(today.AddMonths(-1200)) {
					t.Errorf("%q on %s = %s: not in the hundred years up to today", typed, today, got)
				}
			}
		}
	}
}

func TestUnreadableDatesSayWhatWasTypedAndWhatIsAccepted(t *testing.T) {
	for _, tc := range []struct {
		typed string
		lean  Lean
		want  []string
	}{
		{"31/02/26", Ahead, []string{`"31/02/26"`, "February 2026 has 28 days"}},
		{"29/02/27", Ahead, []string{`"29/02/27"`, "February 2027 has 28 days"}},
		{"12/13/26", Ahead, []string{`"12/13/26"`, "no month 13"}},
		{"0/12/26", Ahead, []string{"no day 0"}},
		{"tuesdy", Ahead, []string{`"tuesdy"`, "tomorrow", "tuesday", "+3d", "25/12/26"}},
		{"Friday week", Ahead, []string{`"Friday week"`, "tomorrow"}},
		// Yesterday is no day for a booking or a follow-up.
		{"yesterday", Ahead, []string{`"yesterday"`, "tomorrow"}},
		// A date of birth is not said as a weekday or a count of days.
		{"tuesday", Behind, []string{`"tuesday"`, "25/12/02"}},
		{"+3d", Behind, []string{`"+3d"`, "25/12/02"}},
		{"25/12/202", Ahead, []string{"two or four digits"}},
		{"25/12/0002", Ahead, []string{"out of range"}},
		{"31 feb", Ahead, []string{"February"}},
	} {
		_, err := ParseSpoken(tc.typed, sunday6Dec, tc.lean)
		if err == nil {
			t.Errorf("%q was read as a date", tc.typed)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: message %q does not say %q", tc.typed, err, w)
			}
		}
	}
	if _, err := ParseSpoken("   ", sunday6Dec, Ahead); !errors.Is(err, ErrNoSpokenDate) {
		t.Errorf("an empty field: %v, want ErrNoSpokenDate", err)
	}
}

func FuzzParseSpoken(f *testing.F) {
	for _, s := range []string{
		"today", "tomorrow", "yesterday", "tuesday", "next tue", "+3d", "2w", "1m", "999m",
		"25/12/02", "31/02/26", "2026-12-25", "25 December 2026", "25th dec", "29 feb",
		"1.1.1", "//", "--", "9999-99-99", "+", "in ", "next ", "0/0/0", "25 dec 0002", "tuesdy", "\xff",
	} {
		f.Add(s, int64(0), false)
		f.Add(s, int64(40000), true)
	}
	f.Fuzz(func(t *testing.T, typed string, offset int64, behind bool) {
		today := sunday6Dec.AddDays(int(offset % 200000))
		lean := Ahead
		if behind {
			lean = Behind
		}
		got, err := ParseSpoken(typed, today, lean)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.ValidString(typed) {
				t.Errorf("%q: the message is not text: %q", typed, err)
			}
			return
		}
		if got.IsZero() || got.Month() < time.January || got.Month() > time.December {
			t.Errorf("%q on %s gave %v", typed, today, got)
		}
		if lean == Behind && got.After(today) && strings.Count(typed, "/")+strings.Count(typed, "-")+strings.Count(typed, ".") == 2 {
			// Only a four-digit year may put a date of birth in the future.
			parts := strings.FieldsFunc(typed, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
			if len(parts) == 3 && len(strings.TrimSpace(parts[2])) == 2 && len(strings.TrimSpace(parts[0])) <= 2 {
				t.Errorf("date of birth %q on %s is in the future: %s", typed, today, got)
			}
		}
	})
}
