package app

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The referral rules run over the clinic's real referrals when the rule
// tasks are made: a referral in not acknowledged two working days on, a
// referral out whose chase date has come, and a clock near its breach;
// each task once, and none for what is already done.
func TestReferralsMakeTheirTasksWhenTheRulesRun(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London()) // a Monday
	c.now = func() time.Time { return now }

	late := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-18"))        // acknowledge by Friday 20th
	fresh := addReferral(t, c, gpReferral(d.john.ID, "2026-11-20"))      // acknowledge by Tuesday 24th
	nearBreach := addReferral(t, c, gpReferral(d.john.ID, "2026-07-27")) // treat by 30 November
	if _, err := c.UpdateReferral(nearBreach.ID, ReferralDesk{OwnerID: nearBreach.OwnerID, Documents: nearBreach.Documents, AcknowledgedOn: ukcal.MustParseDate("2026-07-28")}); err != nil {
		t.Fatal(err)
	}
	out := addReferral(t, c, pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: ukcal.MustParseDate("2026-11-02"),
		Party: pathways.Party{Name: "Radiology Department"}, Urgency: pathways.Routine, Kind: pathways.Other, Reason: "MRI knee",
		ReplyDueBy: ukcal.MustParseDate("2026-11-30"), ChaseDates: []ukcal.Date{ukcal.MustParseDate("2026-11-16"), ukcal.MustParseDate("2026-11-30")}})

	made, err := c.MakeRuleTasks()
	if err != nil {
		t.Fatal(err)
	}
	team, err := c.TeamTasks(TeamFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range team {
		got[l.Task.ReferralID] += l.Task.Title + " | "
	}
	if made != 3 || len(team) != 3 {
		t.Errorf("made %d tasks, want 3 (acknowledge the late one, chase, at risk): %+v", made, got)
	}
	if !strings.Contains(got[late.ID], "Acknowledge") {
		t.Errorf("no task to acknowledge the late referral: %q", got[late.ID])
	}
	if got[fresh.ID] != "" {
		t.Errorf("a referral still within its two working days got a task: %q", got[fresh.ID])
	}
	if !strings.Contains(got[nearBreach.ID], "at risk: treat by Monday 30 November 2026") || strings.Contains(got[nearBreach.ID], "Acknowledge") {
		t.Errorf("the near-breach referral's tasks: %q", got[nearBreach.ID])
	}
	if !strings.Contains(got[out.ID], "Chase") || strings.Count(got[out.ID], "Chase") != 1 {
		t.Errorf("the referral out should be chased once, for the chase date that has come: %q", got[out.ID])
	}
	if again, err := c.MakeRuleTasks(); err != nil || again != 0 {
		t.Fatalf("running the rules again made %d, %v", again, err)
	}
}
