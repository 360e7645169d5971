package data

import (
	"slices"
	"sync/atomic"

	"clinicdesk/app/schedule"
)

// The calendar's set-up (its settings, clinicians, rooms and appointment
// types) is read by every day view, week view and booking check, yet
// changes a few times a year. Reading it afresh, clinicians' hours
// decoded from JSON each time, cost as much as a day's appointments once
// their pages are cached, so the store keeps it between writes.
//
// A transaction that writes any of it marks itself (Tx.setupChanged);
// when it commits, the generation moves on and the next read loads the
// set-up again. Only this process writes the file (the lock file keeps
// others out), so nothing else can change it underneath.

// setupSnapshot is the set-up as read at one generation. It is never
// changed after it is made; readers get copies.
type setupSnapshot struct {
	gen        uint64
	settings   schedule.CalendarSettings
	clinicians []schedule.Clinician // day-view order, inactive ones too
	rooms      []schedule.Room      // in order, inactive ones too
	types      []schedule.AppointmentType
	typeByID   map[string]schedule.AppointmentType
	roomByID   map[string]schedule.Room
	clinByID   map[string]schedule.Clinician
	// clinicianIDs are every clinician's id in id order, the order of the
	// diary index, for DayDiary to split the day by.
	clinicianIDs []string
}

type setupCache struct {
	gen  atomic.Uint64
	snap atomic.Pointer[setupSnapshot]
}

// changed moves the generation on: called after a commit that wrote the
// set-up.
func (c *setupCache) changed() { c.gen.Add(1) }

// setup returns the current snapshot, loading it when a write has
// happened since the last one was made. The generation is taken before
// reading, so a commit that lands during the read only makes the next
// call read again.
func (s *Store) setup() (*setupSnapshot, error) {
	gen := s.setupCache.gen.Load()
	if snap := s.setupCache.snap.Load(); snap != nil && snap.gen == gen {
		return snap, nil
	}
	snap, err := loadSetup(s.db)
	if err != nil {
		return nil, err
	}
	snap.gen = gen
	s.setupCache.snap.Store(snap)
	return snap, nil
}

// loadSetup reads the whole set-up through q (the pool, or a transaction
// that must see its own writes).
func loadSetup(q querier) (*setupSnapshot, error) {
	var snap setupSnapshot
	var err error
	if snap.settings, err = calendarSettings(q); err != nil {
		return nil, err
	}
	if snap.clinicians, err = clinicians(q, false); err != nil {
		return nil, err
	}
	if snap.rooms, err = rooms(q, false, ""); err != nil {
		return nil, err
	}
	if snap.types, err = appointmentTypes(q, false, ""); err != nil {
		return nil, err
	}
	snap.typeByID = make(map[string]schedule.AppointmentType, len(snap.types))
	for _, t := range snap.types {
		snap.typeByID[t.ID] = t
	}
	snap.roomByID = make(map[string]schedule.Room, len(snap.rooms))
	for _, r := range snap.rooms {
		snap.roomByID[r.ID] = r
	}
	snap.clinByID = make(map[string]schedule.Clinician, len(snap.clinicians))
	for _, c := range snap.clinicians {
		snap.clinByID[c.ID] = c
		snap.clinicianIDs = append(snap.clinicianIDs, c.ID)
	}
	slices.Sort(snap.clinicianIDs)
	return &snap, nil
}

// cloneHours gives a caller its own copy of a week's hours, so changing
// them cannot reach the snapshot.
func cloneHours(w schedule.WeekHours) schedule.WeekHours {
	for d := range w {
		w[d] = slices.Clone(w[d])
	}
	return w
}

func copyClinician(c schedule.Clinician) schedule.Clinician {
	c.Hours = cloneHours(c.Hours)
	return c
}

func (snap *setupSnapshot) cliniciansList(activeOnly bool) []schedule.Clinician {
	out := kept(snap.clinicians, activeOnly, func(c schedule.Clinician) bool { return c.Active })
	for i := range out {
		out[i] = copyClinician(out[i])
	}
	return out
}

func (snap *setupSnapshot) roomsList(activeOnly bool) []schedule.Room {
	return kept(snap.rooms, activeOnly, func(r schedule.Room) bool { return r.Active })
}

func (snap *setupSnapshot) typesList(activeOnly bool) []schedule.AppointmentType {
	out := kept(snap.types, activeOnly, func(t schedule.AppointmentType) bool { return t.Active })
	for i := range out {
		out[i] = copyType(out[i])
	}
	return out
}

// copyType gives a caller its own lists of who delivers the type, so
// changing them cannot reach the snapshot.
func copyType(t schedule.AppointmentType) schedule.AppointmentType {
	t.Deliverers.ClinicianIDs = slices.Clone(t.Deliverers.ClinicianIDs)
	t.Deliverers.Roles = slices.Clone(t.Deliverers.Roles)
	return t
}

// kept is a caller's own copy of a kept list, the active ones only when
// asked.
func kept[T any](all []T, activeOnly bool, active func(T) bool) []T {
	var out []T
	for _, x := range all {
		if active(x) || !activeOnly {
			out = append(out, x)
		}
	}
	return out
}
