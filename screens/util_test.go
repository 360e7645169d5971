package screens

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// Whatever is typed in a date box, parseUKDate does not panic; an empty
// box is no date, a date it reads is a real one, and a refusal says how
// to write dates.
func FuzzParseUKDate(f *testing.F) {
	for _, s := range []string{"23/11/2026", "1/3/2026", "29/02/2026", "2026-11-23", "23/11/26", "", "   ", "23 11 2026", "00/00/0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseUKDate(s)
		if err != nil {
			if !d.IsZero() || !errors.Is(err, errBadDate) {
				t.Fatalf("parseUKDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if !d.IsZero() {
			if back, err := parseUKDate(d.Short()); err != nil || back != d {
				t.Fatalf("parseUKDate(%q) = %v, which reads back as %v, %v", s, d, back, err)
			}
		}
	})
}

// "today at", "yesterday at" and "on …" are counted on the clinic's wall
// clock: 23:30 UTC on 30 June is already 1 July in London.
func TestWhenSaid(t *testing.T) {
	now := time.Date(2026, time.July, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC), "today at 00:30"},
		{time.Date(2026, time.June, 30, 22, 30, 0, 0, time.UTC), "yesterday at 23:30"},
		{time.Date(2026, time.June, 29, 12, 0, 0, 0, time.UTC), "on 29/06/2026 at 13:00"},
	} {
		if got := whenSaid(c.at, now); got != c.want {
			t.Errorf("whenSaid(%v) = %q, want %q", c.at, got, c.want)
		}
	}
	if ukDate(time.Time{}) != "never" || ukDate(ukcal.MustParseDate("2026-07-01").LondonMidnight()) != "01/07/2026" {
		t.Error("ukDate does not say never for no time, or shows the wrong day")
	}
}

// A desk PC with no zone database of its own (Windows), set to New York
// time, still shows the clinic's wall clock: the test binary runs itself
// again with ZONEINFO pointing at an empty folder and TZ set.
func TestScreensShowLondonTimeOnAForeignPC(t *testing.T) {
	const child = "CLINICDESK_SCREENS_ZONE_CHILD"
	at := time.Date(2026, time.July, 1, 23, 30, 0, 0, time.UTC) // 00:30 on 2 July in London, 19:30 in New York
	if os.Getenv(child) == "1" {
		if _, off := at.In(time.Local).Zone(); off != -4*3600 {
			t.Fatalf("the child's own zone has offset %d, not New York's: the test proves nothing", off)
		}
		t.Logf("shown: %s | %s | %s", whenSaid(at, at), ukDate(at), ukcal.WallDateTimeSeconds(at))
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestScreensShowLondonTimeOnAForeignPC$", "-test.v")
	cmd.Env = append(os.Environ(), child+"=1", "ZONEINFO="+t.TempDir(), "TZ=America/New_York")
	out, err := cmd.CombinedOutput()
	if want := "shown: today at 00:30 | 02/07/2026 | 02/07/2026 00:30:00"; err != nil || !strings.Contains(string(out), want) {
		t.Fatalf("want %q from the child run: %v\n%s", want, err, out)
	}
}
