package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The ways a cancellation is recorded, as the radio says them.
const (
	cancelByPatient = "By the patient"
	cancelByClinic  = "By the clinic"
)

// What a cancellation of one of a series covers, as the radio says it.
const (
	cancelThisOne      = "This one only"
	cancelThisAndLater = "This and all following"
)

// calendarDetails is one appointment's dialog: who, when, what, its
// status with buttons to move it on, cancel with a reason, move, and
// after a cancellation or DNA the waiting-list patients to offer the slot.
type calendarDetails struct {
	s       *calendarScreen
	entry   schedule.DiaryEntry
	dialog  dialog.Dialog
	content *fyne.Container     // the body, which scrolls in frame when the window is short
	frame   *scrollingDialog    // the body above the Close button, fitted to the window
	actions *appointmentActions // print slip, letter and the proposed DNA letter

	childUnderAge int              // a child's missed appointment "was not brought"
	safeguarding  *safeguardingBox // the prompt to consider safeguarding, for a child

	status       *widget.Label
	statusButton map[schedule.Status]*widget.Button
	statusTiming *widget.Label // which statuses are not yet possible, and from when
	cancelButton *widget.Button
	moveButton   *widget.Button

	cancelRow    *fyne.Container
	cancelBy     *widget.RadioGroup
	cancelScope  *widget.RadioGroup // nil unless the appointment is one of a series
	cancelReason *textBox
	cancelGo     *widget.Button

	moveRow      *fyne.Container
	moveDate     *textBox // text boxes, so Escape in them closes the dialog
	moveTime     *textBox
	moveWho      *widget.Select // the clinician; another's column on the grid, or chosen here
	moveReason   *textBox
	moveOverride *textBox
	moveGo       *widget.Button

	message *widget.Label
	offers  *fyne.Container
}

// openAppointment shows an appointment tapped on the grid.
func (s *calendarScreen) openAppointment(id string) {
	e, ok := s.entries[id]
	if !ok {
		return
	}
	d := &calendarDetails{s: s, entry: e}
	s.details = d
	d.build()
}

func (d *calendarDetails) build() {
	e := d.entry
	name := heading(e.PatientName)
	when := wrapped(appointmentWhen(e))
	var facts []fyne.CanvasObject
	for _, a := range e.Alerts {
		l := wrapped("Alert: " + alertLabel(a))
		l.Importance = widget.DangerImportance
		facts = append(facts, l)
	}
	for _, n := range e.AISNeeds {
		l := wrapped("Needs: " + patients.Label(patients.AISNeeds, n))
		l.Importance = widget.WarningImportance
		facts = append(facts, l)
	}
	d.childUnderAge = childUnderAge(d.s.ctx)
	d.status = widget.NewLabel("")
	d.statusTiming = wrapped("")
	d.statusButton = map[schedule.Status]*widget.Button{}
	row := container.NewHBox()
	for _, to := range calendarStatusButtons {
		b := widget.NewButton(d.statusWord(to), func() { d.setStatus(to, "") })
		d.statusButton[to] = b
		row.Add(b)
	}
	d.cancelButton = widget.NewButtonWithIcon("Cancel…", theme.CancelIcon(), d.askCancel)
	d.moveButton = widget.NewButtonWithIcon("Move…", theme.NavigateNextIcon(), d.askMove)
	row.Add(d.cancelButton)
	row.Add(d.moveButton)

	d.cancelBy = widget.NewRadioGroup([]string{cancelByPatient, cancelByClinic}, nil)
	d.cancelBy.Horizontal = true
	d.cancelBy.Required = true
	d.cancelBy.SetSelected(cancelByPatient)
	d.cancelReason = newTextBox()
	d.cancelReason.SetPlaceHolder("Why? e.g. unwell, clinician off sick")
	d.cancelReason.OnSubmitted = func(string) { d.confirmCancel() }
	d.cancelGo = widget.NewButtonWithIcon("Cancel the appointment", theme.ConfirmIcon(), d.confirmCancel)
	d.cancelGo.Importance = widget.DangerImportance
	d.cancelRow = container.NewVBox(d.cancelBy, container.NewBorder(nil, nil, nil, d.cancelGo, d.cancelReason))
	if e.SeriesID != "" {
		d.cancelScope = widget.NewRadioGroup([]string{cancelThisOne, cancelThisAndLater}, nil)
		d.cancelScope.Horizontal = true
		d.cancelScope.Required = true
		d.cancelScope.SetSelected(cancelThisOne)
		d.cancelRow.Objects = append([]fyne.CanvasObject{container.NewHBox(widget.NewLabel("Cancel"), d.cancelScope)}, d.cancelRow.Objects...)
	}
	d.cancelRow.Hide()

	d.moveDate = newTextBox()
	d.moveDate.SetText(e.Date.Short())
	d.moveTime = newTextBox()
	d.moveTime.SetText(schedule.Clock(e.StartMin).String())
	d.moveReason = newTextBox()
	d.moveReason.SetPlaceHolder("Why? (optional)")
	d.moveOverride = newTextBox()
	d.moveOverride.SetPlaceHolder("Reason to move in spite of the warnings")
	d.moveOverride.Hide()
	d.moveWho = widget.NewSelect(d.s.clinicianNames(), nil)
	d.setMoveWho(e.ClinicianID)
	// Enter in either reason moves, so a move proposed from the grid's
	// keyboard is finished from the keyboard.
	d.moveReason.OnSubmitted = func(string) { d.confirmMove() }
	d.moveOverride.OnSubmitted = func(string) { d.confirmMove() }
	d.moveGo = widget.NewButtonWithIcon("Move", theme.ConfirmIcon(), d.confirmMove)
	d.moveGo.Importance = widget.HighImportance
	d.moveRow = container.NewVBox(
		container.NewGridWithColumns(4, widget.NewLabel("New date"), d.moveDate, widget.NewLabel("Time"), d.moveTime),
		container.NewBorder(nil, nil, widget.NewLabel("With"), nil, d.moveWho),
		d.moveReason, d.moveOverride, container.NewHBox(layout.NewSpacer(), d.moveGo))
	d.moveRow.Hide()

	d.message = note()
	d.offers = container.NewVBox()
	closeButton := widget.NewButton("Close", d.close)
	d.content = container.NewVBox(name, when)
	if e.SeriesID != "" {
		d.content.Add(widget.NewLabelWithStyle("One of a series of appointments", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	d.content.Objects = append(d.content.Objects, facts...)
	if notes := strings.TrimSpace(e.Notes); notes != "" {
		d.content.Add(wrapped("Notes: " + notes))
	}
	d.actions = newAppointmentActions(d.s.ctx, d.entry, d.problem, d.relayout)
	// The printing row follows the message, so after a DNA the proposed
	// letter's button is just below "send the second DNA letter".
	d.safeguarding = newSafeguardingBox(d.s.ctx, d.relayout)
	d.content.Objects = append(d.content.Objects, d.status, row, d.statusTiming, d.cancelRow, d.moveRow, d.message, d.actions.row,
		d.safeguarding.box, d.offers)
	d.frame = newScrollingDialog(d.content, container.NewHBox(layout.NewSpacer(), closeButton))
	d.dialog = dialog.NewCustomWithoutButtons("Appointment", d.frame.frame, d.s.ctx.Window)
	d.showStatus()
	d.relayout()
	d.dialog.Show()
	if app.EntryNotBrought(e, d.childUnderAge) {
		d.safeguarding.load(e.ID)
	}
}

// appointmentWhen is "Monday 23 November 2026, 10:15–10:45 · Review with
// Dr Asha Patel · Room 2".
func appointmentWhen(e schedule.DiaryEntry) string {
	s := fmt.Sprintf("%s, %s–%s · %s with %s", e.Date.LongWithDay(), schedule.Clock(e.StartMin), schedule.Clock(e.EndMin), e.TypeName, e.ClinicianName)
	if e.RoomName != "" {
		s += " · " + e.RoomName
	}
	return s
}

// showStatus says the status, when and by whom, and enables the changes
// the rules allow.
func (d *calendarDetails) showStatus() {
	e := d.entry
	c := d.s.ctx.Clinic
	text := "Status: " + app.EntryStatusLabel(e, d.childUnderAge)
	if !e.StatusAt.IsZero() {
		text += ", " + whenSaid(e.StatusAt, d.s.now())
		if e.StatusBy != "" {
			text += " by " + e.StatusBy
		}
	}
	if e.CancelReason != "" {
		text += " (" + e.CancelReason + ")"
	}
	d.status.SetText(text)
	// A status that cannot be true yet is not offered (the app refuses it
	// too); the note says when it will be, so a greyed button is explained.
	now := d.s.now()
	var notYet []statusOpening
	for _, to := range calendarStatusButtons {
		b := d.statusButton[to]
		offer := c.OfferStatus(e.Appointment, to, now)
		if offer.NotYet {
			notYet = append(notYet, statusOpening{to, offer.Opens})
		}
		if offer.Allowed {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	d.statusTiming.SetText(statusTimingNote(e.Appointment, notYet, now, d.markedWord))
	if d.statusTiming.Text == "" {
		d.statusTiming.Hide()
	} else {
		d.statusTiming.Show()
	}
	if c.OfferStatus(e.Appointment, schedule.StatusCancelledPatient, now).Allowed {
		d.cancelButton.Enable()
	} else {
		d.cancelButton.Disable()
	}
	if c.MayMoveAppointment(e.Appointment) {
		d.moveButton.Enable()
	} else {
		d.moveButton.Disable()
	}
}

func (d *calendarDetails) close() {
	d.dialog.Hide()
	if d.s.details == d {
		d.s.details = nil
	}
	d.s.grid.Focus()
}

// relayout fits the dialog to what it shows now, within the window.
func (d *calendarDetails) relayout() { d.frame.fit(d.dialog, d.s.ctx.Window, 620) }

// problem says what went wrong in red, in view.
func (d *calendarDetails) problem(text string) {
	say(d.message, widget.DangerImportance, text)
	d.relayout()
	d.frame.reveal(d.message)
}

func (d *calendarDetails) askCancel() {
	d.moveRow.Hide()
	d.cancelRow.Show()
	d.relayout()
	d.frame.reveal(d.cancelRow)
	d.s.ctx.Window.Canvas().Focus(d.cancelReason)
}

func (d *calendarDetails) confirmCancel() {
	to := schedule.StatusCancelledPatient
	if d.cancelBy.Selected == cancelByClinic {
		to = schedule.StatusCancelledClinic
	}
	reason := strings.TrimSpace(d.cancelReason.Text)
	if reason == "" {
		d.problem("Say why the appointment is cancelled.")
		return
	}
	if d.cancelScope != nil && d.cancelScope.Selected == cancelThisAndLater {
		d.cancelSeries(to, reason)
		return
	}
	d.setStatus(to, reason)
}

// cancelSeries cancels this appointment and the rest of its series; those
// the patient has already arrived for or been seen at stay as they are.
func (d *calendarDetails) cancelSeries(to schedule.Status, reason string) {
	c := d.s.ctx.Clinic
	id := d.entry.ID
	offUI(d.s.ctx, func() (int, error) { return c.CancelSeries(id, true, to, reason) }, func(n int, err error) {
		if err != nil {
			d.problem(plainError(err))
			return
		}
		d.close()
		d.s.said(widget.SuccessImportance, fmt.Sprintf("Cancelled %s of %s's series, from %s on.",
			plural(int64(n), "appointment", "appointments"), d.entry.PatientName, d.entry.Date.LongWithDay()))
	})
}

// setStatus records a status change; after a cancellation or a DNA it
// shows the DNA letter due and the waiting-list patients who fit the slot.
func (d *calendarDetails) setStatus(to schedule.Status, reason string) {
	c := d.s.ctx.Clinic
	id := d.entry.ID
	type changed struct {
		res       app.StatusResult
		offers    []schedule.WaitingEntry
		offersErr error // the change is made; the offers are a help, so this is said, not a failure
	}
	offUI(d.s.ctx, func() (changed, error) {
		res, err := c.SetStatus(id, to, reason)
		if err != nil {
			return changed{}, err
		}
		ch := changed{res: res}
		if to == schedule.StatusDNA || to.Cancelled() {
			ch.offers, ch.offersErr = c.OffersFor(id)
		}
		return ch, nil
	}, func(ch changed, err error) {
		if err != nil {
			d.problem(plainError(err))
			return
		}
		d.entry.Appointment = ch.res.Appointment
		d.cancelRow.Hide()
		d.showStatus()
		var step schedule.DNAStep
		if ch.res.DNA != nil {
			step = ch.res.DNA.Step
			if sp := ch.res.DNA.Safeguarding; sp != nil && c.Can(app.PermSafeguarding) {
				sp.PatientName = d.entry.PatientName
				d.safeguarding.show(*sp)
			}
		}
		msg := missedMessage(d.entry, to, ch.res.DNA)
		if ch.offersErr != nil {
			msg += " The waiting list could not be checked for this slot: " + plainError(ch.offersErr)
		}
		d.actions.showFor(d.entry, step)
		say(d.message, widget.SuccessImportance, msg)
		d.showOffers(ch.offers, to)
		d.relayout()
		d.frame.reveal(d.message)
		d.s.reload()
	})
}

// dnaLetterName is the letter the DNA policy proposes, in words.
func dnaLetterName(step schedule.DNAStep) string {
	switch step {
	case schedule.DNAFirst:
		return "first DNA letter"
	case schedule.DNASecond:
		return "second DNA letter"
	case schedule.GPLetter:
		return "letter to the patient's GP"
	case schedule.WNBFirst:
		return "letter to the parent or carer"
	case schedule.WNBGP:
		return "letter to the child's GP"
	}
	return string(step)
}

// showOffers lists who on the waiting list fits the freed slot, urgent
// first then longest waiting, each with a button to book them into it.
func (d *calendarDetails) showOffers(offers []schedule.WaitingEntry, to schedule.Status) {
	d.offers.Objects = nil
	if !(to == schedule.StatusDNA || to.Cancelled()) {
		d.offers.Refresh()
		return
	}
	if len(offers) == 0 {
		d.offers.Add(wrapped("Nobody on the waiting list fits this slot."))
		d.offers.Refresh()
		return
	}
	d.offers.Add(heading("Offer the slot from the waiting list"))
	for _, w := range offers {
		line := cell()
		line.SetText(waitingLine(w))
		b := widget.NewButtonWithIcon("Book", theme.ContentAddIcon(), func() { d.bookOffer(w) })
		d.offers.Add(container.NewBorder(nil, nil, nil, b, line))
	}
	d.offers.Refresh()
}

// bookOffer books a waiting-list patient into the freed slot, through the
// booking dialog so the warnings are seen.
func (d *calendarDetails) bookOffer(w schedule.WaitingEntry) {
	e := d.entry
	d.close()
	d.s.openBooking(calendarSlot{ClinicianID: e.ClinicianID, Date: e.Date, Start: schedule.Clock(e.StartMin), TypeID: e.TypeID,
		PatientID: w.PatientID, PatientName: w.PatientName, WaitingID: w.ID})
}
