package seed

import (
	"errors"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
)

// PathwayOptions say what AddPathways adds.
type PathwayOptions struct {
	Seed  uint64
	Now   time.Time
	Years int
	// Patients may be referred and have tasks (nil: every active patient).
	Patients []patients.PatientBrief
	// FewBreaches: see ReferralOptions.
	FewBreaches bool
}

// PathwayReport says what AddPathways added.
type PathwayReport struct {
	ReferralsIn, ReferralsOut int
	Tasks                     int
}

// pathwayBatch is how many referrals or tasks go in one transaction.
const pathwayBatch = 2000

// AddPathways adds generated referrals (with their events, linked to the
// patients' own appointments where the diary has them) and tasks to the
// clinic, signed in as a manager who closes the finished pathways. The
// diary should be in the clinic first.
func AddPathways(c *app.Clinic, o PathwayOptions) (PathwayReport, error) {
	var rep PathwayReport
	s, ok := c.Session()
	if !ok {
		return rep, errors.New("sign in as a manager to add referrals and tasks")
	}
	staff, err := c.StaffList()
	if err != nil {
		return rep, err
	}
	clinicians, err := c.Clinicians(false)
	if err != nil {
		return rep, err
	}
	briefs := o.Patients
	if briefs == nil {
		if briefs, err = c.ActivePatientBriefs(); err != nil {
			return rep, err
		}
	}
	gps, err := patientGPs(c)
	if err != nil {
		return rep, err
	}
	var desk []string
	for _, u := range staff {
		if u.Role != string(app.Clinician) {
			desk = append(desk, u.ID)
		}
	}
	if len(desk) == 0 {
		desk = []string{s.User.ID}
	}
	refPatients := make([]ReferralPatient, len(briefs))
	ids := make([]string, len(briefs))
	for i, b := range briefs {
		refPatients[i], ids[i] = ReferralPatient{ID: b.ID, GP: gps[b.ID], DOB: b.DOB}, b.ID
	}
	batch, err := Referrals(ReferralOptions{Seed: o.Seed, Now: o.Now, Years: o.Years, Patients: refPatients,
		Diary: func(id string) ([]schedule.Appointment, error) { return patientDiary(c, id) }, Clinicians: clinicians,
		Desk: desk, ManagerID: s.User.ID, FewBreaches: o.FewBreaches})
	if err != nil {
		return rep, err
	}
	for len(batch) > 0 {
		n := min(len(batch), pathwayBatch)
		if _, err := c.AddReferralHistory(batch[:n]); err != nil {
			return rep, err
		}
		for _, h := range batch[:n] {
			if h.Referral.Direction == pathways.In {
				rep.ReferralsIn++
			} else {
				rep.ReferralsOut++
			}
		}
		batch = batch[n:]
	}
	work := Tasks(TaskOptions{Seed: o.Seed, Now: o.Now, Years: o.Years, Patients: ids, Staff: staff, Manager: s.User})
	for len(work) > 0 {
		n := min(len(work), pathwayBatch)
		made, err := c.AddTaskHistory(work[:n])
		if err != nil {
			return rep, err
		}
		rep.Tasks += made
		work = work[n:]
	}
	return rep, nil
}

// patientDiary is a patient's appointments, cancelled ones included.
func patientDiary(c *app.Clinic, patientID string) ([]schedule.Appointment, error) {
	entries, err := c.PatientAppointments(patientID)
	out := make([]schedule.Appointment, len(entries))
	for i, e := range entries {
		out[i] = e.Appointment
	}
	return out, err
}

// patientGPs reads every active patient's GP, a page at a time.
func patientGPs(c *app.Clinic) (map[string]patients.GP, error) {
	out := map[string]patients.GP{}
	after := ""
	for {
		page, err := c.ListPatients(patients.PatientFilter{After: after, Limit: 1000})
		if err != nil || len(page) == 0 {
			return out, err
		}
		for _, p := range page {
			out[p.ID] = p.GP
		}
		after = page[len(page)-1].ID
	}
}
