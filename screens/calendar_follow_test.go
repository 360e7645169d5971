package screens

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Tests for the calendar following the work (issue 13 item 6) and the
// blocks' cards (item 5) (cf: "calendar follows").

// cfDrag drags on the grid from a cell to another as the desktop driver
// does (each event where the mouse is now, and how far it came), then
// lets go.
func cfDrag(t *testing.T, s *calendarScreen, fromCol, fromMin, toCol, toMin int) {
	t.Helper()
	body := s.grid.Body().(fyne.Draggable)
	from, to := s.grid.SlotPosition(fromCol, fromMin), s.grid.SlotPosition(toCol, toMin)
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	body.DragEnd()
	tpIdle(t)
}

// cfAppointment is an appointment as the store holds it now.
func cfAppointment(t *testing.T, c *app.Clinic, d ukcal.Date, id string) (schedule.DiaryEntry, bool) {
	t.Helper()
	for _, e := range ctDiaryOn(t, c, d) {
		if e.ID == id {
			return e, true
		}
	}
	return schedule.DiaryEntry{}, false
}

// cfSelected is the appointment the grid's cursor is on, and whether the
// grid has the keyboard.
func cfSelected(s *calendarScreen, w fyne.Window) (string, bool) {
	col, minute := s.grid.Cursor()
	return s.grid.BlockAt(col, minute), w.Canvas().Focused() == s.grid.Body().(fyne.Focusable)
}

func TestDraggingABlockOntoAClashWarnsAndMovesNothingUntilConfirmed(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	aarav := tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	a, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Book(app.BookingRequest{PatientID: aarav.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(11 * 60)}); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	patel, carter := ctColumn(t, s, d.patel.ID), ctColumn(t, s, d.carter.ID)

	// Onto Mr Carter's 11:00, where Aarav Shah is booked.
	cfDrag(t, s, patel, 10*60+15, carter, 11*60+15)
	dt := s.details
	if dt == nil || dt.entry.ID != a.ID {
		t.Fatal("dropping the block did not open its move")
	}
	if !dt.moveRow.Visible() || dt.moveTime.Text != "11:00" || dt.moveDate.Text != "24/11/2026" || dt.moveWho.Selected != "Mr Ben Carter" {
		t.Errorf("the move proposed %s %s with %q (shown %v)", dt.moveDate.Text, dt.moveTime.Text, dt.moveWho.Selected, dt.moveRow.Visible())
	}
	if !strings.Contains(dt.message.Text, "Mr Ben Carter is already booked") || !dt.moveOverride.Visible() || dt.moveGo.Text != "Move anyway" {
		t.Errorf("the clash was not said before moving: %q, reason asked %v, button %q", dt.message.Text, dt.moveOverride.Visible(), dt.moveGo.Text)
	}
	if strings.Contains(dt.message.Text, "Jane O'Neill") || strings.Contains(dt.message.Text, "10:00–10:30") {
		t.Errorf("the move warns about the appointment against itself: %q", dt.message.Text)
	}
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.ClinicianID != d.patel.ID || got.StartMin != 10*60 {
		t.Fatalf("the drop moved it before it was confirmed: %+v", got.Slot)
	}
	test.Tap(dt.moveGo) // no reason given: still not moved
	tpIdle(t)
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.ClinicianID != d.patel.ID || got.StartMin != 10*60 {
		t.Fatalf("moved onto a clash without a reason: %+v", got.Slot)
	}
	tpType(t, w, dt.moveOverride, "Joint session")
	test.Tap(dt.moveGo)
	tpIdle(t)
	got, _ := cfAppointment(t, c, ctDay, a.ID)
	if got.ClinicianID != d.carter.ID || got.StartMin != 11*60 || got.OverrideReason != "Joint session" {
		t.Fatalf("after the reason: %+v, override %q", got.Slot, got.OverrideReason)
	}
	if !strings.Contains(s.message.Text, "Moved Jane O'Neill to Tuesday 24 November 2026 at 11:00 with Mr Ben Carter") {
		t.Errorf("message %q", s.message.Text)
	}
	if id, focused := cfSelected(s, w); id != a.ID || !focused {
		t.Errorf("after the move the grid selects %q (keyboard %v)", id, focused)
	}
}

func TestDraggingToAFreeTimeAsksAndEnterMovesIt(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	a, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	patel := ctColumn(t, s, d.patel.ID)

	// Dropped back where it was: nothing at all.
	cfDrag(t, s, patel, 10*60, patel, 10*60)
	if s.details != nil {
		t.Fatal("a drop back in place opened the move")
	}

	// Escape in the proposed move leaves it where it was.
	cfDrag(t, s, patel, 10*60, patel, 14*60)
	if s.details == nil {
		t.Fatal("the drop did not open the move")
	}
	tpKey(t, s.details.moveReason, fyne.KeyEscape)
	if s.details != nil {
		t.Fatal("Escape did not close the proposed move")
	}
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.StartMin != 10*60 {
		t.Fatal("Escape moved it")
	}

	cfDrag(t, s, patel, 10*60, patel, 14*60)
	dt := s.details
	if dt == nil || !strings.Contains(dt.message.Text, "Move Jane O'Neill to Tuesday 24 November 2026 at 14:00?") {
		t.Fatalf("the drop asked %v", dt)
	}
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.StartMin != 10*60 {
		t.Fatal("moved before it was confirmed")
	}
	if w.Canvas().Focused() != dt.moveReason {
		t.Fatal("the keyboard is not in the move, so Enter cannot confirm it")
	}
	tpKey(t, dt.moveReason, fyne.KeyReturn)
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.StartMin != 14*60 || got.ClinicianID != d.patel.ID {
		t.Errorf("Enter moved it to %+v", got.Slot)
	}
}

func TestCtrlArrowsMoveAnAppointmentThroughTheSameConfirmation(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	a, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	s.grid.Focus()
	s.grid.SetCursor(ctColumn(t, s, d.patel.ID), 10*60)
	body := s.grid.Body().(fyne.Focusable)
	body.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierControl})
	body.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierControl})
	if s.details != nil {
		t.Fatal("Ctrl+arrows opened the move before Enter")
	}
	tpKey(t, body, fyne.KeyReturn)
	dt := s.details
	if dt == nil || dt.moveWho.Selected != "Mr Ben Carter" || dt.moveTime.Text != "10:15" ||
		!strings.Contains(dt.message.Text, "Move Jane O'Neill to Tuesday 24 November 2026 at 10:15 with Mr Ben Carter?") {
		if dt == nil {
			t.Fatal("Enter proposed nothing")
		}
		t.Fatalf("Enter proposed %q %q: %q", dt.moveWho.Selected, dt.moveTime.Text, dt.message.Text)
	}
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.ClinicianID != d.patel.ID {
		t.Fatal("moved before it was confirmed")
	}
	test.Tap(dt.moveGo)
	tpIdle(t)
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.ClinicianID != d.carter.ID || got.StartMin != 10*60+15 {
		t.Errorf("moved to %+v", got.Slot)
	}
	if id, focused := cfSelected(s, w); id != a.ID || !focused {
		t.Errorf("after the move the grid selects %q (keyboard %v)", id, focused)
	}
}

func TestBookingOnAnotherDayFollowsToItAndSelectsIt(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.carter.ID), 10*60)
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	ctChoosePatient(t, w, b, "O'Neill")
	b.typeSelect.SetSelectedIndex(0)
	b.date.SetText("27/11/2026") // the Friday
	tpIdle(t)
	test.Tap(b.book)
	tpIdle(t)
	friday := ukcal.MustParseDate("2026-11-27")
	booked := ctDiaryOn(t, c, friday)
	if len(booked) != 1 {
		t.Fatalf("%d booked on the Friday", len(booked))
	}
	if s.date != friday || s.dateButton.Text != "Friday 27 November 2026" {
		t.Errorf("after booking the Friday the calendar shows %s (%q)", s.date, s.dateButton.Text)
	}
	if id, focused := cfSelected(s, w); id != booked[0].ID || !focused {
		t.Errorf("the booking is not selected: cursor on %q (keyboard %v)", id, focused)
	}
}

func TestMovingToAnotherDayFollowsToIt(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	a, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	dt := cdOpen(t, s, a.ID)
	test.Tap(dt.moveButton)
	dt.moveDate.SetText("26/11/2026")
	dt.moveTime.SetText("15:00")
	test.Tap(dt.moveGo)
	tpIdle(t)
	thursday := ukcal.MustParseDate("2026-11-26")
	if s.date != thursday {
		t.Errorf("after moving to the Thursday the calendar shows %s", s.date)
	}
	if id, focused := cfSelected(s, w); id != a.ID || !focused {
		t.Errorf("the moved appointment is not selected: cursor on %q (keyboard %v)", id, focused)
	}
}

func TestABlocksCardShowsNameBirthStatusAndAlerts(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	luke1 := tpAdd(t, c, "Luke", "Haigh", "1961-04-03", func(p *patients.Patient) {
		p.Alerts = []patients.Alert{{Kind: "safeguarding", Text: "child protection plan"}}
	})
	luke2 := tpAdd(t, c, "Luke", "Lister", "1998-09-17")
	for i, p := range []patients.Patient{luke1, luke2} {
		if _, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
			Date: ctDay, Start: schedule.Clock(10*60 + 60*i)}); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := ctScreen(t, c)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 8, 0, 0, 0, ukcal.London()) }
	s.reload()
	tpIdle(t)

	// Ages on the clinic's day, which the test clock may move.
	haigh := fmt.Sprintf("03/04/1961 (%d)", ukcal.AgeOn(luke1.DOB, patientToday()))
	lister := fmt.Sprintf("17/09/1998 (%d)", ukcal.AgeOn(luke2.DOB, patientToday()))
	cards := map[string]string{}
	for _, b := range s.grid.Blocks() {
		cards[b.FullName] = b.Born + " | " + b.Alerts
	}
	if got := cards["Luke Haigh"]; !strings.HasPrefix(got, haigh+" | Alert: ") || !strings.Contains(got, "child protection plan") {
		t.Errorf("Luke Haigh's card: %q", got)
	}
	if got := cards["Luke Lister"]; got != lister+" | " {
		t.Errorf("Luke Lister's card: %q", got)
	}
	// The cursor resting on a block shows its card.
	s.grid.Focus()
	s.grid.SetCursor(ctColumn(t, s, d.patel.ID), 10*60)
	texts := strings.Join(cfCanvasTexts(s.grid), " / ")
	for _, want := range []string{"Luke Haigh", "Born " + haigh, "Review · 10:00–10:30", "Booked", "child protection plan"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the card under the cursor lacks %q: %s", want, texts)
		}
	}
}

// cfCanvasTexts is the text drawn on show inside o, walked as drawn now
// (laying it out again, as test.LaidOutObjects does, could move it).
func cfCanvasTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(x fyne.CanvasObject) {
		if x == nil || !x.Visible() {
			return
		}
		switch v := x.(type) {
		case *canvas.Text:
			if v.Text != "" {
				out = append(out, v.Text)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestAClinicianCannotDragAnAppointment(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	a, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	tpSignInAs(t, c, "clin", app.Clinician) // clinicians mark statuses but do not book or move
	s, _ := ctScreen(t, c)
	patel := ctColumn(t, s, d.patel.ID)
	cfDrag(t, s, patel, 10*60, patel, 14*60)
	if _, _, _, moving := s.grid.MovingTo(); moving || s.details != nil {
		t.Error("a clinician's drag proposed a move")
	}
	if got, _ := cfAppointment(t, c, ctDay, a.ID); got.StartMin != 10*60 {
		t.Errorf("a clinician's drag moved it to %+v", got.Slot)
	}
}
