package complaints

import (
	"testing"

	"clinicdesk/app/ukcal"
)

func TestRetainUntilTenYearsFromClosure(t *testing.T) {
	for _, c := range []struct{ closed, until string }{
		{"2026-11-23", "2036-11-23"},
		{"2028-02-29", "2038-02-28"}, // no 29 February in 2038
		{"2031-12-31", "2041-12-31"},
	} {
		if got := RetainUntil(date(c.closed)); got.String() != c.until {
			t.Errorf("closed %s: keep until %s, want %s", c.closed, got, c.until)
		}
	}
	if got := RetainUntil(ukcal.Date{}); !got.IsZero() {
		t.Errorf("an open complaint has a retention date %s", got)
	}
}
