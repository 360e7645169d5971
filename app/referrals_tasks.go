package app

import (
	"clinicdesk/app/pathways"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// ReferralAtRiskDays is how many days before its 18-week date a running
// clock counts as at risk, on Today and for the rules that give its owner
// a task: four weeks leaves time to book a clinic, any test, and the first
// treatment. The tracking list's filter starts there too.
const ReferralAtRiskDays = 28

func init() { referralTaskFacts = referralTaskFactsLocked }

// referralTaskFactsLocked reads the open referrals the rules may act on
// today (whoever is signed in: the rules work for the clinic, not for one
// person's list), each clock from the summary kept on its referral, for
// the rules that make tasks. Caller holds c.mu.
func referralTaskFactsLocked(c *Clinic, today ukcal.Date) ([]tasks.ReferralFacts, error) {
	rows, err := c.store.ReferralTaskRows(today, today.AddDays(ReferralAtRiskDays))
	if err != nil {
		return nil, err
	}
	var uncovered []string
	for _, row := range rows {
		if row.Referral.Direction == pathways.In && (!row.HasSummary || !row.Summary.Covers(today)) {
			uncovered = append(uncovered, row.Referral.ID)
		}
	}
	var events map[string][]pathways.Event
	if len(uncovered) > 0 {
		if events, err = c.store.ReferralEventsOf(uncovered); err != nil {
			return nil, err
		}
	}
	facts := make([]tasks.ReferralFacts, len(rows))
	for i, row := range rows {
		var sum *pathways.Summary
		if row.HasSummary {
			sum = &row.Summary
		}
		facts[i] = referralFacts(row.Referral, patientFullName(row.Patient), sum, events[row.Referral.ID], today)
	}
	return facts, nil
}

// referralFacts are one referral's facts for the rules, its clock read
// from the summary when that covers today, else from its events.
func referralFacts(r pathways.Referral, patient string, sum *pathways.Summary, events []pathways.Event, today ukcal.Date) tasks.ReferralFacts {
	f := tasks.ReferralFacts{Referral: r, PatientName: patient}
	if r.Direction != pathways.In {
		return f
	}
	var clock pathways.Clock
	ok := false
	if sum != nil {
		clock, ok = sum.ClockOn(r.Urgency, today)
	}
	if !ok {
		var err error
		clock, err = pathways.Compute(r.Urgency, events, today)
		ok = err == nil
	}
	if ok {
		f.Clock = &clock
	}
	if ok && clockAtRisk(clock, today) {
		f.AtRisk, f.Breach = true, clock.Breach
	}
	return f
}

// referralTasks runs the referral rules for one referral that was just
// added or changed, in the change's transaction: its task comes with the
// change rather than on the next day's run, and the open tasks the rules
// made for it whose reason the change took away are marked done.
func (w *writeTx) referralTasks(referralID string) error {
	r, err := w.Referral(referralID)
	if err != nil {
		return err
	}
	today, region := w.c.today(), w.region()
	name := ""
	if r.Status != pathways.StatusClosed {
		p, err := w.Patient(r.PatientID)
		if err != nil {
			return err
		}
		name = patientFullName(p)
	}
	f, err := referralFactsFrom(w, r, name, today)
	if err != nil {
		return err
	}
	closings, err := w.referralTaskClosings(f, today, region)
	if err != nil {
		return err
	}
	if err := w.closeRuleTasks(closings); err != nil {
		return err
	}
	if r.Status == pathways.StatusClosed {
		return nil
	}
	f.Owner = tasks.Owner{Role: string(Receptionist)}
	if r.OwnerID != "" {
		if u, err := w.UserByID(r.OwnerID); err == nil && u.Active {
			f.Owner = tasks.Owner{UserID: u.ID}
		}
	}
	_, err = w.insertRuleTasks(tasks.ReferralTasks(f, today, region))
	return err
}

// clockAtRisk reports a running clock that breaches within
// ReferralAtRiskDays of today, or has breached already.
func clockAtRisk(k pathways.Clock, today ukcal.Date) bool {
	if k.Status != pathways.ClockRunning || k.Breach.IsZero() || !k.LeftListOn.IsZero() {
		return false
	}
	return !k.Breach.After(today.AddDays(ReferralAtRiskDays))
}
