package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

func TestBookAppointmentFromThePatientRecord(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	t.Cleanup(func() { pendingBooking = nil })

	// The record's button asks for the Calendar, with Jane in hand.
	tpHoldResults(t)
	obj, _, sh := tcBuild(t, c, patientsModuleID)
	ps := obj.(*patientsScreen)
	tpIdle(t)
	ps.openRecord(p.ID)
	tpIdle(t)
	r := ps.record
	if r == nil || r.bookButton == nil || !r.bookButton.Visible() {
		t.Fatal("the record has no Book appointment button")
	}
	test.Tap(r.bookButton)
	if len(sh.opened) != 1 || sh.opened[0] != calendarModuleID {
		t.Fatalf("Book appointment opened %v, want the Calendar", sh.opened)
	}

	// The Calendar opens the booking dialog at the first free time, with
	// Jane chosen: the same time the next-free-slot finder gives.
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	obj, _, _ = tcBuild(t, c, calendarModuleID)
	s := obj.(*calendarScreen)
	tpIdle(t)
	if pendingBooking != nil {
		t.Error("the Calendar did not take up the booking asked for")
	}
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog opened")
	}
	if b.patient.id() != p.ID || b.patient.search.Visible() || !s.forBanner.Visible() {
		t.Fatalf("dialog patient %q (search shown %v), banner shown %v", b.patient.id(), b.patient.search.Visible(), s.forBanner.Visible())
	}
	types, _ := c.AppointmentTypes(false)
	free, err := c.NextFreeSlots(app.FreeSlotQuery{TypeID: types[0].ID, PatientID: p.ID, From: ukcal.Today(s.now()), Max: 1})
	if err != nil || len(free) != 1 {
		t.Fatalf("next free slot: %v %v", free, err)
	}
	if b.date.Text != free[0].Date.Short() || b.start.Text != free[0].Start.String() {
		t.Errorf("dialog opened at %s %s, first free is %s %s", b.date.Text, b.start.Text, free[0].Date, free[0].Start)
	}

	// Closing the dialog keeps Jane in hand: the next empty slot tapped
	// books her.
	b.close()
	s.goTo(ctDay)
	tpIdle(t)
	ctTap(t, s, ctColumn(t, s, d.carter.ID), 14*60)
	b = s.booking
	if b == nil || b.patient.id() != p.ID {
		t.Fatal("tapping a slot did not book for the patient held")
	}
	if b.book.Disabled() {
		t.Fatalf("Book is disabled: %q", b.warnings.Text)
	}
	test.Tap(b.book)
	tpIdle(t)
	got, err := c.PatientAppointments(p.ID)
	if err != nil || len(got) != 1 || got[0].ClinicianID != d.carter.ID || got[0].Date != ukcal.MustParseDate("2026-11-24") || got[0].StartMin != 14*60 {
		t.Fatalf("Jane's appointments %+v %v", got, err)
	}
	if s.forPatient != nil || s.forBanner.Visible() {
		t.Error("the patient is still held after she was booked")
	}
}
