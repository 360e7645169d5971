package complaints

import "clinicdesk/app/ukcal"

// The catalogues of the KO41(b) GP return (NHS England, "Data on Written
// Complaints in the NHS"). The form's sections are Summary, Age of Patient,
// Status of Complainant, Subject Area and Staff Group; a complaint about
// several things is recorded once as new and once under each subject area
// and staff group it concerns, so those two breakdowns may add up to more
// than the number of new complaints.

// SubjectArea is what a complaint is about.
type SubjectArea string

const (
	SubjectClinical       SubjectArea = "clinical"
	SubjectAppointments   SubjectArea = "appointments"
	SubjectCommunications SubjectArea = "communications"
	SubjectStaffAttitude  SubjectArea = "staff_attitude"
	SubjectWaitingTimes   SubjectArea = "waiting_times"
	SubjectPrescribing    SubjectArea = "prescribing"
	SubjectFacilities     SubjectArea = "facilities"
	SubjectAdministration SubjectArea = "practice_administration"
	SubjectPrivacyDignity SubjectArea = "privacy_dignity"
	SubjectOther          SubjectArea = "other"
)

var subjectOptions = []option[SubjectArea]{
	{SubjectClinical, "Clinical", []string{"clinical treatment", "clinical care", "treatment", "diagnosis"}},
	{SubjectAppointments, "Appointments", []string{"appointment", "access"}},
	{SubjectCommunications, "Communications", []string{"communication"}},
	{SubjectStaffAttitude, "Staff attitude/behaviour/values", []string{"staff attitude", "attitude", "behaviour", "values"}},
	{SubjectWaitingTimes, "Waiting times", []string{"waiting time", "waiting"}},
	{SubjectPrescribing, "Prescribing", []string{"prescriptions", "prescription", "medication"}},
	{SubjectFacilities, "Facilities", []string{"premises", "parking"}},
	{SubjectAdministration, "Practice administration", []string{"administration", "admin", "registration"}},
	{SubjectPrivacyDignity, "Privacy, dignity and wellbeing", []string{"privacy", "dignity", "confidentiality"}},
	{SubjectOther, "Other", nil},
}

// SubjectAreas lists the subject areas in the order of the return.
func SubjectAreas() []SubjectArea { return keysOf(subjectOptions) }

// Label is the subject area as the return words it.
func (s SubjectArea) Label() string { return labelOf(s, subjectOptions) }

// Valid reports whether s is one of the subject areas.
func (s SubjectArea) Valid() bool { return known(s, subjectOptions) }

// ParseSubjectArea accepts a subject area's key, label or a common synonym.
func ParseSubjectArea(s string) (SubjectArea, error) {
	return parseOption("subject area", s, subjectOptions)
}

// StaffGroup is the professional group a complaint concerns.
type StaffGroup string

const (
	StaffGP             StaffGroup = "gp"
	StaffNursing        StaffGroup = "nursing"
	StaffAdministration StaffGroup = "practice_admin"
	StaffAlliedHealth   StaffGroup = "allied_health"
	StaffDentist        StaffGroup = "dentist"
	StaffDentalCare     StaffGroup = "dental_care"
	StaffOther          StaffGroup = "other"
)

var staffOptions = []option[StaffGroup]{
	{StaffGP, "GP", []string{"doctor", "gps", "general practitioner"}},
	{StaffNursing, "Nursing, midwifery and health visiting", []string{"nurse", "nursing", "midwife", "health visitor"}},
	{StaffAdministration, "Practice management/administration", []string{"practice management", "administration", "admin", "reception", "receptionist", "manager"}},
	{StaffAlliedHealth, "Allied health professionals", []string{"allied health", "ahp", "physiotherapist", "paramedic"}},
	// The dental form's professional areas.
	{StaffDentist, "Dentist", []string{"dentists", "dental surgeon"}},
	{StaffDentalCare, "Dental care professionals", []string{"dental nurse", "hygienist", "dental hygienist", "dental therapist", "dental technician", "dcp"}},
	{StaffOther, "Other", nil},
}

// StaffGroups lists every staff group, those of the GP form, then the
// dental form's own, then Other (ReturnVariant.StaffGroups gives one form's).
func StaffGroups() []StaffGroup { return keysOf(staffOptions) }

// Label is the staff group as the return words it.
func (g StaffGroup) Label() string { return labelOf(g, staffOptions) }

// Valid reports whether g is one of the staff groups.
func (g StaffGroup) Valid() bool { return known(g, staffOptions) }

// ParseStaffGroup accepts a staff group's key, label or a common synonym.
func ParseStaffGroup(s string) (StaffGroup, error) {
	return parseOption("staff group", s, staffOptions)
}

// ComplainantStatus is who made the complaint, as the return counts it.
type ComplainantStatus string

const (
	ComplainantPatient  ComplainantStatus = "patient"
	ComplainantOnBehalf ComplainantStatus = "on_behalf"
	ComplainantOther    ComplainantStatus = "other"
)

var complainantOptions = []option[ComplainantStatus]{
	{ComplainantPatient, "Patient", []string{"the patient", "self"}},
	{ComplainantOnBehalf, "Someone on the patient's behalf", []string{"on behalf", "on behalf of a patient", "representative", "relative", "carer"}},
	{ComplainantOther, "Other (not a patient or their representative)", []string{"not a patient"}},
}

// ComplainantStatuses lists who may complain, in the order of the return.
func ComplainantStatuses() []ComplainantStatus { return keysOf(complainantOptions) }

// Label is the complainant status as staff see it.
func (c ComplainantStatus) Label() string { return labelOf(c, complainantOptions) }

// Valid reports whether c is one of the complainant statuses.
func (c ComplainantStatus) Valid() bool { return known(c, complainantOptions) }

// ParseComplainantStatus accepts a complainant status's key, label or a
// common synonym.
func ParseComplainantStatus(s string) (ComplainantStatus, error) {
	return parseOption("complainant", s, complainantOptions)
}

// AgeBand is the patient's age on the day the complaint was received.
type AgeBand string

const (
	Age0to17     AgeBand = "0_17"
	Age18to64    AgeBand = "18_64"
	Age65to74    AgeBand = "65_74"
	Age75AndOver AgeBand = "75_plus"
	AgeNotKnown  AgeBand = "not_known"
)

var ageOptions = []option[AgeBand]{
	{Age0to17, "0–17", []string{"0 to 17", "under 18"}},
	{Age18to64, "18–64", []string{"18 to 64"}},
	{Age65to74, "65–74", []string{"65 to 74"}},
	{Age75AndOver, "75 and over", []string{"75+", "75 plus", "75 or over"}},
	{AgeNotKnown, "Not known", []string{"unknown", "age unknown"}},
}

// AgeBands lists the age bands in the order of the return, "Not known" last.
func AgeBands() []AgeBand { return keysOf(ageOptions) }

// Label is the age band as the return words it.
func (a AgeBand) Label() string { return labelOf(a, ageOptions) }

// Valid reports whether a is one of the age bands.
func (a AgeBand) Valid() bool { return known(a, ageOptions) }

// ParseAgeBand accepts an age band's key or label ("65–74", "65-74", "75+").
func ParseAgeBand(s string) (AgeBand, error) { return parseOption("age band", s, ageOptions) }

// AgeBandOn returns the band of someone born on dob, on the date. A zero dob
// (not a patient, or date of birth not recorded) or one after the date is
// AgeNotKnown.
func AgeBandOn(dob, on ukcal.Date) AgeBand {
	if dob.IsZero() || on.IsZero() || dob.After(on) {
		return AgeNotKnown
	}
	switch age := ukcal.AgeOn(dob, on); {
	case age < 18:
		return Age0to17
	case age < 65:
		return Age18to64
	case age < 75:
		return Age65to74
	default:
		return Age75AndOver
	}
}
