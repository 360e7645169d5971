package demo

import (
	"errors"
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// child is the demo's five-year-old with her mother recorded as parent or
// carer: the hand-written patient "ruby".
const childKey = "ruby"

// notBrought books the child into a free slot on a recent past weekday and
// marks it missed, so the demo shows "Was not brought", the letter to the
// parent or carer and the safeguarding prompt on Today.
func notBrought(c *app.Clinic, now time.Time, nhsOf map[string]string) error {
	found, err := c.SearchPatients(nhsOf[childKey], false, 5)
	if err != nil {
		return err
	}
	if len(found) != 1 {
		return fmt.Errorf("demo patient %q: %d found by NHS number", childKey, len(found))
	}
	clinicians, err := c.Clinicians(false)
	if err != nil {
		return err
	}
	types, err := c.AppointmentTypes(false)
	if err != nil {
		return err
	}
	today := ukcal.Today(now)
	// The first slot that books without a warning, from yesterday back: a
	// demo appointment booked "in spite of warnings" would mislead.
	for back := 1; back <= 21; back++ {
		day := today.AddDays(-back)
		for _, cl := range clinicians {
			for _, t := range types {
				for start := 9 * 60; start+t.Minutes <= 17*60; start += 15 {
					a, _, err := c.Book(app.BookingRequest{PatientID: found[0].ID, ClinicianID: cl.ID, TypeID: t.ID, Date: day,
						Start: schedule.Clock(start)})
					var refused *app.BookingRefusedError
					if errors.As(err, &refused) {
						if refusedForType(refused) {
							break // this clinician does not deliver the type: try the next
						}
						continue
					}
					if err != nil {
						// A type that needs a room, say: try the next type.
						break
					}
					_, err = c.SetStatus(a.ID, app.StatusDNA, "")
					return err
				}
			}
		}
	}
	return errors.New("demo: no free slot for the child's missed appointment in the last three weeks")
}

// refusedForType reports a refusal because the clinician does not deliver
// the type, which no other time of day will change.
func refusedForType(r *app.BookingRefusedError) bool {
	for _, w := range r.Warnings {
		if w.Kind == string(schedule.TypeNotDelivered) {
			return true
		}
	}
	return false
}
