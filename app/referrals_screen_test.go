package app

import (
	"strings"
	"testing"

	"clinicdesk/app/pathways"
)

func TestSaveReferralPageChangesTheOtherEndAndTheDeskTogetherOrNotAtAll(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	r := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-02"))
	desk := ReferralDesk{OwnerID: r.OwnerID, Documents: "GP letter, X-ray report, MRI"}
	party := r.Party
	party.Address = "1 Harbour Road\nWhitby\nYO21 1AA"

	// A bad ODS code refuses the lot: neither the address nor the documents change.
	bad := party
	bad.ODSCode = "B86-001"
	if _, err := c.SaveReferralPage(r.ID, bad, desk); err == nil || !strings.Contains(err.Error(), "is not an ODS code") {
		t.Fatalf("a bad ODS code: %v", err)
	}
	if rec, _ := c.Referral(r.ID); rec.Referral.Party.Address != "" || rec.Referral.Documents != r.Documents {
		t.Fatalf("a refused save changed %+v", rec.Referral)
	}
	if _, err := c.SaveReferralPage(r.ID, pathways.Party{}, desk); err == nil || !strings.Contains(err.Error(), "name the referrer") {
		t.Errorf("no referrer: %v", err)
	}

	saved, err := c.SaveReferralPage(r.ID, party, desk)
	if err != nil || saved.Party.Address != party.Address || saved.Documents != desk.Documents {
		t.Fatalf("saved %+v %v", saved, err)
	}
	rows := auditRows(t, c, r.ID)
	if last := rows[len(rows)-1]; last.Action != "referral.update" || last.Detail != "referrer, documents" {
		t.Errorf("audited %s %q", last.Action, last.Detail)
	}
	if _, err := c.ReferralLetter(r.ID, ReferralAckTemplate); err != nil {
		t.Errorf("the acknowledgement once the address is noted: %v", err)
	}
}

// A patient who referred themselves has no referrer: their referral's
// page saves without one, while a referral from a GP still needs its
// referrer named.
func TestSaveReferralPageOfASelfReferral(t *testing.T) {
	d := newDiary(t)
	c := d.c
	self := gpReferral(d.john.ID, "2026-11-16")
	self.Source, self.Party = pathways.FromSelf, pathways.Party{}
	r := addReferral(t, c, self)
	desk := ReferralDesk{OwnerID: r.OwnerID, Documents: "a note of the phone call"}
	saved, err := c.SaveReferralPage(r.ID, pathways.Party{}, desk)
	if err != nil || saved.Documents != "a note of the phone call" {
		t.Fatalf("a self-referral's page: %+v, %v", saved, err)
	}
	gp := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-16"))
	if _, err := c.SaveReferralPage(gp.ID, pathways.Party{}, ReferralDesk{OwnerID: gp.OwnerID}); err == nil ||
		!strings.Contains(err.Error(), "name the referrer") {
		t.Fatalf("a GP's referral saved without its referrer: %v", err)
	}
	if _, err := c.UpdateReferral(gp.ID, ReferralDesk{OwnerID: gp.OwnerID, Documents: "GP letter"}); err != nil {
		t.Fatalf("the desk's fields alone: %v", err)
	}
}
