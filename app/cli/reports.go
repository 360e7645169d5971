package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/reports"
)

const reportKindUsage = "clinicdesk report dna|cancellations|utilisation|new-patients|referrals|waiting|complaints|letters --db PATH --from YYYY-MM-DD --to YYYY-MM-DD [--by week|month] [--clinician NAME] --out FILE.csv|FILE.pdf|FILE.png --user NAME --password-stdin"

// reportWords are every report the command knows, for its messages.
func reportWords() string {
	words := []string{"ko41b", "ptl"}
	for _, k := range reports.Kinds {
		words = append(words, string(k))
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// wantsReportKind returns the report of issue 18 a `report` command line
// names (a word on its own, not a flag's value), so the report command
// hands it over before parsing the KO41(b)'s flags.
func wantsReportKind(args []string) (reports.Kind, bool) {
	for i, a := range args {
		k := reports.Kind(strings.ToLower(a))
		if !slices.Contains(reports.Kinds, k) {
			continue
		}
		prev := ""
		if i > 0 {
			prev = args[i-1]
		}
		if !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") || strings.TrimLeft(prev, "-") == "password-stdin" {
			return k, true
		}
	}
	return "", false
}

// runReportKind writes one report over a range to a new file: CSV here,
// PDF and PNG by the charts (reports_pictures.go).
func runReportKind(env *Env, kind reports.Kind, args []string) error {
	fs := newFlags("report " + string(kind))
	auth := addAuthFlags(fs)
	fromText := fs.String("from", "", "the first day, YYYY-MM-DD")
	toText := fs.String("to", "", "the last day, YYYY-MM-DD")
	by := fs.String("by", "month", "week or month")
	clinician := fs.String("clinician", "", "one clinician's figures (name or id)")
	out := fs.String("out", "", "the file to write: .csv, .pdf or .png")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), reportKindUsage)
	}
	if *fromText == "" || *toText == "" {
		return usagef("--from and --to are required: the first and last day of the report (%s)", reportKindUsage)
	}
	r := reports.Range{By: reports.Grouping(strings.ToLower(strings.TrimSpace(*by)))}
	if r.From, err = parseDate("--from", *fromText); err != nil {
		return err
	}
	if r.To, err = parseDate("--to", *toText); err != nil {
		return err
	}
	if err := r.Check(); err != nil {
		return usagef("%v", err)
	}
	if err := checkOutName(*out, "the "+string(kind)+" report", ".csv", ".pdf", ".png"); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" {
		if err := checkReportPicture(*out); err != nil {
			return err
		}
	}
	if err := checkNewFile(*out); err != nil {
		return err
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermViewReports); err != nil {
		return err
	}
	if v := strings.TrimSpace(*clinician); v != "" {
		if r.ClinicianID, err = findClinician(c, v); err != nil {
			return err
		}
	}
	rep, err := c.Report(kind, r)
	if err != nil {
		return err
	}
	// Saved through the facade, as the screen saves: the file is recorded
	// in the audit trail as an export, whatever its kind.
	var warnings []string
	_, err = exportToNewFile(*out, func(w io.Writer) (int, error) {
		if ext == ".csv" {
			return 0, c.ReportCSV(w, rep)
		}
		var err error
		warnings, err = writeReportPicture(w, c, rep, ext)
		return 0, err
	})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, "check: "+w)
	}
	fmt.Fprintf(env.Stdout, "%s (%s), %s: written to %s.\n", rep.Title, rep.Who, rep.Range.Describe(), *out)
	for _, f := range rep.Figures {
		fmt.Fprintf(env.Stdout, "%s: %s\n", f.Title, f.Summary)
	}
	return nil
}
