package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// ReferralRecord is a referral as the desk sees it: with the patient's and
// the clinician's names, its events and the clock computed from them.
type ReferralRecord struct {
	Referral  pathways.Referral
	Patient   string // full name
	NHSNumber string // 10 digits, or empty
	Clinician string // the clinician's name, "" when none
	Events    []pathways.Event
	// Clock is computed from Events as of today. HasClock is false for a
	// referral out: its pathway is the other service's to run.
	Clock    pathways.Clock
	HasClock bool
	// ClockProblem says why no clock could be read from the events (it
	// should never happen: each event is checked against the rules when
	// recorded).
	ClockProblem string
}

// ReferralQuery narrows a list of referrals; empty fields do not narrow.
type ReferralQuery struct {
	PatientID   string
	Direction   pathways.Direction
	Status      pathways.Status
	OpenOnly    bool // open or reply received, not closed
	OwnerID     string
	ClinicianID string
	// WithoutEvents leaves each record's Events empty once its clock is
	// read: the register lists every open referral (thousands in a large
	// clinic) and shows only the clock, so it need not hold their events.
	WithoutEvents bool
}

// clinicianScopeLocked is whose referrals the session sees: everyone's,
// unless a clinician is signed in, who sees those of the diary's
// clinicians linked to their login (none when they are linked to none).
// Caller holds c.mu.
func (c *Clinic) clinicianScopeLocked(s *Session) (ids []string, limited bool, err error) {
	if s.Role != Clinician {
		return nil, false, nil
	}
	cs, err := c.store.Clinicians(false)
	if err != nil {
		return nil, true, err
	}
	for _, cl := range cs {
		if cl.UserID != "" && cl.UserID == s.User.ID {
			ids = append(ids, cl.ID)
		}
	}
	return ids, true, nil
}

// visibleReferralLocked reads a referral the session may see. Caller holds
// c.mu.
func (c *Clinic) visibleReferralLocked(s *Session, id string) (pathways.Referral, error) {
	r, err := c.store.Referral(strings.TrimSpace(id))
	if errors.Is(err, data.ErrNotFound) {
		return r, errors.New("that referral is not in this clinic file: check its id on the list of referrals")
	}
	if err != nil {
		return r, err
	}
	mine, limited, err := c.clinicianScopeLocked(s)
	if err != nil {
		return r, err
	}
	if limited && !slices.Contains(mine, r.ClinicianID) {
		return pathways.Referral{}, errors.New("that referral is not to or from you: a clinician sees only their own referrals")
	}
	return r, nil
}

// referralFilterLocked is the query as the store takes it, narrowed to
// the session's own referrals when a clinician is signed in. Caller holds
// c.mu.
func (c *Clinic) referralFilterLocked(s *Session, q ReferralQuery) (data.ReferralFilter, error) {
	if q.Direction != "" && !q.Direction.Valid() {
		return data.ReferralFilter{}, fmt.Errorf("%q is not a direction: choose in or out", q.Direction)
	}
	if q.Status != "" && !q.Status.Valid() {
		return data.ReferralFilter{}, fmt.Errorf("%q is not a referral status: choose open, replied or closed", q.Status)
	}
	f := data.ReferralFilter{PatientID: q.PatientID, Direction: q.Direction, Status: q.Status, OpenOnly: q.OpenOnly, OwnerID: q.OwnerID}
	var err error
	if f.ClinicianIDs, f.Clinicians, err = c.clinicianScopeLocked(s); err != nil {
		return f, err
	}
	if q.ClinicianID != "" {
		if f.Clinicians && !slices.Contains(f.ClinicianIDs, q.ClinicianID) {
			f.ClinicianIDs = nil // another clinician's: none of theirs is yours
		} else {
			f.ClinicianIDs, f.Clinicians = []string{q.ClinicianID}, true
		}
	}
	return f, nil
}

// Referrals lists referrals, oldest first, each with its clock as of
// today. A clinician sees only their own. The look is audited (one row,
// naming the patient when the list is one patient's).
func (c *Clinic) Referrals(q ReferralQuery) ([]ReferralRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return nil, err
	}
	f, err := c.referralFilterLocked(s, q)
	if err != nil {
		return nil, err
	}
	rows, err := c.store.Referrals(f)
	if err != nil {
		return nil, err
	}
	out, err := c.referralRecordsLocked(c.store, rows, c.today(), !q.WithoutEvents)
	if err != nil {
		return nil, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "referral.list", Entity: "referral", ID: q.PatientID, Patient: q.PatientID,
			Detail: fmt.Sprintf("%d referrals listed", len(out))})
	})
	return out, err
}

// Referral opens one referral with its events and clock; the view is
// audited against the patient.
func (c *Clinic) Referral(id string) (ReferralRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return ReferralRecord{}, err
	}
	r, err := c.visibleReferralLocked(s, id)
	if err != nil {
		return ReferralRecord{}, err
	}
	rows, err := c.store.Referrals(data.ReferralFilter{ID: r.ID})
	if err != nil {
		return ReferralRecord{}, err
	}
	recs, err := c.referralRecordsLocked(c.store, rows, c.today(), true)
	if err != nil || len(recs) != 1 {
		return ReferralRecord{}, errors.Join(err, errors.New("that referral could not be read"))
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "referral.view", Entity: "referral", ID: r.ID, Patient: r.PatientID})
	})
	return recs[0], err
}

// referralEventReader is the store or a transaction.
type referralEventReader interface {
	ReferralEventsOf(ids []string) (map[string][]pathways.Event, error)
}

// referralRecordsBatch is how many referrals' events are read at once:
// a list of thousands never holds all their events together unless the
// caller keeps them.
const referralRecordsBatch = 500

// referralRecordsLocked adds to each row its clock as of asOf, and its
// events when keepEvents. Caller holds c.mu.
func (c *Clinic) referralRecordsLocked(q referralEventReader, rows []data.ReferralRow, asOf ukcal.Date, keepEvents bool) ([]ReferralRecord, error) {
	out := make([]ReferralRecord, 0, len(rows))
	for start := 0; start < len(rows); start += referralRecordsBatch {
		batch := rows[start:min(start+referralRecordsBatch, len(rows))]
		ids := make([]string, len(batch))
		for i, row := range batch {
			ids[i] = row.Referral.ID
		}
		events, err := q.ReferralEventsOf(ids)
		if err != nil {
			return nil, err
		}
		for _, row := range batch {
			rec := ReferralRecord{Referral: row.Referral, Patient: patientFullName(row.Patient), NHSNumber: row.Patient.NHSNumber,
				Clinician: row.ClinicianName, Events: events[row.Referral.ID]}
			if row.Referral.Direction == pathways.In {
				rec.Clock, err = referralClock(row.Referral, rec.Events, asOf)
				if err != nil {
					rec.ClockProblem = err.Error()
				} else {
					rec.HasClock = true
				}
			}
			if !keepEvents {
				rec.Events = nil
			}
			out = append(out, rec)
		}
	}
	return out, nil
}
