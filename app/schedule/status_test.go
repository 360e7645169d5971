package schedule

import (
	"slices"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// Each status says its label, whether it holds the slot, and where it may
// go next: the rules the facade, the store's SQL and the screens share.
func TestStatusLabelsSlotsAndNextStatuses(t *testing.T) {
	for _, c := range []struct {
		s        Status
		label    string
		occupies bool
		next     []Status
	}{
		{StatusBooked, "Booked", true, []Status{StatusArrived, StatusInProgress, StatusDNA, StatusCancelledPatient, StatusCancelledClinic}},
		{StatusArrived, "Arrived", true, []Status{StatusInProgress, StatusSeen, StatusBooked, StatusCancelledPatient, StatusCancelledClinic}},
		{StatusInProgress, "In progress", true, []Status{StatusSeen, StatusArrived}},
		{StatusSeen, "Seen", true, nil},
		{StatusDNA, "Did not attend", false, []Status{StatusArrived}},
		{StatusCancelledPatient, "Cancelled by the patient", false, nil},
		{StatusCancelledClinic, "Cancelled by the clinic", false, nil},
	} {
		if c.s.Label() != c.label || c.s.Occupies() != c.occupies || !slices.Equal(c.s.Next(), c.next) || !c.s.Valid() {
			t.Errorf("%s: label %q, occupies %v, next %v", c.s, c.s.Label(), c.s.Occupies(), c.s.Next())
		}
		if c.s.Cancelled() != (c.s == StatusCancelledPatient || c.s == StatusCancelledClinic) {
			t.Errorf("%s: cancelled %v", c.s, c.s.Cancelled())
		}
		for _, to := range Statuses {
			if err := c.s.CanBecome(to); (err == nil) != slices.Contains(c.next, to) {
				t.Errorf("%s → %s: %v", c.s, to, err)
			}
		}
	}
	if Status("pending").Valid() || len(Statuses) != 7 {
		t.Error("an unknown status is valid, or one is missing")
	}
}

// A refused change says why in the desk's words.
func TestStatusRefusalsSayWhy(t *testing.T) {
	for _, c := range []struct {
		from, to Status
		want     string
	}{
		{StatusSeen, StatusSeen, "the appointment is already marked seen"},
		{StatusSeen, StatusDNA, "the patient has been seen: the appointment cannot be marked did not attend"},
		{StatusCancelledClinic, StatusArrived, "the appointment was cancelled by the clinic: book a new one instead"},
		{StatusDNA, StatusSeen, "the appointment is marked did not attend: it can only become a late arrival, not seen"},
		{StatusInProgress, StatusBooked, "an appointment marked in progress cannot be marked booked"},
	} {
		if err := c.from.CanBecome(c.to); err == nil || err.Error() != c.want {
			t.Errorf("%s → %s: %v, want %q", c.from, c.to, err, c.want)
		}
	}
}

// The rules in time (SPEC §2.3): arrived only on its day, in progress and
// seen from 15 minutes before the start, did not attend only after its
// start; cancelling and stepping back are never too early. Times are the
// clinic's wall clock, in summer and winter alike.
func TestStatusTimeRules(t *testing.T) {
	london := func(day string, hour, minute int) time.Time {
		d := ukcal.MustParseDate(day)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, ukcal.London())
	}
	winter := appt("a", drOkafor, "", "p", "2026-11-24", "10:30", "11:00")
	summer := appt("a", drOkafor, "", "p", "2026-07-14", "10:30", "11:00")
	for _, c := range []struct {
		a   Appt
		to  Status
		now time.Time
		ok  bool
	}{
		{winter, StatusArrived, london("2026-11-23", 23, 59), false},
		{winter, StatusArrived, london("2026-11-24", 0, 0), true},
		{winter, StatusInProgress, london("2026-11-24", 10, 14), false},
		{winter, StatusSeen, london("2026-11-24", 10, 15), true},
		{winter, StatusDNA, london("2026-11-24", 10, 29), false},
		{winter, StatusDNA, london("2026-11-24", 10, 30), true},
		{summer, StatusDNA, london("2026-07-14", 10, 29), false},
		{summer, StatusDNA, london("2026-07-14", 10, 30), true},
		{winter, StatusCancelledPatient, london("2026-11-01", 9, 0), true},
		{winter, StatusBooked, london("2026-11-01", 9, 0), true},
		{winter, StatusSeen, london("2027-01-04", 9, 0), true}, // recorded late: a correction, not refused
	} {
		if err := c.to.TooEarly(c.a, c.now); (err == nil) != c.ok {
			t.Errorf("%s at %s: %v, want ok %v", c.to, c.now.Format(time.RFC3339), err, c.ok)
		}
	}
	if err := StatusDNA.TooEarly(winter, london("2026-11-23", 12, 0)); err == nil ||
		err.Error() != "This appointment is on Tuesday 24 November at 10:30: it cannot be marked as did not attend before 10:30 that day" {
		t.Errorf("the day before: %v", err)
	}
	if err := StatusBooked.CanBecomeAt(StatusDNA, winter, london("2026-11-24", 10, 0)); err == nil ||
		err.Error() != "This appointment starts at 10:30: it cannot be marked as did not attend before 10:30" {
		t.Errorf("half an hour early: %v", err)
	}
	// An old file's did not attend on an appointment still to come shows
	// as booked; a cancellation is shown as it is.
	if got := StatusDNA.AsOf(winter, london("2026-11-24", 10, 0)); got != StatusBooked {
		t.Errorf("a DNA still to come shows as %s", got)
	}
	if got := StatusDNA.AsOf(winter, london("2026-11-24", 11, 0)); got != StatusDNA {
		t.Errorf("a DNA that has happened shows as %s", got)
	}
	if got := StatusCancelledClinic.AsOf(winter, london("2026-11-01", 9, 0)); got != StatusCancelledClinic {
		t.Errorf("a cancellation shows as %s", got)
	}
}

// An appointment as stored answers the same time rules through its Appt;
// one with no date is never held back by time.
func TestAppointmentStatusRulesUseItsSlot(t *testing.T) {
	a := Appointment{ID: "a", PatientID: "p", Status: StatusBooked,
		Slot: Slot{ClinicianID: drOkafor, RoomID: "room-1", Date: date("2026-11-24"), StartMin: 10*60 + 30, EndMin: 11 * 60}}
	if got := a.Appt(); got != appt("a", drOkafor, "room-1", "p", "2026-11-24", "10:30", "11:00") {
		t.Fatalf("Appt = %+v", got)
	}
	early := time.Date(2026, 11, 24, 10, 29, 0, 0, ukcal.London())
	if a.CanChangeStatusAt(StatusDNA, early) == nil || a.StatusTooEarly(StatusDNA, early) == nil {
		t.Error("a DNA a minute before the start was allowed")
	}
	if err := a.CanChangeStatusAt(StatusDNA, early.Add(time.Minute)); err != nil {
		t.Errorf("a DNA at the start: %v", err)
	}
	if opens, ok := a.StatusOpensAt(StatusInProgress); !ok || !opens.Equal(early.Add(-14*time.Minute)) {
		t.Errorf("in progress opens at %v", opens)
	}
	a.Status = StatusDNA
	if got := a.StatusAsOf(early); got != StatusBooked {
		t.Errorf("a DNA still to come shows as %s", got)
	}
	a.Date = ukcal.Date{}
	if _, ok := a.StatusOpensAt(StatusArrived); ok || a.StatusTooEarly(StatusArrived, early) != nil {
		t.Error("an appointment with no date held a status back")
	}
}
