package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

// The pathway rows of SPEC §5: the whole patient tracking list (`ptl`) and
// every card Today shows (`today`), each within 50 ms at the 95th
// percentile.

// benchPathwayRuns is how many times each row is timed.
const benchPathwayRuns = 60

// benchTodayComplaintsWithin is how many working days ahead Today's
// complaints card looks, as the screen does.
const benchTodayComplaintsWithin = 3

// benchTodayTasksShown is how many tasks Today's card lists by name.
const benchTodayTasksShown = 5

// benchPathways adds the bench clinic's referrals and tasks, generated as
// `seed` generates them, after its diary.
func benchPathways(env *Env, c *app.Clinic, progress func(string, ...any)) error {
	start := time.Now()
	rep, err := seed.AddPathways(c, seed.PathwayOptions{Seed: benchSeed, Now: env.Now(), Years: benchYears})
	if err != nil {
		return fmt.Errorf("adding the referrals and tasks: %w", err)
	}
	progress("  %d referrals (%d in, %d out) and %d tasks added in %.1f s", rep.ReferralsIn+rep.ReferralsOut, rep.ReferralsIn,
		rep.ReferralsOut, rep.Tasks, time.Since(start).Seconds())
	start = time.Now()
	n, err := seed.DateRegistrations(c, seed.RegistrationOptions{Seed: benchSeed, Now: env.Now(), Years: benchYears})
	if err != nil {
		return fmt.Errorf("dating the patients' registrations: %w", err)
	}
	progress("  %d patients dated as registered over the years in %.1f s", n, time.Since(start).Seconds())
	return nil
}

// benchPathwayRows times the PTL and Today's cards on the signed-in
// clinic, after a few untimed runs to warm the cache.
func benchPathwayRows(env *Env, c *app.Clinic) ([]BenchResult, error) {
	today := ukcal.Today(env.Now())
	var rows int
	ptl := func() error {
		list, err := c.PTL(pathways.PTLFilter{})
		rows = len(list.Rows)
		return err
	}
	var cards string
	byCard := map[string][]time.Duration{}
	timed := func(card string, fn func() error) error {
		start := time.Now()
		err := fn()
		byCard[card] = append(byCard[card], time.Since(start))
		return err
	}
	todayCards := func() error {
		var appts, mine, overdue, soon, sars, prompts int
		var counts app.TaskCounts
		var risk pathways.PTL
		err := errors.Join(
			timed("appointments", func() error { l, err := c.TodayList(today); appts = len(l); return err }),
			timed("tasks", func() error {
				var err error
				if counts, err = c.MyTaskCounts(); err != nil {
					return err
				}
				l, err := c.MyTasksDue(benchTodayTasksShown) // as the card reads them
				mine = len(l)
				return err
			}),
			timed("referrals", func() error {
				var err error
				risk, err = c.ReferralsAtRisk(app.ReferralAtRiskDays)
				return err
			}),
			timed("complaints", func() error {
				o, err := c.OverdueComplaints()
				if err != nil {
					return err
				}
				d, err := c.ComplaintsDueSoon(benchTodayComplaintsWithin)
				overdue, soon = len(o), len(d)
				return err
			}),
			timed("sars", func() error { l, err := c.OpenSARs(); sars = len(l); return err }),
			timed("safeguarding", func() error { l, err := c.SafeguardingPrompts(); prompts = len(l); return err }),
			timed("backup", func() error { _, err := c.BackupSettings(); return err }),
		)
		cards = fmt.Sprintf("%d appointments, %d of my tasks shown (%d due today, %d overdue), %d referrals at risk, %d complaints due, %d SARs, %d prompts",
			appts, mine, counts.DueToday, counts.Overdue, len(risk.Rows), overdue+soon, sars, prompts)
		return err
	}
	ptlRuns, err := timeRuns(ptl)
	if err != nil {
		return nil, fmt.Errorf("the patient tracking list: %w", err)
	}
	todayRuns, err := timeRuns(todayCards)
	if err != nil {
		return nil, fmt.Errorf("the cards of Today: %w", err)
	}
	ptlNote := fmt.Sprintf("%d open pathways", rows)
	if rows == 0 {
		ptlNote = "no open pathways: a clinic kept from before referrals were seeded has none (build it again)"
	}
	parts := make([]string, 0, len(byCard))
	for _, card := range []string{"appointments", "tasks", "referrals", "complaints", "sars", "safeguarding", "backup"} {
		parts = append(parts, fmt.Sprintf("%s %.2f", card, summarise(card, byCard[card][5:], 0, "").P95))
	}
	return []BenchResult{
		summarise("ptl", ptlRuns, 50, ptlNote),
		summarise("today", todayRuns, 50, cards+"; p95 ms by card: "+strings.Join(parts, ", ")),
	}, nil
}

// timeRuns runs fn a few times untimed, then benchPathwayRuns times timed.
func timeRuns(fn func() error) ([]time.Duration, error) {
	for i := 0; i < 5; i++ {
		if err := fn(); err != nil {
			return nil, err
		}
	}
	runs := make([]time.Duration, 0, benchPathwayRuns)
	for i := 0; i < benchPathwayRuns; i++ {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		runs = append(runs, time.Since(start))
	}
	return runs, nil
}
