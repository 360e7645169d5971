package data

import (
	"encoding/json"
	"time"
)

// FirstContacts is, for each of ids, when the clinic first heard of the
// patient: the earliest booking of one of their appointments or the
// earliest referral about them recorded. A patient with neither is
// missing from the map.
func (s *Store) FirstContacts(ids []string) (map[string]time.Time, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := make(map[string]time.Time, len(ids))
	// One pass over each table in its own order, not a look-up per
	// patient: a generated clinic asks about every patient it has, and
	// reading a million appointments in order costs less than searching.
	for _, q := range []string{
		`SELECT patient_id, created_at FROM appointments`,
		`SELECT patient_id, created_at FROM referrals`,
	} {
		if err := s.firstContacts(q, want, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) firstContacts(q string, want map[string]bool, out map[string]time.Time) error {
	rows, err := s.db.Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, at string
		if err := rows.Scan(&id, &at); err != nil {
			return err
		}
		if !want[id] {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			continue
		}
		if first, ok := out[id]; !ok || t.Before(first) {
			out[id] = t
		}
	}
	return rows.Err()
}

// SetPatientsCreated dates the records of a generated clinic's patients
// when they were registered (the triggers keep the new patients' hourly
// counts). Merged records are left alone.
func (t *Tx) SetPatientsCreated(created map[string]time.Time) (int, error) {
	pairs := make([][2]string, 0, len(created))
	for id, at := range created {
		pairs = append(pairs, [2]string{id, utc(at)})
	}
	list, err := json.Marshal(pairs)
	if err != nil {
		return 0, err
	}
	res, err := t.tx.Exec(`UPDATE patients SET created_at = json_extract(j.value, '$[1]')
		FROM json_each(?) j WHERE patients.id = json_extract(j.value, '$[0]') AND patients.status <> 'merged'`, string(list))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
