package cli

import (
	"errors"
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "seed", usage: "--db PATH --patients N [--years Y] [--seed S] --user NAME --password-stdin",
		summary: "add N generated, realistic fake patients (test-range NHS numbers, Ofcom drama phone numbers, example.com " +
			"email addresses) through the same checks and audit as an import; managers only. --seed S picks the patients " +
			"(default 1); --years Y: years of history for modules that have it",
		run: runSeed})
}

func runSeed(env *Env, args []string) error {
	fs := newFlags("seed")
	auth := addAuthFlags(fs)
	n := fs.Int("patients", 0, "how many patients to add")
	years := fs.Int("years", 2, "years of history for modules that have it")
	seedValue := fs.Uint64("seed", 1, "picks the patients: the same seed on the same clinic gives the same patients")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n <= 0 {
		return usagef("--patients N is required: how many patients to add (1 or more)")
	}
	if *n > seed.MaxNHSNumbers {
		return usagef("--patients can be at most %d (there are that many test NHS numbers)", seed.MaxNHSNumbers)
	}
	if *years < 0 || *years > 50 {
		return usagef("--years must be between 0 and 50")
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
	return nil
}
