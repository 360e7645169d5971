package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
)

const reportPTLUsage = "clinicdesk report ptl --db PATH --out FILE.csv|FILE.pdf [--at-risk DAYS] [--clinician NAME] [--kind rtt|cancer|other] [--urgency routine|urgent|suspected_cancer] --user NAME --password-stdin"

// ptlFlags are the flags of `report ptl`.
type ptlFlags struct {
	auth                          authFlags
	out, clinician, kind, urgency *string
	atRisk                        *int
}

func newPTLFlags() (*flag.FlagSet, ptlFlags) {
	fs := newFlags("report ptl")
	return fs, ptlFlags{auth: addAuthFlags(fs),
		out: fs.String("out", "", "the file to write, .csv or .pdf"), clinician: fs.String("clinician", "", "one clinician's pathways"),
		kind: fs.String("kind", "", "rtt, cancer or other"), urgency: fs.String("urgency", "", "routine, urgent or suspected_cancer"),
		atRisk: fs.Int("at-risk", -1, "only pathways whose breach date is within DAYS (or passed)")}
}

// wantsPTL reports whether a `report` command line names the PTL as its
// report (a word on its own, not a flag's value), so that the report
// command hands it over before parsing its own flags and a mistake in
// them is reported against the PTL's.
func wantsPTL(args []string) bool {
	for i, a := range args {
		if !strings.EqualFold(a, "ptl") {
			continue
		}
		prev := ""
		if i > 0 {
			prev = args[i-1]
		}
		if !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") || strings.TrimLeft(prev, "-") == "password-stdin" {
			return true
		}
	}
	return false
}

// runReportPTL writes the patient tracking list to a new file, CSV or PDF
// by its extension, moved into place only once it and its audit row are
// complete.
func runReportPTL(env *Env, args []string) error {
	set, f := newPTLFlags()
	pos, err := parseFlags(set, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), reportPTLUsage)
	}
	var filter pathways.PTLFilter
	if *f.atRisk != -1 {
		if *f.atRisk < 0 || *f.atRisk > pathways.MaxAtRiskDays {
			return usagef("--at-risk %d: give the number of days ahead to look, 0 to %d", *f.atRisk, pathways.MaxAtRiskDays)
		}
		filter.AtRisk, filter.AtRiskDays = true, *f.atRisk
	}
	if v := strings.TrimSpace(*f.kind); v != "" {
		if filter.Kind = pathways.Kind(strings.ToLower(v)); !filter.Kind.Valid() {
			return usagef("--kind %s: choose rtt, cancer or other", v)
		}
	}
	if v := strings.TrimSpace(*f.urgency); v != "" {
		if filter.Urgency = pathways.Urgency(strings.ToLower(v)); !filter.Urgency.Valid() {
			return usagef("--urgency %s: choose routine, urgent or suspected_cancer", v)
		}
	}
	if err := checkOutName(*f.out, "the patient tracking list", ".csv", ".pdf"); err != nil {
		return err
	}
	if err := checkNewFile(*f.out); err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermViewReferrals); err != nil {
		return err
	}
	if v := strings.TrimSpace(*f.clinician); v != "" {
		if filter.ClinicianID, err = findClinician(c, v); err != nil {
			return err
		}
	}
	var warnings []string
	n, err := exportToNewFile(*f.out, func(w io.Writer) (int, error) {
		if strings.EqualFold(filepath.Ext(*f.out), ".pdf") {
			n, ws, err := c.PTLPDF(w, filter)
			warnings = ws
			return n, err
		}
		return c.ExportPTL(w, filter)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Patient tracking list: %s written to %s.\n", plural(n, "open pathway"), *f.out)
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, "check: "+w)
	}
	return nil
}
