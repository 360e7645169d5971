package screens

import (
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// ctClinicClockOn moves the clinic's clock to a wall-clock time on day,
// running on from there: statuses can only be set once the day has come.
func ctClinicClockOn(c *app.Clinic, day ukcal.Date, hour, minute int) {
	base := time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, ukcal.London())
	started := time.Now()
	c.SetClock(func() time.Time { return base.Add(time.Since(started)) })
}

// cstOffered is which of the dialog's status buttons can be pressed.
func cstOffered(d *calendarDetails) map[schedule.Status]bool {
	out := map[schedule.Status]bool{}
	for _, to := range calendarStatusButtons {
		out[to] = !d.statusButton[to].Disabled()
	}
	return out
}

func TestTheAppointmentDialogOffersOnlyStatusesThatMakeSenseNow(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	// The day after the suite's today, whatever day that is.
	day := ukcal.Today(testclock.Now()).AddDays(1)
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: day, Start: schedule.Clock(11 * 60), OverrideReason: "whatever day the suite runs on"})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ctScreen(t, c)
	s.goTo(day)
	tpIdle(t)
	at := func(dd ukcal.Date, hour, minute int) {
		s.now = func() time.Time {
			return time.Date(dd.Year(), dd.Month(), dd.Day(), hour, minute, 0, 0, ukcal.London())
		}
	}
	open := func() *calendarDetails {
		t.Helper()
		s.openAppointment(a.ID)
		tpIdle(t)
		dt := s.details
		if dt == nil || dt.entry.ID != a.ID {
			t.Fatal("the appointment did not open")
		}
		return dt
	}
	cases := []struct {
		name          string
		day           ukcal.Date
		hour, minute  int
		arrived, busy bool // busy: in progress (seen needs an arrival first)
		dna           bool
		note          string
	}{
		{"the day before", day.AddDays(-1), 16, 0, false, false, false,
			"This appointment is on " + day.Format(ukcal.LayoutDayMonthWithDay) + ". It can be marked arrived on the day, in progress from 10:45 and did not attend from 11:00."},
		{"the morning of the day", day, 8, 30, true, false, false,
			"This appointment can be marked in progress from 10:45 and did not attend from 11:00."},
		{"a quarter of an hour early", day, 10, 45, true, true, false,
			"This appointment can be marked did not attend from 11:00."},
		{"at the start time", day, 11, 0, true, true, true, ""},
		{"the week after", day.AddDays(7), 9, 0, true, true, true, ""},
	}
	for _, tc := range cases {
		at(tc.day, tc.hour, tc.minute)
		dt := open()
		got := cstOffered(dt)
		want := map[schedule.Status]bool{schedule.StatusArrived: tc.arrived, schedule.StatusInProgress: tc.busy, schedule.StatusSeen: false, schedule.StatusDNA: tc.dna}
		for _, to := range calendarStatusButtons {
			if got[to] != want[to] {
				t.Errorf("%s: %s offered %v, want %v", tc.name, to.Label(), got[to], want[to])
			}
		}
		if dt.statusTiming.Text != tc.note || dt.statusTiming.Visible() != (tc.note != "") {
			t.Errorf("%s: note %q (shown %v), want %q", tc.name, dt.statusTiming.Text, dt.statusTiming.Visible(), tc.note)
		}
		dt.close()
		tpIdle(t)
	}

	// Arrived early: in progress and seen wait for a quarter to eleven.
	ctClinicClockOn(c, day, 10, 0)
	if _, err := c.SetStatus(a.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatal(err)
	}
	s.goTo(day)
	tpIdle(t)
	at(day, 10, 0)
	dt := open()
	if got := cstOffered(dt); got[schedule.StatusArrived] || got[schedule.StatusInProgress] || got[schedule.StatusSeen] || got[schedule.StatusDNA] {
		t.Errorf("arrived at ten: offered %v", got)
	}
	if want := "This appointment can be marked in progress or seen from 10:45."; dt.statusTiming.Text != want {
		t.Errorf("arrived at ten: note %q, want %q", dt.statusTiming.Text, want)
	}
	dt.close()
	at(day, 10, 50)
	if got := cstOffered(open()); !got[schedule.StatusInProgress] || !got[schedule.StatusSeen] {
		t.Errorf("arrived, at ten to eleven: offered %v", got)
	}
}
