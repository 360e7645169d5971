package screens

import (
	"clinicdesk/app/schedule"
)

// follow makes the next load show the appointment just booked or moved:
// its day (in the week view, its clinician's week) with it selected, so
// a booking made for next Tuesday is not left on a day nobody is looking
// at. The caller reloads (said does).
func (s *calendarScreen) follow(a schedule.Appointment) {
	if !a.Date.IsZero() {
		s.date = a.Date
	}
	if s.mode == calendarWeek && a.ClinicianID != "" && a.ClinicianID != s.weekWho {
		s.weekWho = a.ClinicianID // first, so the chooser's change does not load again
		for i, cl := range s.clinicians {
			if cl.ID == a.ClinicianID {
				s.whoSelect.SetSelectedIndex(i)
			}
		}
	}
	s.followID = a.ID
}

// selectFollowed puts the grid's cursor on the appointment followed, in
// view, with the grid given the keyboard so its card shows and the arrow
// keys carry on from it. On a day just come to it is scrolled near the
// top, not left on the bottom edge; on the same day the view stays put
// unless it is out of sight.
func (s *calendarScreen) selectFollowed(newView bool) {
	id := s.followID
	if id == "" {
		return
	}
	s.followID = ""
	e, ok := s.entries[id]
	if !ok {
		return // not on this view (cancelled and hidden)
	}
	for col := range s.columnWho {
		if s.columnWho[col] == e.ClinicianID && s.columnDate[col] == e.Date {
			if newView {
				s.grid.ScrollTo(e.StartMin - 60)
			}
			s.grid.SetCursor(col, e.StartMin)
			if s.booking == nil && s.details == nil {
				s.grid.Focus()
			}
			return
		}
	}
}
