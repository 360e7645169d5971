package screens

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers for the calendar set-up tests (cs: "calendar set-up").

// csSetup opens Settings → Calendar on the set-up tab named, with the
// background results held for the test's goroutine and the date fixed at
// Monday 23 November 2026.
func csSetup(t *testing.T, c *app.Clinic, tab string) (*calendarSetupTab, fyne.Window) {
	t.Helper()
	saved := setupToday
	setupToday = func() ukcal.Date { return ukcal.MustParseDate("2026-11-23") }
	t.Cleanup(func() { setupToday = saved })
	tpHoldResults(t)
	s, w, _ := tcSettings(t, c)
	tpIdle(t)
	if s.calendar == nil {
		t.Fatal("no Calendar tab for the practice manager")
	}
	s.selectTab(settingsTabCalendar)
	s.calendar.selectTab(tab)
	return s.calendar, w
}

// csSwatch taps the palette colour with the name.
func csSwatch(t *testing.T, ch *setupColourChooser, name string) {
	t.Helper()
	for _, s := range ch.swatches {
		if s.colour.Name == name {
			test.Tap(s)
			return
		}
	}
	t.Fatalf("no %s swatch", name)
}

func csClinicians(t *testing.T, c *app.Clinic) []schedule.Clinician {
	t.Helper()
	list, err := c.Clinicians(true)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestCalendarSetupAddsClinicianWithABreak(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabClinicians)

	tcTap(t, w, "Add clinician…")
	f := cal.clinicians.form
	if f == nil {
		t.Fatal("the Add clinician dialog did not open")
	}
	test.Type(f.name, "Dr Asha Patel")
	f.role.SetText("GP")
	csSwatch(t, f.colour, "Teal")
	h := f.hours
	test.Tap(h.works[time.Monday])
	if h.start[time.Monday].Text != "09:00" || h.end[time.Monday].Text != "17:00" {
		t.Fatalf("ticking Monday filled %q–%q, want 09:00–17:00", h.start[time.Monday].Text, h.end[time.Monday].Text)
	}
	h.start[time.Monday].SetText("")
	test.Type(h.start[time.Monday], "08:30")
	test.Type(h.breakStart[time.Monday], "12:30")
	test.Type(h.breakEnd[time.Monday], "13:30")
	test.Tap(h.works[time.Tuesday]) // starts from Monday's hours, break included
	test.Tap(h.works[time.Thursday])
	h.end[time.Thursday].SetText("13:00")
	h.breakStart[time.Thursday].SetText("")
	h.breakEnd[time.Thursday].SetText("")
	for _, d := range setupWeekOrder {
		if h.problemRow[d].Visible() {
			t.Fatalf("%s shows a problem for good hours: %q", d, h.problem[d].Text)
		}
	}
	tcTap(t, w, "Add clinician")
	tpIdle(t)

	if cal.clinicians.form != nil {
		t.Fatalf("dialog still open: %q", f.problem.Text)
	}
	list := csClinicians(t, c)
	if len(list) != 1 {
		t.Fatalf("%d clinicians saved, want 1", len(list))
	}
	got := list[0]
	if got.Name != "Dr Asha Patel" || got.Role != "GP" || got.Colour != "#44AA99" || !got.Active {
		t.Fatalf("saved %+v", got)
	}
	withLunch := []schedule.Span{{Start: 8*60 + 30, End: 12*60 + 30}, {Start: 13*60 + 30, End: 17 * 60}}
	want := schedule.WeekHours{}
	want[time.Monday], want[time.Tuesday] = withLunch, withLunch
	want[time.Thursday] = []schedule.Span{{Start: 8*60 + 30, End: 13 * 60}}
	for d := range want {
		if !slices.Equal(got.Hours[d], want[d]) {
			t.Errorf("%s hours = %v, want %v", time.Weekday(d), got.Hours[d], want[d])
		}
	}
	summary := "Mon, Tue 08:30–17:00, lunch 12:30–13:30; Thu 08:30–13:00"
	if !tcShows(w, summary) || !tcShows(w, "Dr Asha Patel") {
		t.Fatalf("the list does not show the new clinician as %q: %q", summary, tcTexts(w))
	}

	// Editing shows the saved hours back, break included.
	cal.clinicians.rows.list.Select(0)
	tcTap(t, w, "Edit…")
	e := cal.clinicians.form.hours
	if !e.works[time.Tuesday].Checked || e.breakStart[time.Tuesday].Text != "12:30" || e.works[time.Wednesday].Checked {
		t.Fatalf("edit dialog shows Tue %v %q, Wed %v", e.works[time.Tuesday].Checked, e.breakStart[time.Tuesday].Text, e.works[time.Wednesday].Checked)
	}
	if cal.clinicians.form.colour.Selected() != "#44AA99" {
		t.Fatalf("edit dialog colour = %q", cal.clinicians.form.colour.Selected())
	}
	tcTap(t, w, "Cancel")
}

func TestCalendarSetupBadTimeSavesNothing(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabClinicians)

	tcTap(t, w, "Add clinician…")
	f := cal.clinicians.form
	test.Type(f.name, "Mr Ben Carter")
	h := f.hours
	test.Tap(h.works[time.Wednesday])

	// Half typed is not yet wrong; a time that cannot be one is.
	h.end[time.Wednesday].SetText("")
	test.Type(h.end[time.Wednesday], "1")
	if h.problemRow[time.Wednesday].Visible() {
		t.Fatalf("a half-typed time is already marked wrong: %q", h.problem[time.Wednesday].Text)
	}
	test.Type(h.end[time.Wednesday], "7.30")
	if !h.problemRow[time.Wednesday].Visible() || !strings.Contains(h.problem[time.Wednesday].Text, `"17.30", is not a time: write it as HH:MM`) {
		t.Fatalf("Wednesday's message for 17.30 = %q", h.problem[time.Wednesday].Text)
	}
	tcTap(t, w, "Add clinician")
	tpIdle(t)
	if cal.clinicians.form == nil || f.problem.Text != setupFixMarked || !f.problem.Visible() {
		t.Fatalf("refusal not shown in the dialog: %q", f.problem.Text)
	}
	if n := len(csClinicians(t, c)); n != 0 {
		t.Fatalf("%d clinicians saved despite the bad time", n)
	}

	// A break outside the day, and a day that ends before it starts.
	h.end[time.Wednesday].SetText("17:30")
	h.breakStart[time.Wednesday].SetText("18:00")
	h.breakEnd[time.Wednesday].SetText("18:30")
	if !strings.Contains(h.problem[time.Wednesday].Text, "must fall between 09:00 and 17:30") {
		t.Fatalf("message for a break after hours = %q", h.problem[time.Wednesday].Text)
	}
	h.breakStart[time.Wednesday].SetText("")
	h.breakEnd[time.Wednesday].SetText("")
	h.start[time.Wednesday].SetText("18:00")
	if !strings.Contains(h.problem[time.Wednesday].Text, "finishes at 17:30, which is not after it starts (18:00)") {
		t.Fatalf("message for a day ending before it starts = %q", h.problem[time.Wednesday].Text)
	}
	// An empty name is marked too.
	f.name.SetText("")
	tcTap(t, w, "Add clinician")
	tpIdle(t)
	if !f.nameProblem.Visible() || len(csClinicians(t, c)) != 0 {
		t.Fatalf("empty name: message %q, saved %d", f.nameProblem.Text, len(csClinicians(t, c)))
	}
	tcTap(t, w, "Cancel")
	if cal.clinicians.form != nil {
		t.Fatal("Cancel did not close the dialog")
	}
}

func TestCalendarSetupNotForReceptionist(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcSettings(t, c)
	if slices.Contains(s.tabTitles(), settingsTabCalendar) || s.calendar != nil {
		t.Fatalf("a receptionist has the Calendar set-up tab: %v", s.tabTitles())
	}

	// Built anyway, the tab is a plain note with nothing to edit.
	tab := newCalendarSetupTab(&Context{Window: w, Clinic: c, Runner: tpRun})
	w.SetContent(tab.build())
	if !tcShows(w, "Only a practice manager can set up the calendar") {
		t.Fatalf("no read-only note: %q", tcTexts(w))
	}
	for _, o := range tcVisible(w) {
		switch o.(type) {
		case *widget.Entry, *widget.Button, *widget.Check:
			t.Fatalf("an editable %T is on the receptionist's calendar set-up", o)
		}
	}
	// And the app refuses the change whatever door it comes through.
	_, err := c.SaveClinician(schedule.Clinician{Name: "Dr Sneaky", Active: true})
	var perm *app.PermissionError
	if !errors.As(err, &perm) {
		t.Fatalf("SaveClinician as a receptionist: %v", err)
	}
}

func TestCalendarSetupRegionChangesHolidays(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabRules)
	p := cal.rules

	if p.region.Selected != "England and Wales" {
		t.Fatalf("region shown = %q, want the default", p.region.Selected)
	}
	ew := p.holidays.Text
	for _, want := range []string{"in England and Wales", "Friday 25 December 2026: Christmas Day",
		"Monday 28 December 2026: Boxing Day (substitute day)", "Friday 1 January 2027: New Year’s Day"} {
		if !strings.Contains(ew, want) {
			t.Errorf("England and Wales holidays lack %q:\n%s", want, ew)
		}
	}
	if strings.Contains(ew, "St Andrew") {
		t.Errorf("St Andrew's Day listed for England and Wales:\n%s", ew)
	}

	p.region.SetSelected("Scotland")
	sc := p.holidays.Text
	if !strings.Contains(sc, "in Scotland") || !strings.Contains(sc, "Monday 30 November 2026: St Andrew’s Day") {
		t.Fatalf("Scotland's holidays:\n%s", sc)
	}
	if strings.Contains(sc, "New Year") {
		t.Fatalf("more than the next three listed:\n%s", sc)
	}
	if !tcShows(w, "St Andrew’s Day") {
		t.Fatal("Scotland's holidays are not on screen")
	}

	// Saved with the grid and DNA window; a bad window saves nothing.
	p.grid.SetSelected("10 minutes")
	p.dnaWindow.SetText("0")
	tcTap(t, w, "Save diary settings")
	tpIdle(t)
	if !p.dnaProblem.Visible() || !strings.Contains(p.dnaProblem.Text, "1 to 60 months") {
		t.Fatalf("DNA window 0: message %q", p.dnaProblem.Text)
	}
	if cs, _ := c.CalendarSettings(); cs.Region != "england-and-wales" || cs.GridMinutes != 15 {
		t.Fatalf("saved despite the bad DNA window: %+v", cs)
	}
	p.dnaWindow.SetText("18")
	tcTap(t, w, "Save diary settings")
	tpIdle(t)
	cs, err := c.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	if cs.Region != "scotland" || cs.GridMinutes != 10 || cs.DNAWindowMonths != 18 {
		t.Fatalf("saved %+v", cs)
	}
	if cs.OpeningHours[time.Monday] == nil {
		t.Fatal("saving the diary settings lost the opening hours")
	}
}

func TestCalendarSetupOpeningHours(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabOpening)
	h := cal.opening.hours
	if h.start[time.Monday].Text != "08:00" || h.end[time.Friday].Text != "18:00" || h.works[time.Saturday].Checked {
		t.Fatalf("default opening hours not shown: Mon %q, Fri %q, Sat %v", h.start[time.Monday].Text, h.end[time.Friday].Text, h.works[time.Saturday].Checked)
	}
	test.Tap(h.works[time.Saturday])
	h.start[time.Saturday].SetText("09:00")
	h.end[time.Saturday].SetText("12:30")
	h.breakStart[time.Friday].SetText("13:00")
	h.breakEnd[time.Friday].SetText("14:00")
	tcTap(t, w, "Save opening hours")
	tpIdle(t)
	cs, _ := c.CalendarSettings()
	if !slices.Equal(cs.OpeningHours[time.Saturday], []schedule.Span{{Start: 540, End: 750}}) ||
		!slices.Equal(cs.OpeningHours[time.Friday], []schedule.Span{{Start: 480, End: 780}, {Start: 840, End: 1080}}) {
		t.Fatalf("saved opening hours %v", cs.OpeningHours)
	}
	if !tcShows(w, "Mon–Thu 08:00–18:00; Fri 08:00–18:00, lunch 13:00–14:00; Sat 09:00–12:30") {
		t.Fatalf("no saved summary: %q", tcTexts(w))
	}

	h.end[time.Saturday].SetText("25:00")
	tcTap(t, w, "Save opening hours")
	tpIdle(t)
	if !cal.opening.problem.Visible() || !strings.Contains(h.problem[time.Saturday].Text, "25:00") {
		t.Fatalf("bad Saturday: %q / %q", cal.opening.problem.Text, h.problem[time.Saturday].Text)
	}
	if cs2, _ := c.CalendarSettings(); !slices.Equal(cs2.OpeningHours[time.Saturday], cs.OpeningHours[time.Saturday]) {
		t.Fatal("a bad time changed the opening hours")
	}
}

func TestCalendarSetupRoomsAndTypes(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabRooms)

	tcTap(t, w, "Add room…")
	tcTap(t, w, "Add room")
	if cal.rooms.form == nil || !cal.rooms.form.nameProblem.Visible() {
		t.Fatal("a room with no name was not refused in the dialog")
	}
	test.Type(cal.rooms.form.name, "Room 2")
	tcTap(t, w, "Add room")
	tpIdle(t)
	rooms, _ := c.Rooms(true)
	if len(rooms) != 1 || rooms[0].Name != "Room 2" || !rooms[0].Active {
		t.Fatalf("rooms = %+v", rooms)
	}
	tcTap(t, w, "Make inactive") // the new room is selected
	tpIdle(t)
	if rooms, _ = c.Rooms(true); rooms[0].Active {
		t.Fatal("Make inactive left the room active")
	}
	if !tcShows(w, "Inactive") || cal.rooms.activeButton.Text != "Make active" {
		t.Fatalf("inactive room not shown as such: %q", tcTexts(w))
	}

	cal.selectTab(setupTabTypes)
	tcTap(t, w, "Add appointment type…")
	f := cal.types.form
	test.Type(f.name, "New patient assessment")
	f.length.SetText("47")
	if !strings.Contains(f.lengthProblem.Text, "steps of 5 minutes: try 45 or 50") {
		t.Fatalf("length 47: %q", f.lengthProblem.Text)
	}
	tcTap(t, w, "Add type")
	tpIdle(t)
	if types, _ := c.AppointmentTypes(true); len(types) != 0 {
		t.Fatalf("a type was saved with a bad length: %+v", types)
	}
	f.length.SetText("600")
	if !strings.Contains(f.lengthProblem.Text, "5 minutes to 480 minutes") {
		t.Fatalf("length 600: %q", f.lengthProblem.Text)
	}
	f.length.SetText("45")
	test.Tap(f.needsRoom)
	csSwatch(t, f.colour, "Rose")
	tcTap(t, w, "Add type")
	tpIdle(t)
	types, _ := c.AppointmentTypes(true)
	if len(types) != 1 || types[0].Minutes != 45 || !types[0].NeedsRoom || types[0].Colour != "#CC6677" {
		t.Fatalf("types = %+v", types)
	}
	if !tcShows(w, "45 minutes") || !tcShows(w, "Needs a room") {
		t.Fatalf("the new type is not listed: %q", tcTexts(w))
	}
}

func TestCalendarSetupClosures(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	cal, w := csSetup(t, c, setupTabClosures)
	p := cal.closures

	tcTap(t, w, "Add closure…")
	f := p.form
	if f == nil {
		t.Fatal("the Add closure dialog did not open")
	}
	test.Type(f.from, "24/12/2026")
	test.Type(f.to, "23/12/2026")
	tcTap(t, w, "Add closure")
	tpIdle(t)
	if !f.toProblem.Visible() || !strings.Contains(f.toProblem.Text, "before the first") || !f.reasonProblem.Visible() {
		t.Fatalf("messages: to %q, reason %q", f.toProblem.Text, f.reasonProblem.Text)
	}
	f.to.SetText("31/02/2027")
	tcTap(t, w, "Add closure")
	tpIdle(t)
	if !strings.Contains(f.toProblem.Text, "dd/mm/yyyy") || f.problem.Text != setupFixMarked {
		t.Fatalf("31/02/2027: %q / %q", f.toProblem.Text, f.problem.Text)
	}
	all := func() []schedule.Closure {
		list, err := c.Closures(ukcal.MustParseDate("2026-01-01"), ukcal.MustParseDate("2028-01-01"))
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	if len(all()) != 0 {
		t.Fatal("a closure was added from bad input")
	}

	f.to.SetText("29/12/2026")
	test.Type(f.reason, "Christmas closure")
	tcTap(t, w, "Add closure")
	tpIdle(t)
	if p.form != nil {
		t.Fatalf("dialog still open: %q", f.problem.Text)
	}
	got := all()
	if len(got) != 1 || got[0].From.String() != "2026-12-24" || got[0].To.String() != "2026-12-29" || got[0].Reason != "Christmas closure" {
		t.Fatalf("closures = %+v", got)
	}
	if !tcShows(w, "Thu 24/12/2026") || !tcShows(w, "6 days") ||
		!tcShows(w, "from Thursday 24 December 2026 to Tuesday 29 December 2026") {
		t.Fatalf("closure not shown: %q", tcTexts(w))
	}

	tcTap(t, w, "Remove…")
	if !tcShows(w, "Christmas closure") {
		t.Fatal("the confirmation does not say which closure")
	}
	tcTap(t, w, "Remove")
	tpIdle(t)
	if len(all()) != 0 {
		t.Fatal("Remove left the closure")
	}
}

func TestSetupDescribeWeek(t *testing.T) {
	span := func(a, b string) schedule.Span {
		return schedule.Span{Start: csMinutes(a), End: csMinutes(b)}
	}
	lunch := []schedule.Span{span("09:00", "12:30"), span("13:30", "17:00")}
	var week, alternate, none, breaks schedule.WeekHours
	for d := time.Monday; d <= time.Thursday; d++ {
		week[d] = lunch
	}
	week[time.Friday] = []schedule.Span{span("09:00", "13:00")}
	for _, d := range []time.Weekday{time.Monday, time.Wednesday, time.Friday} {
		alternate[d] = []schedule.Span{span("08:00", "16:00")}
	}
	alternate[time.Sunday] = []schedule.Span{span("10:00", "12:00")}
	breaks[time.Saturday] = []schedule.Span{span("08:00", "10:00"), span("10:15", "12:00"), span("12:30", "13:00")}
	for _, tc := range []struct {
		week schedule.WeekHours
		want string
	}{
		{week, "Mon–Thu 09:00–17:00, lunch 12:30–13:30; Fri 09:00–13:00"},
		{alternate, "Mon, Wed, Fri 08:00–16:00; Sun 10:00–12:00"},
		{none, "No hours set"},
		{breaks, "Sat 08:00–13:00, break 10:00–10:15, lunch 12:00–12:30"},
	} {
		if got := setupDescribeWeek(tc.week); got != tc.want {
			t.Errorf("setupDescribeWeek = %q, want %q", got, tc.want)
		}
	}
}

func csMinutes(hhmm string) schedule.Clock {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		panic(err)
	}
	return schedule.Clock(t.Hour()*60 + t.Minute())
}
