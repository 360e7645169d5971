package ukcal

import (
	"slices"
	"sync"
)

// Holiday is one bank holiday as observed: the date it is taken and the
// feed's title. Substitute is true for a day taken in place of a holiday
// that fell at a weekend (the feed's "Substitute day" note).
type Holiday struct {
	Date       Date   `json:"date"`
	Title      string `json:"title"`
	Substitute bool   `json:"substitute,omitempty"`
}

// Holidays returns the region's bank holidays in the year, in date order:
// exactly the embedded GOV.UK feed for the years it covers (see FeedYears),
// the statutory rules for other years. The slice is the caller's to keep.
func Holidays(r Region, year int) []Holiday {
	return slices.Clone(yearOf(r, year).list)
}

// yearHolidays is one region-year, kept for quick look-up by date.
type yearHolidays struct {
	list   []Holiday
	byDate map[Date]Holiday
}

type regionYear struct {
	region Region
	year   int
}

// yearCache holds every region-year looked at so far; working-day loops ask
// about the same year hundreds of times. A year is small and never changes.
var yearCache sync.Map // regionYear → *yearHolidays

func yearOf(r Region, year int) *yearHolidays {
	key := regionYear{r.orDefault(), year}
	if v, ok := yearCache.Load(key); ok {
		return v.(*yearHolidays)
	}
	list := computeHolidays(key.region, year)
	yh := &yearHolidays{list: list, byDate: make(map[Date]Holiday, len(list))}
	for _, h := range list {
		yh.byDate[h.Date] = h
	}
	v, _ := yearCache.LoadOrStore(key, yh)
	return v.(*yearHolidays)
}

func computeHolidays(r Region, year int) []Holiday {
	if feed, err := loadFeed(); err == nil {
		if rf := feed[r]; rf != nil && year >= rf.first && year <= rf.last {
			return slices.Clone(rf.byYear[year])
		}
	}
	return ruleHolidays(r, year)
}

// HolidayOn returns the bank holiday on the date, if it is one.
func (r Region) HolidayOn(d Date) (Holiday, bool) {
	h, ok := yearOf(r, d.Year()).byDate[d]
	return h, ok
}

// IsHoliday reports whether the date is a bank holiday in the region.
func (r Region) IsHoliday(d Date) bool {
	_, ok := r.HolidayOn(d)
	return ok
}

// IsWorkingDay reports whether the date is Monday to Friday and not a bank
// holiday in the region (SPEC §4.3).
func (r Region) IsWorkingDay(d Date) bool {
	return !d.IsWeekend() && !r.IsHoliday(d)
}

// NextWorkingDay returns the date itself if it is a working day, otherwise
// the first working day after it.
func (r Region) NextWorkingDay(d Date) Date {
	for !r.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkingDays returns the date n working days after d, not counting d
// itself: Friday plus one working day is the next Monday (if that is not a
// bank holiday). A negative n counts back to the n-th working day before d.
// n = 0 returns d unchanged, working day or not.
func (r Region) AddWorkingDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if r.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and including
// to, so that WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n >= 0.
// When to is before from the answer is minus the count of working days after
// to up to and including from.
func (r Region) WorkingDaysBetween(from, to Date) int {
	if to.Before(from) {
		return -r.WorkingDaysBetween(to, from)
	}
	count := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if r.IsWorkingDay(d) {
			count++
		}
	}
	return count
}
