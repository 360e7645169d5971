package data

import (
	"clinicdesk/app/patients"
	"database/sql"
	"errors"
	"time"
)

// InsertSafeguardingPrompt records a prompt; it reports false, and adds
// nothing, when the appointment already has one (marked missed again
// after a late arrival was undone).
func (t *Tx) InsertSafeguardingPrompt(p patients.SafeguardingPrompt) (bool, error) {
	res, err := t.tx.Exec(`INSERT INTO safeguarding_prompts (id, patient_id, appointment_id, clinician_id, missed_count, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO NOTHING`,
		p.ID, p.PatientID, p.AppointmentID, p.ClinicianID, p.MissedCount, utc(p.CreatedAt), p.CreatedBy)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// AcknowledgeSafeguardingPrompt closes an open prompt with the note.
func (t *Tx) AcknowledgeSafeguardingPrompt(id, by, note string, at time.Time) error {
	res, err := t.tx.Exec(`UPDATE safeguarding_prompts SET acknowledged_at = ?, acknowledged_by = ?, note = ?
		WHERE id = ? AND acknowledged_at = ''`, utc(at), by, note, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

const safeguardingColumns = `s.id, s.patient_id, s.appointment_id, s.clinician_id, s.missed_count, s.created_at, s.created_by,
	s.acknowledged_at, s.acknowledged_by, s.note, p.forenames || ' ' || p.surname, a.date, a.start_min`

const safeguardingFrom = ` FROM safeguarding_prompts s JOIN patients p ON p.id = s.patient_id JOIN appointments a ON a.id = s.appointment_id`

// SafeguardingPrompts lists prompts, oldest first.
func (s *Store) SafeguardingPrompts(f patients.SafeguardingFilter) ([]patients.SafeguardingPrompt, error) {
	return safeguardingPrompts(s.db, f)
}

// SafeguardingPrompt reads one prompt.
func (s *Store) SafeguardingPrompt(id string) (patients.SafeguardingPrompt, error) {
	return safeguardingPrompt(s.db, id)
}

// SafeguardingPrompt reads one prompt inside the transaction.
func (t *Tx) SafeguardingPrompt(id string) (patients.SafeguardingPrompt, error) {
	return safeguardingPrompt(t.tx, id)
}

func safeguardingPrompt(q querier, id string) (patients.SafeguardingPrompt, error) {
	row := q.QueryRow(`SELECT `+safeguardingColumns+safeguardingFrom+` WHERE s.id = ?`, id)
	p, err := scanSafeguarding(row)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

func safeguardingPrompts(q querier, f patients.SafeguardingFilter) ([]patients.SafeguardingPrompt, error) {
	query := `SELECT ` + safeguardingColumns + safeguardingFrom + ` WHERE 1 = 1`
	var args []any
	if f.PatientID != "" {
		query += ` AND s.patient_id = ?`
		args = append(args, f.PatientID)
	}
	if f.AppointmentID != "" {
		query += ` AND s.appointment_id = ?`
		args = append(args, f.AppointmentID)
	}
	if f.OpenOnly {
		query += ` AND s.acknowledged_at = ''`
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	query += ` ORDER BY s.created_at, s.id LIMIT ?`
	rows, err := q.Query(query, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []patients.SafeguardingPrompt
	for rows.Next() {
		p, err := scanSafeguarding(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanSafeguarding(sc interface{ Scan(...any) error }) (patients.SafeguardingPrompt, error) {
	var p patients.SafeguardingPrompt
	var created, acked string
	if err := sc.Scan(&p.ID, &p.PatientID, &p.AppointmentID, &p.ClinicianID, &p.MissedCount, &created, &p.CreatedBy,
		&acked, &p.AcknowledgedBy, &p.Note, &p.PatientName, &p.AppointmentDate, &p.AppointmentMin); err != nil {
		return p, err
	}
	p.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	if acked != "" {
		p.AcknowledgedAt, _ = time.Parse(time.RFC3339Nano, acked)
	}
	return p, nil
}
