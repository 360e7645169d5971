package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/complaints"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tests for issue 13 item 4 (nt: "nothing typed is lost"): every form
// that takes typing keeps it through a lock or a change of screen, for
// the person who typed it only, and sign-out and quit ask first.

// ntOpen is the whole window over c, Priya Manager signed in, opened on
// the module given.
func ntOpen(t *testing.T, c *app.Clinic, screen string) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	tpHoldResults(t)
	t.Cleanup(func() { typingDrafts.forgetClinic(c) })
	u := New(a, Options{Clinic: c, Screen: screen, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	dfSettle(t, u)
	if u.state != uiMain || u.shell.currentID() != screen {
		t.Fatalf("did not open on %s: state %v", screen, u.state)
	}
	return u
}

// ntLockAndUnlock locks with Ctrl+L, checks the typing has left the
// window, and unlocks as Priya.
func ntLockAndUnlock(t *testing.T, u *UI, typed ...string) {
	t.Helper()
	w := u.Window()
	for _, s := range typed {
		if !fdHolds(w, s) {
			t.Fatalf("%q should be in the window before the lock (else the check below proves nothing)", s)
		}
	}
	fdPressShortcut(t, w, doorLockShortcut)
	dfSettle(t, u)
	if u.state != uiLocked {
		t.Fatalf("not locked: state %v", u.state)
	}
	for _, s := range typed {
		if fdHolds(w, s) {
			t.Fatalf("%q is still in the window while locked", s)
		}
	}
	if !fdShows(w, "What you were typing comes back") {
		t.Errorf("the lock screen does not say the typing is kept: %q", fdTexts(w, false))
	}
	dfUnlock(t, u, tcManagerPassword)
}

// ntComplaints is the Complaints module on show.
func ntComplaints(t *testing.T, u *UI) *complaintsScreen {
	t.Helper()
	s, ok := u.shell.shownContent().(*complaintsScreen)
	if !ok {
		t.Fatalf("Complaints is not showing: %T", u.shell.shownContent())
	}
	return s
}

func TestAHalfTypedComplaintSurvivesALock(t *testing.T) {
	c := tcClinic(t)
	tpAdd(t, c, "Joan", "O'Neill", "1950-02-01")
	u := ntOpen(t, c, complaintsModuleID)
	w := u.Window()
	s := ntComplaints(t, u)
	test.Tap(s.newButton)
	f := s.form
	if f == nil {
		t.Fatal("New complaint did not open the form")
	}
	tpType(t, w, f.patient.search, "O'Neill")
	f.patient.list.Select(0)
	tpIdle(t)
	f.channel.SetSelected(complaints.Oral.Label())
	f.subjects.checks[0].SetChecked(true)
	tpType(t, w, f.description, "Kept waiting in the cold for an hour")

	ntLockAndUnlock(t, u, "Kept waiting in the cold for an hour")

	g := ntComplaints(t, u).form
	if g == nil || g == f {
		t.Fatalf("the new-complaint form did not come back: %q", tpTexts(w))
	}
	if g.description.Text != "Kept waiting in the cold for an hour" || g.channel.Selected != complaints.Oral.Label() ||
		!g.subjects.checks[0].Checked || g.patient.id() == "" || !strings.Contains(g.patient.name(), "O'Neill") {
		t.Fatalf("not as typed: description %q, channel %q, patient %q", g.description.Text, g.channel.Selected, g.patient.name())
	}
	if !tpShows(w, "Restored what you were typing before the screen locked") {
		t.Errorf("no word that the form came back: %q", tpTexts(w))
	}
	if !strings.Contains(strings.Join(dfNavTitles(u), ","), "Complaints (unsaved)") {
		t.Errorf("the navigation does not mark Complaints: %q", dfNavTitles(u))
	}

	// Cancel is on purpose: nothing comes back after that.
	tcTap(t, w, "Cancel")
	u.lock()
	dfUnlock(t, u, tcManagerPassword)
	if ntComplaints(t, u).form != nil {
		t.Fatal("a cancelled complaint came back")
	}
}

func TestComplaintNoteSurvivesAChangeOfScreen(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Joan", "O'Neill", "1950-02-01")
	r := tkLog(t, c, p, tkDaysAgo(1))
	u := ntOpen(t, c, complaintsModuleID)
	w := u.Window()
	s := ntComplaints(t, u)
	s.openFile(r.ID)
	tpIdle(t)
	tpType(t, w, s.file.noteText, "Rang her back, she wants a meeting")

	u.shell.openID("today")
	dfSettle(t, u)
	if fdHolds(w, "Rang her back") {
		t.Fatal("the note is still in the window on another screen")
	}
	u.shell.openID(complaintsModuleID)
	dfSettle(t, u)
	s = ntComplaints(t, u)
	if s.file == nil || s.file.id != r.ID || s.file.noteText.Text != "Rang her back, she wants a meeting" {
		t.Fatalf("the note did not come back: %q", tpTexts(w))
	}
	tcTap(t, w, "Add")
	if whereUnsaved(c, sessionUserID(c)) != "" {
		t.Fatal("the note outlived being added")
	}
}

func TestBookingNotesSurviveALock(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	u := ntOpen(t, c, calendarModuleID)
	w := u.Window()
	s := u.shell.shownContent().(*calendarScreen)
	s.openBooking(calendarSlot{ClinicianID: d.carter.ID, Date: ctDay, Start: 10*60 + 15})
	b := s.booking
	ctChoosePatient(t, w, b, "O'Neill")
	tpType(t, w, b.notes, "Bring the scan from Leeds")

	ntLockAndUnlock(t, u, "Bring the scan from Leeds")

	s = u.shell.shownContent().(*calendarScreen)
	b2 := s.booking
	if b2 == nil || b2 == b {
		t.Fatalf("the booking dialog did not come back: %q", fdTexts(w, false))
	}
	if b2.notes.Text != "Bring the scan from Leeds" || b2.patient.id() != b.patient.id() ||
		b2.date.Text != "24/11/2026" || b2.start.Text != "10:15" || b2.whoSelect.Selected != "Mr Ben Carter" {
		t.Fatalf("not as left: notes %q, patient %q, %s %s %q", b2.notes.Text, b2.patient.name(), b2.date.Text, b2.start.Text, b2.whoSelect.Selected)
	}
	if !fdShows(w, "Restored the booking you were making before the screen locked") {
		t.Errorf("no word that the booking came back: %q", fdTexts(w, false))
	}
	// What came back counts as typing: Escape asks before losing it.
	escapeTopOverlay(w)
	if !tcShows(w, "Discard what you typed?") {
		t.Fatalf("Escape on the restored dialog did not ask: %q", tcTexts(w))
	}
	tcTap(t, w, "Keep editing")
	b2.close()
	if whereUnsaved(c, sessionUserID(c)) != "" {
		t.Fatal("closing the dialog on purpose left a draft")
	}
}

// ntRecord opens p's record on Patients and waits for it.
func ntRecord(t *testing.T, u *UI, id string) *patientRecord {
	t.Helper()
	s := dfPatients(t, u)
	s.openRecord(id)
	dfSettle(t, u)
	if s.record == nil || s.record.taskTitle == nil {
		t.Fatal("the record did not open")
	}
	return s.record
}

func TestLetterTextSurvivesALock(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	u := ntOpen(t, c, patientsModuleID)
	w := u.Window()
	ntRecord(t, u, p.ID)
	d := openLetterDialog(dfPatients(t, u).ctx, p.ID, "general", "")
	tpType(t, w, d.subject, "Your exercise plan")
	tpType(t, w, d.text, "Three sets of ten, twice a day")

	ntLockAndUnlock(t, u, "Three sets of ten, twice a day")

	got := ntOpenLetter(t, w)
	if got.subject.Text != "Your exercise plan" || got.text.Text != "Three sets of ten, twice a day" {
		t.Fatalf("the letter did not come back: subject %q, text %q", got.subject.Text, got.text.Text)
	}
	if !fdShows(w, "Restored the letter you were writing") {
		t.Errorf("no word that the letter came back: %q", fdTexts(w, false))
	}
	test.Tap(fdButton(w.Canvas().Overlays().Top(), "Close")) // on purpose: forgotten
	if whereUnsaved(c, sessionUserID(c)) != "" {
		t.Fatalf("closing the letter left %q", whereUnsaved(c, sessionUserID(c)))
	}
}

// ntOpenLetter is the letter dialog on show: its text boxes, found in the
// window's top overlay.
func ntOpenLetter(t *testing.T, w fyne.Window) *letterDialog {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil || fdButton(top, "Make the letter") == nil {
		t.Fatalf("no letter dialog on show: %q", fdTexts(w, false))
	}
	var entries []*textBox
	content := overlayContent(top)
	if p, ok := content.(*widget.PopUp); ok {
		content = p.Content
	}
	walkShown(content, func(o fyne.CanvasObject) {
		if e, ok := o.(*textBox); ok {
			entries = append(entries, e)
		}
	})
	if len(entries) < 2 {
		t.Fatalf("the letter dialog has %d text boxes showing", len(entries))
	}
	return &letterDialog{subject: entries[0], text: entries[1]}
}

func TestFollowUpTypingSurvivesALock(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	u := ntOpen(t, c, patientsModuleID)
	w := u.Window()
	r := ntRecord(t, u, p.ID)
	r.selectTab(recordTabTasks)
	tpType(t, w, r.taskTitle, "Call back about the X-ray")
	tpType(t, w, r.taskDue, "friday")

	ntLockAndUnlock(t, u, "Call back about the X-ray")

	r2 := dfPatients(t, u).record
	if r2 == nil || r2 == r || r2.id != p.ID {
		t.Fatalf("the record did not come back: %q", tpTexts(w))
	}
	if r2.taskTitle.Text != "Call back about the X-ray" || r2.taskDue.Text != "friday" {
		t.Fatalf("follow-up = %q due %q", r2.taskTitle.Text, r2.taskDue.Text)
	}
	if r2.tabs.Selected().Text != recordTabTasks || !fdShows(w, "Restored the follow-up you were typing") {
		t.Errorf("not back on Follow-ups with a word: tab %q", r2.tabs.Selected().Text)
	}
	test.Tap(r2.taskAdd)
	dfSettle(t, u)
	if whereUnsaved(c, sessionUserID(c)) != "" {
		t.Fatalf("the follow-up outlived being added: %q", r2.taskProblem.Text)
	}
}

func TestAnotherUserDoesNotSeeTheDraft(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	if _, err := c.AddUser(app.NewUser{Username: "rhys", FullName: "Rhys Llewellyn", Role: app.Manager, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	u := ntOpen(t, c, patientsModuleID)
	w := u.Window()
	r := ntRecord(t, u, p.ID)
	r.selectTab(recordTabTasks)
	tpType(t, w, r.taskTitle, "Ring Zoë about her pain")
	u.shell.openID(complaintsModuleID)
	dfSettle(t, u)
	test.Tap(ntComplaints(t, u).newButton)
	tpType(t, w, ntComplaints(t, u).form.description, "Rude on the phone")

	// Rhys signs in after a lock: none of it is his to see.
	u.lock()
	test.Tap(u.lockView.switchBtn)
	dfSignIn(t, u, "rhys", tcStaffPassword)
	for _, id := range []string{complaintsModuleID, patientsModuleID} {
		u.shell.openID(id)
		dfSettle(t, u)
		if fdHolds(w, "Rude on the phone") || fdHolds(w, "Ring Zoë about her pain") {
			t.Fatalf("Rhys sees Priya's typing on %s", id)
		}
	}
	if strings.Contains(strings.Join(dfNavTitles(u), ","), "unsaved") {
		t.Errorf("Rhys's navigation speaks of Priya's typing: %q", dfNavTitles(u))
	}
	r = ntRecord(t, u, p.ID)
	if r.taskTitle.Text != "" {
		t.Fatalf("Rhys's follow-up box holds %q", r.taskTitle.Text)
	}
	u.shell.onSignOut() // he has typed nothing: no question
	if u.state != uiLogin {
		t.Fatal("Rhys was asked about typing that is not his")
	}

	// Priya back: hers is still there.
	dfSignIn(t, u, "pmanager", tcManagerPassword)
	u.shell.openID(complaintsModuleID)
	dfSettle(t, u)
	if f := ntComplaints(t, u).form; f == nil || f.description.Text != "Rude on the phone" {
		t.Fatalf("Priya's complaint did not come back: %q", tpTexts(w))
	}
}

// ntQuestion is the unsaved-typing question on show, or fails.
func ntQuestion(t *testing.T, u *UI, want string) {
	t.Helper()
	if !tcShows(u.Window(), want) {
		t.Fatalf("no question %q: %q", want, tcTexts(u.Window()))
	}
}

func TestSignOutAsksWhenTypingIsUnsaved(t *testing.T) {
	c := tcClinic(t)
	u := ntOpen(t, c, complaintsModuleID)
	w := u.Window()
	test.Tap(ntComplaints(t, u).newButton)
	tpType(t, w, ntComplaints(t, u).form.description, "Rude on the phone")
	u.shell.openID("today")
	dfSettle(t, u)

	ntMenuItem(t, w, "Sign out").Action() // File › Sign out
	ntQuestion(t, u, "You have typing that is not saved: the new complaint. Sign out anyway?")
	escapeTopOverlay(w) // Escape is Keep working
	dfSettle(t, u)
	if u.state != uiMain || u.shell.currentID() != complaintsModuleID || ntComplaints(t, u).form == nil {
		t.Fatalf("Keep working should go back to the complaint: state %v on %q", u.state, u.shell.currentID())
	}

	u.shell.onSignOut()
	tcTap(t, w, "Sign out anyway")
	if u.state != uiLogin {
		t.Fatalf("not signed out: state %v", u.state)
	}
	dfSignIn(t, u, "pmanager", tcManagerPassword)
	u.shell.openID(complaintsModuleID)
	dfSettle(t, u)
	if ntComplaints(t, u).form != nil || fdHolds(w, "Rude on the phone") {
		t.Fatal("typing came back after signing out anyway")
	}
}

func TestQuitAsksWhenTypingIsUnsaved(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	u := ntOpen(t, c, patientsModuleID)
	w := u.Window()
	r := ntRecord(t, u, p.ID)
	tpType(t, w, r.taskTitle, "Ring about the scan")
	priya := sessionUserID(c)

	// Ctrl+Q, File › Quit and the window's close button all ask.
	for _, quit := range []func(){
		func() { fdPressShortcut(t, w, doorQuitShortcut) },
		func() { ntMenuItem(t, w, "Quit").Action() },
		u.onCloseButton,
	} {
		quit()
		ntQuestion(t, u, "You have typing that is not saved: a follow-up for Zoë Price. Quit anyway?")
		tcTap(t, w, "Keep working")
		if u.state != uiMain || r.taskTitle.Text != "Ring about the scan" {
			t.Fatalf("Keep working did not keep working: state %v", u.state)
		}
	}
	fdPressShortcut(t, w, doorQuitShortcut)
	tcTap(t, w, "Quit anyway")
	if u.state != uiClosing {
		t.Fatalf("Quit anyway did not close: state %v", u.state)
	}
	if len(typingDrafts.held(c, priya, "")) > 0 {
		t.Fatal("the typing outlived quitting")
	}
	dfSettle(t, u)
}

// ntMenuItem is the main menu's item with this label.
func ntMenuItem(t *testing.T, w fyne.Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func TestLockNeverAsks(t *testing.T) {
	c := tcClinic(t)
	u := ntOpen(t, c, complaintsModuleID)
	w := u.Window()
	test.Tap(ntComplaints(t, u).newButton)
	tpType(t, w, ntComplaints(t, u).form.description, "Rude on the phone")

	// Ctrl+L with typing unsaved: locked at once, no question, and the
	// typing is kept (else locking would be a way to lose it).
	fdPressShortcut(t, w, doorLockShortcut)
	if u.state != uiLocked || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatalf("the lock asked or waited: state %v, %q", u.state, tcTexts(w))
	}
	if whereUnsaved(c, sessionUserIDForLock(u)) != "the new complaint" {
		t.Fatal("locking lost the typing")
	}
	dfUnlock(t, u, tcManagerPassword)
	ntMenuItem(t, w, "Lock").Action() // File › Lock too
	if u.state != uiLocked || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatal("File › Lock asked")
	}
}

// sessionUserIDForLock is the locked session's user.
func sessionUserIDForLock(u *UI) string { return u.lockView.session.User.ID }

func TestComplaintDetailsBeingCorrectedSurviveALock(t *testing.T) {
	c := tcClinic(t)
	p := tpAdd(t, c, "Joan", "O'Neill", "1950-02-01")
	r := tkLog(t, c, p, tkDaysAgo(1))
	u := ntOpen(t, c, complaintsModuleID)
	w := u.Window()
	s := ntComplaints(t, u)
	s.openFile(r.ID)
	tpIdle(t)
	s.file.editDetails()
	f := s.file.form
	f.description.SetText("")
	tpType(t, w, f.description, "Kept waiting 50 minutes, then sent home")

	ntLockAndUnlock(t, u, "then sent home")

	s = ntComplaints(t, u)
	if s.file == nil || s.file.form == nil || s.file.form == f || s.file.form.description.Text != "Kept waiting 50 minutes, then sent home" {
		t.Fatalf("the corrections did not come back: %q", tpTexts(w))
	}
	if !strings.Contains(whereUnsaved(c, sessionUserID(c)), "the changes to complaint "+r.Reference) {
		t.Errorf("where = %q", whereUnsaved(c, sessionUserID(c)))
	}
	tcTap(t, w, "Save changes")
	if whereUnsaved(c, sessionUserID(c)) != "" {
		t.Fatal("the corrections outlived being saved")
	}
}
