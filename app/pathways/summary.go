package pathways

import (
	"time"

	"clinicdesk/app/ukcal"
)

// Summary is what a referral's events say about its clock on any day from
// the last of them on: Compute without the day it is read on. The store
// keeps one on each referral, written with every event, so the tracking
// list and Today read one row per pathway instead of every event; it is a
// cache of Compute, never a second set of rules. Earlier clocks are not in
// it (the list shows only the current one): read the events for those.
type Summary struct {
	// Problem is why the events do not read; nothing else is set then.
	Problem string
	// LastEvent is the day of the latest event: the summary answers for
	// that day and after (before it, Compute refuses the later events).
	LastEvent ukcal.Date

	Status         ClockStatus
	Received       ukcal.Date
	Start          ukcal.Date
	Stop           ukcal.Date
	StoppedBy      EventKind
	Breach         ukcal.Date
	FirstBooked    ukcal.Date
	FirstAttended  ukcal.Date
	DecidedToTreat ukcal.Date
	LeftListOn     ukcal.Date
	LeftBy         EventKind
	// The cancer standards without their verdicts, which may turn to
	// "missed" as days pass: Applies, Due, and On (the day it was met or
	// missed by an event; zero while nothing has happened).
	Cancer CancerStandards
}

// Summarize reads the summary of a referral's events.
func Summarize(urgency Urgency, events []Event) Summary {
	var last ukcal.Date
	for _, e := range events {
		if e.On.After(last) {
			last = e.On
		}
	}
	if last.IsZero() {
		// No dated event: let Compute say what is wrong with the list.
		last = ukcal.NewDate(2000, time.January, 1)
	}
	c, err := Compute(urgency, events, last)
	if err != nil {
		return Summary{Problem: err.Error(), LastEvent: last}
	}
	s := Summary{LastEvent: last, Status: c.Status, Received: c.Received, Start: c.Start, Stop: c.Stop, StoppedBy: c.StoppedBy,
		Breach: c.Breach, FirstBooked: c.FirstBooked, FirstAttended: c.FirstAttended, DecidedToTreat: c.DecidedToTreat,
		LeftListOn: c.LeftListOn, LeftBy: c.LeftBy, Cancer: c.Cancer}
	for _, st := range []*Standard{&s.Cancer.FasterDiagnosis, &s.Cancer.Treat62, &s.Cancer.Treat31} {
		st.Verdict = Pending // judged again on the day the clock is read
	}
	return s
}

// Covers reports whether the summary answers for the day: the events
// read, and none is after it.
func (s Summary) Covers(asOf ukcal.Date) bool {
	return s.Problem == "" && !s.Status.isZero() && !asOf.IsZero() && !asOf.Before(s.LastEvent)
}

func (s ClockStatus) isZero() bool { return s == "" }

// OnList reports whether the pathway is on the tracking list whatever the
// day: a clock still this clinic's to move on, or events to check.
func (s Summary) OnList() bool {
	return s.Problem != "" || ((s.Status == ClockRunning || s.Status == ClockNullified) && s.LeftListOn.IsZero())
}

// ClockOn is the clock as Compute reads it on asOf (Earlier aside), for a
// day the summary covers; ok is false when it does not (read the events).
func (s Summary) ClockOn(urgency Urgency, asOf ukcal.Date) (c Clock, ok bool) {
	if !s.Covers(asOf) {
		return Clock{}, false
	}
	c = Clock{Urgency: urgency, AsOf: asOf, Received: s.Received, Status: s.Status, Start: s.Start, Stop: s.Stop,
		StoppedBy: s.StoppedBy, Breach: s.Breach, FirstBooked: s.FirstBooked, FirstAttended: s.FirstAttended,
		DecidedToTreat: s.DecidedToTreat, LeftListOn: s.LeftListOn, LeftBy: s.LeftBy}
	measureTo := asOf
	if c.LeftBy == Transferred {
		measureTo = c.LeftListOn
	}
	switch c.Status {
	case ClockRunning:
		c.DaysWaited = c.Start.DaysUntil(measureTo)
		c.Breached = measureTo.After(c.Breach)
	case ClockStopped:
		c.DaysWaited = c.Start.DaysUntil(c.Stop)
		c.Breached = c.Stop.After(c.Breach)
	}
	if urgency == SuspectedCancer {
		c.Cancer = s.Cancer
		for _, st := range []*Standard{&c.Cancer.FasterDiagnosis, &c.Cancer.Treat62, &c.Cancer.Treat31} {
			st.judge(measureTo)
		}
	}
	return c, true
}

// judge gives a standard its verdict as cancerStandards does: by the
// event that met or missed it, or missed once knownTo passes its due day.
func (st *Standard) judge(knownTo ukcal.Date) {
	switch {
	case !st.Applies:
	case !st.On.IsZero() && st.On.After(st.Due):
		st.Verdict = Missed
	case !st.On.IsZero():
		st.Verdict = Met
	case knownTo.After(st.Due):
		st.Verdict = Missed
	default:
		st.Verdict = Pending
	}
}
