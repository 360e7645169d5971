package schedule

import (
	"fmt"
	"strings"
)

// PartOfDay is a patient's preferred time of day: the start time decides.
type PartOfDay int

// The parts of the day.
const (
	AnyTime   PartOfDay = iota // no preference
	Morning                    // starting before 12:00
	Afternoon                  // starting at 12:00 or later
)

// Fits reports whether an appointment starting at the time suits the part
// of the day.
func (p PartOfDay) Fits(start Clock) bool {
	switch p {
	case Morning:
		return start < Noon
	case Afternoon:
		return start >= Noon
	}
	return true
}

// String returns "any", "morning" or "afternoon", the stored form.
func (p PartOfDay) String() string {
	switch p {
	case AnyTime:
		return "any"
	case Morning:
		return "morning"
	case Afternoon:
		return "afternoon"
	}
	return fmt.Sprintf("PartOfDay(%d)", int(p))
}

// ParsePartOfDay reads "any", "morning" or "afternoon" (any case); the empty
// string is AnyTime.
func ParsePartOfDay(s string) (PartOfDay, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return AnyTime, nil
	}
	for _, p := range []PartOfDay{AnyTime, Morning, Afternoon} {
		if strings.EqualFold(s, p.String()) {
			return p, nil
		}
	}
	return AnyTime, fmt.Errorf("unknown time of day %q: use any, morning or afternoon", s)
}
