package cli

import (
	"strings"

	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

// sarPauses are the --pause FROM..TO flags of `deadlines`: the days a
// subject access clock stood still while identity or a clarification was
// awaited. They are kept as typed and read in apply, so a mistake gets
// its own message rather than the flag package's.
type sarPauses []string

func (p *sarPauses) String() string { return strings.Join(*p, " ") }

func (p *sarPauses) Set(s string) error {
	*p = append(*p, s)
	return nil
}

// apply moves sar_due and sar_due_extended on by the days paused, before
// they are moved off a weekend or bank holiday.
func (p sarPauses) apply(ds *ukcal.DeadlineSet, from ukcal.Date, r ukcal.Region) error {
	if len(p) == 0 {
		return nil
	}
	var pauses []sar.Pause
	for _, s := range p {
		x, err := sar.ParsePause(strings.TrimSpace(s))
		if err != nil {
			return usagef("--pause: %v", err)
		}
		pauses = append(pauses, x)
	}
	if err := sar.CheckPauses(from, pauses); err != nil {
		return usagef("--pause: %v", err)
	}
	n := sar.PausedDays(pauses, from)
	ds.SARDue, ds.SARDueExtended = sar.Due(from, n, r), sar.DueExtended(from, n, r)
	return nil
}
