package ukcal

import (
	"testing"

	"clinicdesk/app/testvectors"
)

// feedVectors is the testdata copy of the GOV.UK feed, read independently of
// the package's own parser.
type feedVectors map[string]struct {
	Division string `json:"division"`
	Events   []struct {
		Title string `json:"title"`
		Date  string `json:"date"`
		Notes string `json:"notes"`
	} `json:"events"`
}

// feedByYear returns the feed vectors as region → year → holidays in file order.
func feedByYear(t *testing.T) map[Region]map[int][]Holiday {
	t.Helper()
	var raw feedVectors
	testvectors.Load(t, "bank-holidays.json", &raw)
	out := map[Region]map[int][]Holiday{}
	for name, div := range raw {
		r, err := ParseRegion(name)
		if err != nil {
			t.Fatalf("feed division %q: %v", name, err)
		}
		if div.Division != name {
			t.Errorf("feed division %q calls itself %q", name, div.Division)
		}
		out[r] = map[int][]Holiday{}
		for _, e := range div.Events {
			d := MustParseDate(e.Date)
			out[r][d.Year()] = append(out[r][d.Year()], Holiday{Date: d, Title: e.Title, Substitute: e.Notes == "Substitute day"})
		}
	}
	if len(out) != 3 {
		t.Fatalf("feed has %d divisions, want 3", len(out))
	}
	return out
}
