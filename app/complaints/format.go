package complaints

import "clinicdesk/app/ukcal"

// longDate writes a date as letters and messages do: "Monday 23 November 2026".
func longDate(d ukcal.Date) string {
	if d.IsZero() {
		return "(no date)"
	}
	return d.LongWithDay()
}
