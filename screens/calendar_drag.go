package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/widget"
)

// proposeMove is a block dropped somewhere else on the grid (dragged, or
// Ctrl+arrows and Enter). Nothing moves yet: the appointment's dialog
// opens at Move with the new place filled in and the checks a move runs
// already said (a clash asks for a reason), so a drag is confirmed the
// same way as a move typed in, by the same button.
func (s *calendarScreen) proposeMove(id string, column, minute int) {
	who, date, ok := s.slotOf(column)
	if _, known := s.entries[id]; !ok || !known || s.details != nil || s.booking != nil {
		return
	}
	s.openAppointment(id)
	if d := s.details; d != nil && d.entry.ID == id {
		d.proposeMove(who, date, minute)
	}
}

// proposeMove fills the move row with where the grid put the appointment
// and runs the move's checks without moving.
func (d *calendarDetails) proposeMove(who string, date ukcal.Date, minute int) {
	d.moveDate.SetText(date.Short())
	d.moveTime.SetText(schedule.Clock(minute).String())
	d.setMoveWho(who)
	d.askMove()
	e := d.entry
	req := app.BookingRequest{PatientID: e.PatientID, ClinicianID: who, RoomID: e.RoomID, TypeID: e.TypeID,
		Date: date, Start: schedule.Clock(minute), Minutes: e.EndMin - e.StartMin}
	c := d.s.ctx.Clinic
	say(d.message, widget.LowImportance, "Checking the new time…") // a busy clinic file can take a second or two
	d.relayout()
	offUI(d.s.ctx, func() ([]schedule.Problem, error) { return c.CheckBooking(req) }, func(ps []schedule.Problem, err error) {
		if d.s.details != d {
			return // closed meanwhile
		}
		if err != nil {
			d.problem(plainError(err))
			return
		}
		ps = notAgainstItself(ps, e.ID)
		if len(schedule.Blocking(ps)) > 0 {
			d.showMoveWarnings(ps)
			d.s.ctx.Window.Canvas().Focus(d.moveOverride)
			return
		}
		with := ""
		if who != e.ClinicianID {
			with = " with " + d.s.clinicianName(who)
		}
		say(d.message, widget.MediumImportance, fmt.Sprintf("Move %s to %s at %s%s? Press Move (or Enter) to move it; Close or Escape leaves it where it is.",
			e.PatientName, date.LongWithDay(), schedule.Clock(minute), with))
		d.relayout()
		d.frame.reveal(d.message)
		d.s.ctx.Window.Canvas().Focus(d.moveReason)
	})
}

// notAgainstItself drops the problems a booking check raises against the
// appointment being moved (it would clash with where it is now); Move
// itself never counts them.
func notAgainstItself(ps []schedule.Problem, id string) []schedule.Problem {
	var out []schedule.Problem
	for _, p := range ps {
		if p.OtherID != id {
			out = append(out, p)
		}
	}
	return out
}

// clinicianNames are the clinicians in the Calendar's order.
func (s *calendarScreen) clinicianNames() []string {
	out := make([]string, len(s.clinicians))
	for i, cl := range s.clinicians {
		out[i] = cl.Name
	}
	return out
}

// clinicianName is a clinician's name by id.
func (s *calendarScreen) clinicianName(id string) string {
	for _, cl := range s.clinicians {
		if cl.ID == id {
			return cl.Name
		}
	}
	return "another clinician"
}
