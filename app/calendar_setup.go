package app

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// GridChoices are the diary grids a clinic may choose, in minutes.
var GridChoices = []int{5, 10, 15}

var colourPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// checkHours refuses hours that end before they start, run past midnight
// or overlap; breaks are the gaps between spans.
func checkHours(w schedule.WeekHours, whose string) error {
	for d, spans := range w {
		sorted := slices.Clone(spans)
		slices.SortFunc(sorted, func(a, b schedule.Span) int { return int(a.Start - b.Start) })
		for i, s := range sorted {
			if s.Start < 0 || s.End > 24*60 || s.Start >= s.End {
				return fmt.Errorf("%s hours on %s: %s–%s is not a stretch of the day", whose, time.Weekday(d),
					schedule.Clock(s.Start), schedule.Clock(s.End))
			}
			if i > 0 && s.Start < sorted[i-1].End {
				return fmt.Errorf("%s hours on %s overlap: %s–%s and %s–%s", whose, time.Weekday(d),
					schedule.Clock(sorted[i-1].Start), schedule.Clock(sorted[i-1].End), schedule.Clock(s.Start), schedule.Clock(s.End))
			}
		}
		w[d] = sorted
	}
	return nil
}

func checkColour(c string) error {
	if c != "" && !colourPattern.MatchString(c) {
		return fmt.Errorf("colour %q is not a colour like #3366CC", c)
	}
	return nil
}

// Clinicians lists the clinicians in day-view column order.
func (c *Clinic) Clinicians(includeInactive bool) ([]schedule.Clinician, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.Clinicians(!includeInactive)
}

// SaveClinician adds a clinician (ID empty) or saves changes to one.
// Clinicians are never deleted, only made inactive: their past
// appointments still name them.
func (c *Clinic) SaveClinician(cl schedule.Clinician) (schedule.Clinician, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return cl, err
	}
	cl.Name, cl.Role = cleanText(cl.Name), cleanText(cl.Role)
	if cl.Name == "" {
		return cl, errors.New("the clinician needs a name")
	}
	if err := checkColour(cl.Colour); err != nil {
		return cl, err
	}
	if err := checkHours(cl.Hours, cl.Name+"'s"); err != nil {
		return cl, err
	}
	now := c.clock().UTC()
	action := "calendar.clinician.update"
	if cl.ID == "" {
		cl.ID, cl.CreatedAt, action = uuid.Must(uuid.NewV7()).String(), now, "calendar.clinician.create"
	}
	cl.UpdatedAt = now
	err = c.writeAs(s, func(tx *writeTx) error {
		if old, err := tx.Clinician(cl.ID); err == nil {
			cl.CreatedAt = old.CreatedAt
		} else if !errors.Is(err, data.ErrNotFound) {
			return err
		}
		if err := tx.SaveClinician(cl); err != nil {
			return fmt.Errorf("save clinician: %w", err)
		}
		return tx.audit(auditEvent{Action: action, Entity: "clinician", ID: cl.ID, Detail: "active=" + strconv.FormatBool(cl.Active)})
	})
	return cl, err
}

// Rooms lists the rooms in order.
func (c *Clinic) Rooms(includeInactive bool) ([]schedule.Room, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.Rooms(!includeInactive)
}

// SaveRoom adds a room (ID empty) or saves changes to one.
func (c *Clinic) SaveRoom(r schedule.Room) (schedule.Room, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return r, err
	}
	if r.Name = cleanText(r.Name); r.Name == "" {
		return r, errors.New("the room needs a name")
	}
	action := "calendar.room.update"
	if r.ID == "" {
		r.ID, action = uuid.Must(uuid.NewV7()).String(), "calendar.room.create"
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveRoom(r); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: action, Entity: "room", ID: r.ID, Detail: "active=" + strconv.FormatBool(r.Active)})
	})
	return r, err
}

// AppointmentTypes lists the appointment types by name.
func (c *Clinic) AppointmentTypes(includeInactive bool) ([]schedule.AppointmentType, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.AppointmentTypes(!includeInactive)
}

// SaveAppointmentType adds an appointment type (ID empty) or saves changes
// to one. Its length is 5 minutes to 8 hours, in 5-minute steps. Who
// delivers it (clinicians and/or roles; none is anyone) is tidied, and
// every clinician named must be in the clinic.
func (c *Clinic) SaveAppointmentType(t schedule.AppointmentType) (schedule.AppointmentType, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return t, err
	}
	if t.Name = cleanText(t.Name); t.Name == "" {
		return t, errors.New("the appointment type needs a name")
	}
	if t.Minutes < 5 || t.Minutes > 480 || t.Minutes%5 != 0 {
		return t, fmt.Errorf("%s: the length must be 5 minutes to 8 hours, in steps of 5 minutes (not %d)", t.Name, t.Minutes)
	}
	if err := checkColour(t.Colour); err != nil {
		return t, err
	}
	action := "calendar.type.update"
	if t.ID == "" {
		t.ID, action = uuid.Must(uuid.NewV7()).String(), "calendar.type.create"
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		var err error
		if t.Deliverers, err = cleanDeliverers(t.Deliverers, func(id string) error { _, err := tx.Clinician(id); return err }); err != nil {
			return err
		}
		if err := tx.SaveAppointmentType(t); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: action, Entity: "appointment_type", ID: t.ID, Detail: fmt.Sprintf("%d minutes, active=%t, delivered by %s", t.Minutes, t.Active, deliverersDetail(t.Deliverers))})
	})
	return t, err
}

// deliverersDetail is who delivers a type, for the audit trail.
func deliverersDetail(d schedule.Deliverers) string {
	if d.Anyone() {
		return "anyone"
	}
	var parts []string
	if len(d.Roles) > 0 {
		parts = append(parts, "roles "+strings.Join(d.Roles, ", "))
	}
	if len(d.ClinicianIDs) > 0 {
		parts = append(parts, "clinicians "+strings.Join(d.ClinicianIDs, ", "))
	}
	return strings.Join(parts, "; ")
}

// CalendarSettings reads the bank-holiday region, grid, DNA window, the
// age under which a missed appointment "was not brought", and opening
// hours.
func (c *Clinic) CalendarSettings() (schedule.CalendarSettings, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return schedule.CalendarSettings{}, err
	}
	return c.store.CalendarSettings()
}

// SaveCalendarSettings checks and saves the calendar settings.
func (c *Clinic) SaveCalendarSettings(cs schedule.CalendarSettings) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return err
	}
	region, err := ukcal.ParseRegion(cs.Region)
	if err != nil {
		return err
	}
	cs.Region = string(region)
	if !slices.Contains(GridChoices, cs.GridMinutes) {
		return fmt.Errorf("the diary grid must be 5, 10 or 15 minutes (not %d)", cs.GridMinutes)
	}
	if cs.DNAWindowMonths < 1 || cs.DNAWindowMonths > 60 {
		return fmt.Errorf("DNAs are counted over 1 to 60 months (not %d)", cs.DNAWindowMonths)
	}
	if cs.ChildUnderAge == 0 {
		cs.ChildUnderAge = patients.DefaultChildUnderAge
	}
	if cs.ChildUnderAge < 1 || cs.ChildUnderAge > 18 {
		return fmt.Errorf("a child who misses an appointment is one under an age from 1 to 18 (not %d): 16 is usual", cs.ChildUnderAge)
	}
	if err := checkHours(cs.OpeningHours, "the clinic's opening"); err != nil {
		return err
	}
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveCalendarSettings(cs); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "calendar.settings", Entity: "settings", ID: "calendar", Detail: fmt.Sprintf("region=%s grid=%d dna_window=%d child_under=%d", cs.Region, cs.GridMinutes, cs.DNAWindowMonths, cs.ChildUnderAge)})
	})
}

// Closures lists the closures that overlap the dates from–to.
func (c *Clinic) Closures(from, to ukcal.Date) ([]schedule.Closure, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.Closures(from, to)
}

// AddClosure shuts the clinic from–to (both included). Appointments
// already booked then stay: the day view shows them on a closed day, to
// be moved.
func (c *Clinic) AddClosure(from, to ukcal.Date, reason string) (schedule.Closure, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return schedule.Closure{}, err
	}
	reason = cleanText(reason)
	switch {
	case from.IsZero() || to.IsZero():
		return schedule.Closure{}, errors.New("a closure needs its first and last day")
	case to.Before(from):
		return schedule.Closure{}, errors.New("a closure's last day cannot be before its first")
	case reason == "":
		return schedule.Closure{}, errors.New("say why the clinic is closed (it is shown in the diary)")
	}
	cl := schedule.Closure{ID: uuid.Must(uuid.NewV7()).String(), From: from, To: to, Reason: reason,
		CreatedBy: s.User.Username, CreatedAt: c.clock().UTC()}
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.InsertClosure(cl); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "calendar.closure.add", Entity: "closure", ID: cl.ID, Detail: cl.From.String() + " to " + cl.To.String()})
	})
	return cl, err
}

// RemoveClosure takes a closure away (the clinic opens after all).
func (c *Clinic) RemoveClosure(id string) error {
	return c.do(PermCalendarSetup, func(tx *writeTx) error {
		cl, err := tx.DeleteClosure(id)
		if err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "calendar.closure.remove", Entity: "closure", ID: id, Detail: cl.From.String() + " to " + cl.To.String()})
	})
}

// calendarReader is what both the store and a write transaction can read,
// so a booking's checks are the same whether previewed or committed.
type calendarReader interface {
	CalendarSettings() (schedule.CalendarSettings, error)
	Clinicians(activeOnly bool) ([]schedule.Clinician, error)
	Closures(from, to ukcal.Date) ([]schedule.Closure, error)
	OccupyingOn(date ukcal.Date) ([]schedule.Appointment, error)
	Clinician(id string) (schedule.Clinician, error)
	Rooms(activeOnly bool) ([]schedule.Room, error)
	AppointmentType(id string) (schedule.AppointmentType, error)
}

var (
	_ calendarReader = (*data.Store)(nil)
	_ calendarReader = (*data.Tx)(nil)
)

// calendarRules gathers the clinic's rules for the dates from–to, with the
// settings they came from.
func calendarRules(r calendarReader, from, to ukcal.Date) (schedule.Rules, schedule.CalendarSettings, error) {
	cs, err := r.CalendarSettings()
	if err != nil {
		return schedule.Rules{}, cs, err
	}
	region, err := ukcal.ParseRegion(cs.Region)
	if err != nil {
		return schedule.Rules{}, cs, err
	}
	rules := schedule.Rules{Region: region, OpeningHours: cs.OpeningHours, ClinicianHours: map[string]schedule.WeekHours{}}
	clinicians, err := r.Clinicians(false)
	if err != nil {
		return rules, cs, err
	}
	for _, cl := range clinicians {
		if h := cl.Hours; !h.IsZero() {
			rules.ClinicianHours[cl.ID] = h
		}
	}
	closures, err := r.Closures(from, to)
	if err != nil {
		return rules, cs, err
	}
	rules.Closures = append(rules.Closures, closures...)
	return rules, cs, nil
}

// scheduleAppts are appointments as the rules see them.
func scheduleAppts(as []schedule.Appointment) []schedule.Appt {
	out := make([]schedule.Appt, len(as))
	for i, a := range as {
		out[i] = a.Appt()
	}
	return out
}
