package ukcal

import "time"

// The UK forms of dates and times, each written once. A front desk reads
// dates day first; letters and sentences spell the month out.
const (
	LayoutShort           = "02/01/2006"            // 23/11/2026
	LayoutShortWithDay    = "Mon 02/01/2006"        // Mon 23/11/2026
	LayoutColumn          = "Mon 02/01"             // Mon 23/11, a diary column's title
	LayoutBrief           = "Mon 2 Jan"             // Mon 23 Nov
	LayoutLong            = "2 January 2006"        // 23 November 2026
	LayoutLongWithDay     = "Monday 2 January 2006" // Monday 23 November 2026
	LayoutDayMonth        = "2 January"             // 23 November
	LayoutDayMonthWithDay = "Monday 2 January"      // Monday 23 November
	LayoutMonth           = "January 2006"          // November 2026
	LayoutClock           = "15:04"                 // 09:05
	LayoutDateTime        = LayoutShort + " " + LayoutClock
	LayoutDateTimeSeconds = LayoutDateTime + ":05"
	LayoutFileStamp       = "20060102-1504" // in file names: sorts by time
	LayoutFileDay         = "20060102"
)

// Format writes the date in one of the layouts above ("" for no date).
func (d Date) Format(layout string) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(layout)
}

// Short is "23/11/2026", the form a front desk writes and types.
func (d Date) Short() string { return d.Format(LayoutShort) }

// Long is "23 November 2026", the form letters print.
func (d Date) Long() string { return d.Format(LayoutLong) }

// LongWithDay is "Monday 23 November 2026".
func (d Date) LongWithDay() string { return d.Format(LayoutLongWithDay) }

// FormatWall writes the instant t, read on the clinic's wall clock, in one
// of the layouts above ("" for the zero time).
func FormatWall(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return Wall(t).Format(layout)
}

// WallClock is the clinic's time of day at t: "09:05".
func WallClock(t time.Time) string { return FormatWall(t, LayoutClock) }

// WallDateTime is "23/11/2026 09:05" on the clinic's wall clock.
func WallDateTime(t time.Time) string { return FormatWall(t, LayoutDateTime) }

// WallDateTimeSeconds is "23/11/2026 09:05:30" on the clinic's wall clock.
func WallDateTimeSeconds(t time.Time) string { return FormatWall(t, LayoutDateTimeSeconds) }
