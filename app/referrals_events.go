package app

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// referralClock is a referral's clock as of a day, computed from its
// events by the pathway rules.
func referralClock(r pathways.Referral, events []pathways.Event, asOf ukcal.Date) (pathways.Clock, error) {
	return pathways.Compute(r.Urgency, events, asOf)
}

// RecordReferralEvent adds what happened on a referral's pathway (a
// decision to treat, a treatment, a discharge…) on the day it happened.
// Events are never changed or removed, so each is checked first: the
// clock is computed with it, and one the rules reject is not recorded,
// with the rule's reason. A clinician records events on their own
// referrals only.
func (c *Clinic) RecordReferralEvent(referralID string, kind pathways.EventKind, on ukcal.Date, note string) (pathways.Event, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermReferralEvents)
	if err != nil {
		return pathways.Event{}, err
	}
	r, err := c.openReferralLocked(s, referralID)
	if err != nil {
		return pathways.Event{}, err
	}
	today := c.today()
	switch {
	case r.Direction != pathways.In:
		return pathways.Event{}, errors.New("a referral out has no pathway here: record the reply on the referral instead")
	case !kind.Valid():
		return pathways.Event{}, fmt.Errorf("%q is not a pathway event: choose one of %s", kind, eventKindList())
	case kind == pathways.ReferralReceived:
		return pathways.Event{}, errors.New("the referral's receipt was recorded when it was added: record what happened next")
	case on.IsZero():
		return pathways.Event{}, errors.New("give the day it happened")
	case on.After(today):
		return pathways.Event{}, fmt.Errorf("%s is after today: record an event once it has happened", on.Short())
	case on.Before(r.Date):
		return pathways.Event{}, fmt.Errorf("%s is before the referral was received (%s)", on.Short(), r.Date.Short())
	}
	e := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: kind, On: on, Note: cleanText(note),
		By: s.User.ID, At: c.clock().UTC()}
	err = c.writeAs(s, func(tx *writeTx) error {
		events, err := tx.ReferralEvents(r.ID)
		if err != nil {
			return err
		}
		if _, err := referralClock(r, append(events, e), today); err != nil {
			return fmt.Errorf("not recorded: %w", err)
		}
		return tx.appendReferralEvent(r, e, "")
	})
	if err != nil {
		return pathways.Event{}, err
	}
	return e, nil
}

// eventKindList is the kinds a person may record, for a message.
func eventKindList() string {
	var out string
	for _, k := range pathways.EventKinds {
		if k == pathways.ReferralReceived {
			continue
		}
		if out != "" {
			out += ", "
		}
		out += string(k)
	}
	return out
}

// appendReferralEvent inserts e and its audit row, and makes the tasks
// the referral's rules now call for.
func (w *writeTx) appendReferralEvent(r pathways.Referral, e pathways.Event, from string) error {
	if err := w.InsertReferralEvent(e); err != nil {
		return err
	}
	detail := fmt.Sprintf("%s on %s%s", e.Kind, e.On, from)
	if err := w.audit(auditEvent{Action: "referral.event", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: detail}); err != nil {
		return err
	}
	return w.referralTasks(r.ID)
}

// linkReferral ties an appointment being booked to the referral it is
// for, in the booking's transaction, and records "first appointment
// booked" (on the day of booking) when the pathway is waiting for one. The returned words go into the booking's audit
// row.
func (c *Clinic) linkReferral(tx *writeTx, referralID string, a schedule.Appointment, now time.Time) (string, error) {
	r, err := tx.Referral(referralID)
	if err != nil {
		return "", notFound(err, "the referral this appointment is for is not in this clinic file")
	}
	switch {
	case r.PatientID != a.PatientID:
		return "", errors.New("that referral is about another patient: book the referral's own patient, or book without it")
	case r.Direction != pathways.In:
		return "", errors.New("appointments are booked for referrals that came in, not for those going out")
	case r.Status == pathways.StatusClosed:
		return "", errors.New("that referral's pathway is closed: book without it")
	}
	if err := tx.LinkReferralAppointment(r.ID, a.ID); err != nil {
		return "", err
	}
	events, err := tx.ReferralEvents(r.ID)
	if err != nil {
		return "", err
	}
	if !awaitingFirstBooking(events) {
		return "; for referral " + r.ID, nil
	}
	e := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: pathways.FirstAppointmentBooked,
		On: ukcal.Today(now), AppointmentID: a.ID, By: tx.session.User.ID, At: now}
	return c.feedEvent(tx, r, events, e)
}

// appointmentPathway is the open referral an appointment was booked for,
// with its events; ok is false when there is none (or it is closed), and
// the appointment then feeds no pathway.
func appointmentPathway(tx *writeTx, a schedule.Appointment) (pathways.Referral, []pathways.Event, bool, error) {
	referralID, err := tx.AppointmentReferral(a.ID)
	if err != nil || referralID == "" {
		return pathways.Referral{}, nil, false, err
	}
	r, err := tx.Referral(referralID)
	if err != nil || r.Status == pathways.StatusClosed {
		return pathways.Referral{}, nil, false, err
	}
	events, err := tx.ReferralEvents(r.ID)
	if err != nil {
		return pathways.Referral{}, nil, false, err
	}
	return r, events, true, nil
}

// feedReferral turns an appointment's attendance or DNA into its
// referral's event, in the status change's transaction: seen is the
// first appointment attended (once); a DNA is the kind the pathway rules
// say (pathways.DNAKind): a first appointment DNA, which nullifies the
// clock, until the first appointment is attended, then a later DNA. An
// appointment booked for no referral feeds nothing. The returned words go
// into the status change's audit row.
func (c *Clinic) feedReferral(tx *writeTx, a schedule.Appointment, to schedule.Status) (string, error) {
	if to != schedule.StatusSeen && to != schedule.StatusDNA {
		return "", nil
	}
	r, events, ok, err := appointmentPathway(tx, a)
	if err != nil || !ok {
		return "", err
	}
	kind := pathways.DNAKind(events, a.Date)
	if to == schedule.StatusSeen {
		if hasEvent(events, pathways.FirstAppointmentAttended) {
			return "", nil
		}
		kind = pathways.FirstAppointmentAttended
	}
	if slices.ContainsFunc(events, func(e pathways.Event) bool { return e.AppointmentID == a.ID && e.Kind == kind }) {
		return "", nil // marked again after a correction: once is enough
	}
	now := c.clock().UTC()
	e := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: kind, On: a.Date, AppointmentID: a.ID,
		By: tx.session.User.ID, At: now}
	return c.feedEvent(tx, r, events, e)
}

// feedEvent records an event an appointment made, when the pathway rules
// accept it. When they do not, the appointment's change still stands (the
// desk must not be stopped from marking a DNA) and the words returned say
// why the pathway was left as it was.
func (c *Clinic) feedEvent(tx *writeTx, r pathways.Referral, events []pathways.Event, e pathways.Event) (string, error) {
	words, _, err := c.feedEventRecorded(tx, r, events, e)
	return words, err
}

// feedEventRecorded is feedEvent, saying whether the event was recorded.
func (c *Clinic) feedEventRecorded(tx *writeTx, r pathways.Referral, events []pathways.Event, e pathways.Event) (string, bool, error) {
	if _, err := referralClock(r, append(slices.Clone(events), e), c.today()); err != nil {
		return "; not added to referral " + r.ID + ": " + err.Error(), false, nil
	}
	if err := tx.appendReferralEvent(r, e, ", from appointment "+e.AppointmentID); err != nil {
		return "", false, err
	}
	return "; " + e.Kind.Label() + " on referral " + r.ID, true, nil
}

func hasEvent(events []pathways.Event, kind pathways.EventKind) bool {
	return slices.ContainsFunc(events, func(e pathways.Event) bool { return e.Kind == kind })
}

// awaitingFirstBooking reports whether the pathway is waiting for its
// first appointment to be booked: none attended, and none booked since
// the last first-appointment DNA (the rebooking starts a new clock) or
// cancellation.
func awaitingFirstBooking(events []pathways.Event) bool {
	_, waiting := currentFirstBooking(events)
	return waiting
}

// currentFirstBooking is the appointment the pathway's first booking
// came from ("" when recorded by hand), and whether the pathway is
// waiting for a booking instead (then there is none).
func currentFirstBooking(events []pathways.Event) (appointmentID string, waiting bool) {
	waiting = true
	for _, e := range events {
		switch e.Kind {
		case pathways.FirstAppointmentAttended:
			return "", false
		case pathways.FirstAppointmentBooked:
			appointmentID, waiting = e.AppointmentID, false
		case pathways.FirstAppointmentDNA, pathways.FirstAppointmentCancelled:
			appointmentID, waiting = "", true
		}
	}
	return appointmentID, waiting
}

// feedCancelled records a referral's first appointment cancelled, in the
// cancel's transaction, when the cancelled one is the pathway's current
// first booking: the pathway then waits for a booking again, and its
// clock runs on (no pauses since 2015). When another appointment is
// still booked for the referral, that one becomes the first booked. The
// returned words go into the status change's audit row.
func (c *Clinic) feedCancelled(tx *writeTx, a schedule.Appointment, to schedule.Status, reason string) (string, error) {
	r, events, ok, err := appointmentPathway(tx, a)
	if err != nil || !ok {
		return "", err
	}
	if first, waiting := currentFirstBooking(events); waiting || first != a.ID {
		return "", nil
	}
	now := c.clock().UTC()
	by := "the clinic"
	if to == schedule.StatusCancelledPatient {
		by = "the patient"
	}
	e := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: pathways.FirstAppointmentCancelled,
		On: ukcal.Today(now), AppointmentID: a.ID, Note: "Cancelled by " + by + ": " + reason, By: tx.session.User.ID, At: now}
	words, recorded, err := c.feedEventRecorded(tx, r, events, e)
	if err != nil || !recorded {
		return words, err
	}
	next, err := tx.NextReferralAppointment(r.ID, ukcal.Today(now))
	if err != nil || next == "" {
		return words, err
	}
	booked := pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID, Kind: pathways.FirstAppointmentBooked,
		On: ukcal.Today(now), AppointmentID: next, By: tx.session.User.ID, At: now}
	more, err := c.feedEvent(tx, r, append(events, e), booked)
	return words + more, err
}
