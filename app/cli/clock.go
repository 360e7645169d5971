package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "clock", usage: "--events FILE.json [--as-of YYYY-MM-DD] [--json]",
		summary: "a referral's 18-week and cancer clocks, read from its events (no clinic is opened)", run: runClock})
}

// maxEventsFile is far more than the events of any one pathway.
const maxEventsFile = 1 << 20

func runClock(env *Env, args []string) error {
	fs := newFlags("clock")
	eventsPath := fs.String("events", "", "the pathway's events, a JSON file")
	asOfText := fs.String("as-of", "", "the day to read the clock on, YYYY-MM-DD (default today)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	if strings.TrimSpace(*eventsPath) == "" {
		return usagef(`--events FILE.json is required: the pathway's events, {"events":[{"date":"YYYY-MM-DD","kind":"referral_received","urgency":"routine"}, …]}`)
	}
	asOf := ukcal.Today(env.Now())
	if *asOfText != "" {
		d, err := parseDate("--as-of", *asOfText)
		if err != nil {
			return err
		}
		asOf = d
	}
	data, err := readEventsFile(*eventsPath)
	if err != nil {
		return err
	}
	urgency, events, err := pathways.ParseEventsJSON(data)
	if err != nil {
		return fmt.Errorf("--events %s: %w", *eventsPath, err)
	}
	clock, err := pathways.Compute(urgency, events, asOf)
	if err != nil {
		return fmt.Errorf("--events %s: %w", *eventsPath, err)
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(clock.Report())
	}
	printClock(env.Stdout, clock)
	return nil
}

func readEventsFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read --events %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("--events %s is a folder: give the JSON file of events in it", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxEventsFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read --events %s: %w", path, unwrapPath(err))
	}
	if len(data) > maxEventsFile {
		return nil, fmt.Errorf("--events %s is larger than 1 MB: that is not one pathway's events", path)
	}
	return data, nil
}

// printClock writes the clock for a person: a line per fact, dates in words.
func printClock(w io.Writer, c pathways.Clock) {
	line := func(label, format string, a ...any) {
		fmt.Fprintf(w, "%-36s %s\n", label+":", fmt.Sprintf(format, a...))
	}
	long := func(d ukcal.Date) string { return d.LongWithDay() }
	line("Referral", "%s, received %s", c.Urgency.Label(), long(c.Received))
	line("As of", "%s", long(c.AsOf))
	for _, p := range c.Earlier {
		if p.Status == pathways.ClockNullified {
			line("Earlier clock", "%s to %s: not counted, the first appointment was missed", p.Start.Short(), p.Stop.Short())
		} else {
			line("Earlier clock", "%s to %s: stopped (%s)", p.Start.Short(), p.Stop.Short(), strings.ToLower(p.StoppedBy.Label()))
		}
	}
	switch c.Status {
	case pathways.ClockNullified:
		line("Clock", "not counted: the first appointment was missed on %s (the clock had started %s)", long(c.Stop), long(c.Start))
		if c.LeftBy == pathways.DischargedToReferrer {
			line("Discharged", "to the referrer on %s", long(c.LeftListOn))
		} else if c.LeftBy == "" {
			line("Next", "a new clock starts on the day the patient rebooks")
		}
	case pathways.ClockStopped:
		line("Clock", "stopped on %s (%s); started %s", long(c.Stop), strings.ToLower(c.StoppedBy.Label()), long(c.Start))
	default:
		line("Clock", "running since %s", long(c.Start))
	}
	if c.LeftBy == pathways.Transferred {
		line("Transferred", "on %s: the clock went with the patient, and is measured here to that day", long(c.LeftListOn))
	}
	if c.Counted() {
		line("Treat by (18 weeks)", "%s", long(c.Breach))
		line("Weeks waited", "%d", c.WeeksWaited())
		breached := "no"
		if c.Breached {
			breached = "yes: more than 18 weeks"
		}
		line("Breached", "%s", breached)
	}
	if c.Urgency != pathways.SuspectedCancer {
		return
	}
	standards := []struct {
		label string
		s     pathways.Standard
	}{
		{"Faster Diagnosis (28 days)", c.Cancer.FasterDiagnosis},
		{"First treatment (62 days)", c.Cancer.Treat62},
		{"Treatment after decision (31 days)", c.Cancer.Treat31},
	}
	for i, st := range standards {
		if !st.s.Applies {
			why := "does not apply: cancer was ruled out, or the pathway ended without treatment"
			if i == 2 && c.Cancer.Treat62.Applies {
				why = "starts at the decision to treat"
			}
			line(st.label, "%s", why)
			continue
		}
		line(st.label, "due %s: %s", long(st.s.Due), verdictWords(st.s))
	}
}

func verdictWords(s pathways.Standard) string {
	switch {
	case s.Verdict == pathways.Met:
		return "met on " + s.On.LongWithDay()
	case s.Verdict == pathways.Missed && !s.On.IsZero():
		return "missed, late on " + s.On.LongWithDay()
	case s.Verdict == pathways.Missed:
		return "missed: the day passed with nothing recorded"
	}
	return "still within time"
}
