package app

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// ruleTasksByKey are every task the rules made, open or done, by the
// start of their keys' subject ("referral:ID:acknowledge" → the task).
func ruleTasksByKey(t *testing.T, c *Clinic) map[string]tasks.Task {
	t.Helper()
	all, err := c.store.Tasks(tasks.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]tasks.Task{}
	for _, k := range all {
		if k.RuleKey != "" {
			out[k.RuleKey] = k
		}
	}
	return out
}

// wantClosedByRules asserts the task with the key was marked done by the
// rules with the words given, audited, or fails.
func wantClosedByRules(t *testing.T, c *Clinic, key, why string) {
	t.Helper()
	k, ok := ruleTasksByKey(t, c)[key]
	switch {
	case !ok:
		t.Errorf("%s: no such task", key)
	case !k.IsDone() || k.DoneBy != tasks.DoneByRules:
		t.Errorf("%s: done %v by %q, want done by the rules", key, k.IsDone(), k.DoneBy)
	case !strings.HasSuffix(k.Note, "Done by ClinicDesk: "+why):
		t.Errorf("%s: note %q, want it to end %q", key, k.Note, "Done by ClinicDesk: "+why)
	}
	rows := auditRows(t, c, k.ID)
	if len(rows) == 0 || rows[len(rows)-1].Action != "task.auto_done" || !strings.Contains(rows[len(rows)-1].Detail, why) {
		t.Errorf("%s: audit %+v, want task.auto_done saying why", key, rows)
	}
}

// Each rule's task is made, its reason is taken away the way the desk
// does it, and the task is marked done by ClinicDesk with why, in words,
// in the transaction of the change. A task someone snoozed or changed
// goes the same way; a person's own task is never touched; and Today's
// counts follow.
func TestRuleTasksCloseWhenTheirReasonGoes(t *testing.T) {
	d := newDiary(t)
	c := d.c
	c.now = func() time.Time { return at("2026-11-23", 10, 0) } // a Monday
	day := ukcal.MustParseDate

	late := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-18")) // acknowledge by Friday 20th
	closeMe := addReferral(t, c, gpReferral(d.john.ID, "2026-11-17"))
	acked := gpReferral(d.john.ID, "2026-07-27") // treat by 30 November
	acked.AcknowledgedOn = day("2026-07-28")
	nearBreach := addReferral(t, c, acked)
	outTo := func(reason string) pathways.Referral {
		return addReferral(t, c, pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: day("2026-11-02"),
			Party: pathways.Party{Name: "Radiology Department"}, Urgency: pathways.Routine, Kind: pathways.Other, Reason: reason,
			ReplyDueBy: day("2026-12-30"), ChaseDates: []ukcal.Date{day("2026-11-16")}})
	}
	replied, unchased := outTo("MRI knee"), outTo("Ultrasound")
	req, err := c.LogSAR(SARLog{PatientID: d.john.ID, Received: day("2026-10-30"), IdentityCheck: "known to the practice"}) // due 30 November
	if err != nil {
		t.Fatal(err)
	}
	child, err := c.CreatePatient(ruby(true), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := d.markMissed(t, child, "2026-11-23")
	own, err := c.AddTask("", "Order more leaflets", day("2026-11-23"), "")
	if err != nil {
		t.Fatal(err)
	}
	counts, err := c.MyTaskCounts() // runs the subject access and "was not brought" rules
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{
		"ack": "referral:" + late.ID + ":acknowledge", "closed": "referral:" + closeMe.ID + ":acknowledge",
		"risk": "referral:" + nearBreach.ID + ":at-risk", "reply": "referral:" + replied.ID + ":chase:2026-11-16",
		"unchased": "referral:" + unchased.ID + ":chase:2026-11-16", "sar": "sar:" + req.ID + ":2026-11-30",
		"wnb": "wnb:" + res.DNA.Safeguarding.ID,
	}
	made := ruleTasksByKey(t, c)
	for name, key := range keys {
		if k, ok := made[key]; !ok || k.IsDone() {
			t.Fatalf("%s: the rule's task %s was not made (%+v)", name, key, made)
		}
	}
	// Due or overdue today: every rule's but the subject access one (due
	// on the 30th), and the person's own.
	if got := counts.DueToday + counts.Overdue; got != len(keys) {
		t.Fatalf("Today counts %+v, want %d", counts, len(keys))
	}

	// Snoozed, and changed by a person: still the rules' to close.
	if _, err := c.SnoozeTask(made[keys["ack"]].ID, day("2026-11-30")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ChangeTask(made[keys["risk"]].ID, TaskInput{Title: "Ring the hospital about Mr Bell's surgery date",
		Note: "Asked Sue to ring", Due: day("2026-11-24"), OwnerRole: Receptionist}); err != nil {
		t.Fatal(err)
	}

	desk := func(r pathways.Referral) ReferralDesk {
		return ReferralDesk{OwnerID: r.OwnerID, AcknowledgedOn: r.AcknowledgedOn, ReplyDueBy: r.ReplyDueBy, ChaseDates: r.ChaseDates, ReplyOn: r.ReplyOn}
	}
	ackDesk := desk(late)
	ackDesk.AcknowledgedOn = day("2026-11-23")
	replyDesk := desk(replied)
	replyDesk.ReplyOn = day("2026-11-20")
	chaseDesk := desk(unchased)
	chaseDesk.ChaseDates = []ukcal.Date{day("2026-12-07")}
	for _, u := range []struct {
		r pathways.Referral
		d ReferralDesk
	}{{late, ackDesk}, {replied, replyDesk}, {unchased, chaseDesk}} {
		if _, err := c.UpdateReferral(u.r.ID, u.d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.RecordReferralEvent(nearBreach.ID, pathways.FirstDefinitiveTreatment, day("2026-11-23"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CloseReferral(closeMe.ID, "referred in error"); err != nil {
		t.Fatal(err)
	}
	// The referrals' tasks went with each change, before any look.
	wantClosedByRules(t, c, keys["ack"], "the referral was acknowledged on Monday 23 November 2026.")
	wantClosedByRules(t, c, keys["reply"], "the reply came on Friday 20 November 2026.")
	wantClosedByRules(t, c, keys["unchased"], "the chase date of Monday 16 November 2026 was taken off the referral.")
	wantClosedByRules(t, c, keys["risk"], "the clock stopped on Monday 23 November 2026 (first definitive treatment).")
	wantClosedByRules(t, c, keys["closed"], "the referral was closed on Monday 23 November 2026.")
	if k := ruleTasksByKey(t, c)[keys["risk"]]; !strings.HasPrefix(k.Note, "Asked Sue to ring\n\n") {
		t.Errorf("the person's note was not kept: %q", k.Note)
	}

	if _, err := c.ProduceSAR(req.ID, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if err := c.AcknowledgeSafeguarding(res.DNA.Safeguarding.ID, "Spoke to mum: the car broke down. No concerns."); err != nil {
		t.Fatal(err)
	}
	wantClosedByRules(t, c, keys["sar"], "the subject access copy was made on Monday 23 November 2026.")
	wantClosedByRules(t, c, keys["wnb"], "the safeguarding prompt was acknowledged on Monday 23 November 2026.")
	if counts, err = c.MyTaskCounts(); err != nil {
		t.Fatal(err)
	}
	if counts.DueToday+counts.Overdue != 1 {
		t.Errorf("Today counts %+v, want only the person's own task", counts)
	}
	if k, err := c.store.Task(own.ID); err != nil || k.IsDone() {
		t.Errorf("a person's own task was touched: %+v %v", k, err)
	}
	// Nothing more to close, nothing made again.
	if n, err := c.MakeRuleTasks(); err != nil || n != 0 {
		t.Errorf("the rules again: %d made, %v", n, err)
	}
}

// Tasks left open from before the rules closed their own (the clinic
// upgraded with stale ones) are closed by the rules' next run, though the
// change that took their reason away is long past: the referral rules'
// with the day's run over every referral, a "was not brought" one on any
// look.
func TestTheRulesCloseTasksLeftFromBefore(t *testing.T) {
	d := newDiary(t)
	c := d.c
	c.now = func() time.Time { return at("2026-11-23", 10, 0) }
	r := gpReferral(d.zoe.ID, "2026-11-02")
	r.AcknowledgedOn = ukcal.MustParseDate("2026-11-03")
	acked := addReferral(t, c, r)
	child, err := c.CreatePatient(ruby(true), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := d.markMissed(t, child, "2026-11-23")
	if err := c.AcknowledgeSafeguarding(res.DNA.Safeguarding.ID, "No concerns."); err != nil {
		t.Fatal(err)
	}
	stale := []tasks.Task{
		{PatientID: acked.PatientID, ReferralID: acked.ID, Due: ukcal.MustParseDate("2026-11-04"), OwnerRole: "receptionist",
			Title: "Acknowledge Zoë's referral", RuleKey: "referral:" + acked.ID + ":acknowledge"},
		{PatientID: child.ID, Due: ukcal.MustParseDate("2026-11-23"), OwnerRole: "manager",
			Title: "Consider safeguarding", RuleKey: "wnb:" + res.DNA.Safeguarding.ID},
	}
	c.mu.Lock()
	s, err := c.require(PermNotePatients)
	if err == nil {
		err = c.writeAs(s, func(tx *writeTx) error { _, err := tx.insertRuleTasks(stale); return err })
	}
	c.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.MyTaskCounts(); err != nil { // the look also runs the day's referral run, due today
		t.Fatal(err)
	}
	wantClosedByRules(t, c, stale[0].RuleKey, "the referral was acknowledged on Tuesday 3 November 2026.")
	wantClosedByRules(t, c, stale[1].RuleKey, "the safeguarding prompt was acknowledged on Monday 23 November 2026.")
}

// A task the rules marked done that a manager reopens stays open through
// the rules' next runs, per change and daily: the manager said its work is
// not finished. A person can still tick it off.
func TestAReopenedRuleTaskIsLeftToPeople(t *testing.T) {
	d := newDiary(t)
	c := d.c
	c.now = func() time.Time { return at("2026-11-23", 10, 0) }
	r := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-18"))
	key := "referral:" + r.ID + ":acknowledge"
	if _, ok := ruleTasksByKey(t, c)[key]; !ok {
		t.Fatalf("the acknowledge task was not made")
	}
	desk := ReferralDesk{OwnerID: r.OwnerID, AcknowledgedOn: ukcal.MustParseDate("2026-11-23")}
	if _, err := c.UpdateReferral(r.ID, desk); err != nil {
		t.Fatal(err)
	}
	wantClosedByRules(t, c, key, "the referral was acknowledged on Monday 23 November 2026.")
	k := ruleTasksByKey(t, c)[key]
	if err := c.ReopenTask(k.ID); err != nil {
		t.Fatal(err)
	}
	rows := auditRows(t, c, k.ID)
	if last := rows[len(rows)-1]; last.Action != "task.reopen" || !strings.Contains(last.Detail, "will not close it again") {
		t.Errorf("reopen audited as %+v", last)
	}
	// The note no longer reads as if the task were done.
	reopened := ruleTasksByKey(t, c)[key]
	if strings.Contains(reopened.Note, "Done by ClinicDesk") ||
		!strings.Contains(reopened.Note, "ClinicDesk marked it done because the referral was acknowledged on Monday 23 November 2026; ") ||
		!strings.HasSuffix(reopened.Note, " reopened it on Monday 23 November 2026.") {
		t.Errorf("the reopened task's note: %q", reopened.Note)
	}

	// An event on the referral runs its rules; the next day's run goes
	// over every referral.
	if _, err := c.RecordReferralEvent(r.ID, pathways.FirstAppointmentBooked, ukcal.MustParseDate("2026-11-23"), ""); err != nil {
		t.Fatal(err)
	}
	c.now = func() time.Time { return at("2026-11-24", 9, 0) }
	if _, err := c.MyTaskCounts(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MakeRuleTasks(); err != nil {
		t.Fatal(err)
	}
	got := ruleTasksByKey(t, c)[key]
	if got.IsDone() || got.ReopenedBy == "" {
		t.Fatalf("the reopened task: done %v by %q, reopened by %q; want it open, reopened", got.IsDone(), got.DoneBy, got.ReopenedBy)
	}
	if _, err := c.MarkTaskDone(got.ID); err != nil {
		t.Fatalf("a person ticking the reopened task off: %v", err)
	}
	if got := ruleTasksByKey(t, c)[key]; !got.IsDone() || got.DoneBy == tasks.DoneByRules {
		t.Errorf("after the tick: done %v by %q, want done by the person", got.IsDone(), got.DoneBy)
	}
}
