package app

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// DiaryOccupied lists the appointments holding their slots on the dates
// from–to, for a generated batch to book around those already there.
func (c *Clinic) DiaryOccupied(from, to ukcal.Date) ([]schedule.Appointment, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewCalendar)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return store.OccupyingBetween(from, to)
}

// CountAppointments counts the diary's appointments, any status.
func (c *Clinic) CountAppointments() (int, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewCalendar)
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	return store.CountAppointments()
}

// ActivePatientBriefs lists every active patient, oldest record first, for
// generating a diary.
func (c *Clinic) ActivePatientBriefs() ([]patients.PatientBrief, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewPatients)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return store.ActivePatientBriefs()
}
