package app

import (
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// MoveRequest is where an appointment is moved to. An empty ClinicianID
// keeps the clinician; the length is kept.
type MoveRequest struct {
	ClinicianID    string
	RoomID         string
	Date           ukcal.Date
	Start          schedule.Clock
	Reason         string
	OverrideReason string
}

// Move reschedules a booked appointment. The clash checks run again (the
// appointment never clashes with itself); the slot it left is kept in its
// history and the slot first booked stays on the appointment.
func (c *Clinic) Move(id string, m MoveRequest) (schedule.Appointment, []schedule.Problem, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBookAppointments)
	if err != nil {
		return schedule.Appointment{}, nil, err
	}
	m.Reason, m.OverrideReason = cleanText(m.Reason), cleanText(m.OverrideReason)
	var moved schedule.Appointment
	var problems []schedule.Problem
	err = c.writeAs(s, func(tx *writeTx) error {
		a, err := tx.Appointment(id)
		if err != nil {
			return notFound(err, "that appointment is not in the diary")
		}
		if a.Status != schedule.StatusBooked {
			return fmt.Errorf("only a booked appointment can be moved; this one is marked %s", strings.ToLower(a.Status.Label()))
		}
		req := BookingRequest{PatientID: a.PatientID, ClinicianID: m.ClinicianID, RoomID: m.RoomID, TypeID: a.TypeID,
			Date: m.Date, Start: m.Start, Minutes: a.EndMin - a.StartMin}
		if req.ClinicianID == "" {
			req.ClinicianID = a.ClinicianID
		}
		p, err := c.prepare(tx, req, a.ID)
		if req.ClinicianID == a.ClinicianID {
			// Who delivers the type was settled when it was booked; a move
			// warns only when it changes the clinician.
			p.problems = slices.DeleteFunc(p.problems, func(pr schedule.Problem) bool { return pr.Kind == schedule.TypeNotDelivered })
		}
		problems = p.problems
		if err != nil {
			return err
		}
		b := schedule.Blocking(p.problems)
		if len(b) > 0 && m.OverrideReason == "" {
			return &BookingRefusedError{Problems: p.problems}
		}
		override := ""
		if len(b) > 0 {
			override = m.OverrideReason
		}
		from := a.Slot
		if err := tx.MoveAppointment(id, p.appt.Slot, c.clock().UTC(), s.User.Username, m.Reason, override); err != nil {
			return err
		}
		if moved, err = tx.Appointment(id); err != nil {
			return err
		}
		detail := fmt.Sprintf("from %s %s to %s %s", from.Date, schedule.Clock(from.StartMin), moved.Date, schedule.Clock(moved.StartMin))
		if m.Reason != "" {
			detail += "; reason: " + m.Reason
		}
		if override != "" {
			detail += "; warnings overridden: " + problemKinds(b) + "; reason: " + override
		}
		return tx.audit(auditEvent{Action: "appointment.move", Entity: "appointment", ID: id, Patient: a.PatientID, Detail: detail})
	})
	return moved, problems, err
}
