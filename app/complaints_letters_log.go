package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// The complaint letters printed, kept on the complaint so each can be
// printed again (SPEC §2.5). Only those who may see the register list or
// reprint them: a clinician sees nothing of complaints.

// ComplaintLetterEntry is one letter printed for a complaint.
type ComplaintLetterEntry struct {
	ID       string
	Template string // ComplaintAckTemplate, ComplaintDelayTemplate or ComplaintFinalTemplate
	Title    string // "Acknowledgement letter"
	SHA256   string
	By       string    // user name
	At       time.Time // UTC
}

// keptComplaintLetter is what the complaint keeps of a letter: the letter
// as printed, less the logo (it is in the clinic's details, and large),
// with the warnings it was printed with.
func keptComplaintLetter(complaintID, template, title string, l letters.Letter, warnings []string, sum, by string, at time.Time) (data.ComplaintLetter, error) {
	l.Clinic.Logo = nil
	content, err := json.Marshal(printedLetter{Letter: l, Warnings: warnings})
	if err != nil {
		return data.ComplaintLetter{}, err
	}
	return data.ComplaintLetter{ID: newID(), ComplaintID: complaintID, Template: template, Title: title,
		Content: string(content), SHA256: sum, CreatedBy: by, CreatedAt: at}, nil
}

// complaintLetterFileName suggests a name for saving: the letter, the
// complaint's reference and the day, never the complainant's name.
func complaintLetterFileName(title, reference string, day ukcal.Date) string {
	return fmt.Sprintf("%s %s %s.pdf", strings.ReplaceAll(title, "/", "-"), reference, day.String())
}

// ComplaintLetters lists the letters printed for a complaint, newest
// first, as a patient's correspondence log is.
func (c *Clinic) ComplaintLetters(complaintID string) ([]ComplaintLetterEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewComplaints); err != nil {
		return nil, err
	}
	kept, err := c.store.ComplaintLetters(complaintID)
	if err != nil {
		return nil, err
	}
	out := make([]ComplaintLetterEntry, len(kept))
	for i, l := range kept {
		out[i] = ComplaintLetterEntry{ID: l.ID, Template: l.Template, Title: l.Title, SHA256: l.SHA256, By: l.CreatedBy, At: l.CreatedAt}
	}
	return out, nil
}

// PrintComplaintLetterAgain makes a complaint letter again from what was
// printed, not from the complaint as it is now, so the copy says what the
// original said. It needs both seeing the register and printing letters.
func (c *Clinic) PrintComplaintLetterAgain(letterID string) (Reprint, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewComplaints)
	if err != nil {
		return Reprint{}, err
	}
	if _, err := c.require(PermPrintLetters); err != nil {
		return Reprint{}, err
	}
	kept, err := c.store.ComplaintLetter(letterID)
	if err != nil {
		return Reprint{}, notFound(err, "that letter is not among the complaint's letters")
	}
	complaint, err := c.store.Complaint(kept.ComplaintID)
	if err != nil {
		return Reprint{}, notFound(err, "that complaint is not in the register")
	}
	var buf bytes.Buffer
	out := Reprint{FileName: complaintLetterFileName(kept.Title, complaint.Reference, ukcal.Today(kept.CreatedAt))}
	if out.Warnings, err = c.renderPrintedLetter(&buf, kept.Content); err != nil {
		return Reprint{}, err
	}
	out.PDF = buf.Bytes()
	out.Identical = sha256Hex(out.PDF) == kept.SHA256
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "complaint_letter.reprint", Entity: "complaint", ID: complaint.ID, Patient: complaint.PatientID, Detail: fmt.Sprintf("%s: %s letter=%s identical=%s", complaint.Reference, kept.Template, kept.ID, strconv.FormatBool(out.Identical))})
	})
	return out, err
}
