package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "report", usage: "ko41b --db PATH --year YYYY [--variant gp|dental] --out FILE.csv|FILE.pdf --user NAME --password-stdin\n  clinicdesk report ptl --db PATH --out FILE.csv|FILE.pdf [--at-risk DAYS] [--clinician NAME] [--kind rtt|cancer|other] [--urgency U] --user NAME --password-stdin\n  " + reportKindUsage,
		summary: "ko41b: the KO41(b) complaints return for 1 April YYYY to 31 March YYYY+1 (NHS complaints in England; the GP or dental form, from Settings unless --variant), as CSV or PDF (by the file's extension); managers only. ptl: the patient tracking list of open pathways, breach date first. dna, cancellations, utilisation, new-patients, referrals, waiting, complaints, letters: how the clinic is doing over --from to --to, by week or month, with the previous period of the same length for comparison (managers; clinicians their own figures)",
		run:     runReport})
}

const (
	reportUsage           = "clinicdesk report ko41b --db PATH --year YYYY [--variant gp|dental] --out FILE.csv|FILE.pdf --user NAME --password-stdin"
	exportComplaintsUsage = "clinicdesk export complaints --db PATH --out FILE [--format csv] --user NAME --password-stdin"
)

// checkNewFile refuses an --out that exists or whose folder does not.
func checkNewFile(out string) error {
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s already exists: choose a new file name (a report never overwrites a file)", out)
	}
	dir := filepath.Dir(out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("the folder %s does not exist: create it first or choose another place", dir)
	}
	return nil
}

// runReport writes the KO41(b) return to a new file, CSV or PDF by its
// extension, moved into place only once it is complete.
func runReport(env *Env, args []string) error {
	if wantsPTL(args) {
		return runReportPTL(env, args)
	}
	if kind, ok := wantsReportKind(args); ok {
		return runReportKind(env, kind, args)
	}
	fs := newFlags("report")
	auth := addAuthFlags(fs)
	year := fs.String("year", "", "the year of 1 April, YYYY")
	out := fs.String("out", "", "the file to write, .csv or .pdf")
	variantText := fs.String("variant", "", "the form: gp or dental (default: the clinic's, from Settings)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("say which report: %s", reportUsage)
	case !strings.EqualFold(pos[0], "ko41b"):
		return usagef("unknown report %q: the reports are %s (%s)", pos[0], reportWords(), reportUsage)
	case len(pos) > 1:
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), reportUsage)
	}
	y, err := parseYear("--year", *year, "the year the return starts on 1 April")
	if err != nil {
		return err
	}
	var variant complaints.ReturnVariant
	if *variantText != "" {
		if variant, err = complaints.ParseReturnVariant(*variantText); err != nil {
			return usagef("--variant: %v", err)
		}
	}
	if err := checkOutName(*out, "the KO41(b) return", ".csv", ".pdf"); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if err := checkNewFile(*out); err != nil {
		return err
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermComplaintsReturn); err != nil {
		return err
	}
	rep, err := c.ComplaintsReturnFor(y, variant)
	if err != nil {
		return err
	}
	details, err := c.Details()
	if err != nil {
		return err
	}
	_, err = exportToNewFile(*out, func(w io.Writer) (int, error) {
		if ext == ".csv" {
			return 0, rep.CSV(w)
		}
		printed := env.Now().In(ukcal.London())
		return 0, letters.RenderKO41b(w, letters.KO41b{ClinicName: details.Name, Report: rep, Printed: printed})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "KO41(b) %s, %s form: brought forward %d, new %d, resolved %d (upheld %d, partially upheld %d, not upheld %d), carried forward %d; written to %s.\n",
		rep.Period(), strings.ToLower(rep.Variant.Label()), rep.Count(complaints.MeasureBroughtForward), rep.Count(complaints.MeasureNew), rep.Resolved(),
		rep.Count(complaints.MeasureUpheld), rep.Count(complaints.MeasurePartiallyUpheld), rep.Count(complaints.MeasureNotUpheld),
		rep.Count(complaints.MeasureCarriedForward), *out)
	if rep.NotNHSEngland > 0 || rep.NotFromPatient > 0 {
		fmt.Fprintf(env.Stdout, "Not part of the return: %d about private care or under another nation's procedure, %d from someone neither the patient nor acting for them.\n",
			rep.NotNHSEngland, rep.NotFromPatient)
	}
	if rep.ODSCode == "" {
		fmt.Fprintln(env.Stderr, "check: the practice code (ODS code) is not set: add it in Settings, Complaints before submitting")
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(env.Stderr, "check: "+w)
	}
	return nil
}

// wantsComplaints reports whether an `export` command line asks for
// complaints, so that the export command can hand it to
// runExportComplaints before parsing its own flags.
func wantsComplaints(args []string) bool {
	fs := newFlags("export")
	addAuthFlags(fs)
	fs.String("out", "", "")
	fs.String("format", "", "")
	pos, err := parseFlags(fs, args)
	return err == nil && len(pos) > 0 && pos[0] == "complaints"
}

// runExportComplaints writes the complaints register as CSV to a new file
// (managers only), moved into place once the export and its audit row are
// committed.
func runExportComplaints(env *Env, args []string) error {
	fs := newFlags("export")
	auth := addAuthFlags(fs)
	out := fs.String("out", "", "the file to write")
	format := fs.String("format", "csv", "csv")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0 || pos[0] != "complaints":
		return usagef("say what to export: %s", exportComplaintsUsage)
	case len(pos) > 1:
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), exportComplaintsUsage)
	case !strings.EqualFold(*format, "csv"):
		return usagef("complaints are exported as CSV: use --format csv (not %q)", *format)
	}
	if err := checkOutName(*out, "the complaints register", ".csv"); err != nil {
		return err
	}
	if err := checkNewFile(*out); err != nil {
		return err
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermExportComplaints); err != nil {
		return err
	}
	n, err := exportToNewFile(*out, c.ExportComplaints)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported %s to %s.\n", plural(n, "complaint"), *out)
	return nil
}
