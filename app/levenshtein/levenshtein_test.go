package levenshtein

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"smith", "smith", 0},
		{"smith", "smyth", 1},
		{"kitten", "sitting", 3},
		{"", "zoë", 3},
		{"Zoë", "Zoe", 1}, // runes, not bytes
		{"patient.surnam", "patient.surname", 1},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}
