package letters

import (
	"fmt"
	"strings"

	"clinicdesk/app/ukcal"
)

// Fields is everything a letter template can merge. The app layer fills it
// from whatever the letter is about; a part that does not apply stays nil
// (a general letter has no Appointment), and a template that asks for a
// field of a nil part fails to render, naming the field and its line.
//
// Values are printed exactly as given (apart from NFC normalisation, which
// leaves stored names untouched), so pass names as recorded.
type Fields struct {
	// Today is the letter's date on the clinic's calendar (ukcal.Today).
	Today       ukcal.Date
	Patient     *PatientFields
	Appointment *AppointmentFields
	Clinician   *ClinicianFields
	Clinic      *ClinicFields
	Complaint   *ComplaintFields
	DNA         *DNAFields
	SAR         *SARFields
	Referral    *ReferralFields
	Letter      *LetterFields
}

// PatientFields is the patient the letter is about.
type PatientFields struct {
	Title, Forenames, Surname                          string
	KnownAs                                            string     // the name to greet them by, when their record says so; "" otherwise
	DOB                                                ukcal.Date // zero when not recorded
	NHSNumber                                          string     // as stored, 10 digits or ""
	AddressLine1, AddressLine2, Town, County, Postcode string
	GPName                                             string // "Dr Amara Okafor", as recorded
	GPPractice                                         string
	GPAddress                                          []string    // the practice's address, one line each, postcode last
	Carer                                              CarerFields // a child's parent or carer; blank when none is recorded
	// Child is true when the patient is a child on the letter's date, or
	// the letter goes to their parent or carer ({{#if patient.child}});
	// see template_child.go.
	Child bool
	// GPReferral is true when a referral from the patient's GP is
	// recorded; only then may a letter say the GP would need to refer
	// again.
	GPReferral bool
}

// AppointmentFields is the appointment the letter is about: the one booked,
// cancelled, moved or missed. Times are clinic wall-clock.
type AppointmentFields struct {
	Date        ukcal.Date
	StartMinute int // minutes after midnight: 570 is 09:30
	Minutes     int // length; 0 when unknown
	Type        string
	Clinician   string // the clinician's name as shown to patients
	Room        string // "" when no room is set
	// PreviousDate and PreviousStartMinute are the slot it was moved from;
	// PreviousDate is zero when it has not been moved.
	PreviousDate        ukcal.Date
	PreviousStartMinute int
	CancelReason        string // as it may be told to the patient
}

// ClinicianFields is the clinician the letter concerns or comes from.
type ClinicianFields struct {
	Name, Role string
}

// ClinicFields come from the clinic settings.
type ClinicFields struct {
	Name         string
	AddressLines []string // one line each, postcode last
	Phone        string   // already formatted for print, "0113 496 0123"
	Email        string
}

// ComplaintFields is the complaint a complaints letter answers. Free-text
// fields are written by the complaints lead for this letter; a blank line in
// them starts a new paragraph and lines starting "- " make a bullet list.
type ComplaintFields struct {
	Reference string
	Received  ukcal.Date
	// AcknowledgeBy and ResponseDue are the statutory and agreed deadlines.
	AcknowledgeBy, ResponseDue ukcal.Date
	Summary                    string // what the complaint is about, in a sentence or two

	// The person who complained; the patient's own name when they did.
	ComplainantTitle, ComplainantForenames, ComplainantSurname string
	ComplainantKnownAs                                         string // as PatientFields.KnownAs, when the patient complained
	// OnBehalfOf is the patient's name when someone else complained for
	// them, and "" when the patient complained.
	OnBehalfOf string
	Handler    string // the member of staff looking into it

	DelayReason   string // why the response will be late (delay letter)
	Investigation string // how the complaint was looked into (final response)
	Conclusions   string // what was found
	Actions       string // what has been or will be done
	// Outcome is the finding as the final response words it: "upheld",
	// "partially upheld" or "not upheld"; "" while undecided.
	Outcome string

	// The paragraphs of who can review the complaint next, chosen by the
	// complaint's rule set (the nation's ombudsman, or for private care
	// the clinic's independent adjudicator), never typed: the final
	// response's, the delay letter's, and the acknowledgement's offer of
	// free help to complain ("" where there is none).
	Ombudsman, OmbudsmanDelay, Advocacy string
}

// DNAFields is the patient's record of missed appointments ("did not
// attend") that the DNA policy counted, oldest first.
type DNAFields struct {
	Missed []MissedAppointment
}

// MissedAppointment is one appointment the patient did not attend.
type MissedAppointment struct {
	Date        ukcal.Date
	StartMinute int
}

// SARFields is a subject access request the letter answers.
type SARFields struct {
	Received, Due ukcal.Date
}

// LetterFields is text typed for this one letter, for the general letter.
type LetterFields struct {
	Subject, Body string
}

// Who a letter is addressed to, which also decides its salutation.
const (
	ToPatient     = "patient"
	ToGP          = "gp"
	ToComplainant = "complainant"
	ToParent      = "parent" // the patient's parent or carer, for a child
)

// duration prints a length in words: "30 minutes", "1 hour", "1 hour 15 minutes".
func duration(minutes int) string {
	if minutes <= 0 {
		return ""
	}
	h, m := minutes/60, minutes%60
	var parts []string
	if h > 0 {
		parts = append(parts, plural(h, "hour", "hours"))
	}
	if m > 0 {
		parts = append(parts, plural(m, "minute", "minutes"))
	}
	return strings.Join(parts, " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// joinNonEmpty joins the parts that are not blank, trimmed.
func joinNonEmpty(sep string, parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
