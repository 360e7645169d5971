package app

import (
	"clinicdesk/app/pathways"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// ReferralAtRiskDays is how many days before its 18-week date a running
// clock counts as at risk, on Today and for the rules that give its owner
// a task: four weeks leaves time to book a clinic, any test, and the first
// treatment. The tracking list's filter starts there too.
const ReferralAtRiskDays = 28

func init() { referralTaskFacts = referralTaskFactsLocked }

// referralTaskFactsLocked reads every open referral (whoever is signed
// in: the rules work for the clinic, not for one person's list) with its
// clock as of today, for the rules that make tasks. Caller holds c.mu.
func referralTaskFactsLocked(c *Clinic, today ukcal.Date) ([]tasks.ReferralFacts, error) {
	rows, err := c.store.Referrals(data.ReferralFilter{OpenOnly: true})
	if err != nil {
		return nil, err
	}
	recs, err := c.referralRecordsLocked(c.store, rows, today)
	if err != nil {
		return nil, err
	}
	facts := make([]tasks.ReferralFacts, len(recs))
	for i, rec := range recs {
		f := tasks.ReferralFacts{Referral: rec.Referral, PatientName: rec.Patient}
		if rec.HasClock && rec.ClockProblem == "" && clockAtRisk(rec.Clock, today) {
			f.AtRisk, f.Breach = true, rec.Clock.Breach
		}
		facts[i] = f
	}
	return facts, nil
}

// clockAtRisk reports a running clock that breaches within
// ReferralAtRiskDays of today, or has breached already.
func clockAtRisk(k pathways.Clock, today ukcal.Date) bool {
	if k.Status != pathways.ClockRunning || k.Breach.IsZero() || !k.LeftListOn.IsZero() {
		return false
	}
	return !k.Breach.After(today.AddDays(ReferralAtRiskDays))
}
