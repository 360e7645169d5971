package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// at pins the diary's clock to a clinic wall-clock time.
func (d *diary) at(day string, hour, minute int) {
	dd := ukcal.MustParseDate(day)
	t := time.Date(dd.Year(), dd.Month(), dd.Day(), hour, minute, 0, 0, ukcal.London())
	d.c.now = func() time.Time { return t }
}

// statusOf is the appointment's status as stored.
func (d *diary) statusOf(t *testing.T, id string) schedule.Status {
	t.Helper()
	h, err := d.c.AppointmentHistory(id)
	if err != nil || len(h) == 0 {
		t.Fatalf("history of %s: %v", id, err)
	}
	return h[len(h)-1].Status
}

func TestArrivedIsRefusedBeforeTheAppointmentsDay(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "10:30"))
	_, err := d.c.SetStatus(a.ID, schedule.StatusArrived, "")
	want := "This appointment is on Tuesday 24 November at 10:30: it cannot be marked as arrived before its day"
	if err == nil || err.Error() != want {
		t.Fatalf("arrived a day early: %v\nwant: %s", err, want)
	}
	if got := d.statusOf(t, a.ID); got != schedule.StatusBooked {
		t.Fatalf("a refused arrival left the appointment %s", got)
	}
	// Late in the evening before is still not the day (clinic time).
	d.at("2026-11-23", 23, 59)
	if _, err := d.c.SetStatus(a.ID, schedule.StatusArrived, ""); err == nil {
		t.Fatal("arrived at 23:59 the evening before")
	}
	// On the day, long before the time, an early patient can arrive.
	d.at("2026-11-24", 8, 5)
	if _, err := d.c.SetStatus(a.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatalf("an early patient on the day: %v", err)
	}
}

func TestDNAIsRefusedBeforeTheStartTime(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	today := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "10:30"))
	d.at("2026-11-23", 10, 29)
	_, err := d.c.SetStatus(today.ID, schedule.StatusDNA, "")
	want := "This appointment starts at 10:30: it cannot be marked as did not attend before 10:30"
	if err == nil || err.Error() != want {
		t.Fatalf("DNA a minute before the start: %v\nwant: %s", err, want)
	}
	later := d.book(t, d.req(d.john, d.evans, "2026-12-08", "11:00"))
	_, err = d.c.SetStatus(later.ID, schedule.StatusDNA, "")
	want = "This appointment is on Tuesday 8 December at 11:00: it cannot be marked as did not attend before 11:00 that day"
	if err == nil || err.Error() != want {
		t.Fatalf("DNA two weeks early: %v\nwant: %s", err, want)
	}
	d.at("2026-11-23", 10, 30)
	res, err := d.c.SetStatus(today.ID, schedule.StatusDNA, "")
	if err != nil || res.DNA == nil {
		t.Fatalf("DNA once the start time came: %+v %v", res, err)
	}
}

func TestInProgressAndSeenWaitUntilAQuarterOfAnHourBeforeTheStart(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "11:00"))
	d.at("2026-11-23", 10, 40)
	if _, err := d.c.SetStatus(a.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatal(err)
	}
	_, err := d.c.SetStatus(a.ID, schedule.StatusInProgress, "")
	if err == nil || !strings.Contains(err.Error(), "cannot be marked as in progress before 10:45") {
		t.Fatalf("in progress 20 minutes early: %v", err)
	}
	_, err = d.c.SetStatus(a.ID, schedule.StatusSeen, "")
	if err == nil || !strings.Contains(err.Error(), "cannot be marked as seen before 10:45") {
		t.Fatalf("seen 20 minutes early: %v", err)
	}
	d.at("2026-11-23", 10, 45) // the clinician is free and takes the patient in early
	if _, err := d.c.SetStatus(a.ID, schedule.StatusInProgress, ""); err != nil {
		t.Fatalf("in progress a quarter of an hour early: %v", err)
	}
}

func TestSeenCanBeRecordedLateForAPastAppointment(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026
	r := d.req(d.zoe, d.evans, "2026-11-20", "10:00")
	r.OverrideReason = "entering Friday's clinic"
	a := d.book(t, r)
	for _, s := range []schedule.Status{schedule.StatusArrived, schedule.StatusSeen} {
		if _, err := d.c.SetStatus(a.ID, s, ""); err != nil {
			t.Fatalf("%s recorded on Monday for Friday: %v", s, err)
		}
	}
	r = d.req(d.john, d.evans, "2026-11-20", "11:00")
	r.OverrideReason = "entering Friday's clinic"
	b := d.book(t, r)
	for _, s := range []schedule.Status{schedule.StatusDNA, schedule.StatusArrived, schedule.StatusInProgress, schedule.StatusSeen} {
		if _, err := d.c.SetStatus(b.ID, s, ""); err != nil {
			t.Fatalf("%s recorded late: %v", s, err)
		}
	}
}

func TestTheTimeRulesLeaveCancellingAndSteppingBackAlone(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-12-08", "11:00"))
	if _, err := d.c.SetStatus(a.ID, schedule.StatusCancelledPatient, "Moving house"); err != nil {
		t.Fatalf("a future appointment could not be cancelled: %v", err)
	}
	b := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "15:00"))
	if _, err := d.c.SetStatus(b.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.SetStatus(b.ID, schedule.StatusBooked, ""); err != nil {
		t.Fatalf("an arrival marked by mistake could not be stepped back: %v", err)
	}
}

func TestDayListNeverSaysDidNotAttendForTheFuture(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-26", "09:00"))
	// An older file (or a desk PC whose clock ran days fast) holds a DNA
	// for an appointment that, by the clinic's clock, is still to come.
	d.at("2026-11-26", 10, 0)
	if _, err := d.c.SetStatus(a.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	d.at("2026-11-23", 10, 0)
	stored, err := d.c.store.Appointment(a.ID)
	if err != nil || stored.Status != schedule.StatusDNA {
		t.Fatalf("set-up: %+v %v", stored, err)
	}
	now := d.c.clock()
	if got := stored.StatusAsOf(now); got != schedule.StatusBooked {
		t.Fatalf("a future DNA shows as %s", got)
	}
	entries, err := d.c.TodayList(ukcal.MustParseDate("2026-11-26"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("diary: %v", err)
	}
	if row := dayListRow(entries[0], now, 16); row.Status != "Booked" {
		t.Fatalf("the day list row says %q for Thursday's appointment on Monday", row.Status)
	}
	lists, err := d.c.DayLists(ukcal.MustParseDate("2026-11-26"))
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, lists.PDF); strings.Contains(text, "Did not attend") || !strings.Contains(text, "Booked") {
		t.Fatalf("the printed day list:\n%s", text)
	}
	// Once the day has come and gone, the DNA prints as it is.
	d.at("2026-11-26", 12, 0)
	if row := dayListRow(entries[0], d.c.clock(), 16); row.Status != "Did not attend" {
		t.Fatalf("a past DNA prints as %q", row.Status)
	}
}

// A generated diary (the demo, the bench) is held to the same rules in
// time as the desk: a DNA still to come refuses the whole diary.
func TestAGeneratedDiaryWithAStatusStillToComeIsRefused(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	good := d.historic(d.john, d.patel, "2026-11-20", 10*60, 10*60+30, schedule.StatusSeen)
	future := d.historic(d.zoe, d.evans, "2026-11-24", 10*60, 10*60+30, schedule.StatusDNA)
	_, err := d.c.AddDiary(DiaryBatch{NextDay: days(good, future)})
	var refused *DiaryRefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "cannot be marked as did not attend before 10:00") {
		t.Fatalf("a generated DNA for tomorrow: %v", err)
	}
	if n, _ := d.c.CountAppointments(); n != 0 {
		t.Fatalf("%d appointments after a refused diary", n)
	}
	// The same DNA once its time has passed is history like any other.
	d.at("2026-11-24", 11, 0)
	if _, err := d.c.AddDiary(DiaryBatch{NextDay: days(good, future)}); err != nil {
		t.Fatal(err)
	}
}
