package app

import (
	"errors"
	"slices"
	"testing"

	"clinicdesk/app/schedule"
)

// Issue 13 item 10: Today's first-run checklist reads the clinic's real
// state: each item done only when the thing is really set up, undone
// again when it is taken away, and the managers named for whoever must ask.
func TestFirstRunReadsTheClinicsRealState(t *testing.T) {
	c, _, _ := newClinic(t)
	f, err := c.FirstRun()
	if err != nil {
		t.Fatal(err)
	}
	if f.CliniciansWithHours || f.AppointmentTypes || f.BackupFolder || !f.Phone || !f.Address || f.Done() {
		t.Fatalf("a new clinic with its details: %+v", f)
	}
	if !slices.Equal(f.Managers, []string{"Ann Manager"}) {
		t.Fatalf("managers to ask: %q", f.Managers)
	}

	if _, err := c.SaveClinician(schedule.Clinician{Name: "Jo Hale", Active: true}); err != nil {
		t.Fatal(err)
	}
	if f, _ := c.FirstRun(); f.CliniciansWithHours {
		t.Fatal("a clinician with no working hours counts as set up")
	}
	var hours schedule.WeekHours
	hours[1] = []schedule.Span{{Start: 9 * 60, End: 17 * 60}}
	if _, err := c.SaveClinician(schedule.Clinician{Name: "Sam Ng", Active: true, Hours: hours}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SaveAppointmentType(schedule.AppointmentType{Name: "First assessment", Minutes: 45, Colour: "#1565c0", Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetBackupSettings(t.TempDir(), 10); err != nil {
		t.Fatal(err)
	}
	if f, err := c.FirstRun(); err != nil || !f.Done() {
		t.Fatalf("all set up: %+v, %v", f, err)
	}

	d, _ := c.Details()
	d.Address = ""
	if err := c.SaveDetails(d); err != nil {
		t.Fatal(err)
	}
	if f, _ := c.FirstRun(); f.Address || f.Done() {
		t.Fatalf("the address cleared: %+v", f)
	}

	c.SignOut()
	if _, err := c.FirstRun(); !errors.Is(err, ErrSignedOut) {
		t.Fatalf("signed out: %v", err)
	}
}
