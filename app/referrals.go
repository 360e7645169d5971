package app

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// odsCode is the form of an NHS organisation code: letters and digits,
// three (a trust, "RR8") to six (a practice, "B86001") or a little more for
// sites ("RR801").
var odsCode = regexp.MustCompile(`^[A-Z0-9]{3,10}$`)

// AddReferral adds a referral in or out. ID, status, closing and who made
// it are the clinic's to fill in; the owner is the person adding it unless
// another is named. A referral in starts its pathway with a "referral
// received" event on the day it was received, from which the clocks run.
func (c *Clinic) AddReferral(r pathways.Referral) (pathways.Referral, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditReferrals)
	if err != nil {
		return pathways.Referral{}, err
	}
	cleanReferral(&r)
	if r.Direction == pathways.Out && r.Kind == "" {
		r.Kind = pathways.Other
	}
	// Most referrals in come from the patient's GP: the form starts there.
	if r.Direction == pathways.In && r.Source == "" {
		r.Source = pathways.FromGP
	}
	if r.OwnerID == "" {
		r.OwnerID = s.User.ID
	}
	today := c.today()
	if err := c.checkNewReferralLocked(r, today); err != nil {
		return pathways.Referral{}, err
	}
	if err := checkDeskDates(r, today); err != nil {
		return pathways.Referral{}, err
	}
	now := c.clock().UTC()
	r.ID, r.Status = uuid.Must(uuid.NewV7()).String(), pathways.StatusOpen
	if !r.ReplyOn.IsZero() {
		r.Status = pathways.StatusReplied
	}
	r.ClosedBy, r.ClosedAt, r.CloseReason = "", time.Time{}, ""
	r.CreatedBy, r.CreatedAt = s.User.ID, now
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.InsertReferral(r); err != nil {
			return err
		}
		if r.Direction == pathways.In {
			e := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: pathways.ReferralReceived,
				On: r.Date, By: s.User.ID, At: now}
			if err := tx.InsertReferralEvent(e); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%s, %s %s, %s, %s", r.Direction, dateWord(r.Direction), r.Date, r.Urgency, r.Kind)
		if err := tx.audit(auditEvent{Action: "referral.add", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: detail}); err != nil {
			return err
		}
		return tx.referralTasks(r.ID)
	})
	if err != nil {
		return pathways.Referral{}, err
	}
	return r, nil
}

// dateWord is what a referral's date is: received (in) or sent (out).
func dateWord(d pathways.Direction) string {
	if d == pathways.Out {
		return "sent"
	}
	return "received"
}

// cleanReferral tidies what was typed: one Unicode form, no stray spaces,
// the ODS code in capitals.
func cleanReferral(r *pathways.Referral) {
	r.Party.Name, r.Party.Organisation = cleanText(r.Party.Name), cleanText(r.Party.Organisation)
	r.Party.Address = cleanText(r.Party.Address)
	r.Party.ODSCode = strings.ToUpper(strings.Join(strings.Fields(r.Party.ODSCode), ""))
	r.Reason, r.Documents = cleanText(r.Reason), cleanText(r.Documents)
	r.PatientID, r.OwnerID, r.ClinicianID = strings.TrimSpace(r.PatientID), strings.TrimSpace(r.OwnerID), strings.TrimSpace(r.ClinicianID)
}

// checkNewReferralLocked checks what a new referral must have. Caller
// holds c.mu.
func (c *Clinic) checkNewReferralLocked(r pathways.Referral, today ukcal.Date) error {
	if !r.Direction.Valid() {
		return errors.New("say whether the referral came in to the clinic or is going out from it")
	}
	if r.PatientID == "" {
		return errors.New("choose the patient the referral is about")
	}
	p, err := c.store.Patient(r.PatientID)
	if errors.Is(err, data.ErrNotFound) {
		return errors.New("that patient's record is not in this clinic file")
	}
	if err != nil {
		return err
	}
	if p.Status == patients.Merged {
		return errors.New("this record was merged into another: add the referral to that record, which holds everything")
	}
	switch {
	case r.Date.IsZero():
		return fmt.Errorf("give the date the referral was %s", dateWord(r.Direction))
	case r.Date.After(today):
		return fmt.Errorf("the date %s (%s) is after today: a referral cannot be %s in the future", dateWord(r.Direction), r.Date.Short(), dateWord(r.Direction))
	case !r.Urgency.Valid():
		return fmt.Errorf("%q is not an urgency: choose routine, urgent or suspected cancer", r.Urgency)
	case !r.Kind.Valid():
		return fmt.Errorf("%q is not a kind of pathway: choose consultant-led (rtt), cancer or other", r.Kind)
	case r.Direction == pathways.In && (r.Kind == pathways.Cancer) != (r.Urgency == pathways.SuspectedCancer):
		return errors.New("a suspected cancer referral goes on the cancer pathway, and only a suspected cancer referral does: check the urgency and the pathway")
	case r.Direction == pathways.In && !r.Source.Valid():
		return fmt.Errorf("%q is not who a referral comes from: choose the GP, another clinic or hospital, or a self-referral", r.Source)
	case r.Direction == pathways.Out && r.Source != "":
		return errors.New("a referral we send out has no source: the source says who sent a referral in to us")
	case r.Reason == "":
		return errors.New("say why the patient is referred (a few words, e.g. \"knee pain for six months\")")
	}
	if err := checkParty(r); err != nil {
		return err
	}
	return c.checkPeopleLocked(r)
}

// checkParty checks the other end of a referral is named (a patient who
// referred themselves needs no referrer) and its ODS code is one.
func checkParty(r pathways.Referral) error {
	unnamed := r.Party.Name == "" && r.Party.Organisation == ""
	switch {
	case unnamed && r.Direction == pathways.In && r.Source != pathways.FromSelf:
		return errors.New("name the referrer: the person or the practice who sent the referral")
	case unnamed && r.Direction == pathways.Out:
		return errors.New("say where the patient is referred to: the service, the department or the hospital")
	case r.Party.ODSCode != "" && !odsCode.MatchString(r.Party.ODSCode):
		return fmt.Errorf("%q is not an ODS code: it is letters and digits, such as B86001 for a practice (leave it empty if you do not know it)", r.Party.ODSCode)
	}
	return nil
}

// checkPeopleLocked checks the owner can sign in and the clinician is one
// of the diary's. Caller holds c.mu.
func (c *Clinic) checkPeopleLocked(r pathways.Referral) error {
	if r.OwnerID != "" {
		if u, err := c.store.UserByID(r.OwnerID); err != nil || !u.Active {
			return errors.New("choose someone who can still sign in to look after the referral")
		}
	}
	if r.ClinicianID != "" {
		cs, err := c.store.Clinicians(false)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(cs, func(cl schedule.Clinician) bool { return cl.ID == r.ClinicianID }) {
			return errors.New("that clinician is not in this clinic's diary: choose one from the list")
		}
	}
	return nil
}

// checkDeskDates checks the dates the desk keeps on a referral: each one
// on or after the referral's date, none that has not happened yet in the
// future, and only those that go with its direction.
func checkDeskDates(r pathways.Referral, today ukcal.Date) error {
	if r.Direction == pathways.In {
		switch {
		case !r.ReplyDueBy.IsZero() || len(r.ChaseDates) > 0 || !r.ReplyOn.IsZero():
			return errors.New("a reply due date, chase dates and a reply are kept on referrals out, not on one that came in")
		case !r.AcknowledgedOn.IsZero() && r.AcknowledgedOn.Before(r.Date):
			return fmt.Errorf("the acknowledgement (%s) cannot be before the referral was received (%s)", r.AcknowledgedOn.Short(), r.Date.Short())
		case r.AcknowledgedOn.After(today):
			return fmt.Errorf("the acknowledgement date %s is after today: give the day it went", r.AcknowledgedOn.Short())
		}
		return nil
	}
	switch {
	case !r.AcknowledgedOn.IsZero():
		return errors.New("an acknowledgement is sent for a referral that came in, not for one going out")
	case !r.ReplyDueBy.IsZero() && r.ReplyDueBy.Before(r.Date):
		return fmt.Errorf("the reply cannot be due (%s) before the referral was sent (%s)", r.ReplyDueBy.Short(), r.Date.Short())
	case !r.ReplyOn.IsZero() && r.ReplyOn.Before(r.Date):
		return fmt.Errorf("the reply (%s) cannot have come before the referral was sent (%s)", r.ReplyOn.Short(), r.Date.Short())
	case r.ReplyOn.After(today):
		return fmt.Errorf("the reply date %s is after today: give the day it came", r.ReplyOn.Short())
	}
	for i, d := range r.ChaseDates {
		if d.Before(r.Date) {
			return fmt.Errorf("the chase date %s is before the referral was sent (%s)", d.Short(), r.Date.Short())
		}
		if i > 0 && !r.ChaseDates[i-1].Before(d) {
			return errors.New("give the chase dates earliest first, each once")
		}
	}
	return nil
}

// ReferralDesk is what the desk changes on a referral as it is worked:
// who looks after it, what arrived with it, and the dates of
// acknowledging (in), chasing and the reply (out). A save replaces them
// all, as the referral's screen shows them.
type ReferralDesk struct {
	OwnerID        string
	ClinicianID    string
	Documents      string
	AcknowledgedOn ukcal.Date   // in
	ReplyDueBy     ukcal.Date   // out
	ChaseDates     []ukcal.Date // out, earliest first
	ReplyOn        ukcal.Date   // out: the reply came (it is then "reply received")
}

// UpdateReferral saves the desk's fields of an open referral; the audit
// row names the fields that changed (never their values).
func (c *Clinic) UpdateReferral(id string, d ReferralDesk) (pathways.Referral, error) {
	return c.saveReferral(id, nil, d)
}

// saveReferral saves the desk's fields and, when party is given, the
// other end's details, checked as a whole: refused, nothing is changed.
func (c *Clinic) saveReferral(id string, party *pathways.Party, d ReferralDesk) (pathways.Referral, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditReferrals)
	if err != nil {
		return pathways.Referral{}, err
	}
	old, err := c.openReferralLocked(s, id)
	if err != nil {
		return old, err
	}
	r := old
	if party != nil {
		r.Party = *party
	}
	r.OwnerID, r.ClinicianID, r.Documents = d.OwnerID, d.ClinicianID, d.Documents
	r.AcknowledgedOn, r.ReplyDueBy, r.ChaseDates, r.ReplyOn = d.AcknowledgedOn, d.ReplyDueBy, slices.Clone(d.ChaseDates), d.ReplyOn
	cleanReferral(&r)
	if err := checkParty(r); err != nil {
		return old, err
	}
	if r.OwnerID == "" {
		return old, errors.New("choose who looks after the referral")
	}
	if err := c.checkPeopleLocked(r); err != nil {
		return old, err
	}
	if err := checkDeskDates(r, c.today()); err != nil {
		return old, err
	}
	r.Status = pathways.StatusOpen
	if !r.ReplyOn.IsZero() {
		r.Status = pathways.StatusReplied
	}
	changed := referralChanges(old, r)
	if old.Party != r.Party {
		changed = append([]string{partyWord(r.Direction)}, changed...)
	}
	if len(changed) == 0 {
		return r, nil
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.UpdateReferral(r); err != nil {
			return notFound(err, "that referral is not in this clinic file")
		}
		if err := tx.audit(auditEvent{Action: "referral.update", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: strings.Join(changed, ", ")}); err != nil {
			return err
		}
		return tx.referralTasks(r.ID)
	})
	if err != nil {
		return old, err
	}
	return r, nil
}

// referralChanges names the desk fields that differ, for the audit trail.
func referralChanges(a, b pathways.Referral) []string {
	var out []string
	add := func(differ bool, name string) {
		if differ {
			out = append(out, name)
		}
	}
	add(a.OwnerID != b.OwnerID, "owner")
	add(a.ClinicianID != b.ClinicianID, "clinician")
	add(a.Documents != b.Documents, "documents")
	add(a.AcknowledgedOn != b.AcknowledgedOn, "acknowledged on")
	add(a.ReplyDueBy != b.ReplyDueBy, "reply due by")
	add(!slices.Equal(a.ChaseDates, b.ChaseDates), "chase dates")
	add(a.ReplyOn != b.ReplyOn, "reply received")
	return out
}

// CloseReferral closes a pathway by hand (a manager's decision: the
// patient moved away, the referral was sent in error), with the reason.
func (c *Clinic) CloseReferral(id, reason string) (pathways.Referral, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermClosePathway)
	if err != nil {
		return pathways.Referral{}, err
	}
	reason = cleanText(reason)
	if reason == "" {
		return pathways.Referral{}, errors.New("say why the pathway is closed (for example \"referred in error\" or \"patient moved away\")")
	}
	r, err := c.openReferralLocked(s, id)
	if err != nil {
		return r, err
	}
	r.Status, r.ClosedBy, r.ClosedAt, r.CloseReason = pathways.StatusClosed, s.User.ID, c.clock().UTC(), reason
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.UpdateReferral(r); err != nil {
			return notFound(err, "that referral is not in this clinic file")
		}
		if err := tx.audit(auditEvent{Action: "referral.close", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: "reason: " + reason}); err != nil {
			return err
		}
		return tx.referralTasks(r.ID) // its open tasks are done with it
	})
	if err != nil {
		return pathways.Referral{}, err
	}
	return r, nil
}

// openReferralLocked reads a referral the session may see that is not
// closed. Caller holds c.mu.
func (c *Clinic) openReferralLocked(s *Session, id string) (pathways.Referral, error) {
	r, err := c.visibleReferralLocked(s, id)
	if err != nil {
		return r, err
	}
	if r.Status == pathways.StatusClosed {
		return r, fmt.Errorf("that referral was closed on %s (%s): nothing more can be recorded on it", ukcal.WallDate(r.ClosedAt).Short(), r.CloseReason)
	}
	return r, nil
}
