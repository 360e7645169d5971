package app

import (
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

// SARDueWithoutExtension is when the request is due as things stand,
// before any extension: a month from receipt plus the days paused, in the
// clinic's region, counted to today.
func (c *Clinic) SARDueWithoutExtension(req sar.Request) ukcal.Date {
	return req.DueWithoutExtension(c.BankHolidayRegion(), c.today())
}
