package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// The machine-readable copy says what it is, so a program reading it can
// tell one version of the layout from the next. Field names only ever get
// added within a version; a rename or removal means a new version.
const (
	SARSchema        = "clinicdesk.subject_access"
	SARSchemaVersion = 1
)

// SubjectAccess logs a subject access request and answers it at once
// (SPEC §2.2, §4.5): the request goes on the register, asking for the
// whole record, and is closed by the copy made now. Requests that cannot
// be answered on the day are logged with LogSAR and answered with
// ProduceSAR; both make the copy the same way (see produceSAR).
//
// received is the day the request reached the clinic; it cannot be after
// today. requestedBy says who asked ("" or "patient" when the patient did
// it themselves, otherwise e.g. "Smith & Co Solicitors, on her behalf").
func (c *Clinic) SubjectAccess(patientID string, received ukcal.Date, requestedBy string, pdf, js io.Writer) (sar.Request, error) {
	if pdf == nil || js == nil {
		return sar.Request{}, errors.New("choose where to save both the PDF and the JSON copy")
	}
	c.mu.Lock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		c.mu.Unlock()
		return sar.Request{}, err
	}
	if received.IsZero() {
		c.mu.Unlock()
		return sar.Request{}, errors.New("say which day the request was received")
	}
	now := c.clock()
	req := sar.Request{
		ID:          uuid.Must(uuid.NewV7()).String(),
		PatientID:   patientID,
		Received:    received,
		RequestedBy: sarRequester(requestedBy),
		Scope:       SARWholeRecord,
		CreatedBy:   s.User.Username,
		CreatedAt:   now.UTC(),
	}
	if err := req.Check(c.today()); err != nil {
		c.mu.Unlock()
		return sar.Request{}, err
	}
	cp, err := c.gatherSARCopyLocked(req)
	c.mu.Unlock()
	if err != nil {
		return sar.Request{}, err
	}
	return c.produceSAR(s, cp, true, pdf, js)
}

// A subject access copy is made in three steps, so that neither the
// clinic nor the rest of the desk waits on rendering or on the disk:
// gatherSARCopyLocked reads everything the clinic holds about the patient
// while holding c.mu (every write takes it, so what is read is one
// consistent record); produceSAR then renders the PDF and the JSON and
// writes them to the writers with no lock held, and only then records the
// request as produced, with the SHA-256 of exactly the bytes written, and
// audits it as "patient.sar", in one transaction.
//
// The copy lists the audit trail up to the moment it was gathered: the
// entry for making it is written after, so it first appears in the next
// copy.
//
// Nothing reaches the writers unless the permission check, the gathering
// and the rendering succeed. If writing fails, or the request cannot be
// recorded (the session was locked meanwhile, or someone else answered
// the same request first), the request stays as it was and the caller
// must discard what reached the writers (SaveSARCopy does).

// preparedSAR is a copy gathered under the lock, to be rendered outside it.
type preparedSAR struct {
	req         sar.Request
	g           *sarGathered
	region      ukcal.Region
	due, dueExt ukcal.Date
}

// gatherSARCopyLocked reads the record for req and fixes the request as
// it will be when produced. Caller holds c.mu and has checked
// PermSubjectAccess.
func (c *Clinic) gatherSARCopyLocked(req sar.Request) (preparedSAR, error) {
	g, err := c.gatherSAR(req.PatientID)
	if err != nil {
		return preparedSAR{}, err
	}
	g.dropRequest(req.ID)
	region := c.bankHolidayRegionLocked()
	now := c.clock()
	today := ukcal.Today(now)
	if _, open := req.OpenPause(); open {
		// Sending the copy ends whatever wait there was, on the day it goes.
		if err := req.EndPause(today, today); err != nil {
			return preparedSAR{}, err
		}
	}
	req.ProducedAt = now.UTC()
	return preparedSAR{req: req, g: g, region: region, due: req.Due(region, today), dueExt: req.DueExtended(region, today)}, nil
}

// produceSAR renders cp, writes it to pdf and js, and records the request
// (inserted when isNew). The caller holds no lock; by is who gathered it.
func (c *Clinic) produceSAR(by *Session, cp preparedSAR, isNew bool, pdf, js io.Writer) (sar.Request, error) {
	req := cp.req
	var jsBuf, pdfBuf bytes.Buffer
	enc := json.NewEncoder(&jsBuf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cp.g.json(req, by.User, cp.region, cp.due, cp.dueExt)); err != nil {
		return sar.Request{}, fmt.Errorf("writing the JSON copy: %w", err)
	}
	if err := letters.SubjectAccessPDF(&pdfBuf, cp.g.pdf(req, by.User)); err != nil {
		return sar.Request{}, fmt.Errorf("making the PDF copy: %w", err)
	}
	req.SHA256PDF = sarSHA256(pdfBuf.Bytes())
	req.SHA256JSON = sarSHA256(jsBuf.Bytes())
	if _, err := pdfBuf.WriteTo(pdf); err != nil {
		return sar.Request{}, fmt.Errorf("saving the PDF copy: %w", err)
	}
	if _, err := jsBuf.WriteTo(js); err != nil {
		return sar.Request{}, fmt.Errorf("saving the JSON copy: %w", err)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, err
	}
	if s.User.ID != by.User.ID {
		return sar.Request{}, errors.New("the copy was not recorded: someone else signed in while it was being made; make it again")
	}
	if !isNew {
		// Made twice at once, from two screens: the first one counts.
		if _, err := c.openSARLocked(req.ID); err != nil {
			return sar.Request{}, err
		}
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		save := tx.UpdateSAR
		if isNew {
			save = tx.InsertSAR
		}
		if err := save(req, cp.due, cp.dueExt); err != nil {
			return err
		}
		// The audit trail is append-only and hash-chained, so the hashes
		// there prove later what was handed over even if the request row
		// were changed.
		if err := tx.audit(auditEvent{Action: "patient.sar", Entity: "sar", ID: req.ID, Patient: req.PatientID, Detail: fmt.Sprintf("received %s, due %s, pdf sha256 %s, json sha256 %s",
			req.Received, cp.due, req.SHA256PDF, req.SHA256JSON)}); err != nil {
			return err
		}
		return tx.closeGoneSARTasks(req.ID) // the copy is made: its task is done
	})
	if err != nil {
		return sar.Request{}, err
	}
	return req, nil
}

// sarScopeShown is what the copy says was asked for: nothing when it was
// the whole record, which the copy is anyway.
func sarScopeShown(scope string) string {
	if strings.EqualFold(strings.TrimSpace(scope), SARWholeRecord) {
		return ""
	}
	return scope
}

// dropRequest leaves the request being answered out of the earlier ones.
func (g *sarGathered) dropRequest(id string) {
	kept := g.requests[:0]
	for _, r := range g.requests {
		if r.ID != id {
			kept = append(kept, r)
		}
	}
	g.requests = kept
}

// SARRequests lists a patient's subject access requests, newest first.
func (c *Clinic) SARRequests(patientID string) ([]sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.SARRequests(patientID)
}

func sarSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
