package cli

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/testclock"
)

// BenchmarkLetters500 runs the bench's letters row (SPEC §5: 500 letters
// into one PDF, ≤ 1.5 s) on a generated bench clinic, outside `clinicdesk
// bench`, for profiling:
//
//	go test -tags '…' -run '^$' -bench Letters500 -benchtime 3x -cpuprofile cpu.out ./app/cli/
//
// CLINICDESK_BENCH_PATIENTS sets the clinic's size (default 20000; its
// diary needs enough bookings in the weeks ahead for 500 reminders), and
// CLINICDESK_BENCH_CLINIC a file to build it in once and reuse after.
func BenchmarkLetters500(b *testing.B) {
	n := 20000
	if s := os.Getenv("CLINICDESK_BENCH_PATIENTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	path := os.Getenv("CLINICDESK_BENCH_CLINIC")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	if _, err := os.Stat(path); err != nil {
		env := &Env{Stdout: io.Discard, Stderr: io.Discard, Now: testclock.Now}
		if _, _, err := benchBuild(env, path, n, func(string, ...any) {}); err != nil {
			b.Fatal(err)
		}
	}
	c, err := app.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	c.SetClock(testclock.Now)
	defer c.Close()
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		r, err := benchLetters(c, testclock.Today())
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(r.P50, "ms/batch")
		b.Logf("%.0f ms: %s", r.P50, r.Note)
	}
}
