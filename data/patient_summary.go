package data

import (
	"clinicdesk/app/patients"
	"encoding/json"
	"slices"
	"strings"
)

// summaryColumns are read from patients or from the name index, which
// holds the same columns under the same names.
const summaryColumns = `id, title, forenames, surname, preferred_name, dob, nhs_number, postcode, alerts, ais_needs, language, interpreter, status`

func scanSummary(sc interface{ Scan(...any) error }) (patients.PatientSummary, error) {
	var p patients.PatientSummary
	var alerts, needs string
	if err := sc.Scan(&p.ID, &p.Title, &p.Forenames, &p.Surname, &p.PreferredName, &p.DOB, &p.NHSNumber,
		&p.Postcode, &alerts, &needs, &p.Language, &p.Interpreter, &p.Status); err != nil {
		return p, err
	}
	// Most patients have neither: skip the JSON decoder for them.
	if alerts != "[]" {
		if err := json.Unmarshal([]byte(alerts), &p.Alerts); err != nil {
			return p, err
		}
	}
	if needs != "[]" {
		if err := json.Unmarshal([]byte(needs), &p.AISNeeds); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (s *Store) querySummaries(q string, args ...any) ([]patients.PatientSummary, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []patients.PatientSummary
	for rows.Next() {
		p, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// sortSummaries puts results in list order: surname, forenames, date of
// birth, with accents and case folded so "Ó Briain" sorts with "O".
func sortSummaries(ps []patients.PatientSummary) {
	type keyed struct {
		surname, forenames string
		p                  patients.PatientSummary
	}
	ks := make([]keyed, len(ps))
	for i, p := range ps {
		ks[i] = keyed{sortKey(p.Surname), sortKey(p.Forenames), p}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.surname, b.surname); c != 0 {
			return c
		}
		if c := strings.Compare(a.forenames, b.forenames); c != 0 {
			return c
		}
		if c := a.p.DOB.Compare(b.p.DOB); c != 0 {
			return c
		}
		return strings.Compare(a.p.ID, b.p.ID)
	})
	for i, k := range ks {
		ps[i] = k.p
	}
}

// sortKey folds a name for sorting; most names are plain ASCII, which
// need no Unicode work.
func sortKey(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return strings.ToLower(patients.FoldName(name))
		}
	}
	return strings.ToLower(name)
}
