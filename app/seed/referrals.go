package seed

// Referrals over the years, about 30 for every 100 patients: most in from
// the patients' GPs (routine, some urgent, about one in twenty suspected
// cancer), some out to hospital services with a reply due, chases and
// the replies. Most pathways in are finished: treated, put on active
// monitoring, not treated, declined, or discharged after a missed later
// appointment; a few were nullified by a missed first appointment. The
// open ones run with a spread of waits, some past their 18 weeks and a
// few past 52. Where the patient's diary has an appointment that fits,
// the pathway's first appointment is that one (booked, seen or missed),
// so the clock and the diary agree.

import (
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// ReferralOptions say what referrals Referrals makes.
type ReferralOptions struct {
	// Seed picks the referrals: the same options (and diaries) give the
	// same referrals.
	Seed uint64
	// Now is the clinic's present; nothing happens after it.
	Now time.Time
	// Years of history before today (at least one is used).
	Years int
	// PerHundred is referrals per 100 patients; 0 means 30.
	PerHundred float64
	// Patients who may be referred, in a fixed order.
	Patients []ReferralPatient
	// Diary reads a referred patient's appointments (nil: no diary).
	Diary func(patientID string) ([]schedule.Appointment, error)
	// Clinicians are the diary's, for a pathway with no appointment in it.
	Clinicians []schedule.Clinician
	// Desk are the user IDs who record and look after referrals.
	Desk []string
	// ManagerID is a manager's user ID: they close finished pathways.
	ManagerID string
	// FewBreaches keeps the open list tidy, as a demo's: one running clock
	// past its 18 weeks and none past 52.
	FewBreaches bool
}

// ReferralPatient is a patient who may be referred, with their GP (the
// usual referrer).
type ReferralPatient struct {
	ID string
	GP patients.GP
	// DOB keeps a baby's referrals after their birth (zero: no limit).
	DOB ukcal.Date
}

// fate is how a referral in ends up by today.
type fate int

const (
	fateStopped fate = iota
	fateRunning
	fateMissedFirst // the first appointment missed: the clock nullified
)

// refPlan is one referral to make.
type refPlan struct {
	patient int
	in      bool
	fate    fate
	days    int // running: days waited today
}

// referralGen is the state of one Referrals run.
type referralGen struct {
	o      ReferralOptions
	r      *rand.Rand
	today  ukcal.Date
	start  ukcal.Date
	used   map[string]bool // appointments already a referral's
	region ukcal.Region
}

// Referrals makes the referrals, with their events so far, for
// app.Clinic.AddReferralHistory.
func Referrals(o ReferralOptions) ([]app.HistoricReferral, error) {
	if o.PerHundred <= 0 {
		o.PerHundred = 30
	}
	if len(o.Desk) == 0 {
		return nil, errors.New("seed: referrals need someone at the desk to record them (ReferralOptions.Desk)")
	}
	g := &referralGen{o: o, r: rand.New(rand.NewPCG(o.Seed, 0x7265_6665_7272)), today: ukcal.Today(o.Now),
		used: map[string]bool{}, region: ukcal.EnglandAndWales}
	g.start = g.today.AddDays(-365 * max(o.Years, 1))
	plans := g.plan()
	var out []app.HistoricReferral
	diaries := map[int][]schedule.Appointment{}
	for _, p := range plans {
		diary, ok := diaries[p.patient]
		if !ok && o.Diary != nil {
			d, err := o.Diary(o.Patients[p.patient].ID)
			if err != nil {
				return nil, err
			}
			slices.SortFunc(d, func(a, b schedule.Appointment) int {
				return a.Date.Compare(b.Date)*10000 + (a.StartMin - b.StartMin)
			})
			diary, diaries[p.patient] = d, d
		}
		if p.in {
			out = append(out, g.referralIn(p, diary))
		} else {
			out = append(out, g.referralOut(p, diary))
		}
	}
	return out, nil
}

// plan decides who is referred, which way, and how each referral in
// stands today: running ones with their waits set out, the rest finished.
func (g *referralGen) plan() []refPlan {
	per := g.o.PerHundred / 100
	var plans []refPlan
	for i := range g.o.Patients {
		n := 0
		switch u := g.r.Float64(); {
		case g.firstDay(i).After(g.today.AddDays(-30)):
			// A newborn: a finished pathway takes a month, and a fortnight
			// after birth may not have come yet.
		case u < per*0.1:
			n = 2
		case u < per*0.9:
			n = 1
		}
		for j := 0; j < n; j++ {
			plans = append(plans, refPlan{patient: i, in: g.r.Float64() < 0.8})
		}
	}
	var in []int
	for i, p := range plans {
		if p.in {
			in = append(in, i)
		}
	}
	g.r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
	waits := g.runningWaits(len(in))
	for k, days := range waits {
		// Nobody has waited longer than they have lived: the next
		// referral whose patient was born before the wait began takes it.
		began := g.today.AddDays(-days)
		for j := k; j < len(in); j++ {
			if !g.firstDay(plans[in[j]].patient).After(began) {
				in[k], in[j] = in[j], in[k]
				break
			}
		}
		plans[in[k]].fate, plans[in[k]].days = fateRunning, days
	}
	// Besides the diary's own missed first appointments, a few more.
	for _, k := range in[len(waits):min(len(in), len(waits)+max(1, len(in)*3/100))] {
		plans[k].fate = fateMissedFirst
	}
	return plans
}

// runningWaits are the days waited of the open clocks, for n referrals
// in: about one in six open, some within two weeks of the 18, some past
// it and a few past 52 weeks (the demo's tidy list: one past, none over
// 52).
func (g *referralGen) runningWaits(n int) []int {
	running := (n*16 + 50) / 100
	if running == 0 && n >= 3 {
		running = 1
	}
	historyDays := g.start.DaysUntil(g.today)
	var waits []int
	add := func(count, lo, hi int) {
		for i := 0; i < count && len(waits) < running; i++ {
			hi := min(hi, historyDays)
			if lo > hi {
				return
			}
			waits = append(waits, lo+g.r.IntN(hi-lo+1))
		}
	}
	over52, breached := max(1, running*4/100), max(2, running*18/100)
	if g.o.FewBreaches {
		over52, breached = 0, 1
	}
	add(over52, 52*7+1, 75*7)
	add(breached-over52, 18*7+1, 40*7)
	add(max(2, running*8/100), 112, 125) // at risk: breach within two weeks
	// One of each shorter wait first, so even a small list has the spread.
	add(1, 0, 6*7)
	add(1, 6*7+1, 12*7)
	for len(waits) < running {
		switch u := g.r.Float64(); {
		case u < 0.45:
			add(1, 0, 6*7)
		case u < 0.78:
			add(1, 6*7+1, 12*7)
		default:
			add(1, 12*7+1, 111)
		}
	}
	return waits
}

// office is a moment in the working day of d, after the hour h (clinic
// time), never after now.
func (g *referralGen) office(d ukcal.Date, h int) time.Time {
	t := time.Date(d.Year(), d.Month(), d.Day(), h, g.r.IntN(60), 0, 0, ukcal.London()).UTC()
	if t.After(g.o.Now) {
		return g.o.Now.UTC()
	}
	return t
}

// firstDay is the first day a patient's referral can be dated: the
// history's start, or for a younger patient a fortnight after their birth.
func (g *referralGen) firstDay(patient int) ukcal.Date {
	if dob := g.o.Patients[patient].DOB; !dob.IsZero() && dob.AddDays(14).After(g.start) {
		return dob.AddDays(14)
	}
	return g.start
}

// between is a day from lo to hi days after d.
func (g *referralGen) between(d ukcal.Date, lo, hi int) ukcal.Date {
	if hi <= lo {
		return d.AddDays(lo)
	}
	return d.AddDays(lo + g.r.IntN(hi-lo+1))
}

// clinician picks one of the diary's clinicians for a pathway the diary
// does not show.
func (g *referralGen) clinician() schedule.Clinician {
	if len(g.o.Clinicians) == 0 {
		return schedule.Clinician{}
	}
	return g.o.Clinicians[g.r.IntN(len(g.o.Clinicians))]
}

func (g *referralGen) desk() string { return g.o.Desk[g.r.IntN(len(g.o.Desk))] }

// recorder is who records a clinical decision: the clinician's own login
// when they have one, else someone at the desk.
func (g *referralGen) recorder(clinicianID string) string {
	for _, c := range g.o.Clinicians {
		if c.ID == clinicianID && c.UserID != "" {
			return c.UserID
		}
	}
	return g.desk()
}

// findAppointment is the first of the patient's appointments not yet a
// referral's, on from..to, booked on or after bookedFrom, whose status is
// one of want.
func (g *referralGen) findAppointment(diary []schedule.Appointment, from, to, bookedFrom ukcal.Date, want ...schedule.Status) (schedule.Appointment, bool) {
	for _, a := range diary {
		if a.Date.Before(from) || a.Date.After(to) || g.used[a.ID] || !slices.Contains(want, a.Status) {
			continue
		}
		if !a.CreatedAt.IsZero() && ukcal.WallDate(a.CreatedAt).Before(bookedFrom) {
			continue
		}
		g.used[a.ID] = true
		return a, true
	}
	return schedule.Appointment{}, false
}

// urgency picks a referral in's urgency and pathway: mostly routine
// consultant-led, some urgent, about one in twenty suspected cancer, and
// some with no national clock (a physiotherapy course).
func (g *referralGen) urgency() (pathways.Urgency, pathways.Kind) {
	switch u := g.r.Float64(); {
	case u < 0.05:
		return pathways.SuspectedCancer, pathways.Cancer
	case u < 0.22:
		return pathways.Urgent, pathways.RTT
	case u < 0.32:
		return pathways.Routine, pathways.Other
	}
	return pathways.Routine, pathways.RTT
}
