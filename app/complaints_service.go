package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The complaints register (SPEC §2.4). The rules are app/complaints'; this
// file stores, permits and audits. Every change is audited with the
// patient's id when the complaint is about a patient, so the patient's
// audit export shows it, but the complaint never appears on the clinical
// timeline (see complaintLinks in timeline.go).

// LogComplaint records a new complaint, received, with the next reference
// of the year it was received in ("C-2026-014").
func (c *Clinic) LogComplaint(d complaints.Details) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return ComplaintRecord{}, err
	}
	if err := c.checkOwner(d.OwnerID); err != nil {
		return ComplaintRecord{}, err
	}
	var stored complaints.Complaint
	var cc complaintContext
	err = c.writeAs(s, func(tx *writeTx) error {
		if cc, err = c.complaintContext(tx); err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		if err := checkComplaintDetails(tx, &d, cs, cc.region, cc.today); err != nil {
			return err
		}
		year := d.Received.Year()
		seq, err := tx.NextComplaintSeq(year)
		if err != nil {
			return err
		}
		now := c.clock().UTC()
		stored = complaints.Complaint{ID: uuid.Must(uuid.NewV7()).String(), Reference: fmt.Sprintf("C-%d-%03d", year, seq),
			RefYear: year, RefSeq: seq, Status: complaints.Received, StatusAt: now, StatusBy: s.User.Username,
			CreatedAt: now, CreatedBy: s.User.Username, UpdatedAt: now}
		applyDetails(&stored, d)
		stored.NextDue = stored.NextDeadline()
		if err := tx.InsertComplaint(stored); err != nil {
			return err
		}
		if err := tx.InsertComplaintTransition(complaints.Transition{ComplaintID: stored.ID, To: stored.Status,
			At: now, By: s.User.Username}); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s logged: %s, received %s", stored.Reference, d.Channel, stored.Received)
		return tx.audit(auditEvent{Action: "complaint.log", Entity: "complaint", ID: stored.ID, Patient: stored.PatientID, Detail: detail})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, nil)}
	return recs[0], c.complaintNames(recs)
}

// UpdateComplaint saves changes to a complaint's details: who, what, when,
// the agreed response period, the delay letter and learning. Its status
// changes only through MoveComplaint.
func (c *Clinic) UpdateComplaint(id string, d complaints.Details) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return ComplaintRecord{}, err
	}
	if err := c.checkOwner(d.OwnerID); err != nil {
		return ComplaintRecord{}, err
	}
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
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		// A rule set left blank is kept, never reset to today's defaults.
		if d.Rules.Nation == "" {
			d.Rules.Nation = stored.Rules.Nation
		}
		if d.Rules.Funding == "" {
			d.Rules.Funding = stored.Rules.Funding
		}
		if err := checkComplaintDetails(tx, &d, cs, cc.region, cc.today); err != nil {
			return err
		}
		if d.Received.Year() != stored.RefYear {
			return fmt.Errorf("%s was numbered for complaints received in %d: log a new complaint if it was received in %d",
				stored.Reference, stored.RefYear, d.Received.Year())
		}
		before := stored
		applyDetails(&stored, d)
		stored.UpdatedAt = c.clock().UTC()
		stored.NextDue = stored.NextDeadline()
		if err := tx.UpdateComplaint(stored); err != nil {
			return err
		}
		if history, err = tx.ComplaintHistory(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.update", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: "changed: " + strings.Join(complaintChanges(before, stored), ", ")})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, history)}
	return recs[0], c.complaintNames(recs)
}

// complaintChanges names the fields that differ, for the audit trail
// (names only: the complaint's own text stays in the register).
func complaintChanges(a, b complaints.Complaint) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("complainant", a.ComplainantName != b.ComplainantName || a.ComplainantAddress != b.ComplainantAddress ||
		a.ComplainantPhone != b.ComplainantPhone || a.ComplainantEmail != b.ComplainantEmail || a.Complainant != b.Complainant)
	add("consent", a.Consent != b.Consent || a.ConsentDate != b.ConsentDate || a.ConsentNote != b.ConsentNote)
	add("patient", a.PatientID != b.PatientID)
	add("appointments", !slices.Equal(a.AppointmentIDs, b.AppointmentIDs))
	add("channel", a.Channel != b.Channel)
	add("dates", a.Received != b.Received || a.Events != b.Events || a.Aware != b.Aware)
	add("subjects", !slices.Equal(a.Subjects, b.Subjects))
	add("staff groups", !slices.Equal(a.StaffGroups, b.StaffGroups))
	add("description", a.Description != b.Description || a.DesiredOutcome != b.DesiredOutcome)
	add("owner", a.OwnerID != b.OwnerID)
	add("response period", a.ResponsePeriod != b.ResponsePeriod)
	add("delay letter", a.DelayLetterSent != b.DelayLetterSent)
	add("learning", a.Learning != b.Learning)
	add("procedure", a.Rules != b.Rules)
	add("stage 2", a.Stage2 != b.Stage2)
	if len(out) == 0 {
		out = []string{"nothing"}
	}
	return out
}

// AddComplaintNote adds a note, an action agreed or learning (kind
// ComplaintNoteKind, ComplaintActionKind or ComplaintLearningKind).
func (c *Clinic) AddComplaintNote(id, kind, body string) (complaints.Note, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return complaints.Note{}, err
	}
	body = cleanText(body)
	if body == "" {
		return complaints.Note{}, errors.New("the note is empty")
	}
	if !slices.Contains([]string{ComplaintNoteKind, ComplaintActionKind, ComplaintLearningKind}, kind) {
		return complaints.Note{}, fmt.Errorf("a complaint note is a note, an action or learning, not %q", kind)
	}
	n := complaints.Note{ID: uuid.Must(uuid.NewV7()).String(), ComplaintID: id, Kind: kind, Body: body,
		By: s.User.Username, At: c.clock().UTC()}
	err = c.writeAs(s, func(tx *writeTx) error {
		stored, err := tx.Complaint(id)
		if err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		if err := tx.InsertComplaintNote(n); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.note", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference + ": " + kind})
	})
	return n, err
}

// Complaint opens one complaint with its history and notes. Opening it is
// audited: the file holds personal data.
func (c *Clinic) Complaint(id string) (ComplaintFile, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewComplaints)
	if err != nil {
		return ComplaintFile{}, err
	}
	stored, err := c.store.Complaint(id)
	if err != nil {
		return ComplaintFile{}, notFound(err, "that complaint is not in the register")
	}
	history, err := c.store.ComplaintHistory(id)
	if err != nil {
		return ComplaintFile{}, err
	}
	notes, err := c.store.ComplaintNotes(id)
	if err != nil {
		return ComplaintFile{}, err
	}
	cc, err := c.complaintContext(c.store)
	if err != nil {
		return ComplaintFile{}, err
	}
	f := ComplaintFile{ComplaintRecord: cc.record(stored, history), Notes: notes}
	recs := []ComplaintRecord{f.ComplaintRecord}
	if err := c.complaintNames(recs); err != nil {
		return ComplaintFile{}, err
	}
	f.ComplaintRecord = recs[0]
	for _, h := range history {
		f.History = append(f.History, ComplaintStep{Transition: h, Logged: h.From == ""})
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "complaint.view", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference})
	})
	return f, err
}

// complaintLinks are a patient's complaints as timeline entries: one link
// each, "Complaint C-2026-014 (open)", with nothing of the complaint's
// content, and only for those who may see the register. Clinicians get
// none: complaint files are kept apart from the clinical record. Caller
// holds c.mu with a session that may view patients.
func (c *Clinic) complaintLinks(patientID string) ([]TimelineEntry, error) {
	if !c.session.Role.Can(PermViewComplaints) {
		return nil, nil
	}
	list, err := c.store.Complaints(data.ComplaintFilter{PatientID: patientID})
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, 0, len(list))
	for _, k := range list {
		state := "open"
		if !k.Status.Open() {
			state = "closed"
		}
		out = append(out, TimelineEntry{At: k.CreatedAt, Kind: "complaint", By: k.CreatedBy, ComplaintID: k.ID,
			Title: fmt.Sprintf("Complaint %s (%s)", k.Reference, state)})
	}
	return out, nil
}
