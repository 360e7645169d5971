package screens

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers for the complaints screen tests (tk: "test complaints").

// tkScreen builds the Complaints module for c, as the shell would.
func tkScreen(t *testing.T, c *app.Clinic) (*complaintsScreen, fyne.Window, *tcShell) {
	t.Helper()
	tpHoldResults(t)
	obj, w, sh := tcBuild(t, c, complaintsModuleID)
	s, ok := obj.(*complaintsScreen)
	if !ok {
		t.Fatalf("complaints built %T", obj)
	}
	tpIdle(t)
	return s, w, sh
}

// tkList shows one of the register's lists and returns the references in it.
func tkList(t *testing.T, s *complaintsScreen, filter string) []string {
	t.Helper()
	s.filter.SetSelected(filter)
	tpIdle(t)
	var refs []string
	for _, r := range s.results {
		refs = append(refs, r.Reference)
	}
	return refs
}

// tkLog logs a written complaint about p through the app, received on the date.
func tkLog(t *testing.T, c *app.Clinic, p patients.Patient, received ukcal.Date) app.ComplaintRecord {
	t.Helper()
	r, err := c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: p.ID,
		Channel: complaints.Written, Received: received, Description: "Kept waiting 50 minutes.",
		Subjects:    []complaints.SubjectArea{complaints.SubjectWaitingTimes},
		StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// tkSelect finds the visible drop-down showing placeholder.
func tkSelect(t *testing.T, w fyne.Window, placeholder string) *widget.Select {
	t.Helper()
	for _, o := range tcVisible(w) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == placeholder {
			return sel
		}
	}
	t.Fatalf("no drop-down %q on screen", placeholder)
	return nil
}

// tkDaysAgo is a date this many calendar days before today.
func tkDaysAgo(n int) ukcal.Date { return ukcal.Today(wallClock()).AddDays(-n) }

// tkFillForm fills the new-complaint form for an oral complaint by p,
// received on the date, leaving the description as it is.
func tkFillForm(t *testing.T, w fyne.Window, f *complaintForm, surname string, received ukcal.Date) {
	t.Helper()
	f.channel.SetSelected(complaints.Oral.Label())
	tpType(t, w, f.patient.search, surname)
	if len(f.patient.found) == 0 {
		t.Fatalf("the patient search found no %s: %q", surname, tpTexts(w))
	}
	f.patient.list.Select(0)
	tpIdle(t)
	f.received.SetText(received.Short())
	f.subjects.SetSelected([]string{complaints.SubjectWaitingTimes.Label()})
	f.staffGroups.SetSelected([]string{complaints.StaffAdministration.Label()})
}

func TestLogOralComplaintSeeDeadlineAcknowledgeAndLeaveTheOverdueList(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1984-02-29")
	tpSignInAs(t, c, "rjones", app.Receptionist)
	s, w, _ := tkScreen(t, c)
	if !tpShows(w, "No open complaints. Log one with New complaint ("+doorShortcutText("N")+")") {
		t.Fatalf("no guidance on an empty register: %q", tpTexts(w))
	}

	// Ctrl+N from the search box opens the form.
	s.search.TypedShortcut(complaintsNewShortcut)
	if s.form == nil {
		t.Fatal("Ctrl+N did not open the new-complaint form")
	}
	f := s.form
	received := tkDaysAgo(10) // well past its acknowledgement deadline
	tkFillForm(t, w, f, "Łukasiewicz", received)
	ack := ukcal.ComplaintAcknowledgeBy(received, ukcal.EnglandAndWales)
	wantHint := "Acknowledge by " + ack.LongWithDay() + " — 3 working days after receipt"
	if !strings.Contains(f.ackHint.Text, wantHint) {
		t.Errorf("the form's deadline reads %q, want %q", f.ackHint.Text, wantHint)
	}

	w.Canvas().Focus(f.description)
	test.Type(f.description, "Told the physio was running late only after 50 minutes.")
	tcTap(t, w, "Log complaint")
	tpIdle(t)
	if s.file == nil {
		t.Fatalf("the complaint was not logged: %q", f.problem.Text)
	}
	if !tpShows(w, ack.LongWithDay()+" — 3 working days after receipt: overdue by") {
		t.Errorf("the file does not show the acknowledgement deadline as overdue: %q", tpTexts(w))
	}
	ref := s.file.f.Reference
	if !tpShows(w, "Logged as received — Staff rjones") {
		t.Errorf("the timeline does not show who logged it: %q", tpTexts(w))
	}

	s.file.onBack("")
	tpIdle(t)
	if got := tkList(t, s, complaintsFilterOverdue); len(got) != 1 || got[0] != ref {
		t.Fatalf("overdue list %q, want %s", got, ref)
	}
	s.list.Select(0)
	tpIdle(t)
	tcTap(t, w, "Acknowledge")
	tpIdle(t)
	if s.file.f.Status != complaints.Acknowledged || !tpShows(w, ref+" acknowledged") {
		t.Fatalf("not acknowledged: %s %q", s.file.f.Status, tpTexts(w))
	}
	if !tpShows(w, "Acknowledged on "+ukcal.Today(wallClock()).Short()) || !tpShows(w, "Acknowledged — Staff rjones") {
		t.Errorf("the file does not show the acknowledgement on its deadline and timeline: %q", tpTexts(w))
	}

	s.file.onBack("")
	tpIdle(t)
	if got := tkList(t, s, complaintsFilterOverdue); len(got) != 0 {
		t.Errorf("still overdue after acknowledging: %q", got)
	}
	if !tpShows(w, "Nothing overdue") {
		t.Errorf("no empty-state text for the overdue list: %q", tpTexts(w))
	}
	if got := tkList(t, s, complaintsFilterOpen); len(got) != 1 {
		t.Errorf("open list %q", got)
	}
}

func TestNewComplaintFormRefusesAnEmptyDescription(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	s, w, _ := tkScreen(t, c)
	tcTap(t, w, "New complaint ("+doorShortcutText("N")+")")
	f := s.form
	tkFillForm(t, w, f, "Lovelace", tkDaysAgo(1))
	tcTap(t, w, "Log complaint")
	tpIdle(t)
	if s.file != nil || !f.problem.Visible() || f.problem.Text != "Describe the complaint." {
		t.Fatalf("an empty description was not refused in words: %q", f.problem.Text)
	}
	if all, err := c.ListComplaints(app.ComplaintQuery{}); err != nil || len(all) != 0 {
		t.Fatalf("something was saved: %d %v", len(all), err)
	}

	f.received.SetText("31/02/2026")
	if !strings.Contains(f.ackHint.Text, "is not a day of the calendar") {
		t.Errorf("a date that does not exist: %q", f.ackHint.Text)
	}
	// Events more than 12 months before: a warning, not a refusal.
	f.received.SetText(tkDaysAgo(1).Short())
	f.events.SetText(tkDaysAgo(500).Short())
	if !f.timeLimit.Visible() || !strings.Contains(f.timeLimit.Text, "Outside the 12-month time limit") {
		t.Errorf("no time-limit warning: %q", f.timeLimit.Text)
	}
	f.description.SetText("Letter about a bill from 2025.")
	tcTap(t, w, "Log complaint")
	tpIdle(t)
	if s.file == nil || !s.file.f.Due.OutOfTime || !tpShows(w, "Received after the 12-month limit") {
		t.Fatalf("a late complaint was not logged with its flag: %q", tpTexts(w))
	}
}

func TestReceptionistCannotSendTheFinalResponseButAManagerCan(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10", func(p *patients.Patient) {
		p.Address.Line1, p.Address.Town, p.Address.Postcode = "2 Mill Lane", "York", "YO1 7AB"
	})
	tpSignInAs(t, c, "rjones", app.Receptionist)
	r := tkLog(t, c, p, tkDaysAgo(2))
	for _, to := range []complaints.Status{complaints.Acknowledged, complaints.Investigating} {
		if _, err := c.MoveComplaint(r.ID, to, "", "", ""); err != nil {
			t.Fatalf("a receptionist moving to %s: %v", to, err)
		}
	}
	s, w, _ := tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	if tpHasButton(w, "Send final response…") || tpHasButton(w, "Final response") {
		t.Errorf("a receptionist is offered the final response: %q", tpTexts(w))
	}
	var perm *app.PermissionError
	if _, err := c.MoveComplaint(r.ID, complaints.ResponseSent, complaints.Upheld, "Staff rjones", ""); !errors.As(err, &perm) {
		t.Fatalf("the app let a receptionist send the final response: %v", err)
	}

	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ = tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	tcTap(t, w, "Send final response…")
	d := s.file.dialog
	if d == nil {
		t.Fatal("no dialog for the final response")
	}
	tcTap(t, w, "Send final response") // no outcome chosen yet
	if s.file.f.Status != complaints.Investigating || !tpShows(w, "Record the outcome") {
		t.Fatalf("sent with no outcome: %s %q", s.file.f.Status, tpTexts(w))
	}
	tkSelect(t, w, "Choose the outcome").SetSelected(complaints.PartiallyUpheld.Label())
	tcTap(t, w, "Send final response")
	tpIdle(t)
	if s.file.f.Status != complaints.ResponseSent || s.file.f.SignedOffBy != "Priya Manager" {
		t.Fatalf("final response not recorded: %s by %q: %q", s.file.f.Status, s.file.f.SignedOffBy, tpTexts(w))
	}
	if !tpShows(w, "Response sent (outcome: partially upheld; signed off by Priya Manager) — Priya Manager") {
		t.Errorf("the timeline does not show the sign-off: %q", tpTexts(w))
	}

	// The final response letter, signed by the same name, logged on the timeline.
	tcTap(t, w, "Final response")
	a := s.file.dialog
	if a == nil {
		t.Fatal("no dialog for the final response letter")
	}
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	if s.file.lastLetter != nil || !tpShows(w, "Say how the complaint was looked into") {
		t.Fatalf("a final response with no investigation written: %q", tpTexts(w))
	}
}

func TestAcknowledgementLetterFromTheFileIsMadeAndLogged(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10", func(p *patients.Patient) {
		p.Title, p.Address.Line1, p.Address.Town, p.Address.Postcode = "Ms", "2 Mill Lane", "York", "YO1 7AB"
	})
	r := tkLog(t, c, p, tkDaysAgo(1))
	s, w, _ := tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	tcTap(t, w, "Acknowledgement letter")
	if s.file.dialog == nil {
		t.Fatal("no letter dialog")
	}
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	if s.file.lastLetter == nil || !bytes.HasPrefix(s.file.lastLetter.PDF, []byte("%PDF")) {
		t.Fatalf("no letter made: %q", tpTexts(w))
	}
	if !strings.Contains(s.file.lastLetter.FileName, r.Reference) {
		t.Errorf("file name %q", s.file.lastLetter.FileName)
	}
	if !tpShows(w, "Letter written: Acknowledgement letter") {
		t.Errorf("the letter is not on the timeline: %q", tpTexts(w))
	}
}

func TestTodayShowsComplaintsDueOrOverdueButNotToClinicians(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	late := tkLog(t, c, p, tkDaysAgo(14))
	tpHoldResults(t)
	_, w, sh := tcBuild(t, c, "today")
	tpIdle(t)
	if !tpHasButton(w, late.Reference) || !tpShows(w, "Acknowledge: overdue by") {
		t.Fatalf("the Today panel does not list the overdue complaint: %q", tpTexts(w))
	}
	tcTap(t, w, late.Reference)
	if len(sh.opened) != 1 || sh.opened[0] != complaintsModuleID || pendingComplaint != late.ID {
		t.Errorf("the reference opened %q (pending %q)", sh.opened, pendingComplaint)
	}
	// The register then opens on that complaint.
	s, _, _ := tkScreen(t, c)
	if s.file == nil || s.file.id != late.ID {
		t.Errorf("the register did not open the complaint from Today")
	}

	tpSignInAs(t, c, "drcole", app.Clinician)
	_, w, _ = tcBuild(t, c, "today")
	tpIdle(t)
	if tpHasButton(w, late.Reference) || tpShows(w, "Acknowledge: overdue by") {
		t.Errorf("a clinician sees complaints on Today: %q", tpTexts(w))
	}
	for _, m := range Modules(c) {
		if m.ID == complaintsModuleID {
			t.Error("a clinician has the Complaints module")
		}
	}
}

func TestComplaintSettingsTabSavesTheResponsePeriods(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabComplaints)
	if !strings.Contains(strings.Join(s.tabTitles(), ","), settingsTabComplaints) {
		t.Fatalf("no Complaints tab for a manager: %q", s.tabTitles())
	}
	tab := newComplaintSettingsTab(s.ctx)
	w.SetContent(tab.build())
	tab.defaultDay.SetText("20")
	tab.maxDays.SetText("10")
	tcTap(t, w, "Save")
	if !tcShows(w, "cannot be shorter than the default") {
		t.Errorf("a longest period shorter than the default was not refused: %q", tcTexts(w))
	}
	tab.maxDays.SetText("100")
	tcTap(t, w, "Save")
	cs, err := c.ComplaintSettings()
	if err != nil || cs.DefaultResponseDays != 20 || cs.MaxResponseDays != 100 {
		t.Fatalf("saved %+v %v", cs, err)
	}
}

func TestPatientTimelineLinksToTheComplaintButNotForClinicians(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	r := tkLog(t, c, p, tkDaysAgo(2))
	pendingComplaint = ""

	tpHoldResults(t)
	obj, w, sh := tcBuild(t, c, patientsModuleID)
	s := obj.(*patientsScreen)
	s.openRecord(p.ID)
	tpIdle(t)
	s.record.selectTab(recordTabTimeline)
	tcTap(t, w, "Open complaint")
	if len(sh.opened) != 1 || sh.opened[0] != complaintsModuleID || pendingComplaint != r.ID {
		t.Fatalf("Open complaint opened %q (pending %q)", sh.opened, pendingComplaint)
	}
	pendingComplaint = ""

	tpSignInAs(t, c, "drcole", app.Clinician)
	obj, w, _ = tcBuild(t, c, patientsModuleID)
	s = obj.(*patientsScreen)
	s.openRecord(p.ID)
	tpIdle(t)
	s.record.selectTab(recordTabTimeline)
	if tpHasButton(w, "Open complaint") || tpShows(w, r.Reference) {
		t.Errorf("a clinician sees the complaint on the patient's record: %q", tpTexts(w))
	}
}

// Tab never types into the new complaint form: every box, the several-line
// ones too, hands Tab to the next field, or the keyboard is trapped in
// the contact's address.
func TestComplaintFormNeverTrapsTab(t *testing.T) {
	test.NewTempApp(t)
	s, w, _ := tkScreen(t, tcClinic(t))
	tcTap(t, w, "New complaint ("+doorShortcutText("N")+")")
	if s.form == nil {
		t.Fatal("no new complaint form")
	}
	boxes := 0
	fdWalk(w.Canvas().Content(), false, func(o fyne.CanvasObject) {
		tab, ok := o.(fyne.Tabbable)
		if !ok {
			return
		}
		if e := textBoxOf(o); e != nil {
			boxes++
			if tab.AcceptsTab() {
				t.Errorf("a text box holding %q (several lines: %v) types Tab instead of moving on", e.PlaceHolder, e.MultiLine)
			}
		}
	})
	if boxes < 10 {
		t.Fatalf("only %d text boxes found in the form", boxes)
	}
}
