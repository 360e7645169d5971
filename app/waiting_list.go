package app

import (
	"errors"
	"fmt"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// WaitingList lists who is waiting, urgent first, then longest waiting.
func (c *Clinic) WaitingList() ([]schedule.WaitingEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return c.store.WaitingList()
}

// normaliseWaiting checks an entry's fields and puts them in stored form.
func (c *Clinic) normaliseWaiting(tx *data.Tx, w *schedule.WaitingEntry) error {
	pr, err := schedule.ParsePriority(w.Priority)
	if err != nil {
		return err
	}
	w.Priority = pr.String()
	part, err := schedule.ParsePartOfDay(w.PartOfDay)
	if err != nil {
		return err
	}
	w.PartOfDay = ""
	if part != schedule.AnyTime {
		w.PartOfDay = part.String()
	}
	if w.Minutes < 0 || w.Minutes > 480 {
		return fmt.Errorf("the wanted length must be up to 8 hours (not %d minutes)", w.Minutes)
	}
	if w.Added.IsZero() {
		w.Added = c.today()
	}
	if w.ClinicianID != "" {
		if _, err := tx.Clinician(w.ClinicianID); err != nil {
			return notFound(err, "that clinician is not set up in this clinic")
		}
	}
	w.Notes = cleanText(w.Notes)
	return nil
}

// AddToWaitingList puts a patient on the waiting list.
func (c *Clinic) AddToWaitingList(w schedule.WaitingEntry) (schedule.WaitingEntry, error) {
	err := c.do(PermWaitingList, func(tx *writeTx) error {
		now := c.clock().UTC()
		w.ID, w.Status, w.AppointmentID = uuid.Must(uuid.NewV7()).String(), schedule.WaitingOpen, ""
		w.CreatedBy, w.CreatedAt, w.UpdatedAt = tx.session.User.Username, now, now
		p, err := tx.Patient(w.PatientID)
		if err != nil {
			return notFound(err, "that patient's record is not in this clinic file")
		}
		if p.Status != patients.Active {
			return fmt.Errorf("the record is %s: only an active patient can wait for an appointment", p.Status)
		}
		if err := c.normaliseWaiting(tx.Tx, &w); err != nil {
			return err
		}
		if err := tx.SaveWaiting(w); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "waiting.add", Entity: "waiting_list", ID: w.ID, Patient: w.PatientID, Detail: w.Priority})
	})
	return w, err
}

// UpdateWaiting saves changes to the priority, wanted clinician, length,
// part of the day, date added or notes of an entry still waiting.
func (c *Clinic) UpdateWaiting(w schedule.WaitingEntry) (schedule.WaitingEntry, error) {
	err := c.do(PermWaitingList, func(tx *writeTx) error {
		old, err := tx.WaitingEntry(w.ID)
		if err != nil {
			return notFound(err, "that entry is not on the waiting list")
		}
		if !old.Status.StillWaiting() {
			return fmt.Errorf("that patient is no longer waiting (%s)", old.Status)
		}
		if err := c.normaliseWaiting(tx.Tx, &w); err != nil {
			return err
		}
		// Who, when made and where it stands are not the form's to change.
		w.PatientID, w.Status, w.AppointmentID, w.CreatedBy, w.CreatedAt = old.PatientID, old.Status, old.AppointmentID, old.CreatedBy, old.CreatedAt
		w.UpdatedAt = c.clock().UTC()
		if err := tx.SaveWaiting(w); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "waiting.update", Entity: "waiting_list", ID: w.ID, Patient: w.PatientID, Detail: w.Priority})
	})
	return w, err
}

// RemoveFromWaitingList takes a patient off the list without booking
// (found elsewhere, no longer needed); the reason is audited.
func (c *Clinic) RemoveFromWaitingList(id, reason string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermWaitingList)
	if err != nil {
		return err
	}
	if reason = cleanText(reason); reason == "" {
		return errors.New("say why the patient is taken off the waiting list")
	}
	return c.writeAs(s, func(tx *writeTx) error {
		w, err := tx.WaitingEntry(id)
		if err != nil {
			return notFound(err, "that entry is not on the waiting list")
		}
		if !w.Status.StillWaiting() {
			return fmt.Errorf("that patient is no longer waiting (%s)", w.Status)
		}
		w.Status, w.UpdatedAt = schedule.WaitingRemoved, c.clock().UTC()
		if err := tx.SaveWaiting(w); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "waiting.remove", Entity: "waiting_list", ID: id, Patient: w.PatientID, Detail: "reason: " + reason})
	})
}

// OffersFor lists the waiting-list patients who fit the slot a cancelled
// or missed appointment has freed: the wanted clinician (or anyone), a
// length that fits, the right part of the day, and not already booked at
// that time. Urgent first, then longest waiting. Book one with
// BookingRequest.WaitingID set, so the entry is marked booked.
func (c *Clinic) OffersFor(appointmentID string) ([]schedule.WaitingEntry, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewCalendar)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	a, err := store.Appointment(appointmentID)
	if err != nil {
		return nil, notFound(err, "that appointment is not in the diary")
	}
	if !a.Status.Cancelled() && a.Status != schedule.StatusDNA {
		return nil, fmt.Errorf("the slot is still taken (the appointment is %s)", lowerFirst(a.Status.Label()))
	}
	list, err := store.WaitingList()
	if err != nil {
		return nil, err
	}
	sameDay, err := store.OccupyingOn(a.Date)
	if err != nil {
		return nil, err
	}
	freed := a.Appt()
	busy := map[string]bool{a.PatientID: true} // the patient who cancelled is not offered their own slot
	for _, o := range sameDay {
		if schedule.Overlaps(freed, o.Appt()) {
			busy[o.PatientID] = true
		}
	}
	byID := map[string]schedule.WaitingEntry{}
	rules := make([]schedule.Waiting, 0, len(list))
	for _, w := range list {
		byID[w.ID] = w
		pr, _ := schedule.ParsePriority(w.Priority)
		part, _ := schedule.ParsePartOfDay(w.PartOfDay)
		rules = append(rules, schedule.Waiting{ID: w.ID, PatientID: w.PatientID, ClinicianID: w.ClinicianID,
			Minutes: w.Minutes, Priority: pr, Added: w.Added, Part: part})
	}
	fits := schedule.Offer(freed, rules, func(patientID string) bool { return busy[patientID] })
	out := make([]schedule.WaitingEntry, len(fits))
	for i, f := range fits {
		out[i] = byID[f.ID]
	}
	return out, nil
}

// fillWaiting marks a waiting-list entry booked into appointment a, inside
// the booking's own write transaction: the entry leaves the list only if
// the appointment is written too, and a booking that is refused (a clash,
// a crash before the commit) leaves the patient waiting. The entry must be
// the booked patient's and still waiting; its history names the
// appointment.
func (c *Clinic) fillWaiting(tx *writeTx, waitingID string, a schedule.Appointment, at time.Time) error {
	w, err := tx.WaitingEntry(waitingID)
	if err != nil {
		return notFound(err, "that entry is not on the waiting list")
	}
	if w.PatientID != a.PatientID {
		return fmt.Errorf("that waiting-list entry is for %s, not the patient being booked: "+
			"book them from their own entry, or take the entry off the list", w.PatientName)
	}
	if !w.Status.StillWaiting() {
		return fmt.Errorf("%s is no longer on the waiting list (%s): book them without it", w.PatientName, w.Status)
	}
	if err := tx.BookWaiting(waitingID, a.ID, at); err != nil {
		return err
	}
	return tx.audit(auditEvent{Action: "waiting.book", Entity: "waiting_list", ID: waitingID, Patient: w.PatientID, Detail: fmt.Sprintf("appointment %s on %s at %s", a.ID, a.Date, schedule.Clock(a.StartMin))})
}
