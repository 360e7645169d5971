package cli

import (
	"encoding/json"
	"fmt"

	"clinicdesk/app/ukcal"
)

const regionUsage = "england-and-wales|scotland|northern-ireland"

func init() {
	register(&command{name: "holidays", usage: "--year YYYY [--region " + regionUsage + "]",
		summary: "bank holidays in the year, one per line: YYYY-MM-DD title", run: runHolidays})
	register(&command{name: "deadlines", usage: "--from YYYY-MM-DD [--region R] [--pause FROM..TO]... [--json]",
		summary: "every deadline running from the date (complaint, subject access, referral)", run: runDeadlines})
}

func runHolidays(env *Env, args []string) error {
	fs := newFlags("holidays")
	yearText := fs.String("year", "", "the year, e.g. 2026")
	regionText := fs.String("region", string(ukcal.DefaultRegion), regionUsage)
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	year, err := parseYear("--year", *yearText, "the year to list")
	if err != nil {
		return err
	}
	region, err := ukcal.ParseRegion(*regionText)
	if err != nil {
		return usagef("--region: %v", err)
	}
	for _, h := range ukcal.Holidays(region, year) {
		fmt.Fprintf(env.Stdout, "%s %s\n", h.Date, h.Title)
	}
	return nil
}

func runDeadlines(env *Env, args []string) error {
	fs := newFlags("deadlines")
	fromText := fs.String("from", "", "the date the deadlines run from, YYYY-MM-DD")
	regionText := fs.String("region", string(ukcal.DefaultRegion), regionUsage)
	asJSON := fs.Bool("json", false, "print one JSON object")
	var pauses sarPauses
	fs.Var(&pauses, "pause", "days a subject access clock stood still, FROM..TO (repeatable)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	if *fromText == "" {
		return usagef("--from YYYY-MM-DD is required: the date the deadlines run from")
	}
	from, err := parseDate("--from", *fromText)
	if err != nil {
		return err
	}
	region, err := ukcal.ParseRegion(*regionText)
	if err != nil {
		return usagef("--region: %v", err)
	}
	deadlines := ukcal.Deadlines(from, region)
	if err := pauses.apply(&deadlines, from, region); err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(deadlines)
	}
	for _, d := range deadlines.List() {
		fmt.Fprintf(env.Stdout, "%s %s\n", d.Name, d.Date)
	}
	return nil
}
