package ukcal

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Lean says which way a date field faces, which decides what a word or a
// short year means: a booking or a follow-up looks ahead, a date of birth
// looks back.
type Lean int

const (
	// Ahead is for bookings and follow-ups: "tomorrow", weekdays and
	// "+3d" count forward, a two-digit year is 20yy, and a day and month
	// with no year is the next such day (today included).
	Ahead Lean = iota
	// Behind is for dates of birth: "yesterday" is allowed, a two-digit
	// year takes the century that keeps the date out of the future, and a
	// day and month with no year is the last such day (today included).
	Behind
)

// ErrNoSpokenDate is returned for an empty field.
var ErrNoSpokenDate = errors.New("type a date")

// SpokenAheadHelp and SpokenBehindHelp say what each kind of field takes,
// for the messages under a field.
const (
	SpokenAheadHelp  = "today, tomorrow, a weekday (tuesday), +3d, 2w, 1m or a date (25/12/26)"
	SpokenBehindHelp = "a date such as 25/12/02 or 25/12/2002"
)

// ParseSpoken reads a date typed the way people say it, counting from
// today (the caller's clock: this package has none). Case and surrounding
// spaces do not matter. It accepts:
//
//	today, tomorrow (Ahead), yesterday (Behind)
//	monday … sunday, mon, tue, tues, wed, weds, thu, thur, thurs, …, and
//	"next tuesday" (Ahead): the next such day strictly after today
//	+3d, 3d, 2w, +1m, "3 days", "2 weeks" (Ahead)
//	25/12/2026, 5/1/26, 25-12-26, 25.12.26, 2026-12-25
//	25 dec, 25 December 2026, 25th dec 26
//
// The error names what was typed and what the field accepts.
func ParseSpoken(text string, today Date, lean Lean) (Date, error) {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if s == "" {
		return Date{}, ErrNoSpokenDate
	}
	if today.IsZero() {
		return Date{}, errors.New("there is no today to count from")
	}
	if d, ok, err := parseNumeric(s, today, lean); ok {
		return d, err
	}
	if d, ok, err := parseDayMonth(s, today, lean); ok {
		return d, err
	}
	if lean == Behind {
		switch s {
		case "today":
			return today, nil
		case "yesterday":
			return today.AddDays(-1), nil
		}
		return Date{}, notADate(text, lean)
	}
	switch s {
	case "today", "tdy":
		return today, nil
	case "tomorrow", "tmrw", "tmw", "tomorow", "tommorow", "tommorrow":
		return today.AddDays(1), nil
	}
	switch s {
	case "next week":
		return today.AddDays(7), nil
	case "next month":
		return today.AddMonths(1), nil
	}
	if d, ok := parseOffset(s, today); ok {
		return d, nil
	}
	if wd, ok := weekdayNamed(strings.TrimPrefix(s, "next ")); ok {
		// "tuesday" on a Tuesday is a week today, not today: at the desk
		// "see you Tuesday" said on a Tuesday means next week's, and a
		// practice manager reads "next Tuesday" the same way.
		n := (int(wd)-int(today.Weekday())+6)%7 + 1
		return today.AddDays(n), nil
	}
	return Date{}, notADate(text, lean)
}

// SpokenHelp is what a field of that lean accepts, in words.
func SpokenHelp(lean Lean) string {
	if lean == Behind {
		return SpokenBehindHelp
	}
	return SpokenAheadHelp
}

func notADate(text string, lean Lean) error {
	return fmt.Errorf("%q is not a date ClinicDesk can read: type %s", strings.TrimSpace(text), SpokenHelp(lean))
}

// parseNumeric reads dd/mm/yy(yy) with / - or . between, and ISO
// yyyy-mm-dd. ok is false when s is not shaped like one at all.
func parseNumeric(s string, today Date, lean Lean) (d Date, ok bool, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || strings.ContainsAny(s, " ") {
		return Date{}, false, nil
	}
	var n [3]int
	for i, p := range parts {
		if !allDigits(p) || len(p) > 4 {
			return Date{}, false, nil
		}
		n[i], _ = strconv.Atoi(p)
	}
	if len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2 {
		// ISO: 2026-12-25.
		if _, err := fullYear(s, parts[0], n[0], n[1], n[2], today, lean); err != nil {
			return Date{}, true, err
		}
		d, err := exactDate(s, n[0], n[1], n[2])
		return d, true, err
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return Date{}, true, fmt.Errorf("%q is not a date ClinicDesk can read: write the day, month and year, such as 25/12/26", s)
	}
	year, err := fullYear(s, parts[2], n[2], n[1], n[0], today, lean)
	if err != nil {
		return Date{}, true, err
	}
	d, err = exactDate(s, year, n[1], n[0])
	return d, true, err
}

// parseDayMonth reads "25 dec", "25th December 2026", "25 dec 26".
func parseDayMonth(s string, today Date, lean Lean) (d Date, ok bool, err error) {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 3 {
		return Date{}, false, nil
	}
	dayText := strings.TrimRight(f[0], "stndrh")
	if !allDigits(dayText) || len(dayText) > 2 || len(f[0])-len(dayText) > 2 {
		return Date{}, false, nil
	}
	month, found := monthNamed(f[1])
	if !found {
		return Date{}, false, nil
	}
	day, _ := strconv.Atoi(dayText)
	if len(f) == 3 {
		if !allDigits(f[2]) || (len(f[2]) != 2 && len(f[2]) != 4) {
			return Date{}, true, fmt.Errorf("%q is not a date ClinicDesk can read: the year has two or four digits, such as 26 or 2026", s)
		}
		y, _ := strconv.Atoi(f[2])
		year, err := fullYear(s, f[2], y, int(month), day, today, lean)
		if err != nil {
			return Date{}, true, err
		}
		d, err := exactDate(s, year, int(month), day)
		return d, true, err
	}
	// No year: the next such day looking ahead, the last one looking back.
	// 29 February is the next (or last) leap year's.
	step := 1
	if lean == Behind {
		step = -1
	}
	for i := 0; i <= 8; i++ {
		y := today.Year() + step*i
		if !isRealDate(y, int(month), day) {
			continue
		}
		d := NewDate(y, month, day)
		if (lean == Ahead && !d.Before(today)) || (lean == Behind && !d.After(today)) {
			return d, true, nil
		}
	}
	d, err = exactDate(s, today.Year(), int(month), day)
	return d, true, err
}

// parseOffset reads +3d, 3d, 2w, +1m, "3 days", "in 2 weeks".
func parseOffset(s string, today Date) (Date, bool) {
	s = strings.TrimPrefix(s, "in ")
	s = strings.TrimPrefix(s, "+")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return Date{}, false
	}
	n, _ := strconv.Atoi(s[:i])
	switch strings.TrimSpace(s[i:]) {
	case "d", "day", "days":
		return today.AddDays(n), true
	case "w", "wk", "wks", "week", "weeks":
		return today.AddDays(7 * n), true
	case "m", "mo", "mth", "mths", "month", "months":
		// A calendar month, clamped to the month's end: 31 January + 1m
		// is the last day of February.
		return today.AddMonths(n), true
	}
	return Date{}, false
}

// fullYear turns the year as typed into a four-digit year. Ahead, 26 is
// 2026; Behind, the century is the one that keeps the date from being
// after today (on 6/12/2026: 02 is 2002, 30 is 1930).
func fullYear(s, text string, y, month, day int, today Date, lean Lean) (int, error) {
	switch len(text) {
	case 4:
		if y < 1800 || y > 2999 {
			return 0, fmt.Errorf("%q: the year %d is out of range", s, y)
		}
		return y, nil
	case 2:
		year := 2000 + y
		if lean == Behind {
			year = today.Year()/100*100 + y
			if isRealDate(year, month, day) && NewDate(year, time.Month(month), day).After(today) {
				year -= 100
			} else if !isRealDate(year, month, day) && year > today.Year() {
				year -= 100
			}
		}
		return year, nil
	}
	return 0, fmt.Errorf("%q is not a date ClinicDesk can read: the year has two or four digits, such as 26 or 2026", s)
}

// exactDate is the date, or says why there is no such day.
func exactDate(s string, year, month, day int) (Date, error) {
	if month < 1 || month > 12 {
		return Date{}, fmt.Errorf("%q is not a date: there is no month %d", s, month)
	}
	if day < 1 {
		return Date{}, fmt.Errorf("%q is not a date: there is no day %d", s, day)
	}
	if !isRealDate(year, month, day) {
		return Date{}, fmt.Errorf("%q is not a date: %s %d has %d days", s, time.Month(month), year, daysIn(year, time.Month(month)))
	}
	return NewDate(year, time.Month(month), day), nil
}

func isRealDate(year, month, day int) bool {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, time.Month(month))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// weekdayNamed reads a weekday's name or any start of it from three
// letters ("tue", "tues", "wednes"), and the common "weds".
func weekdayNamed(s string) (time.Weekday, bool) {
	if s == "weds" {
		return time.Wednesday, true
	}
	if len(s) < 3 {
		return 0, false
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if strings.HasPrefix(strings.ToLower(wd.String()), s) {
			return wd, true
		}
	}
	return 0, false
}

// monthNamed reads a month's name or any start of it from three letters
// ("dec", "sept", "december").
func monthNamed(s string) (time.Month, bool) {
	s = strings.TrimSuffix(s, ",")
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return m, true
		}
	}
	return 0, false
}
