package patients

import (
	"fmt"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"

	"golang.org/x/text/unicode/norm"
)

// Field names of the parent or carer, as the form and the import name them.
const (
	FieldCarerTitle     = "carer_title"
	FieldCarerForenames = "carer_forenames"
	FieldCarerSurname   = "carer_surname"
	FieldCarerRelation  = "carer_relationship"
	FieldCarerPhone     = "carer_phone"
	FieldCarerAddress   = "carer_address"
)

// CarerRelationships are offered on the form; anything else may be typed.
var CarerRelationships = []string{"Mother", "Father", "Parent", "Guardian", "Foster carer", "Kinship carer", "Grandparent", "Social worker"}

// WasNotBrought reports whether a patient born on dob who missed an
// appointment on the day was a child the adults around them did not
// bring, rather than someone who did not attend: younger than underAge on
// that day (16 unless the clinic sets another; 0 or less is the default).
// A record without a date of birth is treated as an adult's.
func WasNotBrought(dob, on ukcal.Date, underAge int) bool { return ChildOn(dob, on, underAge) }

// ChildOn reports whether someone born on dob is younger than underAge
// on the day (16 unless the clinic sets another; 0 or less is the
// default): a child, whose letters go to the parent or carer. A record
// without a date of birth is treated as an adult's.
func ChildOn(dob, on ukcal.Date, underAge int) bool {
	if underAge <= 0 {
		underAge = DefaultChildUnderAge
	}
	if dob.IsZero() || on.IsZero() {
		return false
	}
	return ukcal.AgeOn(dob, on) < underAge
}

// normaliseCarer tidies the parent or carer in place and returns what is
// wrong with it, each as a field and a message.
func normaliseCarer(c *ParentCarer, add func(field, format string, a ...any)) {
	for _, f := range []*string{&c.Title, &c.Forenames, &c.Surname, &c.Relationship} {
		*f = strings.Join(strings.Fields(norm.NFC.String(*f)), " ")
	}
	for _, f := range []struct {
		s           string
		field, name string
	}{{c.Title, FieldCarerTitle, "the parent or carer's title"}, {c.Forenames, FieldCarerForenames, "the parent or carer's first name"},
		{c.Surname, FieldCarerSurname, "the parent or carer's surname"}, {c.Relationship, FieldCarerRelation, "the relationship"}} {
		if len([]rune(f.s)) > maxField {
			add(f.field, "%s is longer than %d characters", f.name, maxField)
		}
	}
	if strings.TrimSpace(c.Phone) == "" {
		c.Phone = ""
	} else if e164, err := nhs.ParsePhone(c.Phone); err != nil {
		add(FieldCarerPhone, "parent or carer's phone: %s", err.Error())
	} else {
		c.Phone = e164
	}
	address, problem := normaliseAddressLines(c.Address, "the parent or carer's address", "")
	c.Address = address
	if problem != "" {
		add(FieldCarerAddress, "%s", problem)
	}
	named := c.Forenames != "" || c.Surname != ""
	if !named && (c.Title != "" || c.Relationship != "" || c.Phone != "" || len(c.Address) > 0) {
		add(FieldCarerSurname, "enter the parent or carer's name, or clear their other details")
	} else if named && c.Surname == "" {
		add(FieldCarerSurname, "enter the parent or carer's surname: letters to them are addressed with it")
	}
}

// CarerName is the parent or carer's name as an envelope shows it.
func CarerName(c ParentCarer) string {
	return strings.Join(strings.Fields(fmt.Sprint(c.Title, " ", c.Forenames, " ", c.Surname)), " ")
}

// DefaultChildUnderAge is the age under which a missed appointment is one
// the child was not brought to, unless the clinic sets another.
const DefaultChildUnderAge = 16
