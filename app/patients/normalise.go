package patients

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"

	"golang.org/x/text/unicode/norm"
)

// Field names, as the form and the import report name them.
const (
	FieldTitle         = "title"
	FieldForenames     = "forenames"
	FieldSurname       = "surname"
	FieldPreferredName = "preferred_name"
	FieldDOB           = "dob"
	FieldSex           = "sex"
	FieldNHSNumber     = "nhs_number"
	FieldPostcode      = "postcode"
	FieldMobile        = "phone_mobile"
	FieldHome          = "phone_home"
	FieldWork          = "phone_work"
	FieldEmail         = "email"
	FieldAddressLine1  = "address_line1"
	FieldAddressLine2  = "address_line2"
	FieldTown          = "town"
	FieldCounty        = "county"
	FieldGPName        = "gp_name"
	FieldGPPractice    = "gp_practice"
	FieldGPAddress     = "gp_address"
	FieldNOKName       = "nok_name"
	FieldNOKRelation   = "nok_relationship"
	FieldLanguage      = "language"
	FieldNOKPhone      = "nok_phone"
	FieldAISNeeds      = "ais_needs"
	FieldAISReviewed   = "ais_reviewed"
	FieldAlerts        = "alerts"
	FieldLastTreatment = "last_treatment"
	FieldDateOfDeath   = "date_of_death"
)

// FieldError says what is wrong with one field and how to put it right.
type FieldError struct {
	Field   string
	Message string
}

// FieldErrors are every problem found in a record.
type FieldErrors []FieldError

func (e FieldErrors) Error() string {
	var parts []string
	for _, f := range e {
		parts = append(parts, f.Message)
	}
	return strings.Join(parts, "; ")
}

// For returns the message for one field ("" when it is fine).
func (e FieldErrors) For(field string) string {
	for _, f := range e {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// Options change what Normalise accepts.
type Options struct {
	Today ukcal.Date
	// AllowPseudoPostcode accepts ZZ99 3VZ / ZZ99 3WZ, chosen on purpose
	// (no fixed abode, not known).
	AllowPseudoPostcode bool
	// Typed, when set, replaces the record's dates with these as typed in
	// a form; a box that is not a date is reported under its field.
	Typed *TypedDates
}

const maxField = 200

// Normalise tidies every field of p in place (NFC text, one postcode and
// phone format, codes checked) and returns FieldErrors for what cannot be
// accepted, or nil.
func Normalise(p *Patient, o Options) error {
	var errs FieldErrors
	add := func(field, format string, a ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, a...)})
	}
	text := func(s *string, field, name string) {
		*s = strings.TrimSpace(norm.NFC.String(*s))
		if utf8.RuneCountInString(*s) > maxField {
			add(field, "%s is longer than %d characters", name, maxField)
		}
		if strings.ContainsAny(*s, "\x00\r\n\t") {
			*s = strings.Join(strings.Fields(*s), " ")
		}
	}
	var unreadable map[string]string // typed dates that are not dates, by field
	if o.Typed != nil {
		unreadable = readTyped(p, *o.Typed)
	}
	text(&p.Title, FieldTitle, "the title")
	text(&p.Forenames, FieldForenames, "the forenames")
	text(&p.Surname, FieldSurname, "the surname")
	text(&p.PreferredName, FieldPreferredName, "the preferred name")
	text(&p.GenderIdentity, "gender_identity", "the gender identity")
	text(&p.Address.Line1, FieldAddressLine1, "the first line of the address")
	text(&p.Address.Line2, FieldAddressLine2, "the second line of the address")
	text(&p.Address.Town, FieldTown, "the town")
	text(&p.Address.County, FieldCounty, "the county")
	text(&p.GP.Name, FieldGPName, "the GP's name")
	text(&p.GP.Practice, FieldGPPractice, "the GP practice's name")
	text(&p.NextOfKin.Name, FieldNOKName, "the next of kin's name")
	text(&p.NextOfKin.Relationship, FieldNOKRelation, "the relationship")
	text(&p.Language, FieldLanguage, "the preferred language")
	p.AIS.Notes = strings.TrimSpace(norm.NFC.String(p.AIS.Notes))

	if p.Forenames == "" {
		add(FieldForenames, "enter the patient's first name (forenames)")
	}
	if p.Surname == "" {
		add(FieldSurname, "enter the patient's surname (family name)")
	}
	if msg := knownAsProblem(*p); msg != "" {
		add(FieldPreferredName, "%s", msg)
	}

	switch d := p.DOB; {
	case unreadable[FieldDOB] != "":
		add(FieldDOB, "%s", unreadable[FieldDOB])
	case d.IsZero():
		add(FieldDOB, "enter the date of birth as dd/mm/yyyy")
	case !o.Today.IsZero() && d.After(o.Today):
		add(FieldDOB, "the date of birth %s is in the future: check the year", d.Short())
	case d.Year() < 1900:
		add(FieldDOB, "the date of birth %s is before 1900: check the year", d.Short())
	}

	if !validCode(Sexes, p.Sex) {
		add(FieldSex, "choose the recorded sex from the list")
	}

	if strings.TrimSpace(p.NHSNumber) == "" {
		p.NHSNumber = ""
	} else if n, err := nhs.ParseNHSNumber(p.NHSNumber); err != nil {
		add(FieldNHSNumber, "%s", err.Error())
	} else {
		p.NHSNumber = n
	}

	if strings.TrimSpace(p.Address.Postcode) == "" {
		p.Address.Postcode = ""
	} else {
		normalise := nhs.NormalisePostcode
		if o.AllowPseudoPostcode {
			normalise = nhs.NormalisePostcodeAllowingPseudo
		}
		if pc, err := normalise(p.Address.Postcode); err != nil {
			add(FieldPostcode, "%s", err.Error())
		} else {
			p.Address.Postcode = pc
		}
	}

	phone := func(s *string, field, name string) {
		if strings.TrimSpace(*s) == "" {
			*s = ""
			return
		}
		e164, err := nhs.ParsePhone(*s)
		if err != nil {
			add(field, "%s: %s", name, err.Error())
			return
		}
		*s = e164
	}
	phone(&p.Phones.Mobile, FieldMobile, "mobile")
	phone(&p.Phones.Home, FieldHome, "home phone")
	phone(&p.Phones.Work, FieldWork, "work phone")
	phone(&p.NextOfKin.Phone, FieldNOKPhone, "next of kin's phone")

	p.Email = strings.TrimSpace(p.Email)
	if p.Email != "" {
		addr, err := mail.ParseAddress(p.Email)
		if err != nil || addr.Address != p.Email || !strings.Contains(p.Email[strings.LastIndex(p.Email, "@")+1:], ".") {
			add(FieldEmail, "the email address %q does not look right: it should be like name@example.co.uk", p.Email)
		}
	}

	normaliseCarer(&p.ParentCarer, add)

	gpAddress, problem := NormaliseGPAddress(p.GP.Address)
	p.GP.Address = gpAddress
	if problem != "" {
		add(FieldGPAddress, "%s", problem)
	}

	seen := map[string]bool{}
	var needs []string
	for _, n := range p.AIS.Needs {
		if !validCode(AISNeeds, n) {
			add(FieldAISNeeds, "unknown communication need %q", n)
			continue
		}
		if !seen[n] {
			seen[n] = true
			needs = append(needs, n)
		}
	}
	p.AIS.Needs = needs
	if msg := unreadable[FieldAISReviewed]; msg != "" {
		add(FieldAISReviewed, "%s", msg)
	} else if !o.Today.IsZero() && p.AIS.Reviewed.After(o.Today) {
		add(FieldAISReviewed, "the needs cannot have been reviewed in the future")
	}

	for i := range p.Alerts {
		a := &p.Alerts[i]
		a.Text = strings.TrimSpace(norm.NFC.String(a.Text))
		if !validCode(AlertKinds, a.Kind) {
			add(FieldAlerts, "unknown alert %q", a.Kind)
		} else if a.Kind == "other" && a.Text == "" {
			add(FieldAlerts, "say what the alert is about")
		}
	}

	if msg := unreadable[FieldLastTreatment]; msg != "" {
		add(FieldLastTreatment, "%s", msg)
	}
	if msg := unreadable[FieldDateOfDeath]; msg != "" {
		add(FieldDateOfDeath, "%s", msg)
	} else if !p.DateOfDeath.IsZero() {
		if msg := deathProblem(p.DateOfDeath, p.DOB, o.Today); msg != "" {
			add(FieldDateOfDeath, "%s", msg)
		} else if msg := afterDeath(p.LastTreatment, p.DateOfDeath); msg != "" {
			add(FieldDateOfDeath, "%s", msg)
		}
	}
	if p.Status == "" {
		p.Status = Active
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// deathProblem says what is wrong with a date of death: it cannot be in
// the future or before the patient was born ("" when it is fine).
func deathProblem(died, born, today ukcal.Date) string {
	if !today.IsZero() && died.After(today) {
		return fmt.Sprintf("the date of death %s is in the future: check the date", died.Short())
	}
	if !born.IsZero() && died.Before(born) {
		return fmt.Sprintf("the date of death %s is before the date of birth %s: check both", died.Short(), born.Short())
	}
	return ""
}

// afterDeath says when the hand-kept last treatment comes after death.
func afterDeath(last, died ukcal.Date) string {
	if last.IsZero() || died.IsZero() || !last.After(died) {
		return ""
	}
	return fmt.Sprintf("the last treatment %s is after the date of death %s: check both", last.Short(), died.Short())
}

func validCode(options []Option, code string) bool {
	for _, o := range options {
		if o.Code == code {
			return true
		}
	}
	return false
}
