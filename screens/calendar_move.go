package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2/widget"
)

// The appointment dialog's Move: typed in, or proposed by a drag or the
// keyboard on the grid (calendar_drag.go); either way the same checks,
// warnings and button.

func (d *calendarDetails) askMove() {
	d.cancelRow.Hide()
	d.moveRow.Show()
	d.relayout()
	d.frame.reveal(d.moveRow)
	d.s.ctx.Window.Canvas().Focus(d.moveDate)
}

// confirmMove moves the appointment; warnings stop it until a reason to
// move anyway is given.
func (d *calendarDetails) confirmMove() {
	m, ok := d.moveRequest()
	if !ok {
		return
	}
	c := d.s.ctx.Clinic
	id := d.entry.ID
	offUI(d.s.ctx, func() (schedule.Appointment, error) {
		a, _, err := c.Move(id, m)
		return a, err
	}, func(a schedule.Appointment, err error) {
		var refused *app.BookingRefusedError
		switch {
		case errors.As(err, &refused):
			d.showMoveWarnings(refused.Problems)
			return
		case err != nil:
			d.problem(plainError(err))
			return
		}
		d.close()
		day := a.Date.LongWithDay()
		with := ""
		if a.ClinicianID != d.entry.ClinicianID {
			with = " with " + d.s.clinicianName(a.ClinicianID)
		}
		d.s.follow(a)
		d.s.said(widget.SuccessImportance, fmt.Sprintf("Moved %s to %s at %s%s.", d.entry.PatientName, day, schedule.Clock(a.StartMin), with))
	})
}

// moveRequest reads the move row; ok is false (and the dialog says what
// to write) when the date or time cannot be read.
func (d *calendarDetails) moveRequest() (app.MoveRequest, bool) {
	when, err := parseUKDate(d.moveDate.Text)
	if err != nil || when.IsZero() {
		d.problem("Write the new date as dd/mm/yyyy, for example 24/11/2026.")
		return app.MoveRequest{}, false
	}
	start, err := schedule.ParseClock(strings.TrimSpace(d.moveTime.Text))
	if err != nil {
		d.problem("Write the new time as 24-hour HH:MM, for example 14:30.")
		return app.MoveRequest{}, false
	}
	return app.MoveRequest{ClinicianID: d.moveWhoID(), Date: when, Start: start, Reason: strings.TrimSpace(d.moveReason.Text),
		OverrideReason: strings.TrimSpace(d.moveOverride.Text), RoomID: d.entry.RoomID}, true
}

// showMoveWarnings says why the move waits, and asks for a reason to move
// anyway: after Move, and as soon as a drag or the keyboard proposes it.
func (d *calendarDetails) showMoveWarnings(ps []schedule.Problem) {
	lines := problemLines(ps)
	say(d.message, widget.WarningImportance, "Not moved yet:\n"+strings.Join(lines, "\n")+"\nGive a reason to move it anyway.")
	d.moveOverride.Show()
	d.moveGo.SetText("Move anyway")
	d.relayout()
	d.frame.reveal(d.message)
}

// setMoveWho chooses a clinician in the move row.
func (d *calendarDetails) setMoveWho(id string) {
	for i, cl := range d.s.clinicians {
		if cl.ID == id {
			d.moveWho.SetSelectedIndex(i)
		}
	}
}

// moveWhoID is the clinician chosen in the move row; "" keeps the one
// booked.
func (d *calendarDetails) moveWhoID() string {
	if i := d.moveWho.SelectedIndex(); i >= 0 && i < len(d.s.clinicians) {
		return d.s.clinicians[i].ID
	}
	return ""
}
