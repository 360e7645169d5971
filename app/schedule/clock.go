package schedule

import (
	"fmt"
	"time"

	"clinicdesk/app/ukcal"
)

// Clock is a wall-clock time of day in minutes after midnight, from 0
// (00:00) to EndOfDay (24:00, only ever the end of something).
type Clock int

// Noon divides mornings from afternoons.
const Noon Clock = 12 * 60

// EndOfDay is midnight at the end of the day, "24:00": the end of hours that
// run to midnight. No appointment starts at it.
const EndOfDay Clock = 24 * 60

// ParseClock reads a 24-hour time, "09:05" or "9:05": one or two digits of
// hour, a colon, exactly two digits of minute. Hours above 23 are refused
// except exactly "24:00", which is EndOfDay.
func ParseClock(s string) (Clock, error) {
	bad := fmt.Errorf("%q is not a time in the form HH:MM (24-hour clock)", s)
	n := len(s)
	if n != 4 && n != 5 || s[n-3] != ':' {
		return 0, bad
	}
	hour, ok1 := digits(s[:n-3])
	minute, ok2 := digits(s[n-2:])
	if !ok1 || !ok2 || minute > 59 {
		return 0, bad
	}
	c := Clock(hour*60 + minute)
	if c > EndOfDay {
		return 0, bad
	}
	return c, nil
}

// digits reads one or two ASCII digits (strconv.Atoi would also take signs).
func digits(s string) (int, bool) {
	n := 0
	for _, r := range []byte(s) {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, len(s) > 0
}

// MustParseClock is ParseClock for constants in code and tests; it panics
// on a bad time.
func MustParseClock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// String returns the time as "HH:MM", e.g. "09:05"; EndOfDay is "24:00".
func (c Clock) String() string {
	return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60)
}

// Valid reports whether c is a time of day from 00:00 to 24:00.
func (c Clock) Valid() bool { return c >= 0 && c <= EndOfDay }

// Add returns the time the given number of minutes later.
func (c Clock) Add(minutes int) Clock { return c + Clock(minutes) }

// At returns the instant of wall-clock time c on date d in the clinic's zone
// (ukcal.London). A 09:00 appointment is 09:00 London time whatever the
// season, so its UTC hour moves at the clock changes. A time that does not
// exist (01:30 on the spring-forward Sunday) is resolved the way time.Date
// resolves it; 24:00 is midnight at the start of the next day.
func At(d ukcal.Date, c Clock) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, int(c), 0, 0, ukcal.London())
}
