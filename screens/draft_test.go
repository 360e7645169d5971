package screens

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Helpers for the draft tests (df): the whole window over a real clinic
// file, Priya Manager signed in, opened on Patients.

func dfOpen(t *testing.T, clock func() time.Time) (*UI, *app.Clinic) {
	t.Helper()
	a := test.NewTempApp(t)
	tpHoldResults(t)
	c := tcClinic(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: c, Screen: patientsModuleID, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1, clock: clock})
	dfSettle(t, u)
	if u.state != uiMain || u.shell.currentID() != patientsModuleID {
		t.Fatalf("did not open on Patients: state %v", u.state)
	}
	return u, c
}

// dfSettle runs every result of background work, the window's and the
// Patients module's, until none is left.
func dfSettle(t *testing.T, u *UI) {
	t.Helper()
	for range 3 {
		u.settle()
		tpIdle(t)
	}
}

// dfPatients is the Patients module on show.
func dfPatients(t *testing.T, u *UI) *patientsScreen {
	t.Helper()
	if u.shell == nil {
		t.Fatal("no main window")
	}
	s, ok := u.shell.shownContent().(*patientsScreen)
	if !ok {
		t.Fatalf("Patients is not showing: %T", u.shell.shownContent())
	}
	return s
}

// dfUnlock types the password on the lock screen.
func dfUnlock(t *testing.T, u *UI, password string) {
	t.Helper()
	if u.state != uiLocked {
		t.Fatalf("not locked: state %v", u.state)
	}
	test.Type(u.lockView.password, password)
	fdEnter(u.lockView.password)
	dfSettle(t, u)
	if u.state != uiMain {
		t.Fatalf("unlock failed: %q", u.lockView.message.Text)
	}
}

// dfSignIn signs in on the login screen.
func dfSignIn(t *testing.T, u *UI, username, password string) {
	t.Helper()
	if u.state != uiLogin {
		t.Fatalf("not on the login screen: state %v", u.state)
	}
	test.Type(u.login.username, username)
	test.Type(u.login.password, password)
	fdEnter(u.login.password)
	dfSettle(t, u)
	if u.state != uiMain {
		t.Fatalf("sign-in as %s failed", username)
	}
}

// dfNavTitles is the navigation as it reads.
func dfNavTitles(u *UI) []string {
	var out []string
	for _, m := range u.shell.modules {
		out = append(out, u.shell.navTitle(m))
	}
	return out
}

func dfNavMarked(u *UI) bool {
	return strings.Contains(strings.Join(dfNavTitles(u), ","), "Patients (unsaved)")
}

// dfTyped is what the tests type into a new patient's form: the fields
// that matter, some as a person types them rather than as they are kept.
var dfTyped = []string{"Przybylska", "3/4/1961", "ls1 4ap", "07700 900123", "Lives with her carer"}

func dfFillNewPatient(t *testing.T, w fyne.Window, s *patientsScreen) *patientForm {
	t.Helper()
	test.Tap(s.newButton)
	f := s.form
	if f == nil {
		t.Fatal("New patient did not open the form")
	}
	tpType(t, w, f.title, "Mrs")
	tpType(t, w, f.forenames, "Zoë")
	tpType(t, w, f.surname, "Przybylska")
	tpType(t, w, f.dob, "3/4/1961")
	tpType(t, w, f.postcode, "ls1 4ap")
	f.consentSMS.SetChecked(true)
	f.needs[1].SetChecked(true)
	tcTap(t, w, "Add an alert")
	f.alerts[0].kind.SetSelected("Safeguarding")
	tpType(t, w, f.alerts[0].text, "Lives with her carer")
	tpType(t, w, f.mobile, "07700 900123") // the cursor is left here
	return f
}

// dfAssertRestored checks the form is back with every field as typed.
func dfAssertRestored(t *testing.T, u *UI, before *patientForm) *patientForm {
	t.Helper()
	s := dfPatients(t, u)
	f := s.form
	if f == nil || f == before {
		t.Fatalf("the form did not come back: %q", tpTexts(u.Window()))
	}
	got := []string{f.title.Text, f.forenames.Text, f.surname.Text, f.dob.Text, f.postcode.Text, f.mobile.Text}
	want := []string{"Mrs", "Zoë", "Przybylska", "3/4/1961", "ls1 4ap", "07700 900123"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("fields = %q, want %q", got, want)
	}
	if !f.consentSMS.Checked || f.consentLetter.Checked || !f.needs[1].Checked || f.needs[0].Checked ||
		len(f.alerts) != 1 || f.alerts[0].kind.Selected != "Safeguarding" || f.alerts[0].text.Text != "Lives with her carer" {
		t.Fatalf("ticks or alerts not restored: sms %v, needs %v, alerts %d", f.consentSMS.Checked, f.needs[1].Checked, len(f.alerts))
	}
	if u.Window().Canvas().Focused() != f.mobile || f.mobile.CursorColumn != len("07700 900123") {
		t.Errorf("the cursor should be back at the end of the mobile field, is in %T", u.Window().Canvas().Focused())
	}
	if !f.dirty() {
		t.Error("a restored form must still count as unsaved")
	}
	return f
}

// dfAssertHidden checks none of the typed text is anywhere in the window.
func dfAssertHidden(t *testing.T, w fyne.Window) {
	t.Helper()
	for _, s := range dfTyped {
		if fdHolds(w, s) {
			t.Fatalf("%q is still in the window's widget tree: %q", s, fdTexts(w, true))
		}
	}
}

func TestDraftComesBackAfterTheLockForTheSameUser(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	f := dfFillNewPatient(t, w, dfPatients(t, u))
	for _, typed := range dfTyped {
		if !fdHolds(w, typed) {
			t.Fatalf("%q should be in the window before the lock (else the check below proves nothing)", typed)
		}
	}
	tcTap(t, w, "Add patient") // the duplicate check is on its way when the lock comes
	fdPressShortcut(t, w, doorLockShortcut)
	dfSettle(t, u)

	if u.state != uiLocked || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatalf("not locked cleanly: state %v", u.state)
	}
	dfAssertHidden(t, w)
	if !fdShows(w, "The patient form you were filling in comes back") {
		t.Errorf("the lock screen does not say the form is kept: %q", fdTexts(w, false))
	}
	dfUnlock(t, u, tcManagerPassword)
	if tpCount(t, c) != 0 {
		t.Fatal("locking saved the patient")
	}
	f = dfAssertRestored(t, u, f)
	if !tpShows(w, "Restored what you were typing before the screen locked") {
		t.Fatalf("no word that the form was restored: %q", tpTexts(w))
	}
	if !dfNavMarked(u) {
		t.Errorf("the navigation should mark Patients as unsaved: %q", dfNavTitles(u))
	}

	// Locked again at once, nothing typed since: still kept.
	u.lock()
	dfAssertHidden(t, w)
	dfUnlock(t, u, tcManagerPassword)
	f = dfAssertRestored(t, u, f)

	// Saved, it is gone: the record opens and the next lock has nothing to keep.
	tcTap(t, w, "Add patient")
	dfSettle(t, u)
	s := dfPatients(t, u)
	if s.record == nil {
		t.Fatalf("not saved: %q", f.summary.Text)
	}
	p := s.record.data.p
	if p.DOB != ukcal.MustParseDate("1961-04-03") || p.Address.Postcode != "LS1 4AP" || p.Phones.Mobile != "+447700900123" || !p.Consent.SMS ||
		len(p.Alerts) != 1 || p.Alerts[0].Kind != "safeguarding" {
		t.Fatalf("saved = %+v", p)
	}
	if patientDrafts.has(c, sessionUserID(c)) || dfNavMarked(u) {
		t.Fatal("the draft outlived the save")
	}
	u.lock()
	if fdShows(w, "The patient form you were filling in") {
		t.Error("the lock screen speaks of a form already saved")
	}
}

func TestDraftIsOnlyForWhoTypedIt(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	if _, err := c.AddUser(app.NewUser{Username: "rhys", FullName: "Rhys Llewellyn", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	f := dfFillNewPatient(t, w, dfPatients(t, u))

	// Rhys signs in through "Switch user": he neither sees it nor is told of it.
	test.Tap(u.shell.switchBtn)
	dfAssertHidden(t, w)
	dfSignIn(t, u, "rhys", tcStaffPassword)
	if !fdShows(w, "Rhys Llewellyn") {
		t.Fatalf("not Rhys's window: %q", fdTexts(w, false))
	}
	dfAssertHidden(t, w)
	if dfNavMarked(u) {
		t.Error("Rhys's navigation shows Priya's unsaved form")
	}
	u.shell.openID(patientsModuleID)
	dfSettle(t, u)
	if s := dfPatients(t, u); s.form != nil {
		t.Fatal("Rhys was shown Priya's form")
	}
	dfAssertHidden(t, w)
	u.lock()
	if fdShows(w, "The patient form you were filling in") {
		t.Error("Rhys's lock screen speaks of Priya's form")
	}

	// Priya back: the form is in front of her, as she left it.
	test.Tap(u.lockView.switchBtn)
	dfSignIn(t, u, "pmanager", tcManagerPassword)
	if u.shell.currentID() != patientsModuleID {
		t.Fatalf("signing in with an unsaved form should open Patients, opened %q", u.shell.currentID())
	}
	dfAssertRestored(t, u, f)
	if !tpShows(w, "Restored what you were typing before the screen locked") {
		t.Fatalf("no note: %q", tpTexts(w))
	}
}

func TestDraftKeptWhenGoingToAnotherModule(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	p := tpAdd(t, c, "Zoë", "Price", "1961-04-03")
	s := dfPatients(t, u)
	s.openRecord(p.ID)
	dfSettle(t, u)
	tcTap(t, w, "Edit details")
	f := s.form
	tpType(t, w, f.mobile, "07700 900999")

	u.shell.openID("today")
	dfSettle(t, u)
	if fdHolds(w, "07700 900999") {
		t.Fatal("the form's text is still in the window on another module")
	}
	if !dfNavMarked(u) {
		t.Fatalf("Patients is not marked unsaved: %q", dfNavTitles(u))
	}

	// Meanwhile the record changes under the form.
	p.Email = "zoe@example.co.uk"
	if _, err := c.UpdatePatient(p, app.PatientOptions{}); err != nil {
		t.Fatal(err)
	}

	u.shell.openID(patientsModuleID)
	dfSettle(t, u)
	s = dfPatients(t, u)
	g := s.form
	if g == nil || g == f || g.orig == nil || g.orig.ID != p.ID || g.mobile.Text != "07700 900999" || !tpShows(w, "Edit Zoë Price") {
		t.Fatalf("the edit form did not come back: %q", tpTexts(w))
	}
	if !tpShows(w, "before you left this form") || !tpShows(w, "changed by someone else since you started") {
		t.Fatalf("restored note: %q", g.restored.Text)
	}

	// Cancel still asks; leaving throws the draft away and goes to the record.
	tcTap(t, w, "Cancel")
	tcTap(t, w, "Leave without saving")
	dfSettle(t, u)
	if s.form != nil || s.record == nil || s.record.id != p.ID {
		t.Fatal("leaving the restored form should open the record")
	}
	if patientDrafts.has(c, sessionUserID(c)) || dfNavMarked(u) {
		t.Fatal("the draft outlived Leave without saving")
	}
	got, err := c.Patient(p.ID)
	if err != nil || got.Phones.Mobile != "" || got.Email != "zoe@example.co.uk" {
		t.Fatalf("the record changed: %+v %v", got, err)
	}
}

func TestSignOutAsksBeforeDiscardingADraft(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	s := dfPatients(t, u)
	test.Tap(s.newButton)
	tpType(t, w, s.form.forenames, "Amelia")
	tpType(t, w, s.form.surname, "Taylor")
	u.shell.openID("today")
	dfSettle(t, u)

	u.shell.onSignOut()
	if !tcShows(w, "You have typing that is not saved: the new patient Amelia Taylor. Sign out anyway?") {
		t.Fatalf("signing out did not ask: %q", tcTexts(w))
	}
	tcTap(t, w, "Keep working")
	dfSettle(t, u)
	if u.state != uiMain || dfPatients(t, u).form == nil || dfPatients(t, u).form.surname.Text != "Taylor" {
		t.Fatal("Keep working should go back to the form")
	}

	u.shell.onSignOut()
	tcTap(t, w, "Sign out anyway")
	if u.state != uiLogin {
		t.Fatalf("not signed out: state %v", u.state)
	}
	if _, ok := c.Session(); ok {
		t.Fatal("still signed in")
	}
	dfSignIn(t, u, "pmanager", tcManagerPassword)
	u.shell.openID(patientsModuleID)
	dfSettle(t, u)
	if dfPatients(t, u).form != nil || fdHolds(w, "Amelia") {
		t.Fatal("a discarded draft came back")
	}

	// Nothing unsaved: signing out does not ask.
	u.shell.onSignOut()
	if u.state != uiLogin {
		t.Fatal("signing out with nothing unsaved asked anyway")
	}
}

func TestDraftAfterIdleLockAndWhenNothingWasTyped(t *testing.T) {
	clock := &fdClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	u, c := dfOpen(t, clock.now)
	w := u.Window()

	// An untouched form, or typing taken back, leaves nothing to keep.
	s := dfPatients(t, u)
	test.Tap(s.newButton)
	tpType(t, w, s.form.forenames, "A")
	s.form.forenames.SetText("")
	if patientDrafts.has(c, sessionUserID(c)) {
		t.Fatal("a form back as it opened is still kept")
	}
	u.lock()
	if fdShows(w, "The patient form you were filling in") {
		t.Error("the lock screen speaks of an empty form")
	}
	dfUnlock(t, u, tcManagerPassword)
	if s = dfPatients(t, u); s.form != nil {
		t.Fatal("an empty form came back")
	}

	// The idle lock keeps what was typed like Ctrl+L does.
	f := dfFillNewPatient(t, w, s)
	u.idle.check() // sees the typing
	clock.add(app.DefaultIdleLock + time.Second)
	u.idle.check()
	dfSettle(t, u)
	if u.state != uiLocked {
		t.Fatal("the idle lock did not come")
	}
	dfAssertHidden(t, w)
	dfUnlock(t, u, tcManagerPassword)
	dfAssertRestored(t, u, f)
}

func TestDraftStoreKeepsOnePerUserAndTellsTheNavigation(t *testing.T) {
	c1, c2 := &app.Clinic{}, &app.Clinic{}
	t.Cleanup(func() {
		patientDrafts.discard(c1, "u1")
		patientDrafts.discard(c1, "u2")
		patientDrafts.discard(c2, "u1")
		patientDrafts.watch(c1, nil)
	})
	told := 0
	patientDrafts.watch(c1, func() { told++ })
	patientDrafts.keep(c1, "u1", &patientDraft{name: "first"})
	patientDrafts.keep(c1, "u1", &patientDraft{name: "second"})
	patientDrafts.keep(c2, "u1", &patientDraft{name: "other clinic"})
	if d, ok := patientDrafts.get(c1, "u1"); !ok || d.name != "second" {
		t.Fatalf("c1/u1 = %+v", d)
	}
	if patientDrafts.has(c1, "u2") {
		t.Fatal("u2 sees u1's draft")
	}
	if told != 1 {
		t.Fatalf("told %d times, want once (when the draft came)", told)
	}
	patientDrafts.markLocked(c1, "u1")
	if d, _ := patientDrafts.get(c1, "u1"); d.reason != draftLocked || !strings.Contains(d.restoredNote(), "screen locked") {
		t.Fatal("markLocked did not stick")
	}
	patientDrafts.discard(c1, "u1")
	if patientDrafts.has(c1, "u1") || !patientDrafts.has(c2, "u1") || told != 2 {
		t.Fatalf("discard: told %d", told)
	}
	orig := patients.Patient{Forenames: "Zoë", Surname: "Price"}
	for _, tc := range []struct {
		d    patientDraft
		want string
	}{
		{patientDraft{orig: &orig}, "Discard changes to Zoë Price's details?"},
		{patientDraft{name: "Amelia Taylor"}, "Discard the new patient Amelia Taylor?"},
		{patientDraft{}, "Discard the new patient's details?"},
	} {
		if got := tc.d.discardQuestion(); got != tc.want {
			t.Errorf("discardQuestion = %q, want %q", got, tc.want)
		}
	}
}

func TestFindAPatientFromElsewhereAsksAboutTheDraft(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	s := dfPatients(t, u)
	test.Tap(s.newButton)
	tpType(t, w, s.form.surname, "Taylor")
	u.shell.openID("today")
	dfSettle(t, u)

	// Ctrl+F on another module: Patients opens on her form, and asks
	// before the search replaces it.
	u.shell.findPatient("smi")
	dfSettle(t, u)
	s = dfPatients(t, u)
	if s.form == nil || s.form.surname.Text != "Taylor" || !tcShows(w, "has not been saved and will be lost") {
		t.Fatalf("Ctrl+F did not bring the form back and ask: %q", tcTexts(w))
	}
	tcTap(t, w, "Stay on the form")
	if s.form == nil || !patientDrafts.has(c, sessionUserID(c)) {
		t.Fatal("Stay on the form lost the draft")
	}
	u.shell.findPatient("smi")
	tcTap(t, w, "Leave without saving")
	dfSettle(t, u)
	if s.form != nil || s.search.Text != "smi" || patientDrafts.has(c, sessionUserID(c)) {
		t.Fatalf("after leaving: form %v, search %q", s.form, s.search.Text)
	}
}
