package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
)

// ctPhysio45 adds a type only physiotherapists deliver (Mr Carter, not
// Dr Patel).
func ctPhysio45(t *testing.T, c *app.Clinic) schedule.AppointmentType {
	t.Helper()
	ty, err := c.SaveAppointmentType(schedule.AppointmentType{Name: "Physio 45 min", Minutes: 45, Colour: "#7b1fa2", Active: true,
		Deliverers: schedule.Deliverers{Roles: []string{"Physiotherapist"}}})
	if err != nil {
		t.Fatal(err)
	}
	return ty
}

// The next free slot, for a type only physiotherapists deliver, lists
// only Mr Carter though Dr Patel is as free, says so under the type, and
// asked for Dr Patel says who does instead.
func TestNextFreeSlotDialogOffersOnlyWhoDeliversTheType(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	physio := ctPhysio45(t, c)
	s, _ := ctScreen(t, c)

	n := &calendarNextFree{s: s}
	n.build()
	defer n.dialog.Hide()
	i := -1
	for j, ty := range n.types {
		if ty.ID == physio.ID {
			i = j
		}
	}
	n.kind.SetSelectedIndex(i)
	if want := "Only physiotherapists, who deliver Physio 45 min, are offered."; !n.whoDelivers.Visible() || n.whoDelivers.Text != want {
		t.Fatalf("under the type: %q (shown %v), want %q", n.whoDelivers.Text, n.whoDelivers.Visible(), want)
	}
	n.find()
	tpIdle(t)
	rows := ctTexts(n.results)
	if len(rows) != calendarNextFreeShown {
		t.Fatalf("%d free times listed, want %d: %q", len(rows), calendarNextFreeShown, rows)
	}
	for _, r := range rows {
		if r == "Book" {
			continue
		}
		if !strings.Contains(r, d.carter.Name) || strings.Contains(r, d.patel.Name) {
			t.Fatalf("a free time not with Mr Carter: %q", r)
		}
	}

	// The review is open to anyone: no note, and Dr Patel is offered.
	for j, ty := range n.types {
		if ty.ID == d.review.ID {
			n.kind.SetSelectedIndex(j)
		}
	}
	if n.whoDelivers.Visible() {
		t.Fatalf("a type open to anyone says %q", n.whoDelivers.Text)
	}

	n.kind.SetSelectedIndex(i)
	n.who.SetSelected(d.patel.Name)
	n.find()
	tpIdle(t)
	if !strings.Contains(n.message.Text, "Dr Asha Patel does not usually deliver Physio 45 min; physiotherapists do") || len(n.results.Objects) != 0 {
		t.Fatalf("asked for Dr Patel: %q, %d rows", n.message.Text, len(n.results.Objects))
	}
}

// Booking a physiotherapists' type with Dr Patel shows why in the same
// "before you book" warnings as a clash, and asks for a reason.
func TestBookingDialogWarnsWhenTheClinicianDoesNotDeliverTheType(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	physio := ctPhysio45(t, c)
	tpAdd(t, c, "Aarav", "Shah", "1975-06-01")
	s, w := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60)
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	ctChoosePatient(t, w, b, "Shah")
	for j, ty := range b.types {
		if ty.ID == physio.ID {
			b.typeSelect.SetSelectedIndex(j)
		}
	}
	tpIdle(t)
	if !b.warnings.Visible() || !strings.Contains(b.warnings.Text, "Dr Asha Patel does not usually deliver Physio 45 min; physiotherapists do.") {
		t.Fatalf("warnings shown %v: %q", b.warnings.Visible(), b.warnings.Text)
	}
	if !b.blocking || b.book.Text != "Book anyway" || !b.reasonRow.Visible() {
		t.Fatalf("no reason asked: button %q, reason shown %v", b.book.Text, b.reasonRow.Visible())
	}
}

// A click on a free time opens the booking on a type the column's
// clinician delivers, not on the first of the list when that one is
// someone else's: the dialog must not open on a warning.
func TestBookingDialogStartsOnATypeTheClinicianDelivers(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	physio := ctPhysio45(t, c)
	s, _ := ctScreen(t, c)

	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60)
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	if len(b.types) < 2 || b.types[0].ID != physio.ID {
		t.Fatalf("the test needs the physiotherapists' type first in the list: %v", b.types)
	}
	got, ok := b.chosenType()
	if !ok || got.ID == physio.ID || got.ID != d.review.ID {
		t.Fatalf("Dr Patel's booking opened on %q (%v)", got.Name, ok)
	}
	b.close()
	tpIdle(t)

	// Mr Carter, a physiotherapist, gets the first of the list.
	ctTap(t, s, ctColumn(t, s, d.carter.ID), 10*60)
	if got, ok := s.booking.chosenType(); !ok || got.ID != physio.ID {
		t.Fatalf("Mr Carter's booking opened on %q (%v)", got.Name, ok)
	}
}
