package data

import (
	"database/sql"
	"errors"
	"time"

	"clinicdesk/app/letters"
)

const letterTemplateColumns = `name, title, addressed_to, subject, body, edited, updated_at, updated_by`

// SaveLetterTemplate writes a template, replacing any of the same name.
func (t *Tx) SaveLetterTemplate(lt letters.ClinicTemplate) error {
	_, err := t.tx.Exec(`INSERT INTO letter_templates (`+letterTemplateColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET title = excluded.title, addressed_to = excluded.addressed_to,
			subject = excluded.subject, body = excluded.body, edited = excluded.edited,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		lt.Name, lt.Title, lt.AddressedTo, lt.Subject, lt.Body, lt.Edited, lt.UpdatedAt.UTC().Format(time.RFC3339Nano), lt.UpdatedBy)
	return err
}

// AddLetterTemplate writes a template only if none of that name is stored,
// so copying the defaults in never undoes a manager's edit. It reports
// whether it added one.
func (t *Tx) AddLetterTemplate(lt letters.ClinicTemplate) (bool, error) {
	res, err := t.tx.Exec(`INSERT INTO letter_templates (`+letterTemplateColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (name) DO NOTHING`,
		lt.Name, lt.Title, lt.AddressedTo, lt.Subject, lt.Body, lt.Edited, lt.UpdatedAt.UTC().Format(time.RFC3339Nano), lt.UpdatedBy)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RefreshLetterTemplate brings a template no manager has edited up to
// this version's default wording; an edited one is left as it is. It
// reports whether it changed one.
func (t *Tx) RefreshLetterTemplate(lt letters.ClinicTemplate) (bool, error) {
	res, err := t.tx.Exec(`UPDATE letter_templates SET title = ?, addressed_to = ?, subject = ?, body = ?, updated_at = ?
		WHERE name = ? AND edited = 0 AND (title <> ? OR addressed_to <> ? OR subject <> ? OR body <> ?)`,
		lt.Title, lt.AddressedTo, lt.Subject, lt.Body, lt.UpdatedAt.UTC().Format(time.RFC3339Nano),
		lt.Name, lt.Title, lt.AddressedTo, lt.Subject, lt.Body)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// LetterTemplates lists the stored templates by name.
func (s *Store) LetterTemplates() ([]letters.ClinicTemplate, error) {
	rows, err := s.db.Query(`SELECT ` + letterTemplateColumns + ` FROM letter_templates ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []letters.ClinicTemplate
	for rows.Next() {
		lt, err := scanLetterTemplate(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, lt)
	}
	return out, rows.Err()
}

// LetterTemplate reads one template by name.
func (s *Store) LetterTemplate(name string) (letters.ClinicTemplate, error) {
	lt, err := scanLetterTemplate(s.db.QueryRow(`SELECT `+letterTemplateColumns+` FROM letter_templates WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return lt, ErrNotFound
	}
	return lt, err
}

func scanLetterTemplate(sc interface{ Scan(...any) error }) (letters.ClinicTemplate, error) {
	var lt letters.ClinicTemplate
	var updated string
	err := sc.Scan(&lt.Name, &lt.Title, &lt.AddressedTo, &lt.Subject, &lt.Body, &lt.Edited, &updated, &lt.UpdatedBy)
	lt.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	return lt, err
}

// LetterRecord is one letter or slip in the correspondence log.
type LetterRecord struct {
	ID            string
	PatientID     string
	Kind          string // letter, slip
	Template      string // the template's name; "slip" for a slip
	Title         string // what the timeline calls it: "Appointment reminder"
	AppointmentID string // "" when the letter is about no appointment
	ReferralID    string // "" when the letter is about no referral
	Content       string // JSON of what was printed, to print it again
	SHA256        string // hex, of the PDF
	CreatedBy     string
	CreatedAt     time.Time
}

// Kinds of LetterRecord.
const (
	LetterKindLetter = "letter"
	LetterKindSlip   = "slip"
)

const letterRecordColumns = `id, patient_id, kind, template, title, appointment_id, referral_id, content, sha256, created_by, created_at`

// InsertLetterRecord logs one letter or slip.
func (t *Tx) InsertLetterRecord(r LetterRecord) error {
	_, err := t.tx.Exec(`INSERT INTO letter_log (`+letterRecordColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.PatientID, r.Kind, r.Template, r.Title, r.AppointmentID, r.ReferralID, r.Content, r.SHA256, r.CreatedBy,
		r.CreatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// LetterRecords lists a patient's letters and slips, newest first.
func (s *Store) LetterRecords(patientID string) ([]LetterRecord, error) {
	rows, err := s.db.Query(`SELECT `+letterRecordColumns+` FROM letter_log WHERE patient_id = ?
		ORDER BY created_at DESC, id DESC`, patientID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LetterRecord
	for rows.Next() {
		r, err := scanLetterRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LetterRecord reads one entry of the correspondence log.
func (s *Store) LetterRecord(id string) (LetterRecord, error) {
	r, err := scanLetterRecord(s.db.QueryRow(`SELECT `+letterRecordColumns+` FROM letter_log WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// LastReferralLetter is when the latest letter from template was written
// about the referral; zero when none was.
func (s *Store) LastReferralLetter(referralID, template string) (time.Time, error) {
	var at sql.NullString
	err := s.db.QueryRow(`SELECT max(created_at) FROM letter_log WHERE referral_id = ? AND template = ?`, referralID, template).Scan(&at)
	if err != nil || !at.Valid {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339Nano, at.String)
}

func scanLetterRecord(sc interface{ Scan(...any) error }) (LetterRecord, error) {
	var r LetterRecord
	var at string
	err := sc.Scan(&r.ID, &r.PatientID, &r.Kind, &r.Template, &r.Title, &r.AppointmentID, &r.ReferralID, &r.Content, &r.SHA256, &r.CreatedBy, &at)
	r.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
	return r, err
}
