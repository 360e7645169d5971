package demo

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/seed"
)

// pathwayHistory gives the demo its referrals and worklist, generated as
// `clinicdesk seed` makes them after the diary: two years of referrals in
// from the patients' GPs and out to hospital services, their first
// appointments the patients' own, most pathways finished; the open list
// kept as a well-run clinic keeps it, with a few clocks at risk of their
// 18 weeks and one past it, so Today's referrals card has something to
// show. The tasks put some due today and some overdue on the manager's
// own list (see seed.Tasks).
func pathwayHistory(c *app.Clinic, now time.Time) error {
	if _, err := seed.AddPathways(c, seed.PathwayOptions{Seed: Seed, Now: now, Years: DiaryYears, FewBreaches: true}); err != nil {
		return fmt.Errorf("demo referrals and tasks: %w", err)
	}
	// The patients joined over the diary's years, not all today.
	if _, err := seed.DateRegistrations(c, seed.RegistrationOptions{Seed: Seed, Now: now, Years: DiaryYears}); err != nil {
		return fmt.Errorf("demo registrations: %w", err)
	}
	return nil
}
