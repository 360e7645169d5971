package screens

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tests for the appointment dialog's printing and its fit in the window
// (cd: "calendar details").

// cdAddressed is a patient letters can be sent to.
func cdAddressed(p *patients.Patient) {
	p.Title, p.Address.Line1, p.Address.Town, p.Address.Postcode = "Ms", "2 Mill Lane", "York", "YO1 7AB"
}

// cdOpen opens an appointment's dialog as a tap on the grid would.
func cdOpen(t *testing.T, s *calendarScreen, id string) *calendarDetails {
	t.Helper()
	s.openAppointment(id)
	tpIdle(t)
	if s.details == nil || s.details.entry.ID != id {
		t.Fatal("the appointment did not open")
	}
	return s.details
}

// cdButton is the button reading label as drawn in the dialog: found the
// way Fyne's renderer walks it, so a row Fyne cannot draw is not found.
func cdButton(w fyne.Window, d *calendarDetails, label string) *widget.Button {
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && cdInside(d.frame.frame, b) {
			return b
		}
	}
	return nil
}

// cdInside reports whether o is drawn inside root.
func cdInside(root, o fyne.CanvasObject) bool {
	for _, x := range test.LaidOutObjects(root) {
		if x == o {
			return true
		}
	}
	return false
}

// cdTimeline is the titles on the patient's timeline.
func cdTimeline(t *testing.T, c *app.Clinic, patientID string) []string {
	t.Helper()
	tl, err := c.Timeline(patientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range tl {
		out = append(out, e.Title)
	}
	return out
}

// cdTopDialogTitle is the title of the dialog on top.
func cdTopDialogTitle(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	pop, ok := overlayContent(top).(*widget.PopUp)
	if !ok || !isDialog(pop) {
		return ""
	}
	l, _ := pop.Content.(*fyne.Container).Objects[4].(*widget.Label)
	if l == nil {
		return ""
	}
	return l.Text
}

// cdCloseTop closes the dialog on top with its Close button.
func cdCloseTop(t *testing.T, w fyne.Window) {
	t.Helper()
	pop := overlayContent(w.Canvas().Overlays().Top()).(*widget.PopUp)
	b := dialogDismissButton(pop)
	if b == nil {
		t.Fatal("the dialog on top has no Close")
	}
	test.Tap(b)
	tpIdle(t)
}

func TestAppointmentDialogOffersPrintSlipAndLetter(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12", cdAddressed)
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(10 * 60)})
	if err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	dt := cdOpen(t, s, a.ID)

	slip, letter := cdButton(w, dt, "Print slip"), cdButton(w, dt, "Letter…")
	if slip == nil || letter == nil {
		t.Fatalf("the dialog draws no Print slip (%v) or Letter… (%v): it shows %q", slip != nil, letter != nil, tpTexts(w))
	}
	if cdButton(w, dt, "Print the first DNA letter") != nil {
		t.Error("a booked appointment offers a DNA letter")
	}

	// Print slip: one slip for this appointment, offered to open or save,
	// and on the patient's timeline.
	test.Tap(slip)
	tpIdle(t)
	if got := cdTopDialogTitle(w); got != "The appointment slip" {
		t.Fatalf("after Print slip the dialog on top is %q", got)
	}
	if !tpHasButton(w, "Open to print") || !tpHasButton(w, "Save…") {
		t.Error("the slip is not offered to open or save")
	}
	if got := cdTimeline(t, c, p.ID); !strings.Contains(strings.Join(got, "|"), "Appointment slip printed") {
		t.Errorf("the slip is not on the timeline: %q", got)
	}
	cdCloseTop(t, w)
	if s.details != dt || cdTopDialogTitle(w) != "Appointment" {
		t.Fatal("closing the slip closed the appointment too")
	}

	// Letter…: the letter dialog for this patient, about this appointment.
	test.Tap(letter)
	tpIdle(t)
	if got := cdTopDialogTitle(w); got != "Write a letter" {
		t.Fatalf("after Letter… the dialog on top is %q", got)
	}
	about := ""
	pop := overlayContent(w.Canvas().Overlays().Top()).(*widget.PopUp)
	walkShown(pop.Content.(*fyne.Container).Objects[2], func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok && strings.Contains(sel.Selected, "·") {
			about = sel.Selected
		}
	})
	if want := appointmentChoice(dt.entry); about != want {
		t.Errorf("the letter is about %q, want %q", about, want)
	}
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	if got := cdTimeline(t, c, p.ID); !strings.Contains(strings.Join(got, "|"), "Letter printed: ") {
		t.Errorf("the letter is not on the timeline: %q", got)
	}

	// A cancelled appointment has no slip: it would send the patient to it.
	cdCloseTop(t, w)
	dt.close()
	if _, err := c.SetStatus(a.ID, schedule.StatusCancelledPatient, "rang in"); err != nil {
		t.Fatal(err)
	}
	s.cancelledCheck.SetChecked(true) // cancelled appointments leave the grid unless asked for
	tpIdle(t)
	dt = cdOpen(t, s, a.ID)
	if cdButton(w, dt, "Print slip") != nil || cdButton(w, dt, "Letter…") == nil {
		t.Error("a cancelled appointment offers a slip, or no letter")
	}
}

func TestAfterADNATheDialogOffersTheProposedDNALetter(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12", cdAddressed)
	book := func(day ukcal.Date) schedule.Appointment {
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
			Date: day, Start: schedule.Clock(10 * 60), OverrideReason: "set up for the test"})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	earlier, missed := book(ctDay.AddDays(-7)), book(ctDay)
	ctClinicClockOn(c, ctDay, 12, 30) // both have started
	if _, err := c.SetStatus(earlier.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 12, 30, 0, 0, ukcal.London()) }
	dt := cdOpen(t, s, missed.ID)

	test.Tap(dt.statusButton[schedule.StatusDNA])
	tpIdle(t)
	if !strings.Contains(dt.message.Text, "send the second DNA letter") {
		t.Fatalf("after the DNA the dialog says %q", dt.message.Text)
	}
	b := cdButton(w, dt, "Print the second DNA letter")
	if b == nil {
		t.Fatalf("no button makes the second DNA letter: %q", tpTexts(w))
	}
	before := len(cdTimeline(t, c, p.ID))
	test.Tap(b)
	tpIdle(t)
	if got := cdTopDialogTitle(w); got != "The second DNA letter" {
		t.Fatalf("after the tap the dialog on top is %q (the appointment dialog says %q)", got, dt.message.Text)
	}
	got := cdTimeline(t, c, p.ID)
	if len(got) != before+1 || !strings.Contains(strings.Join(got, "|"), "Letter printed: Missed appointment (second letter)") {
		t.Errorf("the timeline after the tap: %q", got)
	}
	cdCloseTop(t, w)
	dt.close()

	// Opened again later, the dialog still offers it; the first DNA, its own letter.
	if b := cdButton(w, cdOpen(t, s, missed.ID), "Print the second DNA letter"); b == nil {
		t.Errorf("reopened, the dialog offers no DNA letter: %q", tpTexts(w))
	}
	s.details.close()
	s.goTo(ctDay.AddDays(-7))
	tpIdle(t)
	if b := cdButton(w, cdOpen(t, s, earlier.ID), "Print the first DNA letter"); b == nil {
		t.Errorf("the first DNA offers no first DNA letter: %q", tpTexts(w))
	}
}

func TestAppointmentActionsAreHiddenFromThoseWhoMayNotPrint(t *testing.T) {
	c := tcClinic(t)
	tpSignInAs(t, c, "clin", app.Clinician) // clinicians mark DNAs but print nothing
	r := newAppointmentActions(&Context{Clinic: c, Runner: tpRun}, schedule.DiaryEntry{Appointment: schedule.Appointment{Status: schedule.StatusDNA}}, nil, nil)
	if r.row.Visible() || len(r.row.Objects) != 0 {
		t.Fatalf("the row holds %d controls for someone who may not print", len(r.row.Objects))
	}
	r.showFor(schedule.DiaryEntry{}, schedule.DNASecond) // must not fail
	if _, err := c.RenderLetter(app.LetterRequest{Template: string(schedule.DNAFirst)}); err == nil {
		t.Error("the app made a letter for a clinician")
	}
}

// cdFits checks the appointment dialog lies within the window, Close too.
func cdFits(t *testing.T, w fyne.Window, dt *calendarDetails, state string) {
	t.Helper()
	win := w.Canvas().Size()
	if win.Width > 1366 || win.Height > 768 {
		t.Fatalf("the window is %v, more than 1366×768", win)
	}
	var pop *widget.PopUp
	for _, o := range w.Canvas().Overlays().List() {
		if p, ok := overlayContent(o).(*widget.PopUp); ok && isDialog(p) && p.Content.(*fyne.Container).Objects[2] == dt.frame.frame {
			pop = p
		}
	}
	if pop == nil {
		t.Fatalf("%s: the appointment dialog is not on show", state)
	}
	drv := fyne.CurrentApp().Driver()
	inWindow := func(what string, o fyne.CanvasObject) {
		at, size := drv.AbsolutePositionForObject(o), o.Size()
		if at.X < 0 || at.Y < 0 || at.X+size.Width > win.Width || at.Y+size.Height > win.Height || size.IsZero() {
			t.Errorf("%s: %s is at %v, %v: outside the %v window", state, what, at, size, win)
		}
	}
	inWindow("the dialog", pop)
	var closeButton *widget.Button
	walkShown(dt.frame.frame, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
			closeButton = b
		}
	})
	if closeButton == nil {
		t.Fatalf("%s: the dialog has no Close", state)
	}
	inWindow("Close", closeButton)
	// Close lies within the dialog too, not drawn past its edge.
	if at, end := drv.AbsolutePositionForObject(closeButton), drv.AbsolutePositionForObject(pop).Add(pop.Size()); at.Y+closeButton.Size().Height > end.Y {
		t.Errorf("%s: Close ends at %v, below the dialog's edge at %v", state, at.Y+closeButton.Size().Height, end.Y)
	}
	// What does not fit scrolls: the body is whole, inside the scroll.
	if body := dt.content.Size().Height; body < dt.content.MinSize().Height {
		t.Errorf("%s: the body is squeezed to %v of its %v", state, body, dt.content.MinSize().Height)
	}
}

func TestAppointmentDialogFitsTheScreenAfterACancel(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	long := strings.Repeat("Needs the ground-floor room and a longer slot; brings her own theraband; prefers Dr Patel. ", 8)
	p := tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1980-03-12", cdAddressed, withAlertsAndNeeds)
	book := func(hour int, notes string) schedule.Appointment {
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
			Date: ctDay, Start: schedule.Clock(hour * 60), Notes: notes, OverrideReason: "alerts read"})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	cancelled, missed, booked := book(10, long), book(11, ""), book(12, "")
	series, err := c.BookSeries(app.BookingRequest{PatientID: p.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(9 * 60), Notes: long, OverrideReason: "alerts read"},
		schedule.Repeat{Every: 1, Unit: schedule.Weekly, Count: 4})
	if err != nil || len(series.Booked) == 0 {
		t.Fatalf("series: %+v %v", series, err)
	}
	// Enough people waiting that the offers alone outgrow the window.
	for i := range 14 {
		w := tpAdd(t, c, "Waiting", "Patient "+string(rune('A'+i)), "1990-01-20")
		if _, err := c.AddToWaitingList(schedule.WaitingEntry{PatientID: w.ID, Priority: "routine"}); err != nil {
			t.Fatal(err)
		}
	}
	s, w := ctScreen(t, c)
	w.Resize(fyne.NewSize(1366, 768))
	ctClinicClockOn(c, ctDay, 12, 30)
	s.now = func() time.Time { return time.Date(2026, 11, 24, 12, 30, 0, 0, ukcal.London()) }

	dt := cdOpen(t, s, booked.ID)
	cdFits(t, w, dt, "booked")
	dt.close()

	dt = cdOpen(t, s, cancelled.ID)
	cdFits(t, w, dt, "long notes")
	test.Tap(dt.cancelButton)
	tpIdle(t)
	cdFits(t, w, dt, "asking why")
	tpType(t, w, dt.cancelReason, "Clinician off sick")
	test.Tap(dt.cancelGo)
	tpIdle(t)
	if !strings.Contains(dt.status.Text, "Clinician off sick") || len(dt.offers.Objects) < 10 {
		t.Fatalf("after the cancel: status %q, %d offers", dt.status.Text, len(dt.offers.Objects))
	}
	cdFits(t, w, dt, "after a cancel")
	if dt.frame.scroll.Size().Height >= dt.content.MinSize().Height {
		t.Error("after a cancel with many offers the body does not need to scroll: the test proves nothing")
	}
	dt.close()

	dt = cdOpen(t, s, missed.ID)
	test.Tap(dt.statusButton[schedule.StatusDNA])
	tpIdle(t)
	if cdButton(w, dt, "Print the first DNA letter") == nil {
		t.Fatalf("after a DNA: %q", tpTexts(w))
	}
	cdFits(t, w, dt, "after a DNA")
	dt.close()

	dt = cdOpen(t, s, series.Booked[0].ID)
	cdFits(t, w, dt, "one of a series")
	test.Tap(dt.cancelButton)
	tpIdle(t)
	cdFits(t, w, dt, "cancelling one of a series")
	test.Tap(dt.moveButton)
	tpIdle(t)
	cdFits(t, w, dt, "moving one of a series")
}
