package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/pathways"
)

// SaveReferralPage saves what the referral's page lets the desk change,
// in one go: the other end's details (a referral letter cannot go to a
// referrer whose address was not noted when it came in) and the desk's
// fields, as UpdateReferral takes them. Refused as a whole, nothing is
// changed; the audit row names the fields that changed.
func (c *Clinic) SaveReferralPage(id string, party pathways.Party, d ReferralDesk) (pathways.Referral, error) {
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
	r.Party = party
	r.OwnerID, r.ClinicianID, r.Documents = d.OwnerID, d.ClinicianID, d.Documents
	r.AcknowledgedOn, r.ReplyDueBy, r.ChaseDates, r.ReplyOn = d.AcknowledgedOn, d.ReplyDueBy, slices.Clone(d.ChaseDates), d.ReplyOn
	cleanReferral(&r)
	switch {
	case r.Party.Name == "" && r.Party.Organisation == "" && r.Direction == pathways.In:
		return old, errors.New("name the referrer: the person or the practice who sent the referral")
	case r.Party.Name == "" && r.Party.Organisation == "":
		return old, errors.New("say where the patient is referred to: the service, the department or the hospital")
	case r.Party.ODSCode != "" && !odsCode.MatchString(r.Party.ODSCode):
		return old, fmt.Errorf("%q is not an ODS code: it is letters and digits, such as B86001 for a practice (leave it empty if you do not know it)", r.Party.ODSCode)
	case r.OwnerID == "":
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
		return tx.audit(auditEvent{Action: "referral.update", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: strings.Join(changed, ", ")})
	})
	if err != nil {
		return old, err
	}
	return r, nil
}

// partyWord names the other end of a referral for the audit trail.
func partyWord(d pathways.Direction) string {
	if d == pathways.Out {
		return "destination"
	}
	return "referrer"
}
