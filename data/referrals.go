package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// ReferralFilter narrows a list of referrals. Empty fields do not narrow.
type ReferralFilter struct {
	ID        string // one referral
	PatientID string
	Direction pathways.Direction
	Status    pathways.Status
	OpenOnly  bool // not closed (open or replied)
	OwnerID   string
	// ClinicianIDs keeps referrals of these clinicians only; Clinicians
	// set with an empty list keeps none (a clinician signed in who is
	// not linked to any column of the diary).
	ClinicianIDs []string
	Clinicians   bool
	Limit        int // 0: no limit
}

// ReferralRow is a referral with what a list shows beside it: the
// patient's name parts and NHS number, and the clinician's name.
type ReferralRow struct {
	Referral      pathways.Referral
	Patient       patients.Patient // ID, Title, Forenames, Surname, NHSNumber only
	ClinicianName string
}

// referralColumns are read in this order by scanReferral.
const referralColumns = `r.id, r.patient_id, r.direction, r.party_name, r.party_org, r.party_address, r.party_ods, r.date,
	r.urgency, r.kind, r.reason, r.documents, r.status, coalesce(r.owner_id, ''), coalesce(r.clinician_id, ''),
	r.acknowledged_on, r.reply_due_by, r.chase_dates, r.reply_on, r.closed_by, r.closed_at, r.close_reason,
	r.created_by, r.created_at, r.source`

func chaseJSON(ds []ukcal.Date) (string, error) {
	if ds == nil {
		ds = []ukcal.Date{}
	}
	b, err := json.Marshal(ds)
	return string(b), err
}

// InsertReferral adds a referral.
func (t *Tx) InsertReferral(r pathways.Referral) error {
	chase, err := chaseJSON(r.ChaseDates)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(`INSERT INTO referrals (id, patient_id, direction, party_name, party_org, party_address, party_ods, date,
		urgency, kind, reason, documents, status, owner_id, clinician_id, acknowledged_on, reply_due_by, chase_dates, reply_on,
		closed_by, closed_at, close_reason, created_by, created_at, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.PatientID, string(r.Direction), r.Party.Name, r.Party.Organisation, r.Party.Address, r.Party.ODSCode, r.Date,
		string(r.Urgency), string(r.Kind), r.Reason, r.Documents, string(r.Status), nullable(r.OwnerID), nullable(r.ClinicianID),
		r.AcknowledgedOn, r.ReplyDueBy, chase, r.ReplyOn, r.ClosedBy, instant(r.ClosedAt), r.CloseReason,
		r.CreatedBy, instant(r.CreatedAt), string(r.Source))
	if err != nil {
		return err
	}
	// In: no events yet, so a summary that says so until the first
	// (in this transaction) replaces it; out: no clock here.
	return refreshReferralSummary(t.tx, r.ID)
}

// UpdateReferral saves what may change on a referral: the other party,
// the reason, documents, owner and clinician, the dates of
// acknowledgement, reply and chasing, its status and how it was closed.
// Who the patient is, the direction, the date, the urgency and the
// pathway never change: they are what the clocks run from.
func (t *Tx) UpdateReferral(r pathways.Referral) error {
	chase, err := chaseJSON(r.ChaseDates)
	if err != nil {
		return err
	}
	res, err := t.tx.Exec(`UPDATE referrals SET party_name = ?, party_org = ?, party_address = ?, party_ods = ?, reason = ?,
		documents = ?, status = ?, owner_id = ?, clinician_id = ?, acknowledged_on = ?, reply_due_by = ?, chase_dates = ?,
		reply_on = ?, closed_by = ?, closed_at = ?, close_reason = ? WHERE id = ?`,
		r.Party.Name, r.Party.Organisation, r.Party.Address, r.Party.ODSCode, r.Reason, r.Documents, string(r.Status),
		nullable(r.OwnerID), nullable(r.ClinicianID), r.AcknowledgedOn, r.ReplyDueBy, chase, r.ReplyOn,
		r.ClosedBy, instant(r.ClosedAt), r.CloseReason, r.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Referral reads one referral.
func (s *Store) Referral(id string) (pathways.Referral, error) { return referral(s.db, id) }

// Referral reads one referral inside the transaction.
func (t *Tx) Referral(id string) (pathways.Referral, error) { return referral(t.tx, id) }

func referral(q querier, id string) (pathways.Referral, error) {
	return scanReferral(q.QueryRow(`SELECT `+referralColumns+` FROM referrals r WHERE r.id = ?`, id))
}

// Referrals lists referrals with their patients' names and clinicians,
// oldest first (the PTL's order before the clocks sort it).
func (s *Store) Referrals(f ReferralFilter) ([]ReferralRow, error) { return referralRows(s.db, f) }

// Referrals lists referrals inside the transaction (an export reads and
// audits in one).
func (t *Tx) Referrals(f ReferralFilter) ([]ReferralRow, error) { return referralRows(t.tx, f) }

func referralRows(q querier, f ReferralFilter) ([]ReferralRow, error) {
	where := []string{"1 = 1"}
	var args []any
	if f.ID != "" {
		where, args = append(where, "r.id = ?"), append(args, f.ID)
	}
	if f.PatientID != "" {
		where, args = append(where, "r.patient_id = ?"), append(args, f.PatientID)
	}
	if f.Direction != "" {
		where, args = append(where, "r.direction = ?"), append(args, string(f.Direction))
	}
	if f.Status != "" {
		where, args = append(where, "r.status = ?"), append(args, string(f.Status))
	}
	if f.OpenOnly {
		where = append(where, "r.status <> 'closed'")
	}
	if f.OwnerID != "" {
		where, args = append(where, "r.owner_id = ?"), append(args, f.OwnerID)
	}
	if f.Clinicians {
		if len(f.ClinicianIDs) == 0 {
			return nil, nil
		}
		where = append(where, "r.clinician_id IN (?"+strings.Repeat(", ?", len(f.ClinicianIDs)-1)+")")
		for _, id := range f.ClinicianIDs {
			args = append(args, id)
		}
	}
	query := `SELECT ` + referralColumns + `, p.title, p.forenames, p.surname, p.nhs_number, coalesce(c.name, '')
		FROM referrals r JOIN patients p ON p.id = r.patient_id LEFT JOIN clinicians c ON c.id = r.clinician_id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY r.date, r.created_at, r.id`
	if f.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReferralRow
	for rows.Next() {
		var row ReferralRow
		p := &row.Patient
		row.Referral, err = scanReferral(rows, &p.Title, &p.Forenames, &p.Surname, &p.NHSNumber, &row.ClinicianName)
		if err != nil {
			return nil, err
		}
		p.ID = row.Referral.PatientID
		out = append(out, row)
	}
	return out, rows.Err()
}

// scanReferral reads referralColumns, then any extra columns into extra.
func scanReferral(row rowScanner, extra ...any) (pathways.Referral, error) {
	var r pathways.Referral
	var direction, source, urgency, kind, status, chase, closedAt, createdAt string
	err := row.Scan(append([]any{&r.ID, &r.PatientID, &direction, &r.Party.Name, &r.Party.Organisation, &r.Party.Address,
		&r.Party.ODSCode, &r.Date, &urgency, &kind, &r.Reason, &r.Documents, &status, &r.OwnerID, &r.ClinicianID,
		&r.AcknowledgedOn, &r.ReplyDueBy, &chase, &r.ReplyOn, &r.ClosedBy, &closedAt, &r.CloseReason,
		&r.CreatedBy, &createdAt, &source}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	r.Source = pathways.Source(source)
	r.Direction, r.Urgency, r.Kind, r.Status = pathways.Direction(direction), pathways.Urgency(urgency), pathways.Kind(kind), pathways.Status(status)
	if err := json.Unmarshal([]byte(chase), &r.ChaseDates); err != nil {
		return r, fmt.Errorf("referral %s: its chase dates cannot be read: %w", r.ID, err)
	}
	if len(r.ChaseDates) == 0 {
		r.ChaseDates = nil
	}
	if closedAt != "" {
		r.ClosedAt, _ = time.Parse(time.RFC3339Nano, closedAt)
	}
	r.CreatedAt, _ = time.Parse(time.RFC3339Nano, createdAt)
	return r, nil
}
