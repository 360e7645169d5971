package app

import (
	"maps"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The referral rules run over the clinic's real referrals: a referral in
// not acknowledged two working days on, a referral out whose chase date
// has come, and a clock near its breach; each task once, and none for what
// is already done. A referral added that calls for a task makes it as it
// is added; running the rules over every referral then makes nothing more.
func TestReferralsMakeTheirTasksWhenTheRulesRun(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London()) // a Monday
	c.now = func() time.Time { return now }

	late := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-18"))   // acknowledge by Friday 20th
	fresh := addReferral(t, c, gpReferral(d.john.ID, "2026-11-20")) // acknowledge by Tuesday 24th
	acked := gpReferral(d.john.ID, "2026-07-27")                    // treat by 30 November
	acked.AcknowledgedOn = ukcal.MustParseDate("2026-07-28")
	nearBreach := addReferral(t, c, acked)
	out := addReferral(t, c, pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: ukcal.MustParseDate("2026-11-02"),
		Party: pathways.Party{Name: "Radiology Department"}, Urgency: pathways.Routine, Kind: pathways.Other, Reason: "MRI knee",
		ReplyDueBy: ukcal.MustParseDate("2026-11-30"), ChaseDates: []ukcal.Date{ukcal.MustParseDate("2026-11-16"), ukcal.MustParseDate("2026-11-30")}})

	if made, err := c.MakeRuleTasks(); err != nil || made != 0 {
		t.Fatalf("the rules over every referral made %d more than the referrals did as they were added (%v)", made, err)
	}
	team, err := c.TeamTasks(TeamFilter{})
	if err != nil {
		t.Fatal(err)
	}
	made := 0
	for _, l := range team {
		if l.Task.RuleKey != "" {
			made++
		}
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

// Today runs the referral rules over every referral once a clinic day,
// so what comes due by a day passing is on the first look of that day;
// a change to a referral makes its tasks as it is saved, the same day.
func TestReferralTasksComeWithTheDayAndWithChanges(t *testing.T) {
	d := newDiary(t)
	c := d.c
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London()) // a Monday
	c.now = func() time.Time { return now }
	fresh := addReferral(t, c, gpReferral(d.john.ID, "2026-11-20")) // acknowledge by Tuesday 24th
	out := addReferral(t, c, pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: ukcal.MustParseDate("2026-11-02"),
		Party: pathways.Party{Name: "Radiology Department"}, Urgency: pathways.Routine, Kind: pathways.Other, Reason: "MRI knee",
		ReplyDueBy: ukcal.MustParseDate("2026-12-30")})
	ruleTasks := func() map[string]string {
		t.Helper()
		if _, err := c.MyTaskCounts(); err != nil {
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
		return got
	}
	if got := ruleTasks(); len(got) != 0 {
		t.Fatalf("Monday: tasks %v, want none yet", got)
	}

	// A chase date typed in for today: the task comes with the change.
	_, err := c.UpdateReferral(out.ID, ReferralDesk{OwnerID: out.OwnerID, ReplyDueBy: out.ReplyDueBy,
		ChaseDates: []ukcal.Date{ukcal.MustParseDate("2026-11-23")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ruleTasks(); !strings.Contains(got[out.ID], "Chase") || len(got) != 1 {
		t.Fatalf("Monday, after the chase date was set: tasks %v", got)
	}

	// Tuesday: the acknowledgement is due, by the day passing alone.
	now = now.AddDate(0, 0, 1)
	got := ruleTasks()
	if !strings.Contains(got[fresh.ID], "Acknowledge") || len(got) != 2 {
		t.Fatalf("Tuesday: tasks %v, want the acknowledgement too", got)
	}
	if again := ruleTasks(); !maps.Equal(again, got) {
		t.Errorf("a second look on Tuesday: %v, was %v", again, got)
	}
}

// A generated history is added without running the rules per referral:
// Today's next look runs them over every referral, even on a day they
// had run already.
func TestReferralHistoryTasksComeOnTodaysNextLook(t *testing.T) {
	d := newDiary(t)
	c := d.c
	c.now = func() time.Time { return at("2026-11-23", 10, 0) }
	if _, err := c.MyTaskCounts(); err != nil { // today's run, over no referrals
		t.Fatal(err)
	}
	manager := userID(t, c, "amanager")
	r := gpReferral(d.john.ID, "2026-11-02") // never acknowledged
	r.OwnerID, r.CreatedBy, r.CreatedAt = manager, manager, at("2026-11-02", 9, 0)
	if _, err := c.AddReferralHistory([]HistoricReferral{{Referral: r}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MyTaskCounts(); err != nil {
		t.Fatal(err)
	}
	team, err := c.TeamTasks(TeamFilter{})
	if err != nil || len(team) != 1 || !strings.Contains(team[0].Task.Title, "Acknowledge John") {
		t.Fatalf("tasks after the history: %+v %v", team, err)
	}
}
