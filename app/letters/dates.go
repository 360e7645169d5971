package letters

import "time"

// LongDate writes t's calendar date the way UK letters do: "23 November 2026".
// The date is read in t's own location; pass clinic (Europe/London) time.
func LongDate(t time.Time) string {
	return t.Format("2 January 2006")
}

// LongDateWithDay is LongDate with the weekday: "Monday 23 November 2026".
func LongDateWithDay(t time.Time) string {
	return t.Format("Monday 2 January 2006")
}
