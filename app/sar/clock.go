package sar

import (
	"fmt"

	"clinicdesk/app/ukcal"
)

// Pause is a stretch of days the clock stood still: from the day the
// clinic asked for proof of identity or a clarification to the day the
// answer came. An open pause has no To yet.
type Pause struct {
	From   ukcal.Date
	To     ukcal.Date // zero while the answer is awaited
	Reason PauseReason
}

// Open reports whether the answer is still awaited.
func (p Pause) Open() bool { return p.To.IsZero() }

// Days is how many days the pause held the clock: To − From (the day the
// answer arrives starts the clock again, as the day of receipt did). An
// open pause counts up to today.
func (p Pause) Days(today ukcal.Date) int {
	to := p.To
	if to.IsZero() {
		to = today
	}
	if n := p.From.DaysUntil(to); n > 0 {
		return n
	}
	return 0
}

// PausedDays adds up the days of the pauses (open ones up to today).
func PausedDays(pauses []Pause, today ukcal.Date) int {
	n := 0
	for _, p := range pauses {
		n += p.Days(today)
	}
	return n
}

// DueUnadjusted is one calendar month from receipt (the month's last day
// where there is no corresponding date) moved on by the days paused,
// before any move off a weekend or bank holiday: the `sar_due` of
// `clinicdesk deadlines --pause`.
func DueUnadjusted(received ukcal.Date, paused int) ukcal.Date {
	return received.AddMonths(ukcal.SARMonths).AddDays(paused)
}

// DueExtendedUnadjusted is DueUnadjusted with the two further months.
func DueExtendedUnadjusted(received ukcal.Date, paused int) ukcal.Date {
	return received.AddMonths(ukcal.SARExtendedMonths).AddDays(paused)
}

// Due is when the copy must be sent: DueUnadjusted moved to the region's
// next working day.
func Due(received ukcal.Date, paused int, r ukcal.Region) ukcal.Date {
	return r.NextWorkingDay(DueUnadjusted(received, paused))
}

// DueExtended is Due for an extended request.
func DueExtended(received ukcal.Date, paused int, r ukcal.Region) ukcal.Date {
	return r.NextWorkingDay(DueExtendedUnadjusted(received, paused))
}

// ParsePause reads "FROM..TO" in YYYY-MM-DD dates, as the command line takes it.
func ParsePause(s string) (Pause, error) {
	var from, to string
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			from, to = s[:i], s[i+2:]
			break
		}
	}
	if from == "" || to == "" {
		return Pause{}, fmt.Errorf("a pause is written FROM..TO, for example 2026-03-02..2026-03-09; %q is not", s)
	}
	f, err := ukcal.ParseDate(from)
	if err != nil {
		return Pause{}, fmt.Errorf("the pause's first day %q is not a date: write it as YYYY-MM-DD", from)
	}
	t, err := ukcal.ParseDate(to)
	if err != nil {
		return Pause{}, fmt.Errorf("the pause's last day %q is not a date: write it as YYYY-MM-DD", to)
	}
	if t.Before(f) {
		return Pause{}, fmt.Errorf("the pause %s ends before it starts: put the earlier date first", s)
	}
	return Pause{From: f, To: t}, nil
}

// CheckPauses says what is wrong with a set of pauses for a request
// received on the date: one starting before receipt, or two overlapping.
func CheckPauses(received ukcal.Date, pauses []Pause) error {
	for i, p := range pauses {
		if p.From.Before(received) {
			return fmt.Errorf("a pause cannot start (%s) before the request was received (%s)", uk(p.From), uk(received))
		}
		if !p.Open() && p.To.Before(p.From) {
			return fmt.Errorf("the pause from %s ends before it starts", uk(p.From))
		}
		for _, q := range pauses[:i] {
			if overlaps(p, q) {
				return fmt.Errorf("the pause from %s overlaps the one from %s: a clock can only stop once at a time", uk(p.From), uk(q.From))
			}
		}
	}
	return nil
}

func overlaps(a, b Pause) bool {
	// Half-open [From, To): the day an answer comes may start a new pause.
	aEnd, bEnd := a.To, b.To
	if a.Open() {
		aEnd = ukcal.NewDate(9999, 12, 31)
	}
	if b.Open() {
		bEnd = ukcal.NewDate(9999, 12, 31)
	}
	return a.From.Before(bEnd) && b.From.Before(aEnd)
}

// uk writes a date as staff type it, dd/mm/yyyy.
func uk(d ukcal.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
}
