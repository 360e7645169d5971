package screens

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/tasks"
	"clinicdesk/app/testclock"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tkDialogTitle is the title of the dialog on top, "" when none is.
func tkDialogTitle(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	pop, ok := overlayContent(top).(*widget.PopUp)
	if !ok || !isDialog(pop) {
		return ""
	}
	var title string
	walkShown(pop.Content.(*fyne.Container).Objects[4], func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && title == "" {
			title = l.Text
		}
	})
	return title
}

// tkTaskOf is the patient's one task as the store has it.
func tkTaskOf(t *testing.T, c *app.Clinic, patientID string) tasks.Task {
	t.Helper()
	ks, err := c.Tasks(tasks.Filter{PatientID: patientID})
	if err != nil || len(ks) != 1 {
		t.Fatalf("the patient's tasks: %+v %v", ks, err)
	}
	return ks[0]
}

func TestATaskMadeFromTheRecordShowsOnTodayAndIsDoneFromThere(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	_, r, _ := tpOpen(t, c, ada)
	r.taskTitle.SetText("Call back about the X-ray")
	r.taskDue.SetText("today")
	r.addTask()
	tpIdle(t)
	made := tkTaskOf(t, c, ada.ID)
	if made.IsDone() || made.Due != testclock.Today() {
		t.Fatalf("made from the record: %+v", made)
	}

	s, w, _ := tcToday(t, c)
	if s.tasks == nil || len(s.tasks.lines) != 1 || s.tasks.lines[0].Task.ID != made.ID {
		t.Fatalf("Today's tasks: %+v", s.tasks)
	}
	if got := s.tasks.card.Subtitle; got != "0 overdue · 1 due today" {
		t.Errorf("the card says %q", got)
	}
	if !tpShows(w, "Call back about the X-ray (Ada Lovelace)") || !tpShows(w, "Due today") {
		t.Errorf("the task is not on the card: %q", tpTexts(w))
	}
	// Every card's buttons are reached with Tab, the Done first of all
	// (the tasks card is the first in the column).
	reached := map[string]bool{}
	var done *widget.Button
	for i := 0; i < 300; i++ {
		w.Canvas().FocusNext()
		if b, ok := w.Canvas().Focused().(*widget.Button); ok {
			reached[b.Text] = true
			if b.Text == "Done" && done == nil {
				done = b
			}
		}
	}
	for _, want := range []string{"Done", "Record", "Open my tasks", "Open the tracking list", "Open the register", "Set up backups"} {
		if !reached[want] {
			t.Errorf("Tab does not reach %q: reached %v", want, reached)
		}
	}
	if done == nil {
		t.Fatal("no Done button reached")
	}
	w.Canvas().Focus(done)
	done.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // as the keyboard presses it
	tpIdle(t)
	if k := tkTaskOf(t, c, ada.ID); !k.IsDone() || k.DoneBy != "pmanager" {
		t.Fatalf("after Done on Today: %+v", k)
	}
	if got := s.tasks.card.Subtitle; got != "Up to date" || len(s.tasks.lines) != 0 {
		t.Errorf("after Done the card says %q with %d tasks", got, len(s.tasks.lines))
	}
	if !strings.Contains(s.tasks.message.Text, "Done: “Call back about the X-ray”.") {
		t.Errorf("Done is not said: %q", s.tasks.message.Text)
	}
}

func TestTheNewTaskShortcutOpensOverAnyScreenAndTheTaskIsInMyTasks(t *testing.T) {
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	tpHoldResults(t)
	u := New(test.NewTempApp(t), Options{Clinic: c, Screen: sarModuleID, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	w := u.Window()
	w.Resize(fyne.NewSize(1366, 768))
	u.settle()
	if u.shell.currentID() != sarModuleID {
		t.Fatalf("on %q", u.shell.currentID())
	}

	// Over the Subject access screen: a task about nobody.
	fdPressShortcut(t, w, doorNewTaskShortcut)
	u.settle()
	if got := tkDialogTitle(w); got != "New task" {
		t.Fatalf("Ctrl+T opened %q", got)
	}
	tcTap(t, w, "Add the task")
	u.settle()
	if !tpShows(w, "Say what needs doing") || tkDialogTitle(w) != "New task" {
		t.Fatalf("an empty task was not refused in the dialog: %q", tpTexts(w))
	}
	tsBox(t, w, "e.g. Call").SetText("Order more large-print forms")
	tsBox(t, w, "e.g. tomorrow").SetText("tomorrow")
	tsBox(t, w, "Anything the person").SetText("From the usual printer")
	tcTap(t, w, "Add the task")
	u.settle()
	if tkDialogTitle(w) != "" || u.shell.currentID() != sarModuleID {
		t.Fatalf("after saving: dialog %q on %q", tkDialogTitle(w), u.shell.currentID())
	}
	mine, err := c.MyTasks()
	if err != nil || len(mine) != 1 || mine[0].Task.Title != "Order more large-print forms" ||
		mine[0].Task.Due != testclock.Today().AddDays(1) || mine[0].Task.Note != "From the usual printer" || mine[0].Task.PatientID != "" {
		t.Fatalf("my tasks: %+v %v", mine, err)
	}
	// The screen lists no tasks, so a line under it says where the task went.
	if want := "Task added: Order more large-print forms, due tomorrow. It is in Tasks (Ctrl+9)."; !u.shell.notice.Visible() || u.shell.notice.Text != want {
		t.Errorf("the confirmation over Subject access: %q (shown %v), want %q", u.shell.notice.Text, u.shell.notice.Visible(), want)
	}
	clearSuccess() // what a screen does when it reloads (the calendar on its clock's tick)
	if !u.shell.notice.Visible() {
		t.Error("the confirmation went when the screen under it reloaded")
	}

	// Over a patient's record: the task is about her.
	u.shell.openID(patientsModuleID)
	u.settle()
	if u.shell.notice.Visible() {
		t.Errorf("the confirmation stayed on the next screen: %q", u.shell.notice.Text)
	}
	ps := u.shell.shownContent().(*patientsScreen)
	ps.openRecord(ada.ID)
	u.settle()
	fdPressShortcut(t, w, doorNewTaskShortcut)
	u.settle()
	if got := tkDialogTitle(w); got != "New task for Ada Lovelace" {
		t.Fatalf("Ctrl+T over the record opened %q", got)
	}
	tsBox(t, w, "e.g. Call").SetText("Send the exercise sheet")
	tsBox(t, w, "e.g. tomorrow").SetText("today")
	tcTap(t, w, "Add the task")
	u.settle()
	if k := tkTaskOf(t, c, ada.ID); k.Title != "Send the exercise sheet" {
		t.Fatalf("the record's task: %+v", k)
	}
	if !tpShows(w, "Send the exercise sheet") {
		t.Errorf("the record does not show the task added over it: %q", tpTexts(w))
	}

	// Both are in My tasks, the one due today first.
	u.shell.openID(tasksModuleID)
	u.settle()
	ts, ok := u.shell.shownContent().(*tasksScreen)
	if !ok {
		t.Fatalf("Tasks on show: %T", u.shell.shownContent())
	}
	if len(ts.mine) != 2 || ts.mine[0].Task.Title != "Send the exercise sheet" || ts.mine[1].Task.Title != "Order more large-print forms" {
		t.Fatalf("my tasks on the screen: %+v", ts.mine)
	}
	if !tpShows(w, "1 due today · 1 later.") || !tpShows(w, "Ada Lovelace") {
		t.Errorf("the screen: %q", tpTexts(w))
	}
	// D marks the chosen (first) one done.
	ts.mineL.TypedRune('d')
	u.settle()
	if k := tkTaskOf(t, c, ada.ID); !k.IsDone() {
		t.Fatalf("D did not mark it done: %+v", k)
	}
	if len(ts.mine) != 1 || !strings.Contains(ts.message.Text, "Done: “Send the exercise sheet”.") {
		t.Errorf("after D: %+v, %q", ts.mine, ts.message.Text)
	}
	// A manager may reopen it.
	tcTap(t, w, "Reopen the last one done")
	u.settle()
	if k := tkTaskOf(t, c, ada.ID); k.IsDone() || len(ts.mine) != 2 {
		t.Errorf("reopened: %+v, %d listed", k, len(ts.mine))
	}
}

func TestTodaysCountsAreTheFacades(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	bea := tpAdd(t, c, "Beatrix", "Potter", "1966-07-28")
	cal := tpAdd(t, c, "Calvin", "Hobbes", "1990-01-01")
	today := testclock.Today()
	staff, err := c.StaffList()
	if err != nil || len(staff) != 1 {
		t.Fatal(staff, err)
	}
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	rob, err := c.FindStaff("rjones")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []app.TaskInput{
		{Title: "Overdue call", Due: today.AddDays(-3), PatientID: ada.ID},
		{Title: "Due today, any manager", Due: today, OwnerRole: app.Manager},
		{Title: "Due today", Due: today},
		{Title: "Later", Due: today.AddDays(4)},
		{Title: "Rob's, not mine", Due: today.AddDays(-1), OwnerID: rob.ID},
		{Title: "Any receptionist's", Due: today, OwnerRole: app.Receptionist},
	} {
		if _, err := c.NewTask(in); err != nil {
			t.Fatal(in.Title, err)
		}
	}
	// Three pathways: breached (received 130 days ago), at risk (breaches
	// in 16 days) and well within its 18 weeks.
	for _, r := range []struct {
		id   string
		days int
	}{{ada.ID, 130}, {bea.ID, 110}, {cal.ID, 10}} {
		if _, err := c.AddReferral(pathways.Referral{PatientID: r.id, Direction: pathways.In, Date: today.AddDays(-r.days),
			Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"}, Urgency: pathways.Routine,
			Kind: pathways.RTT, Reason: "knee pain"}); err != nil {
			t.Fatal(err)
		}
	}

	ruleMade := func() int {
		ks, err := c.Tasks(tasks.Filter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, k := range ks {
			if k.RuleKey != "" {
				n++
			}
		}
		return n
	}
	// Each referral made the tasks its rules call for as it was added:
	// three to acknowledge, and the breached and at-risk clocks.
	if n := ruleMade(); n != 5 {
		t.Fatalf("%d rule tasks before Today, want 5", n)
	}

	s, _, sh := tcToday(t, c)
	// Loading Today ran the rules again: nothing is made twice, and the
	// rules' tasks are counted on the card.
	if n := ruleMade(); n != 5 {
		t.Errorf("%d rule tasks after Today, want the same 5", n)
	}
	want, err := c.MyTaskCounts()
	if err != nil {
		t.Fatal(err)
	}
	if s.tasks.counts != want || want.Overdue < 1 || want.DueToday < 2 {
		t.Errorf("Today counts %+v, the facade %+v", s.tasks.counts, want)
	}
	if got := s.tasks.card.Subtitle; got != fmt.Sprintf("%d overdue · %d due today", want.Overdue, want.DueToday) ||
		len(s.tasks.lines) != min(todayTasksShown, want.Overdue+want.DueToday) {
		t.Errorf("the tasks card says %q with %d tasks", got, len(s.tasks.lines))
	}
	// The card shows the first of my tasks overdue or due today, in the
	// list's order.
	all, err := c.MyTasks()
	if err != nil {
		t.Fatal(err)
	}
	var due, shown, mine []string
	for _, l := range all {
		if l.State == tasks.Overdue || l.State == tasks.DueToday {
			due = append(due, l.Task.ID)
			if l.Task.RuleKey == "" {
				mine = append(mine, l.Task.Title)
			}
		}
	}
	for _, l := range s.tasks.lines {
		shown = append(shown, l.Task.ID)
	}
	if !slices.Equal(shown, due[:min(todayTasksShown, len(due))]) {
		t.Errorf("the card shows %v, the first of my tasks due are %v", shown, due)
	}
	if strings.Join(mine, ", ") != "Overdue call, Due today, any manager, Due today" {
		t.Errorf("my tasks due hold %q of the tasks typed", mine)
	}
	ptl, err := c.PTL(pathways.PTLFilter{AtRisk: true, AtRiskDays: todayReferralsAtRiskDays})
	if err != nil {
		t.Fatal(err)
	}
	breached := 0
	for _, r := range ptl.Rows {
		if r.Clock.Breached {
			breached++
		}
	}
	refs := s.referrals
	if refs == nil {
		t.Fatal("no referrals card on Today")
	}
	if refs.breached != breached || refs.atRisk != len(ptl.Rows)-breached || refs.breached != 1 || refs.atRisk != 1 {
		t.Errorf("Today: %d breached, %d at risk; the list: %d rows, %d breached", refs.breached, refs.atRisk, len(ptl.Rows), breached)
	}
	if got := refs.card.Subtitle; got != "1 breached · 1 at risk" {
		t.Errorf("the referrals card says %q", got)
	}
	// Each card opens its list.
	refs.openList()
	openTasks(s.ctx, tasksTabMine)
	if len(sh.opened) != 2 || sh.opened[0] != referralsModuleID || !pendingTrackingList || sh.opened[1] != tasksModuleID {
		t.Errorf("the cards opened %q (on the tracking list: %v)", sh.opened, pendingTrackingList)
	}
	pendingTrackingList = false
}

func TestDoneOnARepeatingTaskSaysWhenTheNextIsDue(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	today := testclock.Today()
	weekly := tasks.Repeat{Every: tasks.Weekly, Weeks: 1, Weekday: today.Weekday()}
	if _, err := c.NewTask(app.TaskInput{Title: "Empty the confidential waste bin", Due: today, Repeat: weekly}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.NewTask(app.TaskInput{Title: "Order stamps", Due: today.AddDays(2)}); err != nil {
		t.Fatal(err)
	}
	tpHoldResults(t)
	obj, w, _ := tcBuild(t, c, tasksModuleID)
	tpIdle(t)
	s := obj.(*tasksScreen)
	if s.mineL.cursor != 0 || w.Canvas().Focused() != s.mineL {
		t.Fatalf("the first task is not ready for the keyboard: cursor %d, focus %T", s.mineL.cursor, w.Canvas().Focused())
	}
	s.mineL.TypedRune('D')
	tpIdle(t)
	next := today.AddDays(7)
	want := "Done: “Empty the confidential waste bin”. It repeats every " + today.Weekday().String() +
		": the next one is due " + next.LongWithDay() + "."
	if s.message.Text != want {
		t.Errorf("after D: %q, want %q", s.message.Text, want)
	}
	if len(s.mine) != 2 || s.mine[1].Task.Title != "Empty the confidential waste bin" || s.mine[1].Task.Due != next {
		t.Fatalf("the list after Done: %+v", s.mine)
	}
	// The cursor stays in its place, on the next task.
	if s.mineL.cursor != 0 || s.mine[0].Task.Title != "Order stamps" || s.done.Disabled() {
		t.Errorf("after Done the cursor is at %d", s.mineL.cursor)
	}
}

// A task half typed over any screen (Ctrl+T) comes back over the same
// screen after a lock, about the same patient, and is gone once added.
func TestANewTaskHalfTypedSurvivesALock(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	u := ntOpen(t, c, patientsModuleID)
	w := u.Window()
	ntRecord(t, u, p.ID)
	fdPressShortcut(t, w, doorNewTaskShortcut)
	dfSettle(t, u)
	tpType(t, w, tsBox(t, w, "e.g. Call"), "Post the exercise sheet")
	tpType(t, w, tsBox(t, w, "e.g. tomorrow"), "friday")

	ntLockAndUnlock(t, u, "Post the exercise sheet")

	if got := tkDialogTitle(w); got != "New task for Zoë Price" {
		t.Fatalf("after the unlock the dialog is %q on %q", got, u.shell.currentID())
	}
	if !fdShows(w, "Restored the task you were adding") || tsBox(t, w, "e.g. tomorrow").Text != "friday" {
		t.Errorf("the typing did not come back: %q", tpTexts(w))
	}
	tcTap(t, w, "Add the task")
	dfSettle(t, u)
	if k := tkTaskOf(t, c, p.ID); k.Title != "Post the exercise sheet" {
		t.Fatalf("added: %+v", k)
	}
	if where := whereUnsaved(c, sessionUserID(c)); where != "" || tkDialogTitle(w) != "" {
		t.Errorf("the task outlived being added: %q, dialog %q", where, tkDialogTitle(w))
	}
}

// Changes typed into a task come back after a lock, on the same task.
func TestChangesToATaskSurviveALock(t *testing.T) {
	c := tcClinic(t)
	if _, err := c.NewTask(app.TaskInput{Title: "Order stamps", Due: testclock.Today()}); err != nil {
		t.Fatal(err)
	}
	u := ntOpen(t, c, tasksModuleID)
	w := u.Window()
	s := u.shell.shownContent().(*tasksScreen)
	s.mineL.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter opens the chosen task
	dfSettle(t, u)
	if got := tkDialogTitle(w); got != "Change the task" {
		t.Fatalf("Enter opened %q", got)
	}
	tpType(t, w, tsBox(t, w, "Anything the person"), "First class, a book of twelve")

	ntLockAndUnlock(t, u, "First class, a book of twelve")

	if got := tkDialogTitle(w); got != "Change the task" || tsBox(t, w, "Anything the person").Text != "First class, a book of twelve" {
		t.Fatalf("after the unlock: dialog %q, %q", got, tpTexts(w))
	}
	tcTap(t, w, "Save the changes")
	dfSettle(t, u)
	mine, err := c.MyTasks()
	if err != nil || len(mine) != 1 || mine[0].Task.Note != "First class, a book of twelve" || mine[0].Task.Title != "Order stamps" {
		t.Fatalf("after saving: %+v %v", mine, err)
	}
	if where := whereUnsaved(c, sessionUserID(c)); where != "" {
		t.Errorf("the changes outlived being saved: %q", where)
	}
}

// The Team tab answers "what has Rob got on?": choosing a person lists
// only theirs, a role only the role's, and Everyone all of them again.
func TestTheTeamTabNarrowsToOnePersonOrRole(t *testing.T) {
	c := tcClinic(t)
	today := testclock.Today()
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	rob, err := c.FindStaff("rjones")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []app.TaskInput{
		{Title: "Mine", Due: today},
		{Title: "Rob's", Due: today, OwnerID: rob.ID},
		{Title: "Any receptionist's", Due: today, OwnerRole: app.Receptionist},
	} {
		if _, err := c.NewTask(in); err != nil {
			t.Fatal(in.Title, err)
		}
	}
	u := New(test.NewTempApp(t), Options{Clinic: c, Screen: tasksModuleID, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.settle()
	ts := u.shell.shownContent().(*tasksScreen)
	ts.tabs.SelectIndex(1)
	titles := func() string {
		var out []string
		for _, l := range ts.team {
			out = append(out, l.Task.Title)
		}
		return strings.Join(out, ", ")
	}
	if len(ts.team) != 3 {
		t.Fatalf("everyone's: %q", titles())
	}
	for _, c := range []struct{ who, want string }{
		{"Rob Jones", "Rob's"},
		{"Any receptionist", "Any receptionist's"},
		{tasksEveryone, ""},
	} {
		ts.teamWho.SetSelected(c.who)
		u.settle()
		if c.want == "" {
			if len(ts.team) != 3 {
				t.Errorf("back to everyone: %q", titles())
			}
			continue
		}
		if got := titles(); got != c.want {
			t.Errorf("%s's tasks: %q, want %q", c.who, got, c.want)
		}
	}
}

// A task the rules made leaves Today's card by itself once its reason
// has gone: the referral acknowledged, the card's next look says it is
// up to date, and the task reads as done by ClinicDesk's rules.
func TestARuleTaskLeavesTodayWhenItsReasonGoes(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	today := testclock.Today()
	r, err := c.AddReferral(pathways.Referral{PatientID: ada.ID, Direction: pathways.In, Date: today.AddDays(-10),
		Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"}, Urgency: pathways.Routine,
		Kind: pathways.RTT, Reason: "knee pain"})
	if err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcToday(t, c)
	if len(s.tasks.lines) != 1 || !strings.HasPrefix(s.tasks.lines[0].Task.Title, "Acknowledge Ada Lovelace's referral") ||
		s.tasks.card.Subtitle != "1 overdue · 0 due today" {
		t.Fatalf("Today before: %q with %+v", s.tasks.card.Subtitle, s.tasks.lines)
	}
	made := s.tasks.lines[0].Task
	if _, err := c.UpdateReferral(r.ID, app.ReferralDesk{OwnerID: r.OwnerID, AcknowledgedOn: today}); err != nil {
		t.Fatal(err)
	}
	s.tasks.reload()
	tpIdle(t)
	if got := s.tasks.card.Subtitle; got != "Up to date" || len(s.tasks.lines) != 0 {
		t.Errorf("after the acknowledgement the card says %q with %d tasks", got, len(s.tasks.lines))
	}
	if tpShows(w, made.Title) {
		t.Errorf("the acknowledged referral's task is still on Today: %q", tpTexts(w))
	}
	k := tkTaskOf(t, c, ada.ID)
	if !k.IsDone() || k.DoneBy != tasks.DoneByRules ||
		!strings.HasSuffix(k.Note, "Done by ClinicDesk: the referral was acknowledged on "+today.LongWithDay()+".") {
		t.Errorf("the task after the acknowledgement: %+v", k)
	}
}
