package seed

import (
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/app/pathways"
	"clinicdesk/app/practice"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// pathwayClinic is a clinic of n generated patients with two years of
// diary, a receptionist beside the manager, signed in as the manager.
func pathwayClinic(t *testing.T, n int) (*app.Clinic, time.Time) {
	t.Helper()
	return pathwayClinicOn(t, n, testclock.Now)
}

// pathwayClinicOn is pathwayClinic with the clinic's clock given.
func pathwayClinicOn(t *testing.T, n int, clock func() time.Time) (*app.Clinic, time.Time) {
	t.Helper()
	now := clock()
	c, _, err := app.Create(app.Setup{Path: filepath.Join(t.TempDir(), "clinic.db"),
		Clinic:  practice.Details{Name: "Seeded Clinic"},
		Manager: app.NewUser{Username: "manager", FullName: "Mo Manager", Password: "tidal-copper-wren-1"},
		KDF:     kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1},
		Now:     clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.AddUser(app.NewUser{Username: "desk", FullName: "Dee Desk", Role: app.Receptionist, Password: "tidal-copper-wren-1"}); err != nil {
		t.Fatal(err)
	}
	g := New(Options{Seed: 5, Today: ukcal.Today(now)})
	rows := make([]app.ImportRow, n)
	for i := range rows {
		rows[i] = app.ImportRow{Line: i + 1, Patient: g.Next()}
	}
	if _, err := c.ImportPatients(rows, app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		t.Fatal(err)
	}
	d := NewDiary(DiaryOptions{Seed: 5, Now: now, Years: 2, Patients: DiaryPatients(briefs)})
	st := app.DiarySetup(d.Setup())
	if _, err := c.AddDiary(app.DiaryBatch{Setup: &st, NextDay: d.NextDay, Waiting: d.Waiting}); err != nil {
		t.Fatal(err)
	}
	return c, now
}

func TestSeededReferralsHaveClocksTheRulesReadInARealisticMix(t *testing.T) {
	c, now := pathwayClinic(t, 200)
	rep, err := AddPathways(c, PathwayOptions{Seed: 5, Now: now, Years: 2})
	if err != nil {
		t.Fatal(err)
	}
	total := rep.ReferralsIn + rep.ReferralsOut
	if total < 200*20/100 || total > 200*40/100 || rep.ReferralsOut == 0 || rep.ReferralsIn < 3*rep.ReferralsOut {
		t.Fatalf("%d in and %d out for 200 patients: not about 30 per 100, mostly in", rep.ReferralsIn, rep.ReferralsOut)
	}

	all, err := c.Referrals(app.ReferralQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != total {
		t.Fatalf("%d referrals in the clinic, %d added", len(all), total)
	}
	status := map[pathways.ClockStatus]int{}
	stoppedBy := map[pathways.EventKind]int{}
	urgency := map[pathways.Urgency]int{}
	var breachedRunning, over52, linked, replied, chased, closed, gp int
	for _, r := range all {
		if r.ClockProblem != "" {
			t.Fatalf("referral %s: the clock cannot be read: %s", r.Referral.ID, r.ClockProblem)
		}
		if r.Referral.Status == pathways.StatusClosed {
			closed++
		}
		if r.Referral.Direction == pathways.Out {
			if !r.Referral.ReplyOn.IsZero() {
				replied++
			}
			if len(r.Referral.ChaseDates) > 0 {
				chased++
			}
			continue
		}
		urgency[r.Referral.Urgency]++
		if r.Referral.Source == pathways.FromGP && r.Referral.Party.Organisation != "" {
			gp++
		}
		k := r.Clock
		status[k.Status]++
		if k.Status == pathways.ClockStopped {
			stoppedBy[k.StoppedBy]++
		}
		if k.Status == pathways.ClockRunning && k.LeftListOn.IsZero() && k.Breached {
			breachedRunning++
			if k.WeeksWaited() >= 52 {
				over52++
			}
		}
		for _, e := range r.Events {
			if e.AppointmentID == "" {
				continue
			}
			linked++
			diary, err := patientDiary(c, r.Referral.PatientID)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(diary, func(a schedule.Appointment) bool { return a.ID == e.AppointmentID })
			if i < 0 {
				t.Fatalf("event %s names appointment %s, not the patient's", e.Kind, e.AppointmentID)
			}
			a := diary[i]
			if (e.Kind == pathways.FirstAppointmentAttended && a.Status != schedule.StatusSeen) ||
				(e.Kind == pathways.FirstAppointmentDNA && a.Status != schedule.StatusDNA) {
				t.Fatalf("%s on %s but the diary says %s", e.Kind, e.On, a.Status)
			}
		}
	}
	in := rep.ReferralsIn
	t.Logf("%d in, %d out; clocks %v; stopped by %v; urgencies %v; %d open past 18 weeks, %d past 52; %d events from the diary; %d closed",
		in, rep.ReferralsOut, status, stoppedBy, urgency, breachedRunning, over52, linked, closed)
	if status[pathways.ClockStopped] < in/2 || status[pathways.ClockRunning] == 0 || status[pathways.ClockNullified] == 0 {
		t.Errorf("clocks: %v of %d in: want most stopped, some running and some nullified", status, in)
	}
	if len(stoppedBy) < 4 || stoppedBy[pathways.FirstDefinitiveTreatment] == 0 {
		t.Errorf("stopped by %v: want treatment and the other stops", stoppedBy)
	}
	if breachedRunning < 2 || over52 < 1 {
		t.Errorf("%d open clocks past 18 weeks, %d past 52: want some and a few", breachedRunning, over52)
	}
	if urgency[pathways.Routine] < in/2 || urgency[pathways.Urgent] == 0 {
		t.Errorf("urgencies %v: mostly routine, some urgent", urgency)
	}
	if gp < in/2 || linked == 0 || replied == 0 || chased == 0 || closed == 0 {
		t.Errorf("%d from a named referrer, %d events from the diary, %d replies, %d chased, %d closed", gp, linked, replied, chased, closed)
	}

	ptl, err := c.PTL(pathways.PTLFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Some waits are short: about two referrals a month come in at this
	// size, so whether one fell in the last six weeks depends on the day
	// the test runs (CLINICDESK_TEST_NOW=2031-06-16 had none); twelve
	// weeks holds on any day.
	if ptl.Buckets.Over18 < 2 || ptl.Buckets.Over52 < 1 || ptl.Buckets.UpTo6+ptl.Buckets.UpTo12 == 0 {
		t.Errorf("PTL buckets %+v", ptl.Buckets)
	}

	// The worklist: open, overdue, due today, done; repeating ones; people
	// and roles.
	ks, err := c.Tasks(tasks.Filter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	today := ukcal.Today(now)
	states := map[tasks.State]int{}
	var repeats, roles, people int
	for _, k := range ks {
		states[k.StateOn(today)]++
		if !k.Repeat.IsZero() {
			repeats++
		}
		if k.OwnerRole != "" {
			roles++
		} else {
			people++
		}
	}
	if states[tasks.Done] < len(ks)/2 || states[tasks.Overdue] == 0 || states[tasks.Upcoming] == 0 || repeats < 4 || roles == 0 || people == 0 {
		t.Errorf("tasks: %v, %d repeating, %d for a role, %d for a person", states, repeats, roles, people)
	}
	counts, err := c.MyTaskCounts()
	if err != nil || counts.Overdue == 0 {
		t.Errorf("the manager's tasks: %+v %v", counts, err)
	}
	t.Logf("tasks %v, %d repeating, %d for a role; the manager's %+v; PTL %+v", states, repeats, roles, counts, ptl.Buckets)
	if rep.Tasks != len(ks) {
		t.Errorf("reported %d tasks, the clinic has %d", rep.Tasks, len(ks))
	}
}

func TestSeededReferralsFollowTheSeed(t *testing.T) {
	c, now := pathwayClinic(t, 60)
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]ReferralPatient, len(briefs))
	for i, b := range briefs {
		ps[i] = ReferralPatient{ID: b.ID}
	}
	o := ReferralOptions{Seed: 9, Now: now, Years: 2, Patients: ps, Desk: []string{"u1", "u2"},
		Diary: func(id string) ([]schedule.Appointment, error) { return patientDiary(c, id) }}
	a, err := Referrals(o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Referrals(o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same options gave other referrals")
	}
	o.Seed = 10
	if other, _ := Referrals(o); reflect.DeepEqual(a, other) {
		t.Fatal("another seed gave the same referrals")
	}
}

// A baby's referrals, in and out, are dated after their birth, and a
// running wait goes to a patient who was alive when it began. A newborn
// has none: a fortnight after birth may still be to come (a clinic of
// 100,000 once got a referral received next week).
func TestSeededReferralsComeAfterBirth(t *testing.T) {
	now := testclock.Now()
	today := ukcal.Today(now)
	var ps []ReferralPatient
	dob := map[string]ukcal.Date{}
	for i := range 120 {
		p := ReferralPatient{ID: "p" + strconv.Itoa(i), DOB: today.AddDays(-90)} // three months old
		switch i % 4 {
		case 1, 3:
			p.DOB = today.AddMonths(-12 * 40)
		case 2: // days old: too young for any referral yet
			p.DOB = today.AddDays(-i % 30)
		}
		ps, dob[p.ID] = append(ps, p), p.DOB
	}
	refs, err := Referrals(ReferralOptions{Seed: 3, Now: now, Years: 3, Patients: ps, Desk: []string{"u1"}})
	if err != nil {
		t.Fatal(err)
	}
	babies := 0
	for _, r := range refs {
		born := dob[r.Referral.PatientID]
		if r.Referral.Date.After(today) || r.Referral.CreatedAt.After(now) {
			t.Errorf("a referral received %s, recorded %s, after today %s (patient born %s)", r.Referral.Date, r.Referral.CreatedAt, today, born)
		}
		if r.Referral.Date.Before(born.AddDays(14)) {
			t.Errorf("a referral dated %s for a patient born %s", r.Referral.Date, born)
		}
		for _, e := range r.Events {
			if e.On.Before(born) {
				t.Errorf("%s on %s for a patient born %s", e.Kind, e.On, born)
			}
		}
		if born == today.AddDays(-90) {
			babies++
		}
	}
	if babies == 0 {
		t.Fatal("no baby was referred: the test shows nothing")
	}
}
