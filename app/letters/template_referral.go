package letters

import (
	"slices"
	"strings"

	"clinicdesk/app/ukcal"
)

// Who a referral letter goes to: the one who referred the patient to us
// (the acknowledgement), or the service we referred the patient to (the
// referral itself and its chase).
const (
	ToReferrer = "referrer"
	ToService  = "service"
)

// ReferralFields is the referral a letter is about.
type ReferralFields struct {
	Date      ukcal.Date // received (a referral to us) or sent (one from us)
	Urgency   string     // with its article: "a routine referral", "an urgent referral", "a suspected cancer referral"
	Reason    string     // typed by staff
	Documents string     // typed by staff: what came with it, or goes with it
	// The other end: the referrer, or the service referred to.
	PartyName, PartyOrganisation string
	PartyAddress                 []string // one line each, postcode last
	ReplyDueBy                   ukcal.Date
	LastChased                   ukcal.Date // zero before the first chase
}

// ReferralSalutation is the greeting for the person or service at the
// other end of a referral: "Dear Dr Khan" for "Dr A Khan", the name as
// written for a person with no title, and "Dear Colleague" for a
// department, a team or no name at all (a letter to "Radiology
// Department" must not begin "Dear Dr Department").
func ReferralSalutation(name string) string {
	words := strings.Fields(name)
	switch {
	case len(words) > 0 && isGPTitle(words[0]):
		return GPSalutationFor(name)
	case len(words) == 0 || looksLikeAService(words):
		return "Dear Colleague"
	}
	return "Dear " + strings.Join(words, " ")
}

// serviceWords mark a name without a title as a service rather than a
// person. Words that are also common surnames (Ward, Hall) are left out.
var serviceWords = []string{"department", "team", "service", "services", "clinic", "unit", "centre", "center",
	"hospital", "practice", "surgery", "trust", "radiology", "diagnostics", "imaging", "pathology", "mdt", "hub",
	"bookings", "booking", "nhs"}

func looksLikeAService(words []string) bool {
	for _, w := range words {
		if slices.Contains(serviceWords, strings.ToLower(strings.Trim(w, ".,()&"))) {
			return true
		}
	}
	return false
}

func referralField(get func(*ReferralFields) string) func(Fields) (string, bool) {
	return func(f Fields) (string, bool) {
		if f.Referral == nil {
			return "", false
		}
		return get(f.Referral), true
	}
}

// referralFieldList are the referral's merge fields, after the subject
// access ones in the picker.
var referralFieldList = []tmplField{
	{group: "Referral", name: "referral.date", object: "referral",
		description: "The day we received the referral, or the day we sent it.",
		value:       referralField(func(r *ReferralFields) string { return r.Date.Long() })},
	{group: "Referral", name: "referral.urgency", object: "referral",
		description: "How urgent the referral is, with “a” or “an”: a routine referral, an urgent referral or a suspected cancer referral.",
		value:       referralField(func(r *ReferralFields) string { return r.Urgency })},
	{group: "Referral", name: "referral.reason", object: "referral",
		description: "Why the patient is referred, as typed. Put it on a line of its own starting “> ”.",
		value:       referralField(func(r *ReferralFields) string { return r.Reason }),
		typed:       tidyPassage},
	{group: "Referral", name: "referral.documents", object: "referral",
		description: "What came with the referral, or goes with it, as typed. Put it on a line of its own starting “> ”. Blank when nothing is noted.",
		value:       referralField(func(r *ReferralFields) string { return r.Documents }),
		typed:       tidyPassage},
	{group: "Referral", name: "referral.name", object: "referral",
		description: "Who referred the patient to us, or the service we referred them to.",
		value:       referralField(func(r *ReferralFields) string { return r.PartyName })},
	{group: "Referral", name: "referral.organisation", object: "referral",
		description: "The organisation of the referrer, or of the service we referred the patient to. Often blank.",
		value:       referralField(func(r *ReferralFields) string { return r.PartyOrganisation })},
	{group: "Referral", name: "referral.salutation", object: "referral",
		description: "The greeting for the referrer or the service, such as Dear Dr Khan, or Dear Colleague for a department.",
		value:       referralField(func(r *ReferralFields) string { return ReferralSalutation(r.PartyName) })},
	{group: "Referral", name: "referral.reply_due", object: "referral",
		description: "When we expect a reply to a referral we sent. Blank when no date was set.",
		value: referralField(func(r *ReferralFields) string {
			if r.ReplyDueBy.IsZero() {
				return ""
			}
			return r.ReplyDueBy.Long()
		})},
	{group: "Referral", name: "referral.last_chased", object: "referral",
		description: "When we last chased a reply to a referral we sent. Blank before the first chase.",
		value: referralField(func(r *ReferralFields) string {
			if r.LastChased.IsZero() {
				return ""
			}
			return r.LastChased.Long()
		})},
}

// The referral's fields go after the subject access ones.
func init() {
	at := len(tmplFieldList)
	for i, d := range tmplFieldList {
		if d.group == "Subject access" {
			at = i + 1
		}
	}
	tmplFieldList = slices.Insert(tmplFieldList, at, referralFieldList...)
	tmplObjects["referral"] = tmplObject{"referral", "a referral", func(f Fields) bool { return f.Referral != nil }}
	for i := range tmplFieldList {
		tmplFields[tmplFieldList[i].name] = &tmplFieldList[i]
	}
}
