package letters

import (
	"testing"
	"time"
)

func TestLongDates(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	tests := []struct {
		in            time.Time
		long, withDay string
	}{
		{time.Date(2026, 11, 23, 9, 0, 0, 0, london), "23 November 2026", "Monday 23 November 2026"},
		{time.Date(2026, 11, 22, 0, 0, 0, 0, london), "22 November 2026", "Sunday 22 November 2026"},
		{time.Date(2027, 1, 1, 23, 59, 0, 0, london), "1 January 2027", "Friday 1 January 2027"},
		{time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC), "29 February 2028", "Tuesday 29 February 2028"},
		// 23:30 UTC in summer is already the next day on a UK clinic's wall clock.
		{time.Date(2026, 7, 4, 23, 30, 0, 0, time.UTC).In(london), "5 July 2026", "Sunday 5 July 2026"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.in); got != tt.long {
			t.Errorf("LongDate(%v) = %q, want %q", tt.in, got, tt.long)
		}
		if got := LongDateWithDay(tt.in); got != tt.withDay {
			t.Errorf("LongDateWithDay(%v) = %q, want %q", tt.in, got, tt.withDay)
		}
	}
}
