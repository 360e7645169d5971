package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// occupying lists for SQL the statuses that hold their slot, as
// schedule.Status.Occupies says: a cancelled or missed appointment frees
// it for someone else. The values are the package's constants, never input.
var occupying = func() string {
	var quoted []string
	for _, s := range schedule.Statuses {
		if s.Occupies() {
			quoted = append(quoted, "'"+string(s)+"'")
		}
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}()

const appointmentColumns = `a.id, a.patient_id, a.type_id, a.clinician_id, coalesce(a.room_id, ''), a.date, a.start_min, a.end_min,
	a.status, a.status_at, a.status_by, a.cancel_reason, a.override_reason, coalesce(a.series_id, ''), a.moved_from,
	a.notes, a.created_at, a.created_by`

func appointmentTargets(a *schedule.Appointment, statusAt, createdAt, movedFrom *string) []any {
	return []any{&a.ID, &a.PatientID, &a.TypeID, &a.ClinicianID, &a.RoomID, &a.Date, &a.StartMin, &a.EndMin,
		&a.Status, statusAt, &a.StatusBy, &a.CancelReason, &a.OverrideReason, &a.SeriesID, movedFrom,
		&a.Notes, createdAt, &a.CreatedBy}
}

func finishAppointment(a *schedule.Appointment, statusAt, createdAt, movedFrom string) error {
	a.StatusAt, _ = time.Parse(time.RFC3339Nano, statusAt)
	a.CreatedAt, _ = time.Parse(time.RFC3339Nano, createdAt)
	slot, err := parseSlot(movedFrom)
	a.MovedFrom = slot
	return err
}

func parseSlot(s string) (*schedule.Slot, error) {
	if s == "" {
		return nil, nil
	}
	var slot schedule.Slot
	if err := json.Unmarshal([]byte(s), &slot); err != nil {
		return nil, err
	}
	return &slot, nil
}

func slotJSON(s *schedule.Slot) (string, error) {
	if s == nil {
		return "", nil
	}
	b, err := json.Marshal(s)
	return string(b), err
}

func utc(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// insertAppointment and insertAppointmentPatient wrap an appointment's
// values ("?, ?, …") into an insert that copies its patient's details from
// the record in the same statement, so the copy is written with the row
// rather than by the trigger a moment after (0027). It inserts nothing if
// there is no such patient: see insertedOne.
const (
	insertAppointment = `INSERT INTO appointments (id, patient_id, clinician_id, room_id, type_id, date, start_min, end_min,
		status, status_at, status_by, cancel_reason, override_reason, series_id, moved_from, notes, created_at, created_by,
		patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs)
		SELECT `
	insertAppointmentPatient = `, p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs
		FROM patients p WHERE p.id = ?`
)

// insertedOne checks that an appointment insert wrote its row: the insert
// reads the patient, and finds none if patientID is not one.
func insertedOne(res sql.Result, err error, patientID string) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return fmt.Errorf("booking for patient %s: %w", patientID, ErrNotFound)
	}
	return nil
}

// InsertAppointment books an appointment and writes its first history
// row. The caller has checked for clashes in the same transaction.
func (t *Tx) InsertAppointment(a schedule.Appointment) error {
	moved, err := slotJSON(a.MovedFrom)
	if err != nil {
		return err
	}
	res, err := t.tx.Exec(insertAppointment+`?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`+insertAppointmentPatient,
		a.ID, a.PatientID, a.ClinicianID, nullable(a.RoomID), a.TypeID, a.Date, a.StartMin, a.EndMin,
		a.Status, utc(a.StatusAt), a.StatusBy, a.CancelReason, a.OverrideReason, nullable(a.SeriesID), moved,
		a.Notes, utc(a.CreatedAt), a.CreatedBy, a.PatientID)
	if err := insertedOne(res, err, a.PatientID); err != nil {
		return err
	}
	return t.insertHistory(schedule.StatusChange{AppointmentID: a.ID, Status: a.Status, At: a.StatusAt, By: a.StatusBy, Reason: a.OverrideReason})
}

func (t *Tx) insertHistory(c schedule.StatusChange) error {
	moved, err := slotJSON(c.MovedFrom)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(`INSERT INTO appointment_status_history (appointment_id, status, at, by, reason, moved_from) VALUES (?, ?, ?, ?, ?, ?)`,
		c.AppointmentID, c.Status, utc(c.At), c.By, c.Reason, moved)
	return err
}

// SetAppointmentStatus changes the status and records the change. A
// cancellation's reason is kept on the appointment too.
func (t *Tx) SetAppointmentStatus(id string, status schedule.Status, at time.Time, by, reason string) error {
	cancelReason := ""
	if status.Cancelled() {
		cancelReason = reason
	}
	res, err := t.tx.Exec(`UPDATE appointments SET status = ?, status_at = ?, status_by = ?, cancel_reason = ? WHERE id = ?`,
		status, utc(at), by, cancelReason, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return t.insertHistory(schedule.StatusChange{AppointmentID: id, Status: status, At: at, By: by, Reason: reason})
}

// MoveAppointment puts an appointment in a new slot. The first slot it was
// booked in stays on the appointment; the slot it left goes in the history.
func (t *Tx) MoveAppointment(id string, to schedule.Slot, at time.Time, by, reason, overrideReason string) error {
	a, err := t.Appointment(id)
	if err != nil {
		return err
	}
	from := a.Slot
	original := a.MovedFrom
	if original == nil {
		original = &from
	}
	moved, err := slotJSON(original)
	if err != nil {
		return err
	}
	if overrideReason == "" {
		overrideReason = a.OverrideReason
	}
	_, err = t.tx.Exec(`UPDATE appointments SET clinician_id = ?, room_id = ?, date = ?, start_min = ?, end_min = ?,
		moved_from = ?, override_reason = ? WHERE id = ?`,
		to.ClinicianID, nullable(to.RoomID), to.Date, to.StartMin, to.EndMin, moved, overrideReason, id)
	if err != nil {
		return err
	}
	return t.insertHistory(schedule.StatusChange{AppointmentID: id, Status: a.Status, At: at, By: by, Reason: reason, MovedFrom: &from})
}

func appointmentByID(q querier, id string) (schedule.Appointment, error) {
	var a schedule.Appointment
	var statusAt, createdAt, movedFrom string
	err := q.QueryRow(`SELECT `+appointmentColumns+` FROM appointments a WHERE a.id = ?`, id).
		Scan(appointmentTargets(&a, &statusAt, &createdAt, &movedFrom)...)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, err
	}
	return a, finishAppointment(&a, statusAt, createdAt, movedFrom)
}

// Appointment reads one appointment.
func (s *Store) Appointment(id string) (schedule.Appointment, error) {
	return appointmentByID(s.db, id)
}

// Appointment reads one appointment inside the transaction.
func (t *Tx) Appointment(id string) (schedule.Appointment, error) { return appointmentByID(t.tx, id) }

func scanAppointments(rows *sql.Rows, err error) ([]schedule.Appointment, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.Appointment
	for rows.Next() {
		var a schedule.Appointment
		var statusAt, createdAt, movedFrom string
		if err := rows.Scan(appointmentTargets(&a, &statusAt, &createdAt, &movedFrom)...); err != nil {
			return nil, err
		}
		if err := finishAppointment(&a, statusAt, createdAt, movedFrom); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// occupyingOnQuery is the clash check's read: every appointment that holds
// its slot on one date, through the appointments_diary index.
var occupyingOnQuery = `SELECT ` + appointmentColumns + ` FROM appointments a
	WHERE a.date = ? AND a.status IN ` + occupying + ` ORDER BY a.clinician_id, a.start_min`

func occupyingOn(q querier, date ukcal.Date) ([]schedule.Appointment, error) {
	return scanAppointments(q.Query(occupyingOnQuery, date))
}

// OccupyingOn lists the appointments that hold their slot on a date
// (booked, arrived, in progress, seen), for clash checks.
func (s *Store) OccupyingOn(date ukcal.Date) ([]schedule.Appointment, error) {
	return occupyingOn(s.db, date)
}

// OccupyingOn is the clash check's read inside the write transaction, so
// nothing can be booked between the check and the insert.
func (t *Tx) OccupyingOn(date ukcal.Date) ([]schedule.Appointment, error) {
	return occupyingOn(t.tx, date)
}

// SeriesAppointments lists a series' appointments on or after a date, in
// date order.
func (t *Tx) SeriesAppointments(seriesID string, fromDate ukcal.Date) ([]schedule.Appointment, error) {
	return scanAppointments(t.tx.Query(`SELECT `+appointmentColumns+` FROM appointments a
		WHERE a.series_id = ? AND a.date >= ? ORDER BY a.date, a.start_min`, seriesID, fromDate))
}

// InsertSeries records a recurring series' rule (JSON).
func (t *Tx) InsertSeries(id, patientID, repeatJSON, by string, at time.Time) error {
	_, err := t.tx.Exec(`INSERT INTO appointment_series (id, patient_id, repeat, created_by, created_at) VALUES (?, ?, ?, ?, ?)`,
		id, patientID, repeatJSON, by, utc(at))
	return err
}

// AppointmentHistory lists an appointment's status changes and moves,
// oldest first.
func (s *Store) AppointmentHistory(id string) ([]schedule.StatusChange, error) {
	return scanHistory(s.db.Query(`SELECT appointment_id, status, at, by, reason, moved_from FROM appointment_status_history
		WHERE appointment_id = ? ORDER BY id`, id))
}

// PatientAppointmentHistory lists the history rows of all of a patient's
// appointments, oldest first.
func (s *Store) PatientAppointmentHistory(patientID string) ([]schedule.StatusChange, error) {
	return scanHistory(s.db.Query(`SELECT h.appointment_id, h.status, h.at, h.by, h.reason, h.moved_from
		FROM appointments a JOIN appointment_status_history h ON h.appointment_id = a.id
		WHERE a.patient_id = ? ORDER BY h.id`, patientID))
}

func scanHistory(rows *sql.Rows, err error) ([]schedule.StatusChange, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.StatusChange
	for rows.Next() {
		var c schedule.StatusChange
		var at, moved string
		if err := rows.Scan(&c.AppointmentID, &c.Status, &at, &c.By, &c.Reason, &moved); err != nil {
			return nil, err
		}
		c.At, _ = time.Parse(time.RFC3339Nano, at)
		slot, err := parseSlot(moved)
		if err != nil {
			return nil, err
		}
		c.MovedFrom = slot
		out = append(out, c)
	}
	return out, rows.Err()
}

// diaryColumns add the patient's details as the appointment keeps a copy
// of them (migration 0027, kept by triggers): read from the patient,
// a busy day of a big clinic was a random page per appointment, and the
// diary index holds the copy, so a day is one short run of pages. The
// type, room and clinician are not read at all: their names come from the
// set-up the store keeps (three lookups a row were a fifth of a day
// view's time).
const diaryColumns = appointmentColumns + `, a.patient_forenames, a.patient_surname, a.patient_dob, a.patient_nhs_number,
	a.patient_alerts, a.patient_ais_needs`

// DiaryFilter picks appointments for a view or an export.
type DiaryFilter struct {
	From, To    ukcal.Date // inclusive; From zero for every date
	ClinicianID string     // "" for every clinician
	PatientID   string     // "" for every patient
	// WithCancelled includes cancelled appointments (the views show them
	// struck through; the export marks them cancelled).
	WithCancelled bool
	// ByClinician orders by clinician, then time: the order of the diary
	// index, so a day view of several hundred appointments needs no sort.
	ByClinician bool
	// One date's clinicians from clinicianFrom and before clinicianBefore
	// (by id; "" leaves that end open): DayDiary's parts.
	clinicianFrom, clinicianBefore string
}

// diaryQuery builds the query for f. Each shape has an index: one date or
// a range of dates (appointments_diary, which holds the rows themselves,
// so a day is read without visiting the table), one clinician's dates
// (appointments_clinician), one patient's (appointments_patient).
func diaryQuery(f DiaryFilter) (string, []any) {
	q := `SELECT ` + diaryColumns + ` FROM appointments a WHERE `
	var args []any
	switch {
	case f.PatientID != "":
		q += `a.patient_id = ?`
		args = append(args, f.PatientID)
		if !f.From.IsZero() {
			q += ` AND a.date BETWEEN ? AND ?`
			args = append(args, f.From, f.To)
		}
	case f.ClinicianID != "":
		q += `a.clinician_id = ? AND a.date BETWEEN ? AND ?`
		args = append(args, f.ClinicianID, f.From, f.To)
	case f.From == f.To:
		// Equal, not BETWEEN, so that a range of clinicians is a range
		// of the index too.
		q += `a.date = ?`
		args = append(args, f.From)
		if f.clinicianFrom != "" {
			q += ` AND a.clinician_id >= ?`
			args = append(args, f.clinicianFrom)
		}
		if f.clinicianBefore != "" {
			q += ` AND a.clinician_id < ?`
			args = append(args, f.clinicianBefore)
		}
	default:
		q += `a.date BETWEEN ? AND ?`
		args = append(args, f.From, f.To)
	}
	if !f.WithCancelled {
		q += ` AND a.status NOT IN ('cancelled_patient', 'cancelled_clinic')`
	}
	if f.ByClinician {
		return q + ` ORDER BY a.date, a.clinician_id, a.start_min, a.id`, args
	}
	// Then by the clinicians' column order, in Go (sortByColumn).
	return q + ` ORDER BY a.date, a.start_min, a.clinician_id, a.id`, args
}

// Diary lists appointments with their patient, type, room and clinician,
// in date and time order.
func (s *Store) Diary(f DiaryFilter) ([]schedule.DiaryEntry, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	return diary(s.db, f, snap)
}

// dayDiaryParts is how many ranges of clinicians DayDiary reads at once
// in a big clinic: one a core (four measured slower than two on the
// spec's 2-core machine).
const dayDiaryParts = 2

// dayDiarySplitAt is how many clinicians a clinic has before its day is
// read in parts. Splitting pays only for a day of hundreds of
// appointments: at 100,000 patients (406 a day) two parts took 3.6–3.9 ms
// against 3.9–4.4 on one connection (p50, the two read in turn in one
// process, three runs). In a clinic of ten (41 a day) it cost more than
// it saved: each part's connection keeps its own page cache, a booking
// empties all but its own, and every page read again is decrypted again.
// One part there made the day view 0.51 ms against 0.85 (p50), Today 1.9
// against 2.3, and the encrypted file's desk work 1.2× the plaintext
// copy's rather than 1.57× (`clinicdesk bench`, 10,000 patients).
const dayDiarySplitAt = 24

// dayDiaryPartsFor is how many parts a day of a clinic with n clinicians
// is read in.
func dayDiaryPartsFor(n int) int {
	if n < dayDiarySplitAt {
		return 1
	}
	return min(dayDiaryParts, n)
}

// DayDiary lists one date's appointments for every clinician, cancelled
// ones too, by clinician and then time (the diary index's order). A big
// clinic's busy day is several hundred rows to decrypt and scan, so there
// the clinicians are read in parts side by side, each on a connection of
// its own: the day view is the screen the desk has open all day, and the
// machine has two cores.
func (s *Store) DayDiary(date ukcal.Date) ([]schedule.DiaryEntry, error) {
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	f := DiaryFilter{From: date, To: date, WithCancelled: true, ByClinician: true}
	ids := snap.clinicianIDs
	n := dayDiaryPartsFor(len(ids))
	if n < 2 || s.fullAtOpen { // a full disk's store has one connection
		return diary(s.db, f, snap)
	}
	// The first part is read on a connection held until every other part's
	// is back in the pool, so it goes back last and the pool (which hands
	// out the connection freed last) gives it to the search or booking
	// that follows. A booking empties the page cache of every connection
	// but its own: with the parts handed back in any order, the next
	// search often got the other part's connection and decrypted all its
	// pages again (warm search 1.66–1.89× the plaintext copy's at 100,000
	// patients, 1.14–1.15× in this order; `clinicdesk bench`,
	// encrypted_vs_plain). Holding one connection while waiting for
	// another cannot starve: the app reads one day at a time (the session
	// lock), and the pool has four.
	first, err := s.db.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	defer first.Close()
	type part struct {
		entries []schedule.DiaryEntry
		err     error
	}
	parts := make([]chan part, n)
	for i := range parts {
		pf := f
		if i > 0 {
			pf.clinicianFrom = ids[i*len(ids)/n]
		}
		if i < n-1 {
			pf.clinicianBefore = ids[(i+1)*len(ids)/n]
		}
		parts[i] = make(chan part, 1)
		var q querier = s.db
		if i == 0 {
			q = connQuerier{first}
		}
		go func(ch chan part) {
			es, err := diary(q, pf, snap)
			ch <- part{es, err}
		}(parts[i])
	}
	var out []schedule.DiaryEntry
	var errs []error
	for _, ch := range parts {
		p := <-ch
		out = append(out, p.entries...)
		errs = append(errs, p.err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// connQuerier reads on one connection taken from the pool.
type connQuerier struct{ c *sql.Conn }

func (q connQuerier) Query(query string, args ...any) (*sql.Rows, error) {
	return q.c.QueryContext(context.Background(), query, args...)
}

func (q connQuerier) QueryRow(query string, args ...any) *sql.Row {
	return q.c.QueryRowContext(context.Background(), query, args...)
}

// DayList lists one date's appointments that are not cancelled, by time
// and then the day view's column order: Today's list. It reads as the day
// view does (DayDiary, in the diary index's order) and sorts in Go: asking
// SQL for time order made it sort several hundred wide rows of a busy day.
func (s *Store) DayList(date ukcal.Date) ([]schedule.DiaryEntry, error) {
	es, err := s.DayDiary(date)
	if err != nil {
		return nil, err
	}
	snap, err := s.setup()
	if err != nil {
		return nil, err
	}
	out := es[:0]
	for _, e := range es {
		if !e.Status.Cancelled() {
			out = append(out, e)
		}
	}
	// Stable: at one time and column, the diary index's clinician and id
	// order stays, as the time-ordered query had it.
	snap.sortByColumn(out)
	return out, nil
}

// Diary lists appointments inside the transaction (an export reads and
// audits in one).
func (t *Tx) Diary(f DiaryFilter) ([]schedule.DiaryEntry, error) {
	snap, err := loadSetup(t.tx)
	if err != nil {
		return nil, err
	}
	return diary(t.tx, f, snap)
}

func diary(q querier, f DiaryFilter, snap *setupSnapshot) ([]schedule.DiaryEntry, error) {
	query, args := diaryQuery(f)
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.DiaryEntry
	for rows.Next() {
		var e schedule.DiaryEntry
		var statusAt, createdAt, movedFrom, alerts, needs string
		targets := append(appointmentTargets(&e.Appointment, &statusAt, &createdAt, &movedFrom),
			&e.PatientFirst, &e.PatientLast, &e.PatientDOB, &e.NHSNumber, &alerts, &needs)
		if err := rows.Scan(targets...); err != nil {
			return nil, err
		}
		e.PatientName = e.PatientFirst + " " + e.PatientLast
		if err := finishAppointment(&e.Appointment, statusAt, createdAt, movedFrom); err != nil {
			return nil, err
		}
		// Most patients have neither: a day view decodes several hundred.
		if alerts != "[]" {
			if err := json.Unmarshal([]byte(alerts), &e.Alerts); err != nil {
				return nil, err
			}
		}
		if needs != "[]" {
			if err := json.Unmarshal([]byte(needs), &e.AISNeeds); err != nil {
				return nil, err
			}
		}
		t := snap.typeByID[e.TypeID]
		e.TypeName, e.TypeColour = t.Name, t.Colour
		e.RoomName = snap.roomByID[e.RoomID].Name
		e.ClinicianName = snap.clinByID[e.ClinicianID].Name
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !f.ByClinician {
		snap.sortByColumn(out)
	}
	return out, nil
}

// sortByColumn puts appointments at the same time in the day view's
// column order; the query has them by date, time, clinician and id.
func (snap *setupSnapshot) sortByColumn(es []schedule.DiaryEntry) {
	slices.SortStableFunc(es, func(a, b schedule.DiaryEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.StartMin, b.StartMin),
			cmp.Compare(snap.clinByID[a.ClinicianID].SortOrder, snap.clinByID[b.ClinicianID].SortOrder))
	})
}

// DayCounts counts the appointments that are not cancelled on each date
// from–to, for the month overview. Dates with none are left out.
func (s *Store) DayCounts(from, to ukcal.Date) (map[ukcal.Date]int, error) {
	rows, err := s.db.Query(`SELECT date, count(*) FROM appointments
		WHERE date BETWEEN ? AND ? AND status NOT IN ('cancelled_patient', 'cancelled_clinic') GROUP BY date`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[ukcal.Date]int{}
	for rows.Next() {
		var d ukcal.Date
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		out[d] = n
	}
	return out, rows.Err()
}

// DNADates lists the dates of a patient's DNAs on or after a date, for the
// rolling-window count, inside the transaction that marked the DNA.
func (t *Tx) DNADates(patientID string, since ukcal.Date) ([]ukcal.Date, error) {
	return dnaDates(t.tx, patientID, since)
}

func dnaDates(q querier, patientID string, since ukcal.Date) ([]ukcal.Date, error) {
	rows, err := q.Query(`SELECT date FROM appointments WHERE patient_id = ? AND date >= ? AND status = 'dna' ORDER BY date`, patientID, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ukcal.Date
	for rows.Next() {
		var d ukcal.Date
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Revisions counts the changes made to an appointment since it was
// booked (moves and status changes), for a calendar file's SEQUENCE.
func (t *Tx) Revisions(appointmentID string) (int, error) {
	var n int
	err := t.tx.QueryRow(`SELECT count(*) - 1 FROM appointment_status_history WHERE appointment_id = ?`, appointmentID).Scan(&n)
	return max(n, 0), err
}
