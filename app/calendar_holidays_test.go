package app

import (
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// The coming holidays run on into the next year, the first day included,
// each region with its own.
func TestComingBankHolidaysRunIntoTheNextYear(t *testing.T) {
	from := ukcal.NewDate(2026, time.December, 25)
	got := ComingBankHolidays(ukcal.EnglandAndWales, from, 3)
	if len(got) != 3 || got[0].Date != from || got[2].Date.Year() != 2027 {
		t.Fatalf("from Christmas Day: %+v", got)
	}
	scot := ComingBankHolidays(ukcal.Scotland, from, 4)
	eng := ComingBankHolidays(ukcal.EnglandAndWales, from, 4)
	if scot[3] == eng[3] {
		t.Errorf("Scotland's fourth is England's: %+v", scot[3])
	}
}
