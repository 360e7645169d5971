package screens

import "clinicdesk/app/ukcal"

// showDayAhead shows the list for offset days from today (0: today), to
// prepare tomorrow's or next Monday's at the end of the day.
func (s *todayScreen) showDayAhead(offset int) {
	s.offset = max(offset, 0)
	if s.offset == 0 {
		s.earlier.Disable()
		s.dayTitle.SetText("Today's appointments")
	} else {
		s.earlier.Enable()
		day := ukcal.Today(s.now()).AddDays(s.offset)
		if s.offset == 1 {
			s.dayTitle.SetText("Tomorrow's appointments")
		} else {
			s.dayTitle.SetText("Appointments on " + dayWords(s.offset, day))
		}
	}
	s.scrolled = s.offset != 0 // only today's list starts at who is due now
	s.list.cursor = 0
	s.reload()
}

// dayWords names a day ahead as the desk says it: "tomorrow", or
// "Tuesday 8 December".
func dayWords(offset int, day ukcal.Date) string {
	if offset == 1 {
		return "tomorrow"
	}
	return day.Format(ukcal.LayoutDayMonthWithDay)
}
