package app

import (
	"errors"
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The referral letters (SPEC §2.6): the acknowledgement to whoever
// referred the patient to us, the referral we send out, and its chase.
const (
	ReferralAckTemplate   = "referral_ack"
	ReferralOutTemplate   = "referral_out"
	ReferralChaseTemplate = "referral_chase"
)

// ErrReferralLetterNeedsReferral: a letter to a referrer or a service is
// written from the referral, not from the patient's record alone.
var ErrReferralLetterNeedsReferral = errors.New("a referral letter is written from its referral: open the referral and choose the letter there")

// ReferralLetter writes one of a referral's letters to the other end of
// it, logs it on the patient's correspondence timeline with the referral
// named, and audits it. Printing the acknowledgement records the day it
// went when none was recorded: the desk prints it to post it, and the
// "not acknowledged" reminder should stop.
func (c *Clinic) ReferralLetter(referralID, template string) (LetterResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return LetterResult{}, err
	}
	if _, err := c.require(PermViewReferrals); err != nil {
		return LetterResult{}, err
	}
	r, err := c.visibleReferralLocked(s, referralID)
	if err != nil {
		return LetterResult{}, err
	}
	tmpl, err := c.templateLocked(template)
	if err != nil {
		return LetterResult{}, err
	}
	if err := referralLetterFits(tmpl, r); err != nil {
		return LetterResult{}, err
	}
	window, err := readLetterWindow(c.store)
	if err != nil {
		return LetterResult{}, err
	}
	now := c.clock()
	today := ukcal.Today(now)
	apptID := ""
	if tmpl.Name == ReferralAckTemplate {
		if apptID, err = c.firstAppointmentAhead(r.ID, today); err != nil {
			return LetterResult{}, err
		}
	}
	src, err := readLetterSource(c.store, r.PatientID, apptID, today)
	if err != nil {
		return LetterResult{}, err
	}
	src.referral = &r
	if last, err := c.store.LastReferralLetter(r.ID, ReferralChaseTemplate); err != nil {
		return LetterResult{}, err
	} else if !last.IsZero() {
		src.lastChased = ukcal.Today(last)
	}
	l, err := buildLetter(src, tmpl, window, s)
	if err != nil {
		return LetterResult{}, err
	}
	p := preparedLetter{
		record: data.LetterRecord{ID: uuid.Must(uuid.NewV7()).String(), PatientID: r.PatientID, Kind: data.LetterKindLetter,
			Template: tmpl.Name, Title: tmpl.Title, AppointmentID: apptID, ReferralID: r.ID, CreatedBy: s.User.Username, CreatedAt: now.UTC()},
		letter:   l,
		warnings: src.letterWarnings(tmpl),
	}
	res, err := renderPrepared(&p)
	if err != nil {
		return LetterResult{}, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := logLetter(tx, p.record); err != nil {
			return err
		}
		if tmpl.AddressedTo != letters.ToReferrer || !r.AcknowledgedOn.IsZero() {
			return nil
		}
		r.AcknowledgedOn = today
		if err := tx.UpdateReferral(r); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "referral.update", Entity: "referral", ID: r.ID, Patient: r.PatientID,
			Detail: "acknowledged on " + today.String() + " (acknowledgement printed)"}); err != nil {
			return err
		}
		return tx.referralTasks(r.ID) // the task to acknowledge it is done
	})
	if err != nil {
		return LetterResult{}, err
	}
	return res, nil
}

// referralLetterFits refuses a letter to the wrong end of a referral: the
// acknowledgement goes back to a referrer, the referral and its chase go
// out to a service.
func referralLetterFits(tmpl letters.ClinicTemplate, r pathways.Referral) error {
	switch tmpl.AddressedTo {
	case letters.ToReferrer:
		if r.Direction != pathways.In {
			return errors.New("the \"" + tmpl.Title + "\" letter goes to whoever referred a patient to us, and this is a referral we sent out: choose the referral letter or the chase instead")
		}
		if r.Source == pathways.FromSelf {
			return errors.New("the patient referred themselves, so there is no referrer to acknowledge: write to the patient from their record instead")
		}
	case letters.ToService:
		if r.Direction != pathways.Out {
			return errors.New("the \"" + tmpl.Title + "\" letter goes to a service we referred a patient to, and this referral came to us: choose the acknowledgement instead")
		}
	default:
		return errors.New("the \"" + tmpl.Title + "\" letter is not a referral letter: write it from the patient's record")
	}
	if r.Status == pathways.StatusClosed {
		return errors.New("this referral is closed: reopening it is a manager's decision, and nothing more should be sent on it")
	}
	return nil
}

// firstAppointmentAhead is the appointment booked for the referral that
// is next, today or later, so the acknowledgement can tell the referrer
// when the patient will be seen; "" when none is booked.
func (c *Clinic) firstAppointmentAhead(referralID string, today ukcal.Date) (string, error) {
	return c.store.NextReferralAppointment(referralID, today)
}

// referralRecipient addresses a referral letter to the other end of it:
// the name, the organisation, then the address as typed with the post
// town in capitals.
func referralRecipient(r *pathways.Referral) (letters.Recipient, error) {
	if r == nil {
		return letters.Recipient{}, ErrReferralLetterNeedsReferral
	}
	name, org := strings.TrimSpace(r.Party.Name), strings.TrimSpace(r.Party.Organisation)
	lines := addressLines(r.Party.Address)
	if len(lines) == 0 {
		who := "the referrer"
		if r.Direction == pathways.Out {
			who = "the service"
		}
		return letters.Recipient{}, errors.New("the referral has no postal address for " + who + ": add it on the referral before writing")
	}
	var address []string
	if org != "" && org != name {
		address = append(address, org)
	}
	address = append(address, postTownInCapitals(lines)...)
	if name == "" {
		name = org
		address = address[1:]
	}
	return letters.Recipient{Name: name, Address: address}, nil
}

// referralFields are the referral's merge fields.
func referralFields(r *pathways.Referral, lastChased ukcal.Date) *letters.ReferralFields {
	return &letters.ReferralFields{
		Date: r.Date, Urgency: urgencyWords(r.Urgency), Reason: r.Reason, Documents: r.Documents,
		PartyName: r.Party.Name, PartyOrganisation: r.Party.Organisation, PartyAddress: addressLines(r.Party.Address),
		ReplyDueBy: r.ReplyDueBy, LastChased: lastChased,
	}
}

// gpReferred reports whether the patient's GP referred them to us, so a
// letter may tell them their GP would need to refer them again.
func gpReferred(store *data.Store, patientID string) (bool, error) {
	rows, err := store.Referrals(data.ReferralFilter{PatientID: patientID, Direction: pathways.In})
	for _, row := range rows {
		if row.Referral.Source == pathways.FromGP {
			return true, err
		}
	}
	return false, err
}

// urgencyWords is the urgency as a letter's sentence needs it, article
// and all: "an urgent referral".
func urgencyWords(u pathways.Urgency) string {
	switch u {
	case pathways.Urgent:
		return "an urgent referral"
	case pathways.SuspectedCancer:
		return "a suspected cancer referral"
	}
	return "a routine referral"
}
