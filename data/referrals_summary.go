package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// Each referral row keeps its clock's summary (migration 0023): what
// pathways.Summarize reads from its events. It is rewritten in the
// transaction of every event and every referral added, here in the store,
// so no caller can append an event and leave the summary stale.

// clockSummaryColumns are read by clockSummaryDests: the status, then the
// packed summary.
const clockSummaryColumns = `coalesce(r.clock_status, ''), r.clock_summary`

// clockSummaryDests are the scan destinations of clockSummaryColumns.
func clockSummaryDests(status, packed *string) []any { return []any{status, packed} }

// summaryDates are the summary's dates in their packed order (an array:
// the list reads thousands, and a slice would be one more allocation each).
func summaryDates(s *pathways.Summary) [15]*ukcal.Date {
	c := &s.Cancer
	return [15]*ukcal.Date{&s.LastEvent, &s.Received, &s.Start, &s.Stop, &s.Breach, &s.FirstBooked, &s.FirstAttended,
		&s.DecidedToTreat, &s.LeftListOn, &c.FasterDiagnosis.Due, &c.FasterDiagnosis.On, &c.Treat62.Due, &c.Treat62.On,
		&c.Treat31.Due, &c.Treat31.On}
}

// packSummary writes a summary as one text: its dates (YYYY-MM-DD or
// empty; a cancer standard that does not apply has no due date), the two
// event kinds, then the problem (which may hold any text), separated by
// "|". One column instead of twenty: a list of thousands reads a few
// columns a row.
func packSummary(s pathways.Summary) string {
	c := &s.Cancer
	for _, st := range []*pathways.Standard{&c.FasterDiagnosis, &c.Treat62, &c.Treat31} {
		if !st.Applies {
			*st = pathways.Standard{}
		}
	}
	var b strings.Builder
	for _, d := range summaryDates(&s) {
		b.WriteString(d.String())
		b.WriteByte('|')
	}
	b.WriteString(string(s.StoppedBy) + "|" + string(s.LeftBy) + "|" + s.Problem)
	return b.String()
}

// readClockSummary reads a row's status and packed summary; ok is false
// when it holds no summary of a clock (none kept yet, or a referral out).
func readClockSummary(status, packed string) (s pathways.Summary, ok bool, err error) {
	switch status {
	case "", "none":
		return s, false, nil
	case "problem":
	default:
		s.Status = pathways.ClockStatus(status)
	}
	rest, bad := packed, false
	next := func() string {
		field, after, found := strings.Cut(rest, "|")
		bad = bad || !found
		rest = after
		return field
	}
	for _, d := range summaryDates(&s) {
		if field := next(); field != "" {
			if *d, err = ukcal.ParseDate(field); err != nil {
				return pathways.Summary{}, false, fmt.Errorf("a referral's clock summary %q cannot be read: %w", packed, err)
			}
		}
	}
	s.StoppedBy, s.LeftBy, s.Problem = pathways.EventKind(next()), pathways.EventKind(next()), rest
	if bad {
		return pathways.Summary{}, false, fmt.Errorf("a referral's clock summary %q cannot be read", packed)
	}
	c := &s.Cancer
	for _, st := range []*pathways.Standard{&c.FasterDiagnosis, &c.Treat62, &c.Treat31} {
		st.Applies = !st.Due.IsZero()
	}
	return s, true, nil
}

// clockSummaryUpdate writes a summary; its arguments end with the
// referral's id.
const clockSummaryUpdate = `UPDATE referrals SET clock_status = ?, clock_breach = ?, clock_last_event = ?, clock_left_on = ?,
	clock_summary = ?, on_list = ? WHERE id = ?`

// summaryUpdateArgs sums up a referral's events for clockSummaryUpdate. A
// referral out has no clock here: "none", off the list.
func summaryUpdateArgs(id, direction, kind, urgency string, events []pathways.Event) []any {
	if pathways.Direction(direction) != pathways.In {
		return []any{"none", "", "", "", "", 0, id}
	}
	s := pathways.Summarize(pathways.Urgency(urgency), events)
	status := string(s.Status)
	if s.Problem != "" {
		status = "problem"
	}
	onList := 0
	if pathways.Kind(kind) == pathways.Other || s.OnList() {
		onList = 1
	}
	return []any{status, s.Breach, s.LastEvent, s.LeftListOn, packSummary(s), onList, id}
}

// execQuerier is a transaction.
type execQuerier interface {
	querier
	Exec(query string, args ...any) (sql.Result, error)
}

// refreshReferralSummary sums up the referral's events again and saves
// the summary on its row.
func refreshReferralSummary(q execQuerier, id string) error {
	var direction, kind, urgency string
	err := q.QueryRow(`SELECT direction, kind, urgency FROM referrals WHERE id = ?`, id).Scan(&direction, &kind, &urgency)
	if err != nil {
		return err
	}
	var events []pathways.Event
	if pathways.Direction(direction) == pathways.In {
		if events, err = queryReferralEvents(q, `WHERE referral_id = ?`, id); err != nil {
			return err
		}
	}
	_, err = q.Exec(clockSummaryUpdate, summaryUpdateArgs(id, direction, kind, urgency, events)...)
	return err
}

// ReferralSummary reads the clock summary kept on a referral; ok is false
// when there is none (a referral out, or one not summed up yet).
func (s *Store) ReferralSummary(id string) (pathways.Summary, bool, error) {
	return referralSummary(s.db, id)
}

// ReferralSummary reads the clock summary kept on a referral inside the
// transaction.
func (t *Tx) ReferralSummary(id string) (pathways.Summary, bool, error) {
	return referralSummary(t.tx, id)
}

func referralSummary(q querier, id string) (pathways.Summary, bool, error) {
	var status, packed string
	err := q.QueryRow(`SELECT `+clockSummaryColumns+` FROM referrals r WHERE r.id = ?`, id).Scan(clockSummaryDests(&status, &packed)...)
	if errors.Is(err, sql.ErrNoRows) {
		return pathways.Summary{}, false, ErrNotFound
	}
	if err != nil {
		return pathways.Summary{}, false, err
	}
	return readClockSummary(status, packed)
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
		n := 0
		err := s.Write(func(t *Tx) error {
			var err error
			n, err = fillReferralSummaries(t)
			return err
		})
		if err != nil {
			return filled, err
		}
		filled += n
		if n < referralSummaryFillBatch {
			return filled, nil
		}
	}
}

// fillReferralSummaries sums up one batch: their events in one read.
func fillReferralSummaries(t *Tx) (int, error) {
	type todo struct{ id, direction, kind, urgency string }
	var batch []todo
	rows, err := t.tx.Query(`SELECT id, direction, kind, urgency FROM referrals WHERE clock_status IS NULL LIMIT ?`, referralSummaryFillBatch)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var r todo
		if err := rows.Scan(&r.id, &r.direction, &r.kind, &r.urgency); err != nil {
			rows.Close()
			return 0, err
		}
		batch = append(batch, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(batch) == 0 {
		return 0, err
	}
	ids := make([]string, len(batch))
	for i, r := range batch {
		ids[i] = r.id
	}
	events, err := referralEventsOf(t.tx, ids)
	if err != nil {
		return 0, err
	}
	update, err := t.tx.Prepare(clockSummaryUpdate)
	if err != nil {
		return 0, err
	}
	defer update.Close()
	for _, r := range batch {
		if _, err := update.Exec(summaryUpdateArgs(r.id, r.direction, r.kind, r.urgency, events[r.id])...); err != nil {
			return 0, err
		}
	}
	return len(batch), nil
}
