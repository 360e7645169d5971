package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// ctPatientDiary is a patient's appointments, oldest first.
func ctPatientDiary(t *testing.T, c *app.Clinic, patientID string) []schedule.DiaryEntry {
	t.Helper()
	es, err := c.PatientAppointments(patientID)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestCalendarBooksAWeeklySeriesOfSixAndSaysWhatWasSkipped(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	other := tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	// Dr Patel already sees someone at 10:15 in the series' third week.
	if _, _, err := c.Book(app.BookingRequest{PatientID: other.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ukcal.MustParseDate("2026-12-08"), Start: schedule.Clock(10*60 + 15)}); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60+15)
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	ctChoosePatient(t, w, b, "O'Neill")
	b.repeat.unit.SetSelected(repeatWeekly)
	tpIdle(t)
	if !b.repeat.details.Visible() || b.repeat.every.Text != "1" || b.repeat.count.Text != "6" {
		t.Fatalf("weekly shows every %q × %q (details shown %v)", b.repeat.every.Text, b.repeat.count.Text, b.repeat.details.Visible())
	}
	if b.book.Text != "Book series" {
		t.Errorf("the button reads %q", b.book.Text)
	}
	test.Tap(b.book)
	tpIdle(t)

	got := ctPatientDiary(t, c, p.ID)
	var dates []string
	for _, e := range got {
		dates = append(dates, e.Date.String())
		if e.StartMin != 10*60+15 || e.ClinicianID != d.patel.ID || e.SeriesID == "" || e.SeriesID != got[0].SeriesID {
			t.Errorf("series appointment %+v", e.Appointment)
		}
	}
	if want := "2026-11-24,2026-12-01,2026-12-15,2026-12-22,2026-12-29"; strings.Join(dates, ",") != want {
		t.Fatalf("booked %s, want %s (the 8th clashes)", strings.Join(dates, ","), want)
	}
	// The dialog lists what was booked and what was not, with why.
	if b.summary.SeriesID != got[0].SeriesID || len(b.summary.Skipped) != 1 {
		t.Fatalf("summary %+v", b.summary)
	}
	if !tpShows(w, "Booked 5 appointments for Jane O'Neill") || !tpShows(w, "✓ Tuesday 29 December 2026 at 10:15") ||
		!tpShows(w, "Not booked: 1 date") || !tpShows(w, "✗ Tuesday 8 December 2026: Dr Asha Patel is already booked 10:15–10:45.") {
		t.Errorf("the summary reads %q", tpTexts(w))
	}
	if !strings.Contains(s.message.Text, "Booked a series of 5 appointments for Jane O'Neill; 1 date was not booked") {
		t.Errorf("message %q", s.message.Text)
	}
	tcTap(t, w, "Done")
	if s.booking != nil {
		t.Error("Done left the dialog open")
	}

	// Cancelling the third offers "this and all following", which
	// cancels it and the two after; the first two stay.
	s.goTo(ukcal.MustParseDate("2026-12-15"))
	tpIdle(t)
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60+15)
	dt := s.details
	if dt == nil || dt.cancelScope == nil {
		t.Fatal("a series appointment's dialog offers no choice of what to cancel")
	}
	test.Tap(dt.cancelButton)
	dt.cancelScope.SetSelected(cancelThisAndLater)
	tpType(t, w, dt.cancelReason, "Course of treatment finished early")
	test.Tap(dt.cancelGo)
	tpIdle(t)
	for _, e := range ctPatientDiary(t, c, p.ID) {
		cancelled := e.Status == schedule.StatusCancelledPatient
		if later := !e.Date.Before(ukcal.MustParseDate("2026-12-15")); later != cancelled {
			t.Errorf("%s is %s after cancelling from 15 December on", e.Date, e.Status)
		}
	}
	if !strings.Contains(s.message.Text, "Cancelled 3 appointments of Jane O'Neill's series, from Tuesday 15 December 2026 on") {
		t.Errorf("message %q", s.message.Text)
	}
}

func TestCalendarSeriesNeedsAWholeRule(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 9*60)
	b := s.booking
	ctChoosePatient(t, w, b, "O'Neill")
	b.repeat.unit.SetSelected(repeatMonthly)
	b.repeat.count.SetText("")
	tpIdle(t)
	test.Tap(b.book)
	tpIdle(t)
	if !strings.Contains(b.problem.Text, "say how many in all, or the last date") {
		t.Errorf("no count nor last date: %q", b.problem.Text)
	}
	b.repeat.until.SetText("24/02/2027")
	test.Tap(b.book)
	tpIdle(t)
	var dates []string
	for _, e := range ctPatientDiary(t, c, b.patient.id()) {
		dates = append(dates, e.Date.String())
	}
	// 24 January 2027 is a Sunday, when Dr Patel does not work: skipped.
	if want := "2026-11-24,2026-12-24,2027-02-24"; strings.Join(dates, ",") != want {
		t.Errorf("monthly until 24/02/2027 booked %v, want %s", dates, want)
	}
	if len(b.summary.Skipped) != 1 || b.summary.Skipped[0].Date.String() != "2027-01-24" {
		t.Errorf("skipped %+v", b.summary.Skipped)
	}
}
