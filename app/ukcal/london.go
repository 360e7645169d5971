package ukcal

import (
	_ "embed"
	"sync"
	"time"
)

// londonTZif is Europe/London as Go 1.26 ships it (tzdata 2025c, from
// $GOROOT/lib/time/zoneinfo.zip). It is read from these bytes, never from
// the PC: a Windows desk has no zone database, and a clinic's wall clock must
// not depend on what the machine has installed or on its own time zone.
//
//go:embed zoneinfo/Europe-London
var londonTZif []byte

var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocationFromTZData("Europe/London", londonTZif)
	if err != nil {
		panic("the embedded Europe/London zone cannot be read: " + err.Error())
	}
	return loc
})

// London is the clinic's wall-clock zone: appointment times, "today" and
// dates printed on letters are all read in it.
func London() *time.Location { return london() }

// Wall is the instant t on the clinic's wall clock.
func Wall(t time.Time) time.Time { return t.In(London()) }

// WallDate is the clinic's calendar date at the instant t.
func WallDate(t time.Time) Date { return DateOf(Wall(t)) }

// Today is the clinic's date now.
func Today(now time.Time) Date { return WallDate(now) }

// LondonMidnight is the instant the date begins on the clinic's wall clock.
func (d Date) LondonMidnight() time.Time {
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, London())
}
