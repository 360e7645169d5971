package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// ComplaintFilter picks complaints for the register's lists. Every field
// narrows; the zero filter lists every complaint.
type ComplaintFilter struct {
	Statuses  []complaints.Status
	OwnerID   string
	PatientID string
	// Search finds the text in the reference, the complainant's name or
	// the description, ignoring case and accents.
	Search string
	// DueBy keeps complaints whose next deadline falls on or before the
	// date, through the due-date index; none when zero.
	DueBy ukcal.Date
	Limit int
}

const (
	settingComplaintDefault     = "complaints.response_default_days"
	settingComplaintMax         = "complaints.response_max_days"
	settingComplaintNation      = "complaints.nation"
	settingComplaintFunding     = "complaints.funding"
	settingComplaintAdjudicator = "complaints.adjudicator"
	settingComplaintODS         = "complaints.ods_code"
	settingComplaintVariant     = "complaints.return_variant"
)

// ComplaintSettings reads the response periods, defaults where unset.
func (s *Store) ComplaintSettings() (complaints.Settings, error) { return complaintSettings(s.db) }

// ComplaintSettings reads the response periods inside the transaction.
func (t *Tx) ComplaintSettings() (complaints.Settings, error) { return complaintSettings(t.tx) }

func complaintSettings(q querier) (complaints.Settings, error) {
	cs := complaints.DefaultSettings()
	rows, err := q.Query(`SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?, ?, ?)`, settingComplaintDefault, settingComplaintMax,
		settingComplaintNation, settingComplaintFunding, settingComplaintAdjudicator, settingComplaintODS, settingComplaintVariant)
	if err != nil {
		return cs, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return cs, err
		}
		switch k {
		case settingComplaintNation:
			cs.Nation = v
			continue
		case settingComplaintFunding:
			cs.Funding = v
			continue
		case settingComplaintAdjudicator:
			cs.Adjudicator = v
			continue
		case settingComplaintODS:
			cs.ODSCode = v
			continue
		case settingComplaintVariant:
			cs.ReturnVariant = v
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			continue
		}
		switch k {
		case settingComplaintDefault:
			cs.DefaultResponseDays = n
		case settingComplaintMax:
			cs.MaxResponseDays = n
		}
	}
	return cs, rows.Err()
}

// SaveComplaintSettings writes the response periods.
func (t *Tx) SaveComplaintSettings(cs complaints.Settings) error {
	for k, v := range map[string]string{
		settingComplaintDefault: strconv.Itoa(cs.DefaultResponseDays), settingComplaintMax: strconv.Itoa(cs.MaxResponseDays),
		settingComplaintNation: cs.Nation, settingComplaintFunding: cs.Funding, settingComplaintAdjudicator: cs.Adjudicator,
		settingComplaintODS: cs.ODSCode, settingComplaintVariant: cs.ReturnVariant,
	} {
		if err := t.SetSetting(k, v); err != nil {
			return err
		}
	}
	return nil
}

// nationOrDefault and fundingOrDefault store a rule set left blank (a
// caller from before rule sets) as the one such complaints were handled
// under.
func nationOrDefault(n complaints.Nation) complaints.Nation {
	if n == "" {
		return "england"
	}
	return n
}

func fundingOrDefault(f complaints.Funding) complaints.Funding {
	if f == "" {
		return "nhs"
	}
	return f
}

// NextComplaintSeq is the next free number in a year's references.
func (t *Tx) NextComplaintSeq(year int) (int, error) {
	var n int
	err := t.tx.QueryRow(`SELECT coalesce(max(ref_seq), 0) + 1 FROM complaints WHERE ref_year = ?`, year).Scan(&n)
	return n, err
}

// complaintSearchText is what the register's search box matches.
func complaintSearchText(c complaints.Complaint) string {
	return patients.FoldName(strings.Join([]string{c.Reference, c.ComplainantName, c.Description}, " "))
}

// InsertComplaint adds a complaint with its subjects, staff groups and
// appointments. The caller writes its first history row.
func (t *Tx) InsertComplaint(c complaints.Complaint) error {
	_, err := t.tx.Exec(`INSERT INTO complaints (id, reference, ref_year, ref_seq,
		complainant_name, complainant_address, complainant_phone, complainant_email, complainant_status,
		consent, consent_date, consent_note, patient_id, channel, received, events_date, aware_date,
		description, desired_outcome, owner_id, response_days, response_until, acknowledged, delay_letter_sent,
		status, status_at, status_by, outcome, signed_off_by, learning, next_due, search_text,
		created_at, created_by, updated_at, nation, funding, stage2_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Reference, c.RefYear, c.RefSeq,
		c.ComplainantName, c.ComplainantAddress, c.ComplainantPhone, c.ComplainantEmail, c.Complainant,
		c.Consent, c.ConsentDate, c.ConsentNote, nullable(c.PatientID), c.Channel, c.Received, c.Events, c.Aware,
		c.Description, c.DesiredOutcome, nullable(c.OwnerID), c.ResponsePeriod.WorkingDays, c.ResponsePeriod.Until, c.Acknowledged, c.DelayLetterSent,
		c.Status, utc(c.StatusAt), c.StatusBy, c.Outcome, c.SignedOffBy, c.Learning, c.NextDue, complaintSearchText(c),
		utc(c.CreatedAt), c.CreatedBy, utc(c.UpdatedAt), nationOrDefault(c.Rules.Nation), fundingOrDefault(c.Rules.Funding), c.Stage2)
	if err != nil {
		return err
	}
	return t.saveComplaintLists(c)
}

// UpdateComplaint saves every field of a complaint (details, status,
// deadlines) and replaces its subjects, staff groups and appointments. The
// reference and creation are never changed.
func (t *Tx) UpdateComplaint(c complaints.Complaint) error {
	res, err := t.tx.Exec(`UPDATE complaints SET
		complainant_name = ?, complainant_address = ?, complainant_phone = ?, complainant_email = ?, complainant_status = ?,
		consent = ?, consent_date = ?, consent_note = ?, patient_id = ?, channel = ?, received = ?, events_date = ?, aware_date = ?,
		description = ?, desired_outcome = ?, owner_id = ?, response_days = ?, response_until = ?, acknowledged = ?,
		delay_letter_sent = ?, status = ?, status_at = ?, status_by = ?, outcome = ?, signed_off_by = ?, learning = ?,
		next_due = ?, search_text = ?, updated_at = ?, nation = ?, funding = ?, stage2_from = ?
		WHERE id = ?`,
		c.ComplainantName, c.ComplainantAddress, c.ComplainantPhone, c.ComplainantEmail, c.Complainant,
		c.Consent, c.ConsentDate, c.ConsentNote, nullable(c.PatientID), c.Channel, c.Received, c.Events, c.Aware,
		c.Description, c.DesiredOutcome, nullable(c.OwnerID), c.ResponsePeriod.WorkingDays, c.ResponsePeriod.Until, c.Acknowledged,
		c.DelayLetterSent, c.Status, utc(c.StatusAt), c.StatusBy, c.Outcome, c.SignedOffBy, c.Learning,
		c.NextDue, complaintSearchText(c), utc(c.UpdatedAt), nationOrDefault(c.Rules.Nation), fundingOrDefault(c.Rules.Funding), c.Stage2, c.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	for _, table := range []string{"complaint_subjects", "complaint_staff_groups", "complaint_appointments"} {
		if _, err := t.tx.Exec(`DELETE FROM `+table+` WHERE complaint_id = ?`, c.ID); err != nil {
			return err
		}
	}
	return t.saveComplaintLists(c)
}

// keys are catalogue values as the store keeps them.
func keys[K ~string](xs []K) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func (t *Tx) saveComplaintLists(c complaints.Complaint) error {
	for _, list := range []struct {
		insert string
		values []string
	}{
		{`INSERT OR IGNORE INTO complaint_subjects (complaint_id, subject) VALUES (?, ?)`, keys(c.Subjects)},
		{`INSERT OR IGNORE INTO complaint_staff_groups (complaint_id, staff_group) VALUES (?, ?)`, keys(c.StaffGroups)},
		{`INSERT OR IGNORE INTO complaint_appointments (complaint_id, appointment_id) VALUES (?, ?)`, c.AppointmentIDs},
	} {
		for _, v := range list.values {
			if _, err := t.tx.Exec(list.insert, c.ID, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// InsertComplaintTransition appends a row to a complaint's history.
func (t *Tx) InsertComplaintTransition(tr complaints.Transition) error {
	_, err := t.tx.Exec(`INSERT INTO complaint_history (complaint_id, from_status, to_status, at, by, outcome, signed_off_by, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		tr.ComplaintID, tr.From, tr.To, utc(tr.At), tr.By, tr.Outcome, tr.SignedOffBy, tr.Note)
	return err
}

// InsertComplaintNote appends a note, action or learning to a complaint.
func (t *Tx) InsertComplaintNote(n complaints.Note) error {
	_, err := t.tx.Exec(`INSERT INTO complaint_notes (id, complaint_id, kind, body, by, at) VALUES (?, ?, ?, ?, ?, ?)`,
		n.ID, n.ComplaintID, n.Kind, n.Body, n.By, utc(n.At))
	return err
}

const complaintColumns = `c.id, c.reference, c.ref_year, c.ref_seq,
	c.complainant_name, c.complainant_address, c.complainant_phone, c.complainant_email, c.complainant_status,
	c.consent, c.consent_date, c.consent_note, coalesce(c.patient_id, ''), c.channel, c.received, c.events_date, c.aware_date,
	c.description, c.desired_outcome, coalesce(c.owner_id, ''), c.response_days, c.response_until, c.acknowledged,
	c.delay_letter_sent, c.status, c.status_at, c.status_by, c.outcome, c.signed_off_by, c.learning, c.next_due,
	c.created_at, c.created_by, c.updated_at, c.nation, c.funding, c.stage2_from`

type rowScanner interface{ Scan(dest ...any) error }

// scanComplaint reads complaintColumns, then any extra columns into extra.
func scanComplaint(r rowScanner, extra ...any) (complaints.Complaint, error) {
	var c complaints.Complaint
	var statusAt, createdAt, updatedAt string
	err := r.Scan(append([]any{&c.ID, &c.Reference, &c.RefYear, &c.RefSeq,
		&c.ComplainantName, &c.ComplainantAddress, &c.ComplainantPhone, &c.ComplainantEmail, &c.Complainant,
		&c.Consent, &c.ConsentDate, &c.ConsentNote, &c.PatientID, &c.Channel, &c.Received, &c.Events, &c.Aware,
		&c.Description, &c.DesiredOutcome, &c.OwnerID, &c.ResponsePeriod.WorkingDays, &c.ResponsePeriod.Until, &c.Acknowledged,
		&c.DelayLetterSent, &c.Status, &statusAt, &c.StatusBy, &c.Outcome, &c.SignedOffBy, &c.Learning, &c.NextDue,
		&createdAt, &c.CreatedBy, &updatedAt, &c.Rules.Nation, &c.Rules.Funding, &c.Stage2}, extra...)...)
	if err != nil {
		return c, err
	}
	if !c.ResponsePeriod.Until.IsZero() {
		c.ResponsePeriod.WorkingDays = 0 // an agreed date outranks a number of days
	}
	c.StatusAt, _ = time.Parse(time.RFC3339Nano, statusAt)
	c.CreatedAt, _ = time.Parse(time.RFC3339Nano, createdAt)
	c.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updatedAt)
	return c, nil
}

func complaintByID(q querier, id string) (complaints.Complaint, error) {
	c, err := scanComplaint(q.QueryRow(`SELECT `+complaintColumns+` FROM complaints c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, err
	}
	list := []*complaints.Complaint{&c}
	return c, loadComplaintLists(q, list)
}

// Complaint reads one complaint with its subjects, staff groups and
// appointments.
func (s *Store) Complaint(id string) (complaints.Complaint, error) { return complaintByID(s.db, id) }

// Complaint reads one complaint inside the transaction.
func (t *Tx) Complaint(id string) (complaints.Complaint, error) { return complaintByID(t.tx, id) }

// loadComplaintLists fills in the subjects, staff groups and appointments
// of the complaints, three queries for the lot.
func loadComplaintLists(q querier, list []*complaints.Complaint) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[string]*complaints.Complaint, len(list))
	ids := make([]string, len(list))
	for i, c := range list {
		byID[c.ID], ids[i] = c, c.ID
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	for _, l := range []struct {
		query string
		into  func(*complaints.Complaint, string)
	}{
		{`SELECT complaint_id, subject FROM complaint_subjects WHERE complaint_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
			func(c *complaints.Complaint, v string) { c.Subjects = append(c.Subjects, complaints.SubjectArea(v)) }},
		{`SELECT complaint_id, staff_group FROM complaint_staff_groups WHERE complaint_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
			func(c *complaints.Complaint, v string) {
				c.StaffGroups = append(c.StaffGroups, complaints.StaffGroup(v))
			}},
		{`SELECT complaint_id, appointment_id FROM complaint_appointments WHERE complaint_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
			func(c *complaints.Complaint, v string) { c.AppointmentIDs = append(c.AppointmentIDs, v) }},
	} {
		rows, err := q.Query(l.query, string(idsJSON))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return err
			}
			l.into(byID[id], v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// likeEscape makes s match literally inside a LIKE pattern (ESCAPE '\').
var likeEscape = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func complaintsQuery(f ComplaintFilter) (string, []any) {
	var where []string
	var args []any
	if len(f.Statuses) > 0 {
		where = append(where, `c.status IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(f.Statuses)), ", ")+`)`)
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	}
	if f.OwnerID != "" {
		where = append(where, `c.owner_id = ?`)
		args = append(args, f.OwnerID)
	}
	if f.PatientID != "" {
		where = append(where, `c.patient_id = ?`)
		args = append(args, f.PatientID)
	}
	if !f.DueBy.IsZero() {
		where = append(where, `c.next_due <> '' AND c.next_due <= ?`)
		args = append(args, f.DueBy)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		where = append(where, `c.search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape.Replace(patients.FoldName(s))+"%")
	}
	q := `SELECT ` + complaintColumns + ` FROM complaints c`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY c.received DESC, c.ref_year DESC, c.ref_seq DESC`
	if f.Limit > 0 {
		q += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	return q, args
}

func queryComplaints(q querier, f ComplaintFilter) ([]complaints.Complaint, error) {
	query, args := complaintsQuery(f)
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	var out []complaints.Complaint
	for rows.Next() {
		c, err := scanComplaint(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*complaints.Complaint, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, loadComplaintLists(q, ptrs)
}

// Complaints lists complaints, newest received first.
func (s *Store) Complaints(f ComplaintFilter) ([]complaints.Complaint, error) {
	return queryComplaints(s.db, f)
}

// Complaints lists complaints inside the transaction (an export reads and
// audits in one).
func (t *Tx) Complaints(f ComplaintFilter) ([]complaints.Complaint, error) {
	return queryComplaints(t.tx, f)
}

func complaintHistory(q querier, id string) ([]complaints.Transition, error) {
	rows, err := q.Query(`SELECT complaint_id, from_status, to_status, at, by, outcome, signed_off_by, note
		FROM complaint_history WHERE complaint_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []complaints.Transition
	for rows.Next() {
		var tr complaints.Transition
		var at string
		if err := rows.Scan(&tr.ComplaintID, &tr.From, &tr.To, &at, &tr.By, &tr.Outcome, &tr.SignedOffBy, &tr.Note); err != nil {
			return nil, err
		}
		tr.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, tr)
	}
	return out, rows.Err()
}

// ComplaintHistory lists a complaint's moves, oldest first.
func (s *Store) ComplaintHistory(id string) ([]complaints.Transition, error) {
	return complaintHistory(s.db, id)
}

// ComplaintHistory lists a complaint's moves inside the transaction.
func (t *Tx) ComplaintHistory(id string) ([]complaints.Transition, error) {
	return complaintHistory(t.tx, id)
}

// ComplaintNotes lists a complaint's notes, actions and learning, oldest first.
func (s *Store) ComplaintNotes(id string) ([]complaints.Note, error) {
	rows, err := s.db.Query(`SELECT id, complaint_id, kind, body, by, at FROM complaint_notes
		WHERE complaint_id = ? ORDER BY at, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []complaints.Note
	for rows.Next() {
		var n complaints.Note
		var at string
		if err := rows.Scan(&n.ID, &n.ComplaintID, &n.Kind, &n.Body, &n.By, &at); err != nil {
			return nil, err
		}
		n.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, n)
	}
	return out, rows.Err()
}

// ComplaintForReturn is what the KO41(b) return reads about one complaint:
// the complaint, the date of birth of the patient it is about (read now,
// zero when there is none), and the first move that ended local resolution
// (to closed or to the Ombudsman; zero while unresolved).
type ComplaintForReturn struct {
	complaints.Complaint
	PatientDOB ukcal.Date
	ResolvedAt time.Time
}

// ComplaintsForReturn lists every complaint received on or before the date,
// for a return whose year ends then.
func (t *Tx) ComplaintsForReturn(receivedBy ukcal.Date) ([]ComplaintForReturn, error) {
	rows, err := t.tx.Query(`SELECT `+complaintColumns+`, coalesce(p.dob, ''),
		coalesce((SELECT min(h.at) FROM complaint_history h
			WHERE h.complaint_id = c.id AND h.to_status IN ('closed', 'referred_phso')), '')
		FROM complaints c LEFT JOIN patients p ON p.id = c.patient_id
		WHERE c.received <= ? ORDER BY c.received, c.ref_year, c.ref_seq`, receivedBy)
	if err != nil {
		return nil, err
	}
	var out []ComplaintForReturn
	for rows.Next() {
		var r ComplaintForReturn
		var resolved string
		c, err := scanComplaint(rows, &r.PatientDOB, &resolved)
		if err != nil {
			rows.Close()
			return nil, err
		}
		r.Complaint = c
		if resolved != "" {
			r.ResolvedAt, _ = time.Parse(time.RFC3339Nano, resolved)
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*complaints.Complaint, len(out))
	for i := range out {
		ptrs[i] = &out[i].Complaint
	}
	return out, loadComplaintLists(t.tx, ptrs)
}
