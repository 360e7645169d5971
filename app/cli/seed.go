package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "seed", usage: "--db PATH --patients N [--years Y] [--seed S] --user NAME --password-stdin",
		summary: "add N generated, realistic fake patients (test-range NHS numbers, Ofcom drama phone numbers, example.com " +
			"email addresses) through the same checks and audit as an import, and a diary of about ten appointments each " +
			"over Y years up to today and six weeks ahead (the first time, with a team of clinicians, rooms and appointment " +
			"types), a waiting list, complaints, referrals in and out with their pathways, and tasks; managers only. --seed S picks the data (default 1); --years Y defaults to 2",
		run: runSeed})
}

func runSeed(env *Env, args []string) error {
	fs := newFlags("seed")
	auth := addAuthFlags(fs)
	n := fs.Int("patients", 0, "how many patients to add")
	years := fs.Int("years", 2, "years of diary before today")
	seedValue := fs.Uint64("seed", 1, "picks the data: the same seed on the same clinic gives the same patients and diary")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected %s: clinicdesk seed takes only options", strings.Join(rest, " "))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	switch {
	case !given["patients"]:
		return usagef("--patients N is required: how many patients to add (1 or more)")
	case *n <= 0:
		return usagef("--patients %d is not a number of patients to add: give 1 or more", *n)
	case *n > seed.MaxNHSNumbers:
		return usagef("--patients %d is too many: at most %d (there are that many test NHS numbers)", *n, seed.MaxNHSNumbers)
	case *years < 0 || *years > 50:
		return usagef("--years %d is not valid: give from 0 to 50 years of diary", *years)
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()

	// A second batch continues the first: its patients are numbered after
	// those already in the clinic, so their NHS numbers are new.
	already, err := c.CountPatients("")
	if err != nil {
		return err
	}
	before, err := c.ActivePatientBriefs()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Generating %d patients (seed %d) …\n", *n, *seedValue)
	g := seed.New(seed.Options{Seed: *seedValue, Today: ukcal.Today(env.Now()), First: already})
	rows := make([]app.ImportRow, *n)
	for i := range rows {
		rows[i] = app.ImportRow{Line: i + 1, Patient: g.Next()}
	}

	start := time.Now()
	step := max(*n/10, 1)
	next := step
	report, err := c.ImportPatients(rows, app.ImportOptions{Progress: func(done, total int) {
		switch {
		case done == total:
			fmt.Fprintf(env.Stderr, "Checked all %d; saving …\n", total)
		case done >= next:
			fmt.Fprintf(env.Stderr, "Checked %d of %d …\n", done, total)
			next += step
		}
	}})
	if errors.Is(err, app.ErrImportRejected) {
		for i, p := range report.Problems {
			if i == 5 {
				fmt.Fprintf(env.Stderr, "… and %d more\n", len(report.Problems)-i)
				break
			}
			fmt.Fprintln(env.Stderr, p)
		}
		return fmt.Errorf("%d generated patients were refused, so none was added (%s)", len(report.Problems), report.Problems[0].Reason)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Added %d generated patients to %s in %.1f s (%d now in the clinic).\n",
		report.Imported, c.Path(), time.Since(start).Seconds(), already+report.Imported)
	if w := len(report.Warnings); w > 0 {
		// Only 3,000 drama-range phone numbers exist, so a big clinic's
		// generated patients share some, and the import says so.
		fmt.Fprintf(env.Stdout, "%d of them may be duplicates of patients already there (a shared phone number or a similar name and the same birthday).\n", w)
	}

	start = time.Now()
	fmt.Fprintf(env.Stderr, "Generating the diary (%d years up to today and %d weeks ahead) …\n", *years, diaryWeeksAhead)
	month := ""
	d, err := addSeedDiary(c, env, before, *years, *seedValue, func(day ukcal.Date, n int) {
		if m := day.Format(ukcal.LayoutMonth); m != month && day.Month()%3 == 1 {
			fmt.Fprintf(env.Stderr, "  %s: %d appointments so far …\n", m, n)
			month = m
		}
	})
	if err != nil {
		return fmt.Errorf("the patients were added, but not their diary: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Added %d appointments over %d working days and %d patients waiting, in %.1f s.\n",
		d.Appointments, d.Days, d.Waiting, time.Since(start).Seconds())

	// Complaints about the new patients, over the same years, logged and
	// decided by the signed-in manager.
	s, _ := c.Session()
	fresh, err := freshBriefs(c, before)
	if err != nil {
		return err
	}
	logged, err := c.AddComplaintHistory(seed.Complaints(seed.ComplaintOptions{Seed: *seedValue, Now: env.Now(), Years: *years,
		Patients: fresh, Desk: []string{s.User.Username}, Manager: s.User.Username, ManagerName: s.User.FullName, OwnerID: s.User.ID}))
	if err != nil {
		return fmt.Errorf("the patients and their diary were added, but not their complaints: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Added %d complaints.\n", logged)

	// Referrals and the worklist, over the same years, after the diary so
	// the pathways' first appointments are the patients' own.
	pw, err := seed.AddPathways(c, seed.PathwayOptions{Seed: *seedValue, Now: env.Now(), Years: *years, Patients: fresh})
	if err != nil {
		return fmt.Errorf("the patients, their diary and complaints were added, but not their referrals and tasks: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Added %d referrals (%d in, %d out) and %d tasks.\n", pw.ReferralsIn+pw.ReferralsOut, pw.ReferralsIn, pw.ReferralsOut, pw.Tasks)

	// Last, once their bookings and referrals are in, each patient is
	// dated as registered a little before the clinic first heard of them.
	if _, err := seed.DateRegistrations(c, seed.RegistrationOptions{Seed: *seedValue, Now: env.Now(), Years: *years, Patients: fresh}); err != nil {
		return fmt.Errorf("the patients and their history were added, but their registrations are dated today: %w", err)
	}
	return nil
}

// freshBriefs are the active patients who are not in before.
func freshBriefs(c *app.Clinic, before []patients.PatientBrief) ([]patients.PatientBrief, error) {
	all, err := c.ActivePatientBriefs()
	if err != nil {
		return nil, err
	}
	old := make(map[string]bool, len(before))
	for _, p := range before {
		old[p.ID] = true
	}
	var fresh []patients.PatientBrief
	for _, p := range all {
		if !old[p.ID] {
			fresh = append(fresh, p)
		}
	}
	return fresh, nil
}

// diaryWeeksAhead is how far ahead a generated diary is booked.
const diaryWeeksAhead = 6

// addSeedDiary generates and adds the diary of the patients who are not in
// before: with the standard team the first time, in the clinic's own
// set-up and around the appointments already booked after that.
func addSeedDiary(c *app.Clinic, env *Env, before []patients.PatientBrief, years int, seedValue uint64, progress func(ukcal.Date, int)) (app.DiaryReport, error) {
	fresh, err := freshBriefs(c, before)
	if err != nil {
		return app.DiaryReport{}, err
	}
	o := seed.DiaryOptions{Seed: seedValue, Now: env.Now(), Years: years, WeeksAhead: diaryWeeksAhead,
		Patients: seed.DiaryPatients(fresh)}
	if err := clinicSetup(c, &o, true); err != nil {
		return app.DiaryReport{}, err
	}
	g := seed.NewDiary(o)
	b := app.DiaryBatch{NextDay: g.NextDay, Waiting: g.Waiting, Progress: progress}
	if g.NewSetup() {
		st := app.DiarySetup(g.Setup())
		b.Setup = &st
	}
	return c.AddDiary(b)
}

// clinicSetup gives the generator the clinic's own set-up, once it has
// clinicians, and with bookings the appointments to book around.
func clinicSetup(c *app.Clinic, o *seed.DiaryOptions, bookings bool) error {
	clinicians, err := c.Clinicians(true)
	if err != nil || len(clinicians) == 0 {
		return err
	}
	st := seed.Setup{Clinicians: clinicians}
	if st.Settings, err = c.CalendarSettings(); err != nil {
		return err
	}
	if st.Rooms, err = c.Rooms(true); err != nil {
		return err
	}
	if st.Types, err = c.AppointmentTypes(false); err != nil {
		return err
	}
	today := ukcal.Today(o.Now)
	from, to := today.AddMonths(-12*o.Years), today.AddDays(7*o.WeeksAhead)
	if st.Closures, err = c.Closures(from, to); err != nil {
		return err
	}
	if bookings {
		if o.Existing, err = c.DiaryOccupied(from, to); err != nil {
			return err
		}
	}
	o.Setup = &st
	return nil
}
