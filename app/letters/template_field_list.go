package letters

import (
	"fmt"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/schedule"
)

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
		description: "For a condition: {{#if patient.gp_referral}}…{{/if}} keeps its text only when a referral from the patient's GP is recorded.",
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
