package data

import (
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The tracking list's and the task rules' reads of open referrals with
// their clock summaries.

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
	// Counted first, so the rows (large, and thousands of them) are
	// made once rather than copied as the slice grows.
	var n int
	err := q.QueryRow(`SELECT count(*) FROM referrals r INDEXED BY referrals_ptl WHERE `+strings.Join(listed, " AND "), listedArgs...).Scan(&n)
	if err != nil {
		return nil, err
	}
	out, err := queryPTLRows(q, "referrals_ptl", listed, listedArgs, make([]PTLRow, 0, n))
	if err != nil {
		return nil, err
	}
	// Referrals from before summaries were kept, until the fill at open
	// has reached them.
	unsummed := append([]string{"r.clock_status IS NULL", "r.direction = 'in'", "r.status <> 'closed'"}, where...)
	if out, err = queryPTLRows(q, "referrals_unsummarised", unsummed, args, out); err != nil || f.AsOf.IsZero() || !f.RunningBreachBy.IsZero() {
		return out, err
	}
	ahead := append([]string{"r.clock_last_event > ?", "r.status <> 'closed'", "r.on_list = 0", "r.direction = 'in'"}, where...)
	return queryPTLRows(q, "referrals_last_event", ahead, append([]any{f.AsOf}, args...), out)
}

// ptlPacked is a list row joined into one text: its ids, codes and dates
// by "|" (none of them holds one), then the names (the patient's title,
// forenames and surname, and the clinician's), each as its length in bytes,
// ":" and itself, as a name may hold any text, and last the clock summary.
// The list reads thousands of rows and the driver's cost is per column: one
// column instead of seventeen.
const ptlPacked = `r.id || '|' || r.patient_id || '|' || r.direction || '|' || r.date || '|' || r.urgency || '|' || r.kind
	|| '|' || r.status || '|' || coalesce(r.owner_id, '') || '|' || coalesce(r.clinician_id, '') || '|' || r.source
	|| '|' || r.patient_nhs_number || '|' || coalesce(r.clock_status, '') || '|'
	|| length(CAST(r.patient_title AS BLOB)) || ':' || r.patient_title
	|| length(CAST(r.patient_forenames AS BLOB)) || ':' || r.patient_forenames
	|| length(CAST(r.patient_surname AS BLOB)) || ':' || r.patient_surname
	|| length(CAST(coalesce(c.name, '') AS BLOB)) || ':' || coalesce(c.name, '')
	|| r.clock_summary`

// ptlPackedFields is how many "|" fields come before the names.
const ptlPackedFields = 12

// queryPTLRows reads the rows where chooses through the index named (one
// of migration 0023's, never input): left to itself, the planner reads the
// unsummed few by scanning every open referral.
func queryPTLRows(q querier, index string, where []string, args []any, out []PTLRow) ([]PTLRow, error) {
	rows, err := q.Query(`SELECT `+ptlPacked+` FROM referrals r INDEXED BY `+index+`
		LEFT JOIN clinicians c ON c.id = r.clinician_id WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var packed string
		if err := rows.Scan(&packed); err != nil {
			return nil, err
		}
		out = append(out, PTLRow{})
		if err := readPTLRow(&out[len(out)-1], packed); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// readPTLRow splits ptlPacked into the row.
func readPTLRow(row *PTLRow, packed string) error {
	var f [ptlPackedFields]string
	rest := packed
	for i := range f {
		var found bool
		if f[i], rest, found = strings.Cut(rest, "|"); !found {
			return fmt.Errorf("a row of the tracking list cannot be read: %q", packed)
		}
	}
	r := &row.Referral
	var err error
	if r.Date, err = ukcal.ParseDate(f[3]); err != nil {
		return fmt.Errorf("referral %s: its date %q cannot be read", f[0], f[3])
	}
	r.ID, r.PatientID, r.Direction = f[0], f[1], pathways.Direction(f[2])
	r.Urgency, r.Kind, r.Status = pathways.Urgency(f[4]), pathways.Kind(f[5]), pathways.Status(f[6])
	r.OwnerID, r.ClinicianID, r.Source, row.NHSNumber = f[7], f[8], pathways.Source(f[9]), f[10]
	for _, name := range []*string{&row.Title, &row.Forenames, &row.Surname, &row.ClinicianName} {
		colon := strings.IndexByte(rest, ':')
		n, err := strconv.Atoi(rest[:max(colon, 0)])
		if colon < 0 || err != nil || n > len(rest)-colon-1 {
			return fmt.Errorf("referral %s: a name on the tracking list cannot be read", r.ID)
		}
		*name, rest = rest[colon+1:colon+1+n], rest[colon+1+n:]
	}
	row.Summary, row.HasSummary, err = readClockSummary(f[11], rest)
	return err
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
		var status, packed string
		p := &row.Patient
		extra := append([]any{&p.Title, &p.Forenames, &p.Surname, &p.NHSNumber, &row.ClinicianName}, clockSummaryDests(&status, &packed)...)
		if row.Referral, err = scanReferral(rows, extra...); err != nil {
			return nil, err
		}
		p.ID = row.Referral.PatientID
		if row.Summary, row.HasSummary, err = readClockSummary(status, packed); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
