package data

import (
	"database/sql"
	"errors"
	"strings"
	"time"

	"clinicdesk/app/schedule"
)

// SaveWaiting adds a waiting-list entry or saves changes to one.
func (t *Tx) SaveWaiting(w schedule.WaitingEntry) error {
	_, err := t.tx.Exec(`INSERT INTO waiting_list (id, patient_id, priority, added, clinician_id, minutes, part_of_day, notes,
			status, appointment_id, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET priority = excluded.priority, added = excluded.added,
			clinician_id = excluded.clinician_id, minutes = excluded.minutes, part_of_day = excluded.part_of_day,
			notes = excluded.notes, status = excluded.status, appointment_id = excluded.appointment_id,
			updated_at = excluded.updated_at`,
		w.ID, w.PatientID, w.Priority, w.Added, nullable(w.ClinicianID), w.Minutes, w.PartOfDay, w.Notes,
		w.Status, nullable(w.AppointmentID), w.CreatedBy, utc(w.CreatedAt), utc(w.UpdatedAt))
	return err
}

const waitingColumns = `w.id, w.patient_id, w.priority, w.added, coalesce(w.clinician_id, ''), w.minutes, w.part_of_day,
	w.notes, w.status, coalesce(w.appointment_id, ''), w.created_by, w.created_at, w.updated_at,
	p.forenames || ' ' || p.surname, coalesce(c.name, '')`

const waitingJoins = ` FROM waiting_list w JOIN patients p ON p.id = w.patient_id LEFT JOIN clinicians c ON c.id = w.clinician_id`

// waitingOrder is the list's order: urgent first, then longest waiting.
const waitingOrder = ` ORDER BY CASE w.priority WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END, w.added, w.created_at, w.id`

func scanWaiting(rows *sql.Rows, err error) ([]schedule.WaitingEntry, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.WaitingEntry
	for rows.Next() {
		var w schedule.WaitingEntry
		var created, updated string
		if err := rows.Scan(&w.ID, &w.PatientID, &w.Priority, &w.Added, &w.ClinicianID, &w.Minutes, &w.PartOfDay,
			&w.Notes, &w.Status, &w.AppointmentID, &w.CreatedBy, &created, &updated, &w.PatientName, &w.ClinicianName); err != nil {
			return nil, err
		}
		w.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		w.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
		out = append(out, w)
	}
	return out, rows.Err()
}

// WaitingEntry reads one entry inside the transaction.
func (t *Tx) WaitingEntry(id string) (schedule.WaitingEntry, error) {
	ws, err := scanWaiting(t.tx.Query(`SELECT `+waitingColumns+waitingJoins+` WHERE w.id = ?`, id))
	if err != nil {
		return schedule.WaitingEntry{}, err
	}
	if len(ws) == 0 {
		return schedule.WaitingEntry{}, ErrNotFound
	}
	return ws[0], nil
}

// WaitingList lists the entries with any of the statuses (open and offered
// when none are given), urgent first, then longest waiting.
func (s *Store) WaitingList(statuses ...schedule.WaitingStatus) ([]schedule.WaitingEntry, error) {
	if len(statuses) == 0 {
		statuses = []schedule.WaitingStatus{schedule.WaitingOpen, schedule.WaitingOffered}
	}
	args := make([]any, len(statuses))
	for i, st := range statuses {
		args[i] = st
	}
	q := `SELECT ` + waitingColumns + waitingJoins + ` WHERE w.status IN (?` + strings.Repeat(`, ?`, len(statuses)-1) + `)` + waitingOrder
	return scanWaiting(s.db.Query(q, args...))
}

// PatientWaiting lists one patient's entries, any status.
func (s *Store) PatientWaiting(patientID string) ([]schedule.WaitingEntry, error) {
	return scanWaiting(s.db.Query(`SELECT `+waitingColumns+waitingJoins+` WHERE w.patient_id = ?`+waitingOrder, patientID))
}

// errWaitingGone is returned when an entry is no longer waiting.
var errWaitingGone = errors.New("that patient is no longer on the waiting list")

// BookWaiting marks an open or offered entry booked into an appointment.
func (t *Tx) BookWaiting(id, appointmentID string, at time.Time) error {
	res, err := t.tx.Exec(`UPDATE waiting_list SET status = 'booked', appointment_id = ?, updated_at = ?
		WHERE id = ? AND status IN ('open', 'offered')`, appointmentID, utc(at), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errWaitingGone
	}
	return nil
}
