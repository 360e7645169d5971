package screens

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/screens/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarModuleID is the Calendar screen's ID (`clinicdesk demo --screen calendar`).
const calendarModuleID = "calendar"

// calendarNowTick is how often the today line moves; tests turn it off
// (0) so no timer delivers work behind their back.
var calendarNowTick = 30 * time.Second

// Day and week, as the toggle says them.
const (
	calendarDay  = "Day"
	calendarWeek = "Week"
)

// calendarScreen is the appointment book: the toolbar, the grid of one
// day (every clinician) or one week (one clinician), and the waiting list.
type calendarScreen struct {
	widget.BaseWidget

	ctx     *Context
	now     func() time.Time
	content fyne.CanvasObject

	date       ukcal.Date // the day shown, or a day of the week shown
	mode       string     // calendarDay or calendarWeek
	clinicians []schedule.Clinician
	weekWho    string // the clinician of the week view
	gridChoice int    // 0: the clinic's grid

	showCancelled  bool // cancelled appointments on the grid (off by default)
	cancelledCheck *widget.Check

	dateButton *widget.Button
	// printButton drops down the day's printing; nil for a clinician.
	printButton *widget.Button
	modeToggle  *calendarModeToggle
	whoSelect   *widget.Select
	whoBox      *fyne.Container // the clinician chooser, shown in the week view only
	gridSelect  *widget.Select
	banner      *widget.Label
	message     *widget.Label
	grid        *widgets.AppointmentGrid
	waiting     *calendarWaiting
	side        *fyne.Container // the waiting list, when shown
	monthPopUp  *widget.PopUp

	// What the grid shows: the column's clinician and date, and the
	// entries by appointment ID.
	columnWho  []string
	columnDate []ukcal.Date
	entries    map[string]schedule.DiaryEntry
	shownKey   string // the mode, date and clinician last shown
	seq        int    // bumped by each load; older answers are dropped
	loaded     int    // the seq of the view shown

	booking *calendarBooking // the booking dialog open now, if any
	details *calendarDetails // the appointment dialog open now, if any
	// followID is the appointment the next load selects: one just booked
	// or moved, so the calendar shows where the work went.
	followID string

	// forPatient is the patient being booked for, when the Calendar was
	// opened from their record: every slot tapped or found books them,
	// until they are booked or the desk stops.
	forPatient *calendarSlot
	forBanner  *fyne.Container
	forLabel   *widget.Label
}

// pendingBooking is a booking asked for from a patient's record; the
// Calendar takes it up the next time it is built.
var pendingBooking *calendarSlot

// bookForPatient goes to the Calendar to book an appointment for a
// patient: the booking dialog opens at the first free time, with them
// chosen, and the grid and the next-free-slot finder book them too.
func bookForPatient(ctx *Context, patientID, name string) {
	pendingBooking = &calendarSlot{PatientID: patientID, PatientName: name}
	if ctx.Open != nil {
		ctx.Open(calendarModuleID)
	}
}

// bookForReferral is bookForPatient for a referral's first appointment:
// the booking is linked to the referral, so booking it, and later marking
// it seen or DNA, goes on the referral's pathway without retyping.
func bookForReferral(ctx *Context, patientID, name, referralID, from string) {
	pendingBooking = &calendarSlot{PatientID: patientID, PatientName: name, ReferralID: referralID, ReferralFrom: from}
	if ctx.Open != nil {
		ctx.Open(calendarModuleID)
	}
}

func newCalendarScreen(ctx *Context) *calendarScreen {
	s := &calendarScreen{ctx: ctx, now: wallClock, mode: calendarDay}
	s.date = ukcal.Today(s.now())
	return s
}

func (s *calendarScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// letGo drops the appointments read and the grid's blocks, and any still
// on their way (Context.onLeave).
func (s *calendarScreen) letGo() {
	s.entries = nil
	s.seq++
	if s.grid != nil {
		s.grid.SetBlocks(nil)
	}
}

func (s *calendarScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	c := s.ctx.Clinic
	// The clinicians are a short list: read here, on the UI goroutine, as
	// the screen is built; the appointment book itself is read off it.
	clinicians, cliniciansErr := c.Clinicians(false)
	s.clinicians = clinicians

	today := widget.NewButtonWithIcon("Today", theme.HomeIcon(), s.goToday)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(1) })
	s.dateButton = widget.NewButtonWithIcon("", theme.CalendarIcon(), s.showMonth)
	s.dateButton.Importance = widget.LowImportance

	s.modeToggle = newCalendarModeToggle(s.mode, s.setMode)

	var names []string
	for _, cl := range s.clinicians {
		names = append(names, cl.Name)
	}
	s.whoSelect = widget.NewSelect(names, func(name string) {
		for _, cl := range s.clinicians {
			if cl.Name == name && cl.ID != s.weekWho {
				s.weekWho = cl.ID
				if s.mode == calendarWeek {
					s.reload()
				}
			}
		}
	})
	s.whoSelect.PlaceHolder = "Clinician"
	if len(s.clinicians) > 0 {
		s.weekWho = s.clinicians[0].ID
		s.whoSelect.SetSelectedIndex(0)
	}

	s.whoBox = container.New(&fixedWidth{width: 170}, s.whoSelect)

	s.gridSelect = widget.NewSelect([]string{"5 min", "10 min", "15 min"}, func(v string) {
		n, _ := strconv.Atoi(strings.TrimSuffix(v, " min")) // the options above, all numbers
		if n != s.gridChoice {
			s.gridChoice = n
			s.grid.SetStep(n)
		}
	})
	s.gridSelect.PlaceHolder = "Grid"

	// Cancelled appointments stay off the grid unless asked for: shown,
	// each one halves the column beside the appointment that took its
	// place, and ten clinicians' columns are narrow enough already.
	s.cancelledCheck = widget.NewCheck("Cancelled", func(on bool) {
		if on != s.showCancelled {
			s.showCancelled = on
			s.reload()
		}
	})
	nextFree := widget.NewButtonWithIcon("Next free slot…", theme.SearchIcon(), s.openNextFree)
	waitingButton := widget.NewButtonWithIcon("Waiting list", theme.ListIcon(), s.toggleWaiting)
	actions := container.NewHBox(s.modeToggle.box, s.whoBox,
		container.New(&fixedWidth{width: 92}, s.gridSelect), s.cancelledCheck, nextFree, waitingButton)
	if s.printButton = newCalendarPrintButton(s.ctx, func() ukcal.Date { return s.date }); s.printButton != nil {
		actions.Add(s.printButton)
	}

	s.grid = widgets.NewAppointmentGrid()
	s.grid.OnEmptySlot = s.bookAt
	s.grid.OnBlock = s.openAppointment
	s.grid.OnPageUp = func() { s.step(-1) }
	s.grid.OnPageDown = func() { s.step(1) }
	if c.Can(app.PermBookAppointments) {
		s.grid.OnMoveBlock = s.proposeMove
	}

	s.banner = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.banner.Importance = widget.WarningImportance
	s.banner.Hide()
	s.message = note()
	if cliniciansErr != nil {
		say(s.message, widget.DangerImportance, "The clinicians could not be read: "+plainError(cliniciansErr))
	}

	s.waiting = newCalendarWaiting(s)
	s.side = container.NewStack()

	s.forLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.forLabel.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButtonWithIcon("Stop", theme.CancelIcon(), s.stopBookingFor)
	s.forBanner = container.NewBorder(nil, nil, widget.NewIcon(theme.AccountIcon()), stop, s.forLabel)
	s.forBanner.Hide()

	wrap := &calendarToolbarLayout{}
	toolbar := container.New(wrap,
		container.NewHBox(today, prev, next, s.dateButton), actions)
	top := container.NewVBox(toolbar, s.forBanner, s.banner, keepLine(s.message))
	if len(s.clinicians) == 0 {
		s.content = container.NewPadded(container.NewVBox(heading("No clinicians yet"),
			wrapped("The appointment book needs at least one clinician with working hours. "+
				"Your practice manager sets them up in Settings, with the rooms and the appointment types.")))
		return s
	}
	s.content = container.NewPadded(container.NewBorder(top, nil, nil, s.side, s.grid))
	// Wrapping makes the toolbar taller: the screen lays out again for it.
	wrap.onWrap = func() { s.content.Refresh() }
	s.reload()
	s.startClock()
	if pendingBooking != nil {
		slot := *pendingBooking
		pendingBooking = nil
		s.startBookingFor(slot)
	}
	return s
}

// startBookingFor holds the patient for the bookings to come and opens
// the booking dialog at the first free time of the clinic's first type
// (any clinician, from now).
func (s *calendarScreen) startBookingFor(p calendarSlot) {
	s.forPatient = &p
	forWhat := ""
	if p.ReferralID != "" {
		forWhat = " (their referral's first appointment)"
	}
	s.forLabel.SetText("Booking for " + p.PatientName + forWhat + ": the next slot you choose, or find with “Next free slot…”, is theirs.")
	s.forBanner.Show()
	c := s.ctx.Clinic
	today := ukcal.Today(s.now())
	first := calendarSlot{Date: today, Start: schedule.Clock(9 * 60)}
	if len(s.clinicians) > 0 {
		first.ClinicianID = s.clinicians[0].ID
	}
	// Both reads off the UI goroutine. The dialog opens whatever they
	// find, at 09:00 today when nothing is free or it could not be read
	// (then the message says so: the desk chooses a time itself).
	var typeID string
	offUI(s.ctx, func() ([]app.FreeSlot, error) {
		types, err := c.AppointmentTypes(false)
		if err != nil || len(types) == 0 {
			return nil, err
		}
		typeID = types[0].ID
		return c.NextFreeSlots(app.FreeSlotQuery{TypeID: typeID, PatientID: p.PatientID, From: today, Max: 1})
	}, func(found []app.FreeSlot, err error) {
		if s.forPatient == nil {
			return // stopped meanwhile
		}
		if err != nil {
			s.said(widget.WarningImportance, "The first free time could not be found: "+plainError(err)+" Choose a time for "+p.PatientName+".")
		}
		first.TypeID = typeID
		if len(found) > 0 {
			f := found[0]
			first = calendarSlot{ClinicianID: f.ClinicianID, Date: f.Date, Start: f.Start, TypeID: typeID}
			if f.Date != s.date {
				s.goTo(f.Date)
			}
		}
		s.openBooking(first)
	})
}

// stopBookingFor lets go of the patient held for booking.
func (s *calendarScreen) stopBookingFor() {
	s.forPatient = nil
	s.forBanner.Hide()
}

// calendarLoad is one view read from the app.
type calendarLoad struct {
	day  app.DayView
	week app.WeekView
}

// reload reads the day or week shown off the UI goroutine and redraws.
func (s *calendarScreen) reload() {
	s.seq++
	seq := s.seq
	mode, date, who := s.mode, s.date, s.weekWho
	c := s.ctx.Clinic
	s.showDate()
	if mode == calendarWeek {
		s.whoBox.Show()
	} else {
		s.whoBox.Hide()
	}
	offUI(s.ctx, func() (calendarLoad, error) {
		var l calendarLoad
		var err error
		if mode == calendarWeek {
			l.week, err = c.WeekView(who, date)
		} else {
			l.day, err = c.DayView(date)
		}
		return l, err
	}, func(l calendarLoad, err error) {
		if seq != s.seq {
			return
		}
		s.loaded = seq
		if err != nil {
			say(s.message, widget.DangerImportance, "The appointment book could not be read: "+plainError(err))
			return
		}
		if mode == calendarWeek {
			s.showWeek(l.week)
		} else {
			s.showDay(l.day)
		}
	})
}

// showDate writes the date (or the week) on the button that opens the month.
func (s *calendarScreen) showDate() {
	if s.mode == calendarWeek {
		s.dateButton.SetText(weekText(app.MondayOf(s.date)))
		return
	}
	s.dateButton.SetText(s.date.LongWithDay())
}

// showDay puts one day of every clinician on the grid.
func (s *calendarScreen) showDay(v app.DayView) {
	today := ukcal.Today(s.now())
	var cols []widgets.Column
	s.columnWho, s.columnDate = nil, nil
	for _, cd := range v.Columns {
		col := widgets.Column{Title: cd.Clinician.Name, ShortTitle: shortName(cd.Clinician.Name),
			Subtitle: cd.Clinician.Role, Colour: hexColour(cd.Clinician.Colour),
			Working: widgetSpans(cd.Hours), Today: v.Date == today}
		col.Banner = dayBanner(v.Notice, len(cd.Hours) > 0, len(v.OpeningHours) > 0)
		cols = append(cols, col)
		s.columnWho = append(s.columnWho, cd.Clinician.ID)
		s.columnDate = append(s.columnDate, v.Date)
	}
	s.showBanner(v.Notice)
	s.fill(cols, v.Columns, v.GridMinutes, v.OpeningHours)
}

// showWeek puts one clinician's week on the grid, a column a day.
func (s *calendarScreen) showWeek(v app.WeekView) {
	today := ukcal.Today(s.now())
	var cols []widgets.Column
	s.columnWho, s.columnDate = nil, nil
	for i, cd := range v.Days {
		sub := "" // the banner says "Day off"
		if len(cd.Hours) > 0 {
			var parts []string
			for _, h := range cd.Hours {
				parts = append(parts, h.Start.String()+"–"+h.End.String())
			}
			sub = strings.Join(parts, ", ")
		}
		col := widgets.Column{Title: cd.Date.Format(ukcal.LayoutColumn), Subtitle: sub, Colour: hexColour(v.Clinician.Colour),
			Working: widgetSpans(cd.Hours), Today: cd.Date == today}
		if i < len(v.Notices) {
			col.Banner = dayBanner(v.Notices[i], len(cd.Hours) > 0, true) // one person's week: their day off
		}
		cols = append(cols, col)
		s.columnWho = append(s.columnWho, v.Clinician.ID)
		s.columnDate = append(s.columnDate, cd.Date)
	}
	s.showBanner(app.DayNotice{})
	s.fill(cols, v.Days, v.GridMinutes, nil)
}

// fill hands columns and appointments to the grid, with a range that
// covers the working day and anything booked outside it.
func (s *calendarScreen) fill(cols []widgets.Column, days []app.ClinicianDay, grid int, opening []schedule.Span) {
	start, end := 8*60, 18*60
	widen := func(a, b int) {
		start, end = min(start, a/60*60), max(end, (b+59)/60*60)
	}
	for _, sp := range opening {
		widen(int(sp.Start), int(sp.End))
	}
	var blocks []widgets.Block
	s.entries = map[string]schedule.DiaryEntry{}
	childUnder := childUnderAge(s.ctx)
	for i, cd := range days {
		for _, sp := range cd.Hours {
			widen(int(sp.Start), int(sp.End))
		}
		for _, e := range cd.Appointments {
			if e.Status.Cancelled() && !s.showCancelled {
				continue
			}
			widen(e.StartMin, e.EndMin)
			s.entries[e.ID] = e
			b := diaryBlock(e, i)
			b.Born = bornText(s.ctx.Clinic, e.PatientDOB)
			if app.EntryNotBrought(e, childUnder) {
				b.StatusText = app.LabelNotBrought
			}
			blocks = append(blocks, b)
		}
	}
	s.grid.SetDayRange(start, end)
	if s.gridChoice == 0 && grid > 0 {
		s.grid.SetStep(grid)
		s.gridSelect.Selected = fmt.Sprintf("%d min", grid)
		s.gridSelect.Refresh()
	}
	s.grid.SetColumns(cols)
	s.grid.SetBlocks(blocks)
	s.grid.SetNow(s.nowMinute())
	// A new day or week starts at the working day; a reload of the same
	// one (after a booking or a status change) stays where the desk was.
	newView := false
	if key := fmt.Sprint(s.mode, s.date, s.weekWho); key != s.shownKey {
		s.shownKey, newView = key, true
		s.grid.ScrollToWorkingStart()
	}
	s.selectFollowed(newView)
}

// showBanner says when the whole day is a bank holiday or closure.
func (s *calendarScreen) showBanner(n app.DayNotice) {
	var parts []string
	if n.BankHoliday != "" {
		parts = append(parts, "Bank holiday: "+n.BankHoliday)
	}
	if n.Closure != "" {
		parts = append(parts, "Clinic closed: "+n.Closure)
	}
	if len(parts) == 0 {
		s.banner.Hide()
		return
	}
	s.banner.SetText(strings.Join(parts, " · ") + ". Bookings need a reason.")
	s.banner.Show()
}

// dayBanner is a column's banner: the holiday or closure, a day the
// clinic does not open, or a day off. A weekend said "Day off" under every
// name, as if the whole team had booked leave; it says so in the columns,
// not over the grid, where a banner would move the grid every weekend.
func dayBanner(n app.DayNotice, working, clinicOpen bool) string {
	switch {
	case n.BankHoliday != "":
		return "Bank holiday"
	case n.Closure != "":
		return "Closed: " + n.Closure
	case !working && !clinicOpen:
		return "Clinic not open"
	case !working:
		return "Day off"
	}
	return ""
}

func widgetSpans(spans []schedule.Span) []widgets.Span {
	out := make([]widgets.Span, len(spans))
	for i, sp := range spans {
		out[i] = widgets.Span{Start: int(sp.Start), End: int(sp.End)}
	}
	return out
}

// hexColour reads "#rrggbb"; anything else is no colour.
func hexColour(s string) color.Color {
	if len(s) != 7 || s[0] != '#' {
		return nil
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return nil
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// nowMinute is the clinic's wall-clock minute now.
func (s *calendarScreen) nowMinute() int {
	t := ukcal.Wall(s.now())
	return t.Hour()*60 + t.Minute()
}

// startClock moves the today line while the screen is on show, and ends
// when it is left or the app locks (Context.Left).
func (s *calendarScreen) startClock() {
	if calendarNowTick <= 0 {
		return
	}
	left := s.ctx.Left()
	go func() {
		t := time.NewTicker(calendarNowTick)
		defer t.Stop()
		for {
			select {
			case <-left:
				return
			case <-t.C:
			}
			fyne.Do(func() {
				select {
				case <-left: // left while the tick waited for the UI
				default:
					s.grid.SetNow(s.nowMinute())
				}
			})
		}
	}()
}

// setMode switches between the day and the week.
func (s *calendarScreen) setMode(m string) {
	if m != s.mode {
		s.mode = m
		s.reload()
	}
}

// goToday shows today.
func (s *calendarScreen) goToday() {
	clearSuccess() // "Booked." was about the day she is leaving
	s.date = ukcal.Today(s.now())
	s.reload()
}

// step moves a day (or a week) back or on.
func (s *calendarScreen) step(n int) {
	if s.mode == calendarWeek {
		n *= 7
	}
	clearSuccess()
	s.date = s.date.AddDays(n)
	s.reload()
}

// goTo shows a date in the current mode.
func (s *calendarScreen) goTo(d ukcal.Date) {
	s.date = d
	s.reload()
}

// showMonth opens the month overview under the date; choosing a day goes
// there.
func (s *calendarScreen) showMonth() {
	cal := widget.NewCalendar(s.date.Time(), func(t time.Time) {
		if s.monthPopUp != nil {
			s.monthPopUp.Hide()
		}
		clearSuccess()
		s.goTo(ukcal.DateOf(t))
	})
	s.monthPopUp = widget.NewPopUp(cal, s.ctx.Window.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.dateButton)
	s.monthPopUp.ShowAtPosition(pos.AddXY(0, s.dateButton.Size().Height))
}

// toggleWaiting shows or hides the waiting list beside the grid.
func (s *calendarScreen) toggleWaiting() {
	if len(s.side.Objects) > 0 {
		s.side.Objects = nil
	} else {
		s.side.Objects = []fyne.CanvasObject{s.waiting.build()}
		s.waiting.reload()
	}
	s.side.Refresh()
}

// slotOf is the clinician and date of a grid column.
func (s *calendarScreen) slotOf(column int) (who string, date ukcal.Date, ok bool) {
	if column < 0 || column >= len(s.columnWho) {
		return "", ukcal.Date{}, false
	}
	return s.columnWho[column], s.columnDate[column], true
}

// bookAt opens the booking dialog at an empty cell.
func (s *calendarScreen) bookAt(column, minute int) {
	who, date, ok := s.slotOf(column)
	if !ok || !s.ctx.Clinic.Can(app.PermBookAppointments) {
		return
	}
	s.openBooking(calendarSlot{ClinicianID: who, Date: date, Start: schedule.Clock(minute)})
}

// said reports something done above the grid, and redraws it.
func (s *calendarScreen) said(imp widget.Importance, text string) {
	say(s.message, imp, text)
	s.reload()
}
