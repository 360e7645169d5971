package schedule

import (
	"cmp"
	"slices"
	"strings"
)

// Check returns every problem with booking a, given the day's existing
// active appointments (others are ignored). An existing entry with a's own
// ID is the appointment being moved and never clashes with itself. Rooms
// clash only when a has a room. Day-wide problems come first, then hours,
// then clashes in order of time. Every one blocks: the receptionist may go
// ahead only with a reason.
func Check(a Appt, existing []Appt, r Rules) []Problem {
	var problems []Problem
	own := Problem{Blocks: true, Clinician: Named{ID: a.ClinicianID}, Room: Named{ID: a.RoomID}, Patient: Named{ID: a.PatientID},
		Date: a.Date, Span: a.Span()}
	add := func(kind ProblemKind, with func(*Problem)) {
		p := own
		p.Kind = kind
		if with != nil {
			with(&p)
		}
		problems = append(problems, p)
	}
	wd := a.Date.Weekday()

	if h, ok := r.Region.HolidayOn(a.Date); ok {
		add(BankHoliday, func(p *Problem) { p.Detail = h.Title })
	}
	if c, ok := r.ClosureOn(a.Date); ok {
		add(ClinicClosed, func(p *Problem) { p.Detail = c.Reason })
	}
	if !r.open(a.Date, a.Span()) {
		add(OutsideOpeningHours, func(p *Problem) { p.Hours = r.OpeningHours.On(wd) })
	}
	if hours, ok := r.ClinicianHours[a.ClinicianID]; ok && a.ClinicianID != "" && !hours.Covers(wd, a.Span()) {
		add(OutsideClinicianHours, func(p *Problem) { p.Hours = hours.On(wd) })
	}

	others := slices.Clone(existing)
	slices.SortStableFunc(others, func(x, y Appt) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.ID, y.ID))
	})
	for _, e := range others {
		if e.Date != a.Date || (a.ID != "" && e.ID == a.ID) {
			continue
		}
		overlap := Overlaps(a, e)
		clash := func(p *Problem) {
			p.OtherID, p.Span = e.ID, e.Span()
			p.Clinician, p.Room, p.Patient = Named{ID: e.ClinicianID}, Named{ID: e.RoomID}, Named{ID: e.PatientID}
		}
		if overlap && a.ClinicianID != "" && e.ClinicianID == a.ClinicianID {
			add(ClinicianClash, clash)
		}
		if overlap && a.RoomID != "" && e.RoomID == a.RoomID {
			add(RoomClash, clash)
		}
		if a.PatientID != "" && e.PatientID == a.PatientID {
			add(PatientSameDay, func(p *Problem) { clash(p); p.SameTime = overlap })
		}
	}
	return problems
}

// Deliverers are who usually delivers an appointment type: the clinicians
// named, and anyone whose role is one of Roles. Both empty means anyone.
type Deliverers struct {
	ClinicianIDs []string
	Roles        []string
}

// Anyone reports whether every clinician delivers the type.
func (d Deliverers) Anyone() bool { return len(d.ClinicianIDs) == 0 && len(d.Roles) == 0 }

// Delivers reports whether the clinician, with the role set up for them,
// delivers the type. Roles match whatever their case or spacing, as
// people type them ("physiotherapist " is a Physiotherapist).
func (d Deliverers) Delivers(clinicianID, role string) bool {
	if d.Anyone() || slices.Contains(d.ClinicianIDs, clinicianID) {
		return true
	}
	role = strings.TrimSpace(role)
	return role != "" && slices.ContainsFunc(d.Roles, func(r string) bool { return strings.EqualFold(strings.TrimSpace(r), role) })
}

// CheckDeliverer warns when the appointment's clinician, with their role,
// does not usually deliver its type. It blocks like the others but is not
// a refusal: a locum or a colleague may cover, with a reason.
func CheckDeliverer(a Appt, role string, d Deliverers) []Problem {
	if a.ClinicianID == "" || d.Delivers(a.ClinicianID, role) {
		return nil
	}
	return []Problem{{Kind: TypeNotDelivered, Blocks: true, Clinician: Named{ID: a.ClinicianID}, Room: Named{ID: a.RoomID},
		Patient: Named{ID: a.PatientID}, Date: a.Date, Span: a.Span()}}
}
