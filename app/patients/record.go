package patients

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// PatientBrief is what a generated diary needs to know of a patient.
type PatientBrief struct {
	ID, DOB, Sex string
}

// DefaultChildUnderAge is the age under which a missed appointment is one
// the child was not brought to, unless the clinic sets another.
const DefaultChildUnderAge = 16

// letterFolds are letters that are not a base letter plus an accent, so
// Unicode decomposition leaves them alone, but that people type without
// ("Lukasz" for Łukasz, "Oyvind" for Øyvind).
var letterFolds = strings.NewReplacer(
	"ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d", "ß", "ss",
	"æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ı", "i", "ŀ", "l", "Ŀ", "l", "þ", "th", "Þ", "th",
)

// FoldName lower-cases a name and strips accents and the letters above,
// for the search index and for comparing names: "Zoë Łukasiewicz" and
// "zoe lukasiewicz" fold alike. Other scripts are kept as they are.
func FoldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(letterFolds.Replace(out))
}

// Note is a note or a logged phone call on a patient's record.
type Note struct {
	ID        string
	PatientID string
	Kind      string // note, call
	Direction string // in, out (calls)
	Body      string
	CreatedBy string
	CreatedAt time.Time
}

// Merge is one merge of a duplicate record into a survivor.
type Merge struct {
	ID         string
	SurvivorID string
	MergedID   string
	Moved      map[string][]string // table -> row ids moved
	MergedBy   string
	MergedAt   time.Time
	UndoneBy   string
	UndoneAt   time.Time
}

// PatientQuery is a search, already understood by the app layer: each
// part narrows the result. Name tokens are prefixes ("zo smi").
type PatientQuery struct {
	NameTokens      []string
	NHSNumber       string // 10 digits
	DOB             string // YYYY-MM-DD
	Postcode        string // normalised full postcode, or an outward code prefix
	Phone           string // E.164
	IncludeArchived bool
	Limit           int
}

// PatientSummary is a patient as a list or search result shows them:
// enough to tell two John Smiths apart, and nothing that could be saved
// back over the record by mistake (open the record by ID to edit it).
type PatientSummary struct {
	ID            string
	Title         string
	Forenames     string
	Surname       string
	PreferredName string
	DOB           string
	NHSNumber     string
	Postcode      string
	Alerts        []Alert
	AISNeeds      []string
	Language      string
	Interpreter   bool
	Status        string
}

// Summary is the list row of p.
func (p Patient) Summary() PatientSummary {
	return PatientSummary{ID: p.ID, Title: p.Title, Forenames: p.Forenames, Surname: p.Surname,
		PreferredName: p.PreferredName, DOB: p.DOB, NHSNumber: p.NHSNumber, Postcode: p.Address.Postcode,
		Alerts: p.Alerts, AISNeeds: p.AIS.Needs, Language: p.Language, Interpreter: p.Interpreter, Status: p.Status}
}

// Patient is one patient's record. Plain dates (DOB, last treatment, AIS
// review) are "YYYY-MM-DD" strings: they have no time of day and no zone.
// The app layer validates and normalises every field before it gets here.
type Patient struct {
	ID             string
	Title          string
	Forenames      string
	Surname        string
	PreferredName  string
	UseKnownAs     bool // letters greet the patient by PreferredName, at their request
	DOB            string
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
	LastTreatment  string // hand-kept, e.g. treatment before ClinicDesk; the diary's Seen appointments count too
	DateOfDeath    string // "" when not recorded
	Status         string // active, archived, merged
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
	Reviewed string // YYYY-MM-DD
}

// Patient statuses.
const (
	PatientActive   = "active"
	PatientArchived = "archived"
	PatientMerged   = "merged"
)

// PatientFilter pages through patients in name order.
type PatientFilter struct {
	Status string // "" means active
	After  string // page after the patient with this id, in name order
	Limit  int
}

// SafeguardingPrompt asks the clinician to consider safeguarding after a
// child was not brought to an appointment. It stays open until someone
// acknowledges it, with a note of what they decided.
type SafeguardingPrompt struct {
	ID             string
	PatientID      string
	AppointmentID  string
	ClinicianID    string
	MissedCount    int // missed appointments in the DNA window, this one included
	CreatedAt      time.Time
	CreatedBy      string
	AcknowledgedAt time.Time // zero while open
	AcknowledgedBy string
	Note           string

	// Read with the prompt, for showing it.
	PatientName     string // "Forenames Surname"
	AppointmentDate string // YYYY-MM-DD
	AppointmentMin  int    // start, minutes after midnight
}

// Open reports whether the prompt still waits for acknowledgement.
func (p SafeguardingPrompt) Open() bool { return p.AcknowledgedAt.IsZero() }

// SafeguardingFilter narrows the prompts read.
type SafeguardingFilter struct {
	PatientID     string
	AppointmentID string
	OpenOnly      bool
	Limit         int // 0: 200
}
