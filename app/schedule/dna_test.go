package schedule

import "testing"

func TestDNAsInWindow(t *testing.T) {
	for _, c := range []struct {
		name   string
		dnas   []string
		on     string
		months int
		want   int
	}{
		{"12 months: the day a year before is out, the day after is in", []string{"2025-11-23", "2025-11-24"}, "2026-11-23", 12, 1},
		{"the day itself counts", []string{"2026-11-23"}, "2026-11-23", 12, 1},
		{"later DNAs do not count", []string{"2026-11-24", "2027-01-01"}, "2026-11-23", 12, 0},
		{"0 is the default 12 months", []string{"2025-11-23", "2025-11-24", "2026-06-01", "2026-11-23"}, "2026-11-23", 0, 3},
		{"6 months", []string{"2026-05-23", "2026-05-24", "2026-11-01"}, "2026-11-23", 6, 2},
		{"leap day inside a window ending on 28 February", []string{"2024-02-28", "2024-02-29"}, "2025-02-28", 12, 1},
		{"6 months before 30 September is 30 March", []string{"2026-03-30", "2026-03-31"}, "2026-09-30", 6, 1},
		{"none", nil, "2026-11-23", 12, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := DNAsInWindow(dates(c.dnas...), date(c.on), c.months); got != c.want {
				t.Errorf("DNAsInWindow = %d, want %d", got, c.want)
			}
		})
	}
}

func TestNextDNAStep(t *testing.T) {
	for n, want := range map[int]DNAStep{-1: "", 0: "", 1: "dna_first", 2: "dna_second", 3: "gp_letter", 7: "gp_letter"} {
		if got := NextDNAStep(n); got != want {
			t.Errorf("NextDNAStep(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNextWNBStep(t *testing.T) {
	for n, want := range map[int]DNAStep{0: "", 1: WNBFirst, 2: WNBGP, 3: WNBGP, 7: WNBGP} {
		if got := NextWNBStep(n); got != want {
			t.Errorf("NextWNBStep(%d) = %q, want %q", n, got, want)
		}
	}
}
