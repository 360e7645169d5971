package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// jsonList stores a list as a JSON array, never null.
func jsonList(xs []string) (string, error) {
	if xs == nil {
		xs = []string{}
	}
	b, err := json.Marshal(xs)
	return string(b), err
}

// readJSONList reads what jsonList wrote; an empty array reads as nil.
func readJSONList(s string) ([]string, error) {
	var xs []string
	if err := json.Unmarshal([]byte(s), &xs); err != nil {
		return nil, err
	}
	if len(xs) == 0 {
		return nil, nil
	}
	return xs, nil
}

// Setting keys of the calendar, in the settings table.
const (
	settingCalendarRegion    = "calendar.region"
	settingCalendarGrid      = "calendar.grid_minutes"
	settingCalendarDNAWindow = "calendar.dna_window_months"
	settingCalendarOpening   = "calendar.opening_hours"
	settingCalendarChildAge  = "calendar.child_under_age"
)

// querier is what *sql.DB and *sql.Tx share, so that a read can run on
// the pool or inside a write transaction (where a booking re-checks).
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// SaveCalendarSettings writes the calendar settings.
func (t *Tx) SaveCalendarSettings(cs schedule.CalendarSettings) error {
	hours, err := json.Marshal(cs.OpeningHours)
	if err != nil {
		return err
	}
	for k, v := range map[string]string{
		settingCalendarRegion:    cs.Region,
		settingCalendarGrid:      strconv.Itoa(cs.GridMinutes),
		settingCalendarDNAWindow: strconv.Itoa(cs.DNAWindowMonths),
		settingCalendarOpening:   string(hours),
		settingCalendarChildAge:  strconv.Itoa(cs.ChildUnderAge),
	} {
		if err := t.SetSetting(k, v); err != nil {
			return err
		}
	}
	return nil
}

// CalendarSettings reads the calendar settings, defaults where unset.
func (s *Store) CalendarSettings() (schedule.CalendarSettings, error) {
	snap, err := s.setup()
	if err != nil {
		return schedule.CalendarSettings{}, err
	}
	cs := snap.settings
	cs.OpeningHours = cloneHours(cs.OpeningHours)
	return cs, nil
}

// CalendarSettings reads the calendar settings inside the transaction.
func (t *Tx) CalendarSettings() (schedule.CalendarSettings, error) { return calendarSettings(t.tx) }

func calendarSettings(q querier) (schedule.CalendarSettings, error) {
	cs := schedule.DefaultCalendarSettings()
	rows, err := q.Query(`SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?)`,
		settingCalendarRegion, settingCalendarGrid, settingCalendarDNAWindow, settingCalendarOpening, settingCalendarChildAge)
	if err != nil {
		return cs, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return cs, err
		}
		switch k {
		case settingCalendarRegion:
			cs.Region = v
		case settingCalendarGrid:
			if n, err := strconv.Atoi(v); err == nil {
				cs.GridMinutes = n
			}
		case settingCalendarDNAWindow:
			if n, err := strconv.Atoi(v); err == nil {
				cs.DNAWindowMonths = n
			}
		case settingCalendarChildAge:
			if n, err := strconv.Atoi(v); err == nil {
				cs.ChildUnderAge = n
			}
		case settingCalendarOpening:
			if err := json.Unmarshal([]byte(v), &cs.OpeningHours); err != nil {
				return cs, err
			}
		}
	}
	return cs, rows.Err()
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SaveClinician adds a clinician or saves changes to one.
func (t *Tx) SaveClinician(c schedule.Clinician) error {
	t.setupChanged = true
	hours, err := json.Marshal(c.Hours)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(`INSERT INTO clinicians (id, name, role, colour, user_id, active, hours, sort_order, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, colour = excluded.colour,
			user_id = excluded.user_id, active = excluded.active, hours = excluded.hours,
			sort_order = excluded.sort_order, updated_at = excluded.updated_at`,
		c.ID, c.Name, c.Role, c.Colour, nullable(c.UserID), c.Active, string(hours), c.SortOrder,
		c.CreatedAt.UTC().Format(time.RFC3339Nano), c.UpdatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

const clinicianColumns = `id, name, role, colour, coalesce(user_id, ''), active, hours, sort_order, created_at, updated_at`

func scanClinicians(rows *sql.Rows, err error) ([]schedule.Clinician, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Clinician
	for rows.Next() {
		var c schedule.Clinician
		var hours, created, updated string
		if err := rows.Scan(&c.ID, &c.Name, &c.Role, &c.Colour, &c.UserID, &c.Active, &hours, &c.SortOrder, &created, &updated); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(hours), &c.Hours); err != nil {
			return nil, err
		}
		c.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		c.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
		out = append(out, c)
	}
	return out, rows.Err()
}

func clinicians(q querier, activeOnly bool) ([]schedule.Clinician, error) {
	where := ``
	if activeOnly {
		where = ` WHERE active = 1`
	}
	return scanClinicians(q.Query(`SELECT ` + clinicianColumns + ` FROM clinicians` + where + ` ORDER BY sort_order, name COLLATE NOCASE, id`))
}

// Clinicians lists clinicians in day-view column order.
func (s *Store) Clinicians(activeOnly bool) ([]schedule.Clinician, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.cliniciansList(activeOnly), nil
}

// Clinicians lists clinicians inside the transaction.
func (t *Tx) Clinicians(activeOnly bool) ([]schedule.Clinician, error) {
	return clinicians(t.tx, activeOnly)
}

func clinician(q querier, id string) (schedule.Clinician, error) {
	cs, err := scanClinicians(q.Query(`SELECT `+clinicianColumns+` FROM clinicians WHERE id = ?`, id))
	if err != nil {
		return schedule.Clinician{}, err
	}
	if len(cs) == 0 {
		return schedule.Clinician{}, ErrNotFound
	}
	return cs[0], nil
}

// Clinician reads one clinician.
func (s *Store) Clinician(id string) (schedule.Clinician, error) { return clinician(s.db, id) }

// Clinician reads one clinician inside the transaction.
func (t *Tx) Clinician(id string) (schedule.Clinician, error) { return clinician(t.tx, id) }

// SaveRoom adds a room or saves changes to one.
func (t *Tx) SaveRoom(r schedule.Room) error {
	t.setupChanged = true
	_, err := t.tx.Exec(`INSERT INTO rooms (id, name, active, sort_order) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, sort_order = excluded.sort_order`,
		r.ID, r.Name, r.Active, r.SortOrder)
	return err
}

func rooms(q querier, activeOnly bool, id string) ([]schedule.Room, error) {
	query, args := `SELECT id, name, active, sort_order FROM rooms WHERE 1 = 1`, []any{}
	if activeOnly {
		query += ` AND active = 1`
	}
	if id != "" {
		query += ` AND id = ?`
		args = append(args, id)
	}
	rows, err := q.Query(query+` ORDER BY sort_order, name COLLATE NOCASE, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Room
	for rows.Next() {
		var r schedule.Room
		if err := rows.Scan(&r.ID, &r.Name, &r.Active, &r.SortOrder); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Rooms lists the rooms in order.
func (s *Store) Rooms(activeOnly bool) ([]schedule.Room, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.roomsList(activeOnly), nil
}

// Rooms lists the rooms inside the transaction.
func (t *Tx) Rooms(activeOnly bool) ([]schedule.Room, error) { return rooms(t.tx, activeOnly, "") }

// SaveAppointmentType adds an appointment type or saves changes to one.
func (t *Tx) SaveAppointmentType(a schedule.AppointmentType) error {
	t.setupChanged = true
	ids, err := jsonList(a.Deliverers.ClinicianIDs)
	if err != nil {
		return err
	}
	roles, err := jsonList(a.Deliverers.Roles)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(`INSERT INTO appointment_types (id, name, minutes, colour, needs_room, active, deliverer_clinicians, deliverer_roles)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, minutes = excluded.minutes, colour = excluded.colour,
			needs_room = excluded.needs_room, active = excluded.active,
			deliverer_clinicians = excluded.deliverer_clinicians, deliverer_roles = excluded.deliverer_roles`,
		a.ID, a.Name, a.Minutes, a.Colour, a.NeedsRoom, a.Active, ids, roles)
	return err
}

func appointmentTypes(q querier, activeOnly bool, id string) ([]schedule.AppointmentType, error) {
	query, args := `SELECT id, name, minutes, colour, needs_room, active, deliverer_clinicians, deliverer_roles
		FROM appointment_types WHERE 1 = 1`, []any{}
	if activeOnly {
		query += ` AND active = 1`
	}
	if id != "" {
		query += ` AND id = ?`
		args = append(args, id)
	}
	rows, err := q.Query(query+` ORDER BY name COLLATE NOCASE, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.AppointmentType
	for rows.Next() {
		var a schedule.AppointmentType
		var ids, roles string
		if err := rows.Scan(&a.ID, &a.Name, &a.Minutes, &a.Colour, &a.NeedsRoom, &a.Active, &ids, &roles); err != nil {
			return nil, err
		}
		if a.Deliverers.ClinicianIDs, err = readJSONList(ids); err != nil {
			return nil, err
		}
		if a.Deliverers.Roles, err = readJSONList(roles); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AppointmentTypes lists the appointment types by name.
func (s *Store) AppointmentTypes(activeOnly bool) ([]schedule.AppointmentType, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.typesList(activeOnly), nil
}

func appointmentType(q querier, id string) (schedule.AppointmentType, error) {
	ts, err := appointmentTypes(q, false, id)
	if err != nil {
		return schedule.AppointmentType{}, err
	}
	if len(ts) == 0 {
		return schedule.AppointmentType{}, ErrNotFound
	}
	return ts[0], nil
}

// AppointmentType reads one appointment type.
func (s *Store) AppointmentType(id string) (schedule.AppointmentType, error) {
	return appointmentType(s.db, id)
}

// AppointmentType reads one appointment type inside the transaction.
func (t *Tx) AppointmentType(id string) (schedule.AppointmentType, error) {
	return appointmentType(t.tx, id)
}

// InsertClosure records days the clinic is shut.
func (t *Tx) InsertClosure(c schedule.Closure) error {
	_, err := t.tx.Exec(`INSERT INTO closures (id, from_date, to_date, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		c.ID, c.From, c.To, c.Reason, c.CreatedBy, c.CreatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// DeleteClosure removes a closure (the clinic opens after all).
func (t *Tx) DeleteClosure(id string) (schedule.Closure, error) {
	var c schedule.Closure
	var created string
	err := t.tx.QueryRow(`SELECT id, from_date, to_date, reason, created_by, created_at FROM closures WHERE id = ?`, id).
		Scan(&c.ID, &c.From, &c.To, &c.Reason, &c.CreatedBy, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, err
	}
	c.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	_, err = t.tx.Exec(`DELETE FROM closures WHERE id = ?`, id)
	return c, err
}

func closures(q querier, from, to ukcal.Date) ([]schedule.Closure, error) {
	rows, err := q.Query(`SELECT id, from_date, to_date, reason, created_by, created_at FROM closures
		WHERE to_date >= ? AND from_date <= ? ORDER BY from_date, id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Closure
	for rows.Next() {
		var c schedule.Closure
		var created string
		if err := rows.Scan(&c.ID, &c.From, &c.To, &c.Reason, &c.CreatedBy, &created); err != nil {
			return nil, err
		}
		c.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Closures lists the closures that overlap the dates from–to (inclusive).
func (s *Store) Closures(from, to ukcal.Date) ([]schedule.Closure, error) {
	return closures(s.db, from, to)
}

// Closures lists overlapping closures inside the transaction.
func (t *Tx) Closures(from, to ukcal.Date) ([]schedule.Closure, error) {
	return closures(t.tx, from, to)
}
