package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func tcToday(t *testing.T, c *app.Clinic) (*todayScreen, fyne.Window, *tcShell) {
	t.Helper()
	tpHoldResults(t)
	before := nowInClinic()
	obj, w, sh := tcBuild(t, c, "today")
	s, ok := obj.(*todayScreen)
	if !ok {
		t.Fatalf("today built %T", obj)
	}
	tpIdle(t)
	after := nowInClinic()
	if d := s.date.Text; d != ukcal.WallDate(before).LongWithDay() && d != ukcal.WallDate(after).LongWithDay() {
		t.Fatalf("date shown as %q, want %q", d, ukcal.WallDate(after).LongWithDay())
	}
	return s, w, sh
}

func TestTodayManagerLanding(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, sh := tcToday(t, c)

	if !strings.HasPrefix(s.greeting.Text, "Good ") || !strings.HasSuffix(s.greeting.Text, ", Priya") {
		t.Fatalf("greeting = %q", s.greeting.Text)
	}
	// The next bank holidays, from today on.
	coming := comingHolidays(ukcal.EnglandAndWales, ukcal.Today(wallClock()), bankHolidaysShown)
	if len(coming) != bankHolidaysShown {
		t.Fatalf("%d coming holidays", len(coming))
	}
	if !tcShows(w, coming[0].Date.LongWithDay()) || !tcShows(w, coming[0].Title) {
		t.Fatalf("next bank holiday %v not shown: %q", coming[0], tcTexts(w))
	}

	// A new clinic: no backup folder, no backup: a warning and a way there.
	if s.backupCard == nil || !strings.Contains(s.backupMessage.Text, "automatic backups are off") {
		t.Fatalf("backup warning = %q", s.backupMessage.Text)
	}
	if s.backupCard.Subtitle != "Needs attention" {
		t.Fatalf("backup card subtitle = %q", s.backupCard.Subtitle)
	}
	tcTap(t, w, "Set up backups")
	if len(sh.opened) != 1 || sh.opened[0] != "settings" {
		t.Fatalf("Set up backups opened %v", sh.opened)
	}
	settings, _, _ := tcSettings(t, c)
	if got := settings.tabs.Selected().Text; got != settingsTabBackups {
		t.Fatalf("Settings opened on %q, want %q", got, settingsTabBackups)
	}
	if again, _, _ := tcSettings(t, c); again.tabs.Selected().Text != settingsTabDetails {
		t.Fatal("the Backups tab request was not used up")
	}

	// With a folder and a fresh backup, no warning.
	usb := t.TempDir()
	if err := c.SetBackupSettings(usb, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BackupNow(filepath.Join(usb, "now")); err != nil {
		t.Fatal(err)
	}
	s, w, _ = tcToday(t, c)
	if s.backupCard.Subtitle != "Up to date" || !strings.Contains(s.backupMessage.Text, "today at") || !tcShows(w, usb) {
		t.Fatalf("after a backup: %q / %q", s.backupCard.Subtitle, s.backupMessage.Text)
	}

	// Over a day later, the warning is back.
	s.now = func() time.Time { return testclock.Now().Add(30 * time.Hour) }
	s.showBackupStatus()
	if s.backupCard.Subtitle != "Needs attention" || !strings.Contains(s.backupMessage.Text, "more than a day ago") {
		t.Fatalf("a day-old backup: %q / %q", s.backupCard.Subtitle, s.backupMessage.Text)
	}
}

func TestTodayReceptionistHasNoBackupStatus(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcToday(t, c)
	if !strings.HasSuffix(s.greeting.Text, ", Rob") {
		t.Fatalf("greeting = %q", s.greeting.Text)
	}
	if s.backupCard != nil || tcShows(w, "backup") {
		t.Fatal("backup status shown to a receptionist")
	}
}

func TestTodayComingHolidaysCrossTheYear(t *testing.T) {
	got := comingHolidays(ukcal.EnglandAndWales, ukcal.NewDate(2026, time.December, 24), 3)
	want := []string{"2026-12-25", "2026-12-28", "2027-01-01"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if got[i].Date.String() != w {
			t.Errorf("holiday %d = %v, want %s", i, got[i], w)
		}
	}
	if !got[1].Substitute {
		t.Error("Boxing Day 2026 (a Saturday) should be the substitute Monday")
	}
	if today := comingHolidays(ukcal.EnglandAndWales, ukcal.NewDate(2026, time.December, 25), 1); today[0].Date.String() != "2026-12-25" {
		t.Errorf("a holiday today is not listed first: %v", today)
	}
}

// tdOn shows the Today screen as it is on day at 09:00.
func tdOn(t *testing.T, s *todayScreen, day ukcal.Date) {
	t.Helper()
	s.now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, ukcal.London()) }
	s.reload()
	tpIdle(t)
}

// tdStatus is the stored status of an appointment.
func tdStatus(t *testing.T, c *app.Clinic, id string) schedule.Status {
	t.Helper()
	for _, e := range ctDiaryOn(t, c, ctDay) {
		if e.ID == id {
			return e.Status
		}
	}
	t.Fatalf("appointment %s is not in the diary", id)
	return ""
}

// tdRowButton is the arrival button of row i as drawn.
func tdRowButton(t *testing.T, s *todayScreen, i int) *widget.Button {
	t.Helper()
	o := newTodayRow(todayRow{})
	s.list.fillRow(o, s.appts[i], i)
	_, b := todayRowStatus(o)
	return b
}

func TestTodayListsTheDayAndMarksArrivals(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12", func(p *patients.Patient) {
		p.Alerts = []patients.Alert{{Kind: "violent_warning", Text: "Shouted at reception"}}
	})
	tom := tpAdd(t, c, "Tomasz", "Wiśniewski", "1990-01-20")
	ada := tpAdd(t, c, "Ada", "Nwosu", "1971-07-07")
	book := func(p patients.Patient, who schedule.Clinician, start string) schedule.Appointment {
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: who.ID, TypeID: d.review.ID, Date: ctDay,
			Start: schedule.MustParseClock(start)})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	// Booked out of time order, and one cancelled, which Today leaves out.
	later := book(tom, d.carter, "11:30")
	early := book(jane, d.patel, "09:15")
	gone := book(ada, d.patel, "14:00")
	if _, err := c.SetStatus(gone.ID, schedule.StatusCancelledPatient, "Unwell"); err != nil {
		t.Fatal(err)
	}
	ctClinicClockOn(c, ctDay, 9, 0) // arrivals are marked on the day
	s, w, sh := tcToday(t, c)
	tdOn(t, s, ctDay)

	if len(s.appts) != 2 || s.appts[0].ID != early.ID || s.appts[1].ID != later.ID {
		t.Fatalf("Today lists %+v, want 09:15 then 11:30", s.appts)
	}
	if got := s.counts.Text; got != "2 booked · 0 arrived · 0 seen · 0 did not attend" {
		t.Errorf("count line %q", got)
	}
	row := newTodayRow(todayRow{})
	s.list.fillRow(row, s.appts[0], 0)
	cells := row.(*fyne.Container).Objects
	if cells[0].(*widget.Label).Text != "09:15" || cells[2].(*widget.Label).Text != "Jane O'Neill" ||
		cells[3].(*widget.Label).Text != "Review" || cells[4].(*widget.Label).Text != "Dr Patel" ||
		cells[5].(*fyne.Container).Objects[0].(*widget.Label).Text != "Booked" {
		t.Errorf("first row reads %q", ctTexts(row))
	}
	if cells[1].(*fyne.Container).Objects[0].(*widget.Icon).Resource == nil {
		t.Error("Jane's alert has no marker")
	}

	// One click: arrived, in the store, and the list and counts follow.
	arrive := tdRowButton(t, s, 0)
	if arrive.Text != "Arrived" || !arrive.Visible() {
		t.Fatalf("the first row's button reads %q", arrive.Text)
	}
	test.Tap(arrive)
	tpIdle(t)
	if got := tdStatus(t, c, early.ID); got != schedule.StatusArrived {
		t.Fatalf("after Arrived the store says %q", got)
	}
	if s.appts[0].Status != schedule.StatusArrived || s.counts.Text != "2 booked · 1 arrived · 0 seen · 0 did not attend" {
		t.Errorf("after Arrived the list shows %q, counts %q", s.appts[0].Status, s.counts.Text)
	}
	if !strings.Contains(s.message.Text, "Jane O'Neill arrived at") {
		t.Errorf("message %q", s.message.Text)
	}

	// Undo puts it back to booked.
	undo := tdRowButton(t, s, 0)
	if undo.Text != "Undo" {
		t.Fatalf("after arriving the button reads %q", undo.Text)
	}
	test.Tap(undo)
	tpIdle(t)
	if got := tdStatus(t, c, early.ID); got != schedule.StatusBooked {
		t.Fatalf("after Undo the store says %q", got)
	}

	// The keyboard: the list takes the focus, ↓ moves, A marks arrived,
	// Enter opens the patient.
	w.Canvas().Focus(s.list)
	tpKey(t, s.list, fyne.KeyDown)
	s.list.TypedRune('a')
	tpIdle(t)
	if got := tdStatus(t, c, later.ID); got != schedule.StatusArrived {
		t.Fatalf("A on the second row left it %q", got)
	}
	if got := tdStatus(t, c, early.ID); got != schedule.StatusBooked {
		t.Errorf("A on the second row changed the first to %q", got)
	}
	tpKey(t, s.list, fyne.KeyReturn)
	if len(sh.opened) == 0 || sh.opened[len(sh.opened)-1] != patientsModuleID {
		t.Errorf("Enter opened %v, want the Patients module", sh.opened)
	}
}

func TestTodayWithNothingBookedSaysWhatToDo(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ctSetUp(t, c)
	s, w, sh := tcToday(t, c)
	tdOn(t, s, ctDay)
	if s.table.Visible() || !tcShows(w, "No appointments booked for today yet") {
		t.Fatalf("empty day shows %q", tcTexts(w))
	}
	tcTap(t, w, "Open the Calendar")
	if len(sh.opened) != 1 || sh.opened[0] != calendarModuleID {
		t.Errorf("Open the Calendar opened %v", sh.opened)
	}
	tdOn(t, s, ukcal.MustParseDate("2026-12-25"))
	if !tcShows(w, "bank holiday") {
		t.Errorf("Christmas Day shows %q", tcTexts(w))
	}
}

func TestTodayColumnsShareByWhatTheyHold(t *testing.T) {
	share := [3]float32{0.36, 0.34, 0.30}
	for _, tc := range []struct {
		name          string
		width         float32
		natural, want [3]float32
	}{
		{"nothing known: the shares", 100, [3]float32{}, [3]float32{36, 34, 30}},
		{"room for all: each its need and a share over", 400, [3]float32{100, 100, 100}, [3]float32{136, 134, 130}},
		{"a short column gives its room away", 300, [3]float32{150, 160, 60}, [3]float32{240 * 0.36 / 0.70, 240 * 0.34 / 0.70, 60}},
		{"all long: by share", 100, [3]float32{200, 200, 200}, [3]float32{36, 34, 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := shareWidth(tc.width, tc.natural, share)
			var sum float32
			for i := range got {
				sum += got[i]
				if d := got[i] - tc.want[i]; d > 0.01 || d < -0.01 {
					t.Errorf("column %d gets %v, want %v (all %v)", i, got[i], tc.want[i], got)
				}
			}
			if d := sum - tc.width; d > 0.01 || d < -0.01 {
				t.Errorf("columns take %v of %v", sum, tc.width)
			}
		})
	}
}

// A clinic in Scotland keeps Scotland's bank holidays: Today lists those,
// under the region's name, not England and Wales' (St Andrew's Day, the
// 2nd of January and the summer holiday differ).
func TestTodayListsTheClinicsOwnRegionsBankHolidays(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cs, err := c.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	cs.Region = string(ukcal.Scotland)
	if err := c.SaveCalendarSettings(cs); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcToday(t, c)
	if s.region != ukcal.Scotland {
		t.Fatalf("Today keeps the holidays of %s", s.region.Name())
	}
	if s.holidaysCard.Subtitle != "Scotland" {
		t.Fatalf("the holidays card is headed %q", s.holidaysCard.Subtitle)
	}
	today := ukcal.Today(wallClock())
	for _, h := range comingHolidays(ukcal.Scotland, today, bankHolidaysShown) {
		if !tcShows(w, h.Date.LongWithDay()) {
			t.Errorf("Scotland's %s (%s) is not listed", h.Title, h.Date)
		}
	}
	scottish := map[ukcal.Date]bool{}
	for _, h := range comingHolidays(ukcal.Scotland, today, bankHolidaysShown) {
		scottish[h.Date] = true
	}
	for _, h := range comingHolidays(ukcal.EnglandAndWales, today, bankHolidaysShown) {
		if !scottish[h.Date] && tcShows(w, h.Date.LongWithDay()) {
			t.Errorf("England and Wales' %s (%s) is listed for a Scottish clinic", h.Title, h.Date)
		}
	}
}

// The wizard lets the clinic's phone and address be left out, but letters
// need them: until they are added, Today says so, and takes a manager
// straight to where they go; a receptionist is told whom to ask.
func TestTodaySaysWhenLettersLackTheClinicsPhoneOrAddress(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	complete := d
	d.Phone = ""
	if err := c.SaveDetails(d); err != nil {
		t.Fatal(err)
	}
	_, w, sh := tcToday(t, c)
	if !tcShows(w, "Letters and appointment slips need the clinic's phone number") {
		t.Fatalf("no word of the missing phone number: %q", tcTexts(w))
	}
	tcTap(t, w, "Clinic details")
	if len(sh.opened) != 1 || sh.opened[0] != "settings" {
		t.Fatalf("the button opened %v", sh.opened)
	}
	if settings, _, _ := tcSettings(t, c); settings.tabs.Selected().Text != settingsTabDetails {
		t.Fatalf("Settings opened on %q", settings.tabs.Selected().Text)
	}

	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if !tcShows(w, "Only a practice manager can set these up: ask Priya Manager (practice manager).") {
		t.Fatalf("a receptionist is not told whom to ask: %q", tcTexts(w))
	}
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Clinic details" {
			t.Fatal("a receptionist is offered a button to change the clinic's details")
		}
	}

	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatal(err)
	}
	if err := c.SaveDetails(complete); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if tcShows(w, "Letters and appointment slips need") {
		t.Fatal("the reminder stays after the details are complete")
	}
}

// At the end of the day the desk prepares tomorrow: the arrows move the
// list a day on (never before today), the heading says which day it is,
// and arrivals cannot be marked on a day still to come.
func TestTodayPreparesTomorrowsList(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	if _, _, err := c.Book(app.BookingRequest{PatientID: jane.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: ctDay,
		Start: schedule.MustParseClock("09:15")}); err != nil {
		t.Fatal(err)
	}
	s, _, _ := tcToday(t, c)
	tdOn(t, s, ctDay.AddDays(-1)) // the evening before
	if len(s.appts) != 0 || !s.earlier.Disabled() {
		t.Fatalf("today lists %d, earlier enabled %v", len(s.appts), !s.earlier.Disabled())
	}

	s.showDayAhead(1)
	tpIdle(t)
	if s.dayTitle.Text != "Tomorrow's appointments" || s.day != ctDay {
		t.Fatalf("the next day is headed %q and is %s", s.dayTitle.Text, s.day)
	}
	if len(s.appts) != 1 || s.appts[0].PatientName != "Jane O'Neill" {
		t.Fatalf("tomorrow lists %+v", s.appts)
	}
	if tdRowButton(t, s, 0).Visible() {
		t.Fatal("an arrival can be marked on tomorrow's list")
	}

	s.showDayAhead(2)
	tpIdle(t)
	if want := "Appointments on " + ctDay.AddDays(1).Format(ukcal.LayoutDayMonthWithDay); s.dayTitle.Text != want {
		t.Fatalf("two days on is headed %q, want %q", s.dayTitle.Text, want)
	}
	s.showDayAhead(-5)
	tpIdle(t)
	if s.offset != 0 || s.dayTitle.Text != "Today's appointments" || !s.earlier.Disabled() {
		t.Fatalf("going back past today: offset %d, heading %q", s.offset, s.dayTitle.Text)
	}
}
