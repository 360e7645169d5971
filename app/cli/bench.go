package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/practice"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

// BenchStartupEnv makes the GUI quit as soon as its first window is shown,
// so `bench` can time start-to-login-screen in a child process.
const BenchStartupEnv = "CLINICDESK_BENCH_STARTUP"

func init() {
	register(&command{name: "bench", usage: "[--patients N] [--json] [--keep DIR]",
		summary: "build a throw-away clinic of N generated patients (default 10000) and measure the performance targets", run: runBench})
}

// BenchResult is one measured row.
type BenchResult struct {
	Name     string  `json:"name"`
	N        int     `json:"n"`
	P50      float64 `json:"p50_ms"`
	P95      float64 `json:"p95_ms"`
	TargetMS float64 `json:"target_ms"`
	Note     string  `json:"note,omitempty"`
}

// BenchReport is the JSON form SPEC §3 gives.
type BenchReport struct {
	Patients     int           `json:"patients"`
	Appointments int           `json:"appointments"`
	Results      []BenchResult `json:"results"`
}

const benchUser, benchPassword = "bench", "quiet-otter-lamp-post"

// The bench clinic's address and phone, which its reminder letters print.
const benchClinicAddress, benchClinicPhone = "1 Bench Street\nLeeds\nLS1 1AA", "0113 496 0001"

func runBench(env *Env, args []string) error {
	fs := newFlags("bench")
	nPatients := fs.Int("patients", 10000, "patients in the throw-away clinic")
	asJSON := fs.Bool("json", false, "print JSON")
	keep := fs.String("keep", "", "build the clinic in DIR and keep it; a later run with the same DIR and --patients measures it again without rebuilding")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected %s: clinicdesk bench takes only options", strings.Join(rest, " "))
	}
	if *nPatients < 0 {
		return usagef("--patients %d is not a number of patients: give 0 or more", *nPatients)
	}
	progress := func(format string, a ...any) {
		if !*asJSON {
			fmt.Fprintf(env.Stderr, format+"\n", a...)
		}
	}
	dir, cleanup, err := benchDir(*keep, *nPatients)
	if err != nil {
		return err
	}
	defer cleanup()
	path := filepath.Join(dir, "bench.db")

	var built benchBuilt
	var queries benchQueries
	if _, err := os.Stat(path); err == nil {
		progress("Measuring the clinic of %d patients kept in %s …", *nPatients, dir)
		queries = benchQueryMix(benchPatients(env, *nPatients))
		if built.setup, built.appointments, err = benchDiaryKept(env, path, progress); err != nil {
			return err
		}
	} else {
		progress("Building a throw-away clinic of %d patients and %d appointments in %s …", *nPatients, 10**nPatients, dir)
		if built, queries, err = benchBuild(env, path, *nPatients, progress); err != nil {
			// The file and everything beside it (keyring, anchor, WAL):
			// a keyring left behind would make the next run's build refuse.
			leftovers, _ := filepath.Glob(path + "*")
			for _, f := range leftovers {
				os.Remove(f)
			}
			return err
		}
	}
	t := time.Now()
	refPath, refDays, err := benchReference(env, dir, built.setup, path, built.appointments, progress)
	if err != nil {
		return err
	}
	if built.total > 0 {
		built.reference = time.Since(t)
	}
	// The build time always goes to stderr, JSON or not: it is worth
	// knowing, and not one of SPEC §5's rows. The reference clinic is
	// counted apart: it is the bench's yardstick, not the clinic.
	if built.total > 0 {
		fmt.Fprintf(env.Stderr, "Built the clinic of %d patients in %.1f s (%s).\n", *nPatients, built.total.Seconds(), built)
	}

	report := BenchReport{Patients: *nPatients, Appointments: built.appointments}
	// Each row is told as it is measured, so a run that stops part way
	// (a crash in the engine, say) still leaves what it measured.
	record := func(rows ...BenchResult) {
		report.Results = append(report.Results, rows...)
		for _, r := range rows {
			progress("  %s: n %d, p50 %.2f, p95 %.2f (target %g) %s", r.Name, r.N, r.P50, r.P95, r.TargetMS, r.Note)
		}
	}
	progress("Timing start to login screen …")
	record(benchStartup(env.Self, path))

	progress("Timing unlock (Argon2id key derivation + opening the file) …")
	var unlock []time.Duration
	for i := 0; i < 5; i++ {
		c, err := app.Open(path)
		if err != nil {
			return err
		}
		start := time.Now()
		err = c.SignIn(benchUser, benchPassword)
		unlock = append(unlock, time.Since(start))
		c.Close()
		if err != nil {
			return err
		}
	}
	record(summarise("unlock", unlock, 1500, ""))
	progress("Measuring the window's memory: signed in, then %d rounds of desk use …", benchScriptRounds)
	record(benchMemory(env.Self, path, queries.scriptSearches())...)

	c, err := app.Open(path)
	if err != nil {
		return err
	}
	c.SetClock(env.Now)
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		c.Close()
		return err
	}
	progress("Timing patient search (%d queries as typed at the desk) and the raw FTS query …", len(queries.all))
	search, raw, rowids, err := benchSearch(c, queries)
	if err != nil {
		c.Close()
		return err
	}
	record(search, raw, rowids)

	progress("Timing the day view, the week view and booking …")
	if err := readThrough(path); err != nil {
		c.Close()
		return err
	}
	calendar, err := benchCalendar(env, c, refPath, refDays)
	if err != nil {
		c.Close()
		return err
	}
	record(calendar...)

	progress("Timing the patient tracking list and Today's cards …")
	pathwayRows, err := benchPathwayRows(env, c)
	if err != nil {
		c.Close()
		return err
	}
	record(pathwayRows...)

	progress("Timing a year of each report …")
	reportRow, err := benchReportYear(env, c)
	if err != nil {
		c.Close()
		return err
	}
	record(reportRow)

	progress("Timing 500 reminder letters into one PDF …")
	lettersRow, err := benchLetters(c, ukcal.Today(env.Now()))
	if err != nil {
		c.Close()
		return err
	}
	record(lettersRow)

	progress("Timing the desk's work on the clinic and on a plaintext copy of it, cold and warm …")
	plainRow, err := benchEncryptedVsPlain(env, c, path, queries, "")
	if err != nil {
		c.Close()
		return err
	}
	record(plainRow)

	progress("Timing verify (integrity, cipher integrity, audit chain) …")
	var verify []time.Duration
	var rows int64
	for i := 0; i < 3; i++ {
		start := time.Now()
		r, err := c.Verify(false)
		verify = append(verify, time.Since(start))
		if err != nil {
			c.Close()
			return err
		}
		rows = r.AuditRows
	}
	c.Close()
	record(summarise("verify", verify, 30000, fmt.Sprintf("%d audit rows", rows)))

	progress("Timing the day view on days read from the disk …")
	cold, err := benchDayViewCold(env, path)
	if err != nil {
		return err
	}
	record(cold)

	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		return enc.Encode(report)
	}
	fmt.Fprintf(env.Stdout, "%-22s %4s %10s %10s %10s  %s\n", "operation", "n", "p50 ms", "p95 ms", "target", "")
	for _, r := range report.Results {
		verdict := "ok"
		switch {
		case r.N == 0:
			verdict = "not measured: " + r.Note
		case r.TargetMS == 0:
			verdict = "reference"
		case r.overTarget():
			verdict = "OVER TARGET"
		}
		if r.N > 0 && r.Note != "" {
			verdict += ": " + r.Note
		}
		fmt.Fprintf(env.Stdout, "%-22s %4d %10.2f %10.2f %10.5g  %s\n", r.Name, r.N, r.P50, r.P95, r.TargetMS, verdict)
	}
	fmt.Fprintf(env.Stdout, "(patients: %d, appointments: %d, built in %.1f s)\n",
		report.Patients, report.Appointments, built.total.Seconds())
	return nil
}

// overTarget: a timing row is judged by its p95; encrypted_vs_plain's two
// figures are both ratios (of the medians, of the p95s) held to the one
// goal, so either over it is over.
func (r BenchResult) overTarget() bool {
	if r.Name == "encrypted_vs_plain" {
		return r.P50 > r.TargetMS || r.P95 > r.TargetMS
	}
	return r.P95 > r.TargetMS
}

// benchStartup runs this binary's GUI on the clinic five times, each
// quitting as soon as the login window is up, and times each run.
func benchStartup(exe, path string) BenchResult {
	if exe == "" {
		return BenchResult{Name: "startup", TargetMS: 1000, Note: "not measured: no clinicdesk executable to run"}
	}
	display, stop, err := benchDisplay()
	if err != nil {
		return BenchResult{Name: "startup", TargetMS: 1000, Note: err.Error()}
	}
	defer stop()
	var runs []time.Duration
	for i := 0; i < 5; i++ {
		cmd := exec.Command(exe, "--db", path)
		cmd.Env = append(os.Environ(), BenchStartupEnv+"=1", "DISPLAY="+display)
		start := time.Now()
		out, err := runWithTimeout(cmd, 30*time.Second)
		if err != nil {
			return BenchResult{Name: "startup", TargetMS: 1000, Note: "the GUI did not start: " + firstLine(out, err)}
		}
		runs = append(runs, time.Since(start))
	}
	return summarise("startup", runs, 1000, "process start to login window shown")
}

// benchDisplay uses $DISPLAY, or starts a private Xvfb when there is none.
// Xvfb picks a free display itself (-displayfd): sockets left behind by
// displays that were killed would otherwise make every number look taken.
func benchDisplay() (string, func(), error) {
	if d := os.Getenv("DISPLAY"); d != "" {
		return d, func() {}, nil
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		return "", nil, errors.New("needs a display: set DISPLAY or install Xvfb")
	}
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1366x768x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		return "", nil, err
	}
	w.Close()
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			stop()
			return "", nil, errors.New("could not start Xvfb")
		}
		return ":" + n, stop, nil
	case <-time.After(10 * time.Second):
		stop()
		return "", nil, errors.New("could not start Xvfb: it did not say which display it took")
	}
}

func runWithTimeout(cmd *exec.Cmd, limit time.Duration) (string, error) {
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		return out.String(), fmt.Errorf("timed out after %s", limit)
	}
}

func firstLine(out string, err error) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(l) != "" {
			return strings.TrimSpace(l)
		}
	}
	return err.Error()
}

func summarise(name string, runs []time.Duration, target float64, note string) BenchResult {
	ms := make([]float64, len(runs))
	for i, d := range runs {
		ms[i] = float64(d.Microseconds()) / 1000
	}
	sort.Float64s(ms)
	return BenchResult{Name: name, N: len(ms), P50: percentile(ms, 50), P95: percentile(ms, 95), TargetMS: target, Note: note}
}

// percentile of sorted values, nearest-rank.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	if rank < 0 {
		rank = 0
	}
	return math.Round(sorted[rank]*100) / 100
}

// residentMB reads this process's resident memory (Linux); 0 elsewhere.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return math.Round(kb/1024*10) / 10
			}
		}
	}
	return 0
}

// benchBuilt says how long building the throw-away clinic took, and what
// its diary was built on.
type benchBuilt struct {
	total, generate, load, diary, audit, reference time.Duration
	appointments                                   int
	setup                                          seed.Setup
}

func (b benchBuilt) String() string {
	return fmt.Sprintf("generating %.1f s, import with checks and audit %.1f s, diary of %d appointments generated, checked and audited %.1f s, "+
		"older audit trail %.1f s, reference clinic %.1f s",
		b.generate.Seconds(), b.load.Seconds(), b.appointments, b.diary.Seconds(), b.audit.Seconds(), b.reference.Seconds())
}

// benchSeed makes every bench run's patients the same.
const benchSeed = 1

// benchAuditPerPatient is the audit rows a patient leaves over years of
// use besides the import's own (records opened, details changed, notes):
// about ten in all, a modest figure for a clinic that also books and
// writes letters.
const benchAuditPerPatient = 9

// benchBuild makes the throw-away clinic: the manager, n generated patients
// added the way `seed` and the CSV import add them (one ImportPatients:
// every row checked, one audit row each, one transaction), and an audit
// trail of realistic length. It returns the search queries to time, made
// from the same patients.
func benchBuild(env *Env, path string, n int, progress func(string, ...any)) (benchBuilt, benchQueries, error) {
	var b benchBuilt
	start := time.Now()
	c, _, err := app.Create(app.Setup{Path: path, Clinic: practice.Details{Name: "Bench Clinic", Address: benchClinicAddress, Phone: benchClinicPhone},
		Manager: app.NewUser{Username: benchUser, FullName: "Bench Manager", Password: benchPassword}, Now: env.Now})
	if err != nil {
		return b, benchQueries{}, err
	}
	defer c.Close()

	t := time.Now()
	rows := benchPatients(env, n)
	queries := benchQueryMix(rows)
	b.generate = time.Since(t)

	t = time.Now()
	step := max(n/10, 1)
	next := step
	_, err = c.ImportPatients(rows, app.ImportOptions{Progress: func(done, total int) {
		if done >= next && done < total {
			progress("  checked %d of %d patients …", done, total)
			next += step
		}
		if done == total {
			progress("  all %d checked; saving …", total)
		}
	}})
	if err != nil {
		return b, queries, fmt.Errorf("adding the generated patients: %w", err)
	}
	b.load = time.Since(t)
	rows = nil

	t = time.Now()
	progress("  generating the diary: ten appointments per patient over %d years and %d weeks ahead …", benchYears, diaryWeeksAhead)
	st, diary, err := benchDiary(env, c, progress)
	if err != nil {
		return b, queries, fmt.Errorf("adding the diary: %w", err)
	}
	b.diary, b.setup, b.appointments = time.Since(t), st, diary.Appointments
	if err := benchPathways(env, c, progress); err != nil {
		return b, queries, err
	}

	t = time.Now()
	progress("  writing an audit trail of years of use (%d more rows) …", n*benchAuditPerPatient)
	if err := c.BenchFillAudit(n * benchAuditPerPatient); err != nil {
		return b, queries, err
	}
	b.audit = time.Since(t)
	if err := c.Close(); err != nil {
		return b, queries, err
	}
	b.total = time.Since(start)
	return b, queries, nil
}

// benchPatients generates the bench clinic's patients: the same ones on
// every run, so a kept clinic can be measured again with the same queries.
func benchPatients(env *Env, n int) []app.ImportRow {
	g := seed.New(seed.Options{Seed: benchSeed, Today: ukcal.Today(env.Now())})
	rows := make([]app.ImportRow, n)
	for i := range rows {
		rows[i] = app.ImportRow{Line: i + 1, Patient: g.Next()}
	}
	return rows
}

// benchDir is where the clinic is built: a temporary directory removed
// afterwards, or the kept one, named for its size so that a kept clinic is
// never measured as if it were another size.
func benchDir(keep string, n int) (string, func(), error) {
	if keep == "" {
		dir, err := os.MkdirTemp("", "clinicdesk-bench-*")
		if err != nil {
			return "", nil, err
		}
		return dir, func() { os.RemoveAll(dir) }, nil
	}
	dir := filepath.Join(keep, fmt.Sprintf("patients-%d", n))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, err
	}
	return dir, func() {}, nil
}
