package ukcal

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Value stores a Date as its "YYYY-MM-DD" text, and no date as "" (the
// store's columns hold text and are NOT NULL).
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan reads a Date from a column: "YYYY-MM-DD" text, "" or NULL for no
// date, or a time the driver has already parsed (a column declared DATE),
// taken as the calendar date it names.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("a date cannot be read from a %T", src)
}
