package app

import (
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// permissionToMove is what moving a complaint to a status needs:
// receptionists acknowledge and start the investigation; sending the
// signed final response, closing and referring to the Ombudsman are a
// manager's decisions.
func permissionToMove(to complaints.Status) Permission {
	switch to {
	case complaints.Acknowledged, complaints.Investigating:
		return PermLogComplaints
	}
	return PermDecideComplaints
}

// MoveComplaint moves a complaint one step through the workflow, with the
// outcome (for the final response and closing), the name of the
// responsible person who signed the final response, and an optional note.
// complaints.Move decides; a refusal is its plain-English sentence
// (errors.Is matches complaints.ErrSkipsStep and the other kinds).
// Acknowledging records the date and, when no response period has been
// agreed, the default from Settings. Every move is written to the
// complaint's history and the audit trail.
func (c *Clinic) MoveComplaint(id string, to complaints.Status, outcome complaints.Outcome, signedOffBy, note string) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(permissionToMove(to))
	if err != nil {
		return ComplaintRecord{}, err
	}
	signedOffBy, note = cleanText(signedOffBy), cleanText(note)
	var stored complaints.Complaint
	var history []complaints.Transition
	var cc complaintContext
	err = c.writeAs(s, func(tx *writeTx) error {
		if cc, err = c.complaintContext(tx); err != nil {
			return err
		}
		if stored, err = tx.Complaint(id); err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		from := stored.Status
		// The finding and sign-off stand once made: closing after the final
		// response keeps them unless a new outcome is given.
		if outcome == complaints.NoOutcome {
			outcome = stored.Outcome
		}
		facts := complaints.Facts{Channel: stored.Channel, Received: stored.Received,
			Outcome: outcome, SignedOffBy: signedOffBy, Region: stored.Rules.Region()}
		now := c.clock().UTC()
		move, err := complaints.Move(from, to, facts, s.User.Username, now)
		if err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		defaultDays := cs.DefaultResponseDays
		if stored.Rules.FixedResponseWorkingDays() > 0 {
			defaultDays = 0 // the nation's own period runs; nothing to agree
		}
		applyMove(&stored, move, defaultDays)
		stored.UpdatedAt = now
		stored.NextDue = stored.NextDeadline()
		if err := tx.UpdateComplaint(stored); err != nil {
			return err
		}
		if err := tx.InsertComplaintTransition(complaints.Transition{ComplaintID: id, From: move.From, To: move.To,
			At: move.At, By: move.By, Outcome: move.Outcome, SignedOffBy: move.SignedOffBy, Note: note}); err != nil {
			return err
		}
		if history, err = tx.ComplaintHistory(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.move", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference + ": " + move.String()})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, history)}
	return recs[0], c.complaintNames(recs)
}

// applyMove records a move complaints.Move allowed on the stored complaint:
// its status, the finding and sign-off, and on acknowledgement the date and,
// when none was agreed, the default response period.
func applyMove(stored *complaints.Complaint, move complaints.Transition, defaultDays int) {
	stored.Status, stored.StatusAt, stored.StatusBy = move.To, move.At, move.By
	if move.Outcome != complaints.NoOutcome {
		stored.Outcome = move.Outcome
	}
	if move.SignedOffBy != "" {
		stored.SignedOffBy = move.SignedOffBy
	}
	if move.To == complaints.Acknowledged {
		stored.Acknowledged = ukcal.Today(move.At)
		if stored.ResponsePeriod.IsZero() {
			stored.ResponsePeriod = complaints.AgreedWorkingDays(defaultDays)
		}
	}
}
