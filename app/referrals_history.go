package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// Generated histories of the pathway half (seed, demo, bench): referrals
// with the events they already have, and tasks already worked. Each is
// checked by the rules a typed one meets, as of the day it happened
// rather than today, and written with its own dates and recorders; one
// transaction per batch, each referral or task audited once, as
// generated. Nothing is added if any is refused.

// HistoricReferral is a referral with its story so far. Referral holds
// what AddReferral takes plus who recorded it when (CreatedBy, a user ID;
// CreatedAt) and, when a manager closed it, ClosedBy (a user ID), ClosedAt
// and CloseReason. ID and Status are filled in. A referral in gets its
// "referral received" event from the referral itself; Events are what
// happened after, in the order they were recorded.
type HistoricReferral struct {
	Referral pathways.Referral
	Events   []pathways.Event // Kind, On, AppointmentID, Note, By (user ID), At
}

// AddReferralHistory adds generated referrals with their events (managers
// only: it writes in other people's names). Each referral is checked as
// AddReferral checks it on the day it was recorded; each event as
// RecordReferralEvent checks it on the day it was recorded, with the
// clock computed from the events before it; an event from an
// appointment must name the patient's own appointment, on that day and
// with the status it says (seen, did not attend), and links the
// appointment to the referral as booking for it would. A closing is a
// manager's, after the last event.
func (c *Clinic) AddReferralHistory(batch []HistoricReferral) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermClosePathway)
	if err != nil {
		return 0, err
	}
	now := c.clock().UTC()
	prepared := make([]HistoricReferral, len(batch))
	for i, h := range batch {
		if prepared[i], err = c.prepareHistoricReferralLocked(h, now); err != nil {
			return 0, fmt.Errorf("generated referral %d (%s %s): %w", i+1, dateWord(h.Referral.Direction), h.Referral.Date.Short(), err)
		}
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		for i, h := range prepared {
			if err := c.writeHistoricReferral(tx, h); err != nil {
				return fmt.Errorf("generated referral %d (%s %s): %w", i+1, dateWord(h.Referral.Direction), h.Referral.Date.Short(), err)
			}
		}
		// A history comes in thousands: its tasks are made by the next
		// run of the referral rules over every referral, on Today's next look.
		return tx.SetSetting(referralTasksDayKey, "")
	})
	if err != nil {
		return 0, err
	}
	return len(batch), nil
}

// prepareHistoricReferralLocked checks what needs no transaction and fills
// in the referral's id, status and received event. Caller holds c.mu.
func (c *Clinic) prepareHistoricReferralLocked(h HistoricReferral, now time.Time) (HistoricReferral, error) {
	r := h.Referral
	cleanReferral(&r)
	if r.Direction == pathways.Out && r.Kind == "" {
		r.Kind = pathways.Other
	}
	if r.Direction == pathways.In && r.Source == "" {
		r.Source = pathways.FromGP // as AddReferral: most come from the GP
	}
	switch {
	case r.CreatedAt.IsZero() || r.CreatedAt.After(now):
		return h, errors.New("say when it was recorded: a moment before now")
	case r.OwnerID == "":
		return h, errors.New("choose who looks after it")
	}
	if err := c.historicRecorderLocked(r.CreatedBy); err != nil {
		return h, err
	}
	recorded := ukcal.WallDate(r.CreatedAt)
	if r.Date.After(recorded) {
		return h, fmt.Errorf("it is recorded on %s, before it was %s (%s)", recorded.Short(), dateWord(r.Direction), r.Date.Short())
	}
	if err := c.checkNewReferralLocked(r, recorded); err != nil {
		return h, err
	}
	// The desk's dates were typed as they happened, up to now.
	if err := checkDeskDates(r, ukcal.Today(now)); err != nil {
		return h, err
	}
	r.ID, r.Status = uuid.Must(uuid.NewV7()).String(), pathways.StatusOpen
	if !r.ReplyOn.IsZero() {
		r.Status = pathways.StatusReplied
	}
	r.CreatedAt = r.CreatedAt.UTC()
	var events []pathways.Event
	if r.Direction == pathways.In {
		events = append(events, pathways.Event{ID: uuid.Must(uuid.NewV7()).String(), ReferralID: r.ID,
			Kind: pathways.ReferralReceived, On: r.Date, By: r.CreatedBy, At: r.CreatedAt})
	} else if len(h.Events) > 0 {
		return h, errors.New("a referral out has no pathway here: it has no events")
	}
	last := r.CreatedAt
	for i, e := range h.Events {
		e.ID, e.ReferralID, e.Note, e.At = uuid.Must(uuid.NewV7()).String(), r.ID, cleanText(e.Note), e.At.UTC()
		if err := c.checkHistoricEventLocked(r, events, e, last, now); err != nil {
			return h, fmt.Errorf("event %d (%s on %s): %w", i+1, e.Kind, e.On.Short(), err)
		}
		events, last = append(events, e), e.At
	}
	if r.ClosedBy != "" || !r.ClosedAt.IsZero() || r.CloseReason != "" {
		if err := c.checkHistoricCloseLocked(&r, last, now); err != nil {
			return h, err
		}
	}
	return HistoricReferral{Referral: r, Events: events}, nil
}

// historicRecorderLocked checks a user id names someone on the staff list
// (they may have left since). Caller holds c.mu.
func (c *Clinic) historicRecorderLocked(userID string) error {
	if _, err := c.store.UserByID(userID); err != nil {
		return fmt.Errorf("%q is not anyone on the staff list: say who recorded it", userID)
	}
	return nil
}

// checkHistoricEventLocked checks one event as RecordReferralEvent would
// have on the day it was recorded. Caller holds c.mu.
func (c *Clinic) checkHistoricEventLocked(r pathways.Referral, before []pathways.Event, e pathways.Event, last, now time.Time) error {
	recorded := ukcal.WallDate(e.At)
	switch {
	case r.Direction != pathways.In:
		return errors.New("a referral out has no pathway here")
	case !e.Kind.Valid():
		return fmt.Errorf("%q is not a pathway event: choose one of %s", e.Kind, eventKindList())
	case e.Kind == pathways.ReferralReceived:
		return errors.New("the referral's receipt is recorded with the referral")
	case e.On.IsZero():
		return errors.New("give the day it happened")
	case e.At.IsZero() || e.At.Before(last) || e.At.After(now):
		return errors.New("it must be recorded after what was recorded before it, and before now")
	case e.On.After(recorded):
		return fmt.Errorf("it is recorded on %s, before it happened", recorded.Short())
	case e.On.Before(r.Date):
		return fmt.Errorf("%s is before the referral was received (%s)", e.On.Short(), r.Date.Short())
	}
	if err := c.historicRecorderLocked(e.By); err != nil {
		return err
	}
	if _, err := referralClock(r, append(slices.Clone(before), e), recorded); err != nil {
		return fmt.Errorf("not recorded: %w", err)
	}
	if e.AppointmentID == "" {
		return nil
	}
	if slices.ContainsFunc(before, func(b pathways.Event) bool {
		return b.AppointmentID == e.AppointmentID && b.Kind == e.Kind
	}) {
		return errors.New("that appointment already made this event")
	}
	a, err := c.store.Appointment(e.AppointmentID)
	if err != nil {
		return notFound(err, "the appointment it came from is not in this clinic file")
	}
	return historicAppointmentFits(r, e, a)
}

// historicAppointmentFits checks an event against the appointment it came
// from, as booking and marking it would have made it.
func historicAppointmentFits(r pathways.Referral, e pathways.Event, a schedule.Appointment) error {
	if a.PatientID != r.PatientID {
		return errors.New("the appointment is another patient's")
	}
	switch e.Kind {
	case pathways.FirstAppointmentBooked:
		if a.Status.Cancelled() || e.On.After(a.Date) {
			return errors.New("a first appointment is booked on or before its day, and is not cancelled")
		}
	case pathways.FirstAppointmentAttended:
		if a.Status != schedule.StatusSeen || e.On != a.Date {
			return errors.New("an attended appointment is one marked seen, on its day")
		}
	case pathways.FirstAppointmentDNA, pathways.LaterDNA:
		if a.Status != schedule.StatusDNA || e.On != a.Date {
			return errors.New("a missed appointment is one marked did not attend, on its day")
		}
	default:
		return fmt.Errorf("an appointment makes only booked, attended and missed events, not %s", e.Kind)
	}
	return nil
}

// checkHistoricCloseLocked checks a closing: a manager's, with the
// reason, after the last event and before now. Caller holds c.mu.
func (c *Clinic) checkHistoricCloseLocked(r *pathways.Referral, last, now time.Time) error {
	r.CloseReason = cleanText(r.CloseReason)
	u, err := c.store.UserByID(r.ClosedBy)
	switch {
	case err != nil || Role(u.Role) != Manager:
		return errors.New("only a manager closes a pathway by hand: say which manager closed it")
	case r.CloseReason == "":
		return errors.New("say why the pathway was closed")
	case r.ClosedAt.IsZero() || r.ClosedAt.Before(last) || r.ClosedAt.After(now):
		return errors.New("it is closed after its last event and before now")
	}
	r.Status, r.ClosedAt = pathways.StatusClosed, r.ClosedAt.UTC()
	return nil
}

// writeHistoricReferral writes a prepared referral, its events and links.
func (c *Clinic) writeHistoricReferral(tx *writeTx, h HistoricReferral) error {
	r := h.Referral
	if err := tx.InsertReferral(r); err != nil {
		return err
	}
	if err := tx.InsertReferralEvents(h.Events); err != nil {
		return err
	}
	linked := map[string]bool{}
	for _, e := range h.Events {
		if e.AppointmentID != "" && !linked[e.AppointmentID] {
			if err := tx.LinkReferralAppointment(r.ID, e.AppointmentID); err != nil {
				return fmt.Errorf("the appointment %s is already another referral's: %w", e.AppointmentID, err)
			}
			linked[e.AppointmentID] = true
		}
	}
	detail := fmt.Sprintf("%s, %s %s, %s, %s, generated with %d events, now %s", r.Direction, dateWord(r.Direction), r.Date,
		r.Urgency, r.Kind, len(h.Events), r.Status)
	return tx.audit(auditEvent{Action: "referral.add", Entity: "referral", ID: r.ID, Patient: r.PatientID, Detail: detail})
}

// HistoricTask is a task with its story: made at CreatedAt by CreatedBy
// (a user name), then ticked off at each of Done in turn. A task that
// does not repeat is done at most once; each tick of a repeating one
// makes the next, due on the rule's next day, as MarkTaskDone does.
type HistoricTask struct {
	Input     TaskInput
	CreatedAt time.Time
	CreatedBy string
	// SnoozedUntil puts the open task off, as a snooze on the day it was
	// made (or last ticked) would have.
	SnoozedUntil ukcal.Date
	Done         []HistoricTick
}

// HistoricTick is one tick of a HistoricTask: when and by whom (user name).
type HistoricTick struct {
	At time.Time
	By string
}

// AddTaskHistory adds generated tasks with their ticks (managers only: a
// tick is a record of someone's work, as reopening one is a manager's).
// It returns how many tasks were written, repeats' next ones included.
func (c *Clinic) AddTaskHistory(batch []HistoricTask) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermReopenTasks)
	if err != nil {
		return 0, err
	}
	now, region := c.clock().UTC(), c.bankHolidayRegionLocked()
	var all []tasks.Task
	for i, h := range batch {
		ks, err := c.historicTasksLocked(h, s, now, region)
		if err != nil {
			return 0, fmt.Errorf("generated task %d (%q): %w", i+1, h.Input.Title, err)
		}
		all = append(all, ks...)
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		for _, k := range all {
			if err := tx.InsertTask(k); err != nil {
				return err
			}
			if k.IsDone() {
				if err := tx.CompleteTask(k.ID, k.DoneBy, k.DoneAt); err != nil {
					return err
				}
			}
			detail := taskDetail(k) + ", generated"
			if k.IsDone() {
				detail += ", done " + ukcal.WallDate(k.DoneAt).String() + " by " + k.DoneBy
			}
			if err := tx.audit(auditEvent{Action: "task.create", Entity: "task", ID: k.ID, Patient: k.PatientID, Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(all), nil
}

// historicTasksLocked checks one generated task as NewTask, SnoozeTask and
// MarkTaskDone would have, each on its own day, and returns it with the
// next ones its ticks made. Caller holds c.mu.
func (c *Clinic) historicTasksLocked(h HistoricTask, s *Session, now time.Time, region ukcal.Region) ([]tasks.Task, error) {
	switch {
	case h.CreatedAt.IsZero() || h.CreatedAt.After(now):
		return nil, errors.New("say when it was made: a moment before now")
	case h.Input.Repeat.IsZero() && len(h.Done) > 1:
		return nil, errors.New("a task that does not repeat is done once")
	}
	if _, err := c.store.UserByName(h.CreatedBy); err != nil {
		return nil, fmt.Errorf("%q is not anyone on the staff list: say who made it", h.CreatedBy)
	}
	k := tasks.Task{ID: newID(), PatientID: strings.TrimSpace(h.Input.PatientID), CreatedBy: h.CreatedBy, CreatedAt: h.CreatedAt.UTC()}
	if err := c.fillTaskLocked(&k, h.Input, s); err != nil {
		return nil, err
	}
	if k.PatientID != "" {
		p, err := c.store.Patient(k.PatientID)
		switch {
		case errors.Is(err, data.ErrNotFound):
			return nil, errors.New("that patient's record is not in this clinic file")
		case err != nil:
			return nil, err
		case p.Status == patients.Merged:
			return nil, errors.New("this record was merged into another: add the task on that record")
		}
	}
	var out []tasks.Task
	last := k.CreatedAt
	for _, tick := range h.Done {
		if tick.At.Before(last) || tick.At.After(now) {
			return nil, errors.New("each tick comes after the one before it (and the task's making), and before now")
		}
		if _, err := c.store.UserByName(tick.By); err != nil {
			return nil, fmt.Errorf("%q is not anyone on the staff list: say who did it", tick.By)
		}
		done := k
		done.DoneAt, done.DoneBy = tick.At.UTC(), tick.By
		out = append(out, done)
		if k.Repeat.IsZero() {
			return out, nil
		}
		next := k
		next.ID, next.RuleKey, next.SnoozedUntil = newID(), "", ukcal.Date{}
		next.Due = k.Repeat.NextDue(k.Due, ukcal.WallDate(tick.At), region)
		next.CreatedBy, next.CreatedAt = tick.By, tick.At.UTC()
		k, last = next, tick.At
	}
	if !h.SnoozedUntil.IsZero() {
		if err := k.Snooze(h.SnoozedUntil, ukcal.WallDate(last)); err != nil {
			return nil, err
		}
	}
	return append(out, k), nil
}
