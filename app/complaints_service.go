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
func (c *Clinic) LogComplaint(d ComplaintDetails) (ComplaintRecord, error) {
	var stored data.Complaint
	var cc complaintContext
	var recs []ComplaintRecord
	err := c.doWith(PermLogComplaints, writeSteps{before: c.ownerChecked(d.OwnerID), after: func(err error) error {
		if err != nil {
			return err
		}
		recs = []ComplaintRecord{cc.record(stored, nil)}
		return c.complaintNames(recs)
	}}, func(tx *writeTx) error {
		s := tx.session
		var err error
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
		stored = data.Complaint{ID: uuid.Must(uuid.NewV7()).String(), Reference: fmt.Sprintf("C-%d-%03d", year, seq),
			RefYear: year, RefSeq: seq, Status: string(complaints.Received), StatusAt: now, StatusBy: s.User.Username,
			CreatedAt: now, CreatedBy: s.User.Username, UpdatedAt: now}
		applyDetails(&stored, d)
		stored.NextDue = nextDue(stored)
		if err := tx.InsertComplaint(stored); err != nil {
			return err
		}
		if err := tx.InsertComplaintTransition(data.ComplaintTransition{ComplaintID: stored.ID, To: stored.Status,
			At: now, By: s.User.Username}); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s logged: %s, received %s", stored.Reference, d.Channel, stored.Received)
		return tx.audit(auditEvent{Action: "complaint.log", Entity: "complaint", ID: stored.ID, Patient: stored.PatientID, Detail: detail})
	})
	if recs == nil {
		return ComplaintRecord{}, err
	}
	return recs[0], err
}

// UpdateComplaint saves changes to a complaint's details: who, what, when,
// the agreed response period, the delay letter and learning. Its status
// changes only through MoveComplaint.
func (c *Clinic) UpdateComplaint(id string, d ComplaintDetails) (ComplaintRecord, error) {
	var stored data.Complaint
	var history []data.ComplaintTransition
	var cc complaintContext
	var recs []ComplaintRecord
	err := c.doWith(PermLogComplaints, writeSteps{before: c.ownerChecked(d.OwnerID), after: func(err error) error {
		if err != nil {
			return err
		}
		recs = []ComplaintRecord{cc.record(stored, history)}
		return c.complaintNames(recs)
	}}, func(tx *writeTx) error {
		var err error
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
			d.Rules.Nation = complaints.Nation(stored.Nation)
		}
		if d.Rules.Funding == "" {
			d.Rules.Funding = complaints.Funding(stored.Funding)
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
		stored.NextDue = nextDue(stored)
		if err := tx.UpdateComplaint(stored); err != nil {
			return err
		}
		if history, err = tx.ComplaintHistory(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.update", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: "changed: " + strings.Join(complaintChanges(before, stored), ", ")})
	})
	if recs == nil {
		return ComplaintRecord{}, err
	}
	return recs[0], err
}

// complaintChanges names the fields that differ, for the audit trail
// (names only: the complaint's own text stays in the register).
func complaintChanges(a, b data.Complaint) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("complainant", a.ComplainantName != b.ComplainantName || a.ComplainantAddress != b.ComplainantAddress ||
		a.ComplainantPhone != b.ComplainantPhone || a.ComplainantEmail != b.ComplainantEmail || a.ComplainantStatus != b.ComplainantStatus)
	add("consent", a.Consent != b.Consent || a.ConsentDate != b.ConsentDate || a.ConsentNote != b.ConsentNote)
	add("patient", a.PatientID != b.PatientID)
	add("appointments", !slices.Equal(a.AppointmentIDs, b.AppointmentIDs))
	add("channel", a.Channel != b.Channel)
	add("dates", a.Received != b.Received || a.EventsDate != b.EventsDate || a.AwareDate != b.AwareDate)
	add("subjects", !slices.Equal(a.Subjects, b.Subjects))
	add("staff groups", !slices.Equal(a.StaffGroups, b.StaffGroups))
	add("description", a.Description != b.Description || a.DesiredOutcome != b.DesiredOutcome)
	add("owner", a.OwnerID != b.OwnerID)
	add("response period", a.ResponseDays != b.ResponseDays || a.ResponseUntil != b.ResponseUntil)
	add("delay letter", a.DelayLetterSent != b.DelayLetterSent)
	add("learning", a.Learning != b.Learning)
	add("procedure", a.Nation != b.Nation || a.Funding != b.Funding)
	add("stage 2", a.Stage2From != b.Stage2From)
	if len(out) == 0 {
		out = []string{"nothing"}
	}
	return out
}

// AddComplaintNote adds a note, an action agreed or learning (kind
// ComplaintNoteKind, ComplaintActionKind or ComplaintLearningKind).
func (c *Clinic) AddComplaintNote(id, kind, body string) (complaints.Note, error) {
	body = cleanText(body)
	if body == "" {
		return complaints.Note{}, errors.New("the note is empty")
	}
	if !slices.Contains([]string{ComplaintNoteKind, ComplaintActionKind, ComplaintLearningKind}, kind) {
		return complaints.Note{}, fmt.Errorf("a complaint note is a note, an action or learning, not %q", kind)
	}
	var n complaints.Note
	err := c.do(PermLogComplaints, func(tx *writeTx) error {
		n = complaints.Note{ID: uuid.Must(uuid.NewV7()).String(), ComplaintID: id, Kind: kind, Body: body,
			By: tx.session.User.Username, At: c.clock().UTC()}
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
	var stored data.Complaint
	var f ComplaintFile
	// Read before the transaction, which has no twin for the notes.
	read := func(*Session) error {
		var err error
		stored, err = c.store.Complaint(id)
		if err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		history, err := c.store.ComplaintHistory(id)
		if err != nil {
			return err
		}
		notes, err := c.store.ComplaintNotes(id)
		if err != nil {
			return err
		}
		cc, err := c.complaintContext(c.store)
		if err != nil {
			return err
		}
		file := ComplaintFile{ComplaintRecord: cc.record(stored, history), Notes: notes}
		recs := []ComplaintRecord{file.ComplaintRecord}
		if err := c.complaintNames(recs); err != nil {
			return err
		}
		file.ComplaintRecord = recs[0]
		for _, h := range history {
			file.History = append(file.History, ComplaintStep{Logged: h.From == "", Note: h.Note,
				Transition: complaints.Transition{From: complaints.Status(h.From), To: complaints.Status(h.To), At: h.At, By: h.By,
					Outcome: complaints.Outcome(h.Outcome), SignedOffBy: h.SignedOffBy}})
		}
		f = file
		return nil
	}
	err := c.doWith(PermViewComplaints, writeSteps{before: read}, func(tx *writeTx) error {
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
		if !complaints.Status(k.Status).Open() {
			state = "closed"
		}
		out = append(out, TimelineEntry{At: k.CreatedAt, Kind: "complaint", By: k.CreatedBy, ComplaintID: k.ID,
			Title: fmt.Sprintf("Complaint %s (%s)", k.Reference, state)})
	}
	return out, nil
}
