package data

import "time"

// KeyFingerprints is the fingerprint of the real keyring entry for each
// user and for the recovery key, as the clinic file records them.
func (s *Store) KeyFingerprints() (map[string]string, error) {
	rows, err := s.db.Query(`SELECT entry_id, fingerprint FROM key_entries`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, fp string
		if err := rows.Scan(&id, &fp); err != nil {
			return nil, err
		}
		out[id] = fp
	}
	return out, rows.Err()
}

// SetKeyFingerprint records which entry is now the real one for id.
func (t *Tx) SetKeyFingerprint(id, fingerprint string, at time.Time) error {
	_, err := t.tx.Exec(`INSERT INTO key_entries (entry_id, fingerprint, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (entry_id) DO UPDATE SET fingerprint = excluded.fingerprint, updated_at = excluded.updated_at`,
		id, fingerprint, at.UTC().Format(time.RFC3339Nano))
	return err
}

// DeleteKeyFingerprint records that id has no entry any more.
func (t *Tx) DeleteKeyFingerprint(id string) error {
	_, err := t.tx.Exec(`DELETE FROM key_entries WHERE entry_id = ?`, id)
	return err
}
