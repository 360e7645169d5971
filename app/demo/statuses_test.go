package demo

import (
	"testing"

	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
)

// The demo's generated history must keep the rules in time the desk is
// held to: nobody has arrived, been seen or missed an appointment that
// is still to come.
func TestTheDemoDiaryHasNoStatusBeforeItCouldHappen(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	c := d.Clinic
	now := testclock.Now()
	today := testclock.Today()
	checked := map[schedule.Status]int{}
	for day := today.AddDays(-7); !day.After(today.AddDays(21)); day = day.AddDays(1) {
		v, err := c.DayView(day)
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range v.Columns {
			for _, a := range col.Appointments {
				checked[a.Status]++
				if err := a.Appointment.StatusTooEarly(a.Status, now); err != nil && !a.Status.Cancelled() {
					t.Errorf("%s %s at %d with %s is %s: %v", a.Date, a.PatientName, a.StartMin, col.Clinician.Name, a.Status, err)
				}
				if a.StatusAt.After(now) {
					t.Errorf("%s %s: status %s recorded at %s, after now", a.Date, a.PatientName, a.Status, a.StatusAt)
				}
			}
		}
	}
	if checked[schedule.StatusSeen] == 0 || checked[schedule.StatusDNA] == 0 || checked[schedule.StatusBooked] == 0 {
		t.Fatalf("the demo diary around today has too little to check: %v", checked)
	}
}
