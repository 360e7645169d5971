package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Issue 13 item 15: from the booking dialog, a new patient can be
// registered without leaving it.

// cbOpenAt opens the booking dialog on Dr Patel's column at 10:15.
func cbOpenAt(t *testing.T, s *calendarScreen, d ctDiary) *calendarBooking {
	t.Helper()
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60+15)
	if s.booking == nil {
		t.Fatal("tapping an empty slot did not open the booking dialog")
	}
	return s.booking
}

// cbTopIs reports whether the dialog on top of the window shows content.
func cbTopIs(w fyne.Window, content fyne.CanvasObject) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	found := false
	walkShown(cbTopContent(w), func(o fyne.CanvasObject) { found = found || o == content })
	return found
}

// cbTopContent is what the dialog or pop-up on top of the window holds.
func cbTopContent(w fyne.Window) fyne.CanvasObject {
	top := w.Canvas().Overlays().Top()
	if pop, ok := overlayContent(top).(*widget.PopUp); ok {
		return pop.Content
	}
	return top
}

func TestBookingDialogRegistersANewPatientAndKeepsWhatWasTyped(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)
	b := cbOpenAt(t, s, d)

	tpType(t, w, b.notes, "Left knee, referred by her GP")
	tpType(t, w, b.patient.search, "Sarah Jones 12/03/1980")
	if len(b.patient.found) != 0 || !b.patient.register.Visible() || !b.patient.listArea.Visible() {
		t.Fatalf("no match should offer to register: found %d, offer shown %v", len(b.patient.found), b.patient.register.Visible())
	}
	test.Tap(b.patient.register)
	tpIdle(t)
	n := b.newPatient
	if n == nil || !cbTopIs(w, n.content) {
		t.Fatal("Register a new patient… opened no dialog on top")
	}
	if n.forenames.Text != "Sarah" || n.surname.Text != "Jones" || n.dob.Text != "12/03/1980" {
		t.Fatalf("filled in as %q %q %q", n.forenames.Text, n.surname.Text, n.dob.Text)
	}

	// Escape closes the small dialog only: the booking stays, as typed.
	w.Canvas().Focus(n.mobile)
	tpKey(t, n.mobile, fyne.KeyEscape)
	if cbTopIs(w, n.content) || b.popUp() == nil || s.booking != b {
		t.Fatal("Escape did not close the registration alone")
	}
	if b.notes.Text != "Left knee, referred by her GP" {
		t.Fatalf("the notes became %q", b.notes.Text)
	}
	if w.Canvas().Focused() != b.patient.search {
		t.Error("after Escape the keyboard is not back in the search")
	}

	// Enter in the search, with nobody found, opens it again.
	tpKey(t, b.patient.search, fyne.KeyReturn)
	n = b.newPatient
	if !cbTopIs(w, n.content) {
		t.Fatal("Enter with nobody found did not offer to register")
	}
	// The app's rules, under their field.
	n.dob.SetText("12/03/2090")
	test.Tap(n.register)
	tpIdle(t)
	if !n.problems["dob"].Visible() || !strings.Contains(n.problems["dob"].Text, "future") {
		t.Fatalf("a date of birth in the future: %q", n.problems["dob"].Text)
	}
	n.dob.SetText("12/03/1980")
	tpType(t, w, n.mobile, "07700 900123")
	test.Tap(n.register)
	tpIdle(t)
	if cbTopIs(w, n.content) {
		t.Fatalf("the registration stayed open: %q", n.summary.Text)
	}
	found, err := c.SearchPatients("Sarah Jones", false, 5)
	if err != nil || len(found) != 1 || found[0].DOB != ukcal.MustParseDate("1980-03-12") {
		t.Fatalf("registered %+v %v", found, err)
	}
	if b.patient.id() != found[0].ID || b.notes.Text != "Left knee, referred by her GP" || b.start.Text != "10:15" {
		t.Fatalf("the booking has patient %q, notes %q, start %q", b.patient.id(), b.notes.Text, b.start.Text)
	}
	test.Tap(b.book)
	tpIdle(t)
	var booked []schedule.DiaryEntry
	for _, e := range ctDiaryOn(t, c, ctDay) {
		if e.PatientID == found[0].ID {
			booked = append(booked, e)
		}
	}
	if len(booked) != 1 || booked[0].Notes != "Left knee, referred by her GP" || booked[0].ClinicianID != d.patel.ID {
		t.Fatalf("booked %+v", booked)
	}
}

func TestBookingDialogWarnsOfAPatientAlreadyOnFileBeforeRegistering(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)
	b := cbOpenAt(t, s, d)
	tpType(t, w, b.patient.search, "jane oneill 12/03/1980") // the search misses the apostrophe
	test.Tap(b.patient.register)
	tpIdle(t)
	n := b.newPatient
	n.surname.SetText("O'Neill")
	test.Tap(n.register)
	tpIdle(t)
	if n.dupDialog == nil {
		t.Fatalf("no duplicate warning: %q", tpTexts(w))
	}
	var use *widget.Button
	walkShown(cbTopContent(w), func(o fyne.CanvasObject) {
		if bt, ok := o.(*widget.Button); ok && bt.Text == "Book this patient" {
			use = bt
		}
	})
	if use == nil {
		t.Fatalf("the warning offers no way to book the one on file: %q", tpTexts(w))
	}
	test.Tap(use)
	tpIdle(t)
	if b.patient.id() != jane.ID || b.popUp() == nil || w.Canvas().Overlays().Top() == nil || !cbTopIs(w, b.frame.frame) {
		t.Fatalf("the booking has %q, want the record on file", b.patient.id())
	}
	if all, _ := c.SearchPatients("O'Neill", false, 5); len(all) != 1 {
		t.Fatalf("%d records for Jane O'Neill: one was added", len(all))
	}
}

func TestBookingDialogOffersNoRegistrationToThoseWhoMayNotAddPatients(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpSignInAs(t, c, "clin", app.Clinician)
	s, w := ctScreen(t, c)
	s.openBooking(calendarSlot{ClinicianID: d.patel.ID, Date: ctDay, Start: 600})
	tpIdle(t)
	b := s.booking
	tpType(t, w, b.patient.search, "Sarah Jones 12/03/1980")
	if b.patient.onRegister != nil || b.patient.register.Visible() {
		t.Fatal("a clinician is offered to register a patient")
	}
	tpKey(t, b.patient.search, fyne.KeyReturn)
	if b.newPatient != nil {
		t.Fatal("Enter opened the registration for a clinician")
	}
	if _, err := c.CreatePatient(patients.Patient{Forenames: "Sarah", Surname: "Jones", DOB: ukcal.MustParseDate("1980-03-12")}, app.PatientOptions{}); err == nil {
		t.Fatal("the app registered a patient for a clinician")
	}
}

func TestEscapeInTheBookingDialogsTextBoxesReachesTheDialog(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	s, w := ctScreen(t, c)
	b := cbOpenAt(t, s, d)
	tpType(t, w, b.notes, "Left knee")
	tpKey(t, b.notes, fyne.KeyEscape)
	if !tcShows(w, "Discard what you typed?") {
		t.Fatalf("Escape in the notes did nothing: %q", tcTexts(w))
	}
	tcTap(t, w, "Keep editing")
	// With nothing typed (the time was filled in by the dialog), Escape
	// in a box closes it.
	b.notes.SetText("")
	tpKey(t, b.start, fyne.KeyEscape)
	if s.booking != nil || b.popUp() != nil {
		t.Fatal("Escape in the time box did not close the booking dialog")
	}
}

func TestANewPatientHalfRegisteredInTheBookingSurvivesALock(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	u := ntOpen(t, c, calendarModuleID)
	w := u.Window()
	s := u.shell.shownContent().(*calendarScreen)
	s.openBooking(calendarSlot{ClinicianID: d.carter.ID, Date: ctDay, Start: 10*60 + 15})
	b := s.booking
	tpType(t, w, b.notes, "Bring the scan from Leeds")
	tpType(t, w, b.patient.search, "Sarah Jones 12/03/1980")
	test.Tap(b.patient.register)
	tpIdle(t)
	tpType(t, w, b.newPatient.mobile, "07700 900123")

	ntLockAndUnlock(t, u, "07700 900123")

	s = u.shell.shownContent().(*calendarScreen)
	b2 := s.booking
	if b2 == nil || b2 == b || b2.notes.Text != "Bring the scan from Leeds" {
		t.Fatalf("the booking did not come back: %q", fdTexts(w, false))
	}
	n := b2.newPatient
	if n == nil || !cbTopIs(w, n.content) || n.forenames.Text != "Sarah" || n.surname.Text != "Jones" ||
		n.dob.Text != "12/03/1980" || n.mobile.Text != "07700 900123" {
		t.Fatalf("the new patient's form did not come back on top: %q", fdTexts(w, false))
	}
	test.Tap(n.register)
	tpIdle(t)
	if b2.patient.name() != "Sarah Jones" || b2.notes.Text != "Bring the scan from Leeds" {
		t.Fatalf("after registering: patient %q, notes %q", b2.patient.name(), b2.notes.Text)
	}
}
