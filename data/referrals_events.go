package data

import (
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

const referralEventColumns = `id, referral_id, kind, on_date, appointment_id, note, recorded_by, recorded_at`

// InsertReferralEvent appends an event to a referral's pathway and sums
// up its clock again on the referral's row. Events are never changed or
// deleted (the table's triggers refuse it).
func (t *Tx) InsertReferralEvent(e pathways.Event) error {
	return t.InsertReferralEvents([]pathways.Event{e})
}

// InsertReferralEvents appends events, then sums up each referral they
// are on once (a generated history adds a pathway's events at once).
func (t *Tx) InsertReferralEvents(events []pathways.Event) error {
	var referrals []string
	for _, e := range events {
		_, err := t.tx.Exec(`INSERT INTO referral_events (id, referral_id, kind, on_date, appointment_id, note, recorded_by, recorded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, e.ReferralID, string(e.Kind), e.On, e.AppointmentID, e.Note, e.By, instant(e.At))
		if err != nil {
			return err
		}
		if !slices.Contains(referrals, e.ReferralID) {
			referrals = append(referrals, e.ReferralID)
		}
	}
	for _, id := range referrals {
		if err := refreshReferralSummary(t.tx, id); err != nil {
			return err
		}
	}
	return nil
}

// ReferralEvents lists a referral's events in the order they happened
// (and, on one day, the order they were recorded).
func (s *Store) ReferralEvents(referralID string) ([]pathways.Event, error) {
	return queryReferralEvents(s.db, `WHERE referral_id = ?`, referralID)
}

// ReferralEvents lists a referral's events inside the transaction.
func (t *Tx) ReferralEvents(referralID string) ([]pathways.Event, error) {
	return queryReferralEvents(t.tx, `WHERE referral_id = ?`, referralID)
}

// ReferralEventsOf reads the events of many referrals, keyed by referral.
func (s *Store) ReferralEventsOf(ids []string) (map[string][]pathways.Event, error) {
	return referralEventsOf(s.db, ids)
}

// ReferralEventsOf reads the events of many referrals inside the
// transaction.
func (t *Tx) ReferralEventsOf(ids []string) (map[string][]pathways.Event, error) {
	return referralEventsOf(t.tx, ids)
}

// referralEventsBatch keeps each query's parameters well under SQLite's
// limit.
const referralEventsBatch = 500

func referralEventsOf(q querier, ids []string) (map[string][]pathways.Event, error) {
	out := make(map[string][]pathways.Event, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), referralEventsBatch)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		events, err := queryReferralEvents(q, `WHERE referral_id IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, e := range events {
			out[e.ReferralID] = append(out[e.ReferralID], e)
		}
		ids = ids[n:]
	}
	return out, nil
}

// queryReferralEvents reads events chosen by where (a fixed clause with
// parameters, never input).
func queryReferralEvents(q querier, where string, args ...any) ([]pathways.Event, error) {
	rows, err := q.Query(`SELECT `+referralEventColumns+` FROM referral_events `+where+` ORDER BY on_date, recorded_at, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pathways.Event
	for rows.Next() {
		var e pathways.Event
		var kind, at string
		if err := rows.Scan(&e.ID, &e.ReferralID, &kind, &e.On, &e.AppointmentID, &e.Note, &e.By, &at); err != nil {
			return nil, err
		}
		e.Kind = pathways.EventKind(kind)
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// LinkReferralAppointment records that an appointment was booked for a
// referral, so its attendance or DNA is the referral's event.
func (t *Tx) LinkReferralAppointment(referralID, appointmentID string) error {
	_, err := t.tx.Exec(`INSERT INTO referral_appointments (appointment_id, referral_id) VALUES (?, ?)`, appointmentID, referralID)
	return err
}

// AppointmentReferral is the referral an appointment was booked for, or
// "" when it was booked for none.
func (t *Tx) AppointmentReferral(appointmentID string) (string, error) {
	var id string
	err := t.tx.QueryRow(`SELECT referral_id FROM referral_appointments WHERE appointment_id = ?`, appointmentID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// NextReferralAppointment is the earliest appointment booked for the
// referral that is still booked on or after the day given, or "" when
// there is none: the one an acknowledgement tells the referrer about,
// whether it was the first booked or a rebooking after a cancellation.
func (s *Store) NextReferralAppointment(referralID string, from ukcal.Date) (string, error) {
	return nextReferralAppointment(s.db, referralID, from)
}

// NextReferralAppointment inside the transaction: after a first
// appointment is cancelled, another still booked becomes the first.
func (t *Tx) NextReferralAppointment(referralID string, from ukcal.Date) (string, error) {
	return nextReferralAppointment(t.tx, referralID, from)
}

func nextReferralAppointment(q querier, referralID string, from ukcal.Date) (string, error) {
	var id string
	err := q.QueryRow(`SELECT a.id FROM referral_appointments ra JOIN appointments a ON a.id = ra.appointment_id
		WHERE ra.referral_id = ? AND a.status = 'booked' AND a.date >= ? ORDER BY a.date, a.start_min LIMIT 1`, referralID, from).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}
