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
