package app

import (
	"errors"
	"fmt"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
)

// Letters about a child go to the parent or carer (issue 14). A template
// addressed to the patient is sent instead to the parent or carer on the
// record when the patient is younger than the clinic's child age (16
// unless set otherwise, the same age that decides "was not brought") on
// the letter's date: the person who reads the letter now is the one who
// brings the child. The letter names the child beside the address
// window, and its wording is the template's {{#if patient.child}} part.
//
// At 16 and 17 (with the usual age) a young person gets their letters
// themselves, as an adult does: from 16 the law presumes they can consent
// to their own care, and their appointments are theirs to keep or move.
// A clinic that sets the age higher (up to 18) writes to their parents.

// lettersToTheRequester answer a subject access request and are left as
// that work addresses them (to the patient, whatever their age): whether
// a child's copy goes to a parent is decided with the request, not here.
var lettersToTheRequester = map[string]bool{"sar_cover": true, "sar_extension": true}

// addressee is who a letter made from tmpl goes to: the template's
// addressee, or the parent or carer for a letter to a child.
func (src letterSource) addressee(tmpl letters.ClinicTemplate) string {
	if tmpl.AddressedTo != letters.ToPatient || lettersToTheRequester[tmpl.Name] {
		return tmpl.AddressedTo
	}
	if src.isChild() {
		return letters.ToParent
	}
	return letters.ToPatient
}

// isChild reports whether the patient is younger than the clinic's child
// age on the letter's date.
func (src letterSource) isChild() bool {
	return patients.ChildOn(src.patient.DOB, src.today, src.childUnder)
}

// letterRecipient addresses a letter from tmpl to `to` (its addressee).
func (src letterSource) letterRecipient(tmpl letters.ClinicTemplate, to string) (letters.Recipient, error) {
	if to == letters.ToParent && tmpl.AddressedTo == letters.ToPatient {
		return src.childRecipient()
	}
	return src.recipient(to)
}

// childRecipient addresses a letter about a child to the parent or
// carer. With none on the record the letter still goes, "To the parent or
// carer of Ruby Shaw" at the child's address: an appointment must not be
// missed because the record is incomplete, and the desk is told to add
// the parent or carer (childLetterWarnings). The "was not brought"
// letter, which must name them, is refused instead (carerRecipient).
func (src letterSource) childRecipient() (letters.Recipient, error) {
	p := src.patient
	if err := refuseLetterAfterDeath(p); err != nil {
		return letters.Recipient{}, err
	}
	if p.ParentCarer.Recorded() {
		lines, name, err := carerRecipient(p)
		return letters.Recipient{Name: name, Address: lines}, err
	}
	lines := postalAddress(p.Address)
	if len(lines) == 0 {
		return letters.Recipient{}, errors.New("the child's record has no address and names no parent or carer: add the parent or carer (Edit details, Parent or carer) or the child's address before writing")
	}
	return letters.Recipient{Name: letters.NoCarerName(joinNonEmptyWords(p.Forenames, p.Surname)), Address: lines}, nil
}

// childLetterWarnings tell the desk, before the letter is sent, that a
// letter about a child was addressed to no one by name.
func (src letterSource) childLetterWarnings(tmpl letters.ClinicTemplate) []string {
	if src.addressee(tmpl) != letters.ToParent || src.patient.ParentCarer.Recorded() {
		return nil
	}
	return []string{fmt.Sprintf("%s is a child, so this letter is addressed to \"the parent or carer\": no parent or carer is on the record. "+
		"Add them (Edit details, Parent or carer) so that letters are addressed to them by name.", joinNonEmptyWords(src.patient.Forenames, src.patient.Surname))}
}

// letterWarnings are everything to check before sending a letter to p.
func (src letterSource) letterWarnings(tmpl letters.ClinicTemplate) []string {
	return append(aisWarnings(src.patient), src.childLetterWarnings(tmpl)...)
}

// refuseDischargeLetterForChild stops the GP letter saying a patient was
// discharged for missing appointments being written about a child: a
// child who is not brought is not discharged (SPEC §2.5), and the GP is
// sent the letter about a child not brought instead.
func (src letterSource) refuseDischargeLetterForChild(tmpl letters.ClinicTemplate) error {
	if tmpl.Name != string(schedule.GPLetter) || !src.isChild() {
		return nil
	}
	title := string(schedule.WNBGP)
	if d, err := letters.LookupDefaultTemplate(title); err == nil {
		title = d.Title
	}
	return fmt.Errorf("%s is a child: a child who is not brought to appointments is not discharged, so the GP is not sent this letter. "+
		"Print the %q instead", joinNonEmptyWords(src.patient.Forenames, src.patient.Surname), title)
}
