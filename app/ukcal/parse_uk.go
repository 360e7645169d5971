package ukcal

import (
	"fmt"
	"strings"
	"time"
)

// UKDateError says why text is not a date written the UK way: either it is
// not shaped like one, or it is shaped like one but names no real day
// (31/04/2026). Callers choose their own words from NoSuchDay.
type UKDateError struct {
	Text      string // what was typed, without surrounding spaces
	NoSuchDay bool
}

func (e *UKDateError) Error() string {
	if e.NoSuchDay {
		return fmt.Sprintf("%q is not a real date", e.Text)
	}
	return fmt.Sprintf("%q is not a date written dd/mm/yyyy", e.Text)
}

// ParseUK reads a date written day first with the year in full:
// 23/11/2026, 3/2/2026, 23-11-2026, 23.11.2026 or 23 11 2026. Spaces around
// it do not matter. The error is a *UKDateError.
func ParseUK(text string) (Date, error) {
	s := strings.TrimSpace(text)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) ||
		len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return Date{}, &UKDateError{Text: s}
	}
	day, month, year := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if !isRealDate(year, month, day) {
		return Date{}, &UKDateError{Text: s, NoSuchDay: true}
	}
	return NewDate(year, time.Month(month), day), nil
}

// atoi reads a short run of ASCII digits (allDigits has checked it).
func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
