package ukcal

import "time"

// Titles as the GOV.UK feed spells them (with typographic apostrophes), so a
// year from the rules reads exactly like a year from the feed.
const (
	titleNewYear      = "New Year’s Day"
	titleSecondJan    = "2nd January"
	titleStPatrick    = "St Patrick’s Day"
	titleGoodFriday   = "Good Friday"
	titleEasterMonday = "Easter Monday"
	titleEarlyMay     = "Early May bank holiday"
	titleSpring       = "Spring bank holiday"
	titleBoyne        = "Battle of the Boyne (Orangemen’s Day)"
	titleSummer       = "Summer bank holiday"
	titleStAndrew     = "St Andrew’s Day"
	titleChristmas    = "Christmas Day"
	titleBoxing       = "Boxing Day"
)

// proclamation is a one-off change made by royal proclamation: an extra bank
// holiday, or (replaces set) a usual one moved to another date.
type proclamation struct {
	regions  []Region // nil: every region
	replaces Date     // the date the rules give to the holiday that moves
	date     Date
	title    string
}

// proclamations lists the one-off changes in the years of the
// embedded feed, found by comparing the rules with the feed (see
// TestRulesReproduceFeed). Add future proclamations here, and a new feed to
// assets/, when they are announced. Changes before the feed's first year
// (2012's Diamond Jubilee, 2011's royal wedding, …) are not included.
var proclamations = []proclamation{
	// 75th anniversary of VE Day: Early May bank holiday moved from Monday 4 to Friday 8 May.
	{replaces: MustParseDate("2020-05-04"), date: MustParseDate("2020-05-08"), title: "Early May bank holiday (VE day)"},
	// Platinum Jubilee: Spring bank holiday moved from Monday 30 May to Thursday 2 June, and an extra day on Friday 3 June.
	{replaces: MustParseDate("2022-05-30"), date: MustParseDate("2022-06-02"), title: titleSpring},
	{date: MustParseDate("2022-06-03"), title: "Platinum Jubilee bank holiday"},
	// State funeral of Queen Elizabeth II.
	{date: MustParseDate("2022-09-19"), title: "Bank Holiday for the State Funeral of Queen Elizabeth II"},
	// Coronation of King Charles III.
	{date: MustParseDate("2023-05-08"), title: "Bank holiday for the coronation of King Charles III"},
	// Scotland only: for the men's team at the 2026 FIFA World Cup.
	{regions: []Region{Scotland}, date: MustParseDate("2026-06-15"), title: "World Cup bank holiday"},
}

// ruleHolidays returns the year's bank holidays from the statutory rules
// (Banking and Financial Dealings Act 1971 and the usual proclamations)
// plus the proclamations table, in date order. Years before 1 have none.
func ruleHolidays(r Region, year int) []Holiday {
	if year < 1 {
		return nil
	}
	r = r.orDefault()
	hs := statutoryHolidays(r, year)
	for _, p := range proclamations {
		if p.date.Year() != year || !p.appliesTo(r) {
			continue
		}
		moved := false
		if !p.replaces.IsZero() {
			for i := range hs {
				if hs[i].Date == p.replaces {
					hs[i] = Holiday{Date: p.date, Title: p.title}
					moved = true
					break
				}
			}
		}
		if !moved {
			hs = append(hs, Holiday{Date: p.date, Title: p.title})
		}
	}
	sortHolidays(hs)
	return hs
}

func (p proclamation) appliesTo(r Region) bool {
	if p.regions == nil {
		return true
	}
	for _, pr := range p.regions {
		if pr == r {
			return true
		}
	}
	return false
}

// statutoryHolidays applies the usual rules with no proclamations.
func statutoryHolidays(r Region, year int) []Holiday {
	easter := EasterSunday(year)
	// Holidays defined by weekday never fall at a weekend.
	hs := []Holiday{
		{Date: easter.AddDays(-2), Title: titleGoodFriday},
		{Date: firstMonday(year, time.May), Title: titleEarlyMay},
		{Date: lastMonday(year, time.May), Title: titleSpring},
	}
	if r == Scotland {
		hs = append(hs, Holiday{Date: firstMonday(year, time.August), Title: titleSummer})
	} else {
		hs = append(hs,
			Holiday{Date: easter.AddDays(1), Title: titleEasterMonday},
			Holiday{Date: lastMonday(year, time.August), Title: titleSummer})
	}

	// Holidays on a fixed date move to a substitute weekday when they fall at a weekend.
	fixed := []Holiday{{Date: NewDate(year, time.January, 1), Title: titleNewYear}}
	switch r {
	case NorthernIreland:
		fixed = append(fixed,
			Holiday{Date: NewDate(year, time.March, 17), Title: titleStPatrick},
			Holiday{Date: NewDate(year, time.July, 12), Title: titleBoyne})
	case Scotland:
		fixed = append(fixed, Holiday{Date: NewDate(year, time.November, 30), Title: titleStAndrew})
	}
	fixed = append(fixed,
		Holiday{Date: NewDate(year, time.December, 25), Title: titleChristmas},
		Holiday{Date: NewDate(year, time.December, 26), Title: titleBoxing})
	hs = observeFixed(hs, fixed)

	if r == Scotland {
		// 2nd January is placed after New Year's Day has taken its day, so
		// when 1 January is a Sunday, New Year's Day is Monday 2 and "2nd
		// January" Tuesday 3, as the feed has 2023 (unlike Christmas on a
		// Sunday, where Boxing Day keeps Monday 26).
		jan2 := NewDate(year, time.January, 2)
		second := nextFreeWeekday(jan2, holidaySet(hs))
		hs = append(hs, Holiday{Date: second, Title: titleSecondJan, Substitute: second != jan2})
	}
	sortHolidays(hs)
	return hs
}

// observeFixed adds the fixed-date holidays to hs. Those on a free weekday
// keep their date; the rest, in date order, take the next weekday that is
// not already a holiday. So Christmas on a Saturday gives Monday 27 and
// Boxing Day Tuesday 28, and Christmas on a Sunday gives Boxing Day Monday 26
// and Christmas Tuesday 27, as the feed has them.
func observeFixed(hs, fixed []Holiday) []Holiday {
	taken := holidaySet(hs)
	var moving []Holiday
	for _, h := range fixed {
		if h.Date.IsWeekend() || taken[h.Date] {
			moving = append(moving, h)
			continue
		}
		taken[h.Date] = true
		hs = append(hs, h)
	}
	sortHolidays(moving)
	for _, h := range moving {
		h.Date = nextFreeWeekday(h.Date, taken)
		h.Substitute = true
		taken[h.Date] = true
		hs = append(hs, h)
	}
	return hs
}

func holidaySet(hs []Holiday) map[Date]bool {
	set := make(map[Date]bool, len(hs))
	for _, h := range hs {
		set[h.Date] = true
	}
	return set
}

// nextFreeWeekday returns the first Monday–Friday on or after d not in taken.
func nextFreeWeekday(d Date, taken map[Date]bool) Date {
	for d.IsWeekend() || taken[d] {
		d = d.AddDays(1)
	}
	return d
}

// EasterSunday returns the date of Easter Sunday in the Gregorian calendar
// (the anonymous Gregorian algorithm of Meeus, Jones and Butcher), for years
// from 1.
func EasterSunday(year int) Date {
	a := year % 19 // position in the 19-year Metonic cycle
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30 // days from 21 March to the Paschal full moon
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7 // days from that full moon to the Sunday after
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return NewDate(year, time.Month(n/31), n%31+1)
}

// firstMonday returns the first Monday of the month.
func firstMonday(year int, month time.Month) Date {
	first := NewDate(year, month, 1)
	return first.AddDays((int(time.Monday) - int(first.Weekday()) + 7) % 7)
}

// lastMonday returns the last Monday of the month.
func lastMonday(year int, month time.Month) Date {
	last := NewDate(year, month+1, 0)
	return last.AddDays(-((int(last.Weekday()) - int(time.Monday) + 7) % 7))
}
