package data

import (
	"database/sql"
	"errors"
)

// ComplaintIDByNumber finds the complaint numbered seq in year: the one
// whose reference reads "C-2026-014" for year 2026 and seq 14.
func (s *Store) ComplaintIDByNumber(year, seq int) (string, error) {
	var id string
	err := s.db.QueryRow(`SELECT id FROM complaints WHERE ref_year = ? AND ref_seq = ?`, year, seq).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return id, err
}
