package cli

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// The memory rows are the window's own reports: rss_mb once signed in,
// rss_day_mb over the rounds, its p95 the highest and its note the
// growth and where the memory is.
func TestBenchMemoryRowsAreTheWindowsOwnFigures(t *testing.T) {
	out := strings.Join([]string{
		"Fyne error: something on stderr",
		benchMemoryPrefix + `{"stage":"unlock","rss_mb":180.5,"anon_mb":75,"file_mb":105.5,"go_mb":45,"go_heap_mb":25,"sqlite_mb":0.5}`,
		benchMemoryPrefix + `{"stage":"round 1","rss_mb":196,"anon_mb":90,"file_mb":106,"go_mb":47,"go_heap_mb":30,"sqlite_mb":5}`,
		benchMemoryPrefix + `{"stage":"round 2","rss_mb":199,"anon_mb":93,"file_mb":106,"go_mb":48,"go_heap_mb":31,"sqlite_mb":5}`,
		benchMemoryPrefix + `{"stage":"round 3","rss_mb":198,"anon_mb":92,"file_mb":106,"go_mb":48,"go_heap_mb":31,"sqlite_mb":5}`,
		benchMemoryPrefix + `{"stage":"round 4","rss_mb":201,"anon_mb":95,"file_mb":106,"go_mb":48,"go_heap_mb":31,"sqlite_mb":6}`,
		benchMemoryPrefix + `{"stage":"settled","rss_mb":170,"anon_mb":64,"file_mb":106,"go_mb":30,"go_heap_mb":22,"sqlite_mb":6}`,
	}, "\n")
	rows := benchMemoryRows(out, nil, 4)
	if len(rows) != 2 || rows[0].Name != "rss_mb" || rows[1].Name != "rss_day_mb" {
		t.Fatalf("rows: %+v", rows)
	}
	rss, day := rows[0], rows[1]
	if rss.N != 1 || rss.P50 != 180.5 || rss.P95 != 180.5 || rss.TargetMS != 200 {
		t.Fatalf("rss_mb is not the window's figure once signed in: %+v", rss)
	}
	if !strings.Contains(rss.Note, "Go 45 MB (heap objects 25; collecting took 0% of its CPU)") || !strings.Contains(rss.Note, "SQLite 0 MB") || !strings.Contains(rss.Note, "GL/X/fonts and other C 30 MB") {
		t.Fatalf("rss_mb does not split the memory: %q", rss.Note)
	}
	if day.N != 4 || day.P95 != 201 || day.P50 != 198 || day.TargetMS != 200 {
		t.Fatalf("rss_day_mb: %+v", day)
	}
	// Growth over the second half: round 4 less round 2.
	if !strings.Contains(day.Note, "196 MB after the first round, 201 MB after the last, +2 MB over the second half") {
		t.Fatalf("rss_day_mb does not say how memory grew: %q", day.Note)
	}
	// The pause after the rounds is told, not counted as a round.
	if !strings.Contains(day.Note, "170 MB after a pause of 45 s (Go 30 MB") {
		t.Fatalf("rss_day_mb does not tell the memory after the pause: %q", day.Note)
	}
}

// A window that stops part way is reported as such, never as a figure.
func TestBenchMemoryRowsSayWhyTheWindowStopped(t *testing.T) {
	out := benchMemoryPrefix + `{"stage":"unlock","rss_mb":180,"anon_mb":75,"file_mb":105}` + "\nclinicdesk bench script: the window did not show the lock screen within two minutes\n"
	rows := benchMemoryRows(out, nil, 12)
	if rows[0].N != 1 || rows[1].N != 0 || !strings.Contains(rows[1].Note, "stopped after 0 of 12 rounds: clinicdesk bench script: the window did not show the lock screen") {
		t.Fatalf("rows: %+v", rows)
	}
	rows = benchMemoryRows("clinicdesk: the window did not sign in: Wrong user name or password.\n", errors.New("exit status 1"), 12)
	for _, r := range rows {
		if r.N != 0 || !strings.Contains(r.Note, "could not measure: clinicdesk: the window did not sign in") {
			t.Fatalf("row %+v", r)
		}
	}
}

// Without a display the rows say so plainly and measure nothing, rather
// than measuring a command in the window's place.
func TestBenchMemorySaysPlainlyWhenThereIsNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("PATH", t.TempDir()) // no Xvfb to start
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rows := benchMemory(exe, "no.db", nil)
	for _, r := range rows {
		if r.N != 0 || r.P95 != 0 || !strings.Contains(r.Note, "not measured: the window needs a display") {
			t.Fatalf("row %+v", r)
		}
	}
}

// What the bench gives the window on standard input.
func TestBenchScriptInputIsUserPasswordThenSearches(t *testing.T) {
	user, pw, searches, err := ReadBenchScriptInput(strings.NewReader("bench\nquiet otter\nsmi\n\nJones\n"))
	if err != nil || user != "bench" || pw != "quiet otter" || strings.Join(searches, "|") != "smi|Jones" {
		t.Fatalf("%q %q %q %v", user, pw, searches, err)
	}
	if _, _, _, err := ReadBenchScriptInput(strings.NewReader("bench\n")); err == nil {
		t.Fatal("a script with no password was accepted")
	}
}
