package demo

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// DiaryYears is how far back the demo's diary goes.
const DiaryYears = 2

// demoAppointmentsPerPatient keeps the demo's team about as busy as a
// real one: with the seed's usual ten a patient, Reports showed the team a
// quarter used, which no practice manager would believe; 26 books about
// two-thirds of its hours (TestTheDemoTeamIsAboutAsBusyAsARealOne).
const demoAppointmentsPerPatient = 26

// appointments gives the demo clinic its team and diary (physiotherapists,
// a gym assistant and sports massage therapists): two years of
// appointments, today as full as a real Monday (everyone busy, a few
// gaps, a morning cancellation), the weeks ahead filling up, the staff
// training day this week, and a waiting list whose urgent patient fits
// today's cancelled slot. The physiotherapist user is Priya Raman's login.
func appointments(c *app.Clinic, now time.Time, users map[string]users.User) error {
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		return err
	}
	today := ukcal.Today(now)
	// A physiotherapy clinic's team and types (its name says so), each type
	// saying who delivers it, not the seed's general practice.
	physio := seed.NewPhysioSetup(today, DiaryYears)
	g := seed.NewDiary(seed.DiaryOptions{Seed: Seed, Now: now, Years: DiaryYears, Patients: seed.DiaryPatients(briefs),
		PerPatient: demoAppointmentsPerPatient, FullDays: []ukcal.Date{today}, Setup: &physio})
	st := app.DiarySetup(g.Setup())
	for i, cl := range st.Clinicians {
		if cl.Name == Staff[2].FullName {
			st.Clinicians[i].UserID = users[Staff[2].Username].ID
		}
	}
	if _, err := c.AddDiary(app.DiaryBatch{Setup: &st, NextDay: g.NextDay, Waiting: g.Waiting}); err != nil {
		return fmt.Errorf("demo diary: %w", err)
	}
	return nil
}
