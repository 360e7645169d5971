package ukcal

import (
	"database/sql"
	"database/sql/driver"
	"testing"
	"time"
)

var (
	_ sql.Scanner   = (*Date)(nil)
	_ driver.Valuer = Date{}
)

func TestDateValueAndScan(t *testing.T) {
	d := MustParseDate("2024-02-29")
	if v, err := d.Value(); err != nil || v != "2024-02-29" {
		t.Fatalf("Value = %v, %v", v, err)
	}
	if v, err := (Date{}).Value(); err != nil || v != "" {
		t.Fatalf("Value of no date = %q, %v; the columns hold ''", v, err)
	}
	for _, src := range []any{"2024-02-29", []byte("2024-02-29"), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)} {
		var got Date
		if err := got.Scan(src); err != nil || got != d {
			t.Errorf("Scan(%#v) = %v, %v", src, got, err)
		}
	}
	for _, src := range []any{nil, "", []byte{}} {
		got := d
		if err := got.Scan(src); err != nil || !got.IsZero() {
			t.Errorf("Scan(%#v) = %v, %v; want no date", src, got, err)
		}
	}
	for _, src := range []any{"2026-02-29", "23/11/2026", int64(20260229), 1.5, true} {
		var got Date
		if err := got.Scan(src); err == nil {
			t.Errorf("Scan(%#v) = %v; want an error", src, got)
		}
	}
}

// Whatever text a column holds, Scan does not panic, and a date it reads
// is written back by Value as the same text.
func FuzzDateScan(f *testing.F) {
	for _, s := range []string{"2026-11-23", "", "2026-02-29", "0000-01-01", "9999-12-31", "2026-11-23 00:00:00", "garbage"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Date
		if err := d.Scan(s); err != nil {
			return
		}
		v, err := d.Value()
		if err != nil || v != s {
			t.Fatalf("Scan(%q) then Value = %v, %v", s, v, err)
		}
	})
}
