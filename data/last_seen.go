package data

import (
	"database/sql"
	"errors"

	"clinicdesk/app/schedule"
)

// LastSeenOn is the date (YYYY-MM-DD) of the patient's latest appointment
// marked Seen on or before the given day, or "" when there is none. A
// cancelled, missed (DNA) or still-to-come appointment is no treatment, so
// only Seen counts; the date bound keeps a wrongly marked future one out.
// The appointments_patient index (patient_id, date) answers it.
func (s *Store) LastSeenOn(patientID, onOrBefore string) (string, error) {
	var last sql.NullString
	err := s.db.QueryRow(`SELECT max(date) FROM appointments WHERE patient_id = ? AND status = ? AND date <= ?`,
		patientID, schedule.StatusSeen, onOrBefore).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return last.String, err
}
