package ukcal

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// childEnv marks the test binary run again as a PC with no zone database
// of its own, set to New York time.
const childEnv = "CLINICDESK_UKCAL_ZONE_CHILD"

// A desk PC without zoneinfo (Windows) and set to another zone still shows
// the clinic's wall clock: the zone comes from the bytes built in.
func TestLondonWithoutTheMachinesZoneDatabase(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		londonOnAForeignPC(t)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestLondonWithoutTheMachinesZoneDatabase$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1", "ZONEINFO="+t.TempDir(), "TZ=America/New_York")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "wall clock: 01/07/2026 13:00") {
		t.Fatalf("the child run failed: %v\n%s", err, out)
	}
}

func londonOnAForeignPC(t *testing.T) {
	noon := time.Date(2026, time.July, 1, 12, 0, 0, 0, time.UTC)
	if _, off := noon.In(time.Local).Zone(); off != -4*3600 && runtime.GOOS != "windows" {
		t.Fatalf("the child's own zone is %s (offset %d), not New York: the test proves nothing", time.Local, off)
	}
	if name := London().String(); name != "Europe/London" {
		t.Fatalf("London() is %q", name)
	}
	got := WallDateTime(noon)
	if got != "01/07/2026 13:00" {
		t.Fatalf("noon UTC on 1 July shows as %q, want 13:00 BST", got)
	}
	if w := WallDateTime(time.Date(2026, time.December, 1, 12, 0, 0, 0, time.UTC)); w != "01/12/2026 12:00" {
		t.Fatalf("noon UTC on 1 December shows as %q, want 12:00 GMT", w)
	}
	t.Log("wall clock: " + got)
}

// Only this package decides the clinic's zone: no other shipped file falls
// back to the PC's own zone or loads a zone of its own.
func TestNoOtherZoneInTheShippedProgram(t *testing.T) {
	// go test runs in the package's folder: runtime.Caller would give an
	// import path, not a folder, under -trimpath.
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Clean(filepath.Join(here, "..", ".."))
	zone := regexp.MustCompile(`time\.Local\b|\.Local\(\)|time\.LoadLocation\(|"time/tzdata"`)
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == here || (path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for i, line := range strings.Split(string(src), "\n") {
			if zone.MatchString(line) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d uses a zone of its own; call ukcal.London or ukcal.Wall: %s", rel, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked under %s", checked, root)
	}
}
