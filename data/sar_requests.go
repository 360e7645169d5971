package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

// sarColumns are read in this order by scanSAR.
const sarColumns = `id, patient_id, received, requested_by, identity_check, scope, pauses, extension_sent,
	extension_reason, produced_at, sha256_pdf, sha256_json, created_by, created_at`

// sarPause is a pause as the pauses column holds it.
type sarPause struct {
	From   ukcal.Date      `json:"from"`
	To     ukcal.Date      `json:"to"`
	Reason sar.PauseReason `json:"reason"`
}

func pausesJSON(ps []sar.Pause) (string, error) {
	out := make([]sarPause, 0, len(ps))
	for _, p := range ps {
		out = append(out, sarPause(p))
	}
	b, err := json.Marshal(out)
	return string(b), err
}

func instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// InsertSAR records a subject access request. due and dueExtended are the
// dates as the clinic worked them out when writing, kept for ordering.
func (t *Tx) InsertSAR(r sar.Request, due, dueExtended ukcal.Date) error {
	pauses, err := pausesJSON(r.Pauses)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(`INSERT INTO sar_requests (id, patient_id, received, due, due_extended, requested_by, identity_check, scope,
		pauses, extension_sent, extension_reason, produced_at, sha256_pdf, sha256_json, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.PatientID, r.Received.String(), due.String(), dueExtended.String(), r.RequestedBy, r.IdentityCheck, r.Scope,
		pauses, r.ExtensionSent.String(), r.ExtensionWhy, instant(r.ProducedAt), r.SHA256PDF, r.SHA256JSON, r.CreatedBy, instant(r.CreatedAt))
	return err
}

// UpdateSAR saves what changed on a request: its identity check, pauses,
// extension, and the copy once made. Who logged it and when never change.
func (t *Tx) UpdateSAR(r sar.Request, due, dueExtended ukcal.Date) error {
	pauses, err := pausesJSON(r.Pauses)
	if err != nil {
		return err
	}
	res, err := t.tx.Exec(`UPDATE sar_requests SET due = ?, due_extended = ?, requested_by = ?, identity_check = ?, scope = ?,
		pauses = ?, extension_sent = ?, extension_reason = ?, produced_at = ?, sha256_pdf = ?, sha256_json = ? WHERE id = ?`,
		due.String(), dueExtended.String(), r.RequestedBy, r.IdentityCheck, r.Scope, pauses, r.ExtensionSent.String(), r.ExtensionWhy,
		instant(r.ProducedAt), r.SHA256PDF, r.SHA256JSON, r.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SARRequests lists a patient's subject access requests, newest first.
func (s *Store) SARRequests(patientID string) ([]sar.Request, error) {
	return s.querySARs(`SELECT `+sarColumns+` FROM sar_requests WHERE patient_id = ? ORDER BY received DESC, created_at DESC`, patientID)
}

// OpenSARs lists every request whose copy has not been made, the earliest
// due first.
func (s *Store) OpenSARs() ([]sar.Request, error) {
	return s.querySARs(`SELECT ` + sarColumns + ` FROM sar_requests WHERE produced_at = '' ORDER BY due, received, created_at`)
}

// SARRequest reads one request.
func (s *Store) SARRequest(id string) (sar.Request, error) {
	return scanSAR(s.db.QueryRow(`SELECT `+sarColumns+` FROM sar_requests WHERE id = ?`, id))
}

// SARRequest reads one request inside the transaction.
func (t *Tx) SARRequest(id string) (sar.Request, error) {
	return scanSAR(t.tx.QueryRow(`SELECT `+sarColumns+` FROM sar_requests WHERE id = ?`, id))
}

func (s *Store) querySARs(q string, args ...any) ([]sar.Request, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sar.Request
	for rows.Next() {
		r, err := scanSAR(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanSAR(row rowScanner) (sar.Request, error) {
	var r sar.Request
	var received, pauses, extension, produced, created string
	err := row.Scan(&r.ID, &r.PatientID, &received, &r.RequestedBy, &r.IdentityCheck, &r.Scope, &pauses, &extension,
		&r.ExtensionWhy, &produced, &r.SHA256PDF, &r.SHA256JSON, &r.CreatedBy, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	if r.Received, err = ukcal.ParseDate(received); err != nil {
		return r, fmt.Errorf("subject access request %s: %w", r.ID, err)
	}
	if extension != "" {
		if r.ExtensionSent, err = ukcal.ParseDate(extension); err != nil {
			return r, fmt.Errorf("subject access request %s: %w", r.ID, err)
		}
	}
	var ps []sarPause
	if err := json.Unmarshal([]byte(pauses), &ps); err != nil {
		return r, fmt.Errorf("subject access request %s: its pauses cannot be read: %w", r.ID, err)
	}
	for _, p := range ps {
		r.Pauses = append(r.Pauses, sar.Pause(p))
	}
	if produced != "" {
		r.ProducedAt, _ = time.Parse(time.RFC3339Nano, produced)
	}
	r.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return r, nil
}
