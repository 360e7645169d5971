package screens

import (
	"slices"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers for the calendar screen tests (ct: "calendar test").

// ctDay is the day the tests book on: a Tuesday, not a bank holiday.
var ctDay = ukcal.MustParseDate("2026-11-24")

// ctDiary is two clinicians working 09:00–17:00 every weekday, and a
// 30-minute appointment type.
type ctDiary struct {
	patel, carter schedule.Clinician
	review        schedule.AppointmentType
}

func ctSetUp(t *testing.T, c *app.Clinic) ctDiary {
	t.Helper()
	var hours schedule.WeekHours
	for d := 1; d <= 5; d++ {
		hours[d] = []schedule.Span{{Start: 9 * 60, End: 17 * 60}}
	}
	var d ctDiary
	var err error
	if d.patel, err = c.SaveClinician(schedule.Clinician{Name: "Dr Asha Patel", Role: "GP", Colour: "#1565c0", Active: true, Hours: hours}); err != nil {
		t.Fatal(err)
	}
	if d.carter, err = c.SaveClinician(schedule.Clinician{Name: "Mr Ben Carter", Role: "Physiotherapist", Colour: "#2e7d32", Active: true, Hours: hours, SortOrder: 1}); err != nil {
		t.Fatal(err)
	}
	if d.review, err = c.SaveAppointmentType(schedule.AppointmentType{Name: "Review", Minutes: 30, Colour: "#ef6c00", Active: true}); err != nil {
		t.Fatal(err)
	}
	return d
}

// ctScreen builds the Calendar module on ctDay, loaded.
func ctScreen(t *testing.T, c *app.Clinic) (*calendarScreen, fyne.Window) {
	t.Helper()
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	tpHoldResults(t)
	obj, w, _ := tcBuild(t, c, calendarModuleID)
	s := obj.(*calendarScreen)
	tpIdle(t)
	s.goTo(ctDay)
	tpIdle(t)
	return s, w
}

// ctColumn is the grid column of a clinician.
func ctColumn(t *testing.T, s *calendarScreen, clinicianID string) int {
	t.Helper()
	for i, id := range s.columnWho {
		if id == clinicianID {
			return i
		}
	}
	t.Fatalf("clinician %s has no column", clinicianID)
	return -1
}

// ctTap taps the grid at a column and time, as the mouse would.
func ctTap(t *testing.T, s *calendarScreen, column, minute int) {
	t.Helper()
	test.TapAt(s.grid.Body().(fyne.Tappable), s.grid.SlotPosition(column, minute))
	tpIdle(t)
}

// ctChoosePatient finds and picks a patient in the booking dialog.
func ctChoosePatient(t *testing.T, w fyne.Window, b *calendarBooking, search string) {
	t.Helper()
	tpType(t, w, b.patient.search, search)
	if len(b.patient.found) == 0 {
		t.Fatalf("searching for %q in the booking dialog found nobody", search)
	}
	b.patient.list.Select(0)
	tpIdle(t)
}

// ctDiaryOn is the appointments the store holds for the day.
func ctDiaryOn(t *testing.T, c *app.Clinic, d ukcal.Date) []schedule.DiaryEntry {
	t.Helper()
	v, err := c.DayView(d)
	if err != nil {
		t.Fatal(err)
	}
	var out []schedule.DiaryEntry
	for _, col := range v.Columns {
		out = append(out, col.Appointments...)
	}
	return out
}

func TestCalendarBooksFromAnEmptySlot(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)

	if got := s.dateButton.Text; got != "Tuesday 24 November 2026" {
		t.Errorf("date shown as %q", got)
	}
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60+15)
	b := s.booking
	if b == nil {
		t.Fatal("tapping an empty slot did not open the booking dialog")
	}
	if b.start.Text != "10:15" || b.date.Text != "24/11/2026" || b.whoSelect.Selected != "Dr Asha Patel" {
		t.Errorf("dialog opened at %s %s with %q", b.date.Text, b.start.Text, b.whoSelect.Selected)
	}
	ctChoosePatient(t, w, b, "O'Neill")
	b.typeSelect.SetSelectedIndex(0)
	tpIdle(t)
	if b.minutes.Text != "30" {
		t.Errorf("the type set the length to %q minutes, want 30", b.minutes.Text)
	}
	if b.blocking || b.book.Disabled() || b.book.Text != "Book" {
		t.Fatalf("a free slot asks for a reason: %q, warnings %q", b.book.Text, b.warnings.Text)
	}
	test.Tap(b.book)
	tpIdle(t)

	got := ctDiaryOn(t, c, ctDay)
	if len(got) != 1 {
		t.Fatalf("%d appointments in the diary, want 1", len(got))
	}
	a := got[0]
	if a.PatientID != p.ID || a.ClinicianID != d.patel.ID || a.StartMin != 615 || a.EndMin != 645 || a.Status != schedule.StatusBooked {
		t.Errorf("booked %+v", a.Appointment)
	}
	if s.booking != nil {
		t.Error("the booking dialog stayed open")
	}
	tpIdle(t)
	if s.grid.BlockAt(ctColumn(t, s, d.patel.ID), 10*60+30) != a.ID {
		t.Error("the new appointment is not on the grid")
	}
	if !strings.Contains(s.message.Text, "Booked Jane O'Neill on Tuesday 24 November 2026 at 10:15") {
		t.Errorf("message %q", s.message.Text)
	}
}

func TestCalendarBookingShowsAClashAndNeedsAReason(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	// Already with Mr Carter at 10:00 that day.
	if _, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)}); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60)
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	ctChoosePatient(t, w, b, "Shah")
	b.typeSelect.SetSelectedIndex(0)
	tpIdle(t)

	if !b.warnings.Visible() || !strings.Contains(b.warnings.Text, "already booked at the same time") ||
		!strings.Contains(b.warnings.Text, "Mr Ben Carter") {
		t.Errorf("warnings shown %v: %q", b.warnings.Visible(), b.warnings.Text)
	}
	if !b.blocking || b.book.Text != "Book anyway" || !b.book.Disabled() || !b.reasonRow.Visible() {
		t.Errorf("a clash must ask for a reason: button %q disabled %v, reason shown %v", b.book.Text, b.book.Disabled(), b.reasonRow.Visible())
	}
	tpType(t, w, b.reason, "Joint session agreed with both clinicians")
	if b.book.Disabled() {
		t.Fatal("Book anyway stays disabled with a reason given")
	}
	test.Tap(b.book)
	tpIdle(t)

	var overridden string
	for _, e := range ctDiaryOn(t, c, ctDay) {
		if e.ClinicianID == d.patel.ID {
			overridden = e.OverrideReason
		}
	}
	if overridden != "Joint session agreed with both clinicians" {
		t.Errorf("override reason kept as %q", overridden)
	}
}

func TestCalendarCancelWithAReasonOffersTheSlot(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	waiting := tpAdd(t, c, "Tomasz", "Wiśniewski", "1990-01-20")
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(11 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddToWaitingList(schedule.WaitingEntry{PatientID: waiting.ID, Priority: "urgent"}); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.patel.ID), 11*60)
	dt := s.details
	if dt == nil || dt.entry.ID != a.ID {
		t.Fatal("tapping the appointment did not open it")
	}
	test.Tap(dt.cancelButton)
	test.Tap(dt.cancelGo) // no reason yet
	tpIdle(t)
	if !strings.Contains(dt.message.Text, "Say why") {
		t.Errorf("cancelling without a reason said %q", dt.message.Text)
	}
	dt.cancelBy.SetSelected(cancelByClinic)
	tpType(t, w, dt.cancelReason, "Clinician off sick")
	test.Tap(dt.cancelGo)
	tpIdle(t)

	got := ctDiaryOn(t, c, ctDay)
	if len(got) != 1 || got[0].Status != schedule.StatusCancelledClinic || got[0].CancelReason != "Clinician off sick" {
		t.Fatalf("after cancelling: %+v", got)
	}
	if !strings.Contains(dt.status.Text, "Cancelled by the clinic") {
		t.Errorf("status shown %q", dt.status.Text)
	}
	offered := false
	for _, o := range dt.offers.Objects {
		if strings.Contains(strings.Join(ctTexts(o), " "), "Wiśniewski") {
			offered = true
		}
	}
	if !offered {
		t.Error("the waiting-list patient was not offered the freed slot")
	}
	tpIdle(t)
	// The slot is free on the grid; the tick shows the cancellation.
	if len(s.grid.Blocks()) != 0 {
		t.Errorf("the cancelled appointment stayed on the grid: %+v", s.grid.Blocks())
	}
	s.cancelledCheck.SetChecked(true)
	tpIdle(t)
	if b := s.grid.Blocks(); len(b) != 1 || b[0].Status.String() != "Cancelled" {
		t.Errorf("with Cancelled ticked the grid shows %+v", b)
	}
}

// ctTexts is the text of the labels inside o.
func ctTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// A message over the grid ("Booked … at 09:45.") comes and goes without
// moving the grid under the pointer: its line is kept while it is empty.
func TestCalendarMessagesDoNotMoveTheGrid(t *testing.T) {
	c := tcClinic(t)
	ctSetUp(t, c)
	s, w := ctScreen(t, c)
	w.Resize(fyne.NewSize(1366, 768))
	tpIdle(t)
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(s.grid)
	say(s.message, widget.SuccessImportance, "Booked Emily Carter on Monday 7 December 2026 at 09:45.")
	s.content.Refresh()
	tpIdle(t)
	if after := d.AbsolutePositionForObject(s.grid); after != before {
		t.Fatalf("the grid moved from %v to %v when a message showed", before, after)
	}
	say(s.message, widget.SuccessImportance, "")
	s.content.Refresh()
	tpIdle(t)
	if after := d.AbsolutePositionForObject(s.grid); after != before {
		t.Fatalf("the grid moved from %v to %v when the message went", before, after)
	}
}

// When the lists a booking needs cannot be read (here the clinic was
// locked under the screen), the booking and next-free dialogs do not open
// half-empty: the Calendar says why.
func TestCalendarSaysWhyABookingCannotOpen(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	s, _ := ctScreen(t, c)
	c.Lock()

	s.openBooking(calendarSlot{ClinicianID: d.patel.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if s.booking != nil {
		t.Fatal("the booking dialog opened without its appointment types and rooms")
	}
	if !strings.Contains(s.message.Text, "The booking could not be opened") {
		t.Fatalf("message %q", s.message.Text)
	}

	s.openNextFree()
	if !strings.Contains(s.message.Text, "The next free slot cannot be looked for") {
		t.Fatalf("message %q", s.message.Text)
	}
}

// A day the clinic does not open says so under each name, rather than
// "Day off" as if the whole team were on leave; a working day keeps "Day
// off" for the one who is.
func TestCalendarSaysWhenTheClinicIsNotOpen(t *testing.T) {
	c := tcClinic(t)
	ctSetUp(t, c)
	s, _ := ctScreen(t, c)
	sunday := ctDay
	for sunday.Weekday() != 0 { // Sunday
		sunday = sunday.AddDays(1)
	}
	s.goTo(sunday)
	tpIdle(t)
	if s.banner.Visible() {
		t.Errorf("a banner over the grid on a Sunday moves the grid: %q", s.banner.Text)
	}
	var banners []string
	for _, col := range s.grid.Columns() {
		banners = append(banners, col.Banner)
	}
	if len(banners) == 0 || slices.ContainsFunc(banners, func(b string) bool { return b != "Clinic not open" }) {
		t.Errorf("Sunday's columns say %q, want \"Clinic not open\" under every name", banners)
	}
	s.goTo(ctDay)
	tpIdle(t)
	for _, col := range s.grid.Columns() {
		if col.Banner == "Clinic not open" {
			t.Errorf("on %s, a working day, %s's column says %q", ctDay, col.Title, col.Banner)
		}
	}
}
