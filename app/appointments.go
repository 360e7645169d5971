package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// DiaryEntry is an appointment as the day view shows it, re-exported for
// the screens. (Appointment, Slot and Status live in schedule.)
type DiaryEntry = data.DiaryEntry

// BookingRequest is what the booking dialog collects.
type BookingRequest struct {
	PatientID   string
	ClinicianID string
	RoomID      string // required when the type needs a room
	TypeID      string
	Date        ukcal.Date
	Start       schedule.Clock
	Minutes     int // 0: the type's default length
	Notes       string
	// OverrideReason books in spite of the warnings; it is kept on the
	// appointment and in the audit trail.
	OverrideReason string
	// WaitingID is the waiting-list entry this booking fills, if any.
	WaitingID string
}

// BookingRefusedError is a booking or move stopped by problems that need
// a reason to go ahead. Problems lists them all, the blocking ones and
// those only for acting on; each door words them (the error's own text
// only counts them, for a log).
type BookingRefusedError struct {
	Problems []schedule.Problem
}

func (e *BookingRefusedError) Error() string {
	b := schedule.Blocking(e.Problems)
	return fmt.Sprintf("not booked: %s (%s) need a reason to book anyway", plural(len(b), "problem", "problems"), problemKinds(b))
}

// bookingReader is what checking a booking reads, on the store or in the
// booking's own transaction.
type bookingReader interface {
	calendarReader
	Patient(id string) (data.Patient, error)
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
	if p.Status != data.PatientActive {
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
	var rooms []data.Room // only a booking with a room can clash over one
	if req.RoomID != "" {
		if rooms, err = r.Rooms(false); err != nil {
			return out, err
		}
		if !slices.ContainsFunc(rooms, func(rm data.Room) bool { return rm.ID == req.RoomID }) {
			return out, errors.New("that room is not set up in this clinic: choose another")
		}
	}
	rules, _, err := calendarRules(r, req.Date, req.Date)
	if err != nil {
		return out, err
	}
	existing, err := r.OccupyingOn(req.Date.String())
	if err != nil {
		return out, err
	}
	out.appt = schedule.Appointment{ID: selfID, PatientID: p.ID, TypeID: t.ID, Notes: cleanText(req.Notes),
		Slot: schedule.Slot{ClinicianID: cl.ID, RoomID: req.RoomID, Date: req.Date.String(), StartMin: int(req.Start), EndMin: int(end)}}
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

func notFound(err error, msg string) error {
	if errors.Is(err, data.ErrNotFound) {
		return errors.New(msg)
	}
	return err
}

// nameProblems fills in the names the desk knows for the clinicians,
// rooms and patient the problems involve.
func nameProblems(r bookingReader, ps []schedule.Problem, p data.Patient, rooms []data.Room) error {
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
		if i := slices.IndexFunc(rooms, func(rm data.Room) bool { return rm.ID == pr.Room.ID }); i >= 0 {
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
func patientNotices(p data.Patient, a schedule.Appt) []schedule.Problem {
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

// Book books an appointment. The clash checks run inside the same write
// transaction as the insert, so two desks booking the same slot at once
// get one booking and one clash. Any problem that blocks stops the
// booking with a *BookingRefusedError unless req.OverrideReason is given;
// the reason is then kept with the appointment and audited. The returned
// problems include the alerts and AIS needs to act on.
func (c *Clinic) Book(req BookingRequest) (schedule.Appointment, []schedule.Problem, error) {
	req.OverrideReason = cleanText(req.OverrideReason)
	var out prepared
	err := c.do(PermBookAppointments, func(tx *writeTx) error {
		var err error
		out, err = c.bookIn(tx, tx.session, req, "")
		return err
	})
	if err != nil {
		return schedule.Appointment{}, out.problems, err
	}
	return out.appt, out.problems, nil
}

// bookIn checks and inserts one appointment inside tx.
func (c *Clinic) bookIn(tx *writeTx, s *Session, req BookingRequest, seriesID string) (prepared, error) {
	p, err := c.prepare(tx, req, "")
	if err != nil {
		return p, err
	}
	blocks := schedule.Blocking(p.problems)
	if len(blocks) > 0 && req.OverrideReason == "" {
		return p, &BookingRefusedError{Problems: p.problems}
	}
	now := c.clock().UTC()
	a := p.appt
	a.ID = uuid.Must(uuid.NewV7()).String()
	a.Status, a.StatusAt, a.StatusBy = schedule.StatusBooked, now, s.User.Username
	a.CreatedAt, a.CreatedBy, a.SeriesID = now, s.User.Username, seriesID
	if len(blocks) > 0 {
		a.OverrideReason = req.OverrideReason
	}
	if err := tx.InsertAppointment(a); err != nil {
		return p, err
	}
	p.appt = a
	detail := fmt.Sprintf("%s %s–%s", a.Date, schedule.Clock(a.StartMin), schedule.Clock(a.EndMin))
	if a.OverrideReason != "" {
		detail += "; warnings overridden: " + problemKinds(blocks) + "; reason: " + a.OverrideReason
	}
	if req.WaitingID != "" {
		if err := c.fillWaiting(tx, req.WaitingID, a, now); err != nil {
			return p, err
		}
		detail += "; from the waiting list"
	}
	return p, tx.audit(auditEvent{Action: "appointment.book", Entity: "appointment", ID: a.ID, Patient: a.PatientID, Detail: detail})
}

// problemKinds lists the kinds for the audit trail: "clinician_clash, bank_holiday".
func problemKinds(ps []schedule.Problem) string {
	kinds := make([]string, len(ps))
	for i, p := range ps {
		kinds[i] = string(p.Kind)
	}
	return strings.Join(kinds, ", ")
}

// DNAPrompt is what the DNA policy proposes after a DNA: the DNAs in the
// window (this one included) and the letter to send, which the letters
// module renders.
type DNAPrompt struct {
	Count        int
	WindowMonths int
	Step         schedule.DNAStep
	// NotBrought: the patient was a child on the day, so the letters are
	// the "was not brought" ones and the clinician is prompted to consider
	// safeguarding (Safeguarding, when SetStatus raised it just now).
	NotBrought   bool
	Safeguarding *SafeguardingPrompt
	// NoParentCarer: the record names no parent or carer to write to.
	NoParentCarer bool
}

// StatusResult is an appointment after a status change, with the DNA
// prompt when it was marked DNA.
type StatusResult struct {
	Appointment schedule.Appointment
	DNA         *DNAPrompt
}

// SetStatus changes an appointment's status, recording when and who.
// Cancellations need a reason and the booking permission; arrivals, seen
// and DNA need the status permission (clinicians have it). Only the
// changes schedule.Status.CanBecome allows are made, and only once they
// could have happened (schedule.Appointment.CanChangeStatusAt).
func (c *Clinic) SetStatus(id string, to schedule.Status, reason string) (StatusResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	perm := PermAppointmentStatus
	if to.Cancelled() {
		perm = PermBookAppointments
	}
	s, err := c.require(perm)
	if err != nil {
		return StatusResult{}, err
	}
	reason = cleanText(reason)
	if !to.Valid() {
		return StatusResult{}, fmt.Errorf("%q is not an appointment status", to)
	}
	if to.Cancelled() && reason == "" {
		return StatusResult{}, errors.New("say why the appointment is cancelled")
	}
	var res StatusResult
	err = c.writeAs(s, func(tx *writeTx) error {
		a, err := tx.Appointment(id)
		if err != nil {
			return notFound(err, "that appointment is not in the diary")
		}
		now := c.clock().UTC()
		// The rules in time are checked here, not only in the screens:
		// no arrival, start, seen or DNA for an appointment still to come.
		if err := a.CanChangeStatusAt(to, now); err != nil {
			return err
		}
		if err := tx.SetAppointmentStatus(id, to, now, s.User.Username, reason); err != nil {
			return err
		}
		a.Status, a.StatusAt, a.StatusBy = to, now, s.User.Username
		if to.Cancelled() {
			a.CancelReason = reason
		}
		res.Appointment = a
		detail := string(a.Status)
		if to == schedule.StatusDNA {
			prompt, err := c.dnaPrompt(tx.Tx, a)
			if err != nil {
				return err
			}
			res.DNA = &prompt
			if prompt.NotBrought {
				detail += "; " + strings.ToLower(LabelNotBrought)
			}
		}
		if reason != "" {
			detail += "; reason: " + reason
		}
		if err := tx.audit(auditEvent{Action: "appointment.status", Entity: "appointment", ID: id, Patient: a.PatientID, Detail: detail}); err != nil {
			return err
		}
		if res.DNA != nil && res.DNA.NotBrought {
			res.DNA.Safeguarding, err = c.raiseSafeguarding(tx, s, a, res.DNA.Count)
		}
		return err
	})
	return res, err
}

// dnaPrompt counts the patient's DNAs over the clinic's window, up to the
// missed appointment's day.
func (c *Clinic) dnaPrompt(tx *data.Tx, a schedule.Appointment) (DNAPrompt, error) {
	cs, err := tx.CalendarSettings()
	if err != nil {
		return DNAPrompt{}, err
	}
	on, err := ukcal.ParseDate(a.Date)
	if err != nil {
		return DNAPrompt{}, err
	}
	since := on.AddMonths(-cs.DNAWindowMonths)
	dates, err := tx.DNADates(a.PatientID, since.String())
	if err != nil {
		return DNAPrompt{}, err
	}
	ds := make([]ukcal.Date, 0, len(dates))
	for _, d := range dates {
		if day, err := ukcal.ParseDate(d); err == nil {
			ds = append(ds, day)
		}
	}
	n := schedule.DNAsInWindow(ds, on, cs.DNAWindowMonths)
	p, err := tx.Patient(a.PatientID)
	if err != nil {
		return DNAPrompt{}, err
	}
	if patients.WasNotBrought(p.DOB, on, cs.ChildUnderAge) {
		return DNAPrompt{Count: n, WindowMonths: cs.DNAWindowMonths, Step: schedule.NextWNBStep(n), NotBrought: true,
			NoParentCarer: !p.ParentCarer.Recorded()}, nil
	}
	return DNAPrompt{Count: n, WindowMonths: cs.DNAWindowMonths, Step: schedule.NextDNAStep(n)}, nil
}

// MoveRequest is where an appointment is moved to. An empty ClinicianID
// keeps the clinician; the length is kept.
type MoveRequest struct {
	ClinicianID    string
	RoomID         string
	Date           ukcal.Date
	Start          schedule.Clock
	Reason         string
	OverrideReason string
}

// Move reschedules a booked appointment. The clash checks run again (the
// appointment never clashes with itself); the slot it left is kept in its
// history and the slot first booked stays on the appointment.
func (c *Clinic) Move(id string, m MoveRequest) (schedule.Appointment, []schedule.Problem, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBookAppointments)
	if err != nil {
		return schedule.Appointment{}, nil, err
	}
	m.Reason, m.OverrideReason = cleanText(m.Reason), cleanText(m.OverrideReason)
	var moved schedule.Appointment
	var problems []schedule.Problem
	err = c.writeAs(s, func(tx *writeTx) error {
		a, err := tx.Appointment(id)
		if err != nil {
			return notFound(err, "that appointment is not in the diary")
		}
		if a.Status != schedule.StatusBooked {
			return fmt.Errorf("only a booked appointment can be moved; this one is marked %s", strings.ToLower(a.Status.Label()))
		}
		req := BookingRequest{PatientID: a.PatientID, ClinicianID: m.ClinicianID, RoomID: m.RoomID, TypeID: a.TypeID,
			Date: m.Date, Start: m.Start, Minutes: a.EndMin - a.StartMin}
		if req.ClinicianID == "" {
			req.ClinicianID = a.ClinicianID
		}
		p, err := c.prepare(tx, req, a.ID)
		if req.ClinicianID == a.ClinicianID {
			// Who delivers the type was settled when it was booked; a move
			// warns only when it changes the clinician.
			p.problems = slices.DeleteFunc(p.problems, func(pr schedule.Problem) bool { return pr.Kind == schedule.TypeNotDelivered })
		}
		problems = p.problems
		if err != nil {
			return err
		}
		b := schedule.Blocking(p.problems)
		if len(b) > 0 && m.OverrideReason == "" {
			return &BookingRefusedError{Problems: p.problems}
		}
		override := ""
		if len(b) > 0 {
			override = m.OverrideReason
		}
		from := a.Slot
		if err := tx.MoveAppointment(id, p.appt.Slot, c.clock().UTC(), s.User.Username, m.Reason, override); err != nil {
			return err
		}
		if moved, err = tx.Appointment(id); err != nil {
			return err
		}
		detail := fmt.Sprintf("from %s %s to %s %s", from.Date, schedule.Clock(from.StartMin), moved.Date, schedule.Clock(moved.StartMin))
		if m.Reason != "" {
			detail += "; reason: " + m.Reason
		}
		if override != "" {
			detail += "; warnings overridden: " + problemKinds(b) + "; reason: " + override
		}
		return tx.audit(auditEvent{Action: "appointment.move", Entity: "appointment", ID: id, Patient: a.PatientID, Detail: detail})
	})
	return moved, problems, err
}

// AppointmentHistory lists an appointment's status changes and moves,
// oldest first.
func (c *Clinic) AppointmentHistory(id string) ([]schedule.StatusChange, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.AppointmentHistory(id)
}

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
			i := slices.IndexFunc(clinicians, func(cl data.Clinician) bool { return cl.ID == q.ClinicianID })
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
		as, err := store.OccupyingOn(d.String())
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
