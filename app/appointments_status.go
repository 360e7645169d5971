package app

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/data"
)

// DNAPrompt is what the DNA policy proposes after a DNA: the DNAs in the
// window (this one included) and the letter to send, which the letters
// module renders.
type DNAPrompt struct {
	Count        int
	WindowMonths int
	Step         schedule.DNAStep
	// NotBrought: the patient was a child on the day, so the letters are
	// the "was not brought" ones and the clinician is prompted to consider
	// safeguarding (Safeguarding, when SetStatus raised it just now).
	NotBrought   bool
	Safeguarding *patients.SafeguardingPrompt
	// NoParentCarer: the record names no parent or carer to write to.
	NoParentCarer bool
}

// StatusResult is an appointment after a status change, with the DNA
// prompt when it was marked DNA.
type StatusResult struct {
	Appointment schedule.Appointment
	DNA         *DNAPrompt
}

// SetStatus changes an appointment's status, recording when and who.
// Cancellations need a reason and the booking permission; arrivals, seen
// and DNA need the status permission (clinicians have it). Only the
// changes schedule.Status.CanBecome allows are made, and only once they
// could have happened (schedule.Appointment.CanChangeStatusAt).
func (c *Clinic) SetStatus(id string, to schedule.Status, reason string) (StatusResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	perm := PermAppointmentStatus
	if to.Cancelled() {
		perm = PermBookAppointments
	}
	s, err := c.require(perm)
	if err != nil {
		return StatusResult{}, err
	}
	reason = cleanText(reason)
	if !to.Valid() {
		return StatusResult{}, fmt.Errorf("%q is not an appointment status", to)
	}
	if to.Cancelled() && reason == "" {
		return StatusResult{}, errors.New("say why the appointment is cancelled")
	}
	var res StatusResult
	err = c.writeAs(s, func(tx *writeTx) error {
		a, err := tx.Appointment(id)
		if err != nil {
			return notFound(err, "that appointment is not in the diary")
		}
		now := c.clock().UTC()
		// The rules in time are checked here, not only in the screens:
		// no arrival, start, seen or DNA for an appointment still to come.
		if err := a.CanChangeStatusAt(to, now); err != nil {
			return err
		}
		if err := tx.SetAppointmentStatus(id, to, now, s.User.Username, reason); err != nil {
			return err
		}
		a.Status, a.StatusAt, a.StatusBy = to, now, s.User.Username
		if to.Cancelled() {
			a.CancelReason = reason
		}
		res.Appointment = a
		detail := string(a.Status)
		if to == schedule.StatusDNA {
			prompt, err := c.dnaPrompt(tx.Tx, a)
			if err != nil {
				return err
			}
			res.DNA = &prompt
			if prompt.NotBrought {
				detail += "; " + strings.ToLower(LabelNotBrought)
			}
		}
		if reason != "" {
			detail += "; reason: " + reason
		}
		words, err := c.feedReferral(tx, a, to)
		if err == nil && to.Cancelled() {
			words, err = c.feedCancelled(tx, a, to, reason)
		}
		if err != nil {
			return err
		}
		detail += words
		if err := tx.audit(auditEvent{Action: "appointment.status", Entity: "appointment", ID: id, Patient: a.PatientID, Detail: detail}); err != nil {
			return err
		}
		if res.DNA != nil && res.DNA.NotBrought {
			res.DNA.Safeguarding, err = c.raiseSafeguarding(tx, s, a, res.DNA.Count)
		}
		return err
	})
	return res, err
}

// dnaPrompt counts the patient's DNAs over the clinic's window, up to the
// missed appointment's day.
func (c *Clinic) dnaPrompt(tx *data.Tx, a schedule.Appointment) (DNAPrompt, error) {
	cs, err := tx.CalendarSettings()
	if err != nil {
		return DNAPrompt{}, err
	}
	on := a.Date
	since := on.AddMonths(-cs.DNAWindowMonths)
	dates, err := tx.DNADates(a.PatientID, since)
	if err != nil {
		return DNAPrompt{}, err
	}
	n := schedule.DNAsInWindow(dates, on, cs.DNAWindowMonths)
	p, err := tx.Patient(a.PatientID)
	if err != nil {
		return DNAPrompt{}, err
	}
	if patients.WasNotBrought(p.DOB, on, cs.ChildUnderAge) {
		return DNAPrompt{Count: n, WindowMonths: cs.DNAWindowMonths, Step: schedule.NextWNBStep(n), NotBrought: true,
			NoParentCarer: !p.ParentCarer.Recorded()}, nil
	}
	return DNAPrompt{Count: n, WindowMonths: cs.DNAWindowMonths, Step: schedule.NextDNAStep(n)}, nil
}

// AppointmentHistory lists an appointment's status changes and moves,
// oldest first.
func (c *Clinic) AppointmentHistory(id string) ([]schedule.StatusChange, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.AppointmentHistory(id)
}
