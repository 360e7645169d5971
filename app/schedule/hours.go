package schedule

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Span is a half-open stretch of a day, [Start, End): a 09:00–09:20
// appointment and one at 09:20–09:40 do not overlap.
type Span struct{ Start, End Clock }

// Valid reports whether the span is a real stretch of one day: both ends
// between 00:00 and 24:00 and Start before End.
func (s Span) Valid() bool { return s.Start.Valid() && s.End.Valid() && s.Start < s.End }

// Minutes returns the span's length.
func (s Span) Minutes() int { return int(s.End - s.Start) }

// Overlaps reports whether the two spans share any minute.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// String returns "09:00–09:20" (with an en dash).
func (s Span) String() string { return s.Start.String() + "–" + s.End.String() }

// WeekHours are working hours, indexed by time.Weekday (Sunday is 0). A day
// may have several spans; the gaps between them are breaks. A day with no
// spans is not worked.
type WeekHours [7][]Span

// IsZero reports whether no day has any hours: for a clinic, "opening hours
// not set".
func (w WeekHours) IsZero() bool {
	for _, day := range w {
		if len(day) > 0 {
			return false
		}
	}
	return true
}

// Works reports whether any hours are set on the weekday.
func (w WeekHours) Works(wd time.Weekday) bool { return len(w.On(wd)) > 0 }

// On returns the weekday's spans sorted, with touching or overlapping spans
// joined (09:00–12:00 and 12:00–17:00 are one stretch with no break), and
// invalid spans dropped.
func (w WeekHours) On(wd time.Weekday) []Span {
	if wd < time.Sunday || wd > time.Saturday {
		return nil
	}
	var spans []Span
	for _, s := range w[wd] {
		if s.Valid() {
			spans = append(spans, s)
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return int(a.Start - b.Start) })
	var joined []Span
	for _, s := range spans {
		if n := len(joined); n > 0 && s.Start <= joined[n-1].End {
			joined[n-1].End = max(joined[n-1].End, s.End)
			continue
		}
		joined = append(joined, s)
	}
	return joined
}

// Covers reports whether the span lies wholly inside the weekday's hours,
// without running into a break.
func (w WeekHours) Covers(wd time.Weekday, s Span) bool {
	for _, h := range w.On(wd) {
		if h.Contains(s) {
			return true
		}
	}
	return false
}

// Describe returns the weekday's hours for a message, e.g.
// "09:00–12:30 and 13:30–17:00"; "" when the day is not worked.
func (w WeekHours) Describe(wd time.Weekday) string { return DayHours(w.On(wd)).String() }

// DayHours are one day's hours, sorted and joined as WeekHours.On gives them.
type DayHours []Span

// String returns the hours as "09:00–12:30 and 13:30–17:00"; "" for none.
func (h DayHours) String() string {
	parts := make([]string, len(h))
	for i, s := range h {
		parts[i] = s.String()
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return fmt.Sprintf("%s and %s", strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}
