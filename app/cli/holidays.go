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
	register(&command{name: "deadlines", usage: "--from YYYY-MM-DD [--region R] [--pause FROM..TO]... [--complaint-rules " + complaintRulesUsage + "] [--json]",
		summary: "every deadline running from the date (complaint, subject access, referral, decision to treat), or one nation's complaint dates", run: runDeadlines})
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
	rulesText := fs.String("complaint-rules", "", "a nation's complaint dates from the day of receipt: "+complaintRulesUsage)
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
	if *rulesText != "" {
		if len(pauses) > 0 {
			return usagef("--pause moves the subject access dates, which --complaint-rules does not print: use one or the other")
		}
		return printComplaintRuleDates(env, fs, *rulesText, from, *asJSON)
	}
	deadlines := ukcal.Deadlines(from, region)
	if err := pauses.apply(&deadlines, from, region); err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(deadlines)
	}
	printNamedDates(env, deadlines.List())
	return nil
}

// printNamedDates prints "key date  (start)" lines: the key and date
// first, as before, then which start the --from date was taken to be.
func printNamedDates(env *Env, list []ukcal.NamedDate) {
	for _, d := range list {
		fmt.Fprintf(env.Stdout, "%s %s  (%s)\n", d.Name, d.Date, d.Start)
	}
}
