package patientcsv

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Field keys: one per column a patient list can have. The GUI's mapping
// step sets Mapping[key] = column.
const (
	KeyTitle          = "title"
	KeyForenames      = "forenames"
	KeySurname        = "surname"
	KeyPreferredName  = "preferred_name"
	KeyUseKnownAs     = "known_as_in_letters"
	KeyDOB            = "dob"
	KeySex            = "sex"
	KeyGenderIdentity = "gender_identity"
	KeyNHSNumber      = "nhs_number"
	KeyAddressLine1   = "address_line1"
	KeyAddressLine2   = "address_line2"
	KeyTown           = "town"
	KeyCounty         = "county"
	KeyPostcode       = "postcode"
	KeyMobile         = "phone_mobile"
	KeyHomePhone      = "phone_home"
	KeyWorkPhone      = "phone_work"
	KeyEmail          = "email"
	KeyGPName         = "gp_name"
	KeyGPPractice     = "gp_practice"
	KeyGPAddress      = "gp_address"
	KeyNOKName        = "nok_name"
	KeyNOKRelation    = "nok_relationship"
	KeyNOKPhone       = "nok_phone"
	KeyCarerTitle     = "carer_title"
	KeyCarerForenames = "carer_forenames"
	KeyCarerSurname   = "carer_surname"
	KeyCarerRelation  = "carer_relationship"
	KeyCarerPhone     = "carer_phone"
	KeyCarerAddress   = "carer_address"
	KeyLanguage       = "language"
	KeyInterpreter    = "interpreter"
	KeyConsentLetter  = "consent_letter"
	KeyConsentPhone   = "consent_phone"
	KeyConsentSMS     = "consent_sms"
	KeyConsentEmail   = "consent_email"
	KeyAlerts         = "alerts"
	KeyAISNeeds       = "ais_needs"
	KeyAISNotes       = "ais_notes"
	KeyAISReviewed    = "ais_reviewed"
	KeyLastTreatment  = "last_treatment"
	KeyDateOfDeath    = "date_of_death"
)

// Field is one thing a column can hold.
type Field struct {
	Key string
	// Label is the column's name in an export and in the GUI's mapping
	// step; AutoMap recognises it, so an export imports again unchanged.
	Label string
	// Synonyms are the other header names AutoMap recognises (ignoring
	// case, spaces and punctuation), for showing in the GUI.
	Synonyms []string
	Required bool
	phrase   string // how a problem names it: "the date of birth"
}

var fields = []Field{
	{Key: KeyTitle, Label: "Title", Synonyms: []string{"Salutation"}, phrase: "the title"},
	{Key: KeyForenames, Label: "Forenames", Required: true, phrase: "the first name",
		Synonyms: []string{"Forename", "Forename(s)", "First name", "First names", "Given name", "Given names", "First"}},
	{Key: KeySurname, Label: "Surname", Required: true, phrase: "the surname",
		Synonyms: []string{"Last name", "Family name", "Last"}},
	{Key: KeyPreferredName, Label: "Preferred name", Synonyms: []string{"Known as", "Nickname"}, phrase: "the preferred name"},
	{Key: KeyUseKnownAs, Label: "Use known-as name in letters", Synonyms: []string{"Known as in letters", "Preferred name in letters"}, phrase: "\"use known-as name in letters\""},
	{Key: KeyDOB, Label: "Date of birth", Required: true, phrase: "the date of birth",
		Synonyms: []string{"DOB", "D.O.B.", "Birth date", "Birthdate", "Date of birth (dd/mm/yyyy)"}},
	{Key: KeySex, Label: "Sex", Synonyms: []string{"Gender"}, phrase: "the sex"},
	{Key: KeyGenderIdentity, Label: "Gender identity", phrase: "the gender identity"},
	{Key: KeyNHSNumber, Label: "NHS number", Synonyms: []string{"NHS No", "NHS No.", "NHS", "NHS num"}, phrase: "the NHS number"},
	{Key: KeyAddressLine1, Label: "Address line 1", Synonyms: []string{"Address 1", "Address", "Street", "Addr1"}, phrase: "the first address line"},
	{Key: KeyAddressLine2, Label: "Address line 2", Synonyms: []string{"Address 2", "Addr2", "Locality"}, phrase: "the second address line"},
	{Key: KeyTown, Label: "Town", Synonyms: []string{"City", "Town/City", "Post town"}, phrase: "the town"},
	{Key: KeyCounty, Label: "County", phrase: "the county"},
	{Key: KeyPostcode, Label: "Postcode", Synonyms: []string{"Post code", "Postal code", "Zip", "Zip code"}, phrase: "the postcode"},
	{Key: KeyMobile, Label: "Mobile", Synonyms: []string{"Mobile phone", "Mobile number", "Mobile no", "Mob", "Phone", "Telephone", "Tel", "Phone number", "Telephone number", "Contact number"}, phrase: "the mobile number"},
	{Key: KeyHomePhone, Label: "Home phone", Synonyms: []string{"Home telephone", "Home tel", "Home number", "Landline"}, phrase: "the home phone number"},
	{Key: KeyWorkPhone, Label: "Work phone", Synonyms: []string{"Work telephone", "Work tel", "Work number", "Daytime phone"}, phrase: "the work phone number"},
	{Key: KeyEmail, Label: "Email", Synonyms: []string{"E-mail", "Email address"}, phrase: "the email address"},
	{Key: KeyGPName, Label: "GP", Synonyms: []string{"GP name", "Registered GP"}, phrase: "the GP"},
	{Key: KeyGPPractice, Label: "GP practice", Synonyms: []string{"Surgery", "GP surgery", "Practice"}, phrase: "the GP practice"},
	{Key: KeyGPAddress, Label: "GP practice address", Synonyms: []string{"GP address", "Practice address", "Surgery address", "GP surgery address"}, phrase: "the GP practice's address"},
	{Key: KeyNOKName, Label: "Next of kin", Synonyms: []string{"NOK", "NOK name", "Next of kin name", "Emergency contact"}, phrase: "the next of kin"},
	{Key: KeyNOKRelation, Label: "Next of kin relationship", Synonyms: []string{"NOK relationship", "Relationship"}, phrase: "the next of kin's relationship"},
	{Key: KeyNOKPhone, Label: "Next of kin phone", Synonyms: []string{"NOK phone", "NOK tel", "Next of kin telephone", "Emergency contact phone"}, phrase: "the next of kin's phone number"},
	{Key: KeyCarerTitle, Label: "Parent or carer title", Synonyms: []string{"Parent title", "Carer title"}, phrase: "the parent or carer's title"},
	{Key: KeyCarerForenames, Label: "Parent or carer forenames", Synonyms: []string{"Parent forenames", "Parent first name", "Carer first name", "Parent or carer first name"}, phrase: "the parent or carer's first name"},
	{Key: KeyCarerSurname, Label: "Parent or carer surname", Synonyms: []string{"Parent surname", "Carer surname", "Parent last name"}, phrase: "the parent or carer's surname"},
	{Key: KeyCarerRelation, Label: "Parent or carer relationship", Synonyms: []string{"Parent relationship", "Carer relationship"}, phrase: "the parent or carer's relationship"},
	{Key: KeyCarerPhone, Label: "Parent or carer phone", Synonyms: []string{"Parent phone", "Carer phone", "Parent telephone"}, phrase: "the parent or carer's phone number"},
	{Key: KeyCarerAddress, Label: "Parent or carer address", Synonyms: []string{"Parent address", "Carer address"}, phrase: "the parent or carer's address"},
	{Key: KeyLanguage, Label: "Preferred language", Synonyms: []string{"Language", "First language", "Main language"}, phrase: "the preferred language"},
	{Key: KeyInterpreter, Label: "Interpreter needed", Synonyms: []string{"Interpreter", "Interpreter required", "Needs interpreter"}, phrase: "\"interpreter needed\""},
	{Key: KeyConsentLetter, Label: "Contact by letter", Synonyms: []string{"Consent letter", "Letter consent", "OK to write"}, phrase: "\"contact by letter\""},
	{Key: KeyConsentPhone, Label: "Contact by phone", Synonyms: []string{"Consent phone", "Phone consent", "OK to phone"}, phrase: "\"contact by phone\""},
	{Key: KeyConsentSMS, Label: "Contact by SMS", Synonyms: []string{"Contact by text", "Consent SMS", "SMS consent", "OK to text"}, phrase: "\"contact by SMS\""},
	{Key: KeyConsentEmail, Label: "Contact by email", Synonyms: []string{"Consent email", "Email consent", "OK to email"}, phrase: "\"contact by email\""},
	{Key: KeyAlerts, Label: "Alerts", Synonyms: []string{"Alert", "Warnings"}, phrase: "the alerts"},
	{Key: KeyAISNeeds, Label: "Communication needs", Synonyms: []string{"AIS needs", "AIS", "Accessible information", "Accessible information needs"}, phrase: "the communication needs"},
	{Key: KeyAISNotes, Label: "Communication needs notes", Synonyms: []string{"AIS notes"}, phrase: "the communication needs notes"},
	{Key: KeyAISReviewed, Label: "Communication needs reviewed", Synonyms: []string{"AIS reviewed", "Communication needs last reviewed"}, phrase: "the date the communication needs were reviewed"},
	{Key: KeyLastTreatment, Label: "Last seen", Synonyms: []string{"Last treatment", "Last appointment", "Last visit", "Last treated"}, phrase: "the date last seen"},
	{Key: KeyDateOfDeath, Label: "Date of death", Synonyms: []string{"DOD", "Died", "Date died", "Deceased date", "Death date"}, phrase: "the date of death"},
}

// phoneFallbacks: a plain "Phone" column is the mobile unless the file
// also has a Mobile column, then the home phone, then the work phone.
var phoneFallbacks = []string{KeyMobile, KeyHomePhone, KeyWorkPhone}

var genericPhone = map[string]bool{}

// byHeader maps a normalised header name to its field.
var byHeader = map[string]string{}

func init() {
	for _, f := range fields {
		byHeader[headerKey(f.Label)] = f.Key
		for _, s := range f.Synonyms {
			byHeader[headerKey(s)] = f.Key
		}
	}
	for _, s := range []string{"Phone", "Telephone", "Tel", "Phone number", "Telephone number", "Contact number"} {
		genericPhone[headerKey(s)] = true
	}
}

// Fields lists every field a column can be mapped to, in export order,
// with the labels the GUI shows.
func Fields() []Field {
	out := make([]Field, len(fields))
	copy(out, fields)
	return out
}

// FieldByKey finds a field (ok is false for an unknown key).
func FieldByKey(key string) (Field, bool) {
	for _, f := range fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Phrase is how problems name the field ("the date of birth").
func (f Field) Phrase() string { return f.phrase }

// dateSuffixes are format hints people put in headers: "DOB (dd/mm/yyyy)".
var dateSuffixes = []string{"ddmmyyyy", "ddmmyy", "yyyymmdd"}

// headerKey reduces a header to lower-case letters and digits, so "First
// NAME", "first_name" and "First-name" are the same, as are "D.O.B." and
// "DOB".
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := b.String()
	for _, s := range dateSuffixes {
		if t := strings.TrimSuffix(k, s); t != k && t != "" {
			return t
		}
	}
	return k
}

// Mapping says which column (0-based) holds each field, by field key. A
// field that is not in the map is not imported; a column no field names
// is ignored. The GUI may change it before calling Rows.
type Mapping map[string]int

// AutoMap maps header names to fields by their usual names and synonyms,
// ignoring case, spaces and punctuation. The first column wins if two name
// the same field; a plain "Phone" column is the mobile unless a Mobile
// column is there too (then the home phone).
func AutoMap(headers []string) Mapping {
	m := Mapping{}
	used := map[int]bool{}
	for i, h := range headers {
		k := headerKey(h)
		if genericPhone[k] {
			continue // second pass, once the specific phone columns are placed
		}
		if key, ok := byHeader[k]; ok {
			if _, taken := m[key]; !taken {
				m[key] = i
				used[i] = true
			}
		}
	}
	for i, h := range headers {
		if used[i] || !genericPhone[headerKey(h)] {
			continue
		}
		for _, key := range phoneFallbacks {
			if _, taken := m[key]; !taken {
				m[key] = i
				break
			}
		}
	}
	return m
}

// Fields lists every field a column can be mapped to (the same as the
// package's Fields, for the GUI's convenience).
func (m Mapping) Fields() []Field { return Fields() }

// Column is one column of the file, by position and header name.
type Column struct {
	Index  int
	Header string
}

func (c Column) String() string {
	if strings.TrimSpace(c.Header) == "" {
		return fmt.Sprintf("column %d (no heading)", c.Index+1)
	}
	return fmt.Sprintf("%q", c.Header)
}

// Unmapped lists the columns no field is mapped to: they are ignored.
func (m Mapping) Unmapped(headers []string) []Column {
	used := map[int]bool{}
	for _, col := range m {
		used[col] = true
	}
	var out []Column
	for i, h := range headers {
		if !used[i] {
			out = append(out, Column{i, h})
		}
	}
	return out
}

// Missing lists the required fields (forenames, surname, date of birth)
// that no column is mapped to.
func (m Mapping) Missing() []Field {
	var out []Field
	for _, f := range fields {
		if col, ok := m[f.Key]; f.Required && (!ok || col < 0) {
			out = append(out, f)
		}
	}
	return out
}

// Mapped lists the fields that are mapped, in the order of their columns.
func (m Mapping) Mapped(headers []string) []MappedColumn {
	var out []MappedColumn
	for _, f := range fields {
		if col, ok := m[f.Key]; ok && col >= 0 && col < len(headers) {
			out = append(out, MappedColumn{Column{col, headers[col]}, f})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Column.Index < out[j].Column.Index })
	return out
}

// MappedColumn is a column and the field it fills.
type MappedColumn struct {
	Column Column
	Field  Field
}

// Validate checks a mapping (say, after the GUI's mapping step) against
// the file's headers: known fields, columns that exist, no column used for
// two fields, and every required field mapped.
func (m Mapping) Validate(headers []string) error {
	byCol := map[int]string{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		col := m[k]
		f, ok := FieldByKey(k)
		if !ok {
			return fmt.Errorf("there is no patient field called %q", k)
		}
		if col < 0 {
			continue
		}
		if col >= len(headers) {
			return fmt.Errorf("%s is mapped to column %d, but the file has only %d columns", f.Label, col+1, len(headers))
		}
		if other, dup := byCol[col]; dup {
			o, _ := FieldByKey(other)
			return fmt.Errorf("%s is used for both %s and %s: choose one", Column{col, headers[col]}, o.Label, f.Label)
		}
		byCol[col] = k
	}
	if missing := m.Missing(); len(missing) > 0 {
		return MissingError{Fields: missing}
	}
	return nil
}

// MissingError says which required fields have no column.
type MissingError struct{ Fields []Field }

func (e MissingError) Error() string {
	var parts []string
	for _, f := range e.Fields {
		names := append([]string{f.Label}, f.Synonyms...)
		if len(names) > 4 {
			names = names[:4]
		}
		parts = append(parts, fmt.Sprintf("%s (a column headed %s)", strings.TrimPrefix(f.phrase, "the "), orList(names)))
	}
	return "the file has no column for " + strings.Join(parts, ", ") +
		": rename the column headings in the spreadsheet (if one \"Name\" column holds whole names, split it into first name and surname first)"
}

func orList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
