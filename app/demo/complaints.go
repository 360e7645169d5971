package demo

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/seed"
	"clinicdesk/app/users"
)

// complaintHistory gives the demo a complaints register: two years of a
// few a month, a spread of subjects and outcomes, some still open and a
// couple overdue today, logged by reception and decided by the manager.
func complaintHistory(c *app.Clinic, now time.Time, users map[string]users.User) error {
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		return err
	}
	manager := users[Staff[0].Username]
	batch := seed.Complaints(seed.ComplaintOptions{Seed: Seed, Now: now, Years: DiaryYears, Patients: briefs,
		Desk: []string{Staff[1].Username}, Manager: manager.Username, ManagerName: manager.FullName, OwnerID: manager.ID})
	for i := range batch {
		physioComplaint(&batch[i].Details)
	}
	if _, err := c.AddComplaintHistory(batch); err != nil {
		return fmt.Errorf("demo complaints: %w", err)
	}
	return nil
}

// physioTopic is what a physiotherapy clinic hears instead of one of the
// seed's general-practice complaints.
type physioTopic struct {
	subjects    []complaints.SubjectArea
	groups      []complaints.StaffGroup
	description string
	desired     string
}

// physioTopics reword, by description, the seed's complaints that only a
// general practice would get (a doctor, a prescription, a nurse's
// dressing), so the demo's register fits its physiotherapy clinic.
var physioTopics = map[string]physioTopic{
	"The doctor did not examine my knee and told me to take painkillers; a week later it turned out to be a torn ligament.": {
		[]complaints.SubjectArea{complaints.SubjectClinical, complaints.SubjectCommunications}, []complaints.StaffGroup{complaints.StaffAlliedHealth},
		"The physiotherapist did not examine my knee and gave me exercises to do; a week later it turned out to be a torn ligament.",
		"An explanation and a review of my care"},
	"My repeat prescription was not ready although I had ordered it a week before.": {
		[]complaints.SubjectArea{complaints.SubjectAdministration}, []complaints.StaffGroup{complaints.StaffAlliedHealth, complaints.StaffAdministration},
		"The report for my insurer was promised within a week and still had not been sent a month later.",
		"The report sent and an apology"},
	"The door was left open while I was undressed for my dressing change.": {
		[]complaints.SubjectArea{complaints.SubjectPrivacyDignity}, []complaints.StaffGroup{complaints.StaffAlliedHealth},
		"The curtain was left open while I was undressed for my sports massage.",
		"Assurance it will not happen again"},
}

// physioComplaint rewords a general practice's complaint for the demo.
func physioComplaint(d *complaints.Details) {
	if t, ok := physioTopics[d.Description]; ok {
		d.Subjects, d.StaffGroups, d.Description, d.DesiredOutcome = t.subjects, t.groups, t.description, t.desired
	}
}
