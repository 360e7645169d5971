package reports

import (
	"fmt"
	"time"

	"clinicdesk/app/ukcal"
)

// Check says what is wrong with a range, in words for the person who chose
// it, or nil.
func (r Range) Check() error {
	switch {
	case r.From.IsZero() || r.To.IsZero():
		return fmt.Errorf("a report needs a first and a last day")
	case r.To.Before(r.From):
		return fmt.Errorf("the last day (%s) is before the first (%s): swap them round", r.To.Short(), r.From.Short())
	case r.By != ByWeek && r.By != ByMonth:
		return fmt.Errorf("%q is not a grouping: choose week or month", string(r.By))
	case r.From.DaysUntil(r.To) > maxDays:
		return fmt.Errorf("a report covers at most ten years: %s to %s is longer", r.From.Short(), r.To.Short())
	}
	return nil
}

// maxDays bounds a range so a typing slip (year 2062) cannot ask for
// thousands of periods.
const maxDays = 366 * 10

// Periods cuts the range into weeks (Monday to Sunday) or calendar months,
// the first and last cut at the range's ends. A week is labelled by its
// Monday ("w/c 2 Mar") and a month by its name ("Mar 2026") even when the
// range cuts them, so the labels line up with a diary. An unchecked range
// gives none.
func Periods(r Range) []Period {
	if r.Check() != nil {
		return nil
	}
	var out []Period
	for start := r.From; !start.After(r.To); {
		var first, last ukcal.Date
		var label string
		if r.By == ByWeek {
			first = start.AddDays(-daysSinceMonday(start))
			last = first.AddDays(6)
			label = "w/c " + first.Format("2 Jan")
		} else {
			first = ukcal.NewDate(start.Year(), start.Month(), 1)
			last = first.AddMonths(1).AddDays(-1)
			label = first.Format("Jan 2006")
		}
		end := last
		if end.After(r.To) {
			end = r.To
		}
		out = append(out, Period{Label: label, From: start, To: end})
		start = end.AddDays(1)
	}
	return out
}

// daysSinceMonday is 0 on a Monday and 6 on a Sunday.
func daysSinceMonday(d ukcal.Date) int { return (int(d.Weekday()) + 6) % 7 }

// PeriodIndex returns which of ps holds d, or -1. ps are in order and do
// not overlap, as Periods makes them.
func PeriodIndex(ps []Period, d ukcal.Date) int {
	lo, hi := 0, len(ps)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case d.Before(ps[m].From):
			hi = m
		case d.After(ps[m].To):
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Preset is one of the ranges a manager picks from a list.
type Preset string

// The presets, in the order the screen lists them.
const (
	ThisMonth           Preset = "this-month"
	LastMonth           Preset = "last-month"
	ThisQuarter         Preset = "this-quarter"
	ThisFinancialYear   Preset = "this-financial-year"
	Custom              Preset = "custom"
	financialYearStarts        = time.April
)

// Presets lists the presets in the order the screen offers them.
var Presets = []Preset{ThisMonth, LastMonth, ThisQuarter, ThisFinancialYear, Custom}

// Label is the preset as the range picker shows it.
func (p Preset) Label() string {
	switch p {
	case ThisMonth:
		return "This month"
	case LastMonth:
		return "Last month"
	case ThisQuarter:
		return "This quarter"
	case ThisFinancialYear:
		return "This financial year (1 April to 31 March)"
	case Custom:
		return "Choose the dates"
	}
	return string(p)
}

// PresetRange returns the first and last day of the preset around today:
// whole months, quarters (January–March, April–June, …, which are also the
// financial year's quarters) and the financial year 1 April to 31 March
// that holds today. Custom, and anything unknown, gives zero dates: the
// dates are the ones typed.
func PresetRange(p Preset, today ukcal.Date) (from, to ukcal.Date) {
	month := ukcal.NewDate(today.Year(), today.Month(), 1)
	switch p {
	case ThisMonth:
		return month, month.AddMonths(1).AddDays(-1)
	case LastMonth:
		return month.AddMonths(-1), month.AddDays(-1)
	case ThisQuarter:
		q := ukcal.NewDate(today.Year(), time.Month((int(today.Month())-1)/3*3+1), 1)
		return q, q.AddMonths(3).AddDays(-1)
	case ThisFinancialYear:
		year := today.Year()
		if today.Month() < financialYearStarts {
			year--
		}
		fy := ukcal.NewDate(year, financialYearStarts, 1)
		return fy, fy.AddMonths(12).AddDays(-1)
	}
	return ukcal.Date{}, ukcal.Date{}
}

// PreviousRange is the stretch of the same length just before r, for the
// comparison: whole calendar months give the same number of whole months
// before (March's previous is February, not the 31 days before it); any
// other range the same number of days. Grouping and clinician are kept.
func PreviousRange(r Range) Range {
	prev := r
	if isMonthStart(r.From) && isMonthEnd(r.To) {
		months := (r.To.Year()-r.From.Year())*12 + int(r.To.Month()-r.From.Month()) + 1
		prev.From = r.From.AddMonths(-months)
		prev.To = r.From.AddDays(-1)
		return prev
	}
	days := r.From.DaysUntil(r.To) + 1
	prev.To = r.From.AddDays(-1)
	prev.From = r.From.AddDays(-days)
	return prev
}

func isMonthStart(d ukcal.Date) bool { return d.Day() == 1 }
func isMonthEnd(d ukcal.Date) bool   { return d.AddDays(1).Day() == 1 }

// Describe words a range for a report's heading: "1 March 2026 to 31 March
// 2026, by week".
func (r Range) Describe() string {
	by := "by month"
	if r.By == ByWeek {
		by = "by week"
	}
	return fmt.Sprintf("%s to %s, %s", r.From.Long(), r.To.Long(), by)
}

// Label is the report's name as the screen lists it.
func (k Kind) Label() string {
	switch k {
	case DNA:
		return "Missed appointments (DNA rate)"
	case Cancellations:
		return "Cancellations"
	case Utilisation:
		return "Clinician utilisation"
	case NewPatients:
		return "New patients"
	case Referrals:
		return "Where referrals came from"
	case Waiting:
		return "Waiting times"
	case Complaints:
		return "Complaints"
	case Letters:
		return "Letters sent"
	}
	return string(k)
}

// ForWholeClinicOnly reports whether the report belongs to no clinician
// (new patients, complaints, letters): the clinician filter does not
// apply, and a clinician may not run it.
func (k Kind) ForWholeClinicOnly() bool { return k == NewPatients || k == Complaints || k == Letters }
