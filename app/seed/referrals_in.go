package seed

import (
	"slices"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// story collects a referral in's events as they happen, each recorded on
// or after the one before, none after today.
type story struct {
	g         *referralGen
	received  ukcal.Date
	clinician string
	events    []pathways.Event
	lastAt    time.Time
	ended     bool // an event would have been after today: the story stops there
	// finish: a pathway planned to have ended by today does, on a day up
	// to today, when its plan would run on past it.
	finish bool
}

// add records what happened on on; at is when it was recorded (zero: in
// office hours that day). It reports false, adding nothing, once the
// story has reached today.
func (s *story) add(kind pathways.EventKind, on ukcal.Date, appointmentID, by string, at time.Time) bool {
	if on.After(s.g.today) && s.finish && !s.ended {
		prev := s.received
		if n := len(s.events); n > 0 {
			prev = s.events[n-1].On
		}
		on = s.g.between(prev, 0, prev.DaysUntil(s.g.today))
	}
	if s.ended || on.After(s.g.today) {
		s.ended = true
		return false
	}
	if on.Before(s.received) {
		on = s.received
	}
	if at.IsZero() || ukcal.WallDate(at).Before(on) {
		at = s.g.office(on, 9+s.g.r.IntN(8))
	}
	if at.Before(s.lastAt) {
		at = s.lastAt
	}
	if now := s.g.o.Now.UTC(); at.After(now) {
		at = now
	}
	s.events = append(s.events, pathways.Event{Kind: kind, On: on, AppointmentID: appointmentID, By: by, At: at})
	s.lastAt = at
	return true
}

func (s *story) desk(kind pathways.EventKind, on ukcal.Date) bool {
	return s.add(kind, on, "", s.g.desk(), time.Time{})
}

func (s *story) decision(kind pathways.EventKind, on ukcal.Date) bool {
	return s.add(kind, on, "", s.g.recorder(s.clinician), time.Time{})
}

// firstWait is how long a referral of the urgency waits for its first
// appointment, at most, in days.
func firstWait(u pathways.Urgency) (lo, hi int) {
	switch u {
	case pathways.SuspectedCancer:
		return 4, 13
	case pathways.Urgent:
		return 7, 24
	}
	return 14, 70
}

// referralIn makes one referral from the plan, with its pathway so far.
func (g *referralGen) referralIn(p refPlan, diary []schedule.Appointment) app.HistoricReferral {
	pt := g.o.Patients[p.patient]
	urgency, kind := g.urgency()
	switch {
	case p.fate == fateRunning && p.days > 8*7 && urgency == pathways.SuspectedCancer:
		urgency, kind = pathways.Urgent, pathways.RTT // a cancer pathway is not left that long
	case p.fate == fateRunning && p.days > 12*7:
		kind = pathways.RTT // the long waits are on the 18-week clock
	}
	ref := pathways.Referral{PatientID: pt.ID, Direction: pathways.In, Urgency: urgency, Kind: kind, OwnerID: g.desk()}
	g.referrer(&ref, pt)
	if p.fate == fateRunning {
		ref.Date = g.today.AddDays(-p.days)
	} else {
		from := g.firstDay(p.patient)
		ref.Date = g.between(from, 0, max(0, from.DaysUntil(g.today)-30))
	}
	ref.CreatedBy, ref.CreatedAt = g.desk(), g.office(ref.Date, 9+g.r.IntN(7))
	s := &story{g: g, received: ref.Date, lastAt: ref.CreatedAt, finish: p.fate != fateRunning}
	if p.fate == fateRunning {
		g.runningPathway(s, ref, diary, p.days)
	} else {
		g.finishedPathway(s, ref, diary, p.fate == fateMissedFirst)
	}
	ref.ClinicianID = s.clinician
	g.acknowledge(&ref)
	g.closeIfFinished(&ref, s)
	return app.HistoricReferral{Referral: ref, Events: s.events}
}

// firstAppointment books and holds the pathway's first appointment: the
// patient's own from the diary when one fits (seen or missed, or still to
// come when want says so), else one on a plausible day. It returns the
// day and whether the patient came.
func (g *referralGen) firstAppointment(s *story, ref pathways.Referral, diary []schedule.Appointment, latest ukcal.Date,
	want ...schedule.Status) (ukcal.Date, schedule.Status, bool) {
	lo, hi := firstWait(ref.Urgency)
	to := ref.Date.AddDays(hi + 28)
	if latest.Before(to) {
		to = latest
	}
	if a, ok := g.findAppointment(diary, ref.Date.AddDays(3), to, ref.Date, want...); ok {
		s.clinician = a.ClinicianID
		booked := ukcal.WallDate(a.CreatedAt)
		if a.CreatedAt.IsZero() || booked.After(a.Date) {
			booked = ref.Date
		}
		if !s.add(pathways.FirstAppointmentBooked, booked, a.ID, g.desk(), a.CreatedAt) {
			return ukcal.Date{}, "", false
		}
		if a.Status == schedule.StatusBooked {
			return a.Date, a.Status, true
		}
		kind := pathways.FirstAppointmentAttended
		if a.Status == schedule.StatusDNA {
			kind = pathways.FirstAppointmentDNA
		}
		return a.Date, a.Status, s.add(kind, a.Date, a.ID, g.desk(), a.StatusAt)
	}
	s.clinician = g.clinician().ID
	first := g.between(ref.Date, lo, hi)
	if first.After(latest) {
		first = g.between(ref.Date, 1, max(1, ref.Date.DaysUntil(latest)))
	}
	if !s.desk(pathways.FirstAppointmentBooked, g.between(ref.Date, 0, min(5, ref.Date.DaysUntil(first)))) {
		return ukcal.Date{}, "", false
	}
	if first.After(g.today.AddDays(-1)) {
		return first, schedule.StatusBooked, true
	}
	status, kind := schedule.StatusSeen, pathways.FirstAppointmentAttended
	if slices.Contains(want, schedule.StatusDNA) && (len(want) == 1 || g.r.Float64() < 0.05) {
		status, kind = schedule.StatusDNA, pathways.FirstAppointmentDNA
	}
	return first, status, s.desk(kind, first)
}

// runningPathway takes a pathway as far as a clock received days ago has
// got without stopping: waiting to book, booked, seen, perhaps a decision
// to treat (or, on a cancer pathway, the diagnosis).
func (g *referralGen) runningPathway(s *story, ref pathways.Referral, diary []schedule.Appointment, days int) {
	if days < 14 {
		if g.r.Float64() < 0.4 {
			s.clinician = g.clinician().ID
			return // just arrived: the first appointment is still to book
		}
		if a, ok := g.findAppointment(diary, g.today.AddDays(1), g.today.AddDays(60), ref.Date, schedule.StatusBooked); ok {
			s.clinician = a.ClinicianID
			s.add(pathways.FirstAppointmentBooked, ukcal.WallDate(a.CreatedAt), a.ID, g.desk(), a.CreatedAt)
			return
		}
		s.clinician = g.clinician().ID
		s.desk(pathways.FirstAppointmentBooked, g.between(ref.Date, 0, min(5, days)))
		return
	}
	first, status, ok := g.firstAppointment(s, ref, diary, g.today.AddDays(-1), schedule.StatusSeen)
	if !ok || status != schedule.StatusSeen {
		return
	}
	if ref.Urgency == pathways.SuspectedCancer {
		if days > 21 {
			told := g.between(first, 3, 14)
			if s.decision(pathways.DiagnosisCommunicated, told) && g.r.Float64() < 0.7 {
				s.decision(pathways.DecisionToTreat, g.between(told, 0, 5))
			}
		}
		return
	}
	if days > 6*7 && g.r.Float64() < 0.7 {
		s.decision(pathways.DecisionToTreat, g.between(first, 0, 21))
	}
}

// finishedPathway plays a pathway received on ref.Date to its end: a
// missed first appointment (then discharged, rebooked, or waiting for the
// desk's decision), or a clock stopped.
func (g *referralGen) finishedPathway(s *story, ref pathways.Referral, diary []schedule.Appointment, missed bool) {
	want := []schedule.Status{schedule.StatusSeen, schedule.StatusDNA}
	if missed {
		want = want[1:]
	}
	first, status, ok := g.firstAppointment(s, ref, diary, g.today.AddDays(-1), want...)
	if !ok {
		return
	}
	if status == schedule.StatusDNA {
		switch u := g.r.Float64(); {
		case first.DaysUntil(g.today) <= 28 && u < 0.5:
			return // the desk has still to rebook or discharge
		case u < 0.6:
			s.desk(pathways.DischargedToReferrer, g.between(first, 7, 21))
			return
		}
		rebooked := g.between(first, 2, 10)
		if !s.desk(pathways.FirstAppointmentBooked, rebooked) {
			return
		}
		first = g.between(rebooked, 7, 28)
		if !s.desk(pathways.FirstAppointmentAttended, first) {
			return
		}
	}
	if status == schedule.StatusBooked {
		return
	}
	g.stopClock(s, ref, first, diary)
}

// stopClock ends a pathway seen first on first: treatment, active
// monitoring, a decision not to treat, the patient declining, or a
// discharge (after a missed later appointment, or at the end of a
// course); a suspected cancer is ruled out or diagnosed and treated.
func (g *referralGen) stopClock(s *story, ref pathways.Referral, first ukcal.Date, diary []schedule.Appointment) {
	if ref.Urgency == pathways.SuspectedCancer {
		if g.r.Float64() < 0.8 {
			out := g.between(first, 0, 14)
			if s.decision(pathways.CancerRuledOut, out) {
				s.decision(pathways.DischargedToReferrer, g.between(out, 0, 7))
			}
			return
		}
		told := g.between(first, 5, 20)
		decided := g.between(told, 0, 7)
		treat := g.between(decided, 10, 28)
		if g.r.Float64() < 0.15 {
			treat = g.between(decided, 32, 50)
		}
		_ = s.decision(pathways.DiagnosisCommunicated, told) && s.decision(pathways.DecisionToTreat, decided) &&
			s.decision(pathways.FirstDefinitiveTreatment, treat)
		return
	}
	weights := []float64{50, 15, 12, 8, 10, 5}
	if ref.Kind == pathways.Other {
		weights = []float64{60, 0, 0, 0, 10, 30}
	}
	switch newCDF(weights).pick(g.r) {
	case 0: // treated
		decided := first
		if g.r.Float64() < 0.5 {
			decided = g.between(first, 7, 28)
		}
		treat := g.between(decided, 14, 63)
		if g.r.Float64() < 0.12 { // a long wait for surgery: stopped after the 18 weeks
			treat = g.between(ref.Date, 127, 230)
			if treat.Before(decided) {
				treat = decided
			}
		}
		_ = s.decision(pathways.DecisionToTreat, decided) && s.decision(pathways.FirstDefinitiveTreatment, treat)
	case 1:
		s.decision(pathways.ActiveMonitoringStarted, g.between(first, 0, 14))
	case 2:
		s.decision(pathways.DecisionNotToTreat, g.between(first, 0, 7))
	case 3:
		decided := g.between(first, 0, 14)
		_ = s.decision(pathways.DecisionToTreat, decided) && s.desk(pathways.PatientDeclinedTreatment, g.between(decided, 3, 21))
	case 4: // a missed later appointment, then discharge
		missed, id := g.between(first, 14, 42), ""
		if a, ok := g.findAppointment(diary, first.AddDays(1), first.AddDays(120), ref.Date, schedule.StatusDNA); ok {
			missed, id = a.Date, a.ID
		}
		if s.add(pathways.LaterDNA, missed, id, g.desk(), time.Time{}) {
			s.decision(pathways.DischargedToReferrer, g.between(missed, 7, 21))
		}
	default:
		s.decision(pathways.DischargedToReferrer, g.between(first, 14, 56))
	}
}

// acknowledge sets the day the acknowledgement went to the referrer: a
// working day or two after the referral came, except that some of the
// last fortnight's are still to do.
func (g *referralGen) acknowledge(ref *pathways.Referral) {
	if ref.Source == pathways.FromSelf {
		return // the patient sent it: there is nobody to acknowledge it to
	}
	recent := ref.Date.DaysUntil(g.today) <= 10
	if recent && g.r.Float64() < 0.5 {
		return
	}
	on := g.region.AddWorkingDays(ref.Date, g.r.IntN(3))
	if on.After(g.today) {
		return
	}
	ref.AcknowledgedOn = on
}

// closeIfFinished has the manager close most pathways that ended more
// than eight weeks ago, with the reason the desk would give.
func (g *referralGen) closeIfFinished(ref *pathways.Referral, s *story) {
	if len(s.events) == 0 || g.o.ManagerID == "" {
		return
	}
	last := s.events[len(s.events)-1]
	reason := closeReasons[last.Kind]
	if reason == "" || last.On.DaysUntil(g.today) < 56 || g.r.Float64() < 0.15 {
		return
	}
	if last.Kind == pathways.DischargedToReferrer && len(s.events) >= 2 && s.events[len(s.events)-2].Kind == pathways.FirstAppointmentDNA {
		reason = "Did not attend the first appointment: discharged back to the GP"
	}
	at := last.At.Add(time.Duration(1+g.r.IntN(30)) * 24 * time.Hour)
	if now := g.o.Now.UTC(); at.After(now) {
		at = now
	}
	ref.ClosedBy, ref.ClosedAt, ref.CloseReason = g.o.ManagerID, at, reason
}

// closeReasons are the manager's words on closing a finished pathway, by
// the event that finished it.
var closeReasons = map[pathways.EventKind]string{
	pathways.FirstDefinitiveTreatment: "Treated: nothing more to book on this referral",
	pathways.ActiveMonitoringStarted:  "Under active monitoring: reviews are booked as follow-ups",
	pathways.DecisionNotToTreat:       "Decided not to treat: the patient and the GP were told",
	pathways.PatientDeclinedTreatment: "The patient declined treatment: the GP was told",
	pathways.DischargedToReferrer:     "Discharged back to the GP",
}
