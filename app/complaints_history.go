package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// HistoricComplaint is a complaint with the history it already has, for a
// generated register (seed, demo): logged at LoggedAt by LoggedBy, then
// each move in order, with its notes.
type HistoricComplaint struct {
	Details  complaints.Details
	LoggedAt time.Time
	LoggedBy string // a user name
	Moves    []HistoricMove
	Notes    []complaints.Note // Kind, Body, By and At; the rest is filled in
}

// HistoricMove is one step of a HistoricComplaint.
type HistoricMove struct {
	To          complaints.Status
	At          time.Time
	By          string
	Outcome     complaints.Outcome
	SignedOffBy string
	Note        string
}

// AddComplaintHistory adds generated complaints with their histories in
// one transaction (managers only): each is checked as LogComplaint checks
// it as of the day it was logged, and every move by complaints.Move as of
// the time it was made, so a generated register obeys the same rules as a
// typed one. Each complaint is audited once, as generated. Nothing is
// added if any is refused.
func (c *Clinic) AddComplaintHistory(batch []HistoricComplaint) (int, error) {
	err := c.do(PermDecideComplaints, func(tx *writeTx) error {
		cc, err := c.complaintContext(tx)
		if err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		for i, h := range batch {
			if err := c.addHistoricComplaint(tx, cc.region, cs, h); err != nil {
				return fmt.Errorf("generated complaint %d (received %s): %w", i+1, h.Details.Received, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(batch), nil
}

func (c *Clinic) addHistoricComplaint(tx *writeTx, region ukcal.Region, cs complaints.Settings, h HistoricComplaint) error {
	d := h.Details
	if h.LoggedAt.IsZero() || strings.TrimSpace(h.LoggedBy) == "" {
		return errors.New("say when and by whom it was logged")
	}
	if err := checkComplaintDetails(tx, &d, cs, region, ukcal.Today(h.LoggedAt)); err != nil {
		return err
	}
	year := d.Received.Year()
	seq, err := tx.NextComplaintSeq(year)
	if err != nil {
		return err
	}
	at := h.LoggedAt.UTC()
	stored := complaints.Complaint{ID: uuid.Must(uuid.NewV7()).String(), Reference: fmt.Sprintf("C-%d-%03d", year, seq),
		RefYear: year, RefSeq: seq, Status: complaints.Received, StatusAt: at, StatusBy: h.LoggedBy,
		CreatedAt: at, CreatedBy: h.LoggedBy}
	applyDetails(&stored, d)
	history := []complaints.Transition{{ComplaintID: stored.ID, To: stored.Status, At: at, By: h.LoggedBy}}
	last := at
	for _, m := range h.Moves {
		if m.At.Before(last) {
			return fmt.Errorf("the move to %s is dated before the step before it", m.To)
		}
		outcome := m.Outcome
		if outcome == complaints.NoOutcome {
			outcome = stored.Outcome
		}
		move, err := complaints.Move(stored.Status, m.To, complaints.Facts{Channel: d.Channel,
			Received: d.Received, Outcome: outcome, SignedOffBy: m.SignedOffBy, Region: d.Rules.Region()}, m.By, m.At)
		if err != nil {
			return err
		}
		defaultDays := cs.DefaultResponseDays
		if d.Rules.FixedResponseWorkingDays() > 0 {
			defaultDays = 0
		}
		applyMove(&stored, move, defaultDays)
		history = append(history, complaints.Transition{ComplaintID: stored.ID, From: move.From, To: move.To,
			At: move.At, By: move.By, Outcome: move.Outcome, SignedOffBy: move.SignedOffBy, Note: cleanText(m.Note)})
		last = m.At
	}
	stored.UpdatedAt = last.UTC()
	stored.NextDue = stored.NextDeadline()
	if err := tx.InsertComplaint(stored); err != nil {
		return err
	}
	for _, t := range history {
		if err := tx.InsertComplaintTransition(t); err != nil {
			return err
		}
	}
	for _, n := range h.Notes {
		n.ID, n.ComplaintID, n.Body = uuid.Must(uuid.NewV7()).String(), stored.ID, cleanText(n.Body)
		if err := tx.InsertComplaintNote(n); err != nil {
			return err
		}
	}
	return tx.audit(auditEvent{Action: "complaint.log", Entity: "complaint", ID: stored.ID, Patient: stored.PatientID, Detail: fmt.Sprintf("%s generated: %s, received %s, now %s", stored.Reference, d.Channel, stored.Received, stored.Status)})
}
