package app

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The acknowledgement goes back to the referrer, at the address on the
// referral, says when the patient is booked, and records the day it went;
// the referral out and its chase go to the service, and the chase says
// when we last asked.
func TestReferralLettersGoToTheOtherEndAndSayWhatHappened(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London())
	c.now = func() time.Time { return now }

	in := gpReferral(d.zoe.ID, "2026-11-18")
	in.Party.Address = "Harbour Medical Practice\n4 Quay Street\nswansea\nSA1 1AA"
	in.Party.Organisation = ""
	r := addReferral(t, c, in)
	if _, err := c.ReferralLetter(r.ID, ReferralOutTemplate); err == nil || !strings.Contains(err.Error(), "acknowledgement") {
		t.Fatalf("a referral letter out on a referral in: %v", err)
	}
	// Booked, cancelled by the clinic and booked again: the
	// acknowledgement names the appointment the patient still has.
	req := d.req(d.zoe, d.evans, "2026-11-27", "09:00")
	req.ReferralID = r.ID
	cancelled := d.book(t, req)
	if _, err := c.SetStatus(cancelled.ID, "cancelled_clinic", "clinician away"); err != nil {
		t.Fatal(err)
	}
	req = d.req(d.zoe, d.evans, "2026-11-30", "09:00")
	req.ReferralID = r.ID
	d.book(t, req)

	ack, err := c.ReferralLetter(r.ID, ReferralAckTemplate)
	if err != nil {
		t.Fatal(err)
	}
	// Printing it acknowledged the referral: the rules' task to do so is
	// done, in the letter's transaction.
	wantClosedByRules(t, c, "referral:"+r.ID+":acknowledge", "the referral was acknowledged on Monday 23 November 2026.")
	text := pdfTextOf(t, ack.PDF)
	for _, want := range []string{"Dr A Khan Harbour Medical Practice 4 Quay Street SWANSEA SA1 1AA", "Dear Dr Khan,",
		"which we received on 18 November 2026", "as a routine referral", "Monday 30 November 2026 at 09:00 with Dr Siân Evans",
		"Yours sincerely"} {
		if !strings.Contains(text, want) {
			t.Errorf("the acknowledgement lacks %q:\n%s", want, text)
		}
	}
	rec, err := c.Referral(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Referral.AcknowledgedOn.String() != "2026-11-23" {
		t.Errorf("printing the acknowledgement should record it went today: %v", rec.Referral.AcknowledgedOn)
	}
	logged, err := c.store.LetterRecord(ack.RecordID)
	if err != nil || logged.ReferralID != r.ID || logged.PatientID != d.zoe.ID || logged.Template != ReferralAckTemplate {
		t.Fatalf("the correspondence log: %+v %v", logged, err)
	}

	out := pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: ukcal.MustParseDate("2026-11-20"),
		Party:   pathways.Party{Name: "Radiology Department", Organisation: "Morriston Hospital", Address: "Heol Maes Eglwys\nSwansea\nSA6 6NL"},
		Urgency: pathways.Urgent, Kind: pathways.Other, Reason: "an MRI of the right knee, to rule out a meniscal tear",
		ReplyDueBy: ukcal.MustParseDate("2026-12-04")}
	o := addReferral(t, c, out)
	if _, err := c.ReferralLetter(o.ID, ReferralAckTemplate); err == nil || !strings.Contains(err.Error(), "referral letter or the chase") {
		t.Fatalf("an acknowledgement on a referral out: %v", err)
	}
	if _, err := c.RenderLetter(LetterRequest{Template: ReferralChaseTemplate, PatientID: d.zoe.ID}); err != ErrReferralLetterNeedsReferral {
		t.Fatalf("a referral letter from the patient's record alone: %v", err)
	}
	sent, err := c.ReferralLetter(o.ID, ReferralOutTemplate)
	if err != nil {
		t.Fatal(err)
	}
	text = pdfTextOf(t, sent.PDF)
	for _, want := range []string{"Radiology Department Morriston Hospital Heol Maes Eglwys SWANSEA SA6 6NL", "Dear Colleague,",
		"This is an urgent referral.", "An MRI of the right knee, to rule out a meniscal tear.", "reply by 4 December 2026", "Yours sincerely"} {
		if !strings.Contains(text, want) {
			t.Errorf("the referral letter lacks %q:\n%s", want, text)
		}
	}

	first, err := c.ReferralLetter(o.ID, ReferralChaseTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, first.PDF); strings.Contains(text, "We last wrote") || !strings.Contains(text, "on 20 November 2026, and we have not yet heard") {
		t.Errorf("the first chase:\n%s", text)
	}
	now = time.Date(2026, 12, 7, 10, 0, 0, 0, ukcal.London())
	second, err := c.ReferralLetter(o.ID, ReferralChaseTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, second.PDF); !strings.Contains(text, "We last wrote to ask on 23 November 2026.") {
		t.Errorf("the second chase should say when we last asked:\n%s", text)
	}
}

// Who sent a referral in decides what letters may say: a self-referral
// has no referrer to acknowledge (nor needs one named), and only a
// patient their GP referred is told their GP would need to refer them
// again.
func TestAReferralsSourceDecidesWhatLettersSay(t *testing.T) {
	d := newDiary(t)
	c := d.c
	self := gpReferral(d.john.ID, "2026-11-16")
	self.Source, self.Party = pathways.FromSelf, pathways.Party{}
	s := addReferral(t, c, self)
	if _, err := c.ReferralLetter(s.ID, ReferralAckTemplate); err == nil || !strings.Contains(err.Error(), "referred themselves") {
		t.Fatalf("an acknowledgement of a self-referral: %v", err)
	}
	out := gpReferral(d.john.ID, "2026-11-16")
	out.Direction, out.Source, out.Kind = pathways.Out, pathways.FromGP, pathways.Other
	if _, err := c.AddReferral(out); err == nil || !strings.Contains(err.Error(), "has no source") {
		t.Fatalf("a referral out with a source: %v", err)
	}
	in := gpReferral(d.zoe.ID, "2026-11-16")
	in.Source = ""
	if r := addReferral(t, c, in); r.Source != pathways.FromGP {
		t.Errorf("a referral in with no source given should be the GP's, the form's first choice: %q", r.Source)
	}

	missed := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "09:00"))
	if _, err := c.SetStatus(missed.ID, "dna", ""); err != nil {
		t.Fatal(err)
	}
	letter := func(patientID string) string {
		t.Helper()
		res, err := c.RenderLetter(LetterRequest{Template: "dna_second", PatientID: patientID, AppointmentID: missed.ID})
		if err != nil {
			t.Fatal(err)
		}
		return pdfTextOf(t, res.PDF)
	}
	if text := letter(d.zoe.ID); !strings.Contains(text, "your GP would need to refer you again") {
		t.Errorf("a patient their GP referred should be told the GP would refer again:\n%s", text)
	}
}
