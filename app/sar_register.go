package app

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// SARWholeRecord is what a request asks for unless it says otherwise.
const SARWholeRecord = "the whole record"

// sarRequester is who asked, "patient" when the patient did.
func sarRequester(by string) string {
	by = cleanText(by)
	if by == "" || strings.EqualFold(by, "the patient") {
		return "patient"
	}
	return by
}

// SARLog is a request as it arrives.
type SARLog struct {
	PatientID   string
	Received    ukcal.Date
	RequestedBy string // "" or "patient", or a representative: "Smith & Co Solicitors, on her behalf"
	// IdentityCheck says how identity (and a representative's authority)
	// was checked: "known to reception", "passport seen". Empty only with
	// AwaitingIdentity, which stops the clock from the day of receipt.
	IdentityCheck    string
	AwaitingIdentity bool
	Scope            string // what was asked for; "" means the whole record
}

// LogSAR puts a subject access request on the register the day it
// arrives, with its clock.
func (c *Clinic) LogSAR(in SARLog) (sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, err
	}
	today := c.today()
	req := sar.Request{
		ID: uuid.Must(uuid.NewV7()).String(), PatientID: in.PatientID, Received: in.Received,
		RequestedBy: sarRequester(in.RequestedBy), IdentityCheck: cleanText(in.IdentityCheck), Scope: cleanText(in.Scope),
		CreatedBy: s.User.Username, CreatedAt: c.clock().UTC(),
	}
	if req.Scope == "" {
		req.Scope = SARWholeRecord
	}
	if err := req.Check(today); err != nil {
		return sar.Request{}, err
	}
	switch {
	case in.AwaitingIdentity && req.IdentityCheck != "":
		return sar.Request{}, errors.New("say how identity was checked, or that you are still waiting for proof of it, not both")
	case in.AwaitingIdentity:
		if err := req.StartPause(req.Received, sar.AwaitingIdentity, today); err != nil {
			return sar.Request{}, err
		}
	case req.IdentityCheck == "":
		return sar.Request{}, errors.New("say how identity was checked (for example \"known to reception\" or \"passport seen\"), or that you are waiting for proof of it")
	}
	p, err := c.store.Patient(req.PatientID)
	if errors.Is(err, data.ErrNotFound) {
		return sar.Request{}, errors.New("that patient's record is not in this clinic file")
	}
	if err != nil {
		return sar.Request{}, err
	}
	if p.Status == patients.Merged {
		return sar.Request{}, errors.New("this record was merged into another: log the request on that record, which holds everything")
	}
	return req, c.saveSAR(s, req, true, "sar.log", fmt.Sprintf("received %s, asked by %s, for %s", req.Received, req.RequestedBy, req.Scope))
}

// saveSAR writes the request with its due dates worked out now, and one
// audit row. Caller holds c.mu.
func (c *Clinic) saveSAR(s *Session, req sar.Request, isNew bool, action, detail string) error {
	region, today := c.bankHolidayRegionLocked(), c.today()
	due, dueExt := req.Due(region, today), req.DueExtended(region, today)
	return c.writeAs(s, func(tx *writeTx) error {
		save := tx.UpdateSAR
		if isNew {
			save = tx.InsertSAR
		}
		if err := save(req, due, dueExt); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: action, Entity: "sar", ID: req.ID, Patient: req.PatientID, Detail: detail + ", due " + due.String()}); err != nil {
			return err
		}
		return tx.closeGoneSARTasks(req.ID)
	})
}

// openSARLocked reads a request that is still open. Caller holds c.mu.
func (c *Clinic) openSARLocked(id string) (sar.Request, error) {
	req, err := c.store.SARRequest(id)
	if errors.Is(err, data.ErrNotFound) {
		return req, errors.New("that subject access request is not in this clinic file: check it on the register (the Subject access screen, or clinicdesk sar list)")
	}
	if err != nil {
		return req, err
	}
	if req.IsProduced() {
		return req, fmt.Errorf("the copy for that request was made on %s: the request is closed", ukcal.WallDate(req.ProducedAt).Short())
	}
	return req, nil
}

// PauseSAR stops a request's clock from the day the clinic asked for
// proof of identity or a clarification it needs to answer.
func (c *Clinic) PauseSAR(id string, from ukcal.Date, why sar.PauseReason) (sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, err
	}
	req, err := c.openSARLocked(id)
	if err != nil {
		return req, err
	}
	if err := req.StartPause(from, why, c.today()); err != nil {
		return sar.Request{}, err
	}
	return req, c.saveSAR(s, req, false, "sar.pause", fmt.Sprintf("paused from %s, waiting for %s", from, why.Label()))
}

// ResumeSAR starts the clock again on the day the answer came. When it
// was proof of identity, identityCheck says what was seen (required);
// a clarification may narrow what was asked for (scope, optional).
func (c *Clinic) ResumeSAR(id string, answered ukcal.Date, identityCheck, scope string) (sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, err
	}
	req, err := c.openSARLocked(id)
	if err != nil {
		return req, err
	}
	p, paused := req.OpenPause()
	if paused && p.Reason == sar.AwaitingIdentity && cleanText(identityCheck) == "" {
		return sar.Request{}, errors.New("say how identity was checked now that the proof has come (for example \"passport seen\")")
	}
	if err := req.EndPause(answered, c.today()); err != nil {
		return sar.Request{}, err
	}
	if v := cleanText(identityCheck); v != "" {
		req.IdentityCheck = v
	}
	if v := cleanText(scope); v != "" {
		req.Scope = v
	}
	return req, c.saveSAR(s, req, false, "sar.resume", fmt.Sprintf("%s came on %s", p.Reason.Label(), answered))
}

// ProduceSAR makes the copy for an open request, which closes it.
func (c *Clinic) ProduceSAR(id string, pdf, js io.Writer) (sar.Request, error) {
	if pdf == nil || js == nil {
		return sar.Request{}, errors.New("choose where to save both the PDF and the JSON copy")
	}
	c.mu.Lock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		c.mu.Unlock()
		return sar.Request{}, err
	}
	req, err := c.openSARLocked(id)
	if err != nil {
		c.mu.Unlock()
		return req, err
	}
	cp, err := c.gatherSARCopyLocked(req)
	c.mu.Unlock()
	if err != nil {
		return sar.Request{}, err
	}
	return c.produceSAR(s, cp, false, pdf, js)
}

// SARRequest reads one request.
func (c *Clinic) SARRequest(id string) (sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSubjectAccess); err != nil {
		return sar.Request{}, err
	}
	req, err := c.store.SARRequest(id)
	if errors.Is(err, data.ErrNotFound) {
		return req, errors.New("that subject access request is not in this clinic file")
	}
	return req, err
}

// SARDue is one open request as the register and Today show it.
type SARDue struct {
	Request   sar.Request
	Patient   string // full name
	NHSNumber string
	Due       ukcal.Date
	Overdue   bool
	Words     string // "due in 3 working days", "overdue by 2 working days", "paused: waiting for proof of identity"
}

// OpenSARs lists the requests not yet answered, the earliest due first,
// with their due dates in the clinic's region.
func (c *Clinic) OpenSARs() ([]SARDue, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSubjectAccess); err != nil {
		return nil, err
	}
	reqs, err := c.store.OpenSARs()
	if err != nil {
		return nil, err
	}
	region, today := c.bankHolidayRegionLocked(), c.today()
	out := make([]SARDue, 0, len(reqs))
	names := map[string]patients.Patient{}
	for _, r := range reqs {
		p, ok := names[r.PatientID]
		if !ok {
			if p, err = c.store.Patient(r.PatientID); err != nil {
				return nil, err
			}
			names[r.PatientID] = p
		}
		d := SARDue{Request: r, Patient: patientFullName(p), NHSNumber: p.NHSNumber, Due: r.Due(region, today),
			Overdue: r.Overdue(region, today)}
		if pause, paused := r.OpenPause(); paused {
			d.Words = "paused: waiting for " + pause.Reason.Label()
		} else {
			d.Words = region.DescribeDue(d.Due, today)
		}
		out = append(out, d)
	}
	sortSARDue(out)
	return out, nil
}

// sortSARDue puts running clocks first, earliest due first; paused ones
// (whose date keeps moving) after them.
func sortSARDue(ds []SARDue) {
	rank := func(d SARDue) int {
		if _, paused := d.Request.OpenPause(); paused {
			return 1
		}
		return 0
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ri, rj := rank(ds[i]), rank(ds[j]); ri != rj {
			return ri < rj
		}
		return ds[i].Due.Before(ds[j].Due)
	})
}
