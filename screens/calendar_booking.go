package screens

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarSlot is where a booking starts from: a cell of the grid, a free
// slot found, a waiting-list offer.
type calendarSlot struct {
	ClinicianID string
	Date        ukcal.Date
	Start       schedule.Clock
	TypeID      string
	// PatientID and PatientName come filled in from a waiting-list offer;
	// WaitingID is then the entry the booking takes off the list, and
	// Minutes and Notes (when given) what the entry asked for.
	PatientID, PatientName string
	WaitingID              string
	Minutes                int
	Notes                  string
	// ReferralID is the referral the booking is for (booked from the
	// referral's page): its attendance or DNA then feeds the pathway.
	// ReferralFrom says which one in words ("from Dr A Khan, received
	// 03/11/2026"), so the dialog can say what it is booking.
	ReferralID, ReferralFrom string
}

// calendarBooking is the booking dialog: find the patient, choose the
// type (which sets the length), see the warnings in plain words, and book
// (or book anyway, with a reason).
type calendarBooking struct {
	s       *calendarScreen
	slot    calendarSlot
	dialog  dialog.Dialog
	content *fyne.Container  // the body, which scrolls in frame when the window is short
	frame   *scrollingDialog // the body above the buttons, within the window
	foot    *fyne.Container  // what is always in view: the problem and the buttons

	patient      *calendarPatientPick
	types        []schedule.AppointmentType
	rooms        []schedule.Room
	typeSelect   *widget.Select
	whoSelect    *widget.Select
	roomSelect   *widget.Select
	date         *textBox      // text boxes pass Escape on to the dialog
	dateHint     *widget.Label // the day the date field was understood as
	start        *textBox
	minutes      *textBox
	notes        *textBox
	repeat       *calendarRepeat
	warnings     *widget.Label   // the warnings, or a quiet line saying where they will show
	warningsBox  *fyne.Container // the space kept for them, the same height with or without
	warningsHead *widget.Label
	reason       *textBox
	reasonRow    fyne.CanvasObject
	problem      *widget.Label
	book         *widget.Button

	blocking bool // the last check found warnings that need a reason
	seq      int  // bumped by each check; older answers are dropped

	summary app.SeriesResult // what a series booked, once it has

	newPatient *calendarNewPatient // the small dialog registering a patient, once opened
	keptNew    string              // what it held before a lock, to open it again with

	restored *widget.Label // says the dialog came back after a lock
	draft    *formDraft    // the patient chosen and what is typed, kept through a lock
}

// openBooking shows the booking dialog for slot.
func (s *calendarScreen) openBooking(slot calendarSlot) {
	if slot.PatientID == "" && s.forPatient != nil {
		f := s.forPatient
		slot.PatientID, slot.PatientName, slot.WaitingID = f.PatientID, f.PatientName, f.WaitingID
		slot.Minutes, slot.Notes, slot.ReferralID = f.Minutes, f.Notes, f.ReferralID
	}
	b := &calendarBooking{s: s, slot: slot}
	s.booking = b
	b.build()
}

func (b *calendarBooking) build() {
	c := b.s.ctx.Clinic
	// Types and rooms are short lists: read here, on the UI goroutine, as
	// the dialog opens. Without them nothing could be booked right, so the
	// dialog does not open and the Calendar says why.
	var err error
	if b.types, err = c.AppointmentTypes(false); err == nil {
		b.rooms, err = c.Rooms(false)
	}
	if err != nil {
		if b.s.booking == b {
			b.s.booking = nil
		}
		say(b.s.message, widget.DangerImportance, "The booking could not be opened: "+plainError(err))
		return
	}

	b.patient = newCalendarPatientPick(b.s.ctx, func(patients.PatientSummary) {
		b.check()
		if b.draft != nil {
			b.draft.note()
		}
	})
	if b.slot.PatientID != "" {
		b.patient.set(b.slot.PatientID, b.slot.PatientName)
	}
	if canRegisterPatients(c) {
		b.patient.onRegister = b.registerNew
	}
	b.patient.onLayout = func() {
		if b.dialog != nil {
			b.fit()
		}
	}

	var typeNames []string
	for _, t := range b.types {
		typeNames = append(typeNames, typeLabel(t))
	}
	b.minutes = newTextBox()
	b.minutes.OnChanged = func(string) { b.check() }
	b.typeSelect = widget.NewSelect(typeNames, func(string) {
		if t, ok := b.chosenType(); ok {
			b.minutes.SetText(strconv.Itoa(t.Minutes))
			if t.NeedsRoom && b.roomSelect.SelectedIndex() <= 0 && len(b.rooms) > 0 {
				b.roomSelect.SetSelectedIndex(1)
			}
		}
		b.check()
	})
	b.typeSelect.PlaceHolder = "Choose the type"

	var whoNames []string
	for _, cl := range b.s.clinicians {
		whoNames = append(whoNames, cl.Name)
	}
	b.whoSelect = widget.NewSelect(whoNames, func(string) { b.check() })
	for i, cl := range b.s.clinicians {
		if cl.ID == b.slot.ClinicianID {
			b.whoSelect.SetSelectedIndex(i)
		}
	}
	roomNames := []string{"No room"}
	for _, r := range b.rooms {
		roomNames = append(roomNames, r.Name)
	}
	b.roomSelect = widget.NewSelect(roomNames, func(string) { b.check() })
	b.roomSelect.SetSelectedIndex(0)

	// The date takes "tomorrow", "tuesday", "+2w" or "25/12/26"; the line
	// under it names the day as it is typed.
	b.dateHint = newSpokenHint()
	b.date = newTextBox()
	b.date.SetText(b.slot.Date.Short())
	showSpoken(b.dateHint, "", b.date.Text, patientToday(), ukcal.Ahead)
	b.date.OnChanged = func(text string) {
		showSpoken(b.dateHint, "", text, patientToday(), ukcal.Ahead)
		b.check()
	}
	b.date.OnSubmitted = func(string) { b.confirmDate() }
	b.start = newTextBox()
	b.start.SetText(b.slot.Start.String())
	b.start.OnChanged = func(string) { b.check() }
	b.notes = newTextBox()
	b.notes.SetPlaceHolder("Optional")
	b.repeat = newCalendarRepeat(func() {
		if b.dialog != nil {
			b.showButton()
			b.fit()
		}
	})

	b.warnings = wrapped("")
	b.warningsHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.warningsHead.Importance = widget.WarningImportance
	b.warningsHead.Hide()
	b.reason = newTextBox()
	b.reason.SetPlaceHolder("Why book in spite of this? (kept with the appointment)")
	b.reason.OnChanged = func(string) { b.showButton() }
	b.reasonRow = container.NewBorder(nil, nil, widget.NewLabel("Reason"), nil, b.reason)
	b.reasonRow.Hide()
	b.problem = errorText()

	// The type asked for, else the first the slot's clinician delivers
	// (the clinic orders its types by how often they are booked), so the
	// length is set from the start and a click on a free time does not
	// open on a warning that this clinician does not deliver it.
	if i := b.defaultType(); i >= 0 {
		b.typeSelect.SetSelectedIndex(i)
	}
	for i, t := range b.types {
		if t.ID == b.slot.TypeID {
			b.typeSelect.SetSelectedIndex(i)
		}
	}
	// A waiting-list entry's own length and notes win over the type's.
	if b.slot.Minutes > 0 {
		b.minutes.SetText(strconv.Itoa(b.slot.Minutes))
	}
	b.notes.SetText(b.slot.Notes)

	form := widget.NewForm(
		widget.NewFormItem("Type", b.typeSelect),
		widget.NewFormItem("Clinician", b.whoSelect),
		// "23/11/2026 at 09:10 for 20 minutes" on one line: the dialog
		// has to fit a small screen with the warnings under it.
		widget.NewFormItem("Date", container.NewVBox(container.NewHBox(sized(b.date, 130), widget.NewLabel("at"), sized(b.start, 80),
			widget.NewLabel("for"), sized(b.minutes, 64), widget.NewLabel("minutes")), b.dateHint)),
		widget.NewFormItem("Room", b.roomSelect),
		widget.NewFormItem("Notes", b.notes),
		widget.NewFormItem("Repeat", b.repeat.view),
	)
	b.book = widget.NewButtonWithIcon("Book", theme.ConfirmIcon(), b.submit)
	b.book.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { b.close() })
	buttons := container.NewHBox(cancel, b.book)
	// The "Before you book" box keeps its height with or without warnings,
	// the reason row inside it: the fields above and the buttons below
	// stay where they are under the pointer as warnings come and go. Many
	// warnings scroll inside it.
	b.warningsBox = container.New(&reservedHeight{height: bookingWarningsHeight},
		container.NewBorder(b.warningsHead, b.reasonRow, nil, nil, container.NewVScroll(b.warnings)))
	b.restored = note()
	b.keepTyping()
	fromWaiting := note()
	switch {
	case b.slot.WaitingID != "":
		say(fromWaiting, widget.MediumImportance, "From the waiting list: booking takes "+b.slot.PatientName+" off it.")
	case b.slot.ReferralID != "":
		say(fromWaiting, widget.MediumImportance, referralBookingNote(b.slot))
	}
	b.content = container.NewVBox(b.restored, fromWaiting, b.patient.view, widget.NewSeparator(), form, b.warningsBox)
	// A problem shows beside the buttons, which stay put: below them it
	// would move Book under the pointer.
	b.foot = container.NewBorder(nil, nil, nil, container.NewVBox(buttons), b.problem)
	b.frame = newScrollingDialog(b.content, b.foot)
	b.dialog = dialog.NewCustomWithoutButtons("Book an appointment", b.frame.frame, b.s.ctx.Window)
	b.fit()
	b.dialog.Show()
	if b.slot.PatientID == "" {
		b.s.ctx.Window.Canvas().Focus(b.patient.search)
	}
	if b.keptNew != "" { // the new patient being registered at the lock
		b.registerNew("")
		b.newPatient.putBack(b.keptNew)
	}
	b.check()
}

func (b *calendarBooking) close() {
	b.draft.done() // booked, or cancelled on purpose; a lock never comes here
	b.dialog.Hide()
	if b.s.booking == b {
		b.s.booking = nil
	}
	b.s.grid.Focus()
}

// defaultType is the index of the first type the slot's clinician
// delivers, else of the first type, else -1.
func (b *calendarBooking) defaultType() int {
	if len(b.types) == 0 {
		return -1
	}
	for _, cl := range b.s.clinicians {
		if cl.ID != b.slot.ClinicianID {
			continue
		}
		for i, t := range b.types {
			if app.Delivers(t, cl) {
				return i
			}
		}
	}
	return 0
}

func (b *calendarBooking) chosenType() (schedule.AppointmentType, bool) {
	i := b.typeSelect.SelectedIndex()
	if i < 0 || i >= len(b.types) {
		return schedule.AppointmentType{}, false
	}
	return b.types[i], true
}

// referralBookingNote says which referral a booking is for and what the
// link does, so nobody books it as an ordinary appointment by mistake.
func referralBookingNote(s calendarSlot) string {
	which := "referral"
	if s.ReferralFrom != "" {
		which += " " + s.ReferralFrom
	}
	return fmt.Sprintf("The first appointment for %s's %s: when it is marked seen or did not attend, the referral's clock is told.", s.PatientName, which)
}

// request reads the dialog; it says in words what is missing or wrong.
func (b *calendarBooking) request() (app.BookingRequest, error) {
	req := app.BookingRequest{PatientID: b.patient.id(), Notes: strings.TrimSpace(b.notes.Text), WaitingID: b.slot.WaitingID}
	if req.PatientID == b.slot.PatientID {
		req.ReferralID = b.slot.ReferralID
	} else {
		req.WaitingID = "" // another patient was chosen: the entry stays on the list, the referral unbooked
	}
	if req.PatientID == "" {
		return req, errors.New("find and choose the patient")
	}
	t, ok := b.chosenType()
	if !ok {
		return req, errors.New("choose the type of appointment")
	}
	req.TypeID = t.ID
	if i := b.whoSelect.SelectedIndex(); i >= 0 && i < len(b.s.clinicians) {
		req.ClinicianID = b.s.clinicians[i].ID
	} else {
		return req, errors.New("choose the clinician")
	}
	if i := b.roomSelect.SelectedIndex(); i > 0 && i <= len(b.rooms) {
		req.RoomID = b.rooms[i-1].ID
	}
	var err error
	if req.Date, err = bookingDate(b.date.Text); err != nil {
		return req, err
	}
	req.Start, err = schedule.ParseClock(strings.TrimSpace(b.start.Text))
	if err != nil {
		return req, errors.New("write the time as 24-hour HH:MM, for example 09:30")
	}
	n, err := strconv.Atoi(strings.TrimSpace(b.minutes.Text))
	if err != nil || n <= 0 || n > 480 {
		return req, errors.New("the length is a number of minutes, up to 480")
	}
	req.Minutes = n
	return req, nil
}

// bookingDate reads the date field as people say it, counting from today.
func bookingDate(text string) (ukcal.Date, error) {
	d, err := ukcal.ParseSpoken(text, patientToday(), ukcal.Ahead)
	if errors.Is(err, ukcal.ErrNoSpokenDate) {
		return d, errors.New("say which day: " + ukcal.SpokenAheadHelp)
	}
	return d, err
}

// confirmDate is Enter in the date field: the words become the date they
// mean, written dd/mm/yyyy, so what is booked cannot drift (a dialog left
// open past midnight would otherwise move "tomorrow" on a day), and the
// keyboard goes on to the time. Booking stays on the Book button, after
// the warnings have been read. Words that are not a date stay, with why.
func (b *calendarBooking) confirmDate() {
	d, err := bookingDate(b.date.Text)
	if err != nil {
		say(b.problem, widget.DangerImportance, sentence(err.Error()))
		return
	}
	say(b.problem, widget.DangerImportance, "")
	if text := d.Short(); b.date.Text != text {
		b.date.SetText(text)
	}
	b.s.ctx.Window.Canvas().Focus(b.start)
}

// check previews the warnings for what the dialog holds now.
func (b *calendarBooking) check() {
	if b.book == nil {
		return // still building
	}
	b.seq++
	seq := b.seq
	req, err := b.request()
	if err != nil {
		b.showWarnings(nil)
		return
	}
	c := b.s.ctx.Clinic
	offUI(b.s.ctx, func() ([]schedule.Problem, error) { return c.CheckBooking(req) }, func(ps []schedule.Problem, err error) {
		if seq != b.seq {
			return
		}
		if err != nil {
			say(b.problem, widget.DangerImportance, plainError(err))
			return
		}
		say(b.problem, widget.DangerImportance, "")
		b.showWarnings(ps)
	})
}

// showWarnings lists the problems in plain words; those that block
// bring up the reason box and turn Book into Book anyway.
func (b *calendarBooking) showWarnings(ps []schedule.Problem) {
	b.blocking = len(schedule.Blocking(ps)) > 0
	lines := problemLines(ps)
	if len(lines) == 0 {
		b.warningsHead.Hide()
		b.warnings.Importance = widget.LowImportance
		b.warnings.SetText("Warnings about this booking (a clash, an alert, a communication need) show here.")
	} else {
		b.warningsHead.Show()
		// Dark text reads better than orange; the heading carries the colour.
		head := "Before you book:"
		if b.blocking {
			head = "Check before booking (a reason is needed to book anyway):"
		}
		b.warnings.Importance = widget.MediumImportance
		b.warningsHead.SetText(head)
		b.warnings.SetText(strings.Join(lines, "\n"))
	}
	if b.blocking {
		b.reasonRow.Show()
	} else {
		b.reasonRow.Hide()
	}
	b.warningsBox.Refresh()
	b.showButton()
	b.fit()
}

// showButton is Book, or Book anyway once a reason is given.
func (b *calendarBooking) showButton() {
	if b.blocking {
		b.book.SetText("Book anyway")
		b.book.Importance = widget.WarningImportance
		if strings.TrimSpace(b.reason.Text) == "" {
			b.book.Disable()
		} else {
			b.book.Enable()
		}
	} else {
		b.book.SetText("Book")
		b.book.Importance = widget.HighImportance
		b.book.Enable()
	}
	if b.repeat.on() {
		b.book.SetText(b.book.Text + " series")
	}
	b.book.Refresh()
}

// submit books. The app checks again in the booking's own transaction; if
// a clash appeared meanwhile it refuses, and the warnings are shown.
func (b *calendarBooking) submit() {
	req, err := b.request()
	if err != nil {
		say(b.problem, widget.DangerImportance, sentence(err.Error()))
		return
	}
	if b.blocking {
		req.OverrideReason = strings.TrimSpace(b.reason.Text)
	}
	if b.repeat.on() {
		rep, err := b.repeat.rule()
		if err != nil {
			say(b.problem, widget.DangerImportance, sentence(err.Error()))
			return
		}
		b.submitSeries(req, rep)
		return
	}
	c := b.s.ctx.Clinic
	type booked struct {
		appt     schedule.Appointment
		problems []schedule.Problem
	}
	offUI(b.s.ctx, func() (booked, error) {
		a, ws, err := c.Book(req)
		return booked{a, ws}, err
	}, func(r booked, err error) {
		var refused *app.BookingRefusedError
		switch {
		case errors.As(err, &refused):
			b.showWarnings(refused.Problems)
			say(b.problem, widget.DangerImportance, "Not booked yet: read the warnings above, and give a reason to book anyway.")
			return
		case err != nil:
			say(b.problem, widget.DangerImportance, plainError(err))
			return
		}
		b.close()
		b.s.bookedFor(req.PatientID)
		b.s.follow(r.appt) // the calendar goes to the day booked, the appointment selected
		msg := bookedMessage(b.patient.name(), r.appt, r.problems)
		if req.WaitingID != "" {
			msg += " Taken off the waiting list."
			b.s.waitingBooked()
		}
		b.s.said(widget.SuccessImportance, msg)
	})
}

// bookedFor lets go of the patient held for booking once they are booked.
func (s *calendarScreen) bookedFor(patientID string) {
	if s.forPatient != nil && s.forPatient.PatientID == patientID {
		s.stopBookingFor()
	}
}

// bookedMessage says what was booked and what to act on (alerts, needs).
func bookedMessage(patient string, a schedule.Appointment, ps []schedule.Problem) string {
	msg := "Booked"
	if !a.Date.IsZero() {
		msg = fmt.Sprintf("Booked %s on %s at %s", patient, a.Date.LongWithDay(), schedule.Clock(a.StartMin))
	}
	var todo []string
	for _, p := range ps {
		if !p.Blocks {
			todo = append(todo, sentence(problemText(p)))
		}
	}
	if len(todo) > 0 {
		msg += ". Remember: " + strings.Join(todo, " ")
	}
	return sentence(msg)
}

// typeLabel is an appointment type as the booking dialog lists it: its
// name and length, "Review (20 min)", or the name alone when it says
// the length already ("Asthma review 20 min").
func typeLabel(t schedule.AppointmentType) string {
	length := fmt.Sprintf("%d min", t.Minutes)
	if strings.Contains(t.Name, length) {
		return t.Name
	}
	return t.Name + " (" + length + ")"
}
