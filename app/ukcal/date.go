// Package ukcal is ClinicDesk's one place for UK dates and times: the Date
// type (stored as YYYY-MM-DD through Scan/Value), its UK forms and parsers
// (23/11/2026, "23 November 2026", what people type in a date box), the
// clinic's zone Europe/London built into the program, bank holidays (the
// embedded GOV.UK feed, and the statutory rules for years beyond it), working
// days, and the deadline arithmetic of SPEC §4.3–§4.6.
//
// The rules work on plain calendar dates (Date), never on instants, so no
// answer can shift with a time zone or a clock change; an instant becomes a
// date only on the clinic's wall clock (WallDate).
package ukcal

import (
	"fmt"
	"time"
)

// DateLayout is the only text form of a Date: ISO 8601, e.g. "2026-11-23".
const DateLayout = "2006-01-02"

// Date is a calendar date with no time of day and no time zone. The zero
// value is "no date" (IsZero reports it); every other value is a real,
// normalised date, so == and map keys work as expected.
type Date struct {
	year  int
	month time.Month
	day   int
}

// NewDate returns the date year-month-day. Out-of-range parts are normalised
// the way time.Date does it (31 April becomes 1 May); use ParseDate to reject
// them instead.
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location. Convert t to the
// clinic's zone (Europe/London) first when it is an instant such as time.Now.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: y, month: m, day: d}
}

// ParseDate parses "YYYY-MM-DD" strictly: four-digit year, two-digit month
// and day, a day that exists in that month, nothing before or after.
func ParseDate(s string) (Date, error) {
	// Every stored appointment's date is read through here, so the
	// canonical form is read by hand rather than by time.Parse.
	if d, ok := parseISO(s); ok {
		return d, nil
	}
	return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
}

// parseISO reads exactly "YYYY-MM-DD" naming a day that exists.
func parseISO(s string) (Date, bool) {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return Date{}, false
		}
		n = n*10 + int(c-'0')
	}
	year, month, day := n/10000, time.Month(n/100%100), n%100
	if month < time.January || month > time.December || day < 1 || day > daysIn(year, month) {
		return Date{}, false
	}
	return Date{year: year, month: month, day: day}, true
}

// MustParseDate is ParseDate for constants in code and tests; it panics on a
// bad date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Year, Month and Day return the parts of the date.
func (d Date) Year() int         { return d.year }
func (d Date) Month() time.Month { return d.month }
func (d Date) Day() int          { return d.day }

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// IsWeekend reports whether the date is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// Time returns midnight UTC at the start of the date, for formatting
// (d.Time().Format("Monday 2 January 2006")) and for storage as a timestamp.
func (d Date) Time() time.Time {
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n calendar days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return NewDate(d.year, d.month, d.day+n) }

// AddMonths returns the same day of the month n calendar months later, or the
// last day of that month where it has no such day (31 January + 1 month is
// 28 or 29 February), as the complaint and subject-access rules count months.
func (d Date) AddMonths(n int) Date {
	first := NewDate(d.year, d.month+time.Month(n), 1)
	return NewDate(first.year, first.month, min(d.day, daysIn(first.year, first.month)))
}

const secondsPerDay = 24 * 60 * 60

// daysIn returns the number of days in the month.
func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.year != o.year:
		return cmpInt(d.year, o.year)
	case d.month != o.month:
		return cmpInt(int(d.month), int(o.month))
	}
	return cmpInt(d.day, o.day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before and After compare two dates.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }
func (d Date) After(o Date) bool  { return d.Compare(o) > 0 }

// DaysUntil returns the number of calendar days from d to o (negative when o
// is earlier).
func (d Date) DaysUntil(o Date) int {
	// Unix seconds, not time.Duration, which overflows after 292 years. Both
	// are UTC midnights, so the difference is a whole number of days.
	return int((o.Time().Unix() - d.Time().Unix()) / secondsPerDay)
}

// String returns "YYYY-MM-DD" (the empty string for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.year < 0 || d.year > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", d.year, int(d.month), d.day)
	}
	// By hand: every appointment saved or listed by date is written here.
	b := [10]byte{'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'}
	put := func(at, width, v int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, 4, d.year)
	put(5, 2, int(d.month))
	put(8, 2, d.day)
	return string(b[:])
}

// MarshalText writes "YYYY-MM-DD", so a Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "YYYY-MM-DD"; the empty string is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	parsed, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// AgeOn is the age in whole years on d of someone born on dob: a birthday
// counts from its day (29 February birthdays from 1 March in other years).
func AgeOn(dob, d Date) int {
	age := d.Year() - dob.Year()
	if d.Month() < dob.Month() || (d.Month() == dob.Month() && d.Day() < dob.Day()) {
		age--
	}
	return age
}
