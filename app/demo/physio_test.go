package demo

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/seed"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// The demo is a physiotherapy clinic through and through: its name, its
// team's roles, its types (each saying who delivers it), and a diary that
// books every type only with those who deliver it. Its acupuncture, which
// two physiotherapists deliver, is offered only with them, and booking it
// with a massage therapist warns by name.
func TestTheDemoIsACoherentPhysiotherapyClinic(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	c := d.Clinic
	if details, _ := c.Details(); !strings.Contains(details.Name, "Physiotherapy") {
		t.Fatalf("the demo calls itself %q", details.Name)
	}
	team, err := c.Clinicians(false)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]schedule.Clinician{}
	for _, cl := range team {
		byName[cl.Name] = cl
		if !slices.Contains([]string{"Physiotherapist", "Physiotherapy assistant", "Sports massage therapist"}, cl.Role) {
			t.Errorf("%s is a %s in a physiotherapy clinic", cl.Name, cl.Role)
		}
	}
	types, err := c.AppointmentTypes(false)
	if err != nil {
		t.Fatal(err)
	}
	typeByID := map[string]schedule.AppointmentType{}
	var acupuncture schedule.AppointmentType
	for _, ty := range types {
		typeByID[ty.ID] = ty
		if ty.Deliverers.Anyone() {
			t.Errorf("%s does not say who delivers it", ty.Name)
		}
		for _, word := range []string{"GP", "Nurse", "Smear", "Blood"} {
			if strings.Contains(ty.Name, word) {
				t.Errorf("a physiotherapy clinic offers %s", ty.Name)
			}
		}
		if ty.Name == "Acupuncture 30 min" {
			acupuncture = ty
		}
	}
	if acupuncture.ID == "" {
		t.Fatal("no acupuncture in the demo")
	}

	today := testclock.Today()
	booked := 0
	for i := -7; i < 14; i++ {
		v, err := c.DayView(today.AddDays(i))
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range v.Columns {
			for _, a := range col.Appointments {
				booked++
				if !app.Delivers(typeByID[a.TypeID], col.Clinician) {
					t.Fatalf("%s booked for %s on %s, which they do not deliver", col.Clinician.Name, a.TypeName, a.Date)
				}
			}
		}
	}
	if booked < 200 {
		t.Fatalf("only %d appointments in three weeks", booked)
	}

	slots, err := c.NextFreeSlots(app.FreeSlotQuery{TypeID: acupuncture.ID, From: today, Max: 6})
	if err != nil || len(slots) == 0 {
		t.Fatalf("acupuncture slots %+v %v", slots, err)
	}
	for _, s := range slots {
		if s.ClinicianName != "Priya Raman" && s.ClinicianName != "Callum MacLeod" {
			t.Fatalf("acupuncture offered with %s", s.ClinicianName)
		}
	}
	grace := byName["Grace Mensah"]
	patients, err := c.ActivePatientBriefs()
	if err != nil || len(patients) == 0 {
		t.Fatal(err)
	}
	ws, err := c.CheckBooking(app.BookingRequest{PatientID: patients[0].ID, ClinicianID: grace.ID, TypeID: acupuncture.ID,
		Date: slots[0].Date, Start: slots[0].Start})
	want := "Grace Mensah does not usually deliver Acupuncture 30 min; Priya Raman and Callum MacLeod do."
	if err != nil || len(ws) == 0 || ws[0].Kind != schedule.TypeNotDelivered || ws[0].Clinician.Name != "Grace Mensah" ||
		ws[0].Detail != "Acupuncture 30 min" || ws[0].DeliveredBy != "Priya Raman and Callum MacLeod" {
		t.Fatalf("booking acupuncture with Grace Mensah: %+v %v; want %q", ws, err, want)
	}
	_, err = c.NextFreeSlots(app.FreeSlotQuery{ClinicianID: grace.ID, TypeID: acupuncture.ID, From: today})
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("the next free acupuncture with Grace Mensah: %v", err)
	}
}

// The demo's complaints register is a physiotherapy clinic's too: none is
// about a doctor, a prescription or a nurse, though the seed's general
// practice register it is made from has them.
func TestTheDemoComplaintsFitAPhysiotherapyClinic(t *testing.T) {
	batch := seed.Complaints(seed.ComplaintOptions{Seed: Seed, Now: testclock.Now(), Years: 5})
	reworded := 0
	for _, h := range batch {
		d := h.Details
		before := d.Description
		physioComplaint(&d)
		if d.Description != before {
			reworded++
		}
		low := strings.ToLower(d.Description)
		for _, word := range []string{"doctor", "prescription", "dressing", "nurse"} {
			if strings.Contains(low, word) {
				t.Errorf("a demo complaint mentions a %s: %q", word, d.Description)
			}
		}
		for _, g := range d.StaffGroups {
			if g == complaints.StaffGP || g == complaints.StaffNursing {
				t.Errorf("a demo complaint is about %s staff: %q", g, d.Description)
			}
		}
	}
	if reworded == 0 {
		t.Fatal("five years of complaints and not one reworded: the seed's topics have changed")
	}
}

// The demo's team is about as busy as a real one over the last three
// whole months: most of its hours booked, not a quarter of them.
func TestTheDemoTeamIsAboutAsBusyAsARealOne(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	first := ukcal.Today(testclock.Now()).AddMonths(-3)
	first = ukcal.NewDate(first.Year(), first.Month(), 1)
	last := ukcal.NewDate(ukcal.Today(testclock.Now()).Year(), ukcal.Today(testclock.Now()).Month(), 1).AddDays(-1)
	rep, err := d.Clinic.Report(reports.Utilisation, reports.Range{From: first, To: last, By: reports.ByMonth})
	if err != nil {
		t.Fatal(err)
	}
	var booked, available int
	for _, row := range rep.Figures[0].Table.Rows {
		b, errB := strconv.Atoi(row[1])
		a, errA := strconv.Atoi(row[2])
		if errB != nil || errA != nil {
			t.Fatalf("a utilisation row that is not minutes: %q", row)
		}
		booked, available = booked+b, available+a
	}
	if available == 0 {
		t.Fatal("the team had no hours")
	}
	if used := float64(booked) / float64(available); used < 0.55 || used > 0.95 {
		t.Errorf("the team was %.0f%% used from %s to %s (%d of %d minutes); a busy physiotherapy clinic is about 60–90%%",
			100*used, first, last, booked, available)
	}
}
