package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// deliverersDiary adds to the test diary a second physiotherapist and
// two limited types: Acupuncture by two named clinicians, Physio by role.
type deliverersDiary struct {
	*diary
	callum                schedule.Clinician
	acupuncture, physio45 schedule.AppointmentType
}

func newDeliverersDiary(t *testing.T) deliverersDiary {
	t.Helper()
	d := deliverersDiary{diary: newDiary(t)}
	var err error
	if d.callum, err = d.c.SaveClinician(schedule.Clinician{Name: "Callum MacLeod", Role: "physiotherapist", Active: true, Hours: workingWeek(), SortOrder: 2}); err != nil {
		t.Fatal(err)
	}
	if d.acupuncture, err = d.c.SaveAppointmentType(schedule.AppointmentType{Name: "Acupuncture 30 min", Minutes: 30, Active: true,
		Deliverers: schedule.Deliverers{ClinicianIDs: []string{d.patel.ID, d.callum.ID, d.patel.ID}}}); err != nil {
		t.Fatal(err)
	}
	if d.physio45, err = d.c.SaveAppointmentType(schedule.AppointmentType{Name: "Physio 45 min", Minutes: 45, Active: true,
		Deliverers: schedule.Deliverers{Roles: []string{" Physiotherapist ", "PHYSIOTHERAPIST"}}}); err != nil {
		t.Fatal(err)
	}
	return d
}

// Saving a type keeps who delivers it, tidied; a clinician who is not in
// the clinic is refused in plain words; the audit trail says who.
func TestSavingATypeKeepsWhoDeliversIt(t *testing.T) {
	d := newDeliverersDiary(t)
	types, err := d.c.AppointmentTypes(false)
	if err != nil {
		t.Fatal(err)
	}
	for _, ty := range types {
		switch ty.ID {
		case d.acupuncture.ID:
			if got := ty.Deliverers.ClinicianIDs; len(got) != 2 || got[0] != d.patel.ID || got[1] != d.callum.ID || len(ty.Deliverers.Roles) != 0 {
				t.Errorf("acupuncture delivered by %+v", ty.Deliverers)
			}
		case d.physio45.ID:
			if got := ty.Deliverers.Roles; len(got) != 1 || got[0] != "Physiotherapist" {
				t.Errorf("physio delivered by roles %q", got)
			}
		case d.followUp.ID:
			if !ty.Deliverers.Anyone() {
				t.Errorf("the follow-up, saved with nobody chosen, is limited: %+v", ty.Deliverers)
			}
		}
	}
	bad := d.physio45
	bad.Deliverers.ClinicianIDs = []string{"no-such-clinician"}
	if _, err := d.c.SaveAppointmentType(bad); err == nil || !strings.Contains(err.Error(), "not set up in this clinic") {
		t.Fatalf("a type delivered by a clinician not in the clinic: %v", err)
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "calendar.type.create"})
	found := false
	for _, r := range rows {
		found = found || strings.Contains(r.Detail, "delivered by roles Physiotherapist")
	}
	if !found {
		t.Fatalf("the audit trail does not say who delivers the type: %+v", rows)
	}
}

// Booking a type with a clinician who does not deliver it warns in plain
// words, naming who does; it goes ahead with a reason (a locum covering),
// which is kept; with a deliverer there is no such warning.
func TestBookingWarnsWhenTheClinicianDoesNotDeliverTheType(t *testing.T) {
	d := newDeliverersDiary(t)
	r := d.req(d.zoe, d.evans, "2026-11-24", "09:00")
	r.TypeID = d.acupuncture.ID
	ws, err := d.c.CheckBooking(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) == 0 || ws[0].Kind != schedule.TypeNotDelivered || !ws[0].Blocks || ws[0].Clinician.Name != "Dr Siân Evans" ||
		ws[0].Detail != "Acupuncture 30 min" || ws[0].DeliveredBy != "Ms Priya Patel and Callum MacLeod" {
		t.Fatalf("problems %+v, want first who does not deliver acupuncture, and who does", ws)
	}
	_, _, err = d.c.Book(r)
	var refused *BookingRefusedError
	if !errors.As(err, &refused) || !hasWarning(refused.Problems, schedule.TypeNotDelivered) {
		t.Fatalf("booked without a word: %v", err)
	}
	r.OverrideReason = "Locum covering acupuncture this week"
	a := d.book(t, r)
	if a.OverrideReason != r.OverrideReason {
		t.Fatalf("the reason was not kept: %+v", a)
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "appointment.book"})
	if len(rows) == 0 || !strings.Contains(rows[0].Detail, "type_not_delivered") {
		t.Fatalf("audit: %+v", rows)
	}

	// By role: Callum's role is typed in lower case and still counts.
	r = d.req(d.john, d.callum, "2026-11-24", "09:00")
	r.TypeID = d.physio45.ID
	if ws, _ := d.c.CheckBooking(r); hasWarning(ws, schedule.TypeNotDelivered) {
		t.Fatalf("a physiotherapist warned for a physiotherapists' type: %+v", ws)
	}
	r.ClinicianID = d.evans.ID
	ws, _ = d.c.CheckBooking(r)
	if len(ws) == 0 || ws[0].Detail != "Physio 45 min" || ws[0].DeliveredBy != "physiotherapists" {
		t.Fatalf("problems %+v, want physiotherapists to deliver Physio 45 min", ws)
	}
	// A type open to anyone never warns.
	r.TypeID = d.followUp.ID
	if ws, _ := d.c.CheckBooking(r); hasWarning(ws, schedule.TypeNotDelivered) {
		t.Fatalf("a type open to anyone warned: %+v", ws)
	}
}

// A move warns the same way when it changes the clinician to one who does
// not deliver the type, and not when the clinician stays.
func TestMovingToAClinicianWhoDoesNotDeliverTheTypeWarns(t *testing.T) {
	d := newDeliverersDiary(t)
	r := d.req(d.zoe, d.patel, "2026-11-24", "09:00")
	r.TypeID = d.acupuncture.ID
	a := d.book(t, r)

	_, _, err := d.c.Move(a.ID, MoveRequest{ClinicianID: d.evans.ID, Date: ukcal.MustParseDate("2026-11-25"), Start: schedule.MustParseClock("10:00")})
	var refused *BookingRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("moved to a clinician who does not deliver it: %v", err)
	}
	if p, _ := problemOf(refused.Problems, schedule.TypeNotDelivered); p.Clinician.Name != "Dr Siân Evans" || p.Detail != "Acupuncture 30 min" {
		t.Fatalf("moved to a clinician who does not deliver it without a word: %v", err)
	}
	if _, _, err := d.c.Move(a.ID, MoveRequest{ClinicianID: d.callum.ID, Date: ukcal.MustParseDate("2026-11-25"), Start: schedule.MustParseClock("10:00")}); err != nil {
		t.Fatalf("moving to another deliverer: %v", err)
	}

	// Booked with a locum's reason, then moved in time only: no warning.
	r = d.req(d.john, d.evans, "2026-11-24", "11:00")
	r.TypeID, r.OverrideReason = d.acupuncture.ID, "Locum covering"
	b := d.book(t, r)
	_, ws, err := d.c.Move(b.ID, MoveRequest{Date: ukcal.MustParseDate("2026-11-26"), Start: schedule.MustParseClock("11:00")})
	if err != nil || hasWarning(ws, schedule.TypeNotDelivered) {
		t.Fatalf("a move that keeps the clinician: %+v %v", ws, err)
	}
}

// The next free slot offers only clinicians who deliver the type, even
// when someone else is free first; asked for a clinician who does not, it
// says who does; a type whose deliverers have all left says so.
func TestNextFreeSlotOnlyOffersWhoDeliversTheType(t *testing.T) {
	d := newDeliverersDiary(t)
	// Ms Patel is booked all Tuesday morning; Dr Evans is free.
	for _, at := range []string{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"} {
		r := d.req(d.john, d.patel, "2026-11-24", at)
		r.OverrideReason = "A morning of short sessions"
		d.book(t, r)
	}
	from := ukcal.MustParseDate("2026-11-24")
	open, err := d.c.NextFreeSlots(FreeSlotQuery{TypeID: d.followUp.ID, From: from, Max: 1})
	if err != nil || len(open) != 1 || open[0].ClinicianID != d.evans.ID || open[0].Start.String() != "09:00" {
		t.Fatalf("a type open to anyone: %+v %v", open, err)
	}
	slots, err := d.c.NextFreeSlots(FreeSlotQuery{TypeID: d.acupuncture.ID, From: from, Max: 6})
	if err != nil || len(slots) != 6 {
		t.Fatalf("acupuncture: %+v %v", slots, err)
	}
	for _, s := range slots {
		if s.ClinicianID != d.patel.ID && s.ClinicianID != d.callum.ID {
			t.Fatalf("acupuncture offered with %s", s.ClinicianName)
		}
	}
	if slots[0].ClinicianName != "Callum MacLeod" || slots[0].Start.String() != "09:00" {
		t.Fatalf("first acupuncture slot: %+v", slots[0])
	}

	_, err = d.c.NextFreeSlots(FreeSlotQuery{ClinicianID: d.evans.ID, TypeID: d.physio45.ID, From: from})
	if err == nil || err.Error() != "Dr Siân Evans does not usually deliver Physio 45 min; physiotherapists do. Choose one of them, or any clinician." {
		t.Fatalf("asked for Dr Evans's physio: %v", err)
	}

	for _, cl := range []schedule.Clinician{d.patel, d.callum} {
		cl.Active = false
		if _, err := d.c.SaveClinician(cl); err != nil {
			t.Fatal(err)
		}
	}
	_, err = d.c.NextFreeSlots(FreeSlotQuery{TypeID: d.acupuncture.ID, From: from})
	if err == nil || !strings.Contains(err.Error(), "nobody in the diary is set up to deliver Acupuncture 30 min") {
		t.Fatalf("acupuncture with both its clinicians gone: %v", err)
	}
}

// Who delivers a type, in words: roles as several people, GPs kept in
// capitals, named clinicians not already covered by a role.
func TestWhoDeliversSaysItInPlainWords(t *testing.T) {
	team := []schedule.Clinician{
		{ID: "a", Name: "Priya Raman", Role: "Physiotherapist", Active: true},
		{ID: "b", Name: "Dr Eze", Role: "GP", Active: true},
		{ID: "c", Name: "Grace Mensah", Role: "Sports massage therapist", Active: true},
		{ID: "d", Name: "Gone Away", Role: "Physiotherapist"},
	}
	for _, c := range []struct {
		d    schedule.Deliverers
		want string
	}{
		{schedule.Deliverers{}, ""},
		{schedule.Deliverers{Roles: []string{"GP"}}, "GPs"},
		{schedule.Deliverers{Roles: []string{"Physiotherapist"}, ClinicianIDs: []string{"a", "c"}}, "physiotherapists and Grace Mensah"},
		{schedule.Deliverers{ClinicianIDs: []string{"d"}}, "nobody in the diary"},
		{schedule.Deliverers{ClinicianIDs: []string{"a", "b", "c"}}, "Priya Raman, Dr Eze and Grace Mensah"},
	} {
		if got := WhoDelivers(schedule.AppointmentType{Deliverers: c.d}, team); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
	if roles := ClinicianRoles(append(team, schedule.Clinician{Role: "gp"})); strings.Join(roles, "|") != "Physiotherapist|GP|Sports massage therapist" {
		t.Errorf("roles %q", roles)
	}
}
