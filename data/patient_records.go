package data

import (
	"database/sql"
	"encoding/json"
	"time"

	"clinicdesk/app/patients"
)

// patientOwned are the tables whose rows belong to one patient (column
// patient_id, key id). A merge moves them; a deletion removes them. Later
// modules add their tables here.
// Appointments come before their series (a series is referred to by its
// appointments); status history goes with its appointment by cascade, and
// a referral's events and appointment links go with it the same way.
var patientOwned = []string{"patient_notes", "tasks", "sar_requests", "waiting_list", "safeguarding_prompts", "appointments", "appointment_series",
	"letter_log", "referrals"}

// patientLinked rows follow a merge like patientOwned ones but outlive the
// patient: a complaint file is kept ten years from closure, so deleting
// the patient only unlinks it (ON DELETE SET NULL).
var patientLinked = []string{"complaints"}

// mergedTables are every table a merge moves rows of.
func mergedTables() []string { return append(append([]string{}, patientOwned...), patientLinked...) }

// InsertNote adds a note or call.
func (t *Tx) InsertNote(n patients.Note) error {
	_, err := t.tx.Exec(`INSERT INTO patient_notes (id, patient_id, kind, direction, body, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.PatientID, n.Kind, n.Direction, n.Body, n.CreatedBy, n.CreatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// Notes lists a patient's notes and calls, newest first.
func (s *Store) Notes(patientID string) ([]patients.Note, error) {
	rows, err := s.db.Query(`SELECT id, patient_id, kind, direction, body, created_by, created_at FROM patient_notes
		WHERE patient_id = ? ORDER BY created_at DESC`, patientID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []patients.Note
	for rows.Next() {
		var n patients.Note
		var at string
		if err := rows.Scan(&n.ID, &n.PatientID, &n.Kind, &n.Direction, &n.Body, &n.CreatedBy, &at); err != nil {
			return nil, err
		}
		n.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, n)
	}
	return out, rows.Err()
}

// MergePatients moves every row the duplicate owns to the survivor and
// marks the duplicate merged. It returns what moved, for undoing.
func (t *Tx) MergePatients(m patients.Merge) (patients.Merge, error) {
	m.Moved = map[string][]string{}
	for _, table := range mergedTables() {
		ids, err := t.idsOf(table, m.MergedID)
		if err != nil {
			return m, err
		}
		if len(ids) == 0 {
			continue
		}
		if _, err := t.tx.Exec(`UPDATE `+table+` SET patient_id = ? WHERE patient_id = ?`, m.SurvivorID, m.MergedID); err != nil {
			return m, err
		}
		m.Moved[table] = ids
	}
	moved, err := json.Marshal(m.Moved)
	if err != nil {
		return m, err
	}
	if _, err := t.tx.Exec(`UPDATE patients SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ?`,
		m.SurvivorID, m.MergedAt.UTC().Format(time.RFC3339Nano), m.MergedID); err != nil {
		return m, err
	}
	_, err = t.tx.Exec(`INSERT INTO patient_merges (id, survivor_id, merged_id, moved, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?)`,
		m.ID, m.SurvivorID, m.MergedID, string(moved), m.MergedBy, m.MergedAt.UTC().Format(time.RFC3339Nano))
	return m, err
}

func (t *Tx) idsOf(table, patientID string) ([]string, error) {
	return scanIDs(t.tx.Query(`SELECT id FROM `+table+` WHERE patient_id = ? ORDER BY id`, patientID))
}

// scanIDs reads a one-column result of ids.
func scanIDs(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// queryRower is what *sql.DB and *sql.Tx share for single-row reads.
type queryRower interface {
	QueryRow(query string, args ...any) *sql.Row
}

// MergeByID reads one merge.
func (t *Tx) MergeByID(id string) (patients.Merge, error) { return mergeByID(t.tx, id) }

func mergeByID(q queryRower, id string) (patients.Merge, error) {
	var m patients.Merge
	var moved, mergedAt, undoneAt string
	err := q.QueryRow(`SELECT id, survivor_id, merged_id, moved, merged_by, merged_at, undone_by, undone_at FROM patient_merges WHERE id = ?`, id).
		Scan(&m.ID, &m.SurvivorID, &m.MergedID, &moved, &m.MergedBy, &mergedAt, &m.UndoneBy, &undoneAt)
	if err != nil {
		return m, ErrNotFound
	}
	json.Unmarshal([]byte(moved), &m.Moved)
	m.MergedAt, _ = time.Parse(time.RFC3339Nano, mergedAt)
	if undoneAt != "" {
		m.UndoneAt, _ = time.Parse(time.RFC3339Nano, undoneAt)
	}
	return m, nil
}

// UndoMerge moves back exactly the rows the merge moved and makes the
// duplicate an active record again.
func (t *Tx) UndoMerge(id, by string, at time.Time) (patients.Merge, error) {
	m, err := t.MergeByID(id)
	if err != nil {
		return m, err
	}
	if !m.UndoneAt.IsZero() {
		return m, ErrNotFound
	}
	for _, table := range mergedTables() {
		for _, rowID := range m.Moved[table] {
			if _, err := t.tx.Exec(`UPDATE `+table+` SET patient_id = ? WHERE id = ? AND patient_id = ?`, m.MergedID, rowID, m.SurvivorID); err != nil {
				return m, err
			}
		}
	}
	if _, err := t.tx.Exec(`UPDATE patients SET status = 'active', merged_into = NULL, updated_at = ? WHERE id = ?`,
		at.UTC().Format(time.RFC3339Nano), m.MergedID); err != nil {
		return m, err
	}
	_, err = t.tx.Exec(`UPDATE patient_merges SET undone_by = ?, undone_at = ? WHERE id = ?`, by, at.UTC().Format(time.RFC3339Nano), id)
	m.UndoneBy, m.UndoneAt = by, at
	return m, err
}

// Merges lists the merges a patient took part in, newest first.
func (s *Store) Merges(patientID string) ([]patients.Merge, error) {
	ids, err := scanIDs(s.db.Query(`SELECT id FROM patient_merges WHERE survivor_id = ? OR merged_id = ? ORDER BY merged_at DESC`, patientID, patientID))
	if err != nil {
		return nil, err
	}
	var out []patients.Merge
	for _, id := range ids {
		m, err := mergeByID(s.db, id)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
