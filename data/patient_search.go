package data

import (
	"clinicdesk/app/patients"
	"strings"
	"unicode"
)

// ftsPrefixQuery turns name tokens into an FTS5 query of quoted prefixes,
// so nothing typed can be read as FTS syntax.
func ftsPrefixQuery(tokens []string) string {
	var parts []string
	for _, t := range tokens {
		t = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				return r
			}
			return ' '
		}, patients.FoldName(t))
		for _, w := range strings.Fields(t) {
			parts = append(parts, `"`+w+`"*`)
		}
	}
	return strings.Join(parts, " ")
}

// SearchPatients finds patients matching every part of q, in list order
// (surname, forenames, date of birth).
//
// Names alone are answered from the name index, which also holds what a
// result row shows, so the query never reads the wide patients table:
// at 100,000 patients each such read was another page to decrypt. The
// first Limit matching records that are active (or, with IncludeArchived,
// not merged) are read and sorted, so a one-letter prefix costs the same
// as a full name; a full page means there may be more, and the list says
// to type more.
//
// Names with an exact part ("smith 12/03/1980") are found through the exact
// part's index, and the name is checked on each candidate (FTS5 seeks to
// the rowid), so a common name cannot crowd the match out of a capped page.
func (s *Store) SearchPatients(q patients.PatientQuery) ([]patients.PatientSummary, error) {
	query, args := searchQuery(q)
	if query == "" {
		return nil, nil
	}
	found, err := s.querySummaries(query, args...)
	sortSummaries(found)
	return found, err
}

// searchQuery is the query behind SearchPatients ("" when q asks nothing).
func searchQuery(q patients.PatientQuery) (string, []any) {
	limit := q.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	// The unary + keeps SQLite off patients_list_order for the status test:
	// that index starts with status, and using it for "status = 'active'"
	// read every active patient instead of the few the exact part's index
	// finds (4 s for an NHS number at 100,000 patients). On the name index
	// the + changes nothing.
	status := `+status = 'active'`
	if q.IncludeArchived {
		status = `+status <> 'merged'`
	}
	match := ftsPrefixQuery(q.NameTokens)
	var where []string
	var args []any
	// The NHS number, postcode and phone indexes are partial (WHERE x <> ''):
	// SQLite uses one only when the query repeats its condition, since it
	// cannot know that a bound parameter is not ''. Without the repeat each
	// of these searches reads the whole table.
	if q.NHSNumber != "" {
		where = append(where, `nhs_number = ? AND nhs_number <> ''`)
		args = append(args, q.NHSNumber)
	}
	if !q.DOB.IsZero() {
		where = append(where, `dob = ?`)
		args = append(args, q.DOB)
	}
	if q.Postcode != "" {
		if strings.Contains(q.Postcode, " ") {
			where = append(where, `postcode = ? AND postcode <> ''`)
			args = append(args, q.Postcode)
		} else {
			// An outward code alone ("LS1") matches "LS1 4AP" but not "LS12 …".
			where = append(where, `postcode >= ? AND postcode < ? AND postcode <> ''`)
			args = append(args, q.Postcode+" ", q.Postcode+"!")
		}
	}
	if q.Phone != "" {
		where = append(where, `((phone_mobile = ? AND phone_mobile <> '') OR (phone_home = ? AND phone_home <> '')
			OR (phone_work = ? AND phone_work <> ''))`)
		args = append(args, q.Phone, q.Phone, q.Phone)
	}
	if len(where) == 0 {
		if match == "" {
			return "", nil
		}
		return `SELECT ` + summaryColumns + ` FROM patient_names
			WHERE patient_names MATCH ? AND ` + status + ` LIMIT ?`, []any{match, limit}
	}
	if match == "" {
		// Exact parts alone: their indexes give the rowids without reading
		// a record, and the rows shown come from the name index's narrow
		// copy, not the wide patients table. A phone number shared by a
		// hundred bench patients (the drama ranges are small) made this a
		// hundred random pages to decrypt.
		return `SELECT ` + summaryColumns + ` FROM patient_names WHERE rowid IN (SELECT rowid FROM patients WHERE ` +
			strings.Join(where, " AND ") + `) AND ` + status + ` LIMIT ?`, append(args, limit)
	}
	where = append(where, `EXISTS (SELECT 1 FROM patient_names WHERE patient_names MATCH ? AND patient_names.rowid = patients.rowid)`)
	args = append(args, match)
	where = append(where, status)
	// Capped before sorting, like names: a phone number or an outward code
	// shared by hundreds would otherwise read every one of their records
	// to sort them. Exact parts rarely match more than a page, and a full
	// page says to type more.
	return `SELECT ` + summaryColumns + ` FROM patients WHERE ` + strings.Join(where, " AND ") + ` LIMIT ?`, append(args, limit)
}

// RawNameSearch is the bare FTS5 prefix query, for `bench` to compare the
// full search against: the rows the index holds for the first limit
// matches, read and discarded. With rowsToo false it reads only the rowids.
func (s *Store) RawNameSearch(tokens []string, limit int, rowsToo bool) (int, error) {
	cols := `rowid`
	if rowsToo {
		cols = `*`
	}
	rows, err := s.db.Query(`SELECT `+cols+` FROM patient_names WHERE patient_names MATCH ? LIMIT ?`, ftsPrefixQuery(tokens), limit)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// DuplicateCandidates are active patients sharing an NHS number, a date of
// birth, or a phone number with p (not p itself). The app decides which
// are likely the same person.
func (s *Store) DuplicateCandidates(p patients.Patient) ([]patients.Patient, error) {
	query, args := duplicateQuery(p)
	if query == "" {
		return nil, nil
	}
	return s.queryPatients(query, args...)
}

func duplicateQuery(p patients.Patient) (string, []any) {
	var where []string
	var args []any
	// Each term repeats its partial index's condition (x <> ''), or SQLite
	// cannot use the index for a bound parameter and reads every patient.
	if p.NHSNumber != "" {
		where = append(where, `(nhs_number = ? AND nhs_number <> '')`)
		args = append(args, p.NHSNumber)
	}
	if !p.DOB.IsZero() {
		where = append(where, `dob = ?`)
		args = append(args, p.DOB)
	}
	for _, ph := range []string{p.Phones.Mobile, p.Phones.Home, p.Phones.Work} {
		if ph != "" {
			where = append(where, `(phone_mobile = ? AND phone_mobile <> '')`, `(phone_home = ? AND phone_home <> '')`,
				`(phone_work = ? AND phone_work <> '')`)
			args = append(args, ph, ph, ph)
		}
	}
	if len(where) == 0 {
		return "", nil
	}
	query := `SELECT ` + patientColumns + ` FROM patients WHERE status = 'active' AND id <> ? AND (` +
		strings.Join(where, " OR ") + `) ORDER BY surname COLLATE NOCASE, forenames LIMIT 200`
	return query, append([]any{p.ID}, args...)
}
