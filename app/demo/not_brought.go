package demo

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

// notBrought adds Ruby Shaw, five, whose mother (living elsewhere) is her
// parent or carer, after the generated diary so she has no history of
// her own; then books her into a free slot on a recent past weekday and
// marks it missed. The demo then shows "Was not brought", the letter to
// the parent or carer, and the safeguarding prompt on Today.
func notBrought(c *app.Clinic, now time.Time, usedPhones map[string]bool) error {
	today := ukcal.Today(now)
	born := today.AddMonths(-5*12 - 7)
	child := patients.Patient{Forenames: "Ruby", Surname: "Shaw", DOB: born, Sex: "female",
		NHSNumber: nhs.TestNHSNumber(seed.MaxNHSNumbers - 1 - len(handWritten)),
		Address:   patients.Address{Line1: "8 Canal Wharf", Line2: "Holbeck", Town: "Leeds", County: "West Yorkshire", Postcode: "LS11 5PZ"},
		GP: patients.GP{Name: "Dr Helen Ashworth", Practice: "Kirkgate Surgery",
			Address: []string{"41 Chapel Street", "Headingley", "Leeds", "LS6 3HW"}},
		ParentCarer: patients.ParentCarer{Title: "Mrs", Forenames: "Hannah", Surname: "Shaw", Relationship: "Mother",
			Phone: freePhone(usedPhones), Address: []string{"Flat 2, 19 Bridge Street", "Otley", "LS21 1BQ"}},
		Consent: patients.Consent{Letter: true, Phone: true}}
	p, err := c.CreatePatient(child, app.PatientOptions{})
	if err != nil {
		return fmt.Errorf("demo child: %w", err)
	}
	clinicians, err := c.Clinicians(false)
	if err != nil {
		return err
	}
	types, err := c.AppointmentTypes(false)
	if err != nil {
		return err
	}
	rooms, err := c.Rooms(false)
	if err != nil {
		return err
	}
	// A new patient's assessment is what a child would come for first.
	sort.SliceStable(types, func(i, j int) bool {
		return strings.HasPrefix(types[i].Name, "New patient") && !strings.HasPrefix(types[j].Name, "New patient")
	})
	// The first slot that books without a warning, from yesterday back: a
	// demo appointment booked "in spite of warnings" would mislead.
	for back := 1; back <= 21; back++ {
		day := today.AddDays(-back)
		for _, t := range types {
			for _, cl := range clinicians {
				a, ok := bookFirstFree(c, p.ID, cl.ID, t, day, rooms)
				if ok {
					_, err = c.SetStatus(a.ID, schedule.StatusDNA, "")
					return err
				}
			}
		}
	}
	return errors.New("demo: no free slot for the child's missed appointment in the last three weeks")
}

// bookFirstFree books the first time of the day, from 09:00, that raises
// no warning; false when there is none (or the clinician does not deliver
// the type).
func bookFirstFree(c *app.Clinic, patientID, clinicianID string, t schedule.AppointmentType, day ukcal.Date, rooms []schedule.Room) (schedule.Appointment, bool) {
	room := ""
	if t.NeedsRoom && len(rooms) > 0 {
		room = rooms[0].ID
	}
	for start := 9 * 60; start+t.Minutes <= 17*60; start += 15 {
		a, _, err := c.Book(app.BookingRequest{PatientID: patientID, ClinicianID: clinicianID, RoomID: room, TypeID: t.ID, Date: day,
			Start: schedule.Clock(start)})
		var refused *app.BookingRefusedError
		switch {
		case err == nil:
			return a, true
		case !errors.As(err, &refused) || refusedForType(refused):
			return schedule.Appointment{}, false // no other time of day changes this
		}
	}
	return schedule.Appointment{}, false
}

// refusedForType reports a refusal because the clinician does not deliver
// the type.
func refusedForType(r *app.BookingRefusedError) bool {
	return schedule.HasKind(r.Problems, schedule.TypeNotDelivered)
}

// freePhone is a drama-range mobile no demo patient has.
func freePhone(used map[string]bool) string {
	for i := 0; i < 1000; i++ {
		if n := nhs.DramaPhone(3*i + 1); !used[n] {
			used[n] = true
			return n
		}
	}
	return ""
}
