package screens

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tpOpen shows the Patients module and opens p's record.
func tpOpen(t *testing.T, c *app.Clinic, p patients.Patient) (*patientsScreen, *patientRecord, fyne.Window) {
	t.Helper()
	s, w := tpScreen(t, c)
	s.openRecord(p.ID)
	tpIdle(t)
	if s.record == nil || s.record.tabs == nil {
		t.Fatalf("the record of %s did not open: %q", p.Surname, tpTexts(w))
	}
	return s, s.record, w
}

// tpSignInAs adds a member of staff with role and signs them in.
func tpSignInAs(t *testing.T, c *app.Clinic, username string, role app.Role) {
	t.Helper()
	if _, err := c.AddUser(app.NewUser{Username: username, FullName: "Staff " + username, Role: role, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn(username, tcStaffPassword); err != nil {
		t.Fatal(err)
	}
}

func withAlertsAndNeeds(p *patients.Patient) {
	p.Alerts = append(p.Alerts, patients.Alert{Kind: "violent_warning", Text: "Shouted at reception in 2025"})
	p.AIS.Needs = []string{"large_print", "bsl_interpreter"}
	p.AIS.Notes = "24-point font"
	p.AIS.Reviewed = ukcal.MustParseDate("2026-01-15")
	p.Language = "Polish"
	p.Interpreter = true
}

func TestPatientRecordShowsAlertsAndNeedsWhereverThePatientAppears(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1961-04-03", withAlertsAndNeeds)
	tpAdd(t, c, "Plain", "Person", "1970-01-01")
	s, w := tpScreen(t, c)

	// In the list: icons and the alert in words, in red.
	var row fyne.CanvasObject
	for _, o := range tcVisible(w) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Violent warning") {
			if l.Importance != widget.DangerImportance {
				t.Error("the alert in the list is not in the danger colour")
			}
			if !strings.Contains(l.Text, "Large print") || !strings.Contains(l.Text, "Polish interpreter") {
				t.Errorf("the list's needs = %q", l.Text)
			}
		}
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 6 {
			if l, ok := c.Objects[1].(*widget.Label); ok && strings.HasPrefix(l.Text, "Łukasiewicz") {
				row = c
			}
		}
	}
	if row == nil {
		t.Fatalf("Zoë's row is not in the list: %q", tpTexts(w))
	}
	icons := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects
	if icons[0].(*widget.Icon).Resource == nil || icons[1].(*widget.Icon).Resource == nil {
		t.Fatal("the alert and needs icons are not in Zoë's row")
	}

	// On the record: the full banners, above every tab.
	s.openRecord(p.ID)
	tpIdle(t)
	r := s.record
	if r.alerts == nil || r.needs == nil {
		t.Fatal("the record has no alert or needs banner")
	}
	for _, title := range []string{recordTabDetails, recordTabTimeline, recordTabNotes, recordTabTasks, recordTabRecord} {
		r.selectTab(title)
		for _, want := range []string{"Violent warning: Shouted at reception in 2025", "Communication needs: Large print · BSL interpreter · Polish interpreter", "24-point font", "15/01/2026"} {
			if !tpShows(w, want) {
				t.Fatalf("on the %s tab the banner does not show %q: %q", title, want, tpTexts(w))
			}
		}
	}
	for _, o := range tcVisible(w) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Violent warning:") && l.Importance != widget.DangerImportance {
			t.Fatal("the alert banner is not in the danger colour")
		}
	}
}

func TestPatientRecordNoteAndCallOnTheTimeline(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	_, r, w := tpOpen(t, c, p)

	r.selectTab(recordTabNotes)
	tcTap(t, w, "Add note")
	if !r.noteProblem.Visible() {
		t.Fatal("an empty note was not refused")
	}
	tpType(t, w, r.noteEntry, "Prefers morning appointments")
	tcTap(t, w, "Add note")
	tpIdle(t)
	tpType(t, w, r.noteEntry, "Asked about parking")
	tcTap(t, w, "Log call from the patient")
	tpIdle(t)
	if r.noteEntry.Text != "" || !tpShows(w, "Call logged") {
		t.Fatalf("after logging the call: entry %q, %q", r.noteEntry.Text, tpTexts(w))
	}

	r.selectTab(recordTabTimeline)
	for _, want := range []string{"Note", "Prefers morning appointments", "Phone call from the patient", "Asked about parking", "Record created", "Priya Manager"} {
		if !tpShows(w, want) {
			t.Errorf("the timeline does not show %q: %q", want, tpTexts(w))
		}
	}
	tl := r.data.timeline
	if len(tl) < 3 || tl[0].Kind != "call" || tl[1].Kind != "note" {
		t.Fatalf("timeline not newest first: %+v", tl)
	}
}

func TestARecordsMessageDoesNotMoveItsTabs(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabNotes)
	tpIdle(t)
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(r.noteEntry)
	tpType(t, w, r.noteEntry, "Prefers morning appointments")
	tcTap(t, w, "Add note")
	tpIdle(t)
	if r.status.Hidden || r.status.Text == "" {
		t.Fatalf("no message after adding a note: %q", tpTexts(w))
	}
	w.Content().Refresh()
	if after := d.AbsolutePositionForObject(r.noteEntry); after != before {
		t.Fatalf("the message moved the note box from %v to %v", before, after)
	}
}

func TestPatientRecordFollowUps(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabTasks)

	tpType(t, w, r.taskTitle, "Send the X-ray letter")
	tpType(t, w, r.taskDue, "30/02/2026")
	tcTap(t, w, "Add follow-up")
	if !strings.Contains(r.taskProblem.Text, "February 2026 has 28 days") {
		t.Fatalf("a bad due date was not refused: %q", r.taskProblem.Text)
	}
	r.taskDue.SetText(patientToday().AddDays(-3).Short())
	tcTap(t, w, "Add follow-up")
	tpIdle(t)
	if len(r.data.tasks) != 1 || !tpShows(w, "Overdue") || !tpShows(w, "Priya Manager") {
		t.Fatalf("the overdue follow-up is not shown: %q", tpTexts(w))
	}
	var tick *widget.Check
	for _, o := range tcVisible(w) {
		if ch, ok := o.(*widget.Check); ok && !ch.Checked && !ch.Disabled() {
			tick = ch
		}
	}
	if tick == nil {
		t.Fatal("no box to tick the follow-up off")
	}
	test.Tap(tick)
	tpIdle(t)
	tasks, _ := c.Tasks(tasks.Filter{PatientID: p.ID})
	if len(tasks) != 1 || tasks[0].DoneAt.IsZero() || !tpShows(w, "Done ") {
		t.Fatalf("ticking did not complete it: %+v", tasks)
	}
}

func TestPatientRecordMergeAndUndoAsManager(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	keep := tpAdd(t, c, "John", "Smith", "1980-03-12", func(p *patients.Patient) { p.Address.Postcode = "LS6 2AB" })
	dup := tpAdd(t, c, "Jon", "Smith", "1980-03-12", func(p *patients.Patient) { p.Address.Postcode = "LS6 2AB" })
	if _, err := c.AddNote(dup.ID, "Note on the duplicate"); err != nil {
		t.Fatal(err)
	}
	_, r, w := tpOpen(t, c, keep)
	r.selectTab(recordTabRecord)
	if r.mergeSearch == nil || r.deleteButton == nil {
		t.Fatal("a manager has no Merge or Delete")
	}
	tpType(t, w, r.mergeSearch, "smith")
	if !tpShows(w, "Smith, Jon") || tpShows(w, "Smith, John") {
		t.Fatalf("the duplicate should be offered, this record not: %q", tpTexts(w))
	}
	tcTap(t, w, "Merge into this record…")
	if !tpShows(w, "Jon Smith (born 12/03/1980) will be closed") {
		t.Fatalf("the confirmation does not name the records: %q", tpTexts(w))
	}
	tcTap(t, w, "Merge")
	tpIdle(t)
	if got, _ := c.Patient(dup.ID); got.Status != patients.Merged {
		t.Fatalf("duplicate status after merge = %q", got.Status)
	}
	if !tpShows(w, "Jon Smith (born 12/03/1980) was merged into this record") || !tpHasButton(w, "Undo merge") {
		t.Fatalf("the merge is not shown with Undo: %q", tpTexts(w))
	}
	r.selectTab(recordTabTimeline)
	if !tpShows(w, "Note on the duplicate") || !tpShows(w, "Duplicate record merged in") {
		t.Fatalf("the duplicate's note did not move to the survivor's timeline: %q", tpTexts(w))
	}

	r.selectTab(recordTabRecord)
	tcTap(t, w, "Undo merge")
	tcTap(t, w, "Undo merge") // the confirmation
	tpIdle(t)
	if got, _ := c.Patient(dup.ID); got.Status != patients.Active {
		t.Fatalf("duplicate status after undo = %q", got.Status)
	}
	ms, _ := c.Merges(keep.ID)
	if len(ms) != 1 || ms[0].UndoneAt.IsZero() || !tpShows(w, "Undone") || tpHasButton(w, "Undo merge") {
		t.Fatalf("after undo: merges %+v, %q", ms, tpTexts(w))
	}
	r.selectTab(recordTabTimeline)
	if tpShows(w, "Note on the duplicate") {
		t.Fatal("the duplicate's note is still on the survivor after undo")
	}
}

func TestPatientRecordReceptionistHasNoMergeOrDelete(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "John", "Smith", "1980-03-12")
	tpAdd(t, c, "Jon", "Smith", "1980-03-12")
	tpSignInAs(t, c, "rjones", app.Receptionist)
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	if r.mergeSearch != nil || r.deleteButton != nil {
		t.Fatal("merge or delete controls were built for a receptionist")
	}
	for _, b := range []string{"Merge into this record…", "Delete this record…"} {
		if tpHasButton(w, b) {
			t.Fatalf("a receptionist sees %q", b)
		}
	}
	if tpShows(w, "Merge a duplicate") || tpShows(w, "Delete this record") {
		t.Fatal("a receptionist sees the merge or delete sections")
	}
	if !tpHasButton(w, "Archive this record…") || !r.editButton.Visible() {
		t.Fatal("a receptionist cannot archive or edit")
	}
}

func TestPatientRecordAppRefusalIsShown(t *testing.T) {
	// The buttons follow the role when the record opens; if the session
	// changes under them, the app still refuses and says why.
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "John", "Smith", "1980-03-12")
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	tcTap(t, w, "Delete this record…")
	tpType(t, w, r.deleteEntry, app.DeleteConfirmation(p))
	tcTap(t, w, "Delete for good")
	tpIdle(t)
	if !strings.Contains(r.deleteProblem.Text, "receptionist cannot delete") {
		t.Fatalf("the app's refusal is not shown: %q", r.deleteProblem.Text)
	}
	if _, err := c.Patient(p.ID); err != nil {
		t.Fatal("the record was deleted by a receptionist")
	}
	var pe *app.PermissionError
	if err := c.DeletePatient(p.ID, app.DeleteConfirmation(p)); !errors.As(err, &pe) {
		t.Fatalf("app allowed a receptionist to delete: %v", err)
	}
}

func TestPatientRecordDeleteNeedsTheTypedConfirmation(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor-Brown", "1990-01-01")
	s, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	tcTap(t, w, "Delete this record…")
	want := app.DeleteConfirmation(p)
	if !tpShows(w, "type "+want) {
		t.Fatalf("the dialog does not say what to type: %q", tpTexts(w))
	}
	var del *widget.Button
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Delete for good" {
			del = b
		}
	}
	if del == nil || !del.Disabled() {
		t.Fatal("Delete for good can be pressed before anything is typed")
	}
	tpType(t, w, r.deleteEntry, "DELETE TAYLOR")
	if !del.Disabled() {
		t.Fatal("the wrong confirmation enables Delete")
	}
	r.deleteEntry.SetText("")
	tpType(t, w, r.deleteEntry, want)
	tcTap(t, w, "Delete for good")
	tpIdle(t)
	if _, err := c.Patient(p.ID); err == nil {
		t.Fatal("the record is still there")
	}
	if s.record != nil || !tpShows(w, "The record of Amelia Taylor-Brown has been deleted") {
		t.Fatalf("after deleting: %q", tpTexts(w))
	}
}

func TestPatientRecordArchiveShowsRetention(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	treated := tpAdd(t, c, "Amelia", "Taylor", "1970-01-01", func(p *patients.Patient) { p.LastTreatment = ukcal.MustParseDate("2026-11-23") })
	_, r, w := tpOpen(t, c, treated)
	r.selectTab(recordTabRecord)
	if !tpShows(w, "Keep until 23 November 2034: 8 years after the last treatment on 23 November 2026 (as kept on the record, later than the diary).") {
		t.Fatalf("retention not shown: %q", tpTexts(w))
	}
	tcTap(t, w, "Archive this record…")
	tcTap(t, w, "Archive")
	tpIdle(t)
	if got, _ := c.Patient(treated.ID); got.Status != patients.Archived {
		t.Fatalf("status after archive = %q", got.Status)
	}
	if !tpShows(w, "Archived on") || !tpHasButton(w, "Bring back from the archive") {
		t.Fatalf("after archiving: %q", tpTexts(w))
	}
	tcTap(t, w, "Bring back from the archive")
	tpIdle(t)
	if got, _ := c.Patient(treated.ID); got.Status != patients.Active {
		t.Fatalf("status after bringing back = %q", got.Status)
	}
}

// A manager reopening a task ClinicDesk made and closed is told the rules
// will leave it alone from now on, and it is open again.
func TestReopeningARuleTaskOnTheRecordSaysTheRulesLeaveIt(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	r := trReferral(t, c, p.ID, d.patel.ID, 10) // past its two working days: a task to acknowledge it
	me, _ := c.Session()
	if _, err := c.UpdateReferral(r.ID, app.ReferralDesk{OwnerID: me.User.ID, AcknowledgedOn: testclock.Today()}); err != nil {
		t.Fatal(err)
	}
	_, rec, w := tpOpen(t, c, p)
	var closed tasks.Task
	for _, k := range rec.data.tasks {
		if k.RuleKey != "" && k.IsDone() {
			closed = k
		}
	}
	if closed.ID == "" {
		t.Fatalf("no task closed by the rules on the record: %+v", rec.data.tasks)
	}
	for i, tab := range rec.tabs.Items {
		if tab.Text == "Follow-ups" {
			rec.tabs.SelectIndex(i)
		}
	}
	tpIdle(t)
	if !tpShows(w, "by ClinicDesk's rules · for ") {
		t.Errorf("the done task's line does not say whose it was apart from who did it: %q", tpTexts(w))
	}
	rec.reopenTask(closed)
	tpIdle(t)
	if !strings.Contains(rec.status.Text, "it will now leave it for people to close") {
		t.Errorf("after reopening: %q", rec.status.Text)
	}
	for _, k := range rec.data.tasks {
		if k.ID == closed.ID && k.IsDone() {
			t.Errorf("the reopened task is still done: %+v", k)
		}
	}
	// Ticked off by its owner: her name once, not "by her · for her".
	if _, err := c.MarkTaskDone(closed.ID); err != nil {
		t.Fatal(err)
	}
	rec.load(false)
	tpIdle(t)
	if !tpShows(w, "by "+me.User.FullName) || tpShows(w, "· for "+me.User.FullName) {
		t.Errorf("her own task, done by her: %q", tpTexts(w))
	}
}
