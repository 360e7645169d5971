// Package patients holds the rules of a patient record: what each field
// may hold and how it is normalised, the Accessible Information Standard
// and alert catalogues, search queries, duplicates and retention.
package patients

import "strings"

// Option is a coded choice with the words staff see.
type Option struct {
	Code  string
	Label string
}

// AISNeeds are the Accessible Information Standard communication needs
// the clinic records and acts on (letters in large print, an interpreter
// booked, …).
var AISNeeds = []Option{
	{"large_print", "Large print"},
	{"braille", "Braille"},
	{"easy_read", "Easy read"},
	{"audio", "Audio recording"},
	{"bsl_interpreter", "BSL interpreter"},
	{"lipspeaker", "Lipspeaker"},
	{"deafblind_interpreter", "Deafblind interpreter"},
	{"hearing_loop", "Hearing loop"},
	{"email_only", "Contact by email only"},
	{"text_only", "Contact by text message only"},
	{"no_phone", "Cannot use the phone"},
	{"advocate", "Needs an advocate"},
}

// AlertKinds are the alerts shown wherever the patient appears.
var AlertKinds = []Option{
	{"violent_warning", "Violent warning"},
	{"safeguarding", "Safeguarding"},
	{"lone_working", "Do not see alone"},
	{"infection_risk", "Infection risk"},
	{"other", "Other"},
}

// Sexes are the recorded sex values (NHS data dictionary); gender identity
// is a separate, free-text field.
var Sexes = []Option{
	{"", "Not recorded"},
	{"female", "Female"},
	{"male", "Male"},
	{"indeterminate", "Indeterminate"},
	{"not_known", "Not known"},
}

// Titles offered in the form; any other title can be typed.
var Titles = []string{"Mr", "Mrs", "Miss", "Ms", "Mx", "Dr", "Prof", "Rev", "Sir", "Dame", "Lady", "Lord"}

// Label finds the label of code in options, or the code itself.
func Label(options []Option, code string) string {
	for _, o := range options {
		if o.Code == code {
			return o.Label
		}
	}
	return code
}

// aisSynonyms are other ways spreadsheets write the same needs.
var aisSynonyms = map[string]string{
	"large print": "large_print", "large font": "large_print", "lp": "large_print",
	"braille": "braille", "easy read": "easy_read", "easyread": "easy_read",
	"audio": "audio", "audio recording": "audio", "audio cd": "audio",
	"bsl": "bsl_interpreter", "bsl interpreter": "bsl_interpreter", "british sign language": "bsl_interpreter",
	"sign language interpreter": "bsl_interpreter",
	"lipspeaker":                "lipspeaker", "lip speaker": "lipspeaker",
	"deafblind interpreter": "deafblind_interpreter", "deafblind": "deafblind_interpreter",
	"hearing loop": "hearing_loop", "loop": "hearing_loop",
	"email only": "email_only", "contact by email only": "email_only",
	"text only": "text_only", "sms only": "text_only", "contact by text message only": "text_only",
	"no phone": "no_phone", "cannot use the phone": "no_phone",
	"advocate": "advocate", "needs an advocate": "advocate",
}

// ParseAISNeed maps a written need ("Large print", "BSL") to its code.
func ParseAISNeed(s string) (string, bool) {
	key := strings.Join(strings.Fields(strings.ToLower(strings.TrimSpace(s))), " ")
	if code, ok := aisSynonyms[key]; ok {
		return code, true
	}
	for _, o := range AISNeeds {
		if key == o.Code || key == strings.ToLower(o.Label) {
			return o.Code, true
		}
	}
	return "", false
}

// ParseAISNeeds splits a cell such as "Large print; BSL interpreter" into
// codes, and returns what it did not recognise.
func ParseAISNeeds(cell string) (codes, unknown []string) {
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == ',' || r == '/' || r == '|' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if code, ok := ParseAISNeed(part); ok {
			if !contains(codes, code) {
				codes = append(codes, code)
			}
		} else {
			unknown = append(unknown, part)
		}
	}
	return codes, unknown
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
