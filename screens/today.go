package screens

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayLookBack is how far before now the day's list starts when it
// opens, in minutes, so a patient a little late is still in view.
const todayLookBack = 30

// todaySideWidth is the column of bank holidays and backups beside the
// day's list.
const todaySideWidth = 250

// todayScreen is the landing screen: who is signed in, today's date,
// today's appointments with their arrivals, the coming bank holidays and,
// for a practice manager, whether backups are being made.
type todayScreen struct {
	widget.BaseWidget

	ctx     *Context
	now     func() time.Time
	content fyne.CanvasObject

	greeting *widget.Label
	date     *widget.Label
	holidays *fyne.Container
	region   ukcal.Region // whose bank holidays the clinic keeps

	// The day the list shows: today, or a day ahead to prepare for
	// (offset in days from today; never before today).
	offset   int
	dayTitle *widget.Label
	earlier  *widget.Button
	canMark  bool // the user may mark arrivals

	holidaysCard *widget.Card

	// Today's appointments (nil for someone who may not see the book).
	day      ukcal.Date
	appts    []schedule.DiaryEntry
	natural  [3]float32 // what the flexible columns need for the day shown
	header   *fyne.Container
	list     *todayList
	counts   *widget.Label
	message  *widget.Label
	listArea *fyne.Container // the list, or what to do when there is none
	table    fyne.CanvasObject
	empty    *widget.Label
	seq      int  // bumped by each load; older answers are dropped
	scrolled bool // the list has been brought to the time now, once

	// My tasks (nil for someone who may not see the lists).
	tasks *todayTasks
	// Referrals at risk (nil for someone who may not see the list).
	referrals *todayReferrals

	// Backups (practice managers only; nil for everyone else).
	backupCard    *widget.Card
	backupIcon    *widget.Icon
	backupMessage *widget.Label
	backupButton  *widget.Button
}

func newTodayScreen(ctx *Context) *todayScreen {
	return &todayScreen{ctx: ctx, now: wallClock}
}

func (s *todayScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// letGo drops the day's appointments read, and any still on its way
// (Context.onLeave).
func (s *todayScreen) letGo() {
	s.appts = nil
	s.seq++
}

func (s *todayScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	now := ukcal.Wall(s.now())

	s.greeting = widget.NewLabel("")
	s.greeting.SizeName = theme.SizeNameHeadingText
	s.greeting.TextStyle.Bold = true
	s.date = widget.NewLabel(ukcal.WallDate(now).LongWithDay())
	s.date.SizeName = theme.SizeNameSubHeadingText
	s.showGreeting(now)

	// One line, so the day's list below gets the height. The clinic's
	// name is in the top bar already.
	line := container.NewHBox(s.greeting, layout.NewSpacer(), s.date)
	top := container.NewVBox(line)

	s.region = s.ctx.Clinic.BankHolidayRegion()
	s.holidaysCard = widget.NewCard("Bank holidays", s.region.Name(), s.holidayList(now))

	cards := container.NewVBox(s.holidaysCard)
	top.Add(newTodayChecklist(s.ctx, s.relayout)) // a new clinic's set-up, the phone and address among it
	addTodayComplaints(s.ctx, cards)
	addTodaySafeguarding(s.ctx, cards) // above the complaints: a child comes first
	addTodaySAR(s.ctx, cards)
	s.referrals = addTodayReferrals(s.ctx, cards) // above the complaints: a clock the clinic must act on
	s.tasks = addTodayTasks(s.ctx, cards)         // first: the promises made to patients
	if s.ctx.Clinic.Can(app.PermBackup) {
		s.backupIcon = widget.NewIcon(theme.InfoIcon())
		s.backupMessage = wrapped("")
		s.backupButton = widget.NewButtonWithIcon("Go to Backups", theme.SettingsIcon(), s.openBackups)
		body := container.NewBorder(nil, container.NewHBox(s.backupButton), container.NewVBox(s.backupIcon), nil, s.backupMessage)
		s.backupCard = widget.NewCard("Backups", "", body)
		s.showBackupStatus()
		cards.Add(s.backupCard)
	}

	if !s.ctx.Clinic.Can(app.PermViewCalendar) {
		s.content = newFocusScroll(container.NewPadded(container.NewVBox(top, widget.NewSeparator(), cards)))
		return s
	}
	// The day's list is what the desk works from: it takes the room, with
	// the holidays and backups beside it.
	side := container.New(&fixedWidth{width: todaySideWidth}, newFocusScroll(cards))
	s.content = container.NewPadded(container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, side,
		s.buildAppointments()))
	s.reload()
	return s
}

// relayout lays the screen out again after a part of it changed height.
func (s *todayScreen) relayout() {
	if s.content != nil {
		s.content.Refresh()
	}
}

// showGreeting greets the user by first name, as the time of day suits.
func (s *todayScreen) showGreeting(now time.Time) {
	part := "Good evening"
	switch h := now.Hour(); {
	case h < 12:
		part = "Good morning"
	case h < 18:
		part = "Good afternoon"
	}
	if sess, ok := s.ctx.Clinic.Session(); ok {
		if name := firstName(sess.User.FullName); name != "" {
			part += ", " + name
		}
	}
	s.greeting.SetText(part)
}

// --- today's appointments ---

func (s *todayScreen) buildAppointments() fyne.CanvasObject {
	cols := todayRow{natural: &s.natural}
	s.canMark = s.ctx.Clinic.Can(app.PermAppointmentStatus)
	s.list = newTodayList(cols, func() []schedule.DiaryEntry { return s.appts }, s.canMark)
	s.list.childUnder = childUnderAge(s.ctx)
	s.list.onOpen = s.openPatient
	s.list.onArrive = s.toggleArrived
	s.counts = widget.NewLabel("")
	// One line beside the counts: a message must never push the rows
	// down under the pointer between two clicks.
	s.message = cell()
	s.message.Alignment = fyne.TextAlignTrailing
	s.dayTitle = heading("Today's appointments")
	s.earlier = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.showDayAhead(s.offset - 1) })
	later := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.showDayAhead(s.offset + 1) })
	backToday := widget.NewButton("Today", func() { s.showDayAhead(0) })
	s.earlier.Disable()
	// The arrows before the heading: its length changes with the day
	// ("Tomorrow's appointments"), and the buttons must not move under
	// the pointer between two clicks.
	title := container.NewHBox(s.earlier, later, backToday, s.dayTitle)
	keys := widget.NewLabel("Enter opens the patient · A marks arrived")
	keys.SizeName = theme.SizeNameCaptionText // a reminder, quieter than the list but readable
	var titles []fyne.CanvasObject
	for _, t := range []string{"Time", "", "Patient", "Type", "Clinician", "Status"} {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		titles = append(titles, l)
	}
	s.header = container.New(cols, titles...)
	header := s.header
	s.table = container.NewBorder(header, nil, nil, nil, s.list)
	s.empty = wrapped("")
	openCalendar := widget.NewButtonWithIcon("Open the Calendar", theme.CalendarIcon(), func() { s.ctx.Open(calendarModuleID) })
	emptyState := container.NewVBox(s.empty, container.NewHBox(openCalendar))
	s.listArea = container.NewStack(s.table, emptyState)
	emptyState.Hide()
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, title, keys),
		container.NewBorder(nil, nil, s.counts, nil, s.message)), nil, nil, nil, s.listArea)
}

// reload reads today's appointments off the UI goroutine and shows them.
func (s *todayScreen) reload() {
	s.seq++
	seq := s.seq
	s.day = ukcal.Today(s.now()).AddDays(s.offset)
	s.list.canMark = s.canMark && s.offset == 0 // arrivals happen on the day
	c, day := s.ctx.Clinic, s.day
	offUI(s.ctx, func() ([]schedule.DiaryEntry, error) { return c.TodayList(day) }, func(appts []schedule.DiaryEntry, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			say(s.message, widget.DangerImportance, "Today's appointments could not be read: "+plainError(err))
			return
		}
		s.showAppointments(appts)
	})
}

// showAppointments fills the list, the count line and the empty state.
func (s *todayScreen) showAppointments(appts []schedule.DiaryEntry) {
	s.appts = appts
	s.counts.SetText(todayCounts(appts))
	table, empty := s.listArea.Objects[0], s.listArea.Objects[1]
	if len(appts) == 0 {
		s.empty.SetText(s.emptyText())
		table.Hide()
		empty.Show()
		s.counts.SetText("")
		return
	}
	empty.Hide()
	table.Show()
	s.natural = todayNaturalWidths(appts)
	s.header.Refresh()
	s.list.cursor = min(s.list.cursor, len(appts)-1)
	s.list.Refresh()
	if !s.scrolled {
		// A full day runs off the screen: start at who is due now.
		s.scrolled = true
		now := ukcal.Wall(s.now())
		due := now.Hour()*60 + now.Minute() - todayLookBack
		for i, a := range appts {
			if a.StartMin >= due {
				s.list.cursor = i
				s.list.ScrollTo(i)
				break
			}
		}
	}
}

// emptyText says why the list is empty and what to do about it.
func (s *todayScreen) emptyText() string {
	day := s.day
	when := "today"
	switch {
	case s.offset == 1:
		when = "tomorrow"
	case s.offset > 1:
		when = "on " + dayWords(s.offset, day)
	}
	switch {
	case s.region.IsHoliday(day):
		return "No appointments " + when + ": it is a bank holiday. Bookings for the coming days are in the Calendar."
	case day.IsWeekend():
		return "No appointments " + when + ". Bookings for the coming week are in the Calendar."
	case s.offset > 0:
		return "No appointments booked for " + strings.TrimPrefix(when, "on ") + " yet. Book them from the Calendar."
	}
	text := "No appointments booked for today yet. Book one from the Calendar (click an empty slot), " +
		"or from a patient's record with “Book appointment…”."
	if !s.ctx.Clinic.Can(app.PermBookAppointments) {
		text = "No appointments booked for today. The front desk books them in the Calendar."
	}
	return text
}

// todayCounts is the count line: "14 booked · 6 arrived · 3 seen · 1 did
// not attend". Booked counts every appointment of the day (cancelled ones
// are not listed); the others count where each one has got to.
func todayCounts(appts []schedule.DiaryEntry) string {
	n := map[schedule.Status]int{}
	for _, a := range appts {
		n[a.Status]++
	}
	parts := []string{fmt.Sprintf("%d booked", len(appts)), fmt.Sprintf("%d arrived", n[schedule.StatusArrived])}
	if n[schedule.StatusInProgress] > 0 {
		parts = append(parts, fmt.Sprintf("%d in progress", n[schedule.StatusInProgress]))
	}
	parts = append(parts, fmt.Sprintf("%d seen", n[schedule.StatusSeen]), fmt.Sprintf("%d did not attend", n[schedule.StatusDNA]))
	return strings.Join(parts, " · ")
}

// arrivalChange is what the arrival button (or A) does to an appointment:
// mark it arrived, or undo an arrival; ok is false when neither applies.
func arrivalChange(status schedule.Status) (to schedule.Status, label string, ok bool) {
	switch status {
	case schedule.StatusBooked:
		return schedule.StatusArrived, "Arrived", true
	case schedule.StatusDNA:
		return schedule.StatusArrived, "Arrived", true // late: the status beside it says they had not come
	case schedule.StatusArrived:
		return schedule.StatusBooked, "Undo", true
	}
	return "", "", false
}

// toggleArrived marks row i arrived, or undoes its arrival, then reads
// the day again so the list and the counts agree with the store.
func (s *todayScreen) toggleArrived(i int) {
	if i < 0 || i >= len(s.appts) || !s.ctx.Clinic.Can(app.PermAppointmentStatus) {
		return
	}
	e := s.appts[i]
	to, _, ok := arrivalChange(e.Status)
	if !ok {
		say(s.message, widget.WarningImportance, fmt.Sprintf("%s is marked %s: change that in the Calendar.",
			e.PatientName, strings.ToLower(e.Status.Label())))
		return
	}
	c := s.ctx.Clinic
	offUI(s.ctx, func() (app.StatusResult, error) { return c.SetStatus(e.ID, to, "") }, func(r app.StatusResult, err error) {
		if err != nil {
			say(s.message, widget.DangerImportance, plainError(err))
		} else if to == schedule.StatusArrived {
			say(s.message, widget.SuccessImportance, fmt.Sprintf("%s arrived at %s (%s, %s).", e.PatientName,
				ukcal.WallClock(r.Appointment.StatusAt), schedule.Clock(e.StartMin), e.ClinicianName))
		} else {
			say(s.message, widget.MediumImportance, fmt.Sprintf("%s's arrival undone: booked again.", e.PatientName))
		}
		s.reload()
	})
}

// openPatient opens row i's patient record in the Patients module.
func (s *todayScreen) openPatient(i int) {
	if i >= 0 && i < len(s.appts) {
		openPatientRecord(s.ctx, s.appts[i].PatientID)
	}
}

// openPatientRecord goes to the Patients module and opens one record
// there. The shell builds the module afresh; it is found in the window
// to hand it the record.
func openPatientRecord(ctx *Context, id string) {
	if ctx.Open == nil {
		return
	}
	pendingPatientRecord = id
	ctx.Open(patientsModuleID)
}
