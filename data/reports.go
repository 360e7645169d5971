package data

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
)

// The reports of issue 18 are counted here, in SQL, grouped by a period key
// computed from the row's date: the first of the month, or the Monday of
// the week. Only the groups come back (a year by week is 53 keys times a
// few groups), never the appointments, so a year of a busy clinic is read
// from an index without a row reaching Go.

// ReportCount is one group's count in one period.
type ReportCount struct {
	Key   ukcal.Date // the period's natural start: a Monday, or the 1st
	Group string     // what the report splits by: a status, a subject…
	N     int64      // a count, or a sum of minutes
}

// periodKey is the SQL that turns a YYYY-MM-DD column into its period's
// natural start. col comes from the queries below, never from input.
func periodKey(col string, by reports.Grouping) string {
	if by == reports.ByWeek {
		// 'weekday 0' moves on to the Sunday ending the week (or stays on
		// it); six days back is that week's Monday.
		return fmt.Sprintf("date(%s, 'weekday 0', '-6 days')", col)
	}
	return fmt.Sprintf("substr(%s, 1, 8) || '01'", col)
}

// seenReportQuery, when a test sets it, is shown every report query before
// it runs, so the test can check each one's plan.
var seenReportQuery func(query string, args []any)

// reportCounts runs a grouped query whose columns are key, group, n.
func reportCounts(q querier, query string, args ...any) ([]ReportCount, error) {
	if seenReportQuery != nil {
		seenReportQuery(query, args)
	}
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportCount
	for rows.Next() {
		var c ReportCount
		if err := rows.Scan(&c.Key, &c.Group, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// clinicianClause narrows a query on appointments (aliased a) to one
// clinician when the range names one.
func clinicianClause(r reports.Range, args []any) (string, []any) {
	if r.ClinicianID == "" {
		return "", args
	}
	return " AND a.clinician_id = ?", append(args, r.ClinicianID)
}

// byPeriod wraps a query grouped by day (columns d, g, n) into one
// grouped by period. The inner query groups in its index's order, with no
// sorting and no function called per row; the period key is worked out
// once per day and group, a few hundred times for a year.
func byPeriod(inner string, by reports.Grouping) string {
	return `SELECT ` + periodKey("d", by) + ` AS k, g, SUM(n) FROM (` + inner + `) GROUP BY k, g`
}

// AttendanceCounts counts the appointments of the range by period and
// status, for the DNA rate: the statuses arrived, in_progress, seen and
// dna (cancelled and still booked ones are not due), and, as group
// "not_brought", the DNAs of patients younger than childUnderAge on the
// day (the date the age is reached, as ukcal.AgeOn counts it: SQLite
// carries 29 February on to 1 March in the same way). childUnderAge 0
// leaves the children out, for a comparison that needs only the rate.
func (s *Store) AttendanceCounts(r reports.Range, childUnderAge int) ([]ReportCount, error) {
	args := []any{r.From, r.To}
	who, args := clinicianClause(r, args)
	out, err := reportCounts(s.db, byPeriod(`SELECT a.date AS d, a.status AS g, SUM(a.appointments) AS n
		FROM appointment_day_totals a
		WHERE a.date BETWEEN ? AND ? AND a.status IN ('arrived', 'in_progress', 'seen', 'dna')`+who+`
		GROUP BY a.date, a.status`, r.By), args...)
	if err != nil || childUnderAge <= 0 {
		return out, err
	}
	// The DNAs alone, from their own small index. A patient born after
	// surelyChild is a child on every day of the range and one born
	// before neverChild on none, both known from one range of the dates
	// of birth; only the few who turn the age during the range have each
	// DNA's day checked against their birthday.
	years := -12 * childUnderAge
	surelyChild, neverChild := r.To.AddMonths(years).AddDays(2), r.From.AddMonths(years).AddDays(-2)
	args = append([]any{surelyChild, neverChild, surelyChild, fmt.Sprintf("+%d years", childUnderAge)}, args...)
	children, err := reportCounts(s.db, byPeriod(`SELECT a.date AS d, 'not_brought' AS g, COUNT(*) AS n
		FROM appointments a INDEXED BY appointments_dna
		WHERE (a.patient_id IN (SELECT id FROM patients INDEXED BY patients_dob_id WHERE dob >= ?)
			OR (a.patient_id IN (SELECT id FROM patients INDEXED BY patients_dob_id WHERE dob >= ? AND dob < ?)
				AND a.date < (SELECT date(p.dob, ?) FROM patients p WHERE p.id = a.patient_id)))
			AND a.status = 'dna' AND a.date BETWEEN ? AND ?`+who+`
		GROUP BY a.date`, r.By), args...)
	return append(out, children...), err
}

// BookedMinutes sums each clinician's booked minutes by period: every
// appointment that held their time (booked, arrived, in progress, seen or
// did not attend; not the cancelled). Group is the clinician's id.
func (s *Store) BookedMinutes(r reports.Range) ([]ReportCount, error) {
	args := []any{r.From, r.To}
	who, args := clinicianClause(r, args)
	return reportCounts(s.db, byPeriod(`SELECT a.date AS d, a.clinician_id AS g, SUM(a.minutes) AS n
		FROM appointment_day_totals a
		WHERE a.date BETWEEN ? AND ? AND a.status IN ('booked', 'arrived', 'in_progress', 'seen', 'dna')`+who+`
		GROUP BY a.date, a.status, a.clinician_id`, r.By), args...)
}

// ClinicianSpans is each clinician's first and last appointment date (of
// any status), for counting their available time only while they were
// in the diary. Clinicians with none are left out.
func (s *Store) ClinicianSpans() (map[string][2]ukcal.Date, error) {
	rows, err := s.db.Query(`SELECT c.id, (SELECT min(date) FROM appointments WHERE clinician_id = c.id),
		(SELECT max(date) FROM appointments WHERE clinician_id = c.id) FROM clinicians c`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][2]ukcal.Date{}
	for rows.Next() {
		var id string
		var first, last ukcal.Date
		if err := rows.Scan(&id, &first, &last); err != nil {
			return nil, err
		}
		if !first.IsZero() {
			out[id] = [2]ukcal.Date{first, last}
		}
	}
	return out, rows.Err()
}

// CancellationCounts counts the cancelled appointments of the range by
// period (of the appointment's date), who cancelled, and whether it was
// late: Group is "cancelled_patient" or "cancelled_clinic", with "/late"
// when the cancellation was recorded less than 24 hours before the start.
// The start is wall-clock in the store and the cancellation time UTC, so
// the start is moved back an hour on days of British Summer Time
// (summer lists each BST stretch as [first day, first day after), wall
// dates).
func (s *Store) CancellationCounts(r reports.Range) ([]ReportCount, error) {
	bst, bstArgs := bstHours("a.date", r)
	args := append(bstArgs, r.From, r.To)
	who, args := clinicianClause(r, args)
	return reportCounts(s.db, byPeriod(`SELECT a.date AS d,
		a.status || CASE WHEN a.status_at > strftime('%Y-%m-%dT%H:%M:%S', a.date,
			(a.start_min - 1440 - 60 * `+bst+`) || ' minutes') THEN '/late' ELSE '' END AS g, COUNT(*) AS n
		FROM appointments a INDEXED BY appointments_cancelled
		WHERE a.status IN ('cancelled_patient', 'cancelled_clinic') AND a.date BETWEEN ? AND ?`+who+`
		GROUP BY a.date, g`, r.By), args...)
}

// bstHours is SQL that is 1 on a wall date in British Summer Time and 0
// otherwise, for the years the range touches: from the last Sunday of
// March to the day before the last Sunday of October. (The hour of the
// change itself, between 1 and 2 in the morning, is no clinic's.)
func bstHours(col string, r reports.Range) (string, []any) {
	expr := "CASE"
	var args []any
	for y := r.From.Year(); y <= r.To.Year(); y++ {
		expr += " WHEN " + col + " >= ? AND " + col + " < ? THEN 1"
		args = append(args, lastSunday(y, time.March), lastSunday(y, time.October))
	}
	return expr + " ELSE 0 END", args
}

// lastSunday is the last Sunday of the month, when the clocks change.
func lastSunday(year int, month time.Month) ukcal.Date {
	d := ukcal.NewDate(year, month+1, 1).AddDays(-1)
	return d.AddDays(-int(d.Weekday()))
}

// periodBounds is the range's periods as a JSON list of [first day, UTC
// start, UTC end]: the instants the clinic's first day begins and the day
// after its last begins, for counting rows stamped in UTC (RFC 3339 text)
// by the clinic's own days, one index range per period. The bounds carry
// no "Z", so a stored time with fractions of a second still sorts after
// the bound it starts with.
func periodBounds(r reports.Range) string {
	var b strings.Builder
	b.WriteString("[")
	for i, p := range reports.Periods(r) {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `["%s","%s","%s"]`, p.From, utcBound(p.From.LondonMidnight()), utcBound(p.To.AddDays(1).LondonMidnight()))
	}
	return b.String() + "]"
}

func utcBound(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }

// NewPatientCounts counts the patients' records made in the range, by the
// clinic's day they were made, leaving out records merged into another
// (duplicates). Key is each period's first day; group is "".
func (s *Store) NewPatientCounts(r reports.Range) ([]ReportCount, error) {
	// The bounds are whole UTC hours, so their first 13 characters are
	// the hours' keys.
	return reportCounts(s.db, `SELECT json_extract(j.value, '$[0]') AS k, '', SUM(h.patients)
		FROM json_each(?) j CROSS JOIN patient_hour_counts h
		WHERE h.hour >= substr(json_extract(j.value, '$[1]'), 1, 13) AND h.hour < substr(json_extract(j.value, '$[2]'), 1, 13)
		GROUP BY k`, periodBounds(r))
}

// ReferralSourceCounts counts the referrals in received in the range, by
// period and where they came from (Group is the stored source: gp, clinic,
// self, or "" for one not recorded).
func (s *Store) ReferralSourceCounts(r reports.Range) ([]ReportCount, error) {
	args := []any{r.From, r.To}
	who := ""
	if r.ClinicianID != "" {
		who, args = " AND clinician_id = ?", append(args, r.ClinicianID)
	}
	return reportCounts(s.db, `SELECT `+periodKey("date", r.By)+` AS k, source, COUNT(*)
		FROM referrals INDEXED BY referrals_received
		WHERE direction = 'in' AND date BETWEEN ? AND ?`+who+` GROUP BY k, source`, args...)
}

// WaitCounts is one period's completed waits to one milestone.
type WaitCounts struct {
	Milestone string     // the pathway event: first_appointment_attended, first_definitive_treatment
	Key       ukcal.Date // the period's natural start; zero for the previous range
	Pathways  int64      // referrals in that reached the milestone in the period
	Days      int64      // their waits added up, in days
	Within18  int64      // those that waited 126 days (18 weeks) or fewer
}

// WaitTimes counts, for each milestone (a pathway event kind), the
// referrals in that first reached it in the range, by period, and those
// that did in the previous range (just before it, with a zero Key), with
// how long each had waited since it was received. One pass over the two
// ranges' events of those kinds; a referral that had reached the milestone
// before them is left out.
func (s *Store) WaitTimes(r, prev reports.Range, milestones ...string) ([]WaitCounts, error) {
	kinds := strings.TrimSuffix(strings.Repeat("?, ", len(milestones)), ", ")
	var args []any
	args = append(args, r.From)
	for _, m := range milestones {
		args = append(args, m)
	}
	args = append(args, prev.From, r.To)
	for _, m := range milestones {
		args = append(args, m)
	}
	args = append(args, prev.From)
	who := ""
	if r.ClinicianID != "" {
		who, args = " AND r.clinician_id = ?", append(args, r.ClinicianID)
	}
	// julianday of two dates differs by whole days.
	query := `SELECT e.kind, CASE WHEN e.reached < ? THEN '' ELSE ` + periodKey("e.reached", r.By) + ` END AS k, COUNT(*),
		SUM(CAST(julianday(e.reached) - julianday(r.date) AS INTEGER)),
		SUM(julianday(e.reached) - julianday(r.date) <= 126)
		FROM (SELECT e.referral_id, e.kind, min(e.on_date) AS reached FROM referral_events e INDEXED BY referral_events_kind
			WHERE e.kind IN (` + kinds + `) AND e.on_date BETWEEN ? AND ?
			AND (e.referral_id, e.kind) NOT IN (SELECT referral_id, kind FROM referral_events INDEXED BY referral_events_kind
				WHERE kind IN (` + kinds + `) AND on_date < ?)
			GROUP BY e.referral_id, e.kind) e
		JOIN referrals r INDEXED BY referrals_waits ON r.id = e.referral_id AND r.direction = 'in'` + who + ` GROUP BY e.kind, k`
	if seenReportQuery != nil {
		seenReportQuery(query, args)
	}
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []WaitCounts
	for rows.Next() {
		var w WaitCounts
		if err := rows.Scan(&w.Milestone, &w.Key, &w.Pathways, &w.Days, &w.Within18); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// ComplaintSubjectCounts counts the complaints received in the range by
// period and subject (a complaint about two subjects counts under each;
// "" for one with none recorded).
func (s *Store) ComplaintSubjectCounts(r reports.Range) ([]ReportCount, error) {
	return reportCounts(s.db, `SELECT `+periodKey("c.received", r.By)+` AS k, coalesce(s.subject, ''), COUNT(*)
		FROM complaints c INDEXED BY complaints_received LEFT JOIN complaint_subjects s ON s.complaint_id = c.id
		WHERE c.received BETWEEN ? AND ? GROUP BY k, s.subject`, r.From, r.To)
}

// ComplaintOutcomeCounts counts the complaints received in the range by
// period and outcome ("" while none is recorded).
func (s *Store) ComplaintOutcomeCounts(r reports.Range) ([]ReportCount, error) {
	return reportCounts(s.db, `SELECT `+periodKey("received", r.By)+` AS k, outcome, COUNT(*)
		FROM complaints INDEXED BY complaints_received
		WHERE received BETWEEN ? AND ? GROUP BY k, outcome`, r.From, r.To)
}

// LetterCounts counts the letters in the letters log made in the range, by
// the clinic's day and template; appointment slips are left out. Key is
// each period's first day.
func (s *Store) LetterCounts(r reports.Range) ([]ReportCount, error) {
	return reportCounts(s.db, `SELECT json_extract(j.value, '$[0]') AS k, l.template, COUNT(*)
		FROM json_each(?) j CROSS JOIN letter_log l INDEXED BY letter_log_created
		WHERE l.created_at >= json_extract(j.value, '$[1]') AND l.created_at < json_extract(j.value, '$[2]') AND l.kind = 'letter'
		GROUP BY k, l.template`, periodBounds(r))
}

// ComplaintYears lists the years (1 April to 31 March, by the year of the
// April) that have complaints received in them, newest first, for the
// KO41(b) return's year picker.
func (s *Store) ComplaintYears() ([]int, error) {
	rows, err := s.db.Query(`SELECT DISTINCT CAST(substr(received, 1, 4) AS INTEGER) - (substr(received, 6, 2) < '04')
		FROM complaints INDEXED BY complaints_received ORDER BY 1 DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
