package data

import (
	"database/sql"
	"strconv"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// AppointmentWriter adds many appointments inside one transaction through
// prepared statements, for a generated diary of a million appointments.
type AppointmentWriter struct {
	appt, history *sql.Stmt
}

// AppointmentWriter prepares the bulk inserts. Close it before the
// transaction ends.
func (t *Tx) AppointmentWriter() (*AppointmentWriter, error) {
	appt, err := t.tx.Prepare(insertAppointment + `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?` + insertAppointmentPatient)
	if err != nil {
		return nil, err
	}
	history, err := t.tx.Prepare(`INSERT INTO appointment_status_history (appointment_id, status, at, by, reason, moved_from)
		VALUES (?, ?, ?, ?, ?, '')`)
	if err != nil {
		appt.Close()
		return nil, err
	}
	return &AppointmentWriter{appt: appt, history: history}, nil
}

// bulkCacheKiB is the page cache a bulk write may use: enough to hold the
// pages a million appointments touch, so they reach the WAL once, at
// commit, rather than spilling again and again into an ever longer WAL.
const bulkCacheKiB = 768 * 1024

// LargeCache lets this transaction's connection keep up to bulkCacheKiB of
// pages in memory; call the returned func before the transaction ends to
// give the memory back.
func (t *Tx) LargeCache() (restore func() error, err error) {
	var before int
	if err := t.tx.QueryRow(`PRAGMA cache_size`).Scan(&before); err != nil {
		return nil, err
	}
	if _, err := t.tx.Exec(`PRAGMA cache_size = -` + strconv.Itoa(bulkCacheKiB)); err != nil {
		return nil, err
	}
	return func() error {
		_, err := t.tx.Exec(`PRAGMA cache_size = ` + strconv.Itoa(before))
		return err
	}, nil
}

// Close releases the prepared statements.
func (w *AppointmentWriter) Close() error {
	w.history.Close()
	return w.appt.Close()
}

// Add inserts one appointment and its history: booked when it was made,
// then each step it reached (arrived, in progress) and its final status.
// Moves are not written this way.
func (w *AppointmentWriter) Add(a schedule.HistoricAppointment) error {
	res, err := w.appt.Exec(a.ID, a.PatientID, a.ClinicianID, nullable(a.RoomID), a.TypeID, a.Date, a.StartMin, a.EndMin,
		a.Status, utc(a.StatusAt), a.StatusBy, a.CancelReason, a.OverrideReason, nullable(a.SeriesID),
		a.Notes, utc(a.CreatedAt), a.CreatedBy, a.PatientID)
	if err := insertedOne(res, err, a.PatientID); err != nil {
		return err
	}
	steps := []schedule.StatusChange{{Status: schedule.StatusBooked, At: a.CreatedAt, By: a.CreatedBy}}
	if !a.Arrived.IsZero() && a.Status != schedule.StatusArrived {
		steps = append(steps, schedule.StatusChange{Status: schedule.StatusArrived, At: a.Arrived, By: a.StatusBy})
	}
	if !a.Started.IsZero() && a.Status != schedule.StatusInProgress {
		steps = append(steps, schedule.StatusChange{Status: schedule.StatusInProgress, At: a.Started, By: a.StatusBy})
	}
	if a.Status != schedule.StatusBooked {
		steps = append(steps, schedule.StatusChange{Status: a.Status, At: a.StatusAt, By: a.StatusBy, Reason: a.CancelReason})
	}
	for _, s := range steps {
		if _, err := w.history.Exec(a.ID, s.Status, utc(s.At), s.By, s.Reason); err != nil {
			return err
		}
	}
	return nil
}

// OccupyingBetween lists the appointments that hold their slot on the
// dates from–to (inclusive), in date order, for a second generated batch
// to book around.
func (s *Store) OccupyingBetween(from, to ukcal.Date) ([]schedule.Appointment, error) {
	return scanAppointments(s.db.Query(`SELECT `+appointmentColumns+` FROM appointments a
		WHERE a.date BETWEEN ? AND ? AND a.status IN `+occupying+` ORDER BY a.date, a.clinician_id, a.start_min`, from, to))
}

// CountAppointments counts every appointment in the diary, any status.
func (s *Store) CountAppointments() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM appointments`).Scan(&n)
	return n, err
}

// ActivePatientBriefs lists every active patient's id, date of birth and
// sex, oldest record first (ids are time-ordered).
func (s *Store) ActivePatientBriefs() ([]patients.PatientBrief, error) {
	rows, err := s.db.Query(`SELECT id, dob, sex FROM patients WHERE status = ? ORDER BY id`, patients.Active)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []patients.PatientBrief
	for rows.Next() {
		var p patients.PatientBrief
		if err := rows.Scan(&p.ID, &p.DOB, &p.Sex); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
