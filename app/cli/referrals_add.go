package cli

import (
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

func referralsAdd(env *Env, f referralFlags) error {
	r, err := referralFromFlags(f)
	if err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermEditReferrals); err != nil {
		return err
	}
	if r.PatientID, r.OwnerID, r.ClinicianID, err = lookUpPeople(c, f); err != nil {
		return err
	}
	added, err := c.AddReferral(r)
	if err != nil {
		return err
	}
	rec, err := c.Referral(added.ID)
	if err != nil {
		return err
	}
	what := "referral in"
	if added.Direction == pathways.Out {
		what = "referral out"
	}
	fmt.Fprintf(env.Stdout, "Added %s %s for %s.%s\n", what, added.ID, rec.Patient, clockWords(rec))
	return nil
}

// referralFromFlags reads what `referrals add` was given, before the
// clinic is opened: mistakes in how it was called are usage errors.
func referralFromFlags(f referralFlags) (pathways.Referral, error) {
	var r pathways.Referral
	if strings.TrimSpace(*f.patient) == "" {
		return r, usagef("--patient ID|NHSNUMBER is required: who is referred (%s)", referralActionUsage("add"))
	}
	r.Direction = pathways.Direction(strings.ToLower(strings.TrimSpace(*f.direction)))
	if !r.Direction.Valid() {
		return r, usagef("--direction in|out is required: in for a referral the clinic received, out for one it sends")
	}
	from, to := strings.TrimSpace(*f.from), strings.TrimSpace(*f.to)
	switch {
	case r.Direction == pathways.In && to != "":
		return r, usagef("--to is where a referral out goes: a referral in names its referrer with --from")
	case r.Direction == pathways.Out && from != "":
		return r, usagef("--from is who sent a referral in: a referral out names where it goes with --to")
	case r.Direction == pathways.In:
		r.Party.Name = from
	default:
		r.Party.Name = to
	}
	if v := strings.ToLower(strings.TrimSpace(*f.source)); v != "" {
		if r.Direction == pathways.Out {
			return r, usagef("--source is who sent a referral in: a referral out has none")
		}
		if r.Source = pathways.Source(v); !r.Source.Valid() {
			return r, usagef("--source %s: choose gp, clinic (another clinic or hospital) or self (the patient referred themselves)", v)
		}
	}
	r.Party.Organisation, r.Party.Address, r.Party.ODSCode = *f.organisation, *f.address, *f.ods
	if strings.TrimSpace(*f.date) == "" {
		return r, usagef("--date YYYY-MM-DD is required: the day the referral was %s", map[pathways.Direction]string{pathways.In: "received", pathways.Out: "sent"}[r.Direction])
	}
	var err error
	if r.Date, err = parseDate("--date", *f.date); err != nil {
		return r, err
	}
	r.Urgency = pathways.Urgency(strings.ToLower(strings.TrimSpace(*f.urgency)))
	if !r.Urgency.Valid() {
		return r, usagef("--urgency routine|urgent|suspected_cancer is required: how soon the referrer asks for the patient to be seen")
	}
	if v := strings.TrimSpace(*f.kind); v != "" {
		r.Kind = pathways.Kind(strings.ToLower(v))
		if !r.Kind.Valid() {
			return r, usagef("--kind %s: choose rtt (consultant-led, 18 weeks), cancer or other", v)
		}
	} else if r.Direction == pathways.In {
		return r, usagef("--kind rtt|cancer|other is required for a referral in: which pathway (and so which clock) it starts")
	}
	if strings.TrimSpace(*f.reason) == "" {
		return r, usagef("--reason TEXT is required: why the patient is referred, in a few words")
	}
	r.Reason, r.Documents = *f.reason, *f.documents
	if strings.TrimSpace(*f.replyDue) != "" {
		if r.ReplyDueBy, err = parseDate("--reply-due", *f.replyDue); err != nil {
			return r, err
		}
	}
	for _, text := range *f.chase {
		d, err := parseDate("--chase", text)
		if err != nil {
			return r, err
		}
		r.ChaseDates = append(r.ChaseDates, d)
	}
	if r.Direction == pathways.In && (!r.ReplyDueBy.IsZero() || len(r.ChaseDates) > 0) {
		return r, usagef("--reply-due and --chase go with a referral out")
	}
	// Kept earliest first, whatever order they were given in.
	slices.SortFunc(r.ChaseDates, ukcal.Date.Compare)
	return r, nil
}

func referralsClose(env *Env, f referralFlags) error {
	id := strings.TrimSpace(*f.referral)
	if id == "" {
		return usagef("--referral ID is required: the referral's id, as referrals list shows it (%s)", referralActionUsage("close"))
	}
	if strings.TrimSpace(*f.reason) == "" {
		return usagef("--reason TEXT is required: why the pathway is closed by hand (for example \"referred in error\")")
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	r, err := c.CloseReferral(id, *f.reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Closed referral %s: %s.\n", r.ID, r.CloseReason)
	return nil
}
