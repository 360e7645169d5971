package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// entryOf is one of a patient's waiting-list entries as stored, any status.
func entryOf(t *testing.T, c *Clinic, patientID, id string) schedule.WaitingEntry {
	t.Helper()
	list, err := c.store.PatientWaiting(patientID)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range list {
		if w.ID == id {
			return w
		}
	}
	t.Fatalf("entry %s not found", id)
	return schedule.WaitingEntry{}
}

// Issue 13 item 10: booking from the waiting list takes the entry off the
// list in the booking's own write, audited; a refused booking leaves it.
func TestBookingFromTheWaitingListRemovesTheEntryOnlyWhenBooked(t *testing.T) {
	d := newDiary(t)
	entry, err := d.c.AddToWaitingList(schedule.WaitingEntry{PatientID: d.john.ID, Priority: "soon", Notes: "Short notice is fine"})
	if err != nil {
		t.Fatal(err)
	}
	// Zoë holds Dr Evans at 10:00: booking John there clashes.
	d.book(t, d.req(d.zoe, d.evans, "2026-11-25", "10:00"))
	clash := d.req(d.john, d.evans, "2026-11-25", "10:00")
	clash.WaitingID = entry.ID
	var refused *BookingRefusedError
	if _, _, err := d.c.Book(clash); !errors.As(err, &refused) {
		t.Fatalf("a clash was not refused: %v", err)
	}
	if st := entryOf(t, d.c, d.john.ID, entry.ID).Status; st != schedule.WaitingOpen {
		t.Fatalf("a refused booking left the entry %s", st)
	}

	// The entry is John's: it cannot be filled by booking Zoë.
	other := d.req(d.zoe, d.patel, "2026-11-26", "11:00")
	other.WaitingID = entry.ID
	if _, _, err := d.c.Book(other); err == nil || !strings.Contains(err.Error(), "John") {
		t.Fatalf("another patient's booking filled John's entry: %v", err)
	}
	if st := entryOf(t, d.c, d.john.ID, entry.ID).Status; st != schedule.WaitingOpen {
		t.Fatalf("the wrong patient's booking left the entry %s", st)
	}
	if got := appointmentsOn(t, d, "2026-11-26"); got != 0 {
		t.Fatalf("%d appointments on the 26th: the refused booking was written", got)
	}

	ok := d.req(d.john, d.evans, "2026-11-25", "11:00")
	ok.WaitingID = entry.ID
	a := d.book(t, ok)
	w := entryOf(t, d.c, d.john.ID, entry.ID)
	if w.Status != schedule.WaitingBooked || w.AppointmentID != a.ID {
		t.Fatalf("after booking the entry is %s, appointment %q", w.Status, w.AppointmentID)
	}
	rows, err := d.c.AuditLog(audit.Filter{Action: "waiting.book"})
	if err != nil || len(rows) != 1 || rows[0].EntityID != entry.ID || !strings.Contains(rows[0].Detail, a.ID) {
		t.Fatalf("audit of the waiting-list booking: %+v %v", rows, err)
	}
	// Booked once: the entry cannot be filled again.
	again := d.req(d.john, d.patel, "2026-11-26", "11:00")
	again.WaitingID = entry.ID
	if _, _, err := d.c.Book(again); err == nil || !strings.Contains(err.Error(), "no longer on the waiting list") {
		t.Fatalf("a booked entry was filled twice: %v", err)
	}
}

// appointmentsOn counts the appointments in the diary on a day.
func appointmentsOn(t *testing.T, d *diary, day string) int {
	t.Helper()
	v, err := d.c.DayView(ukcal.MustParseDate(day))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, col := range v.Columns {
		n += len(col.Appointments)
	}
	return n
}
