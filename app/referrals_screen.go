package app

import "clinicdesk/app/pathways"

// SaveReferralPage saves what the referral's page lets the desk change,
// in one go: the other end's details (a referral letter cannot go to a
// referrer whose address was not noted when it came in) and the desk's
// fields, as UpdateReferral takes them. Refused as a whole, nothing is
// changed; the audit row names the fields that changed.
func (c *Clinic) SaveReferralPage(id string, party pathways.Party, d ReferralDesk) (pathways.Referral, error) {
	return c.saveReferral(id, &party, d)
}

// partyWord names the other end of a referral for the audit trail.
func partyWord(d pathways.Direction) string {
	if d == pathways.Out {
		return "destination"
	}
	return "referrer"
}
