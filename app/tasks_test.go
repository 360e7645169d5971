package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// taskClinic is a clinic on Monday 7 December 2026, mid-morning, with a
// receptionist and a clinician besides the manager (signed in).
func taskClinic(t *testing.T) (*Clinic, *time.Time) {
	t.Helper()
	c, _, _ := newClinic(t)
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, ukcal.London())
	c.now = func() time.Time { return now }
	addUser(t, c, "rita", Receptionist)
	addUser(t, c, "doc", Clinician)
	return c, &now
}

func signInAs(t *testing.T, c *Clinic, username string) {
	t.Helper()
	pw := "staff-password-" + username
	if username == "amanager" {
		pw = managerPassword
	}
	if err := c.SignIn(username, pw); err != nil {
		t.Fatal(err)
	}
}

func userID(t *testing.T, c *Clinic, username string) string {
	t.Helper()
	u, err := c.store.UserByName(username)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func lineTitles(ls []TaskLine) string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Task.Title)
	}
	return strings.Join(out, " | ")
}

func TestTasksFromAnywhereMineMyRolesAndTheTeam(t *testing.T) {
	c, _ := taskClinic(t)
	p := sarPatient(t, c)
	rita := userID(t, c, "rita")
	today := ukcal.MustParseDate("2026-12-07")
	half2, _ := tasks.At(14, 30)
	for _, in := range []TaskInput{
		{Title: "Ring Mrs Łukasiewicz-O'Brien back", PatientID: p.ID, Due: today.AddDays(-2), OwnerID: rita},
		{Title: "Check the vaccine fridge", Due: today, OwnerRole: Receptionist},
		{Title: "Order paper", Due: today, At: half2, OwnerID: rita, Note: "A4, two boxes"},
		{Title: "Sign the rota", Due: today.AddDays(3)}, // the manager's own
		{Title: "Next week", Due: today.AddDays(7), OwnerID: rita},
	} {
		if _, err := c.NewTask(in); err != nil {
			t.Fatalf("%s: %v", in.Title, err)
		}
	}
	for _, bad := range []struct {
		in   TaskInput
		want string
	}{
		{TaskInput{Title: " ", Due: today}, "say what needs doing"},
		{TaskInput{Title: "x"}, "choose the day it is due"},
		{TaskInput{Title: "x", Due: today, OwnerID: rita, OwnerRole: Manager}, "not both"},
		{TaskInput{Title: "x", Due: today, OwnerRole: "cleaner"}, "unknown role"},
		{TaskInput{Title: "x", Due: today, OwnerID: "nobody"}, "someone who can still sign in"},
		{TaskInput{Title: "x", Due: today, PatientID: "no-such-patient"}, "not in this clinic file"},
	} {
		if _, err := c.NewTask(bad.in); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: %v, want %q", bad.in, err, bad.want)
		}
	}

	signInAs(t, c, "rita")
	mine, err := c.MyTasks()
	if err != nil {
		t.Fatal(err)
	}
	want := "Ring Mrs Łukasiewicz-O'Brien back | Check the vaccine fridge | Order paper | Next week"
	if got := lineTitles(mine); got != want {
		t.Fatalf("Rita's tasks, overdue first:\n got %s\nwant %s", got, want)
	}
	if l := mine[0]; l.State != tasks.Overdue || l.Patient != "Ms Zoë Łukasiewicz-O'Brien" || l.Owner != "Staff rita" ||
		l.Words != "Overdue: was due Saturday 5 December 2026 (2 days ago)" {
		t.Errorf("the overdue line: %+v", l)
	}
	if l := mine[1]; l.Owner != "Any receptionist" || l.State != tasks.DueToday {
		t.Errorf("the role's line: %+v", l)
	}
	if l := mine[2]; l.Words != "Due today at 14:30" {
		t.Errorf("the timed line: %+v", l)
	}
	counts, err := c.MyTaskCounts()
	if err != nil || counts != (TaskCounts{DueToday: 2, Overdue: 1}) {
		t.Fatalf("Today's counts for Rita: %+v %v", counts, err)
	}

	// A clinician may see the team list: they may open every record already.
	signInAs(t, c, "doc")
	team, err := c.TeamTasks(TeamFilter{})
	if err != nil || len(team) != 5 {
		t.Fatalf("the team list for a clinician: %d, %v", len(team), err)
	}
	due, err := c.TeamTasks(TeamFilter{DueBy: today})
	if err != nil || lineTitles(due) != "Ring Mrs Łukasiewicz-O'Brien back | Check the vaccine fridge | Order paper" {
		t.Fatalf("the team list due by today: %s %v", lineTitles(due), err)
	}
	if mine, _ := c.MyTasks(); len(mine) != 0 {
		t.Errorf("the clinician owns nothing: %s", lineTitles(mine))
	}
	// And may add a task for a colleague, as they may add a follow-up.
	if _, err := c.NewTask(TaskInput{Title: "Book a double appointment", Due: today, OwnerRole: Receptionist, PatientID: p.ID}); err != nil {
		t.Fatal(err)
	}
	signInAs(t, c, "amanager")
	acts := auditActionsNamed(t, c, "task.")
	if acts["task.create"] != 6 {
		t.Errorf("audit rows: %v", acts)
	}
}

// auditActionsNamed counts the audit rows whose action starts with prefix.
func auditActionsNamed(t *testing.T, c *Clinic, prefix string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, e := range mustAudit(t, c) {
		if strings.HasPrefix(e.Action, prefix) {
			out[e.Action]++
		}
	}
	return out
}

func TestARepeatingTaskDoneMakesTheNextOne(t *testing.T) {
	c, now := taskClinic(t)
	weekly, _ := tasks.ParseRepeat("every Monday, not on bank holidays")
	k, err := c.NewTask(TaskInput{Title: "Send the DNA report", Due: ukcal.MustParseDate("2026-11-30"), Repeat: weekly})
	if err != nil {
		t.Fatal(err)
	}
	// Done late, on Wednesday: the next is next Monday, not today's already-gone one.
	*now = time.Date(2026, 12, 9, 16, 0, 0, 0, ukcal.London())
	next, err := c.MarkTaskDone(k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if next.ID == "" || next.ID == k.ID || next.Due != ukcal.MustParseDate("2026-12-14") || next.Repeat != weekly || next.IsDone() {
		t.Fatalf("the next one: %+v", next)
	}
	if _, err := c.MarkTaskDone(k.ID); err == nil || !strings.Contains(err.Error(), "was done on 09/12/2026 by amanager") {
		t.Fatalf("done twice: %v", err)
	}
	// Before Christmas: the Monday after is Boxing Day's substitute, so Tuesday.
	*now = time.Date(2026, 12, 21, 9, 0, 0, 0, ukcal.London())
	last, _ := c.Tasks(tasks.Filter{OpenOnly: true})
	if len(last) != 1 {
		t.Fatalf("open: %+v", last)
	}
	next, _ = c.MarkTaskDone(last[0].ID)
	if next.Due != ukcal.MustParseDate("2026-12-29") {
		t.Fatalf("next: %s, want Tuesday 29 December", next.Due)
	}
	if acts := auditActionsNamed(t, c, "task."); acts["task.done"] != 2 || acts["task.create"] != 3 {
		t.Errorf("audit: %v", acts)
	}
}

func TestSnoozeAndOnlyAManagerReopens(t *testing.T) {
	c, _ := taskClinic(t)
	today := ukcal.MustParseDate("2026-12-07")
	k, err := c.NewTask(TaskInput{Title: "Chase the lab", Due: today.AddDays(-3), OwnerRole: Receptionist})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SnoozeTask(k.ID, today); err == nil {
		t.Fatal("snoozed to today")
	}
	k, err = c.SnoozeTask(k.ID, today.AddDays(4))
	if err != nil || k.Due != today.AddDays(-3) || k.SnoozedUntil != today.AddDays(4) {
		t.Fatalf("snoozed: %+v %v", k, err)
	}
	signInAs(t, c, "rita")
	if counts, _ := c.MyTaskCounts(); counts != (TaskCounts{}) {
		t.Errorf("a snoozed task is not counted until its day: %+v", counts)
	}
	mine, _ := c.MyTasks()
	if len(mine) != 1 || mine[0].State != tasks.Snoozed || mine[0].Words != "Snoozed until Friday 11 December 2026 (first due Friday 4 December 2026)" {
		t.Fatalf("snoozed line: %+v", mine)
	}
	if err := c.CompleteTask(k.ID); err != nil {
		t.Fatal(err)
	}
	var pe *PermissionError
	if err := c.ReopenTask(k.ID); !errors.As(err, &pe) {
		t.Fatalf("a receptionist reopening: %v", err)
	}
	signInAs(t, c, "amanager")
	if err := c.ReopenTask(k.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.ReopenTask(k.ID); err == nil || !strings.Contains(err.Error(), "not done") {
		t.Fatalf("reopened twice: %v", err)
	}
	if acts := auditActionsNamed(t, c, "task."); acts["task.snooze"] != 1 || acts["task.reopen"] != 1 || acts["task.done"] != 1 {
		t.Errorf("audit: %v", acts)
	}
}

func TestTheRulesMakeEachTaskOnce(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026
	c := d.c
	child, _ := c.CreatePatient(ruby(true), PatientOptions{})
	d.markMissed(t, child, "2026-11-23")
	p := sarPatient(t, c)
	// Received 26 October: due Thursday 26 November, three working days away.
	if _, err := c.LogSAR(SARLog{PatientID: p.ID, Received: ukcal.MustParseDate("2026-10-26"), IdentityCheck: "known to reception"}); err != nil {
		t.Fatal(err)
	}
	// Received 9 November: due 9 December, not yet.
	if _, err := c.LogSAR(SARLog{PatientID: d.john.ID, Received: ukcal.MustParseDate("2026-11-09"), IdentityCheck: "passport seen"}); err != nil {
		t.Fatal(err)
	}
	made, err := c.MakeRuleTasks()
	if err != nil || made != 2 {
		t.Fatalf("made %d, %v; want the SAR's and the child's", made, err)
	}
	if again, err := c.MakeRuleTasks(); err != nil || again != 0 {
		t.Fatalf("run twice: made %d more, %v", again, err)
	}
	open, _ := c.TeamTasks(TeamFilter{})
	if len(open) != 2 {
		t.Fatalf("open: %s", lineTitles(open))
	}
	byKey := map[string]TaskLine{}
	for _, l := range open {
		byKey[strings.SplitN(l.Task.RuleKey, ":", 2)[0]] = l
	}
	sarLine, wnb := byKey["sar"], byKey["wnb"]
	if sarLine.Task.Due != ukcal.MustParseDate("2026-11-26") || sarLine.Owner != "Ann Manager" || sarLine.Task.PatientID != p.ID ||
		sarLine.Task.Title != "Send Ms Zoë Łukasiewicz-O'Brien's subject access copy: due Thursday 26 November 2026" {
		t.Errorf("the SAR's task: %+v", sarLine)
	}
	// Dr Evans has no login: the managers have it.
	if wnb.Owner != "Any practice manager" || wnb.Task.PatientID != child.ID ||
		wnb.Task.Title != "Consider safeguarding: Ruby Shaw was not brought on Monday 23 November 2026" {
		t.Errorf("the child's task: %+v", wnb)
	}
	// Done, it is not made again.
	if err := c.CompleteTask(sarLine.Task.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := c.MakeRuleTasks(); again != 0 {
		t.Fatalf("a done rule task was made again")
	}
	if acts := auditActionsNamed(t, c, "task."); acts["task.auto"] != 2 {
		t.Errorf("audit: %v", acts)
	}
}

func TestTheReferralRulesHookMakesTasksOnce(t *testing.T) {
	c, _ := taskClinic(t)
	p := sarPatient(t, c)
	facts := []tasks.ReferralFacts{{PatientName: "Zoë Łukasiewicz-O'Brien", Referral: pathways.Referral{
		ID: "ref-1", PatientID: p.ID, Direction: pathways.In, Date: ukcal.MustParseDate("2026-12-01"), Status: pathways.StatusOpen,
		Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"}}}}
	made, err := c.MakeReferralTasks(facts)
	if err != nil || made != 1 {
		t.Fatalf("made %d, %v", made, err)
	}
	if made, _ := c.MakeReferralTasks(facts); made != 0 {
		t.Fatalf("made again: %d", made)
	}
	open, _ := c.TeamTasks(TeamFilter{OwnerRole: Receptionist})
	if len(open) != 1 || open[0].Task.ReferralID != "ref-1" || open[0].Task.Due != ukcal.MustParseDate("2026-12-03") ||
		open[0].State != tasks.Overdue {
		t.Fatalf("the referral's task: %+v", open)
	}
}

func TestChangeATaskAndOpenIt(t *testing.T) {
	c, _ := taskClinic(t)
	p := sarPatient(t, c)
	today := ukcal.MustParseDate("2026-12-07")
	k, err := c.NewTask(TaskInput{Title: "Send the leaflet", PatientID: p.ID, Due: today.AddDays(-1)})
	if err != nil {
		t.Fatal(err)
	}
	if k, err = c.SnoozeTask(k.ID, today.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	monthly, _ := tasks.ParseRepeat("monthly on the 1st")
	changed, err := c.ChangeTask(k.ID, TaskInput{Title: "Send the large-print leaflet", Note: "18 point", Due: today.AddDays(5),
		OwnerRole: Receptionist, Repeat: monthly})
	if err != nil {
		t.Fatal(err)
	}
	// Moved past its snooze: the snooze has nothing left to wait for.
	if changed.Title != "Send the large-print leaflet" || changed.OwnerRole != "receptionist" || changed.OwnerID != "" ||
		!changed.SnoozedUntil.IsZero() || changed.PatientID != p.ID || changed.Repeat != monthly || changed.Note != "18 point" {
		t.Fatalf("changed: %+v", changed)
	}
	if _, err := c.ChangeTask(k.ID, TaskInput{Title: "", Due: today}); err == nil || !strings.Contains(err.Error(), "say what needs doing") {
		t.Fatalf("changed to no words: %v", err)
	}
	stored, _ := c.store.Task(k.ID)
	if stored.Title != "Send the large-print leaflet" {
		t.Fatalf("a refused change changed something: %+v", stored)
	}
	l, err := c.OpenTask(k.ID)
	if err != nil || l.Patient != "Ms Zoë Łukasiewicz-O'Brien" || l.Owner != "Any receptionist" || l.Task.Note != "18 point" {
		t.Fatalf("opened: %+v %v", l, err)
	}
	if _, err := c.OpenTask("no-such-task"); err == nil || !strings.Contains(err.Error(), "not in this clinic file") {
		t.Fatalf("opened nothing: %v", err)
	}
	if _, err := c.MarkTaskDone(k.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ChangeTask(k.ID, TaskInput{Title: "x", Due: today}); err == nil || !strings.Contains(err.Error(), "that task was done") {
		t.Fatalf("changed a done task: %v", err)
	}
	if acts := auditActionsNamed(t, c, "task."); acts["task.update"] != 1 || acts["task.view"] != 1 || acts["task.snooze"] != 1 {
		t.Errorf("audit: %v", acts)
	}
}
