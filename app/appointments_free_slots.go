package app

import (
	"errors"
	"fmt"
	"slices"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// FreeSlotQuery is what the next-available-slot finder asks.
type FreeSlotQuery struct {
	ClinicianID string // "" for any active clinician
	TypeID      string
	PatientID   string // optional: skip times the patient is already booked
	From        ukcal.Date
	Part        schedule.PartOfDay
	Max         int // 0: schedule's default
	Days        int // 0: schedule's default
}

// FreeSlot is one free time, with names for showing.
type FreeSlot struct {
	schedule.Candidate
	ClinicianName string
	RoomName      string
}

// NextFreeSlots finds the first free times for a type of appointment with
// one clinician or any, from a date (from now, when that is today), in the
// morning or afternoon.
func (c *Clinic) NextFreeSlots(q FreeSlotQuery) ([]FreeSlot, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewCalendar)
	now := c.clock()
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	t, err := store.AppointmentType(q.TypeID)
	if err != nil {
		return nil, notFound(err, "choose an appointment type")
	}
	days := q.Days
	if days <= 0 {
		days = schedule.DefaultDays
	}
	from := q.From
	today := ukcal.Today(now)
	if from.IsZero() || from.Before(today) {
		from = today
	}
	rules, cs, err := calendarRules(store, from, from.AddDays(days))
	if err != nil {
		return nil, err
	}
	clinicians, err := store.Clinicians(true)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	// Only clinicians who deliver the type are offered (schedule leaves
	// the others out); asked for one who does not, the finder says who does.
	sq := schedule.SlotQuery{Minutes: t.Minutes, From: from, Part: q.Part, Grid: cs.GridMinutes, Max: q.Max, Days: days,
		RoomNeeded: t.NeedsRoom, PatientID: q.PatientID, Deliverers: scheduleDeliverers(t), RoleOf: map[string]string{}}
	delivering := 0
	for _, cl := range clinicians {
		names[cl.ID] = cl.Name
		sq.RoleOf[cl.ID] = cl.Role
		if q.ClinicianID == "" || q.ClinicianID == cl.ID {
			sq.ClinicianIDs = append(sq.ClinicianIDs, cl.ID)
			if Delivers(t, cl) {
				delivering++
			}
		}
	}
	if len(sq.ClinicianIDs) == 0 {
		return nil, errors.New("that clinician does not take appointments")
	}
	if delivering == 0 {
		if q.ClinicianID != "" && WhoDelivers(t, clinicians) != NobodyDelivers {
			i := slices.IndexFunc(clinicians, func(cl schedule.Clinician) bool { return cl.ID == q.ClinicianID })
			return nil, errors.New(notDelivered(clinicians[i], t, clinicians) + " Choose one of them, or any clinician.")
		}
		return nil, fmt.Errorf("nobody in the diary is set up to deliver %s: a manager can choose who does in Settings, Calendar, Appointment types", t.Name)
	}
	if from == today {
		london := now.In(ukcal.London())
		sq.After = schedule.Clock(london.Hour()*60 + london.Minute())
	}
	rooms, err := store.Rooms(true)
	if err != nil {
		return nil, err
	}
	for _, r := range rooms {
		names[r.ID] = r.Name
		sq.Rooms = append(sq.Rooms, r.ID)
	}
	var readErr error
	booked := func(d ukcal.Date) []schedule.Appt {
		as, err := store.OccupyingOn(d)
		if err != nil && readErr == nil {
			readErr = err
		}
		return scheduleAppts(as)
	}
	found := schedule.NextFree(sq, booked, rules)
	if readErr != nil {
		return nil, readErr
	}
	out := make([]FreeSlot, len(found))
	for i, f := range found {
		out[i] = FreeSlot{Candidate: f, ClinicianName: names[f.ClinicianID], RoomName: names[f.RoomID]}
	}
	return out, nil
}
