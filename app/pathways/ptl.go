package pathways

import (
	"cmp"
	"fmt"
	"slices"

	"clinicdesk/app/ukcal"
)

// PTLEntry is one referral offered to the patient tracking list, with its
// clock's summary or its events, and the names the caller looked up for it.
type PTLEntry struct {
	Referral Referral
	// Summary, when given and it covers the day, is read instead of the
	// events; give Events for a referral it does not cover.
	Summary       *Summary
	Events        []Event
	PatientName   string
	NHSNumber     string
	ClinicianName string
	OwnerName     string
}

// PTLFilter narrows the list. Zero values mean "all".
type PTLFilter struct {
	ClinicianID string
	Kind        Kind
	Urgency     Urgency
	// AtRisk keeps only running clocks whose breach date is within
	// AtRiskDays of the as-of day, those already breached included.
	AtRisk     bool
	AtRiskDays int
}

// MaxAtRiskDays is the most days ahead "at risk" may look: the whole 18 weeks.
const MaxAtRiskDays = ukcal.RTTDays

func (f PTLFilter) check() error {
	switch {
	case f.Kind != "" && !f.Kind.Valid():
		return fmt.Errorf("the pathway kind %q is not one of rtt, cancer, other", f.Kind)
	case f.Urgency != "" && !f.Urgency.Valid():
		return fmt.Errorf("the urgency %q is not one of %s", f.Urgency, joinUrgencies())
	case f.AtRisk && (f.AtRiskDays < 0 || f.AtRiskDays > MaxAtRiskDays):
		return fmt.Errorf("at risk within %d days: give 0 to %d days", f.AtRiskDays, MaxAtRiskDays)
	}
	return nil
}

// PTLRow is one open pathway on the list.
type PTLRow struct {
	Referral      Referral
	PatientName   string
	NHSNumber     string
	ClinicianName string
	OwnerName     string
	// HasClock: an RTT or cancer pathway whose events read. Clock is zero
	// otherwise.
	HasClock bool
	Clock    Clock
	// NextStep is what the desk must do next, in words; NextDue is the
	// date in it, if any.
	NextStep string
	NextDue  ukcal.Date
	// Problem says why the events could not be read, when they could not.
	Problem string
}

// Counted reports whether the row has a clock that counts towards waiting
// times (and so a weeks-waited bucket and a breach date).
func (r *PTLRow) Counted() bool { return r.HasClock && r.Clock.Counted() }

// AtRisk reports whether the row's clock is running and its breach date is
// within days of as-of (or passed).
func (r *PTLRow) AtRisk(asOf ukcal.Date, days int) bool {
	return r.Counted() && r.Clock.Status == ClockRunning && asOf.DaysUntil(r.Clock.Breach) <= days
}

// Buckets count the counted clocks on the list by weeks waited. The four
// bands are disjoint and sum to Counted; a wait of exactly 6, 12 or 18
// weeks falls in the band below, as NHS England counts ("over 17 and up to
// 18 weeks"), so "18+" is exactly the clocks past their breach date.
type Buckets struct {
	UpTo6   int
	UpTo12  int // over 6, up to 12
	UpTo18  int // over 12, up to 18
	Over18  int
	Over52  int // also in Over18
	Counted int
	// NotCounted are rows with no clock to count: other pathways, clocks
	// nullified by a missed first appointment, events that do not read.
	NotCounted int
}

func (b *Buckets) add(r PTLRow) {
	if !r.Counted() {
		b.NotCounted++
		return
	}
	b.Counted++
	switch days := r.Clock.DaysWaited; {
	case days <= 6*7:
		b.UpTo6++
	case days <= 12*7:
		b.UpTo12++
	case days <= 18*7:
		b.UpTo18++
	default:
		b.Over18++
		if days > 52*7 {
			b.Over52++
		}
	}
}

// PTL is the patient tracking list on a day.
type PTL struct {
	AsOf    ukcal.Date
	Filter  PTLFilter
	Rows    []PTLRow
	Buckets Buckets
}

// BuildPTL makes the list of open pathways from the referrals given: those
// in, not closed, and not finished (a stopped clock is a finished
// pathway; a transferred one is the new provider's). Rows are sorted by
// breach date, earliest first; then come the clocks not counted (nullified,
// events that do not read) and last the other pathways, each oldest
// referral first. The buckets count the rows after filtering.
func BuildPTL(entries []PTLEntry, f PTLFilter, asOf ukcal.Date) (PTL, error) {
	if err := f.check(); err != nil {
		return PTL{}, err
	}
	if asOf.IsZero() {
		return PTL{}, fmt.Errorf("the list needs the day it is for (as of)")
	}
	list := PTL{AsOf: asOf, Filter: f, Rows: make([]PTLRow, 0, len(entries))}
	for i := range entries {
		e := &entries[i]
		ref := e.Referral
		if ref.Direction != In || ref.Status == StatusClosed ||
			(f.ClinicianID != "" && ref.ClinicianID != f.ClinicianID) ||
			(f.Kind != "" && ref.Kind != f.Kind) || (f.Urgency != "" && ref.Urgency != f.Urgency) {
			continue
		}
		row := PTLRow{Referral: ref, PatientName: e.PatientName, NHSNumber: e.NHSNumber, ClinicianName: e.ClinicianName, OwnerName: e.OwnerName}
		if ref.Kind == RTT || ref.Kind == Cancer {
			clock, err := e.clock(asOf)
			switch {
			case err != nil:
				row.Problem = err.Error()
				row.NextStep = "Check the pathway's events: they cannot be read"
			case !clock.OnList():
				continue
			default:
				row.HasClock, row.Clock = true, clock
				row.NextStep, row.NextDue = nextStep(clock)
			}
		} else {
			row.NextStep = "No waiting-time clock: close the referral when finished"
		}
		if f.AtRisk && !row.AtRisk(asOf, f.AtRiskDays) {
			continue
		}
		list.Rows = append(list.Rows, row)
		list.Buckets.add(row)
	}
	sortRows(list.Rows)
	return list, nil
}

// clock is the entry's clock on asOf: from its summary when that covers
// the day, else from its events.
func (e *PTLEntry) clock(asOf ukcal.Date) (Clock, error) {
	if e.Summary != nil {
		if c, ok := e.Summary.ClockOn(e.Referral.Urgency, asOf); ok {
			return c, nil
		}
	}
	return Compute(e.Referral.Urgency, e.Events, asOf)
}

// sortRows puts the rows in the list's order. Rows are large (a list may
// hold tens of thousands), so their places are sorted and each row is then
// moved once.
func sortRows(rows []PTLRow) {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &rows[i], &rows[j]
		if c := cmp.Compare(a.sortGroup(), b.sortGroup()); c != 0 {
			return c
		}
		if a.Counted() {
			if c := a.Clock.Breach.Compare(b.Clock.Breach); c != 0 {
				return c
			}
		}
		return cmp.Or(a.Referral.Date.Compare(b.Referral.Date), cmp.Compare(a.Referral.ID, b.Referral.ID))
	})
	// Follow each cycle of the permutation, so every row moves once.
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := rows[start]
		to := start
		for {
			from := order[to]
			order[to] = -1
			if from == start {
				rows[to] = held
				break
			}
			rows[to] = rows[from]
			to = from
		}
	}
}

// sortGroup orders the list: clocks by breach date first, then pathways
// with a clock that is not counted (nullified, events to check), then
// other pathways, which have no clock at all.
func (r *PTLRow) sortGroup() int {
	switch {
	case r.Counted():
		return 0
	case r.Referral.Kind == Other:
		return 2
	}
	return 1
}

// nextStep is what the desk does next on a pathway still on the list, and
// the date it is due by, if it has one. A cancer pathway's dates are its
// standards' when they come before the 18 weeks.
func nextStep(c Clock) (string, ukcal.Date) {
	if c.Status == ClockNullified {
		return "Missed the first appointment: rebook it, or discharge to the referrer", ukcal.Date{}
	}
	fds := c.Cancer.FasterDiagnosis
	switch {
	case c.FirstBooked.IsZero() && c.FirstAttended.IsZero() && c.DecidedToTreat.IsZero():
		return "Book the first appointment", ukcal.Date{}
	case c.FirstAttended.IsZero() && c.DecidedToTreat.IsZero():
		return "Awaiting the first appointment", ukcal.Date{}
	case fds.Applies && fds.On.IsZero() && c.DecidedToTreat.IsZero():
		return "Tell the patient the diagnosis, or that cancer is ruled out, by " + fds.Due.Short(), fds.Due
	case c.DecidedToTreat.IsZero():
		return "Decide on treatment", ukcal.Date{}
	}
	by := c.Breach
	for _, s := range []Standard{c.Cancer.Treat62, c.Cancer.Treat31} {
		if s.Applies && s.On.IsZero() && s.Due.Before(by) {
			by = s.Due
		}
	}
	return "Treat by " + by.Short(), by
}
