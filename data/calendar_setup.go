package data

import (
	"clinicdesk/app/patients"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// Span is a stretch of a day in wall-clock minutes after midnight,
// [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// WeekHours are a week's working spans, indexed by time.Weekday (Sunday
// is 0). A break is the gap between two spans of a day.
type WeekHours [7][]Span

// MarshalJSON stores each day as a list of [start, end] pairs.
func (w WeekHours) MarshalJSON() ([]byte, error) {
	days := make([][][2]int, 7)
	for d, spans := range w {
		days[d] = make([][2]int, 0, len(spans))
		for _, s := range spans {
			days[d] = append(days[d], [2]int{s.Start, s.End})
		}
	}
	return json.Marshal(days)
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (w *WeekHours) UnmarshalJSON(b []byte) error {
	var days [][][2]int
	if err := json.Unmarshal(b, &days); err != nil {
		return err
	}
	*w = WeekHours{}
	for d := 0; d < len(days) && d < 7; d++ {
		for _, p := range days[d] {
			w[d] = append(w[d], Span{Start: p[0], End: p[1]})
		}
	}
	return nil
}

// Clinician is someone patients are booked with.
type Clinician struct {
	ID        string
	Name      string
	Role      string // e.g. "Physiotherapist"
	Colour    string // "#rrggbb"
	UserID    string // their login, if they have one
	Active    bool
	Hours     WeekHours
	SortOrder int // column order in the day view
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Room is a treatment room.
type Room struct {
	ID        string
	Name      string
	Active    bool
	SortOrder int
}

// AppointmentType is what an appointment is for; it sets the length.
type AppointmentType struct {
	ID         string
	Name       string
	Minutes    int
	Colour     string
	NeedsRoom  bool
	Active     bool
	Deliverers Deliverers // who usually delivers it
}

// Deliverers are who usually delivers an appointment type: the clinicians
// named and anyone whose role is one of Roles. Both empty means anyone.
type Deliverers struct {
	ClinicianIDs []string
	Roles        []string
}

// Anyone reports whether the type is open to every clinician.
func (d Deliverers) Anyone() bool { return len(d.ClinicianIDs) == 0 && len(d.Roles) == 0 }

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

// Closure is a stretch of days the clinic is shut, besides bank holidays.
type Closure struct {
	ID        string
	From, To  string // YYYY-MM-DD, inclusive
	Reason    string
	CreatedBy string
	CreatedAt time.Time
}

// CalendarSettings are the clinic-wide calendar rules.
type CalendarSettings struct {
	Region          string // bank-holiday region, e.g. "england-and-wales"
	GridMinutes     int    // 5, 10 or 15
	DNAWindowMonths int    // DNAs are counted over this many months
	// ChildUnderAge: a patient younger than this on the day of a missed
	// appointment "was not brought" (SPEC §2.5).
	ChildUnderAge int
	OpeningHours  WeekHours
}

// Setting keys of the calendar, in the settings table.
const (
	settingCalendarRegion    = "calendar.region"
	settingCalendarGrid      = "calendar.grid_minutes"
	settingCalendarDNAWindow = "calendar.dna_window_months"
	settingCalendarOpening   = "calendar.opening_hours"
	settingCalendarChildAge  = "calendar.child_under_age"
)

// DefaultCalendarSettings are used until a manager changes them: England
// and Wales, a 15-minute grid, a 12-month DNA window, open 08:00–18:00
// Monday to Friday.
func DefaultCalendarSettings() CalendarSettings {
	cs := CalendarSettings{Region: "england-and-wales", GridMinutes: 15, DNAWindowMonths: 12, ChildUnderAge: patients.DefaultChildUnderAge}
	for d := time.Monday; d <= time.Friday; d++ {
		cs.OpeningHours[d] = []Span{{Start: 8 * 60, End: 18 * 60}}
	}
	return cs
}

// querier is what *sql.DB and *sql.Tx share, so that a read can run on
// the pool or inside a write transaction (where a booking re-checks).
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// SaveCalendarSettings writes the calendar settings.
func (t *Tx) SaveCalendarSettings(cs CalendarSettings) error {
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
func (s *Store) CalendarSettings() (CalendarSettings, error) {
	snap, err := s.setup()
	if err != nil {
		return CalendarSettings{}, err
	}
	cs := snap.settings
	cs.OpeningHours = cloneHours(cs.OpeningHours)
	return cs, nil
}

// CalendarSettings reads the calendar settings inside the transaction.
func (t *Tx) CalendarSettings() (CalendarSettings, error) { return calendarSettings(t.tx) }

func calendarSettings(q querier) (CalendarSettings, error) {
	cs := DefaultCalendarSettings()
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
func (t *Tx) SaveClinician(c Clinician) error {
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

func scanClinicians(rows *sql.Rows, err error) ([]Clinician, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Clinician
	for rows.Next() {
		var c Clinician
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

func clinicians(q querier, activeOnly bool) ([]Clinician, error) {
	where := ``
	if activeOnly {
		where = ` WHERE active = 1`
	}
	return scanClinicians(q.Query(`SELECT ` + clinicianColumns + ` FROM clinicians` + where + ` ORDER BY sort_order, name COLLATE NOCASE, id`))
}

// Clinicians lists clinicians in day-view column order.
func (s *Store) Clinicians(activeOnly bool) ([]Clinician, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.cliniciansList(activeOnly), nil
}

// Clinicians lists clinicians inside the transaction.
func (t *Tx) Clinicians(activeOnly bool) ([]Clinician, error) { return clinicians(t.tx, activeOnly) }

func clinician(q querier, id string) (Clinician, error) {
	cs, err := scanClinicians(q.Query(`SELECT `+clinicianColumns+` FROM clinicians WHERE id = ?`, id))
	if err != nil {
		return Clinician{}, err
	}
	if len(cs) == 0 {
		return Clinician{}, ErrNotFound
	}
	return cs[0], nil
}

// Clinician reads one clinician.
func (s *Store) Clinician(id string) (Clinician, error) { return clinician(s.db, id) }

// Clinician reads one clinician inside the transaction.
func (t *Tx) Clinician(id string) (Clinician, error) { return clinician(t.tx, id) }

// SaveRoom adds a room or saves changes to one.
func (t *Tx) SaveRoom(r Room) error {
	t.setupChanged = true
	_, err := t.tx.Exec(`INSERT INTO rooms (id, name, active, sort_order) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, sort_order = excluded.sort_order`,
		r.ID, r.Name, r.Active, r.SortOrder)
	return err
}

func rooms(q querier, activeOnly bool, id string) ([]Room, error) {
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
	var out []Room
	for rows.Next() {
		var r Room
		if err := rows.Scan(&r.ID, &r.Name, &r.Active, &r.SortOrder); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Rooms lists the rooms in order.
func (s *Store) Rooms(activeOnly bool) ([]Room, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.roomsList(activeOnly), nil
}

// Rooms lists the rooms inside the transaction.
func (t *Tx) Rooms(activeOnly bool) ([]Room, error) { return rooms(t.tx, activeOnly, "") }

// SaveAppointmentType adds an appointment type or saves changes to one.
func (t *Tx) SaveAppointmentType(a AppointmentType) error {
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

func appointmentTypes(q querier, activeOnly bool, id string) ([]AppointmentType, error) {
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
	var out []AppointmentType
	for rows.Next() {
		var a AppointmentType
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
func (s *Store) AppointmentTypes(activeOnly bool) ([]AppointmentType, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return snap.typesList(activeOnly), nil
}

func appointmentType(q querier, id string) (AppointmentType, error) {
	ts, err := appointmentTypes(q, false, id)
	if err != nil {
		return AppointmentType{}, err
	}
	if len(ts) == 0 {
		return AppointmentType{}, ErrNotFound
	}
	return ts[0], nil
}

// AppointmentType reads one appointment type.
func (s *Store) AppointmentType(id string) (AppointmentType, error) { return appointmentType(s.db, id) }

// AppointmentType reads one appointment type inside the transaction.
func (t *Tx) AppointmentType(id string) (AppointmentType, error) { return appointmentType(t.tx, id) }

// InsertClosure records days the clinic is shut.
func (t *Tx) InsertClosure(c Closure) error {
	_, err := t.tx.Exec(`INSERT INTO closures (id, from_date, to_date, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		c.ID, c.From, c.To, c.Reason, c.CreatedBy, c.CreatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// DeleteClosure removes a closure (the clinic opens after all).
func (t *Tx) DeleteClosure(id string) (Closure, error) {
	var c Closure
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

func closures(q querier, from, to string) ([]Closure, error) {
	rows, err := q.Query(`SELECT id, from_date, to_date, reason, created_by, created_at FROM closures
		WHERE to_date >= ? AND from_date <= ? ORDER BY from_date, id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Closure
	for rows.Next() {
		var c Closure
		var created string
		if err := rows.Scan(&c.ID, &c.From, &c.To, &c.Reason, &c.CreatedBy, &created); err != nil {
			return nil, err
		}
		c.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Closures lists the closures that overlap the dates from–to (inclusive,
// YYYY-MM-DD).
func (s *Store) Closures(from, to string) ([]Closure, error) { return closures(s.db, from, to) }

// Closures lists overlapping closures inside the transaction.
func (t *Tx) Closures(from, to string) ([]Closure, error) { return closures(t.tx, from, to) }
