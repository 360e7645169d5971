package screens

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// Dates as the complaint screens write them: dd/mm/yyyy in lists and
// fields, "Thursday 3 September 2026" in sentences.

// shortDay is "03/09/2026", or "" for no date.
func shortDay(d ukcal.Date) string { return patients.FormatDate(d) }

// longDay is "Thursday 3 September 2026", or "" for no date.
func longDay(d ukcal.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("Monday 2 January 2006")
}

// parseDay reads a date typed dd/mm/yyyy; blank is the zero date.
func parseDay(s string) (ukcal.Date, error) {
	t, err := parseUKDate(s)
	if err != nil || t.IsZero() {
		return ukcal.Date{}, err
	}
	return ukcal.DateOf(t), nil
}
