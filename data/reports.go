package data

import (
	"fmt"

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

// reportCounts runs a grouped query whose columns are key, group, n.
func reportCounts(q querier, query string, args ...any) ([]ReportCount, error) {
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

// AttendanceCounts counts the appointments of the range by period and
// status, for the DNA rate: the statuses arrived, in_progress, seen and
// dna (cancelled and still booked ones are not due), and, as group
// "not_brought", the DNAs of patients younger than childUnderAge on the
// day (the date the age is reached, as ukcal.AgeOn counts it: SQLite
// carries 29 February on to 1 March in the same way).
func (s *Store) AttendanceCounts(r reports.Range, childUnderAge int) ([]ReportCount, error) {
	args := []any{r.From, r.To}
	who, args := clinicianClause(r, args)
	key := periodKey("a.date", r.By)
	out, err := reportCounts(s.db, `SELECT `+key+` AS k, a.status, COUNT(*) FROM appointments a
		WHERE a.date BETWEEN ? AND ? AND a.status IN ('arrived', 'in_progress', 'seen', 'dna')`+who+`
		GROUP BY k, a.status`, args...)
	if err != nil {
		return nil, err
	}
	args = append([]any{fmt.Sprintf("+%d years", childUnderAge)}, args...)
	children, err := reportCounts(s.db, `SELECT `+key+` AS k, 'not_brought', COUNT(*) FROM appointments a
		JOIN patients p ON p.id = a.patient_id AND p.dob <> '' AND a.date < date(p.dob, ?)
		WHERE a.date BETWEEN ? AND ? AND a.status = 'dna'`+who+`
		GROUP BY k`, args...)
	return append(out, children...), err
}
