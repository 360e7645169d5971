package reports

import "testing"

func TestThousandsPutsCommasBetweenThousands(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {164175, "164,175"}, {1034359, "1,034,359"}, {-12345, "-12,345"}} {
		if got := Thousands(c.n); got != c.want {
			t.Errorf("Thousands(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestCellToReadCommasOnlyWholeNumbers(t *testing.T) {
	for cell, want := range map[string]string{"164175": "164,175", "999": "999", "-1200": "-1,200", "12.5%": "12.5%",
		"2025–26": "2025–26", "": "", "Week of 5 January": "Week of 5 January", "0012": "0012", "1,000": "1,000"} {
		if got := CellToRead(cell); got != want {
			t.Errorf("CellToRead(%q) = %q, want %q", cell, got, want)
		}
	}
}
