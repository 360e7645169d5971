package screens

import (
	"image"
	"slices"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// trpScreen builds the Reports screen for c in a test window, its first
// report counted.
func trpScreen(t *testing.T, c *app.Clinic) (*reportsScreen, fyne.Window) {
	t.Helper()
	tpHoldResults(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 768))
	ctx := &Context{Window: w, Clinic: c, Runner: tpRun, ShowError: func(err error) { t.Error(err) }}
	s := newReportsScreen(ctx)
	w.SetContent(s.build())
	tpIdle(t)
	return s, w
}

// trpLastMonthsFirstWeekday is the first Monday to Friday of last month.
func trpLastMonthsFirstWeekday() ukcal.Date {
	today := testclock.Today()
	d := ukcal.NewDate(today.Year(), today.Month(), 1).AddMonths(-1)
	for d.IsWeekend() {
		d = d.AddDays(1)
	}
	return d
}

// trpPreset chooses a range preset as the user would.
func trpPreset(t *testing.T, s *reportsScreen, p reports.Preset) {
	t.Helper()
	i := slices.Index(reports.Presets, p)
	if i < 0 {
		t.Fatalf("no preset %q", p)
	}
	s.preset.SetSelectedIndex(i)
	tpIdle(t)
}

// trpFigure is the first figure shown, with its chart drawn at w × h.
func trpFigure(t *testing.T, s *reportsScreen) (reports.Figure, image.Image) {
	t.Helper()
	if !s.hasShown || len(s.shown.Figures) == 0 || len(s.body.Objects) == 0 {
		t.Fatalf("no figure on the screen; it says %q", s.status.Text)
	}
	v := newFigureView(s.ctx, s.shown.Figures[0])
	return v.f, v.draw(700, 320)
}

func TestReportsShowTheChartAndTableOfTheRangeChosen(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	day := trpLastMonthsFirstWeekday()
	var booked []schedule.Appointment
	for i, p := range []string{"Shah", "Okafor"} {
		p := tpAdd(t, c, "Aarav", p, "1975-06-01")
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID, Date: day, Start: schedule.Clock(9*60 + 60*i)})
		if err != nil {
			t.Fatal(err)
		}
		booked = append(booked, a)
	}
	if _, err := c.SetStatus(booked[0].ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetStatus(booked[1].ID, schedule.StatusArrived, ""); err != nil {
		t.Fatal(err)
	}

	s, w := trpScreen(t, c)
	if s.report.Selected != reports.DNA.Label() {
		t.Fatalf("the screen opens on %q", s.report.Selected)
	}
	// This month has no appointments: the screen says what to do.
	if !strings.Contains(s.status.Text, "No appointments in this range — pick a longer range") || len(s.body.Objects) != 0 {
		t.Fatalf("an empty month: %q, %d things shown", s.status.Text, len(s.body.Objects))
	}
	if !s.saveCSV.Disabled() || !s.savePNG.Disabled() {
		t.Error("a report with nothing in it can be saved as CSV or a picture")
	}

	trpPreset(t, s, reports.LastMonth)
	if got := s.from.Text; got != ukcal.NewDate(day.Year(), day.Month(), 1).Short() {
		t.Errorf("last month starts %q in the From field", got)
	}
	f, img := trpFigure(t, s)
	if len(f.Categories) != 1 || !tcShows(w, headingLines("Appointments due")) {
		t.Fatalf("last month by month: categories %q; the table is not shown", f.Categories)
	}
	if got := img.Bounds().Size(); got.X != 700 || got.Y != 320 {
		t.Errorf("the chart is drawn %v, not at the size asked", got)
	}
	monthRow := f.Table.Rows[0]
	if monthRow[1] != "2" || monthRow[2] != "1" || monthRow[len(monthRow)-1] != "50.0" {
		t.Errorf("last month's row: %q, want 2 due, 1 missed, 50.0%%", monthRow)
	}
	if !tcShows(w, "50.0") || s.saveCSV.Disabled() {
		t.Error("the table's DNA rate is not on the screen, or the report cannot be saved")
	}

	// By week: one category per week, and the chart and table follow.
	s.by.SetSelected(reportsByWeek)
	tpIdle(t)
	weekly, _ := trpFigure(t, s)
	if len(weekly.Categories) < 4 || !strings.HasPrefix(weekly.Categories[0], "w/c ") {
		t.Fatalf("by week: categories %q", weekly.Categories)
	}
	if !tcShows(w, weekly.Categories[0]) {
		t.Errorf("the weekly table does not show %q", weekly.Categories[0])
	}

	// Dates typed by hand make the preset "choose the dates".
	s.from.SetText(day.Short())
	s.to.SetText(day.Short())
	s.onDatesTyped()
	tpIdle(t)
	if reports.Presets[s.preset.SelectedIndex()] != reports.Custom {
		t.Errorf("typed dates left the preset on %q", s.preset.Selected)
	}
	one, _ := trpFigure(t, s)
	if len(one.Categories) != 1 {
		t.Errorf("one day by week: categories %q", one.Categories)
	}

	// A date that does not read is refused in words, and nothing is counted.
	for typed, want := range map[string]string{
		"31/02/2026": "The first day, 31/02/2026, is not a day of the calendar",
		"next week":  "The first day, next week, does not read as a date: write it as dd/mm/yyyy",
		"":           "Write the first day of the report, as dd/mm/yyyy",
	} {
		s.from.SetText(typed)
		s.onDatesTyped()
		tpIdle(t)
		if !strings.HasPrefix(s.status.Text, want) {
			t.Errorf("%q typed: %q", typed, s.status.Text)
		}
	}
}

func TestAClinicianSeesOnlyTheirOwnFiguresWithNoFilter(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	u, err := c.AddUser(app.NewUser{Username: "drpatel", FullName: "Dr Asha Patel", Role: app.Clinician, Password: tcStaffPassword})
	if err != nil {
		t.Fatal(err)
	}
	var hours schedule.WeekHours
	for d := 1; d <= 5; d++ {
		hours[d] = []schedule.Span{{Start: 9 * 60, End: 17 * 60}}
	}
	if _, err := c.SaveClinician(schedule.Clinician{Name: "Dr Asha Patel", Role: "GP", Active: true, Hours: hours, UserID: u.ID}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("drpatel", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w := trpScreen(t, c)
	if !s.ownOnly || !tcShows(w, reportsOwnFigures) {
		t.Error("a clinician is offered the clinician filter")
	}
	for _, k := range s.kinds {
		if k.ForWholeClinicOnly() {
			t.Errorf("a clinician is offered the %s report, which is about the whole clinic", k)
		}
	}
	if slices.Contains(s.report.Options, ko41bChoice) {
		t.Error("a clinician is offered the KO41(b) return")
	}
	if strings.Contains(s.status.Text, "could not") {
		t.Errorf("a clinician's own report: %q", s.status.Text)
	}
}

func TestTheKO41bReturnIsChosenFromTheReportList(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := trpScreen(t, c)
	s.report.SetSelected(ko41bChoice)
	tpIdle(t)
	if s.rangeRow.Visible() {
		t.Error("the range controls stay for the return, which has a year")
	}
	if len(s.ko41.years) < 2 || !s.ko41.has {
		t.Fatalf("years %v; the return shows %q", s.ko41.years, s.ko41.summary.Text)
	}
	today := ukcal.Today(testclock.Now())
	last := today.Year() - 1
	if today.Month() < time.April {
		last--
	}
	if s.ko41.rep.Year != last || !tcShows(w, "brought forward 0, new 0") {
		t.Errorf("the return shown is %d's: %q", s.ko41.rep.Year, s.ko41.summary.Text)
	}
	s.report.SetSelectedIndex(0)
	tpIdle(t)
	if !s.rangeRow.Visible() || !s.hasShown && !strings.Contains(s.status.Text, "No appointments") {
		t.Errorf("back to a report: %q (from %q, to %q)", s.status.Text, s.from.Text, s.to.Text)
	}
}

// A report's table shows a count of thousands with its commas, and leaves
// the first column (the period's name) and words as they are.
func TestReportTablesPutCommasInLargeCounts(t *testing.T) {
	test.NewTempApp(t)
	texts := ctTexts(reportTable(reports.Table{Header: []string{"Month", "Minutes booked", "Used"},
		Rows: [][]string{{"2026", "164175", "81.5%"}, {"Apr 2026", "950", "–"}}}))
	for _, want := range []string{"2026", "164,175", "81.5%", "950"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the table shows %q, want %q in it", texts, want)
		}
	}
}
