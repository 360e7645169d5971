package schedule

import (
	"fmt"
	"strings"

	"clinicdesk/app/ukcal"
)

// Unit is the step of a recurring series.
type Unit int

// The units a series can repeat in.
const (
	Daily   Unit = iota // every n days
	Weekly              // every n weeks, on the same weekday
	Monthly             // every n months, on the same day of the month (the month's last day where it has none)
)

// String returns "daily", "weekly" or "monthly", the stored form.
func (u Unit) String() string {
	switch u {
	case Daily:
		return "daily"
	case Weekly:
		return "weekly"
	case Monthly:
		return "monthly"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// ParseUnit reads "daily", "weekly" or "monthly" (any case).
func ParseUnit(s string) (Unit, error) {
	for _, u := range []Unit{Daily, Weekly, Monthly} {
		if strings.EqualFold(strings.TrimSpace(s), u.String()) {
			return u, nil
		}
	}
	return 0, fmt.Errorf("unknown repeat %q: use daily, weekly or monthly", s)
}

// MaxOccurrences caps a series (two years of weekly appointments), so a
// slip of the keyboard cannot book a thousand.
const MaxOccurrences = 104

// MaxEvery is the longest step a series may take (every 52 weeks, or every
// 52 months).
const MaxEvery = 52

// Repeat describes a series: every Every Units, either Count times in all
// (the first included) or up to and including Until. Count wins when both
// are set; neither gives just the first date.
type Repeat struct {
	Every int
	Unit  Unit
	Count int
	Until ukcal.Date
}

// Validate explains what is wrong with the repeat, for the booking dialog.
// Occurrences itself never fails: it clamps what Validate refuses.
func (r Repeat) Validate() error {
	switch {
	case r.Unit != Daily && r.Unit != Weekly && r.Unit != Monthly:
		return fmt.Errorf("repeat must be daily, weekly or monthly")
	case r.Every < 1 || r.Every > MaxEvery:
		return fmt.Errorf("repeat every 1 to %d %s, not %d", MaxEvery, r.Unit.plural(), r.Every)
	case r.Count < 0:
		return fmt.Errorf("the number of appointments cannot be negative")
	case r.Count > MaxOccurrences:
		return fmt.Errorf("a series can have at most %d appointments, not %d", MaxOccurrences, r.Count)
	case r.Count == 0 && r.Until.IsZero():
		return fmt.Errorf("say how many appointments, or the last date")
	}
	return nil
}

func (u Unit) plural() string {
	switch u {
	case Weekly:
		return "weeks"
	case Monthly:
		return "months"
	}
	return "days"
}

// Occurrences returns the dates of the series starting on first, first
// included, in ascending order and never more than MaxOccurrences. Each date
// is counted from first, not from the one before, so a monthly series from
// 31 January goes 28 February, 31 March, 30 April. The appointment's
// wall-clock time stays the same on every date (see At), across the clock
// changes. Every is clamped to 1..MaxEvery; an unknown unit is daily.
func Occurrences(first ukcal.Date, r Repeat) []ukcal.Date {
	if first.IsZero() {
		return nil
	}
	every := min(max(r.Every, 1), MaxEvery)
	limit := MaxOccurrences
	if r.Count > 0 {
		limit = min(r.Count, MaxOccurrences)
	} else if r.Until.IsZero() {
		limit = 1
	}
	dates := []ukcal.Date{first}
	for i := 1; len(dates) < limit; i++ {
		next := r.Unit.step(first, i*every)
		if r.Count <= 0 && next.After(r.Until) {
			break
		}
		if next.Year() > 9999 { // beyond what a Date can print
			break
		}
		dates = append(dates, next)
	}
	return dates
}

// step returns the date n units after first.
func (u Unit) step(first ukcal.Date, n int) ukcal.Date {
	switch u {
	case Weekly:
		return first.AddDays(7 * n)
	case Monthly:
		return first.AddMonths(n)
	}
	return first.AddDays(n)
}
