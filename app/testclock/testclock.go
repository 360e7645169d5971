// Package testclock is the test suite's one clock, so that no test depends
// on the day it runs. Tests pin their clinics, the CLI's Env.Now and the
// screens to it. Its base is a fixed morning unless CLINICDESK_TEST_NOW
// moves it (CLINICDESK_TEST_NOW=2031-06-15 go test ./...), which runs the
// whole suite as if on that day. Only tests import this package: the
// shipped program never reads the variable (a test in this package checks).
package testclock

import (
	"fmt"
	"os"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Variable is the environment variable that moves the suite's clock: a date
// (YYYY-MM-DD, taken at 10:40 clinic time) or an RFC 3339 instant.
const Variable = "CLINICDESK_TEST_NOW"

// Default is the base when the variable is not set: a Monday morning in
// the clinic, so that a plain `go test` is the same every day it runs.
var Default = time.Date(2026, 11, 23, 10, 40, 0, 0, ukcal.London())

var (
	base    = mustParse(os.Getenv(Variable))
	started = time.Now()
)

// Parse reads a value of the variable; empty is Default.
func Parse(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Default, nil
	}
	if d, err := ukcal.ParseDate(s); err == nil {
		// 10:40 on the clinic's clock, not midnight plus 10h40: on the day
		// the clocks change those differ by an hour.
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 40, 0, 0, ukcal.London()), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s=%q is not a date (YYYY-MM-DD) or an RFC 3339 time", Variable, s)
	}
	return t.In(ukcal.London()), nil
}

func mustParse(s string) time.Time {
	t, err := Parse(s)
	if err != nil {
		// Test-only: a mistyped variable must stop the run, not test today.
		panic(err)
	}
	return t
}

// Base is the suite's pinned instant, in clinic time.
func Base() time.Time { return base }

// Now is Base moved on by the real time since the test binary started: a
// clock that runs like a real one (so timestamps still go forward) on the
// pinned day. Use it wherever a test or what it tests needs "now".
func Now() time.Time { return base.Add(time.Since(started)) }

// Today is the clinic date of Base.
func Today() ukcal.Date { return ukcal.Today(base) }

// WorkingMorning is Base, or when Base falls on a weekend or an England
// and Wales bank holiday the next working day at the same time: for tests
// of a day the clinic is open (a full diary, a morning's list).
func WorkingMorning() time.Time {
	d := ukcal.EnglandAndWales.NextWorkingDay(Today())
	return At(d)
}

// At is the given clinic date at the time of day of Base: a pinned clock
// for a test that needs a particular day relative to Today.
func At(d ukcal.Date) time.Time {
	h, m, s := base.Clock()
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, s, 0, ukcal.London())
}
