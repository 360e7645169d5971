package letters

import (
	"fmt"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/schedule"
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
	// GPReferral is true when the record says the patient's GP referred
	// them; only then may a letter say the GP would need to refer again.
	// ClinicDesk does not record referrals yet (SPEC §2.6), so it stays
	// false until it does.
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

// Salutation is the greeting for a letter addressed to, one of ToPatient,
// ToGP or ToComplainant, worked out by the same rules as the merge fields.
func (f Fields) Salutation(addressedTo string) (string, error) {
	switch addressedTo {
	case ToPatient, ToGP:
		if f.Patient == nil {
			return "", fmt.Errorf("letters: a letter to the patient or their GP needs the patient's details")
		}
		if addressedTo == ToGP {
			return GPSalutationFor(f.Patient.GPName), nil
		}
		return SalutationKnownAs(f.Patient.Title, f.Patient.Forenames, f.Patient.Surname, f.Patient.KnownAs), nil
	case ToParent:
		return parentSalutation(f)
	case ToComplainant:
		c := f.Complaint
		if c == nil {
			return "", fmt.Errorf("letters: a letter to a complainant needs the complaint's details")
		}
		return SalutationKnownAs(c.ComplainantTitle, c.ComplainantForenames, c.ComplainantSurname, c.ComplainantKnownAs), nil
	}
	return "", fmt.Errorf("letters: no salutation rule for a letter to %q", addressedTo)
}

// FieldInfo describes one merge field for the editor's field picker.
type FieldInfo struct {
	Group       string // "Patient", "Appointment", …
	Name        string // "patient.surname"
	Description string // plain English, for the picker
	Example     string // what it prints for the example patient
	// SetOff marks text typed by staff, which goes on a line of its own
	// starting "> " (see SetOffMark).
	SetOff bool
}

// Tag is the text to insert into a template: "{{patient.surname}}", or
// "> {{complaint.summary}}" for typed text, which is set off.
func (fi FieldInfo) Tag() string {
	if fi.SetOff {
		return SetOffMark + "{{" + fi.Name + "}}"
	}
	return "{{" + fi.Name + "}}"
}

// FieldCatalogue lists every merge field in the picker's order, with an
// example value taken from ExampleFields.
func FieldCatalogue() []FieldInfo {
	example := ExampleFields()
	out := make([]FieldInfo, 0, len(tmplFieldList))
	for _, d := range tmplFieldList {
		value, _ := d.value(example)
		if d.typed != nil {
			value = d.typed(value)
		}
		out = append(out, FieldInfo{Group: d.group, Name: d.name, Description: d.description, Example: value, SetOff: d.typed != nil})
	}
	return out
}

// tmplObject is a part of Fields that may be absent. A condition may name
// it on its own, {{#if appointment}}, to test whether it is there.
type tmplObject struct {
	name    string
	missing string // completes "… needs …, and this letter has none"
	present func(Fields) bool
}

var tmplObjects = map[string]tmplObject{
	"patient":     {"patient", "a patient", func(f Fields) bool { return f.Patient != nil }},
	"appointment": {"appointment", "an appointment", func(f Fields) bool { return f.Appointment != nil }},
	"clinician":   {"clinician", "a clinician", func(f Fields) bool { return f.Clinician != nil }},
	"clinic":      {"clinic", "the clinic's details", func(f Fields) bool { return f.Clinic != nil }},
	"complaint":   {"complaint", "a complaint", func(f Fields) bool { return f.Complaint != nil }},
	"dna":         {"dna", "a record of missed appointments", func(f Fields) bool { return f.DNA != nil }},
	"sar":         {"sar", "a subject access request", func(f Fields) bool { return f.SAR != nil }},
	"letter":      {"letter", "text typed for this letter", func(f Fields) bool { return f.Letter != nil }},
	"today":       {"today", "today's date", func(f Fields) bool { return !f.Today.IsZero() }},
}

// tmplField is one merge field. value reports false when the field's
// object is absent; truth, when set, replaces "printed text is not blank"
// for {{#if}}.
type tmplField struct {
	group, name, object, description string
	value                            func(Fields) (string, bool)
	truth                            func(Fields) bool
	// whenBlank, when set, makes printing the field blank an error that
	// says how to fill it in ({{#if}} may still test it).
	whenBlank string
	// typed, when set, marks text typed by staff for this one letter: it
	// may only be merged set off ("> "), tidied by typed to stand alone.
	typed func(string) string
	// prose, when set, tidies typed text that makes paragraphs of its own.
	prose func(string) string
}

// The helpers below turn "read a string from an optional part" into a
// field value.
func patientField(get func(*PatientFields) string) func(Fields) (string, bool) {
	return func(f Fields) (string, bool) {
		if f.Patient == nil {
			return "", false
		}
		return get(f.Patient), true
	}
}

func appointmentField(get func(*AppointmentFields) string) func(Fields) (string, bool) {
	return func(f Fields) (string, bool) {
		if f.Appointment == nil {
			return "", false
		}
		return get(f.Appointment), true
	}
}

func complaintField(get func(*ComplaintFields) string) func(Fields) (string, bool) {
	return func(f Fields) (string, bool) {
		if f.Complaint == nil {
			return "", false
		}
		return get(f.Complaint), true
	}
}

// clinicDetailsBlank says where a missing clinic detail is filled in.
func clinicDetailsBlank(what string) string {
	return "add the clinic's " + what + " in Settings → Clinic details, or take the field out of the template"
}

func clinicField(get func(*ClinicFields) string) func(Fields) (string, bool) {
	return func(f Fields) (string, bool) {
		if f.Clinic == nil {
			return "", false
		}
		return get(f.Clinic), true
	}
}

// tmplFieldList is the catalogue, in the picker's order.
var tmplFieldList = []tmplField{
	{group: "Patient", name: "patient.title", object: "patient",
		description: "The patient's title, such as Mr, Ms or Dr. Blank if they have none.",
		value:       patientField(func(p *PatientFields) string { return p.Title })},
	{group: "Patient", name: "patient.forenames", object: "patient",
		description: "The patient's first name and any middle names.",
		value:       patientField(func(p *PatientFields) string { return p.Forenames })},
	{group: "Patient", name: "patient.surname", object: "patient",
		description: "The patient's surname (family name).",
		value:       patientField(func(p *PatientFields) string { return p.Surname })},
	{group: "Patient", name: "patient.full_name", object: "patient",
		description: "The patient's first names and surname, without a title.",
		value:       patientField(func(p *PatientFields) string { return joinNonEmpty(" ", p.Forenames, p.Surname) })},
	{group: "Patient", name: "patient.salutation", object: "patient",
		description: "The greeting for the patient: title and surname, or first name (without middle names) and surname when they have no title, or the name they are known by and surname when their record says letters use it.",
		value: patientField(func(p *PatientFields) string {
			return SalutationKnownAs(p.Title, p.Forenames, p.Surname, p.KnownAs)
		})},
	{group: "Patient", name: "patient.nhs_number", object: "patient",
		description: "The patient's NHS number, spaced as the NHS prints it. Blank if not recorded.",
		value:       patientField(func(p *PatientFields) string { return nhs.FormatNHSNumber(p.NHSNumber) })},
	{group: "Patient", name: "patient.dob", object: "patient",
		description: "The patient's date of birth, written out in full. Blank if not recorded.",
		value:       patientField(func(p *PatientFields) string { return p.DOB.Long() })},
	{group: "Patient", name: "patient.address", object: "patient",
		description: "The patient's whole postal address, one part per line, with no blank lines.",
		value: patientField(func(p *PatientFields) string {
			return joinNonEmpty("\n", p.AddressLine1, p.AddressLine2, p.Town, p.County, p.Postcode)
		})},
	{group: "Patient", name: "patient.address_one_line", object: "patient",
		description: "The patient's address on one line, with commas, for use inside a sentence.",
		value: patientField(func(p *PatientFields) string {
			return joinNonEmpty(", ", p.AddressLine1, p.AddressLine2, p.Town, p.County, p.Postcode)
		})},
	{group: "Patient", name: "patient.address_line1", object: "patient",
		description: "The first line of the patient's address.",
		value:       patientField(func(p *PatientFields) string { return p.AddressLine1 })},
	{group: "Patient", name: "patient.address_line2", object: "patient",
		description: "The second line of the patient's address. Often blank.",
		value:       patientField(func(p *PatientFields) string { return p.AddressLine2 })},
	{group: "Patient", name: "patient.town", object: "patient",
		description: "The patient's town or city.",
		value:       patientField(func(p *PatientFields) string { return p.Town })},
	{group: "Patient", name: "patient.county", object: "patient",
		description: "The patient's county. Often blank.",
		value:       patientField(func(p *PatientFields) string { return p.County })},
	{group: "Patient", name: "patient.postcode", object: "patient",
		description: "The patient's postcode.",
		value:       patientField(func(p *PatientFields) string { return p.Postcode })},
	{group: "Patient", name: "patient.gp_name", object: "patient",
		description: "The name of the patient's GP, as recorded.",
		value:       patientField(func(p *PatientFields) string { return p.GPName })},
	{group: "Patient", name: "patient.gp_practice", object: "patient",
		description: "The name of the patient's GP practice.",
		value:       patientField(func(p *PatientFields) string { return p.GPPractice })},
	{group: "Patient", name: "patient.gp_address", object: "patient",
		description: "The postal address of the patient's GP practice, one part per line, postcode last. Blank if not recorded.",
		value:       patientField(func(p *PatientFields) string { return joinNonEmpty("\n", p.GPAddress...) })},
	{group: "Patient", name: "patient.gp_referral", object: "patient",
		description: "For a condition: {{#if patient.gp_referral}}…{{/if}} keeps its text only when the record says the patient's GP referred them. This version does not record referrals, so the text is left out.",
		value: patientField(func(p *PatientFields) string {
			if p.GPReferral {
				return "yes"
			}
			return ""
		}),
		truth: func(f Fields) bool { return f.Patient != nil && f.Patient.GPReferral }},
	{group: "Patient", name: "patient.gp_salutation", object: "patient",
		description: "The greeting for the patient's GP, such as Dear Dr Okafor.",
		value:       patientField(func(p *PatientFields) string { return GPSalutationFor(p.GPName) })},

	{group: "Appointment", name: "appointment.date", object: "appointment",
		description: "The day of the appointment, with the day of the week.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.Date.LongWithDay() })},
	{group: "Appointment", name: "appointment.time", object: "appointment",
		description: "The time the appointment starts, on the 24-hour clock.",
		value:       appointmentField(func(a *AppointmentFields) string { return schedule.Clock(a.StartMinute).String() })},
	{group: "Appointment", name: "appointment.end_time", object: "appointment",
		description: "The time the appointment ends, on the 24-hour clock. Blank if the length is not known.",
		value: appointmentField(func(a *AppointmentFields) string {
			if a.Minutes <= 0 {
				return ""
			}
			return schedule.Clock(a.StartMinute + a.Minutes).String()
		})},
	{group: "Appointment", name: "appointment.duration", object: "appointment",
		description: "How long the appointment lasts, in hours and minutes.",
		value:       appointmentField(func(a *AppointmentFields) string { return duration(a.Minutes) })},
	{group: "Appointment", name: "appointment.type", object: "appointment",
		description: "The kind of appointment, such as New patient assessment.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.Type })},
	{group: "Appointment", name: "appointment.clinician", object: "appointment",
		description: "The name of the clinician the patient will see.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.Clinician })},
	{group: "Appointment", name: "appointment.room", object: "appointment",
		description: "The room the appointment is in. Blank if no room is set, so use it inside {{#if appointment.room}}.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.Room })},
	{group: "Appointment", name: "appointment.previous_date", object: "appointment",
		description: "For a moved appointment, the day it was booked for before. Blank if it has not moved.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.PreviousDate.LongWithDay() })},
	{group: "Appointment", name: "appointment.previous_time", object: "appointment",
		description: "For a moved appointment, the time it was booked for before. Blank if it has not moved.",
		value: appointmentField(func(a *AppointmentFields) string {
			if a.PreviousDate.IsZero() {
				return ""
			}
			return schedule.Clock(a.PreviousStartMinute).String()
		})},
	{group: "Appointment", name: "appointment.cancel_reason", object: "appointment",
		description: "Why the appointment was cancelled, as typed when it was cancelled. Often blank. Put it on a line of its own starting “> ”.",
		value:       appointmentField(func(a *AppointmentFields) string { return a.CancelReason }),
		typed:       tidyReason},

	{group: "Clinician", name: "clinician.name", object: "clinician",
		description: "The clinician's name.",
		value: func(f Fields) (string, bool) {
			if f.Clinician == nil {
				return "", false
			}
			return f.Clinician.Name, true
		}},
	{group: "Clinician", name: "clinician.role", object: "clinician",
		description: "The clinician's job, such as Physiotherapist.",
		value: func(f Fields) (string, bool) {
			if f.Clinician == nil {
				return "", false
			}
			return f.Clinician.Role, true
		}},

	{group: "Clinic", name: "clinic.name", object: "clinic",
		description: "The clinic's name, from the settings.",
		value:       clinicField(func(c *ClinicFields) string { return c.Name }),
		whenBlank:   clinicDetailsBlank("name")},
	{group: "Clinic", name: "clinic.phone", object: "clinic",
		description: "The clinic's phone number.",
		value:       clinicField(func(c *ClinicFields) string { return c.Phone }),
		whenBlank:   clinicDetailsBlank("phone number")},
	{group: "Clinic", name: "clinic.email", object: "clinic",
		description: "The clinic's email address.",
		value:       clinicField(func(c *ClinicFields) string { return c.Email })},
	{group: "Clinic", name: "clinic.address", object: "clinic",
		description: "The clinic's address, one part per line.",
		value:       clinicField(func(c *ClinicFields) string { return joinNonEmpty("\n", c.AddressLines...) }),
		whenBlank:   clinicDetailsBlank("address")},
	{group: "Clinic", name: "clinic.address_one_line", object: "clinic",
		description: "The clinic's address on one line, with commas, for use inside a sentence.",
		value:       clinicField(func(c *ClinicFields) string { return joinNonEmpty(", ", c.AddressLines...) }),
		whenBlank:   clinicDetailsBlank("address")},

	{group: "Complaint", name: "complaint.reference", object: "complaint",
		description: "Our reference for the complaint.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Reference })},
	{group: "Complaint", name: "complaint.received", object: "complaint",
		description: "The date we received the complaint.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Received.Long() })},
	{group: "Complaint", name: "complaint.acknowledge_by", object: "complaint",
		description: "The last day to acknowledge the complaint: 3 working days after we received it.",
		value:       complaintField(func(c *ComplaintFields) string { return c.AcknowledgeBy.LongWithDay() })},
	{group: "Complaint", name: "complaint.response_due", object: "complaint",
		description: "The date by which we will send our full response.",
		value:       complaintField(func(c *ComplaintFields) string { return c.ResponseDue.LongWithDay() })},
	{group: "Complaint", name: "complaint.summary", object: "complaint",
		description: "What the complaint is about, as written for the letter. Put it on a line of its own starting “> ”.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Summary }),
		typed:       tidyPassage},
	{group: "Complaint", name: "complaint.complainant", object: "complaint",
		description: "The name of the person who made the complaint.",
		value: complaintField(func(c *ComplaintFields) string {
			return joinNonEmpty(" ", c.ComplainantForenames, c.ComplainantSurname)
		})},
	{group: "Complaint", name: "complaint.salutation", object: "complaint",
		description: "The greeting for the person who made the complaint.",
		value: complaintField(func(c *ComplaintFields) string {
			return SalutationKnownAs(c.ComplainantTitle, c.ComplainantForenames, c.ComplainantSurname, c.ComplainantKnownAs)
		})},
	{group: "Complaint", name: "complaint.on_behalf_of", object: "complaint",
		description: "The patient's name when someone complained for them. Blank when the patient complained.",
		value:       complaintField(func(c *ComplaintFields) string { return c.OnBehalfOf })},
	{group: "Complaint", name: "complaint.handler", object: "complaint",
		description: "The member of staff looking into the complaint.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Handler })},
	{group: "Complaint", name: "complaint.delay_reason", object: "complaint",
		description: "Why our response will take longer than we said, as typed for the letter. Put it on a line of its own starting “> ”.",
		value:       complaintField(func(c *ComplaintFields) string { return c.DelayReason }),
		typed:       tidyReason},
	{group: "Complaint", name: "complaint.investigation", object: "complaint",
		description: "How we looked into the complaint: who we spoke to and what we read.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Investigation }),
		prose:       tidyProse},
	{group: "Complaint", name: "complaint.conclusions", object: "complaint",
		description: "What we found, and whether we agree the complaint is justified.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Conclusions }),
		prose:       tidyProse},
	{group: "Complaint", name: "complaint.actions", object: "complaint",
		description: "What we have done, or will do, because of the complaint.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Actions }),
		prose:       tidyProse},
	{group: "Complaint", name: "complaint.outcome", object: "complaint",
		description: "Our decision on the complaint, in words that follow “your complaint is”: upheld, partially upheld or not upheld.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Outcome }),
		whenBlank:   "the complaint has no outcome yet: choose upheld, partially upheld or not upheld before writing the final response"},
	{group: "Complaint", name: "complaint.ombudsman", object: "complaint",
		description: "The paragraph saying who can review the complaint if the complainant is not happy with our response: the ombudsman of the complaint's nation, or for private care the independent adjudicator set in Settings.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Ombudsman })},
	{group: "Complaint", name: "complaint.ombudsman_delay", object: "complaint",
		description: "The paragraph saying who can advise the complainant about a delay: the same ombudsman or adjudicator.",
		value:       complaintField(func(c *ComplaintFields) string { return c.OmbudsmanDelay })},
	{group: "Complaint", name: "complaint.advocacy", object: "complaint",
		description: "The offer of free, independent help to complain in the complaint's nation. Blank for private care.",
		value:       complaintField(func(c *ComplaintFields) string { return c.Advocacy })},

	{group: "Missed appointments", name: "dna.count", object: "dna",
		description: "How many appointments the patient has missed, as a number.",
		value: func(f Fields) (string, bool) {
			if f.DNA == nil {
				return "", false
			}
			return fmt.Sprint(len(f.DNA.Missed)), true
		},
		truth: func(f Fields) bool { return f.DNA != nil && len(f.DNA.Missed) > 0 }},
	{group: "Missed appointments", name: "dna.appointments", object: "dna",
		description: "How many appointments the patient has missed, with the word appointment or appointments.",
		value: func(f Fields) (string, bool) {
			if f.DNA == nil {
				return "", false
			}
			return plural(len(f.DNA.Missed), "appointment", "appointments"), true
		},
		truth: func(f Fields) bool { return f.DNA != nil && len(f.DNA.Missed) > 0 }},
	{group: "Missed appointments", name: "dna.more_than_one", object: "dna",
		description: "For a condition: {{#if dna.more_than_one}}…{{/if}} keeps its text only when the patient has missed more than one appointment.",
		value: func(f Fields) (string, bool) {
			if f.DNA == nil {
				return "", false
			}
			if len(f.DNA.Missed) > 1 {
				return "yes", true
			}
			return "", true
		},
		truth: func(f Fields) bool { return f.DNA != nil && len(f.DNA.Missed) > 1 }},
	{group: "Missed appointments", name: "dna.dates", object: "dna",
		description: "Each missed appointment's day and time, as a list. Put it in a paragraph of its own.",
		value: func(f Fields) (string, bool) {
			if f.DNA == nil {
				return "", false
			}
			lines := make([]string, 0, len(f.DNA.Missed))
			for _, m := range f.DNA.Missed {
				lines = append(lines, "- "+m.Date.LongWithDay()+" at "+schedule.Clock(m.StartMinute).String())
			}
			return strings.Join(lines, "\n"), true
		}},

	{group: "Subject access", name: "sar.received", object: "sar",
		description: "The date we received the request for a copy of the records.",
		value: func(f Fields) (string, bool) {
			if f.SAR == nil {
				return "", false
			}
			return f.SAR.Received.Long(), true
		}},
	{group: "Subject access", name: "sar.due", object: "sar",
		description: "The date by which the law says we must answer the request.",
		value: func(f Fields) (string, bool) {
			if f.SAR == nil {
				return "", false
			}
			return f.SAR.Due.LongWithDay(), true
		}},

	{group: "This letter", name: "letter.subject", object: "letter",
		description: "The subject typed for this letter (general letter).",
		value: func(f Fields) (string, bool) {
			if f.Letter == nil {
				return "", false
			}
			return f.Letter.Subject, true
		}},
	{group: "This letter", name: "letter.body", object: "letter",
		description: "The text typed for this letter (general letter). Blank lines start new paragraphs.",
		value: func(f Fields) (string, bool) {
			if f.Letter == nil {
				return "", false
			}
			return f.Letter.Body, true
		}},

	{group: "Today", name: "today", object: "today",
		description: "Today's date, written out in full.",
		value: func(f Fields) (string, bool) {
			if f.Today.IsZero() {
				return "", false
			}
			return f.Today.Long(), true
		}},
}

// tmplFields indexes tmplFieldList by name.
var tmplFields = func() map[string]*tmplField {
	m := make(map[string]*tmplField, len(tmplFieldList))
	for i := range tmplFieldList {
		m[tmplFieldList[i].name] = &tmplFieldList[i]
	}
	return m
}()

// SalutationFor is the greeting for a person: "Dear Ms Llywelyn-Wójcik"
// from title and surname, "Dear Siân Llywelyn-Wójcik" (the first forename
// only, as people greet each other) when there is no title, "Dear Sir
// John" for a knight or dame, and "Dear Sir or Madam" when there is no
// name. Names are used exactly as given.
func SalutationFor(title, forenames, surname string) string {
	title, surname = strings.TrimSpace(title), strings.TrimSpace(surname)
	first := ""
	if words := strings.Fields(forenames); len(words) > 0 {
		first = words[0]
	}
	switch {
	case title != "" && isHonorific(title) && first != "":
		return "Dear " + title + " " + first
	case title != "" && surname != "":
		return "Dear " + title + " " + surname
	case first != "" || surname != "":
		return "Dear " + joinNonEmpty(" ", first, surname)
	}
	return "Dear Sir or Madam"
}

// SalutationKnownAs is SalutationFor for someone whose record says letters
// should use the name they are known by: "Dear Bob Smith" for Mr Robert
// Smith known as Bob. A patient who asked to be called by another name
// gets it in the greeting, but a clinic letter stays as formal as one to
// someone without a title: "Dear Bob" alone is too familiar, and "Dear Mr
// Bob Smith" is neither form. A known-as name of several words ("Alex
// Morgan") is the whole name they go by and is used as it is; Sir and Dame
// go with it ("Dear Sir Jack"). With no known-as name it is SalutationFor.
func SalutationKnownAs(title, forenames, surname, knownAs string) string {
	words := strings.Fields(knownAs)
	if len(words) == 0 {
		return SalutationFor(title, forenames, surname)
	}
	title, surname = strings.TrimSpace(title), strings.TrimSpace(surname)
	switch {
	case isHonorific(title):
		return "Dear " + title + " " + words[0]
	case len(words) > 1:
		return "Dear " + strings.Join(words, " ")
	}
	return "Dear " + joinNonEmpty(" ", words[0], surname)
}

// isHonorific reports titles used with the first name: Sir John, Dame Judi.
func isHonorific(title string) bool {
	t := strings.ToLower(strings.TrimSuffix(title, "."))
	return t == "sir" || t == "dame"
}

// GPSalutationFor is the greeting for a GP from the name as recorded:
// "Dr Amara Okafor" and "Amara Okafor" both give "Dear Dr Okafor"; a title
// such as Mr or Prof is kept; an empty name gives "Dear Doctor". Surname
// particles written in lower case stay with the surname ("Dear Dr de la
// Cruz").
func GPSalutationFor(name string) string {
	words := strings.Fields(name)
	title := "Dr"
	if len(words) > 0 && isGPTitle(words[0]) {
		title = words[0]
		if strings.EqualFold(strings.TrimSuffix(title, "."), "doctor") {
			title = "Dr"
		}
		words = words[1:]
	}
	if len(words) == 0 {
		return "Dear Doctor"
	}
	start := len(words) - 1
	for start > 1 && isSurnameParticle(words[start-1]) {
		start--
	}
	return "Dear " + title + " " + strings.Join(words[start:], " ")
}

func isGPTitle(word string) bool {
	switch strings.ToLower(strings.TrimSuffix(word, ".")) {
	case "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor":
		return true
	}
	return false
}

// isSurnameParticle reports a lower-case word such as "de" or "van" that
// belongs to the surname after it.
func isSurnameParticle(word string) bool {
	for _, r := range word {
		return r >= 'a' && r <= 'z'
	}
	return false
}

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

// exampleReviewer is the England NHS paragraphs, for the examples.
var exampleReviewer, _ = complaints.EnglandNHS.Reviewer(complaints.NoAdjudicator)

// ExampleFields is a complete, made-up set of fields: the picker's examples
// and the editor's preview before a real patient is chosen. The NHS number
// is from the 999 test range and the phone number from Ofcom's drama range.
func ExampleFields() Fields {
	return Fields{
		Today: ukcal.NewDate(2026, 11, 23),
		Patient: &PatientFields{
			Title: "Ms", Forenames: "Zoë", Surname: "Price",
			DOB:          ukcal.NewDate(1985, 3, 4),
			NHSNumber:    nhs.TestNHSNumber(0),
			AddressLine1: "12 Chapel Lane", AddressLine2: "Headingley", Town: "Leeds", Postcode: "LS6 3BW",
			GPName: "Dr Amara Okafor", GPPractice: "Hyde Park Surgery",
			GPAddress: []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"},
			Carer:     CarerFields{Title: "Mr", Forenames: "Daniel", Surname: "Price", Relationship: "Father"},
		},
		Appointment: &AppointmentFields{
			Date: ukcal.NewDate(2026, 12, 1), StartMinute: 9*60 + 30, Minutes: 45,
			Type: "Follow-up physiotherapy", Clinician: "Tom Ellis", Room: "Room 2",
			PreviousDate: ukcal.NewDate(2026, 11, 26), PreviousStartMinute: 14 * 60,
			CancelReason: "your physiotherapist is unwell",
		},
		Clinician: &ClinicianFields{Name: "Tom Ellis", Role: "Physiotherapist"},
		Clinic: &ClinicFields{
			Name:         "Moorside Physiotherapy",
			AddressLines: []string{"40 Otley Road", "Leeds", "LS6 2AL"},
			Phone:        "0113 496 0123",
			Email:        "reception@moorside.example",
		},
		Complaint: &ComplaintFields{
			Reference: "C-2026-014",
			Received:  ukcal.NewDate(2026, 11, 18), AcknowledgeBy: ukcal.NewDate(2026, 11, 23),
			ResponseDue:      ukcal.NewDate(2027, 1, 15),
			Summary:          "you waited 50 minutes past your appointment time on 16 November and no one told you why",
			ComplainantTitle: "Ms", ComplainantForenames: "Zoë", ComplainantSurname: "Price",
			Handler:        "Priya Shah, Practice Manager",
			DelayReason:    "we are still waiting to speak to a member of staff who has been away",
			Investigation:  "I read the appointment records for that day and spoke to the reception team and to your physiotherapist.",
			Conclusions:    "The clinic was running late because an earlier patient needed urgent help. We should have told you this when you arrived. I uphold your complaint.",
			Actions:        "- Reception staff now tell patients when a clinician is running more than 15 minutes late.\n- Patients are offered a new appointment if they cannot wait.",
			Outcome:        "upheld",
			Ombudsman:      exampleReviewer.Final,
			OmbudsmanDelay: exampleReviewer.Delay,
			Advocacy:       exampleReviewer.Advocacy,
		},
		DNA: &DNAFields{Missed: []MissedAppointment{
			{Date: ukcal.NewDate(2026, 10, 12), StartMinute: 10 * 60},
			{Date: ukcal.NewDate(2026, 11, 9), StartMinute: 11*60 + 15},
		}},
		SAR:    &SARFields{Received: ukcal.NewDate(2026, 11, 2), Due: ukcal.NewDate(2026, 12, 2)},
		Letter: &LetterFields{Subject: "Your exercise plan", Body: "Please find your exercise plan enclosed."},
	}
}
