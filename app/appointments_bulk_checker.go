package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// dayChecker applies a booking's rules to a whole day at once: sorted
// sweeps instead of checking each appointment against every other.
type dayChecker struct {
	tx         *data.Tx
	rules      schedule.Rules
	clinicians map[string]schedule.Clinician
	types      map[string]schedule.AppointmentType
	rooms      map[string]bool
	now        time.Time // a generated history holds no status before it could be true
}

func newDayChecker(tx *data.Tx) (*dayChecker, error) {
	// Closures are read for all time: a diary spans years.
	rules, _, err := calendarRules(tx, ukcal.NewDate(1900, 1, 1), ukcal.NewDate(2999, 12, 31))
	if err != nil {
		return nil, err
	}
	k := &dayChecker{tx: tx, rules: rules, clinicians: map[string]schedule.Clinician{}, types: map[string]schedule.AppointmentType{}, rooms: map[string]bool{}}
	cls, err := tx.Clinicians(false)
	if err != nil {
		return nil, err
	}
	for _, cl := range cls {
		k.clinicians[cl.ID] = cl
	}
	rooms, err := tx.Rooms(false)
	if err != nil {
		return nil, err
	}
	for _, r := range rooms {
		k.rooms[r.ID] = true
	}
	return k, nil
}

// appointmentType reads a type once per diary.
func (k *dayChecker) appointmentType(id string) (schedule.AppointmentType, bool) {
	t, ok := k.types[id]
	if !ok {
		var err error
		if t, err = k.tx.AppointmentType(id); err != nil {
			return t, false
		}
		k.types[id] = t
	}
	return t, true
}

// check returns what a booking would warn about for the day's new
// appointments, given those already there.
func (k *dayChecker) check(day ukcal.Date, appts []schedule.HistoricAppointment, existing []schedule.Appointment) []string {
	var problems []string
	bad := func(a schedule.HistoricAppointment, why string) {
		problems = append(problems, fmt.Sprintf("%s %s: %s", a.Date, schedule.Clock(a.StartMin), why))
	}
	if len(appts) == 0 {
		return nil
	}
	blocked := ""
	if h, ok := k.rules.Region.HolidayOn(day); ok {
		blocked = "a bank holiday (" + h.Title + ")"
	} else if cl, ok := k.rules.ClosureOn(day); ok {
		blocked = "the clinic is closed (" + cl.Reason + ")"
	}
	type held struct {
		key        string
		start, end int
	}
	var busy []held
	patients := map[string]bool{}
	for _, e := range existing {
		busy = append(busy, held{"c" + e.ClinicianID, e.StartMin, e.EndMin})
		if e.RoomID != "" {
			busy = append(busy, held{"r" + e.RoomID, e.StartMin, e.EndMin})
		}
		patients[e.PatientID] = true
	}
	for _, a := range appts {
		if a.Date != day {
			bad(a, "handed over on "+day.String())
			continue
		}
		cl, ok := k.clinicians[a.ClinicianID]
		if !ok {
			bad(a, "no such clinician")
			continue
		}
		if a.RoomID != "" && !k.rooms[a.RoomID] {
			bad(a, "no such room")
			continue
		}
		t, ok := k.appointmentType(a.TypeID)
		if !ok {
			bad(a, "no such appointment type")
			continue
		}
		if t.NeedsRoom && a.RoomID == "" {
			bad(a, "a "+t.Name+" needs a room")
			continue
		}
		if a.StartMin < 0 || a.EndMin > int(schedule.EndOfDay) || a.EndMin <= a.StartMin {
			bad(a, "not a time of day")
			continue
		}
		if !a.Status.Valid() {
			bad(a, "no such status "+string(a.Status))
			continue
		}
		if err := a.Appointment.StatusTooEarly(a.Status, k.now); err != nil {
			bad(a, err.Error())
			continue
		}
		if !a.Status.Occupies() {
			continue // a cancelled or missed appointment holds nothing
		}
		if blocked != "" {
			bad(a, blocked)
			continue
		}
		span := schedule.Span{Start: schedule.Clock(a.StartMin), End: schedule.Clock(a.EndMin)}
		if !k.rules.OpeningHours.IsZero() && !k.rules.OpeningHours.Covers(day.Weekday(), span) {
			bad(a, "outside the clinic's opening hours")
		}
		if h := cl.Hours; !h.IsZero() && !h.Covers(day.Weekday(), span) {
			bad(a, "outside "+cl.Name+"'s hours")
		}
		if patients[a.PatientID] {
			bad(a, "the patient already has an appointment that day")
		}
		patients[a.PatientID] = true
		busy = append(busy, held{"c" + a.ClinicianID, a.StartMin, a.EndMin})
		if a.RoomID != "" {
			busy = append(busy, held{"r" + a.RoomID, a.StartMin, a.EndMin})
		}
	}
	slices.SortFunc(busy, func(x, y held) int {
		if x.key != y.key {
			return strings.Compare(x.key, y.key)
		}
		return x.start - y.start
	})
	for i := 1; i < len(busy); i++ {
		if busy[i].key == busy[i-1].key && busy[i].start < busy[i-1].end {
			what := "the clinician is double-booked"
			if busy[i].key[0] == 'r' {
				what = "the room is double-booked"
			}
			problems = append(problems, fmt.Sprintf("%s %s: %s", day, schedule.Clock(busy[i].start), what))
		}
	}
	return problems
}
