package data

import (
	"database/sql"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// Each referral row keeps its clock's summary (migration 0023): what
// pathways.Summarize reads from its events. It is rewritten in the
// transaction of every event and every referral added, here in the store,
// so no caller can append an event and leave the summary stale.

// clockSummaryColumns are read in this order by scanSummary.
const clockSummaryColumns = `coalesce(r.clock_status, ''), r.clock_problem, r.clock_last_event, r.clock_received, r.clock_start,
	r.clock_stop, r.clock_stopped_by, r.clock_breach, r.clock_first_booked, r.clock_first_attended, r.clock_decided_to_treat,
	r.clock_left_on, r.clock_left_by, r.fds_due, r.fds_on, r.treat62_due, r.treat62_on, r.treat31_due, r.treat31_on`

// clockSummaryDests are the scan destinations of clockSummaryColumns for s; status
// is "" when the row was never summed up, "none" for a referral out.
func clockSummaryDests(s *pathways.Summary, status *string, stoppedBy, leftBy *string) []any {
	c := &s.Cancer
	return []any{status, &s.Problem, &s.LastEvent, &s.Received, &s.Start, &s.Stop, stoppedBy, &s.Breach, &s.FirstBooked,
		&s.FirstAttended, &s.DecidedToTreat, &s.LeftListOn, leftBy, &c.FasterDiagnosis.Due, &c.FasterDiagnosis.On,
		&c.Treat62.Due, &c.Treat62.On, &c.Treat31.Due, &c.Treat31.On}
}

// finishClockSummary sets what the columns hold as text and reports whether
// the row had a summary of a clock (false: none kept yet, or a referral
// out).
func finishClockSummary(s *pathways.Summary, status, stoppedBy, leftBy string) bool {
	s.StoppedBy, s.LeftBy = pathways.EventKind(stoppedBy), pathways.EventKind(leftBy)
	c := &s.Cancer
	for _, st := range []*pathways.Standard{&c.FasterDiagnosis, &c.Treat62, &c.Treat31} {
		st.Applies = !st.Due.IsZero()
	}
	switch status {
	case "", "none":
		*s = pathways.Summary{}
		return false
	case "problem":
		s.Status = ""
	default:
		s.Status = pathways.ClockStatus(status)
	}
	return true
}

// clockSummaryUpdate writes a summary; its arguments end with the referral's id.
const clockSummaryUpdate = `UPDATE referrals SET clock_status = ?, clock_problem = ?, clock_last_event = ?, clock_received = ?,
	clock_start = ?, clock_stop = ?, clock_stopped_by = ?, clock_breach = ?, clock_first_booked = ?, clock_first_attended = ?,
	clock_decided_to_treat = ?, clock_left_on = ?, clock_left_by = ?, fds_due = ?, fds_on = ?, treat62_due = ?, treat62_on = ?,
	treat31_due = ?, treat31_on = ?, on_list = ? WHERE id = ?`

func clockSummaryArgs(id string, s pathways.Summary, status string, onList bool) []any {
	c := s.Cancer
	due := func(st pathways.Standard) ukcal.Date {
		if !st.Applies {
			return ukcal.Date{}
		}
		return st.Due
	}
	list := 0
	if onList {
		list = 1
	}
	return []any{status, s.Problem, s.LastEvent, s.Received, s.Start, s.Stop, string(s.StoppedBy), s.Breach, s.FirstBooked,
		s.FirstAttended, s.DecidedToTreat, s.LeftListOn, string(s.LeftBy), due(c.FasterDiagnosis), c.FasterDiagnosis.On,
		due(c.Treat62), c.Treat62.On, due(c.Treat31), c.Treat31.On, list, id}
}

// refreshReferralSummary sums up the referral's events again and saves
// it on the row. A referral out has no clock here: "none", off the list.
func refreshReferralSummary(q execQuerier, id string) error {
	var direction, kind, urgency string
	err := q.QueryRow(`SELECT direction, kind, urgency FROM referrals WHERE id = ?`, id).Scan(&direction, &kind, &urgency)
	if err != nil {
		return err
	}
	if pathways.Direction(direction) != pathways.In {
		_, err := q.Exec(clockSummaryUpdate, clockSummaryArgs(id, pathways.Summary{}, "none", false)...)
		return err
	}
	events, err := queryReferralEvents(q, `WHERE referral_id = ?`, id)
	if err != nil {
		return err
	}
	s := pathways.Summarize(pathways.Urgency(urgency), events)
	status := string(s.Status)
	if s.Problem != "" {
		status = "problem"
	}
	onList := pathways.Kind(kind) == pathways.Other || s.OnList()
	_, err = q.Exec(clockSummaryUpdate, clockSummaryArgs(id, s, status, onList)...)
	return err
}

// execQuerier is a transaction, or the database in a test.
type execQuerier interface {
	querier
	Exec(query string, args ...any) (sql.Result, error)
}

// ReferralSummary reads the clock summary kept on a referral; ok is false
// when there is none (a referral out, or one not summed up yet).
func (s *Store) ReferralSummary(id string) (pathways.Summary, bool, error) {
	return referralSummary(s.db, id)
}

func referralSummary(q querier, id string) (sum pathways.Summary, ok bool, err error) {
	var status, stoppedBy, leftBy string
	err = q.QueryRow(`SELECT `+clockSummaryColumns+` FROM referrals r WHERE r.id = ?`, id).
		Scan(clockSummaryDests(&sum, &status, &stoppedBy, &leftBy)...)
	if err == sql.ErrNoRows {
		return sum, false, ErrNotFound
	}
	if err != nil {
		return sum, false, err
	}
	return sum, finishClockSummary(&sum, status, stoppedBy, leftBy), nil
}

// referralSummaryFillBatch is how many referrals one transaction of the
// fill sums up: short enough not to hold the file for long.
const referralSummaryFillBatch = 500

// FillReferralSummaries sums up the referrals that have no summary yet
// (a file from before they were kept), a batch per transaction. A crash
// part way leaves some done and the rest to the next open; running it
// again changes nothing. It returns how many it filled.
func (s *Store) FillReferralSummaries() (int, error) {
	filled := 0
	for {
		var ids []string
		err := s.Write(func(t *Tx) error {
			ids = ids[:0]
			rows, err := t.tx.Query(`SELECT id FROM referrals WHERE clock_status IS NULL LIMIT ?`, referralSummaryFillBatch)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, id := range ids {
				if err := refreshReferralSummary(t.tx, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return filled, err
		}
		filled += len(ids)
		if len(ids) < referralSummaryFillBatch {
			return filled, nil
		}
	}
}

// ptlColumns are what the tracking list shows of a referral.
const ptlColumns = `r.id, r.patient_id, r.direction, r.date, r.urgency, r.kind, r.status, coalesce(r.owner_id, ''),
	coalesce(r.clinician_id, ''), r.source`

// PTLQuery narrows the tracking list's read. Empty fields do not narrow.
type PTLQuery struct {
	// ClinicianIDs and Clinicians: as ReferralFilter's.
	ClinicianIDs []string
	Clinicians   bool
	// RunningBreachBy keeps running clocks whose treat-by date is on or
	// before it (and pathways not summed up yet, which the caller reads
	// from their events): the at-risk list.
	RunningBreachBy ukcal.Date
	// AsOf, when given, adds the referrals off the list whose last event
	// is after it: on that day their events do not read, so they show.
	AsOf ukcal.Date
}

// PTLRow is an open referral in as the tracking list reads it: the
// referral's list fields only (not its party, reason, dates of the desk),
// the patient's name and NHS number, the clinician's name and the clock
// summary (HasSummary false: read its events).
type PTLRow struct {
	Referral      pathways.Referral
	Title         string
	Forenames     string
	Surname       string
	NHSNumber     string
	ClinicianName string
	Summary       pathways.Summary
	HasSummary    bool
}

// PTLRows reads the open referrals on the tracking list with their
// summaries: one indexed query, plus any referrals not summed up yet.
func (s *Store) PTLRows(f PTLQuery) ([]PTLRow, error) { return ptlRows(s.db, f) }

// PTLRows reads the list inside the transaction (an export reads and
// audits in one).
func (t *Tx) PTLRows(f PTLQuery) ([]PTLRow, error) { return ptlRows(t.tx, f) }

func ptlRows(q querier, f PTLQuery) ([]PTLRow, error) {
	if f.Clinicians && len(f.ClinicianIDs) == 0 {
		return nil, nil
	}
	var where []string
	var args []any
	if f.Clinicians {
		where = append(where, "r.clinician_id IN (?"+strings.Repeat(", ?", len(f.ClinicianIDs)-1)+")")
		for _, id := range f.ClinicianIDs {
			args = append(args, id)
		}
	}
	listed := append([]string{"r.on_list = 1", "r.status <> 'closed'"}, where...)
	listedArgs := args
	if !f.RunningBreachBy.IsZero() {
		listed = append(listed, "r.clock_status = 'running'", "r.clock_breach <= ?")
		listedArgs = append(append([]any{}, args...), f.RunningBreachBy)
	}
	out, err := queryPTLRows(q, listed, listedArgs, nil)
	if err != nil {
		return nil, err
	}
	// Referrals from before summaries were kept, until the fill at open
	// has reached them.
	unsummed := append([]string{"r.clock_status IS NULL", "r.direction = 'in'", "r.status <> 'closed'"}, where...)
	if out, err = queryPTLRows(q, unsummed, args, out); err != nil || f.AsOf.IsZero() || !f.RunningBreachBy.IsZero() {
		return out, err
	}
	ahead := append([]string{"r.clock_last_event > ?", "r.status <> 'closed'", "r.on_list = 0", "r.direction = 'in'"}, where...)
	return queryPTLRows(q, ahead, append([]any{f.AsOf}, args...), out)
}

func queryPTLRows(q querier, where []string, args []any, out []PTLRow) ([]PTLRow, error) {
	rows, err := q.Query(`SELECT `+ptlColumns+`, `+clockSummaryColumns+`, p.title, p.forenames, p.surname, p.nhs_number,
		coalesce(c.name, '') FROM referrals r JOIN patients p ON p.id = r.patient_id LEFT JOIN clinicians c ON c.id = r.clinician_id
		WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var row PTLRow
		r := &row.Referral
		var direction, urgency, kind, status, source, clock, stoppedBy, leftBy string
		dests := []any{&r.ID, &r.PatientID, &direction, &r.Date, &urgency, &kind, &status, &r.OwnerID, &r.ClinicianID, &source}
		dests = append(dests, clockSummaryDests(&row.Summary, &clock, &stoppedBy, &leftBy)...)
		dests = append(dests, &row.Title, &row.Forenames, &row.Surname, &row.NHSNumber, &row.ClinicianName)
		if err := rows.Scan(dests...); err != nil {
			return nil, err
		}
		r.Direction, r.Urgency, r.Kind = pathways.Direction(direction), pathways.Urgency(urgency), pathways.Kind(kind)
		r.Status, r.Source = pathways.Status(status), pathways.Source(source)
		row.HasSummary = finishClockSummary(&row.Summary, clock, stoppedBy, leftBy)
		out = append(out, row)
	}
	return out, rows.Err()
}

// ReferralSummary reads the clock summary kept on a referral inside the
// transaction.
func (t *Tx) ReferralSummary(id string) (pathways.Summary, bool, error) {
	return referralSummary(t.tx, id)
}

// ReferralTaskRow is a referral the task rules read, with its clock
// summary (HasSummary false: none kept, read its events).
type ReferralTaskRow struct {
	ReferralRow
	Summary    pathways.Summary
	HasSummary bool
}

// ReferralTaskRows reads the referrals the rules that make tasks may act
// on today, with their patients' names and clock summaries: not closed,
// and a referral in not acknowledged, a referral out awaiting its reply
// with chase dates, a running clock that breaches by atRiskBy, or one
// whose summary does not cover today (not kept yet, or an event after
// it), which the caller reads from its events. The rules decide; this
// only leaves out the referrals they cannot act on.
func (s *Store) ReferralTaskRows(today, atRiskBy ukcal.Date) ([]ReferralTaskRow, error) {
	rows, err := s.db.Query(`SELECT `+referralColumns+`, p.title, p.forenames, p.surname, p.nhs_number, coalesce(c.name, ''),
		`+clockSummaryColumns+`
		FROM referrals r JOIN patients p ON p.id = r.patient_id LEFT JOIN clinicians c ON c.id = r.clinician_id
		WHERE r.status <> 'closed' AND (
			(r.direction = 'in' AND r.source <> 'self' AND r.acknowledged_on = '') OR
			(r.direction = 'out' AND r.status = 'open' AND r.reply_on = '' AND r.chase_dates <> '[]') OR
			(r.clock_status = 'running' AND r.clock_left_on = '' AND r.clock_breach <= ?) OR
			r.clock_status IS NULL OR r.clock_last_event > ?)
		ORDER BY r.date, r.created_at, r.id`, atRiskBy, today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReferralTaskRow
	for rows.Next() {
		var row ReferralTaskRow
		var status, stoppedBy, leftBy string
		p := &row.Patient
		extra := append([]any{&p.Title, &p.Forenames, &p.Surname, &p.NHSNumber, &row.ClinicianName},
			clockSummaryDests(&row.Summary, &status, &stoppedBy, &leftBy)...)
		if row.Referral, err = scanReferral(rows, extra...); err != nil {
			return nil, err
		}
		p.ID = row.Referral.PatientID
		row.HasSummary = finishClockSummary(&row.Summary, status, stoppedBy, leftBy)
		out = append(out, row)
	}
	return out, rows.Err()
}
