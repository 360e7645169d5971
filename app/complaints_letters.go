package app

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// Complaint letters (SPEC §2.4): the acknowledgement, the delay letter and
// the final response, written to the complainant from the clinic's
// templates. They are logged on the complaint, never on the patient's
// correspondence log: the complaint file is kept apart from the clinical
// record, and the complainant may not be the patient at all.

// The complaint letter templates.
const (
	ComplaintAckTemplate   = "complaint_ack"
	ComplaintDelayTemplate = "complaint_delay"
	ComplaintFinalTemplate = "complaint_final"
)

// complaintLetterNotePrefix starts the note that logs a letter on the
// complaint, so the complaint screen can tell letters from other notes.
const complaintLetterNotePrefix = "Letter written: "

// ComplaintLetterRequest is one complaint letter to write, with the words
// the complaints lead writes for it. A blank line in the free text starts a
// new paragraph; lines starting "- " print as a list.
type ComplaintLetterRequest struct {
	ComplaintID string // its id, or its reference as shown ("C-2026-014")
	Template    string // ComplaintAckTemplate, ComplaintDelayTemplate or ComplaintFinalTemplate
	// Summary is the complaint as the letter sets it out, quoted on its
	// own (typed text never completes a sentence); blank uses the
	// complaint's description.
	Summary string

	// The delay letter: why, and the new date the response is expected by
	// (recorded on the complaint as the agreed response date).
	DelayReason    string
	NewResponseDue ukcal.Date

	// The final response: how it was looked into, what was found and what
	// has been done, signed by the responsible person, by name. SignedOffBy
	// may be left blank once the final response has been signed off on the
	// complaint; it must then be that name.
	Investigation, Conclusions, Actions string
	SignedOffBy                         string
	// Outcome is the decision the final response states. It may be left
	// as NoOutcome when one is recorded on the complaint; a new one is
	// recorded with the letter, until the response has been sent.
	Outcome complaints.Outcome
}

// ComplaintLetterTitle is what the complaint screen and the log call a
// complaint letter: "Acknowledgement letter".
func ComplaintLetterTitle(template string) string {
	switch template {
	case ComplaintAckTemplate:
		return "Acknowledgement letter"
	case ComplaintDelayTemplate:
		return "Delay letter"
	case ComplaintFinalTemplate:
		return "Final response"
	}
	return template
}

// IsComplaintLetterNote reports whether a complaint note logs a letter.
func IsComplaintLetterNote(n complaints.Note) bool {
	return n.Kind == ComplaintNoteKind && strings.HasPrefix(n.Body, complaintLetterNotePrefix)
}

// SuggestedComplaintSummary is the recorded description, offered by the
// screen for editing into the summary the letters quote. It is set off in
// the letter as written (the letter gives it a capital and a full stop),
// so it needs no rewording to fit a sentence.
func SuggestedComplaintSummary(description string) string {
	return strings.TrimSpace(description)
}

// RenderComplaintLetter writes a complaint letter to the complainant,
// logs it on the complaint (a note naming the letter and its SHA-256),
// keeps what was printed so it can be printed again, and audits it. The
// delay letter also records that a delay letter was sent and the new
// response date; the final response is a manager's and is signed by the
// responsible person named on it.
func (c *Clinic) RenderComplaintLetter(req ComplaintLetterRequest) (LetterResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return LetterResult{}, err
	}
	need := PermLogComplaints
	if req.Template == ComplaintFinalTemplate {
		need = PermDecideComplaints
	}
	if _, err := c.require(need); err != nil {
		return LetterResult{}, err
	}
	if !slices.Contains([]string{ComplaintAckTemplate, ComplaintDelayTemplate, ComplaintFinalTemplate}, req.Template) {
		return LetterResult{}, fmt.Errorf("%q is not a complaint letter: choose the acknowledgement, the delay letter or the final response", req.Template)
	}
	stored, err := complaintByIDOrReference(c.store, req.ComplaintID)
	if err != nil {
		return LetterResult{}, err
	}
	history, err := c.store.ComplaintHistory(stored.ID)
	if err != nil {
		return LetterResult{}, err
	}
	cc, err := c.complaintContext(c.store)
	if err != nil {
		return LetterResult{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, history)}
	if err := c.complaintNames(recs); err != nil {
		return LetterResult{}, err
	}
	rec := recs[0]
	if err := checkLetterStage(req.Template, rec.Status); err != nil {
		return LetterResult{}, err
	}
	cs, err := c.store.ComplaintSettings()
	if err != nil {
		return LetterResult{}, err
	}
	tmpl, err := c.templateLocked(req.Template)
	if err != nil {
		return LetterResult{}, err
	}
	window, err := readLetterWindow(c.store)
	if err != nil {
		return LetterResult{}, err
	}
	details, err := c.store.Clinic()
	if err != nil {
		return LetterResult{}, err
	}
	var patient *patients.Patient
	if rec.PatientID != "" {
		p, err := c.store.Patient(rec.PatientID)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return LetterResult{}, err
		}
		if err == nil {
			patient = &p
		}
	}
	outcome, err := finalResponseOutcome(req, rec)
	if err != nil {
		return LetterResult{}, err
	}
	fields, err := c.complaintLetterFields(req, rec, patient, details, cs, cc)
	if err != nil {
		return LetterResult{}, err
	}
	if outcome.Decided() {
		fields.Complaint.Outcome = strings.ToLower(outcome.Label())
	}
	to, err := complainantRecipient(rec, patient)
	if err != nil {
		return LetterResult{}, err
	}
	signatory := letters.Signatory{Name: s.User.FullName, Role: s.Role.Label()}
	if req.Template == ComplaintFinalTemplate {
		if signatory, err = finalResponseSignatory(req.SignedOffBy, rec.SignedOffBy, s); err != nil {
			return LetterResult{}, err
		}
	}
	l, err := buildComplaintLetter(tmpl, fields, to, signatory, window, details)
	if err != nil {
		return LetterResult{}, err
	}
	// The patient's own large-print need goes with them when they complain.
	l.LargePrint = rec.Complainant == complaints.ComplainantPatient && patient != nil && wantsLargePrint(*patient)
	var buf bytes.Buffer
	ws, err := letters.RenderLetter(&buf, l)
	if err != nil {
		return LetterResult{}, err
	}
	var warnings []string
	if rec.Complainant == complaints.ComplainantPatient && patient != nil {
		warnings = aisWarnings(*patient)
	}
	warnings = append(warnings, ws.Messages()...)
	sum := sha256Hex(buf.Bytes())
	title := ComplaintLetterTitle(req.Template)
	n := complaints.Note{ID: uuid.Must(uuid.NewV7()).String(), ComplaintID: stored.ID, Kind: ComplaintNoteKind,
		Body: fmt.Sprintf("%s%s (SHA-256 %s…)", complaintLetterNotePrefix, title, sum[:16]),
		By:   s.User.Username, At: c.clock().UTC()}
	kept, err := keptComplaintLetter(stored.ID, req.Template, title, l, warnings, sum, n.By, n.At)
	if err != nil {
		return LetterResult{}, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if req.Template == ComplaintDelayTemplate {
			// The delay letter tells the complainant the new date: it is
			// the date now agreed, and no further delay letter is owed.
			fresh, err := tx.Complaint(stored.ID)
			if err != nil {
				return err
			}
			fresh.DelayLetterSent = cc.today
			fresh.ResponsePeriod = complaints.AgreedDate(req.NewResponseDue)
			fresh.UpdatedAt = n.At
			fresh.NextDue = fresh.NextDeadline()
			if err := tx.UpdateComplaint(fresh); err != nil {
				return err
			}
		}
		if req.Template == ComplaintFinalTemplate && outcome != stored.Outcome {
			// The decision the letter states is the complaint's: the move
			// to "response sent" then offers it, and the return counts it.
			fresh, err := tx.Complaint(stored.ID)
			if err != nil {
				return err
			}
			fresh.Outcome, fresh.UpdatedAt = outcome, n.At
			if err := tx.UpdateComplaint(fresh); err != nil {
				return err
			}
		}
		if err := tx.InsertComplaintNote(n); err != nil {
			return err
		}
		if err := tx.InsertComplaintLetter(kept); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.letter", Entity: "complaint", ID: stored.ID, Patient: stored.PatientID, Detail: fmt.Sprintf("%s: %s sha256=%s letter=%s", stored.Reference, req.Template, sum, kept.ID)})
	})
	if err != nil {
		return LetterResult{}, err
	}
	return LetterResult{PDF: buf.Bytes(), Warnings: warnings, RecordID: kept.ID, SHA256: sum,
		FileName: complaintLetterFileName(title, stored.Reference, cc.today)}, nil
}

// checkLetterStage refuses a letter that does not fit where the complaint
// is: an acknowledgement once the investigation has started, a delay
// letter once the response has gone, a final response before the
// investigation.
func checkLetterStage(template string, st complaints.Status) error {
	switch template {
	case ComplaintAckTemplate:
		if st != complaints.Received && st != complaints.Acknowledged {
			return fmt.Errorf("the complaint is %s: the acknowledgement letter is written when it is received", strings.ToLower(st.Label()))
		}
	case ComplaintDelayTemplate:
		if st != complaints.Received && st != complaints.Acknowledged && st != complaints.Investigating {
			return fmt.Errorf("the complaint is %s: a delay letter is only for a response not yet sent", strings.ToLower(st.Label()))
		}
	case ComplaintFinalTemplate:
		if st == complaints.Received || st == complaints.Acknowledged {
			return errors.New("the final response is written once the complaint has been investigated: start the investigation first")
		}
	}
	return nil
}

// ErrNoOutcome: the final response must tell the complainant what was
// decided, so it is not written until there is a decision.
var ErrNoOutcome = errors.New("the complaint has no outcome yet: choose whether it is upheld, partially upheld or not upheld " +
	"before writing the final response, which must say so")

// finalResponseOutcome is the decision a final response states: the one
// given with the letter, or the one recorded. Once the response has been
// sent, the recorded one stands.
func finalResponseOutcome(req ComplaintLetterRequest, rec ComplaintRecord) (complaints.Outcome, error) {
	if req.Template != ComplaintFinalTemplate {
		return rec.Outcome, nil
	}
	if req.Outcome != complaints.NoOutcome && !req.Outcome.Decided() {
		return "", fmt.Errorf("%q is not an outcome: choose upheld, partially upheld or not upheld", string(req.Outcome))
	}
	sent := rec.Status != complaints.Investigating
	switch {
	case req.Outcome == complaints.NoOutcome && !rec.Outcome.Decided():
		return "", ErrNoOutcome
	case req.Outcome == complaints.NoOutcome:
		return rec.Outcome, nil
	case sent && rec.Outcome.Decided() && req.Outcome != rec.Outcome:
		return "", fmt.Errorf("the final response was recorded as %s: a letter sent again must say the same", strings.ToLower(rec.Outcome.Label()))
	}
	return req.Outcome, nil
}
