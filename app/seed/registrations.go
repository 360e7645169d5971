package seed

import (
	"errors"
	"hash/fnv"
	"math/rand/v2"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// RegistrationOptions say how DateRegistrations dates the patients.
type RegistrationOptions struct {
	Seed uint64
	Now  time.Time
	// Years is how far back a patient the clinic never saw may have been
	// registered (the diary's years).
	Years int
	// Patients are the patients to date (nil: every active patient).
	Patients []patients.PatientBrief
}

// DateRegistrations dates generated patients' records when they would
// have been registered, once the diary and referrals are in: a little
// before the clinic first heard of them (their first booking or
// referral), or for those it never saw, on a working day of the diary's
// years. Without it every generated patient is new on the day the
// clinic was made, and the New patients report is one spike.
func DateRegistrations(c *app.Clinic, o RegistrationOptions) (int, error) {
	if _, ok := c.Session(); !ok {
		return 0, errors.New("sign in as a manager to date the patients' registrations")
	}
	briefs := o.Patients
	if briefs == nil {
		var err error
		if briefs, err = c.ActivePatientBriefs(); err != nil {
			return 0, err
		}
	}
	if len(briefs) == 0 {
		return 0, nil
	}
	ids := make([]string, len(briefs))
	for i, p := range briefs {
		ids[i] = p.ID
	}
	first, err := c.FirstContacts(ids)
	if err != nil {
		return 0, err
	}
	when := Registrations(o, briefs, first)
	if len(when) == 0 {
		return 0, nil
	}
	return c.DateRegistrations(when)
}

// Registrations is when each of briefs was registered, given when the
// clinic first heard of them. Each patient's time follows from the seed
// and what is known of them (not their random record ID), so the same
// seed dates the same patients the same way.
func Registrations(o RegistrationOptions, briefs []patients.PatientBrief, first map[string]time.Time) map[string]time.Time {
	now := o.Now.UTC()
	today := ukcal.Today(o.Now)
	out := make(map[string]time.Time, len(briefs))
	for _, p := range briefs {
		f, seen := first[p.ID]
		r := rand.New(rand.NewPCG(o.Seed, patientKey(p, f)))
		if seen {
			// Their details are taken on the call that books them or
			// when the referral is opened: minutes before.
			at := f.Add(-time.Duration(2+r.IntN(38)) * time.Minute)
			if born := time.Date(p.DOB.Year(), p.DOB.Month(), p.DOB.Day(), 8, 0, 0, 0, ukcal.London()).UTC(); at.Before(born) {
				// The diary may book a baby's first appointment weeks
				// before the birth; no record exists before the baby does.
				at = born
			}
			if at.After(now) {
				at = now
			}
			out[p.ID] = at
			continue
		}
		if o.Years <= 0 {
			continue
		}
		from := today.AddDays(-365 * o.Years)
		if from.Before(p.DOB) {
			from = p.DOB
		}
		span := from.DaysUntil(today)
		if span < 0 {
			continue
		}
		d := from.AddDays(r.IntN(span + 1))
		for d.IsWeekend() {
			d = d.AddDays(-1)
		}
		if d.Before(from) {
			d = from
		}
		at := time.Date(d.Year(), d.Month(), d.Day(), 9+r.IntN(8), r.IntN(60), 0, 0, ukcal.London()).UTC()
		if at.After(now) {
			at = now
		}
		out[p.ID] = at
	}
	return out
}

// patientKey picks a patient's random stream from what the seed made of
// them and when they were first seen.
func patientKey(p patients.PatientBrief, first time.Time) uint64 {
	h := fnv.New64a()
	h.Write([]byte(p.DOB.String() + "|" + p.Sex + "|" + first.UTC().Format(time.RFC3339Nano)))
	return h.Sum64()
}
