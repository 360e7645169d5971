package data

import (
	"clinicdesk/app/patients"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

const patientColumns = `id, title, forenames, surname, preferred_name, known_as_in_letters, dob, sex, gender_identity, nhs_number,
	address_line1, address_line2, town, county, postcode, phone_mobile, phone_home, phone_work, email,
	gp_name, gp_practice, gp_address, nok_name, nok_relationship, nok_phone, language, interpreter,
	consent_letter, consent_phone, consent_sms, consent_email, alerts, ais_needs, ais_notes, ais_reviewed,
	last_treatment, date_of_death, carer_title, carer_forenames, carer_surname, carer_relationship, carer_phone, carer_address,
	status, coalesce(merged_into, ''), archived_at, created_at, updated_at`

func patientArgs(p patients.Patient) ([]any, error) {
	alerts, err := json.Marshal(nonNilAlerts(p.Alerts))
	if err != nil {
		return nil, err
	}
	needs, err := json.Marshal(nonNilStrings(p.AIS.Needs))
	if err != nil {
		return nil, err
	}
	var mergedInto any
	if p.MergedInto != "" {
		mergedInto = p.MergedInto
	}
	archived := ""
	if !p.ArchivedAt.IsZero() {
		archived = p.ArchivedAt.UTC().Format(time.RFC3339Nano)
	}
	return []any{p.ID, p.Title, p.Forenames, p.Surname, p.PreferredName, p.UseKnownAs, p.DOB, p.Sex, p.GenderIdentity, p.NHSNumber,
		p.Address.Line1, p.Address.Line2, p.Address.Town, p.Address.County, p.Address.Postcode,
		p.Phones.Mobile, p.Phones.Home, p.Phones.Work, p.Email,
		p.GP.Name, p.GP.Practice, joinLines(p.GP.Address), p.NextOfKin.Name, p.NextOfKin.Relationship, p.NextOfKin.Phone,
		p.Language, p.Interpreter, p.Consent.Letter, p.Consent.Phone, p.Consent.SMS, p.Consent.Email,
		string(alerts), string(needs), p.AIS.Notes, p.AIS.Reviewed, p.LastTreatment, p.DateOfDeath,
		p.ParentCarer.Title, p.ParentCarer.Forenames, p.ParentCarer.Surname, p.ParentCarer.Relationship, p.ParentCarer.Phone,
		joinLines(p.ParentCarer.Address), p.Status, mergedInto, archived,
		p.CreatedAt.UTC().Format(time.RFC3339Nano), p.UpdatedAt.UTC().Format(time.RFC3339Nano)}, nil
}

// joinLines keeps address lines in one column, a line each.
func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// splitLines reads lines kept by joinLines; "" is no lines (nil).
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// searchNames is what the name index holds for p.
func searchNames(p patients.Patient) string {
	return patients.FoldName(p.Forenames + " " + p.Surname + " " + p.PreferredName)
}

func nonNilAlerts(a []patients.Alert) []patients.Alert {
	if a == nil {
		return []patients.Alert{}
	}
	return a
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func scanPatient(sc interface{ Scan(...any) error }) (patients.Patient, error) {
	var p patients.Patient
	var gpAddress, carerAddress, alerts, needs, archived, created, updated string
	err := sc.Scan(&p.ID, &p.Title, &p.Forenames, &p.Surname, &p.PreferredName, &p.UseKnownAs, &p.DOB, &p.Sex, &p.GenderIdentity, &p.NHSNumber,
		&p.Address.Line1, &p.Address.Line2, &p.Address.Town, &p.Address.County, &p.Address.Postcode,
		&p.Phones.Mobile, &p.Phones.Home, &p.Phones.Work, &p.Email,
		&p.GP.Name, &p.GP.Practice, &gpAddress, &p.NextOfKin.Name, &p.NextOfKin.Relationship, &p.NextOfKin.Phone,
		&p.Language, &p.Interpreter, &p.Consent.Letter, &p.Consent.Phone, &p.Consent.SMS, &p.Consent.Email,
		&alerts, &needs, &p.AIS.Notes, &p.AIS.Reviewed, &p.LastTreatment, &p.DateOfDeath,
		&p.ParentCarer.Title, &p.ParentCarer.Forenames, &p.ParentCarer.Surname, &p.ParentCarer.Relationship, &p.ParentCarer.Phone,
		&carerAddress, &p.Status, &p.MergedInto, &archived, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(alerts), &p.Alerts); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(needs), &p.AIS.Needs); err != nil {
		return p, err
	}
	p.GP.Address = splitLines(gpAddress)
	p.ParentCarer.Address = splitLines(carerAddress)
	if archived != "" {
		p.ArchivedAt, _ = time.Parse(time.RFC3339Nano, archived)
	}
	p.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	p.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	return p, nil
}

// InsertPatient adds a patient (the search index follows by trigger).
func (t *Tx) InsertPatient(p patients.Patient) error {
	args, err := patientArgs(p)
	if err != nil {
		return err
	}
	args = append(args, searchNames(p))
	_, err = t.tx.Exec(`INSERT INTO patients (`+strings.ReplaceAll(patientColumns, "coalesce(merged_into, '')", "merged_into")+`, search_names)
		VALUES (?`+strings.Repeat(`, ?`, len(args)-1)+`)`, args...)
	return err
}

// UpdatePatient saves every field of p over the stored record.
func (t *Tx) UpdatePatient(p patients.Patient) error {
	args, err := patientArgs(p)
	if err != nil {
		return err
	}
	// The SET list is patientColumns without id and created_at, which
	// are the first and the last but one.
	created, updated := len(args)-2, len(args)-1
	res, err := t.tx.Exec(`UPDATE patients SET title = ?, forenames = ?, surname = ?, preferred_name = ?, known_as_in_letters = ?, dob = ?, sex = ?,
		gender_identity = ?, nhs_number = ?, address_line1 = ?, address_line2 = ?, town = ?, county = ?, postcode = ?,
		phone_mobile = ?, phone_home = ?, phone_work = ?, email = ?, gp_name = ?, gp_practice = ?, gp_address = ?, nok_name = ?,
		nok_relationship = ?, nok_phone = ?, language = ?, interpreter = ?, consent_letter = ?, consent_phone = ?,
		consent_sms = ?, consent_email = ?, alerts = ?, ais_needs = ?, ais_notes = ?, ais_reviewed = ?,
		last_treatment = ?, date_of_death = ?, carer_title = ?, carer_forenames = ?, carer_surname = ?,
		carer_relationship = ?, carer_phone = ?, carer_address = ?, status = ?, merged_into = ?, archived_at = ?, updated_at = ?, search_names = ?
		WHERE id = ?`, append(args[1:created], args[updated], searchNames(p), args[0])...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeletePatient removes a patient and everything that is theirs. Only the
// app's audited manager action calls it.
func (t *Tx) DeletePatient(id string) error {
	for _, table := range patientOwned {
		if _, err := t.tx.Exec(`DELETE FROM `+table+` WHERE patient_id = ?`, id); err != nil {
			return err
		}
	}
	if _, err := t.tx.Exec(`DELETE FROM patient_merges WHERE survivor_id = ? OR merged_id = ?`, id, id); err != nil {
		return err
	}
	res, err := t.tx.Exec(`DELETE FROM patients WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Patient reads one patient inside the transaction.
func (t *Tx) Patient(id string) (patients.Patient, error) {
	return scanPatient(t.tx.QueryRow(`SELECT `+patientColumns+` FROM patients WHERE id = ?`, id))
}

// Patient reads one patient.
func (s *Store) Patient(id string) (patients.Patient, error) {
	return scanPatient(s.db.QueryRow(`SELECT `+patientColumns+` FROM patients WHERE id = ?`, id))
}

// PatientsByIDs reads several patients, in the order of ids.
func (s *Store) PatientsByIDs(ids []string) ([]patients.Patient, error) {
	out := make([]patients.Patient, 0, len(ids))
	stmt, err := s.db.Prepare(`SELECT ` + patientColumns + ` FROM patients WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for _, id := range ids {
		p, err := scanPatient(stmt.QueryRow(id))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Patients lists patients by surname, forenames, paged.
func (s *Store) Patients(f patients.PatientFilter) ([]patients.Patient, error) {
	var after *pageCursor
	if f.After != "" {
		// The cursor is a patient, not a text key, so no name can break it.
		after = &pageCursor{id: f.After}
		err := s.db.QueryRow(`SELECT surname, forenames FROM patients WHERE id = ?`, f.After).Scan(&after.surname, &after.forenames)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("cannot page after patient %q: no such record", f.After)
		}
		if err != nil {
			return nil, err
		}
	}
	q, args := patientPageQuery(f, after)
	return s.queryPatients(q, args...)
}

// pageCursor is the patient a page starts after.
type pageCursor struct{ id, surname, forenames string }

// patientPageQuery reads one page of the list. The cursor goes in as bound
// values with the collation on them, so SQLite reads the page as a range
// of patients_list_order; with a subquery in their place it sorted every
// patient after the cursor for each page.
func patientPageQuery(f patients.PatientFilter, after *pageCursor) (string, []any) {
	status := f.Status
	if status == "" {
		status = patients.Active
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	q := `SELECT ` + patientColumns + ` FROM patients WHERE status = ?`
	args := []any{status}
	if after != nil {
		q += ` AND (surname, forenames, id) > (? COLLATE NOCASE, ?, ?)`
		args = append(args, after.surname, after.forenames, after.id)
	}
	q += ` ORDER BY surname COLLATE NOCASE, forenames, id LIMIT ?`
	return q, append(args, limit)
}

func (s *Store) queryPatients(q string, args ...any) ([]patients.Patient, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []patients.Patient
	for rows.Next() {
		p, err := scanPatient(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PatientIDsByName lists the ids of patients with any of the statuses, in
// the order of the patient list.
func (t *Tx) PatientIDsByName(statuses ...patients.Status) ([]string, error) {
	if len(statuses) == 0 {
		return nil, nil
	}
	q := `SELECT id FROM patients WHERE status IN (?` + strings.Repeat(`, ?`, len(statuses)-1) + `) ORDER BY surname COLLATE NOCASE, forenames, id`
	args := make([]any, len(statuses))
	for i, st := range statuses {
		args[i] = st
	}
	return scanIDs(t.tx.Query(q, args...))
}

// CountPatients counts patients with a status ("" for all).
func (s *Store) CountPatients(status patients.Status) (int, error) {
	var n int
	var err error
	if status == "" {
		err = s.db.QueryRow(`SELECT count(*) FROM patients`).Scan(&n)
	} else {
		err = s.db.QueryRow(`SELECT count(*) FROM patients WHERE status = ?`, status).Scan(&n)
	}
	return n, err
}

// PatientNames reads the names of several patients (ID, title, forenames
// and surname only), keyed by ID, for a list that names them; an ID not
// in the file is left out.
func (s *Store) PatientNames(ids []string) (map[string]patients.Patient, error) {
	out := make(map[string]patients.Patient, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		rows, err := s.db.Query(`SELECT id, title, forenames, surname FROM patients WHERE id IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var p patients.Patient
			if err := rows.Scan(&p.ID, &p.Title, &p.Forenames, &p.Surname); err != nil {
				rows.Close()
				return nil, err
			}
			out[p.ID] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return out, nil
}
