package pathways

import (
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/ukcal"
)

// The clock rules follow NHS England's "Referral to treatment
// consultant-led waiting times rules suite" (October 2022); comments name
// its sections: clock starts, new clocks, clock stops for treatment and
// for non-treatment, did not attend.
//
// Cancellations: since October 2015 the rules have no patient-initiated
// clock pauses, so a cancelled first appointment, by the patient or by the
// clinic, neither stops nor pauses the clock: it keeps running, and the
// pathway only waits for a booking again (first_appointment_cancelled).

// ClockStatus is where a referral-to-treatment clock stands. The values are
// the `clock` command's "status".
type ClockStatus string

// The clock statuses.
const (
	ClockRunning   ClockStatus = "running"
	ClockStopped   ClockStatus = "stopped"
	ClockNullified ClockStatus = "nullified" // first appointment missed: the wait is not counted
)

// Label is the status as the desk says it.
func (s ClockStatus) Label() string {
	switch s {
	case ClockRunning:
		return "Running"
	case ClockStopped:
		return "Stopped"
	case ClockNullified:
		return "Not counted (first appointment missed)"
	}
	return string(s)
}

// Verdict is whether a cancer standard was met.
type Verdict string

// The verdicts. Pending is "not decided yet": the due date has not passed
// and what would meet it has not happened.
const (
	Pending Verdict = ""
	Met     Verdict = "met"
	Missed  Verdict = "missed"
)

// Standard is one cancer waiting-time standard on a pathway.
type Standard struct {
	Applies bool       // false: not suspected cancer, no decision to treat yet (31 days), or no longer relevant
	Due     ukcal.Date // the last day it is met on
	Verdict Verdict
	On      ukcal.Date // the day of the event that met or missed it; zero when missed by the date passing
}

// CancerStandards are the three cancer standards of a suspected cancer
// referral (SPEC §4.6). None applies to other urgencies.
type CancerStandards struct {
	FasterDiagnosis Standard // 28 days from the referral to diagnosis or cancer ruled out
	Treat62         Standard // 62 days from the referral to first definitive treatment
	Treat31         Standard // 31 days from the decision to treat to first definitive treatment
}

// Period is an earlier clock on the same referral: one nullified by a
// missed first appointment, or stopped by active monitoring, before a new
// clock started (new clocks).
type Period struct {
	Status    ClockStatus
	Start     ukcal.Date
	Stop      ukcal.Date
	StoppedBy EventKind
}

// Clock is a referral's 18-week clock as read from its events on a day
// (AsOf), with the cancer standards when the referral is suspected cancer.
// When the events start a new clock (new clocks), Clock is the newest one and
// Earlier holds those before it.
type Clock struct {
	Urgency   Urgency
	AsOf      ukcal.Date
	Received  ukcal.Date // the referral_received event's day
	Status    ClockStatus
	Start     ukcal.Date
	Stop      ukcal.Date // zero while running; the missed appointment's day when nullified
	StoppedBy EventKind  // the event that stopped or nullified it
	// Breach is the last day within 18 weeks (start + 126 days): the
	// "treat by" date. Zero when nullified.
	Breach ukcal.Date
	// Breached: stopped after Breach, or still running after it.
	Breached bool
	// DaysWaited is from Start to Stop, or to AsOf while running (to the
	// transfer while running elsewhere). Zero when nullified.
	DaysWaited int

	// What has happened on the current clock, for "what next".
	FirstBooked    ukcal.Date
	FirstAttended  ukcal.Date
	DecidedToTreat ukcal.Date

	// LeftListOn is the day the pathway left this clinic's list without
	// its clock being stopped here: transferred to another provider (the
	// clock goes with the patient, so it stays running, measured to that
	// day), or discharged to the referrer after the missed first
	// appointment nullified the clock. LeftBy says which.
	LeftListOn ukcal.Date
	LeftBy     EventKind

	Earlier []Period
	Cancer  CancerStandards
}

// Counted reports whether the clock counts towards waiting times: every
// clock but a nullified one.
func (c Clock) Counted() bool { return c.Status != ClockNullified }

// WeeksWaited is whole weeks waited: DaysWaited / 7.
func (c Clock) WeeksWaited() int { return c.DaysWaited / 7 }

// OnList reports whether the pathway is still this clinic's to move on:
// a running clock not transferred away, or a nullified one whose patient
// was neither rebooked nor discharged.
func (c Clock) OnList() bool {
	return (c.Status == ClockRunning || c.Status == ClockNullified) && c.LeftListOn.IsZero()
}

// stopsClock are the events that stop a running clock: first definitive
// treatment (clock stops for treatment), and those of clock stops for
// non-treatment: active monitoring, a decision not to treat, the patient
// declining treatment, and discharge back to the referrer (after a later
// missed appointment, or for any other reason the clinician decides).
var stopsClock = []EventKind{
	FirstDefinitiveTreatment, ActiveMonitoringStarted, DecisionNotToTreat,
	PatientDeclinedTreatment, DischargedToReferrer,
}

// Stops reports whether the event kind stops a running clock.
func (k EventKind) Stops() bool { return slices.Contains(stopsClock, k) }

// numbered is an event with its place (from 1) in the list it was given in,
// so messages can name it. It points into the caller's list, which is
// only read: the PTL reads every open pathway's events at once.
type numbered struct {
	*Event
	n int
}

func (e numbered) String() string {
	return fmt.Sprintf("event %d (%s on %s)", e.n, e.Kind, e.On)
}

// Compute reads a referral's clock from its events, as it stood at the end
// of asOf. Events may come in any order: they are taken in date order,
// those on the same day in the order given. It returns an error naming the
// event when the list is not one a pathway can have: no referral_received
// or two, an unknown kind, an event with no date, before the referral or
// after asOf, or events that contradict each other.
func Compute(urgency Urgency, events []Event, asOf ukcal.Date) (Clock, error) {
	if !urgency.Valid() {
		return Clock{}, fmt.Errorf("the urgency %q is not one of %s", urgency, joinUrgencies())
	}
	if asOf.IsZero() {
		return Clock{}, fmt.Errorf("the clock needs the day to read it on (as of)")
	}
	ordered, received, err := checkEvents(events, asOf)
	if err != nil {
		return Clock{}, err
	}
	w := walker{c: Clock{Urgency: urgency, AsOf: asOf, Received: received, Status: ClockRunning, Start: received}}
	for _, e := range ordered {
		if err := w.step(e); err != nil {
			return Clock{}, err
		}
	}
	c := w.c
	measureTo := asOf
	if c.LeftBy == Transferred {
		measureTo = c.LeftListOn // what happens at the new provider is not known here
	}
	switch c.Status {
	case ClockRunning:
		c.Breach = ukcal.RTTBreach(c.Start)
		c.DaysWaited = c.Start.DaysUntil(measureTo)
		c.Breached = measureTo.After(c.Breach)
	case ClockStopped:
		c.Breach = ukcal.RTTBreach(c.Start)
		c.DaysWaited = c.Start.DaysUntil(c.Stop)
		c.Breached = c.Stop.After(c.Breach)
	}
	if urgency == SuspectedCancer {
		c.Cancer = cancerStandards(c, ordered, measureTo)
	}
	return c, nil
}

func joinUrgencies() string {
	names := make([]string, len(Urgencies))
	for i, u := range Urgencies {
		names[i] = string(u)
	}
	return strings.Join(names, ", ")
}

func joinKinds() string {
	names := make([]string, len(EventKinds))
	for i, k := range EventKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// checkEvents numbers the events, checks each on its own and against the
// referral, and returns them in date order with the referral's day.
func checkEvents(events []Event, asOf ukcal.Date) ([]numbered, ukcal.Date, error) {
	list := make([]numbered, len(events))
	var referral *numbered
	for i := range events {
		e := &events[i]
		list[i] = numbered{e, i + 1}
		switch {
		case !e.Kind.Valid():
			return nil, ukcal.Date{}, fmt.Errorf("event %d: %q is not a kind of pathway event (the kinds are %s)", i+1, e.Kind, joinKinds())
		case e.On.IsZero():
			return nil, ukcal.Date{}, fmt.Errorf("event %d (%s) has no date", i+1, e.Kind)
		case e.Kind == ReferralReceived && referral != nil:
			return nil, ukcal.Date{}, fmt.Errorf("%s is a second referral_received (the first is event %d): one referral is received once; a new referral is a new pathway", list[i], referral.n)
		case e.Kind == ReferralReceived:
			referral = &list[i]
		}
	}
	if referral == nil {
		return nil, ukcal.Date{}, fmt.Errorf("there is no referral_received event: the clock starts on the day the referral is received, so the list needs one")
	}
	received := referral.On
	for _, e := range list {
		switch {
		case e.On.After(asOf):
			return nil, ukcal.Date{}, fmt.Errorf("%s is after the day the clock is read on, %s: a clock is read from what has happened", e, asOf)
		case e.On.Before(received) && e.Kind.Stops():
			return nil, ukcal.Date{}, fmt.Errorf("%s stops the clock before it started: the referral was received on %s", e, received)
		case e.On.Before(received):
			return nil, ukcal.Date{}, fmt.Errorf("%s is before the referral was received on %s", e, received)
		}
	}
	slices.SortStableFunc(list, func(a, b numbered) int { return a.On.Compare(b.On) })
	return list, received, nil
}

// walker applies the events one by one to the clock.
type walker struct {
	c Clock
}

func (w *walker) step(e numbered) error {
	c := &w.c
	if c.LeftBy == Transferred {
		return fmt.Errorf("%s comes after the patient was transferred to another provider on %s: the pathway is theirs from then", e, c.LeftListOn)
	}
	if e.Kind == ReferralReceived {
		return nil
	}
	switch c.Status {
	case ClockRunning:
		return w.running(e)
	case ClockNullified:
		return w.nullified(e)
	}
	// Stopped: the 18-week period is over; only a decision to treat after
	// active monitoring starts another (new clocks).
	if e.Kind == DecisionToTreat && c.StoppedBy == ActiveMonitoringStarted {
		booked, attended := c.FirstBooked, c.FirstAttended // seen already
		w.restart(e)
		c.FirstBooked, c.FirstAttended, c.DecidedToTreat = booked, attended, e.On
	}
	return nil
}

func (w *walker) running(e numbered) error {
	c := &w.c
	switch {
	case e.Kind == FirstAppointmentDNA && !c.FirstAttended.IsZero():
		return fmt.Errorf("%s comes after the first appointment was attended on %s: a missed later appointment is later_dna", e, c.FirstAttended)
	case e.Kind == LaterDNA && c.FirstAttended.IsZero():
		return fmt.Errorf("%s comes before any first appointment was attended: a missed first appointment is first_appointment_dna", e)
	case e.Kind == FirstAppointmentCancelled && !c.FirstAttended.IsZero():
		return fmt.Errorf("%s comes after the first appointment was attended on %s: a later appointment's cancellation is not a pathway event", e, c.FirstAttended)
	case e.Kind == FirstAppointmentCancelled && c.FirstBooked.IsZero():
		return fmt.Errorf("%s comes when no first appointment is booked: record the booking (first_appointment_booked) first", e)
	case e.Kind == FirstAppointmentCancelled:
		// The clock runs on (no pauses since 2015); the booking is gone.
		c.FirstBooked = ukcal.Date{}
	case e.Kind == FirstAppointmentDNA:
		// Did not attend: a missed first appointment (one clearly communicated,
		// which recording the DNA asserts) nullifies the clock.
		c.Status, c.Stop, c.StoppedBy = ClockNullified, e.On, e.Kind
	case e.Kind.Stops():
		c.Status, c.Stop, c.StoppedBy = ClockStopped, e.On, e.Kind
	case e.Kind == FirstAppointmentBooked:
		c.FirstBooked = e.On
	case e.Kind == FirstAppointmentAttended:
		c.FirstAttended = e.On
	case e.Kind == DecisionToTreat && c.DecidedToTreat.IsZero():
		c.DecidedToTreat = e.On
	case e.Kind == Transferred:
		// The clock goes with the patient: it is not stopped, but it is
		// no longer this clinic's to measure.
		c.LeftListOn, c.LeftBy = e.On, e.Kind
	}
	// A later DNA alone does not stop the clock (only a discharge after it
	// does); diagnosis and cancer ruled out are the cancer standards'.
	return nil
}

func (w *walker) nullified(e numbered) error {
	c := &w.c
	discharged := !c.LeftListOn.IsZero()
	switch {
	case e.Kind == DiagnosisCommunicated || e.Kind == CancerRuledOut:
		// The cancer standards run from the referral whatever the 18 weeks do.
	case discharged:
		return fmt.Errorf("%s comes after the patient was discharged to the referrer on %s", e, c.LeftListOn)
	case e.Kind == FirstAppointmentBooked:
		// New clocks: a new clock starts when the patient rebooks their
		// appointment after a first-appointment DNA nullified the last.
		w.restart(e)
		c.FirstBooked = e.On
	case e.Kind == DischargedToReferrer || e.Kind == Transferred:
		c.LeftListOn, c.LeftBy = e.On, e.Kind
	default:
		return fmt.Errorf("%s comes after the first appointment was missed on %s and before a new one was booked: record the rebooking (first_appointment_booked) first", e, c.Stop)
	}
	return nil
}

// restart files the current clock under Earlier and starts a new one on
// the event's day.
func (w *walker) restart(e numbered) {
	c := &w.c
	c.Earlier = append(c.Earlier, Period{Status: c.Status, Start: c.Start, Stop: c.Stop, StoppedBy: c.StoppedBy})
	c.Status, c.Start, c.Stop, c.StoppedBy = ClockRunning, e.On, ukcal.Date{}, ""
	c.FirstBooked, c.FirstAttended, c.DecidedToTreat = ukcal.Date{}, ukcal.Date{}, ukcal.Date{}
	c.LeftListOn, c.LeftBy = ukcal.Date{}, ""
}

// cancerStandards reads the three cancer standards. They run from the
// referral (and the first decision to treat), whatever the 18-week clock
// does; knownTo is the last day this clinic knows of (as of, or the
// transfer). A pathway that ended without treatment (not to treat,
// declined, discharged, active monitoring), or on which cancer was ruled
// out, has no treatment standard left to meet.
func cancerStandards(c Clock, events []numbered, knownTo ukcal.Date) CancerStandards {
	first := func(kinds ...EventKind) (ukcal.Date, bool) {
		for _, e := range events {
			if slices.Contains(kinds, e.Kind) {
				return e.On, true
			}
		}
		return ukcal.Date{}, false
	}
	judge := func(due ukcal.Date, on ukcal.Date, happened bool) Standard {
		s := Standard{Applies: true, Due: due}
		switch {
		case happened && on.After(due):
			s.Verdict, s.On = Missed, on
		case happened:
			s.Verdict, s.On = Met, on
		case knownTo.After(due):
			s.Verdict = Missed
		}
		return s
	}
	var out CancerStandards
	diagnosed, told := first(DiagnosisCommunicated, CancerRuledOut)
	out.FasterDiagnosis = judge(ukcal.FDSBreach(c.Received), diagnosed, told)

	treated, wasTreated := first(FirstDefinitiveTreatment)
	_, ruledOut := first(CancerRuledOut)
	endedUntreated := (c.Status == ClockStopped && c.StoppedBy != FirstDefinitiveTreatment) || c.LeftBy == DischargedToReferrer
	if !wasTreated && (ruledOut || endedUntreated) {
		return out
	}
	out.Treat62 = judge(ukcal.Cancer62Breach(c.Received), treated, wasTreated)
	if decided, ok := first(DecisionToTreat); ok {
		out.Treat31 = judge(ukcal.Cancer31Breach(decided), treated, wasTreated)
	}
	return out
}

// DNAKind is the event a missed appointment on the day makes on this
// pathway, for the desk marking an appointment "did not attend":
// first_appointment_dna while the current clock's first appointment has not
// been attended (nor treatment decided), later_dna otherwise.
func DNAKind(events []Event, on ukcal.Date) EventKind {
	c, err := Compute(Routine, events, on)
	if err == nil && c.Status == ClockRunning && c.FirstAttended.IsZero() && c.DecidedToTreat.IsZero() {
		return FirstAppointmentDNA
	}
	return LaterDNA
}
