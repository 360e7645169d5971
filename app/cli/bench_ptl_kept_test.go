package cli

import (
	"os"
	"testing"
	"time"

	"clinicdesk/app"
)

// TestBenchPathwayRowsOnAKeptClinic measures the ptl and today rows alone
// on a bench clinic file (a copy: opening it migrates it), for a quick
// figure without the whole bench:
//
//	CLINICDESK_BENCH_PATHWAY_DB=/tmp/copy/patients-10000/bench.db go test ./app/cli -run TestBenchPathwayRowsOnAKeptClinic -v
//
// Skipped without it. It prints the figures; it asserts no timing.
func TestBenchPathwayRowsOnAKeptClinic(t *testing.T) {
	path := os.Getenv("CLINICDESK_BENCH_PATHWAY_DB")
	if path == "" {
		t.Skip("CLINICDESK_BENCH_PATHWAY_DB is not set")
	}
	c, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		t.Fatal(err)
	}
	rows, err := benchPathwayRows(&Env{Now: time.Now}, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		t.Logf("%s: n %d, p50 %.2f ms, p95 %.2f ms (target %g): %s", row.Name, row.N, row.P50, row.P95, row.TargetMS, row.Note)
	}
}
