package app

import (
	"errors"
	"fmt"
	"slices"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/data"
)

// bookingReader is what checking a booking reads, on the store or in the
// booking's own transaction.
type bookingReader interface {
	calendarReader
	Patient(id string) (patients.Patient, error)
}

// prepared is a checked request: the appointment to write and its problems.
type prepared struct {
	appt     schedule.Appointment
	problems []schedule.Problem
}

// prepare validates the request and works out its problems against what
// is in r. It refuses outright only what cannot be booked at all (no such
// patient, a room missing for a type that needs one, a time off the day).
func (c *Clinic) prepare(r bookingReader, req BookingRequest, selfID string) (prepared, error) {
	var out prepared
	if req.Date.IsZero() {
		return out, errors.New("choose the day of the appointment")
	}
	p, err := r.Patient(req.PatientID)
	if err != nil {
		return out, notFound(err, "that patient's record is not in this clinic file")
	}
	if p.Status != patients.Active {
		return out, fmt.Errorf("%s's record is %s: bring it back (or open the record it was merged into) before booking", p.Forenames+" "+p.Surname, p.Status)
	}
	if err := refuseAfterDeath(p, req.Date); err != nil {
		return out, err
	}
	t, err := r.AppointmentType(req.TypeID)
	if err != nil {
		return out, notFound(err, "choose an appointment type")
	}
	cl, err := r.Clinician(req.ClinicianID)
	if err != nil {
		return out, notFound(err, "choose a clinician")
	}
	if !cl.Active {
		return out, fmt.Errorf("%s no longer takes appointments", cl.Name)
	}
	if t.NeedsRoom && req.RoomID == "" {
		return out, fmt.Errorf("a %s needs a room: choose one", t.Name)
	}
	minutes := req.Minutes
	if minutes == 0 {
		minutes = t.Minutes
	}
	end := req.Start.Add(minutes)
	if minutes < 5 || !req.Start.Valid() || end > schedule.EndOfDay {
		return out, fmt.Errorf("%s for %d minutes does not fit in the day", req.Start, minutes)
	}
	var rooms []schedule.Room // only a booking with a room can clash over one
	if req.RoomID != "" {
		if rooms, err = r.Rooms(false); err != nil {
			return out, err
		}
		if !slices.ContainsFunc(rooms, func(rm schedule.Room) bool { return rm.ID == req.RoomID }) {
			return out, errors.New("that room is not set up in this clinic: choose another")
		}
	}
	rules, _, err := calendarRules(r, req.Date, req.Date)
	if err != nil {
		return out, err
	}
	existing, err := r.OccupyingOn(req.Date)
	if err != nil {
		return out, err
	}
	out.appt = schedule.Appointment{ID: selfID, PatientID: p.ID, TypeID: t.ID, Notes: cleanText(req.Notes),
		Slot: schedule.Slot{ClinicianID: cl.ID, RoomID: req.RoomID, Date: req.Date, StartMin: int(req.Start), EndMin: int(end)}}
	// Who delivers the type comes first: it is about the choice of
	// clinician, before when. Like the clashes it needs a reason to go
	// ahead (a locum covering), which the audit trail keeps.
	out.problems = schedule.CheckDeliverer(out.appt.Appt(), cl.Role, scheduleDeliverers(t))
	if len(out.problems) > 0 {
		team, err := r.Clinicians(false)
		if err != nil {
			return out, err
		}
		if who := WhoDelivers(t, team); who != NobodyDelivers {
			out.problems[0].DeliveredBy = who
		}
		out.problems[0].Detail = t.Name
	}
	out.problems = append(out.problems, schedule.Check(out.appt.Appt(), scheduleAppts(existing), rules)...)
	out.problems = append(out.problems, patientNotices(p, out.appt.Appt())...)
	if err := nameProblems(r, out.problems, p, rooms); err != nil {
		return out, err
	}
	return out, nil
}

// nameProblems fills in the names the desk knows for the clinicians,
// rooms and patient the problems involve.
func nameProblems(r bookingReader, ps []schedule.Problem, p patients.Patient, rooms []schedule.Room) error {
	clinicians := map[string]string{}
	for i := range ps {
		pr := &ps[i]
		if id := pr.Clinician.ID; id != "" {
			name, ok := clinicians[id]
			if !ok {
				cl, err := r.Clinician(id)
				if err != nil && !errors.Is(err, data.ErrNotFound) {
					return err
				}
				name = cl.Name
				clinicians[id] = name
			}
			pr.Clinician.Name = name
		}
		if i := slices.IndexFunc(rooms, func(rm schedule.Room) bool { return rm.ID == pr.Room.ID }); i >= 0 {
			pr.Room.Name = rooms[i].Name
		}
		if pr.Patient.ID == p.ID {
			pr.Patient.Name = p.Forenames + " " + p.Surname
		}
	}
	return nil
}

// patientNotices are the alerts and AIS needs to act on when booking: they
// never block.
func patientNotices(p patients.Patient, a schedule.Appt) []schedule.Problem {
	var out []schedule.Problem
	notice := func(kind schedule.ProblemKind, detail string) *schedule.Problem {
		out = append(out, schedule.Problem{Kind: kind, Clinician: schedule.Named{ID: a.ClinicianID}, Room: schedule.Named{ID: a.RoomID},
			Patient: schedule.Named{ID: p.ID}, Date: a.Date, Span: a.Span(), Detail: detail})
		return &out[len(out)-1]
	}
	for _, al := range p.Alerts {
		notice(schedule.PatientAlert, patients.Label(patients.AlertKinds, al.Kind)).Note = al.Text
	}
	if p.Interpreter {
		notice(schedule.CommunicationNeed, p.Language).Need = schedule.NeedInterpreter
	}
	for _, need := range p.AIS.Needs {
		notice(schedule.CommunicationNeed, patients.Label(patients.AISNeeds, need)).Need = need
	}
	return out
}

// CheckBooking previews a booking's warnings without booking. Book checks
// again, inside its own transaction.
func (c *Clinic) CheckBooking(req BookingRequest) ([]schedule.Problem, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	p, err := c.prepare(c.store, req, "")
	return p.problems, err
}
