package cli

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
)

// The reports row of SPEC §5 (`report_year`): a year of any report, by
// week, for the whole clinic, within 200 ms. Every report is timed; the
// row is the slowest one's, and its note gives each report's p95.

// benchReportRuns is how many times each report is timed.
const benchReportRuns = 20

// benchReportYear times each report over the year to today on the
// signed-in clinic. Each run is the whole facade call: the counts, the
// previous year for the comparison, the words and the audit row.
func benchReportYear(env *Env, c *app.Clinic) (BenchResult, error) {
	today := ukcal.Today(env.Now())
	r := reports.Range{From: today.AddDays(-364), To: today, By: reports.ByWeek}
	var slowest BenchResult
	var parts []string
	for _, kind := range reports.Kinds {
		var runs []time.Duration
		run := func() error {
			start := time.Now()
			_, err := c.Report(kind, r)
			runs = append(runs, time.Since(start))
			return err
		}
		for i := 0; i < 2+benchReportRuns; i++ {
			if err := run(); err != nil {
				return BenchResult{}, fmt.Errorf("the %s report: %w", kind, err)
			}
		}
		row := summarise(string(kind), runs[2:], 200, "")
		parts = append(parts, fmt.Sprintf("%s %.1f", kind, row.P95))
		if row.P95 > slowest.P95 {
			slowest = row
		}
	}
	return BenchResult{Name: "report_year", N: slowest.N, P50: slowest.P50, P95: slowest.P95, TargetMS: 200,
		Note: fmt.Sprintf("a year by week, the slowest (%s) shown; p95 ms by report: %s", slowest.Name, strings.Join(parts, ", "))}, nil
}
