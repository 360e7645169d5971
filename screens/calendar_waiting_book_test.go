package screens

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Issue 13 item 10: the waiting-list panel books a waiting patient into a
// free slot chosen, and the entry goes only when the booking is made.

// cwButton is the shown button labelled text inside o.
func cwButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkShown(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}

// cwWaiting is whether the entry is still on the waiting list.
func cwWaiting(t *testing.T, c *app.Clinic, id string) bool {
	t.Helper()
	list, err := c.WaitingList()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range list {
		if w.ID == id {
			return true
		}
	}
	return false
}

func TestWaitingListBookRemovesTheEntryOnlyWhenBooked(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	other := tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	entry, err := c.AddToWaitingList(schedule.WaitingEntry{PatientID: p.ID, Priority: "soon", ClinicianID: d.carter.ID,
		Minutes: 30, PartOfDay: "morning", Notes: "Can come at short notice"})
	if err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	ctClinicClockOn(c, ctDay, 8, 0)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 8, 0, 0, 0, ukcal.London()) }
	s.toggleWaiting()
	tpIdle(t)
	book := cwButton(s.waiting.list, "Book…")
	if book == nil {
		t.Fatalf("the waiting list has no Book: %q", tpTexts(w))
	}
	test.Tap(book)
	tpIdle(t)
	n := s.waiting.finder
	if n == nil || n.who.Selected != "Mr Ben Carter" || n.part.Selected != "Morning" || len(n.results.Objects) == 0 {
		t.Fatalf("the free times offered: %q", tpTexts(w))
	}
	if !s.forBanner.Visible() || !strings.Contains(s.forLabel.Text, "Jane O'Neill from the waiting list") {
		t.Fatalf("banner %q", s.forLabel.Text)
	}
	// The first free time: Tuesday at 09:00 with Mr Carter.
	test.Tap(cwButton(n.results.Objects[0], "Book"))
	tpIdle(t)
	b := s.booking
	if b == nil {
		t.Fatal("choosing a free time opened no booking dialog")
	}
	if b.patient.id() != p.ID || b.whoSelect.Selected != "Mr Ben Carter" || b.minutes.Text != "30" ||
		b.notes.Text != "Can come at short notice" || b.start.Text != "09:00" || b.slot.WaitingID != entry.ID {
		t.Fatalf("the booking opened with %q, %q at %s for %s minutes, notes %q", b.patient.name(), b.whoSelect.Selected,
			b.start.Text, b.minutes.Text, b.notes.Text)
	}

	// Cancelled: still waiting.
	test.Tap(cwButton(b.foot, "Cancel"))
	tpIdle(t)
	if !cwWaiting(t, c, entry.ID) {
		t.Fatal("cancelling the booking took the patient off the waiting list")
	}

	// Another desk takes the time meanwhile: refused, still waiting.
	s.openBooking(calendarSlot{ClinicianID: d.carter.ID, Date: ctDay, Start: schedule.Clock(9 * 60), TypeID: d.review.ID})
	tpIdle(t)
	b = s.booking
	if _, _, err := c.Book(app.BookingRequest{PatientID: other.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(9 * 60)}); err != nil {
		t.Fatal(err)
	}
	test.Tap(b.book)
	tpIdle(t)
	if s.booking != b || !cwWaiting(t, c, entry.ID) {
		t.Fatalf("a refused booking: dialog open %v, problem %q", s.booking == b, b.problem.Text)
	}

	// Booked at another time: off the list, and the panel says so.
	b.start.SetText("09:30")
	tpIdle(t)
	test.Tap(b.book)
	tpIdle(t)
	if s.booking != nil || cwWaiting(t, c, entry.ID) {
		t.Fatalf("after booking: dialog open %v, still waiting %v, problem %q", s.booking != nil, cwWaiting(t, c, entry.ID), b.problem.Text)
	}
	if s.forBanner.Visible() {
		t.Error("the Calendar still holds the patient after booking them")
	}
	if cwButton(s.waiting.list, "Book…") != nil || !strings.Contains(s.message.Text, "off the waiting list") {
		t.Errorf("the panel or message after booking: %q", tpTexts(w))
	}
	var booked int
	for _, e := range ctDiaryOn(t, c, ctDay) {
		if e.PatientID == p.ID && e.StartMin == 9*60+30 && e.Notes == "Can come at short notice" {
			booked++
		}
	}
	if booked != 1 {
		t.Fatalf("%d bookings for Jane at 09:30", booked)
	}
}

func TestWaitingListBookLooksForATypeTheWantedClinicianDelivers(t *testing.T) {
	carter := schedule.Clinician{ID: "c1", Role: "Physiotherapist"}
	types := []schedule.AppointmentType{
		{Name: "Acupuncture", Minutes: 30, Deliverers: schedule.Deliverers{ClinicianIDs: []string{"someone else"}}},
		{Name: "Follow-up", Minutes: 20, Deliverers: schedule.Deliverers{Roles: []string{"Physiotherapist"}}},
		{Name: "Assessment", Minutes: 45},
	}
	for _, c := range []struct {
		who     *schedule.Clinician
		minutes int
		want    int
	}{
		{&carter, 0, 1},  // the first Mr Carter delivers, not Acupuncture
		{&carter, 45, 2}, // of the entry's length
		{&carter, 30, 1}, // a length he delivers none of: his first
		{nil, 30, 0},     // anyone: the length decides
	} {
		if got := waitingType(types, c.who, c.minutes); got != c.want {
			t.Errorf("clinician %v, %d minutes: type %d, want %d", c.who != nil, c.minutes, got, c.want)
		}
	}
}

func TestWaitingListBookingSurvivesALockAndStillTakesThemOff(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	entry, err := c.AddToWaitingList(schedule.WaitingEntry{PatientID: p.ID, Priority: "urgent"})
	if err != nil {
		t.Fatal(err)
	}
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	u := ntOpen(t, c, calendarModuleID)
	w := u.Window()
	ctClinicClockOn(c, ctDay, 8, 0)
	s := u.shell.shownContent().(*calendarScreen)
	s.openBooking(calendarSlot{ClinicianID: d.carter.ID, Date: ctDay, Start: 10 * 60, TypeID: d.review.ID,
		PatientID: p.ID, PatientName: "Jane O'Neill", WaitingID: entry.ID})
	tpType(t, w, s.booking.notes, "Bring the scan from Leeds")

	ntLockAndUnlock(t, u, "Bring the scan from Leeds")

	s = u.shell.shownContent().(*calendarScreen)
	b := s.booking
	if b == nil || b.slot.WaitingID != entry.ID || b.patient.id() != p.ID {
		t.Fatalf("the waiting-list booking came back as %+v", b)
	}
	test.Tap(b.book)
	tpIdle(t)
	if s.booking != nil || cwWaiting(t, c, entry.ID) {
		t.Fatalf("after booking: dialog open %v, still waiting %v, problem %q", s.booking != nil, cwWaiting(t, c, entry.ID), b.problem.Text)
	}
}
