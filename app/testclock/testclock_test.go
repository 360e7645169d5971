package testclock

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// The variable moves the clock for the tests only: no file of the shipped
// program imports this package or the vectors, or names the variable.
func TestTheShippedProgramNeverReadsTheTestClock(t *testing.T) {
	// `go test` runs in this package's folder, app/testclock.
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testOnly := map[string]bool{filepath.Join(root, "app", "testclock"): true, filepath.Join(root, "app", "testvectors"): true}
	needles := []string{`"clinicdesk/app/testclock"`, `"clinicdesk/app/testvectors"`, Variable}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || testOnly[path]) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for _, n := range needles {
			if strings.Contains(string(data), n) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s, part of the shipped program, names %s: only tests may", rel, n)
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

func TestTheVariableMovesTheClock(t *testing.T) {
	cases := map[string]time.Time{
		"":                          Default,
		"2031-06-15":                time.Date(2031, 6, 15, 10, 40, 0, 0, ukcal.London()),
		"2039-01-03":                time.Date(2039, 1, 3, 10, 40, 0, 0, ukcal.London()),
		"2027-03-28":                time.Date(2027, 3, 28, 9, 40, 0, 0, time.UTC), // the clocks went forward at 01:00
		"2035-03-25T23:30:00+00:00": time.Date(2035, 3, 25, 23, 30, 0, 0, time.UTC),
	}
	for in, want := range cases {
		got, err := Parse(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"15/06/2031", "2031-02-30", "tomorrow"} {
		if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), Variable) {
			t.Errorf("Parse(%q) = %v, want an error naming %s", bad, err, Variable)
		}
	}
	if n := Now(); n.Before(Base()) || n.Sub(Base()) > time.Hour {
		t.Errorf("Now %v does not run on from Base %v", n, Base())
	}
	if w := ukcal.DateOf(WorkingMorning()); !ukcal.EnglandAndWales.IsWorkingDay(w) || w.Before(Today()) || Today().DaysUntil(w) > 5 {
		t.Errorf("WorkingMorning is on %v, from %v", w, Today())
	}
	if Today() != ukcal.Today(Base()) || !At(Today()).Equal(Base()) {
		t.Errorf("Today %v, At(Today) %v, Base %v", Today(), At(Today()), Base())
	}
}
