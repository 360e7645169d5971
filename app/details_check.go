package app

import (
	"net/mail"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/practice"
)

// ClinicDetailProblems says, field by field, what is wrong with a clinic's
// details as typed; empty fields of it are fine.
type ClinicDetailProblems struct {
	Name, Phone, Email string
}

// Empty reports whether nothing is wrong.
func (p ClinicDetailProblems) Empty() bool { return p == ClinicDetailProblems{} }

// CheckClinicDetails checks the details the setup screen asks for before
// the clinic exists, and returns them tidied: the phone number written the
// UK way. Each problem says what to put right, for under its field.
func CheckClinicDetails(d practice.Details) (practice.Details, ClinicDetailProblems) {
	var p ClinicDetailProblems
	d.Name, d.Phone, d.Email = strings.TrimSpace(d.Name), strings.TrimSpace(d.Phone), strings.TrimSpace(d.Email)
	if d.Name == "" {
		p.Name = "Type the clinic's name, as it should appear on letters."
	}
	if d.Phone != "" {
		if e164, err := nhs.ParsePhone(d.Phone); err != nil {
			p.Phone = err.Error()
		} else {
			d.Phone = nhs.FormatPhone(e164)
		}
	}
	if e := d.Email; e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@")+1:], ".") {
			p.Email = "That does not look like an email address: it should be like reception@yourclinic.co.uk."
		}
	}
	return d, p
}
