package patients

import (
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Patient is one patient's record. Plain dates (DOB, last treatment, AIS
// review, death) are ukcal.Dates: no time of day, no zone; the zero Date
// means not recorded. The app layer validates and normalises every field
// before it gets here.
type Patient struct {
	ID             string
	Title          string
	Forenames      string
	Surname        string
	PreferredName  string
	UseKnownAs     bool // letters greet the patient by PreferredName, at their request
	DOB            ukcal.Date
	Sex            string // "", female, male, indeterminate, not_known
	GenderIdentity string
	NHSNumber      string // 10 digits or ""
	Address        Address
	Phones         Phones
	Email          string
	GP             GP
	NextOfKin      NextOfKin
	ParentCarer    ParentCarer // for a child: who letters about missed appointments go to
	Language       string
	Interpreter    bool
	Consent        Consent
	Alerts         []Alert
	AIS            AIS
	LastTreatment  ukcal.Date // hand-kept, e.g. treatment before ClinicDesk; the diary's Seen appointments count too
	DateOfDeath    ukcal.Date // zero when not recorded
	Status         Status
	MergedInto     string
	ArchivedAt     time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Address is a UK postal address; Postcode is normalised ("LS1 4AP").
type Address struct {
	Line1, Line2, Town, County, Postcode string
}

// Phones are stored in E.164 ("+447700900123").
type Phones struct {
	Mobile, Home, Work string
}

// GP is the patient's registered GP and practice. Address is the
// practice's postal address, one line each, postcode last; nil when not
// recorded.
type GP struct {
	Name, Practice string
	Address        []string
}

// NextOfKin is the emergency contact.
type NextOfKin struct {
	Name, Relationship, Phone string
}

// ParentCarer is a child's parent or carer, to whom letters about the
// child's missed appointments are written. Address is their postal
// address, one line each, postcode last; nil means the child's own.
type ParentCarer struct {
	Title, Forenames, Surname, Relationship, Phone string
	Address                                        []string
}

// Recorded reports whether a parent or carer is named.
func (c ParentCarer) Recorded() bool { return strings.TrimSpace(c.Forenames+c.Surname) != "" }

// Consent says how the patient agrees to be contacted.
type Consent struct {
	Letter, Phone, SMS, Email bool
}

// Alert is shown wherever the patient appears ("violent warning", …).
type Alert struct {
	Kind string `json:"kind"`
	Text string `json:"text,omitempty"`
}

// AIS holds the Accessible Information Standard needs.
type AIS struct {
	Needs    []string // codes such as large_print, bsl_interpreter
	Notes    string
	Reviewed ukcal.Date
}

// Status is where a record is in its life, as stored: the values are
// stable because the store keeps them and its SQL names them.
type Status string

// The statuses. A merged record stays only to point at the one it was
// merged into.
const (
	Active   Status = "active"
	Archived Status = "archived"
	Merged   Status = "merged"
)

// Label is the status as staff see it: "Archived"; "" for no status.
func (s Status) Label() string {
	switch s {
	case Active:
		return "Active"
	case Archived:
		return "Archived"
	case Merged:
		return "Merged"
	}
	return string(s)
}

// PatientFilter pages through patients in name order.
type PatientFilter struct {
	Status Status // "" means Active
	After  string // page after the patient with this id, in name order
	Limit  int
}
