package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// complaintReader is what checking a complaint's details reads.
type complaintReader interface {
	Patient(id string) (patients.Patient, error)
	Appointment(id string) (schedule.Appointment, error)
}

// checkDetails cleans the form and refuses what cannot be recorded, in
// words the desk can act on. The response period is checked against the
// maximum Settings allow.
func checkComplaintDetails(r complaintReader, d *complaints.Details, cs complaints.Settings, region ukcal.Region, today ukcal.Date) error {
	if err := checkComplaintRules(d, cs, region, today); err != nil {
		return err
	}
	d.ComplainantName = cleanText(d.ComplainantName)
	d.ComplainantAddress = cleanText(d.ComplainantAddress)
	d.ComplainantEmail = cleanText(d.ComplainantEmail)
	d.ConsentNote = cleanText(d.ConsentNote)
	d.Description = cleanText(d.Description)
	d.DesiredOutcome = cleanText(d.DesiredOutcome)
	d.Learning = cleanText(d.Learning)
	switch {
	case !d.Complainant.Valid():
		return errors.New("say whether the complainant is the patient, someone on the patient's behalf, or someone else")
	case !d.Channel.Valid():
		return errors.New("say how the complaint was made: orally, in writing or by email")
	case d.Received.IsZero():
		return errors.New("record the date the complaint was received")
	case d.Received.After(today):
		return fmt.Errorf("the complaint cannot have been received after today (%s)", today.LongWithDay())
	case d.Description == "":
		return errors.New("describe the complaint")
	}
	if d.Events.After(d.Received) {
		return errors.New("the events complained about cannot be after the complaint was received")
	}
	if d.Aware.After(d.Received) {
		return errors.New("the complainant cannot have become aware of the events after complaining about them")
	}
	if phone := strings.TrimSpace(d.ComplainantPhone); phone != "" {
		e164, err := nhs.ParsePhone(phone)
		if err != nil {
			return fmt.Errorf("the complainant's phone number: %w", err)
		}
		d.ComplainantPhone = e164
	}
	if d.ComplainantEmail != "" && !strings.Contains(d.ComplainantEmail, "@") {
		return fmt.Errorf("%q is not an email address", d.ComplainantEmail)
	}
	switch d.Consent {
	case complaints.ConsentNotRecorded, complaints.ConsentGiven, complaints.ConsentRefused:
	default:
		return fmt.Errorf("consent is yes, no or not recorded, not %q", string(d.Consent))
	}
	if d.Complainant != complaints.ComplainantOnBehalf && d.Consent != complaints.ConsentNotRecorded {
		return errors.New("consent is recorded only for a complaint made on a patient's behalf")
	}
	if d.Consent == complaints.ConsentNotRecorded {
		d.ConsentDate = ukcal.Date{}
	}
	if d.PatientID == "" && d.Complainant == complaints.ComplainantPatient {
		// The return counts the patient's age, so a patient's own
		// complaint is linked to their record.
		return errors.New("link the patient's record: the complainant is the patient")
	}
	if d.PatientID != "" {
		p, err := r.Patient(d.PatientID)
		if err != nil {
			return notFound(err, "that patient's record is not in this clinic file")
		}
		if d.Complainant == complaints.ComplainantPatient && d.ComplainantName == "" {
			// The patient complaining for themselves: their name from the record.
			d.ComplainantName = strings.TrimSpace(strings.Join([]string{p.Title, p.Forenames, p.Surname}, " "))
		}
	}
	if d.ComplainantName == "" {
		return errors.New("say who is complaining")
	}
	for _, id := range d.AppointmentIDs {
		a, err := r.Appointment(id)
		if err != nil {
			return notFound(err, "a linked appointment is not in the diary")
		}
		if d.PatientID != "" && a.PatientID != d.PatientID {
			return errors.New("a linked appointment is not the linked patient's")
		}
	}
	d.AppointmentIDs = slices.Compact(slices.Sorted(slices.Values(d.AppointmentIDs)))
	for _, s := range d.Subjects {
		if !s.Valid() {
			return fmt.Errorf("%q is not a subject area", string(s))
		}
	}
	for _, g := range d.StaffGroups {
		if !g.Valid() {
			return fmt.Errorf("%q is not a staff group", string(g))
		}
	}
	if len(d.Subjects) == 0 {
		return errors.New("choose at least one subject area (Other if none fits)")
	}
	if len(d.StaffGroups) == 0 {
		return errors.New("choose at least one staff group (Other if none fits)")
	}
	return d.ResponsePeriod.Check(d.Received, cs.MaxResponseDays, d.Rules.Region())
}

// applyDetails puts the form's details on the stored complaint, each
// subject and staff group once.
func applyDetails(c *complaints.Complaint, d complaints.Details) {
	d.Subjects, d.StaffGroups = distinct(d.Subjects), distinct(d.StaffGroups)
	c.Details = d
}

// distinct keeps the first of each value, in order.
func distinct[T ~string](xs []T) []T {
	var out []T
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (c *Clinic) checkOwner(id string) error {
	if id == "" {
		return nil
	}
	u, err := c.store.UserByID(id)
	if err != nil {
		return notFound(err, "the complaint's owner is not a member of staff here")
	}
	if !u.Active || Role(u.Role) == Clinician {
		return fmt.Errorf("%s cannot own a complaint: choose a receptionist or a practice manager", u.FullName)
	}
	return nil
}
