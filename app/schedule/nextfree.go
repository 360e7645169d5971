package schedule

import (
	"slices"

	"clinicdesk/app/ukcal"
)

// Defaults and limits of the next-free-slot finder.
const (
	DefaultGrid = 5   // minutes between candidate start times
	DefaultMax  = 5   // candidates returned
	DefaultDays = 90  // days searched
	MaxDays     = 731 // the horizon never goes beyond two years
)

// SlotQuery asks for the next free times for an appointment.
type SlotQuery struct {
	// ClinicianIDs in order of preference; for "any clinician" the caller
	// passes every active clinician. Ties at the same time go to the earlier.
	ClinicianIDs []string
	// Minutes is the appointment's length (the type's default duration).
	Minutes int
	// From is the first date searched.
	From ukcal.Date
	// After is the earliest start on From (now, when From is today); 0 is
	// the start of the day.
	After Clock
	// Part limits starts to the morning or afternoon.
	Part PartOfDay
	// Grid is the diary grid, 5, 10 or 15: starts are multiples of it.
	// 0 means DefaultGrid.
	Grid int
	// Max is how many candidates to return; 0 means DefaultMax.
	Max int
	// Days is how many days from From to search; 0 means DefaultDays.
	Days int
	// RoomNeeded asks for some room in Rooms (in order of preference) to be
	// free as well.
	RoomNeeded bool
	Rooms      []string
	// PatientID, when set, skips times the patient is already booked.
	PatientID string
	// Deliverers of the type: only clinicians who deliver it are offered.
	// RoleOf gives each clinician's role, for deliverers named by role.
	Deliverers Deliverers
	RoleOf     map[string]string
}

// offered are the clinicians of the query who deliver its type, in order.
func (q SlotQuery) offered() []string {
	var out []string
	for _, id := range q.ClinicianIDs {
		if q.Deliverers.Delivers(id, q.RoleOf[id]) {
			out = append(out, id)
		}
	}
	return out
}

// Candidate is one free time found by NextFree.
type Candidate struct {
	ClinicianID, RoomID string
	Date                ukcal.Date
	Start, End          Clock
}

// NextFree returns up to q.Max free times, earliest first and, at the same
// time, in the order of q.ClinicianIDs. booked(d) returns the active
// appointments of every clinician on the date; it is called at most once a
// day, and only on days someone could be offered. A time is free when it is
// not a bank holiday or closure, lies inside the clinic's opening hours (when
// set) and inside one stretch of the clinician's hours (not across a break),
// and neither the clinician, nor the room when one is needed, nor the patient
// when given, is booked then. A clinician with no hours set is never offered,
// nor one who does not deliver the type (q.Deliverers).
func NextFree(q SlotQuery, booked func(d ukcal.Date) []Appt, r Rules) []Candidate {
	grid := positiveOr(q.Grid, DefaultGrid)
	want := positiveOr(q.Max, DefaultMax)
	days := min(positiveOr(q.Days, DefaultDays), MaxDays)
	if q.Minutes <= 0 || q.Minutes > int(EndOfDay) || q.From.IsZero() || (q.RoomNeeded && len(q.Rooms) == 0) {
		return nil
	}

	clinicians := q.offered()
	if len(clinicians) == 0 {
		return nil
	}
	var found []Candidate
	for i := 0; i < days && len(found) < want; i++ {
		d := q.From.AddDays(i)
		working := r.workingOn(d, clinicians)
		if len(working) == 0 {
			continue
		}
		var bookings []Appt
		if booked != nil {
			bookings = booked(d)
		}
		earliest := Clock(0)
		if i == 0 {
			earliest = roundUp(max(q.After, 0), grid)
		}
		for start := earliest; start.Add(q.Minutes) <= EndOfDay && len(found) < want; start = start.Add(grid) {
			slot := Span{start, start.Add(q.Minutes)}
			if !q.Part.Fits(start) || !r.open(d, slot) || q.PatientID != "" && busy(bookings, slot, func(a Appt) bool { return a.PatientID == q.PatientID }) {
				continue
			}
			for _, id := range working {
				if !r.ClinicianHours[id].Covers(d.Weekday(), slot) || busy(bookings, slot, func(a Appt) bool { return a.ClinicianID == id }) {
					continue
				}
				room := ""
				if q.RoomNeeded {
					if room = freeRoom(bookings, slot, q.Rooms); room == "" {
						continue
					}
				}
				found = append(found, Candidate{ClinicianID: id, RoomID: room, Date: d, Start: slot.Start, End: slot.End})
				if len(found) == want {
					break
				}
			}
		}
	}
	return found
}

// workingOn returns, in order, the clinicians who could be offered on the
// date: not a bank holiday or closure, the clinic open that weekday (when
// hours are set), and hours of their own that day.
func (r Rules) workingOn(d ukcal.Date, clinicians []string) []string {
	wd := d.Weekday()
	if r.dayBlocked(d) || !r.OpeningHours.IsZero() && !r.OpeningHours.Works(wd) {
		return nil
	}
	var working []string
	for _, id := range clinicians {
		if hours, ok := r.ClinicianHours[id]; ok && hours.Works(wd) && !slices.Contains(working, id) {
			working = append(working, id)
		}
	}
	return working
}

// busy reports whether any booking picked out by whose overlaps the slot.
func busy(bookings []Appt, slot Span, whose func(Appt) bool) bool {
	return slices.ContainsFunc(bookings, func(a Appt) bool { return whose(a) && a.Span().Overlaps(slot) })
}

// freeRoom returns the first room not in use during the slot, or "".
func freeRoom(bookings []Appt, slot Span, rooms []string) string {
	for _, room := range rooms {
		if room != "" && !busy(bookings, slot, func(a Appt) bool { return a.RoomID == room }) {
			return room
		}
	}
	return ""
}

// roundUp returns the first multiple of grid at or after c.
func roundUp(c Clock, grid int) Clock {
	g := Clock(grid)
	return (c + g - 1) / g * g
}

func positiveOr(n, fallback int) int {
	if n > 0 {
		return n
	}
	return fallback
}
