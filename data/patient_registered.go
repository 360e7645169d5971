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
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT j.value,
		(SELECT min(a.created_at) FROM appointments a WHERE a.patient_id = j.value),
		(SELECT min(r.created_at) FROM referrals r WHERE r.patient_id = j.value)
		FROM json_each(?) j`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]time.Time, len(ids))
	for rows.Next() {
		var id string
		var booked, referred *string
		if err := rows.Scan(&id, &booked, &referred); err != nil {
			return nil, err
		}
		for _, at := range []*string{booked, referred} {
			if at == nil {
				continue
			}
			t, err := time.Parse(time.RFC3339Nano, *at)
			if err != nil {
				continue
			}
			if first, ok := out[id]; !ok || t.Before(first) {
				out[id] = t
			}
		}
	}
	return out, rows.Err()
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
