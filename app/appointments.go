package app

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// BookingRequest is what the booking dialog collects.
type BookingRequest struct {
	PatientID   string
	ClinicianID string
	RoomID      string // required when the type needs a room
	TypeID      string
	Date        ukcal.Date
	Start       schedule.Clock
	Minutes     int // 0: the type's default length
	Notes       string
	// OverrideReason books in spite of the warnings; it is kept on the
	// appointment and in the audit trail.
	OverrideReason string
	// WaitingID is the waiting-list entry this booking fills, if any.
	WaitingID string
	// ReferralID is the referral in this appointment is for, if any: its
	// attendance or DNA then becomes the referral's pathway event.
	ReferralID string
}

// BookingRefusedError is a booking or move stopped by problems that need
// a reason to go ahead. Problems lists them all, the blocking ones and
// those only for acting on; each door words them (the error's own text
// only counts them, for a log).
type BookingRefusedError struct {
	Problems []schedule.Problem
}

func (e *BookingRefusedError) Error() string {
	b := schedule.Blocking(e.Problems)
	return fmt.Sprintf("not booked: %s (%s) need a reason to book anyway", plural(len(b), "problem", "problems"), problemKinds(b))
}

func notFound(err error, msg string) error {
	if errors.Is(err, data.ErrNotFound) {
		return errors.New(msg)
	}
	return err
}

// Book books an appointment. The clash checks run inside the same write
// transaction as the insert, so two desks booking the same slot at once
// get one booking and one clash. Any problem that blocks stops the
// booking with a *BookingRefusedError unless req.OverrideReason is given;
// the reason is then kept with the appointment and audited. The returned
// problems include the alerts and AIS needs to act on.
func (c *Clinic) Book(req BookingRequest) (schedule.Appointment, []schedule.Problem, error) {
	req.OverrideReason = cleanText(req.OverrideReason)
	var out prepared
	err := c.do(PermBookAppointments, func(tx *writeTx) error {
		var err error
		out, err = c.bookIn(tx, tx.session, req, "")
		return err
	})
	if err != nil {
		return schedule.Appointment{}, out.problems, err
	}
	return out.appt, out.problems, nil
}

// bookIn checks and inserts one appointment inside tx.
func (c *Clinic) bookIn(tx *writeTx, s *Session, req BookingRequest, seriesID string) (prepared, error) {
	p, err := c.prepare(tx, req, "")
	if err != nil {
		return p, err
	}
	blocks := schedule.Blocking(p.problems)
	if len(blocks) > 0 && req.OverrideReason == "" {
		return p, &BookingRefusedError{Problems: p.problems}
	}
	now := c.clock().UTC()
	a := p.appt
	a.ID = uuid.Must(uuid.NewV7()).String()
	a.Status, a.StatusAt, a.StatusBy = schedule.StatusBooked, now, s.User.Username
	a.CreatedAt, a.CreatedBy, a.SeriesID = now, s.User.Username, seriesID
	if len(blocks) > 0 {
		a.OverrideReason = req.OverrideReason
	}
	if err := tx.InsertAppointment(a); err != nil {
		return p, err
	}
	p.appt = a
	detail := fmt.Sprintf("%s %s–%s", a.Date, schedule.Clock(a.StartMin), schedule.Clock(a.EndMin))
	if a.OverrideReason != "" {
		detail += "; warnings overridden: " + problemKinds(blocks) + "; reason: " + a.OverrideReason
	}
	if req.WaitingID != "" {
		if err := c.fillWaiting(tx, req.WaitingID, a, now); err != nil {
			return p, err
		}
		detail += "; from the waiting list"
	}
	if req.ReferralID != "" {
		words, err := c.linkReferral(tx, req.ReferralID, a, now)
		if err != nil {
			return p, err
		}
		detail += words
	}
	return p, tx.audit(auditEvent{Action: "appointment.book", Entity: "appointment", ID: a.ID, Patient: a.PatientID, Detail: detail})
}

// problemKinds lists the kinds for the audit trail: "clinician_clash, bank_holiday".
func problemKinds(ps []schedule.Problem) string {
	kinds := make([]string, len(ps))
	for i, p := range ps {
		kinds[i] = string(p.Kind)
	}
	return strings.Join(kinds, ", ")
}
