package complaints

import (
	"clinicdesk/app/ukcal"
)

// date is ukcal.MustParseDate, short for tables.
func date(s string) ukcal.Date { return ukcal.MustParseDate(s) }
