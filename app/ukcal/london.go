package ukcal

import (
	"sync"
	"time"
	_ "time/tzdata" // a Windows desk PC has no zoneinfo of its own
)

var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic("the embedded time-zone data has no Europe/London: " + err.Error())
	}
	return loc
})

// London is the clinic's wall-clock zone: appointment times, "today" and
// dates printed on letters are all read in it.
func London() *time.Location { return london() }

// Today is the clinic's date now.
func Today(now time.Time) Date { return DateOf(now.In(London())) }
