package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The memory rows measure the window people use, not a command: the GUI
// runs in a child process on the bench clinic, signs in (rss_mb) and
// plays a stretch of desk use (rss_day_mb), reporting its own memory.

// BenchScriptEnv makes the GUI play `bench`'s stretch of desk use: its
// value is the number of rounds; the user name, password and searches
// come on standard input (screens.BenchScript).
const BenchScriptEnv = "CLINICDESK_BENCH_SCRIPT"

// BenchHeapProfileEnv names a folder where the scripted window writes a
// Go heap profile (`go tool pprof`) and its memory map (/proc's smaps) at
// each measuring point. Never on unless asked for.
const BenchHeapProfileEnv = "CLINICDESK_BENCH_HEAPPROFILE"

// benchScriptRounds of about ten seconds each: every screen, four
// searches and records, nine moves through days and weeks, a lock and
// unlock. Twelve rounds visit every screen 72 times; then the window
// rests for three quarters of a minute and reports once more ("settled").
const benchScriptRounds = 12

// benchMemoryPrefix starts each line the window writes at a measuring point.
const benchMemoryPrefix = "clinicdesk-bench-memory "

// BenchMemory is the window's memory at one point of the script, MB.
type BenchMemory struct {
	Stage  string  `json:"stage"`
	RSS    float64 `json:"rss_mb"`  // VmRSS: what the desk PC gives the window
	Anon   float64 `json:"anon_mb"` // anonymous pages: Go's heap, C's heaps (SQLite, GL, fonts)
	File   float64 `json:"file_mb"` // mapped files: the program, its libraries
	Go     float64 `json:"go_mb"`   // everything the Go runtime holds and has not given back
	GoHeap float64 `json:"go_heap_mb"`
	SQLite float64 `json:"sqlite_mb"`  // sqlite3_memory_used: page caches, statements, schema
	GCCPU  float64 `json:"gc_cpu_pct"` // the collector's share of the window's CPU time so far
}

// Other is the anonymous memory neither Go nor SQLite accounts for: the
// GL driver (software GL draws in memory), X, fonts and other C heaps.
func (m BenchMemory) Other() float64 { return round1(math.Max(m.Anon-m.Go-m.SQLite, 0)) }

func (m BenchMemory) split() string {
	return fmt.Sprintf("Go %.0f MB (heap objects %.0f; collecting took %.0f%% of its CPU), SQLite %.0f MB, GL/X/fonts and other C %.0f MB, program and libraries mapped %.0f MB",
		m.Go, m.GoHeap, m.GCCPU, m.SQLite, m.Other(), m.File)
}

// ReadBenchScriptInput reads what the bench gives the window on standard
// input: the user name, the password, then one search a line.
func ReadBenchScriptInput(r io.Reader) (user, password string, searches []string, err error) {
	sc := bufio.NewScanner(r)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return "", "", nil, err
	}
	if len(lines) < 2 {
		return "", "", nil, errors.New("the bench script needs a user name and a password on standard input")
	}
	for _, q := range lines[2:] {
		if strings.TrimSpace(q) != "" {
			searches = append(searches, q)
		}
	}
	return lines[0], lines[1], searches, nil
}

// BenchMark writes this process's memory at a point of the script, and
// a heap profile when BenchHeapProfileEnv asks for one.
func BenchMark(w io.Writer, stage string) {
	m := benchMemoryNow(stage)
	b, _ := json.Marshal(m)
	fmt.Fprintln(w, benchMemoryPrefix+string(b))
	if dir := os.Getenv(BenchHeapProfileEnv); dir != "" {
		name := strings.ReplaceAll(stage, " ", "-")
		if f, err := os.Create(filepath.Join(dir, "heap-"+name+".pb.gz")); err == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
		if b, err := os.ReadFile("/proc/self/smaps"); err == nil {
			os.WriteFile(filepath.Join(dir, "smaps-"+name+".txt"), b, 0o600)
		}
		os.WriteFile(filepath.Join(dir, "go-memory-"+name+".txt"), goMemoryClasses(), 0o600)
	}
}

func benchMemoryNow(stage string) BenchMemory {
	m := BenchMemory{Stage: stage, RSS: residentMB(), SQLite: round1(float64(sqliteMemoryUsed()) / (1 << 20))}
	if b, err := os.ReadFile("/proc/self/smaps_rollup"); err == nil {
		kb := map[string]float64{}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 {
				v, _ := strconv.ParseFloat(f[1], 64)
				kb[strings.TrimSuffix(f[0], ":")] = v
			}
		}
		m.Anon = round1(kb["Anonymous"] / 1024)
		m.File = round1((kb["Rss"] - kb["Anonymous"]) / 1024)
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
	metrics.Read(s)
	mb := func(i int) float64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return float64(s[i].Value.Uint64()) / (1 << 20)
	}
	m.Go, m.GoHeap = round1(mb(0)-mb(1)), round1(mb(2))
	if s[3].Value.Kind() == metrics.KindFloat64 && s[4].Value.Kind() == metrics.KindFloat64 && s[4].Value.Float64() > 0 {
		m.GCCPU = round1(100 * s[3].Value.Float64() / s[4].Value.Float64())
	}
	return m
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// benchMemory runs the window on the clinic with the script and makes
// the two memory rows from what it reports.
func benchMemory(exe, path string, searches []string) []BenchResult {
	rss := BenchResult{Name: "rss_mb", TargetMS: 200}
	day := BenchResult{Name: "rss_day_mb", TargetMS: 200}
	skip := func(why string) []BenchResult {
		rss.Note, day.Note = why, why
		return []BenchResult{rss, day}
	}
	if exe == "" {
		return skip("not measured: no clinicdesk executable to run")
	}
	display, stop, err := benchDisplay()
	if err != nil {
		return skip("not measured: the window " + err.Error())
	}
	defer stop()
	// Its own preferences: the user's window size and remembered clinics
	// neither change the figures nor gain the bench's throw-away clinic.
	config, err := os.MkdirTemp("", "clinicdesk-bench-config-*")
	if err != nil {
		return skip("not measured: " + err.Error())
	}
	defer os.RemoveAll(config)
	cmd := exec.Command(exe, "--db", path)
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", BenchScriptEnv, benchScriptRounds), "DISPLAY="+display, "XDG_CONFIG_HOME="+config)
	cmd.Stdin = strings.NewReader(benchUser + "\n" + benchPassword + "\n" + strings.Join(searches, "\n") + "\n")
	out, err := runWithTimeout(cmd, 15*time.Minute)
	return benchMemoryRows(out, err, benchScriptRounds)
}

// benchMemoryRows reads the window's reports: rss_mb once signed in,
// rss_day_mb over the rounds (its p95 the highest, its note the growth).
func benchMemoryRows(out string, runErr error, rounds int) []BenchResult {
	rss := BenchResult{Name: "rss_mb", TargetMS: 200}
	day := BenchResult{Name: "rss_day_mb", TargetMS: 200}
	var marks []BenchMemory
	var said []string
	for _, line := range strings.Split(out, "\n") {
		var m BenchMemory
		if rest, ok := strings.CutPrefix(line, benchMemoryPrefix); ok && json.Unmarshal([]byte(rest), &m) == nil && m.RSS > 0 {
			marks = append(marks, m)
		} else if strings.TrimSpace(line) != "" {
			said = append(said, line)
		}
	}
	why := "the window stopped"
	if runErr != nil {
		why = firstLine(strings.Join(said, "\n"), runErr)
	} else if len(said) > 0 {
		why = firstLine(strings.Join(said, "\n"), nil)
	}
	if len(marks) == 0 || marks[0].Stage != "unlock" {
		rss.Note = "could not measure: " + why
		day.Note = rss.Note
		return []BenchResult{rss, day}
	}
	u := marks[0]
	rss.N, rss.P50, rss.P95 = 1, u.RSS, u.RSS
	rss.Note = "the window's resident memory once signed in, on its first screen, MB (target_ms holds the MB target): " + u.split()
	after := marks[1:]
	var settled *BenchMemory
	if n := len(after); n > 0 && after[n-1].Stage == "settled" {
		settled, after = &after[n-1], after[:n-1]
	}
	if len(after) < rounds {
		day.Note = fmt.Sprintf("could not measure: the script stopped after %d of %d rounds: %s", len(after), rounds, why)
		return []BenchResult{rss, day}
	}
	mb := make([]float64, len(after))
	for i, m := range after {
		mb[i] = m.RSS
	}
	last, half := after[len(after)-1], after[max(len(after)/2-1, 0)]
	sort.Float64s(mb)
	day.N, day.P50, day.P95 = len(mb), percentile(mb, 50), mb[len(mb)-1]
	day.Note = fmt.Sprintf("the window's resident memory after each of %d rounds of desk use (every screen, searches and records, days and weeks, lock and unlock), MB; "+
		"p95 is the highest; %.0f MB after the first round, %.0f MB after the last, %+.0f MB over the second half; at the end: %s",
		len(mb), after[0].RSS, last.RSS, last.RSS-half.RSS, last.split())
	if settled != nil {
		day.Note += fmt.Sprintf("; %.0f MB after a pause of 45 s (%s)", settled.RSS, settled.split())
	}
	return []BenchResult{rss, day}
}

// scriptSearches are the searches the window's script types: every
// fifth of the mix, a few dozen of every kind.
func (q benchQueries) scriptSearches() []string {
	var out []string
	for i := 0; i < len(q.all) && len(out) < 48; i += 5 {
		out = append(out, q.all[i].text)
	}
	return out
}

// goMemoryClasses lists where the Go runtime's memory is, one class a
// line in MB, for the heap-profile folder.
func goMemoryClasses() []byte {
	var s []metrics.Sample
	for _, d := range metrics.All() {
		if strings.HasPrefix(d.Name, "/memory/classes/") {
			s = append(s, metrics.Sample{Name: d.Name})
		}
	}
	metrics.Read(s)
	var b strings.Builder
	for _, x := range s {
		if x.Value.Kind() == metrics.KindUint64 {
			fmt.Fprintf(&b, "%8.1f %s\n", float64(x.Value.Uint64())/(1<<20), x.Name)
		}
	}
	return []byte(b.String())
}
