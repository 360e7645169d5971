package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Issue 13 items 7 and 2: the booking dialog keeps the room for its
// "Before you book" box, and fits a 1366×768 window in every state.

// cbPlaces is where the dialog's fields and buttons are on the window.
func cbPlaces(b *calendarBooking) map[string]fyne.Position {
	drv := fyne.CurrentApp().Driver()
	return map[string]fyne.Position{
		"the type": drv.AbsolutePositionForObject(b.typeSelect), "the time": drv.AbsolutePositionForObject(b.start),
		"the notes": drv.AbsolutePositionForObject(b.notes), "Book": drv.AbsolutePositionForObject(b.book),
	}
}

func TestBookingDialogFieldsStayPutWhenWarningsComeAndGo(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	other := tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	if _, _, err := c.Book(app.BookingRequest{PatientID: other.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)}); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	w.Resize(fyne.NewSize(1366, 768))
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 11*60)
	b := s.booking
	ctChoosePatient(t, w, b, "O'Neill")
	if b.blocking || b.warningsHead.Visible() {
		t.Fatalf("a free slot shows warnings: %q", b.warnings.Text)
	}
	before, size := cbPlaces(b), b.popUp().Size()

	tpType(t, w, b.start, "") // clear, then 10:00: Dr Patel is busy
	b.start.SetText("10:00")
	tpIdle(t)
	if !b.blocking || !b.warningsHead.Visible() || !b.reasonRow.Visible() {
		t.Fatalf("a clash shows no warning: %q", b.warnings.Text)
	}
	for what, at := range cbPlaces(b) {
		if at != before[what] {
			t.Errorf("with a warning, %s moved from %v to %v", what, before[what], at)
		}
	}
	if got := b.popUp().Size(); got != size {
		t.Errorf("with a warning the dialog went from %v to %v", size, got)
	}

	b.start.SetText("11:30")
	tpIdle(t)
	if b.blocking || b.reasonRow.Visible() {
		t.Fatal("the warning stayed after the clash went")
	}
	for what, at := range cbPlaces(b) {
		if at != before[what] {
			t.Errorf("after the warning went, %s moved from %v to %v", what, before[what], at)
		}
	}
}

// cbFits checks the booking dialog lies within the window, Book too.
func cbFits(t *testing.T, w fyne.Window, b *calendarBooking, state string) {
	t.Helper()
	win := w.Canvas().Size()
	pop := b.popUp()
	if pop == nil {
		t.Fatalf("%s: the booking dialog is not on show", state)
	}
	drv := fyne.CurrentApp().Driver()
	at, size := drv.AbsolutePositionForObject(pop), pop.Size()
	if at.X < 0 || at.Y < 0 || at.X+size.Width > win.Width || at.Y+size.Height > win.Height {
		t.Errorf("%s: the dialog is at %v, %v: outside the %v window", state, at, size, win)
	}
	bAt, bSize := drv.AbsolutePositionForObject(b.book), b.book.Size()
	if bSize.IsZero() || bAt.Y < at.Y || bAt.Y+bSize.Height > at.Y+size.Height || !b.book.Visible() {
		t.Errorf("%s: Book is at %v, %v: outside the dialog at %v, %v", state, bAt, bSize, at, size)
	}
	if body := b.content.Size().Height; body < b.content.MinSize().Height {
		t.Errorf("%s: the body is squeezed to %v of its %v", state, body, b.content.MinSize().Height)
	}
}

func TestBookingDialogFitsA1366By768WindowInItsLargestState(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1980-03-12", cdAddressed, withAlertsAndNeeds)
	for i := range 6 {
		tpAdd(t, c, "Zoë", "Łukas "+string(rune('A'+i)), "1990-01-20")
	}
	// Already booked twice that day: more warnings.
	for _, h := range []int{9, 14} {
		if _, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID,
			Date: ctDay, Start: schedule.Clock(h * 60), OverrideReason: "alerts read"}); err != nil {
			t.Fatal(err)
		}
	}
	s, w := ctScreen(t, c)
	w.Resize(fyne.NewSize(1366, 768))
	ctTap(t, s, ctColumn(t, s, d.carter.ID), 10*60)
	b := s.booking
	cbFits(t, w, b, "opened")
	ctChoosePatient(t, w, b, "Łukasiewicz")
	b.repeat.unit.SetSelected(repeatWeekly)
	tpIdle(t)
	if !b.blocking {
		t.Fatalf("expected warnings to book anyway: %q", b.warnings.Text)
	}
	// The search open again with its list, and a problem said at the foot.
	tpType(t, w, b.patient.search, "Zoë")
	say(b.problem, widget.DangerImportance, "Not booked yet: read the warnings above, and give a reason to book anyway.")
	b.fit()
	if !b.patient.listArea.Visible() || !b.repeat.details.Visible() {
		t.Fatal("not in the largest state")
	}
	cbFits(t, w, b, "largest")
	if b.frame.scroll.Size().Height >= b.content.MinSize().Height {
		t.Error("the body does not need to scroll in its largest state: the test proves nothing")
	}
}
