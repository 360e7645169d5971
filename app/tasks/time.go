package tasks

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
)

// TimeOfDay is an optional clinic wall-clock time ("14:30"). The zero
// value is "no time": the task is due some time that day.
type TimeOfDay struct {
	minutes int // after midnight
	set     bool
}

// At is the time h:m; ok is false when it is not a time of day.
func At(h, m int) (TimeOfDay, bool) {
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return TimeOfDay{}, false
	}
	return TimeOfDay{minutes: h*60 + m, set: true}, true
}

// ParseTimeOfDay reads "14:30", "9:05" or "0930" (24-hour, as the desk
// writes times); "" is no time.
func ParseTimeOfDay(text string) (TimeOfDay, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return TimeOfDay{}, nil
	}
	hs, ms, found := strings.Cut(strings.ReplaceAll(s, ".", ":"), ":")
	if !found && len(s) == 4 {
		hs, ms = s[:2], s[2:]
	}
	h, errH := strconv.Atoi(hs)
	m, errM := strconv.Atoi(ms)
	if errH != nil || errM != nil || len(ms) != 2 || len(hs) == 0 || len(hs) > 2 {
		return TimeOfDay{}, fmt.Errorf("%q is not a time: write it on the 24-hour clock, e.g. 14:30", text)
	}
	t, ok := At(h, m)
	if !ok {
		return TimeOfDay{}, fmt.Errorf("%q is not a time of day: hours go from 00 to 23 and minutes from 00 to 59", text)
	}
	return t, nil
}

// IsZero reports that no time was given.
func (t TimeOfDay) IsZero() bool { return !t.set }

// Minutes is the time in minutes after midnight (0 for no time).
func (t TimeOfDay) Minutes() int { return t.minutes }

// String is "14:30", or "" for no time.
func (t TimeOfDay) String() string {
	if !t.set {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", t.minutes/60, t.minutes%60)
}

// Less orders no time before any time, then times by the clock.
func (t TimeOfDay) Less(o TimeOfDay) bool {
	if t.set != o.set {
		return !t.set
	}
	return t.minutes < o.minutes
}

// MarshalText writes "14:30" ("" for no time).
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads what ParseTimeOfDay reads.
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// Value stores the time as "HH:MM", no time as "".
func (t TimeOfDay) Value() (driver.Value, error) { return t.String(), nil }

// Scan reads what Value wrote.
func (t *TimeOfDay) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*t = TimeOfDay{}
		return nil
	case string:
		return t.UnmarshalText([]byte(v))
	case []byte:
		return t.UnmarshalText(v)
	}
	return fmt.Errorf("a time of day cannot be read from a %T", src)
}
