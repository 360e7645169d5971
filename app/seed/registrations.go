package seed

import (
	"errors"
	"hash/fnv"
	"math/rand/v2"
	"sort"
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
// clinic first heard of them. A diary's patients first appear in a rush
// at its start (everyone already on the list comes back sooner or
// later) and then at the steady pace of new ones; so the list is taken
// to have grown at that steady pace over as many years as it needed,
// most of them before the diary began. The patients are registered in
// the order they were first seen, one every so often at that pace, and
// never after their first booking or referral (then a few minutes
// before it). Each patient's time follows from the seed and what is
// known of them, not their random record ID, so the same seed dates the
// same patients the same way.
func Registrations(o RegistrationOptions, briefs []patients.PatientBrief, first map[string]time.Time) map[string]time.Time {
	now := o.Now.UTC()
	years := max(o.Years, 1)
	diaryFrom := now.AddDate(-years, 0, 0)
	type entry struct {
		p    patients.PatientBrief
		seen time.Time // first heard of, or for one never seen a time of the diary's years
		met  bool
		r    *rand.Rand
	}
	list := make([]entry, len(briefs))
	recent := 0 // first seen in the later half of the diary: the steady pace
	half := diaryFrom.Add(now.Sub(diaryFrom) / 2)
	for i, p := range briefs {
		f, met := first[p.ID]
		e := entry{p: p, seen: f, met: met, r: rand.New(rand.NewPCG(o.Seed, patientKey(p, f)))}
		if !met {
			e.seen = diaryFrom.Add(time.Duration(e.r.Int64N(int64(now.Sub(diaryFrom)))))
		}
		if e.seen.After(half) {
			recent++
		}
		list[i] = e
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].seen.Equal(list[j].seen) {
			return list[i].seen.Before(list[j].seen)
		}
		return patientKey(list[i].p, list[i].seen) < patientKey(list[j].p, list[j].seen)
	})
	// The pace of the later half, over as long as the whole list needs
	// at that pace: from the diary's years up to thirty.
	span := now.Sub(diaryFrom)
	if recent > 0 {
		perPatient := now.Sub(half) / time.Duration(recent)
		span = min(max(span, perPatient*time.Duration(len(list))), 30*365*24*time.Hour)
	}
	step := span / time.Duration(max(len(list), 1))
	from := now.Add(-span)
	out := make(map[string]time.Time, len(list))
	for k, e := range list {
		slot := from.Add(step*time.Duration(k) + time.Duration(e.r.Int64N(int64(max(step, time.Minute)))))
		at := officeHours(slot, e.r)
		if latest := e.seen.Add(-time.Duration(2+e.r.IntN(38)) * time.Minute); e.met && at.After(latest) {
			// Their details are taken on the call that books them or
			// when the referral is opened: minutes before.
			at = latest
		}
		if born := time.Date(e.p.DOB.Year(), e.p.DOB.Month(), e.p.DOB.Day(), 8, 0, 0, 0, ukcal.London()).UTC(); at.Before(born) {
			// No record exists before the baby does (the diary may book a
			// baby's first appointment weeks before the birth).
			at = born.Add(time.Duration(e.r.IntN(8*60)) * time.Minute)
			if e.met && at.After(e.seen) && !e.seen.Before(born) {
				at = e.seen
			}
		}
		if at.After(now) {
			at = now
		}
		out[e.p.ID] = at
	}
	return out
}

// officeHours moves t to a weekday between 09:00 and 17:00 in London, on
// or before its day.
func officeHours(t time.Time, r *rand.Rand) time.Time {
	d := ukcal.WallDate(t)
	for d.IsWeekend() {
		d = d.AddDays(-1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 9+r.IntN(8), r.IntN(60), 0, 0, ukcal.London()).UTC()
}

// patientKey picks a patient's random stream from what the seed made of
// them and when they were first seen.
func patientKey(p patients.PatientBrief, first time.Time) uint64 {
	h := fnv.New64a()
	h.Write([]byte(p.DOB.String() + "|" + p.Sex + "|" + first.UTC().Format(time.RFC3339Nano)))
	return h.Sum64()
}
