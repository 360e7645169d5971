package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// dkDesk is the main window signed in on a clinic with one appointment
// on ctDay, the Calendar open on that day.
type dkDesk struct {
	u   *UI
	w   fyne.Window
	s   *calendarScreen
	apt schedule.Appointment
}

func dkSignedIn(t *testing.T) dkDesk {
	t.Helper()
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	c, _ := fdCreate(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	tpHoldResults(t)
	u := New(test.NewTempApp(t), Options{Clinic: c, Screen: calendarModuleID, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.settle()
	s, ok := u.shell.shownContent().(*calendarScreen)
	if !ok {
		t.Fatalf("the Calendar is not on show: %T", u.shell.shownContent())
	}
	s.goTo(ctDay)
	u.settle()
	return dkDesk{u: u, w: u.Window(), s: s, apt: a}
}

// openAppointment opens the appointment's dialog, as a tap on it would.
func (d dkDesk) openAppointment(t *testing.T) *calendarDetails {
	t.Helper()
	d.s.openAppointment(d.apt.ID)
	d.u.settle()
	if d.s.details == nil || d.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the appointment dialog did not open")
	}
	return d.s.details
}

// dkPressKey presses a key as the desktop driver does: to the focused
// widget, or to the window when nothing has the focus.
func dkPressKey(w fyne.Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if on := w.Canvas().OnTypedKey(); on != nil {
		on(ev)
	}
}

func TestEscapeClosesTheAppointmentDialog(t *testing.T) {
	d := dkSignedIn(t)
	d.openAppointment(t)
	dkPressKey(d.w, fyne.KeyEscape)
	if top := d.w.Canvas().Overlays().Top(); top != nil || d.s.details != nil {
		t.Fatalf("Escape should close the appointment dialog: %q", fdTexts(d.w, false))
	}
	// A pop-up (the month under the date) goes the same way.
	d.s.showMonth()
	if d.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the month pop-up did not open")
	}
	dkPressKey(d.w, fyne.KeyEscape)
	if d.w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape should close the month pop-up")
	}
}

// Escape must not throw away a half-typed cancellation reason: in the
// text box it does nothing, and outside it the dialog asks first.
func TestEscapeAsksBeforeThrowingAwayTypingInADialog(t *testing.T) {
	d := dkSignedIn(t)
	dt := d.openAppointment(t)
	test.Tap(dt.cancelButton)
	fdType(d.w, dt.cancelReason, "Patient phoned: car broken down")
	dkPressKey(d.w, fyne.KeyEscape) // the cursor is in the reason
	if !fdShows(d.w, "Discard what you typed?") || d.s.details != dt {
		t.Fatalf("Escape in the reason box, with typing, should ask first: %q", fdTexts(d.w, false))
	}
	test.Tap(fdButton(d.w.Canvas().Overlays().Top(), "Keep editing"))

	d.w.Canvas().Unfocus()
	dkPressKey(d.w, fyne.KeyEscape)
	if !fdShows(d.w, "Discard what you typed?") || d.s.details != dt {
		t.Fatalf("Escape with typing in the dialog should ask first: %q", fdTexts(d.w, false))
	}
	dkPressKey(d.w, fyne.KeyEscape) // Escape on the question keeps the typing
	if fdShows(d.w, "Discard what you typed?") || d.s.details != dt || dt.cancelReason.Text != "Patient phoned: car broken down" {
		t.Fatalf("Escape on the question should go back to the dialog with the typing: %q", fdTexts(d.w, false))
	}
	for _, e := range ctDiaryOn(t, d.u.clinic, ctDay) {
		if e.ID == d.apt.ID && e.Status != schedule.StatusBooked {
			t.Fatalf("nothing should be cancelled: %v", e.Status)
		}
	}

	dkPressKey(d.w, fyne.KeyEscape)
	test.Tap(fdButton(d.w.Canvas().Overlays().Top(), "Discard and close"))
	if d.s.details != nil || d.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Discard and close should close the dialog: %q", fdTexts(d.w, false))
	}
}

func TestShortcutBehindADialogDoesNothing(t *testing.T) {
	d := dkSignedIn(t)
	module2 := doorModuleShortcut(1) // Ctrl+2
	d.u.shell.openID("today")
	d.u.settle()
	if d.u.shell.currentID() == d.u.shell.modules[1].ID {
		t.Fatal("the test needs to start away from the second screen")
	}

	// A floating dialog over Today: Ctrl+2, by the menu or the window, and
	// Ctrl+F leave Today as it was.
	d.u.shell.onChangePassword()
	if d.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the password dialog did not open")
	}
	shown := d.u.shell.shownContent()
	fdPressShortcut(t, d.w, module2)
	d.w.Canvas().Unfocus()
	fdPressShortcut(t, d.w, module2)
	fdPressShortcut(t, d.w, doorFindShortcut)
	d.u.settle()
	if d.u.shell.currentID() != "today" || d.u.shell.shownContent() != shown {
		t.Fatalf("Ctrl+2 behind a dialog changed the screen to %q", d.u.shell.currentID())
	}
	if d.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog should still be open")
	}

	// With the dialog closed, Ctrl+2 works again.
	test.Tap(d.u.shell.pwDialog.cancelBtn)
	fdPressShortcut(t, d.w, module2)
	d.u.settle()
	if d.u.shell.currentID() != d.u.shell.modules[1].ID {
		t.Fatalf("Ctrl+2 with no dialog should open %q, at %q", d.u.shell.modules[1].ID, d.u.shell.currentID())
	}

	// Lock still works over a dialog: the desk is never left open.
	d.u.shell.onChangePassword()
	fdPressShortcut(t, d.w, doorLockShortcut)
	if d.u.state != uiLocked || d.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Ctrl+L over a dialog should lock: state %v", d.u.state)
	}
}

// The booking dialog opens with the cursor in the patient search: Escape
// there clears the search first, then closes the dialog. The date and
// time the dialog filled in itself are not typing, so it does not ask.
func TestEscapeInTheBookingSearchClearsItThenClosesTheDialog(t *testing.T) {
	d := dkSignedIn(t)
	ctTap(t, d.s, 0, 14*60)
	b := d.s.booking
	if b == nil || d.w.Canvas().Focused() != b.patient.search {
		t.Fatal("the booking dialog should open with the cursor in the patient search")
	}
	tpType(t, d.w, b.patient.search, "O'Ne")
	dkPressKey(d.w, fyne.KeyEscape)
	d.u.settle()
	if d.s.booking != b || b.patient.search.Text != "" {
		t.Fatalf("the first Escape should clear the search, leaving %q", b.patient.search.Text)
	}
	if b.date.Text == "" {
		t.Fatal("the dialog should have filled in the date")
	}
	dkPressKey(d.w, fyne.KeyEscape)
	d.u.settle()
	if d.s.booking != nil || d.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape in the empty search should close the booking dialog: %q", fdTexts(d.w, false))
	}
}

// Fyne gives a key to the focused field only: Escape typed with the cursor
// in a dialog's text box must still reach the dialog, asking first when
// something has been typed.
func TestEscapeFromATextBoxClosesItsDialog(t *testing.T) {
	d := dkSignedIn(t)
	d.u.shell.onChangePassword()
	p := d.u.shell.pwDialog
	d.w.Canvas().Focus(p.current)
	dkPressKey(d.w, fyne.KeyEscape)
	if top := d.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Escape in an empty password box should close the dialog: %q", fdTexts(d.w, false))
	}

	d.u.shell.onChangePassword()
	p = d.u.shell.pwDialog
	d.w.Canvas().Focus(p.current)
	test.Type(p.current, "half a password")
	dkPressKey(d.w, fyne.KeyEscape)
	if !fdShows(d.w, "Discard what you typed?") {
		t.Fatalf("Escape with typing should ask first: %q", fdTexts(d.w, false))
	}
	test.Tap(fdButton(d.w.Canvas().Overlays().Top(), "Keep editing"))
	if d.w.Canvas().Overlays().Top() == nil || p.current.Text != "half a password" {
		t.Fatalf("Keep editing should leave the dialog and its typing: %q", p.current.Text)
	}
}
