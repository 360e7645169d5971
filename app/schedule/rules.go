package schedule

import (
	"time"

	"clinicdesk/app/ukcal"
)

// Closure is a stretch of whole days the clinic is shut (training day,
// refurbishment), besides bank holidays, From and To both included.
type Closure struct {
	ID        string
	From, To  ukcal.Date
	Reason    string
	CreatedBy string
	CreatedAt time.Time
}

// Contains reports whether the closure covers the date.
func (c Closure) Contains(d ukcal.Date) bool { return !d.Before(c.From) && !d.After(c.To) }

// Appt is an appointment as the rules see it. Callers pass only active
// appointments (not cancelled, not DNA) as existing bookings.
type Appt struct {
	ID, ClinicianID, RoomID, PatientID string
	Date                               ukcal.Date
	Start, End                         Clock
}

// Span returns the appointment's time of day.
func (a Appt) Span() Span { return Span{a.Start, a.End} }

// Overlaps reports whether the two appointments share any minute of the
// same day. Back to back (09:00–09:20 then 09:20–09:40) is not an overlap.
func Overlaps(a, b Appt) bool { return a.Date == b.Date && a.Span().Overlaps(b.Span()) }

// Rules is what the clinic has set up that decides whether a time can be
// booked.
type Rules struct {
	// Region decides the bank holidays; the zero value is England and Wales.
	Region ukcal.Region
	// OpeningHours are the clinic's; the zero value means "not set", which
	// restricts nothing.
	OpeningHours WeekHours
	// ClinicianHours are keyed by clinician id. A clinician with no entry has
	// no hours set: Check does not warn about their hours, and NextFree does
	// not offer them.
	ClinicianHours map[string]WeekHours
	// Closures are the days the whole clinic is shut.
	Closures []Closure
}

// ClosureOn returns the first closure covering the date, if any.
func (r Rules) ClosureOn(d ukcal.Date) (Closure, bool) {
	for _, c := range r.Closures {
		if c.Contains(d) {
			return c, true
		}
	}
	return Closure{}, false
}

// open reports whether the clinic's opening hours (when set) cover the span.
func (r Rules) open(d ukcal.Date, s Span) bool {
	return r.OpeningHours.IsZero() || r.OpeningHours.Covers(d.Weekday(), s)
}

// dayBlocked reports whether nothing may be offered on the date: a bank
// holiday or a closure.
func (r Rules) dayBlocked(d ukcal.Date) bool {
	_, closed := r.ClosureOn(d)
	return closed || r.Region.IsHoliday(d)
}
