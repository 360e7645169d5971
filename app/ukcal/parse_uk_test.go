package ukcal

import (
	"errors"
	"strings"
	"testing"
)

// What the front desk's date boxes and the patient import have always taken.
func TestParseUK(t *testing.T) {
	good := map[string]string{
		"23/11/2026": "2026-11-23", "1/3/2026": "2026-03-01", "01/03/2026": "2026-03-01",
		"23-11-2026": "2026-11-23", "23.11.2026": "2026-11-23", "23 11 2026": "2026-11-23",
		" 29/02/2024 ": "2024-02-29", "23//11/2026": "2026-11-23", "31/12/1899": "1899-12-31",
	}
	for in, want := range good {
		if d, err := ParseUK(in); err != nil || d.String() != want {
			t.Errorf("ParseUK(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for in, noSuchDay := range map[string]bool{
		"29/02/2026": true, "31/04/2026": true, "00/01/2026": true, "12/13/2026": true, "1/0/2026": true,
		"": false, "23/11/26": false, "2026-11-23": false, "23/11": false, "23/11/2026/1": false,
		"123/11/2026": false, "+1/+2/2026": false, "a/b/cdef": false, "23/11/20266": false,
		"２３/11/2026": false, "1 feb 1985": false, "23/11/2026 10:00": false,
	} {
		d, err := ParseUK(in)
		var ue *UKDateError
		if err == nil || !errors.As(err, &ue) || ue.NoSuchDay != noSuchDay || ue.Text != strings.TrimSpace(in) {
			t.Errorf("ParseUK(%q) = %v, %v; want a UKDateError with NoSuchDay %v", in, d, err, noSuchDay)
		}
	}
	if _, err := ParseUK(" 31/4/2026"); err == nil || err.Error() != `"31/4/2026" is not a real date` {
		t.Errorf("the error for 31/4/2026 reads %v", err)
	}
	if _, err := ParseUK("tomorrow"); err == nil || err.Error() != `"tomorrow" is not a date written dd/mm/yyyy` {
		t.Errorf("the error for tomorrow reads %v", err)
	}
}

// Whatever is typed, ParseUK does not panic; what it accepts is a real date
// that reads back the same, and what it refuses it says why.
func FuzzParseUK(f *testing.F) {
	for _, s := range []string{"23/11/2026", "1/3/2026", "29/02/2024", "29/02/2026", "23 11 2026", "23.11.2026",
		"", "//", "1/1/0000", "99/99/9999", "+1/+2/2026", "1/2/３０００", "23/11/2026\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseUK(s)
		if err != nil {
			var ue *UKDateError
			if !errors.As(err, &ue) || !d.IsZero() {
				t.Fatalf("ParseUK(%q) = %v, %v", s, d, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseUK(%q) accepted no date", s)
		}
		if back, err := ParseUK(d.Short()); err != nil || back != d {
			t.Fatalf("ParseUK(%q) = %v, but its Short form %q reads back as %v, %v", s, d, d.Short(), back, err)
		}
	})
}
