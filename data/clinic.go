package data

import (
	"database/sql"
	"errors"
	"time"

	"clinicdesk/app/practice"
)

// SaveClinic writes the clinic's details (there is one row).
func (t *Tx) SaveClinic(d practice.Details) error {
	_, err := t.tx.Exec(`INSERT INTO clinic (id, name, address, phone, email, logo, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
			email = excluded.email, logo = excluded.logo, updated_at = excluded.updated_at`,
		d.Name, d.Address, d.Phone, d.Email, d.Logo, d.UpdatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// Clinic reads the clinic's details.
func (s *Store) Clinic() (practice.Details, error) {
	var d practice.Details
	var updated string
	err := s.db.QueryRow(`SELECT name, address, phone, email, logo, updated_at FROM clinic WHERE id = 1`).
		Scan(&d.Name, &d.Address, &d.Phone, &d.Email, &d.Logo, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	d.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	return d, err
}

// SetSetting stores one named setting.
func (t *Tx) SetSetting(key, value string) error {
	t.setupChanged = true
	_, err := t.tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Setting reads one named setting; ok is false when it was never set.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	err = s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, err
}

// countedTables are the tables a backup manifest counts. Names come from
// this list only, never from input.
var countedTables = []string{"users", "settings", "audit", "patients", "patient_notes", "tasks", "sar_requests",
	"appointments", "waiting_list", "complaints", "letter_log", "complaint_letters", "referrals", "referral_events"}

// RowCounts counts the rows of the main tables, for backup manifests.
func (s *Store) RowCounts() (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range countedTables {
		var n int64
		if err := s.db.QueryRow(`SELECT count(*) FROM ` + t).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
