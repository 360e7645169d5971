package demo

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/seed"
)

// complaintHistory gives the demo a complaints register: two years of a
// few a month, a spread of subjects and outcomes, some still open and a
// couple overdue today, logged by reception and decided by the manager.
func complaintHistory(c *app.Clinic, now time.Time, users map[string]app.User) error {
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		return err
	}
	manager := users[Staff[0].Username]
	batch := seed.Complaints(seed.ComplaintOptions{Seed: Seed, Now: now, Years: DiaryYears, Patients: briefs,
		Desk: []string{Staff[1].Username}, Manager: manager.Username, ManagerName: manager.FullName, OwnerID: manager.ID})
	if _, err := c.AddComplaintHistory(batch); err != nil {
		return fmt.Errorf("demo complaints: %w", err)
	}
	return nil
}
