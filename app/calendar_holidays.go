package app

import "clinicdesk/app/ukcal"

// ComingBankHolidays lists the region's first n bank holidays from the
// day given on (that day included), as Today and the calendar settings
// show them. The day is the screen's today, so its tests can pin it.
func ComingBankHolidays(r ukcal.Region, from ukcal.Date, n int) []ukcal.Holiday {
	var out []ukcal.Holiday
	// Two years ahead always hold n for the small n the screens ask.
	for year := from.Year(); len(out) < n && year <= from.Year()+2; year++ {
		for _, h := range ukcal.Holidays(r, year) {
			if !h.Date.Before(from) && len(out) < n {
				out = append(out, h)
			}
		}
	}
	return out
}
