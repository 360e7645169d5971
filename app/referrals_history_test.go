package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// at is a wall-clock moment in the clinic.
func at(day string, h, m int) time.Time {
	d := ukcal.MustParseDate(day)
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, ukcal.London())
}

// historicZoe is a referral in for Zoe received on 1 October, recorded by
// the manager, whose first appointment is a's (booked on 20 November).
func historicZoe(d *diary, managerID string, a schedule.Appointment) HistoricReferral {
	r := gpReferral(d.zoe.ID, "2026-10-01")
	r.OwnerID, r.ClinicianID, r.CreatedBy, r.CreatedAt = managerID, d.evans.ID, managerID, at("2026-10-01", 9, 30)
	r.AcknowledgedOn = ukcal.MustParseDate("2026-10-02")
	return HistoricReferral{Referral: r, Events: []pathways.Event{
		{Kind: pathways.FirstAppointmentBooked, On: ukcal.MustParseDate("2026-11-20"), AppointmentID: a.ID, By: managerID, At: at("2026-11-20", 11, 0)},
	}}
}

func TestAddReferralHistoryKeepsItsDatesAndRecordersAndLinksTheDiary(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	manager := userID(t, c, "amanager")
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-30", "10:00"))
	h := historicZoe(d, manager, a)
	// A second pathway, finished and closed by the manager in the summer.
	done := gpReferral(d.john.ID, "2026-03-02")
	done.Urgency, done.OwnerID, done.CreatedBy, done.CreatedAt = pathways.Urgent, manager, manager, at("2026-03-02", 14, 0)
	done.AcknowledgedOn = ukcal.MustParseDate("2026-03-03")
	done.ClosedBy, done.ClosedAt, done.CloseReason = manager, at("2026-07-01", 12, 0), "Treated: nothing more to book"
	finished := HistoricReferral{Referral: done, Events: []pathways.Event{
		{Kind: pathways.FirstAppointmentBooked, On: ukcal.MustParseDate("2026-03-04"), By: manager, At: at("2026-03-04", 9, 0)},
		{Kind: pathways.FirstAppointmentAttended, On: ukcal.MustParseDate("2026-03-20"), By: manager, At: at("2026-03-20", 16, 0)},
		{Kind: pathways.DecisionToTreat, On: ukcal.MustParseDate("2026-03-20"), By: manager, At: at("2026-03-21", 9, 0)},
		{Kind: pathways.FirstDefinitiveTreatment, On: ukcal.MustParseDate("2026-05-11"), By: manager, At: at("2026-05-11", 15, 0)},
	}}
	if n, err := c.AddReferralHistory([]HistoricReferral{h, finished}); err != nil || n != 2 {
		t.Fatalf("added %d: %v", n, err)
	}
	all, err := c.Referrals(ReferralQuery{})
	if err != nil || len(all) != 2 {
		t.Fatalf("%d referrals: %v", len(all), err)
	}
	for _, rec := range all {
		if rec.ClockProblem != "" || !rec.HasClock {
			t.Fatalf("%s: %s", rec.Referral.ID, rec.ClockProblem)
		}
		switch rec.Referral.PatientID {
		case d.zoe.ID:
			got := rec.Events
			if len(got) != 2 || got[0].Kind != pathways.ReferralReceived || !got[0].At.Equal(at("2026-10-01", 9, 30)) ||
				got[1].AppointmentID != a.ID || got[1].By != manager || !got[1].At.Equal(at("2026-11-20", 11, 0)) {
				t.Fatalf("Zoe's events: %+v", got)
			}
			if rec.Clock.Status != pathways.ClockRunning || rec.Clock.WeeksWaited() != 7 {
				t.Fatalf("Zoe's clock: %+v", rec.Clock)
			}
		case d.john.ID:
			if rec.Referral.Status != pathways.StatusClosed || !rec.Referral.ClosedAt.Equal(at("2026-07-01", 12, 0)) ||
				rec.Clock.Status != pathways.ClockStopped || rec.Clock.StoppedBy != pathways.FirstDefinitiveTreatment {
				t.Fatalf("John's pathway: %+v %+v", rec.Referral, rec.Clock)
			}
		}
	}
	if rows := auditRows(t, c, all[0].Referral.ID); len(rows) == 0 || !strings.Contains(rows[0].Detail, "generated") {
		t.Fatalf("the generated referral is not audited as generated: %+v", rows)
	}

	// The appointment is the referral's: when Zoe is seen, the pathway
	// hears of it as if the desk had booked it for the referral.
	c.now = func() time.Time { return at("2026-11-30", 11, 30) }
	for _, to := range []schedule.Status{schedule.StatusArrived, schedule.StatusSeen} {
		if _, err := c.SetStatus(a.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := c.Referral(all[1].Referral.ID)
	if rec.Referral.PatientID != d.zoe.ID {
		rec, err = c.Referral(all[0].Referral.ID)
	}
	if err != nil || rec.Clock.FirstAttended != ukcal.MustParseDate("2026-11-30") {
		t.Fatalf("seeing Zoe did not reach her pathway: %+v %v", rec.Clock, err)
	}
}

func TestAddReferralHistoryRefusesWhatTheRulesRefuseAndAddsNothing(t *testing.T) {
	d := newDiary(t)
	c := d.c
	manager := userID(t, c, "amanager")
	rita := addUser(t, c, "rita", Receptionist)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-30", "10:00"))
	good := historicZoe(d, manager, a)
	cases := map[string]func(h *HistoricReferral){
		"attended at an appointment not yet seen": func(h *HistoricReferral) {
			h.Events = append(h.Events, pathways.Event{Kind: pathways.FirstAppointmentAttended, On: ukcal.MustParseDate("2026-11-20"),
				AppointmentID: a.ID, By: manager, At: at("2026-11-20", 12, 0)})
		},
		"recorded before it happened": func(h *HistoricReferral) {
			h.Events[0].At = at("2026-11-19", 9, 0)
		},
		"a treatment before the clock started": func(h *HistoricReferral) {
			h.Events = append(h.Events, pathways.Event{Kind: pathways.FirstDefinitiveTreatment, On: ukcal.MustParseDate("2026-09-01"),
				By: manager, At: at("2026-11-21", 9, 0)})
		},
		"closed by a receptionist": func(h *HistoricReferral) {
			h.Referral.ClosedBy, h.Referral.ClosedAt, h.Referral.CloseReason = rita.ID, at("2026-11-21", 9, 0), "done"
		},
		"received after it was recorded": func(h *HistoricReferral) {
			h.Referral.CreatedAt = at("2026-09-30", 9, 0)
		},
		"recorded by nobody on the staff": func(h *HistoricReferral) {
			h.Events[0].By = "someone"
		},
	}
	for name, spoil := range cases {
		bad := good
		bad.Events = append([]pathways.Event(nil), good.Events...)
		spoil(&bad)
		n, err := c.AddReferralHistory([]HistoricReferral{good, bad})
		t.Logf("%s: %v", name, err)
		if err == nil || n != 0 || !strings.Contains(err.Error(), "generated referral 2") {
			t.Errorf("%s: added %d, %v", name, n, err)
		}
		if got := countReferrals(t, c); got != 0 {
			t.Fatalf("%s: %d referrals added from a refused batch", name, got)
		}
	}
	signInAs(t, c, "rita")
	var pe *PermissionError
	if _, err := c.AddReferralHistory([]HistoricReferral{good}); !errors.As(err, &pe) {
		t.Fatalf("a receptionist added a generated history: %v", err)
	}
}

func TestAddTaskHistoryTicksRepeatsAsMarkingDoneWould(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	monday := tasks.Repeat{Every: tasks.Weekly, Weeks: 1, Weekday: time.Monday}
	weekly := HistoricTask{Input: TaskInput{Title: "Check the referrals inbox", OwnerRole: Receptionist, Due: ukcal.MustParseDate("2026-11-09"), Repeat: monday},
		CreatedAt: at("2026-11-06", 9, 0), CreatedBy: "amanager",
		Done: []HistoricTick{{At: at("2026-11-09", 9, 30), By: "amanager"}, {At: at("2026-11-17", 10, 0), By: "amanager"}}}
	once := HistoricTask{Input: TaskInput{Title: "Ring Zoe back", PatientID: d.zoe.ID, Due: ukcal.MustParseDate("2026-11-20")},
		CreatedAt: at("2026-11-18", 9, 0), CreatedBy: "amanager"}
	n, err := c.AddTaskHistory([]HistoricTask{weekly, once})
	if err != nil || n != 4 {
		t.Fatalf("wrote %d: %v", n, err)
	}
	ks, err := c.Tasks(tasks.Filter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var done, open []tasks.Task
	for _, k := range ks {
		if k.IsDone() {
			done = append(done, k)
		} else {
			open = append(open, k)
		}
	}
	if len(done) != 2 || len(open) != 2 {
		t.Fatalf("done %d, open %d", len(done), len(open))
	}
	for _, k := range open {
		if k.Title == "Check the referrals inbox" && k.Due != ukcal.MustParseDate("2026-11-23") {
			t.Fatalf("the next Monday's inbox check is due %s, want 23/11/2026", k.Due)
		}
	}
	for _, k := range done {
		if k.DoneBy != "amanager" || k.DoneAt.After(at("2026-11-17", 10, 0)) {
			t.Fatalf("a tick lost its day or its doer: %+v", k)
		}
	}

	twice := once
	twice.Done = []HistoricTick{{At: at("2026-11-20", 9, 0), By: "amanager"}, {At: at("2026-11-21", 9, 0), By: "amanager"}}
	early := once
	early.Done = []HistoricTick{{At: at("2026-11-17", 9, 0), By: "amanager"}}
	for name, h := range map[string]HistoricTask{"done twice": twice, "ticked before it was made": early} {
		n, err := c.AddTaskHistory([]HistoricTask{once, h})
		t.Logf("%s: %v", name, err)
		if err == nil || n != 0 {
			t.Errorf("%s: wrote %d, %v", name, n, err)
		}
	}
	if ks, _ := c.Tasks(tasks.Filter{Limit: 10}); len(ks) != 4 {
		t.Fatalf("%d tasks after refused batches, want the 4 there were", len(ks))
	}
}
