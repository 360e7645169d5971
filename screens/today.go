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

// bankHolidaysShown is how many coming bank holidays the landing screen lists.
const bankHolidaysShown = 4

// todayLookBack is how far before now the day's list starts when it
// opens, in minutes, so a patient a little late is still in view.
const todayLookBack = 30

// todaySideWidth is the column of bank holidays and backups beside the
// day's list.
const todaySideWidth = 210

// backupOverdue is how old the last backup may be before the manager is warned.
const backupOverdue = 24 * time.Hour

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
	appts    []app.DiaryEntry
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

func (s *todayScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
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

// comingHolidays lists the region's next bank holidays from today (today
// included).
func comingHolidays(region ukcal.Region, today ukcal.Date, n int) []ukcal.Holiday {
	var out []ukcal.Holiday
	for year := today.Year(); year <= today.Year()+1 && len(out) < n; year++ {
		for _, h := range ukcal.Holidays(region, year) {
			if !h.Date.Before(today) && len(out) < n {
				out = append(out, h)
			}
		}
	}
	return out
}

// holidayList is the coming bank holidays, one a line: the date, the
// holiday and how far off it is.
func (s *todayScreen) holidayList(now time.Time) fyne.CanvasObject {
	today := ukcal.DateOf(now)
	list := container.NewVBox()
	for _, h := range comingHolidays(s.region, today, bankHolidaysShown) {
		title := h.Title
		if h.Substitute {
			title += " (substitute day)"
		}
		var when string
		switch days := today.DaysUntil(h.Date); days {
		case 0:
			when = "today"
		case 1:
			when = "tomorrow"
		default:
			when = fmt.Sprintf("in %d days", days)
		}
		// Two lines a holiday, so they fit the column beside the day's list.
		date := widget.NewLabelWithStyle(h.Date.LongWithDay(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		date.Truncation = fyne.TextTruncateEllipsis
		name := cell()
		name.SetText(title + ", " + when)
		list.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), date, name))
	}
	s.holidays = list
	return list
}

// showBackupStatus says when the last backup was made, and warns when
// automatic backups are off or the last one is over a day old.
func (s *todayScreen) showBackupStatus() {
	b, err := s.ctx.Clinic.BackupSettings()
	if err != nil {
		s.backupIcon.SetResource(theme.ErrorIcon())
		s.backupMessage.SetText("The backup settings could not be read: " + plainError(err))
		s.backupMessage.Importance = widget.DangerImportance
		return
	}
	now := s.now()
	var text string
	warn := true
	switch {
	case b.Folder == "" && b.Last.IsZero():
		text = "No backup has been made yet, and automatic backups are off. Choose a backup folder on a USB stick or another disk: ClinicDesk then makes a backup there each time it closes."
	case b.Folder == "":
		text = fmt.Sprintf("Automatic backups are off: no backup folder is set. The last backup was made %s. Choose a folder on a USB stick or another disk so that a backup is made each time ClinicDesk closes.", whenSaid(b.Last, now))
	case b.Last.IsZero():
		text = fmt.Sprintf("No backup has been made yet. One will be made in %s when ClinicDesk closes, or make one now from Backups.", b.Folder)
	case now.Sub(b.Last) > backupOverdue:
		text = fmt.Sprintf("The last backup was made %s, more than a day ago. Check that the backup drive (%s) is plugged in, then make a backup now.", whenSaid(b.Last, now), b.Folder)
	default:
		warn = false
		text = fmt.Sprintf("The last backup was made %s. Automatic backups go to %s each time ClinicDesk closes and once a day.", whenSaid(b.Last, now), b.Folder)
	}
	s.backupMessage.SetText(text)
	if warn {
		s.backupCard.SetSubTitle("Needs attention")
		s.backupIcon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		s.backupMessage.Importance = widget.WarningImportance
		s.backupButton.Importance = widget.HighImportance
		s.backupButton.SetText("Set up backups")
	} else {
		s.backupCard.SetSubTitle("Up to date")
		s.backupIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		s.backupMessage.Importance = widget.MediumImportance
		s.backupButton.Importance = widget.MediumImportance
		s.backupButton.SetText("Go to Backups")
	}
	s.backupMessage.Refresh()
	s.backupButton.Refresh()
}

// openBackups goes to Settings, on the Backups tab.
func (s *todayScreen) openBackups() {
	openSettingsTab(s.ctx, settingsTabBackups)
}

// --- today's appointments ---

// todayRow lays out a line of the day's list: the time, the markers and
// the status keep their widths; patient, type and clinician share what is
// left, so the list fits beside the side column on a small screen and
// uses the room on a large one. They share it by what they hold: a column
// whose longest entry is short gives its spare room to the others, so on
// a usual day nothing is cut.
type todayRow struct {
	// natural is the width the patient, type and clinician columns need
	// for the day's longest entry in each; zero before the day is read.
	natural *[3]float32
}

// The fixed columns' widths, and each flexible column's share when there
// is not room for all.
var (
	todayFixed = map[int]float32{0: 52, 1: 44, 5: 180} // the status has room to clear the list's scroll bar
	todayShare = [3]float32{0.36, 0.34, 0.30}
)

// todayFlexFirst is the index of the first flexible column (the patient).
const todayFlexFirst = 2

func todayFixedWidth() float32 {
	var w float32
	for _, fw := range todayFixed {
		w += fw
	}
	return w
}

func (todayRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(todayFixedWidth()+240, h)
}

func (r todayRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var natural [3]float32
	if r.natural != nil {
		natural = *r.natural
	}
	flex := shareWidth(max(size.Width-todayFixedWidth(), 0), natural, todayShare)
	var x float32
	for i, o := range objects {
		w, ok := todayFixed[i]
		if !ok && i-todayFlexFirst < len(flex) {
			w = flex[i-todayFlexFirst]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// shareWidth splits width between columns that need natural each: every
// column gets what it needs when all fit, with the room over shared out;
// otherwise the columns needing less than an even share get what they
// need and the rest share what is left by share. With nothing known
// (natural all zero) it is the shares alone.
func shareWidth(width float32, natural, share [3]float32) [3]float32 {
	var out [3]float32
	var need float32
	for _, n := range natural {
		need += n
	}
	if need <= 0 {
		for i := range out {
			out[i] = width * share[i]
		}
		return out
	}
	if need <= width {
		for i := range out {
			out[i] = natural[i] + (width-need)*share[i]
		}
		return out
	}
	// Give the modest columns what they need, smallest first, while each
	// needs less than its share of what is left; the others share the rest.
	left, open := width, [3]bool{true, true, true}
	for changed := true; changed; {
		changed = false
		var shares float32
		for i := range out {
			if open[i] {
				shares += share[i]
			}
		}
		for i := range out {
			if open[i] && shares > 0 && natural[i] <= left*share[i]/shares {
				out[i], open[i] = natural[i], false
				left -= natural[i]
				changed = true
				break
			}
		}
	}
	var shares float32
	for i := range out {
		if open[i] {
			shares += share[i]
		}
	}
	for i := range out {
		if open[i] && shares > 0 {
			out[i] = left * share[i] / shares
		}
	}
	return out
}

// todayNaturalWidths is what the patient, type and clinician columns need
// for the longest of the day's entries, label padding included.
func todayNaturalWidths(appts []app.DiaryEntry) [3]float32 {
	var out [3]float32
	size, pad := theme.TextSize(), 2*theme.InnerPadding()+2
	for _, a := range appts {
		out[0] = max(out[0], fyne.MeasureText(a.PatientName, size, fyne.TextStyle{Bold: true}).Width+pad)
		out[1] = max(out[1], fyne.MeasureText(a.TypeName, size, fyne.TextStyle{}).Width+pad)
		out[2] = max(out[2], fyne.MeasureText(shortName(a.ClinicianName), size, fyne.TextStyle{}).Width+pad)
	}
	return out
}

func (s *todayScreen) buildAppointments() fyne.CanvasObject {
	cols := todayRow{natural: &s.natural}
	s.canMark = s.ctx.Clinic.Can(app.PermAppointmentStatus)
	s.list = newTodayList(cols, func() []app.DiaryEntry { return s.appts }, s.canMark)
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
	offUI(s.ctx, func() ([]app.DiaryEntry, error) { return c.TodayList(day) }, func(appts []app.DiaryEntry, err error) {
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
func (s *todayScreen) showAppointments(appts []app.DiaryEntry) {
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
func todayCounts(appts []app.DiaryEntry) string {
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

// todayList is the day's appointments: ↑ and ↓ move, Enter (or a click)
// opens the patient, A marks arrived (or undoes it).
type todayList struct {
	widget.List
	cursor     int
	canMark    bool
	childUnder int // a child's missed appointment "was not brought"
	onOpen     func(int)
	onArrive   func(int)
}

func newTodayList(cols fyne.Layout, items func() []app.DiaryEntry, canMark bool) *todayList {
	l := &todayList{canMark: canMark}
	l.Length = func() int { return len(items()) }
	l.CreateItem = func() fyne.CanvasObject { return newTodayRow(cols) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		es := items()
		if id >= 0 && id < len(es) {
			l.fillRow(o, es[id], id)
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.cursor = id
		l.UnselectAll()
		if l.onOpen != nil {
			l.onOpen(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

func (l *todayList) TypedKey(ev *fyne.KeyEvent) {
	n := l.Length()
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.cursor >= 0 && l.cursor < n && l.onOpen != nil {
			l.onOpen(l.cursor)
		}
		return
	case fyne.KeyUp:
		if l.cursor > 0 {
			l.cursor--
		}
	case fyne.KeyDown:
		if l.cursor < n-1 {
			l.cursor++
		}
	}
	l.List.TypedKey(ev)
}

func (l *todayList) TypedRune(r rune) {
	if (r == 'a' || r == 'A') && l.cursor >= 0 && l.cursor < l.Length() && l.onArrive != nil {
		l.onArrive(l.cursor)
	}
}

// newTodayRow is one appointment: time, alert and needs icons, patient,
// type, clinician, and the status with the arrival button beside it.
func newTodayRow(cols fyne.Layout) fyne.CanvasObject {
	icons := container.NewGridWithColumns(2, widget.NewIcon(nil), widget.NewIcon(nil))
	name := cell()
	name.TextStyle.Bold = true
	arrive := widget.NewButton("Arrived", nil)
	// Kept clear of the list's scroll bar on the right.
	status := container.NewBorder(nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 0, 10), container.NewCenter(arrive)), cell())
	return container.New(cols, widget.NewLabel("00:00"), icons, name, cell(), cell(), status)
}

// todayRowStatus is a row's status label and arrival button.
func todayRowStatus(row fyne.CanvasObject) (*widget.Label, *widget.Button) {
	cell := row.(*fyne.Container).Objects[5].(*fyne.Container)
	button := cell.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0]
	return cell.Objects[0].(*widget.Label), button.(*widget.Button)
}

func (l *todayList) fillRow(o fyne.CanvasObject, e app.DiaryEntry, id int) {
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(schedule.Clock(e.StartMin).String())
	icons := cells[1].(*fyne.Container).Objects
	if len(e.Alerts) > 0 {
		icons[0].(*widget.Icon).SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	} else {
		icons[0].(*widget.Icon).SetResource(nil)
	}
	if len(e.AISNeeds) > 0 {
		icons[1].(*widget.Icon).SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
	} else {
		icons[1].(*widget.Icon).SetResource(nil)
	}
	cells[2].(*widget.Label).SetText(e.PatientName)
	cells[3].(*widget.Label).SetText(e.TypeName)
	cells[4].(*widget.Label).SetText(shortName(e.ClinicianName)) // "G Mensah", as the day view heads its columns
	status, arrive := todayRowStatus(o)
	status.Importance = todayStatusImportance(e.Status)
	status.TextStyle.Bold = e.Status == schedule.StatusArrived
	status.SetText(app.EntryStatusLabel(e, l.childUnder))
	// The widths follow the day's entries: lay the row out again.
	row := o.(*fyne.Container)
	row.Layout.Layout(row.Objects, row.Size())
	to, label, ok := arrivalChange(e.Status)
	if !ok || !l.canMark {
		arrive.Hide()
		return
	}
	arrive.SetText(label)
	arrive.SetIcon(nil)
	if to == schedule.StatusArrived {
		arrive.Importance = widget.HighImportance
		arrive.SetIcon(theme.ConfirmIcon())
	} else {
		arrive.Importance = widget.LowImportance
		arrive.SetIcon(theme.ContentUndoIcon())
	}
	arrive.OnTapped = func() {
		l.cursor = id
		if l.onArrive != nil {
			l.onArrive(id)
		}
	}
	arrive.Show()
	arrive.Refresh()
}

// todayStatusImportance colours a status: arrived stands out, DNA is red,
// what is done is quiet.
func todayStatusImportance(st schedule.Status) widget.Importance {
	switch st {
	case schedule.StatusArrived:
		return widget.SuccessImportance
	case schedule.StatusInProgress:
		return widget.HighImportance
	case schedule.StatusSeen:
		return widget.LowImportance
	case schedule.StatusDNA:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}
