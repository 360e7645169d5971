package cli

import (
	"os"
	"testing"
	"time"

	"clinicdesk/app"
)

// Some bench rows can be measured alone on a bench clinic file (a copy:
// opening it migrates it), for a quick figure without the whole bench:
//
//	CLINICDESK_BENCH_REPORT_DB=/tmp/copy/patients-10000/bench.db go test ./app/cli -run TestBenchReportYearOnAKeptClinic -v
//	CLINICDESK_BENCH_PATHWAY_DB=/tmp/copy/patients-10000/bench.db go test ./app/cli -run TestBenchPathwayRowsOnAKeptClinic -v
//
// Each is skipped without its variable. They print the figures; they
// assert no timing.

func TestBenchReportYearOnAKeptClinic(t *testing.T) {
	c := keptBenchClinic(t, "CLINICDESK_BENCH_REPORT_DB")
	row, err := benchReportYear(&Env{Now: time.Now}, c)
	if err != nil {
		t.Fatal(err)
	}
	logBenchRows(t, row)
}

func TestBenchPathwayRowsOnAKeptClinic(t *testing.T) {
	c := keptBenchClinic(t, "CLINICDESK_BENCH_PATHWAY_DB")
	rows, err := benchPathwayRows(&Env{Now: time.Now}, c)
	if err != nil {
		t.Fatal(err)
	}
	logBenchRows(t, rows...)
}

// keptBenchClinic opens the bench clinic the variable names, signed in as
// the bench's user, or skips the test when it names none.
func keptBenchClinic(t *testing.T, variable string) *app.Clinic {
	t.Helper()
	path := os.Getenv(variable)
	if path == "" {
		t.Skip(variable + " is not set")
	}
	c, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		t.Fatal(err)
	}
	return c
}

func logBenchRows(t *testing.T, rows ...BenchResult) {
	for _, row := range rows {
		t.Logf("%s: n %d, p50 %.2f ms, p95 %.2f ms (target %g): %s", row.Name, row.N, row.P50, row.P95, row.TargetMS, row.Note)
	}
}
