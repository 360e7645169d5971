package app

import (
	"encoding/json"
	"errors"
	"fmt"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// SkippedOccurrence is a date of a series that was not booked, and why.
type SkippedOccurrence struct {
	Date     ukcal.Date
	Problems []schedule.Problem // the ones that block
}

// SeriesResult is what BookSeries booked and what it left out.
type SeriesResult struct {
	SeriesID string
	Booked   []schedule.Appointment
	Skipped  []SkippedOccurrence
}

// seriesRule is how a series' rule is stored.
type seriesRule struct {
	Every int    `json:"every"`
	Unit  string `json:"unit"`
	Count int    `json:"count,omitempty"`
	Until string `json:"until,omitempty"`
}

// BookSeries books a recurring series (e.g. weekly × 6) starting on
// req.Date, every occurrence at the same wall-clock time, so 09:00 stays
// 09:00 across the clock change.
//
// The clean occurrences are booked and the ones with problems that block (a clash, a bank holiday, a closure, outside hours) are
// skipped and reported, so the desk can book those by hand: one bad week
// should not stop the other five. With req.OverrideReason every occurrence
// is booked and the reason recorded on each. If no occurrence can be
// booked, nothing is, and the error is a *BookingRefusedError. Everything
// is written in one transaction.
func (c *Clinic) BookSeries(req BookingRequest, repeat schedule.Repeat) (SeriesResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBookAppointments)
	if err != nil {
		return SeriesResult{}, err
	}
	if err := repeat.Validate(); err != nil {
		return SeriesResult{}, err
	}
	req.OverrideReason = cleanText(req.OverrideReason)
	rule := seriesRule{Every: repeat.Every, Unit: repeat.Unit.String(), Count: repeat.Count}
	if !repeat.Until.IsZero() {
		rule.Until = repeat.Until.String()
	}
	ruleJSON, err := json.Marshal(rule)
	if err != nil {
		return SeriesResult{}, err
	}
	res := SeriesResult{SeriesID: uuid.Must(uuid.NewV7()).String()}
	err = c.writeAs(s, func(tx *writeTx) error {
		if _, err := tx.Patient(req.PatientID); err != nil {
			return notFound(err, "that patient's record is not in this clinic file")
		}
		if err := tx.InsertSeries(res.SeriesID, req.PatientID, string(ruleJSON), s.User.Username, c.clock().UTC()); err != nil {
			return err
		}
		var firstRefusal error
		for _, d := range schedule.Occurrences(req.Date, repeat) {
			one := req
			one.Date = d
			if len(res.Booked) > 0 {
				one.WaitingID = "" // the waiting-list entry is filled by the first
			}
			p, err := c.bookIn(tx, s, one, res.SeriesID)
			var refused *BookingRefusedError
			switch {
			case errors.As(err, &refused):
				res.Skipped = append(res.Skipped, SkippedOccurrence{Date: d, Problems: schedule.Blocking(refused.Problems)})
				if firstRefusal == nil {
					firstRefusal = err
				}
			case err != nil:
				return err
			default:
				res.Booked = append(res.Booked, p.appt)
			}
		}
		if len(res.Booked) == 0 {
			return firstRefusal
		}
		return tx.audit(auditEvent{Action: "appointment.series", Entity: "appointment_series", ID: res.SeriesID, Patient: req.PatientID, Detail: fmt.Sprintf("%d booked, %d skipped", len(res.Booked), len(res.Skipped))})
	})
	if err != nil {
		return SeriesResult{Skipped: res.Skipped}, err
	}
	return res, nil
}

// CancelSeries cancels one appointment of a series, or it and all the
// series' later ones (thisAndFollowing). Only booked appointments are
// cancelled: one the patient has already arrived for or been seen at is
// left as it is. status is schedule.StatusCancelledPatient or schedule.StatusCancelledClinic;
// the reason is required. It returns how many were cancelled.
func (c *Clinic) CancelSeries(appointmentID string, thisAndFollowing bool, status schedule.Status, reason string) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermBookAppointments)
	if err != nil {
		return 0, err
	}
	if !status.Cancelled() {
		return 0, errors.New("say whether the patient or the clinic cancelled")
	}
	if reason = cleanText(reason); reason == "" {
		return 0, errors.New("say why the appointments are cancelled")
	}
	n := 0
	err = c.writeAs(s, func(tx *writeTx) error {
		a, err := tx.Appointment(appointmentID)
		if err != nil {
			return notFound(err, "that appointment is not in the diary")
		}
		targets := []schedule.Appointment{a}
		if thisAndFollowing {
			if a.SeriesID == "" {
				return errors.New("this appointment is not part of a series")
			}
			if targets, err = tx.SeriesAppointments(a.SeriesID, a.Date); err != nil {
				return err
			}
		} else if a.Status != schedule.StatusBooked {
			return a.Status.CanBecome(status)
		}
		now := c.clock().UTC()
		for _, t := range targets {
			if t.Status != schedule.StatusBooked {
				continue
			}
			if err := tx.SetAppointmentStatus(t.ID, status, now, s.User.Username, reason); err != nil {
				return err
			}
			detail := string(status) + "; reason: " + reason
			if thisAndFollowing {
				detail += "; with the rest of the series"
			}
			if err := tx.audit(auditEvent{Action: "appointment.status", Entity: "appointment", ID: t.ID, Patient: t.PatientID, Detail: detail}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
