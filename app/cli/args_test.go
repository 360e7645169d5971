package cli

import (
	"strings"
	"testing"
)

func TestParseDateFlag(t *testing.T) {
	if d, err := parseDate("--from", " 2026-11-25 "); err != nil || d.String() != "2026-11-25" {
		t.Fatalf("parseDate = %v, %v", d, err)
	}
	for in, says := range map[string]string{
		"25/11/2026": "is not a date in the form YYYY-MM-DD",
		"2026-02-30": "is not a real date",
		"0999-01-01": "the year must be from 1000 to 9999",
	} {
		if _, err := parseDate("--from", in); err == nil || !strings.Contains(err.Error(), says) || !strings.Contains(err.Error(), "--from") {
			t.Errorf("parseDate(%q) = %v; want it to name --from and say %q", in, err, says)
		}
	}
}

// Whatever is given after a date flag, parseDate does not panic, and a
// date it takes is written back exactly as the flag's form.
func FuzzParseDateFlag(f *testing.F) {
	for _, s := range []string{"2026-11-25", "25/11/2026", "2026-02-30", "0999-01-01", "", " 2026-1-5 ", "２０２６-11-25", "2026-11-25\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate("--date", s)
		if err != nil {
			if !d.IsZero() || !strings.Contains(err.Error(), "--date") {
				t.Fatalf("parseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if d.String() != strings.TrimSpace(s) || d.Year() < 1000 {
			t.Fatalf("parseDate(%q) = %v", s, d)
		}
	})
}
