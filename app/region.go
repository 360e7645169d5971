package app

import (
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// BankHolidayRegion is the part of the UK whose bank holidays the clinic
// keeps (Settings, Calendar). Every signed-in user may know it: Today
// lists the coming holidays for everyone, and they are no secret. A
// setting that cannot be read falls back to England and Wales, the
// default a new clinic starts with.
func (c *Clinic) BankHolidayRegion() ukcal.Region {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bankHolidayRegionLocked()
}

// bankHolidayRegionLocked is BankHolidayRegion for a caller holding c.mu.
func (c *Clinic) bankHolidayRegionLocked() ukcal.Region {
	if c.session == nil || c.session.Locked {
		return ukcal.DefaultRegion
	}
	return regionOf(c.store)
}

// regionOf reads the clinic's region from its settings.
func regionOf(store *data.Store) ukcal.Region {
	cs, err := store.CalendarSettings()
	if err != nil {
		return ukcal.DefaultRegion
	}
	region, err := ukcal.ParseRegion(cs.Region)
	if err != nil {
		return ukcal.DefaultRegion
	}
	return region
}
