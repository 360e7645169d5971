package demo

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/testclock"
)

// Today's pathway cards are full on the demo's today: clocks at risk, one
// past its 18 weeks, and the manager's own tasks due today and overdue.
func TestTheDemoFillsTodaysPathwayCards(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	c := d.Clinic

	all, err := c.Referrals(app.ReferralQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var in, out int
	for _, r := range all {
		if r.ClockProblem != "" {
			t.Fatalf("referral %s: %s", r.Referral.ID, r.ClockProblem)
		}
		if r.Referral.Direction == pathways.In {
			in++
		} else {
			out++
		}
	}
	if in < Patients/5 || out == 0 {
		t.Fatalf("%d referrals in and %d out for %d patients", in, out, Patients)
	}
	risk, err := c.PTL(pathways.PTLFilter{AtRisk: true, AtRiskDays: app.ReferralAtRiskDays})
	if err != nil {
		t.Fatal(err)
	}
	var breached, soon int
	for _, r := range risk.Rows {
		if r.Clock.Breached {
			breached++
		} else {
			soon++
		}
	}
	if breached != 1 || soon < 2 {
		t.Fatalf("at risk: %d breached and %d breaching within %d days; want one and some", breached, soon, app.ReferralAtRiskDays)
	}
	counts, err := c.MyTaskCounts()
	if err != nil || counts.DueToday == 0 || counts.Overdue == 0 {
		t.Fatalf("the demo manager's tasks: %+v %v", counts, err)
	}
}
