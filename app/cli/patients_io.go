package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patientcsv"
)

func init() {
	register(&command{name: "import", usage: "patients --db PATH [--dry-run] [--skip-invalid] --user NAME --password-stdin FILE.csv",
		summary: "import patients from a CSV file; any bad row and nothing is imported (exit 1) unless --skip-invalid; every bad row reported as \"line N: reason\"",
		run:     runImport})
	register(&command{name: "export", usage: "patients --db PATH --out FILE [--format csv] [--include-archived] --user NAME --password-stdin\n" +
		"       clinicdesk export appointments --db PATH --out FILE [--format csv|ics] [--clinician NAME-OR-ID] [--from YYYY-MM-DD --to YYYY-MM-DD] --user NAME --password-stdin",
		summary: "export patients as CSV, or appointments as CSV or iCalendar (RFC 4180 / RFC 5545, UTF-8, safe to open in a spreadsheet); never overwrites a file",
		run:     runExport})
}

const (
	importUsage = "clinicdesk import patients --db PATH [--dry-run] [--skip-invalid] --user NAME --password-stdin FILE.csv"
	exportUsage = "clinicdesk export patients --db PATH --out FILE [--format csv] [--include-archived] --user NAME --password-stdin"
)

// runImport reads a CSV file of patients and hands every row to
// Clinic.ImportPatients. The report goes to standard output: the columns
// and what they were mapped to, the columns ignored, one "line N: reason"
// per bad row, one "line N: warning: …" per possible duplicate, and a
// summary line. A rejected import also ends with the one-line error on
// standard error and exit status 1.
func runImport(env *Env, args []string) error {
	fs := newFlags("import")
	auth := addAuthFlags(fs)
	dryRun := fs.Bool("dry-run", false, "check every row and report, change nothing")
	skipInvalid := fs.Bool("skip-invalid", false, "import the good rows and report the rest")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("say what to import: %s", importUsage)
	case pos[0] != "patients":
		return usagef("only patients can be imported, not %q: %s", pos[0], importUsage)
	case len(pos) == 1:
		return usagef("name the CSV file to import: %s", importUsage)
	case len(pos) > 2:
		return usagef("import one file at a time (got %s)", strings.Join(pos[1:], ", "))
	}
	file := pos[1]
	switch ext := strings.ToLower(filepath.Ext(file)); ext {
	case ".xlsx", ".xls", ".xlsm", ".ods", ".numbers":
		// Read as CSV it would fail on every line; say what to do instead.
		return usagef("%s is a spreadsheet (%s), not a CSV file: save it as \"CSV UTF-8\" from the spreadsheet program and import that file", file, ext)
	}
	if st, err := os.Stat(file); err != nil {
		return fmt.Errorf("cannot open %s: %w", file, unwrapPath(err))
	} else if st.IsDir() {
		return fmt.Errorf("%s is a folder: name the CSV file inside it", file)
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermImportPatients); err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", file, unwrapPath(err))
	}
	table, err := patientcsv.Read(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	m := patientcsv.AutoMap(table.Headers)
	printMapping(env.Stdout, m, table.Headers)
	if err := m.Validate(table.Headers); err != nil {
		return err
	}
	rows := m.Rows(table)
	if len(rows) == 0 {
		return errors.New("nothing to import: the file has a header row but no patients below it")
	}
	report, err := c.ImportPatients(app.ImportRowsFromCSV(rows), app.ImportOptions{DryRun: *dryRun, SkipInvalid: *skipInvalid})
	rejected := errors.Is(err, app.ErrImportRejected)
	if err != nil && !rejected {
		return err
	}
	out := env.Stdout
	if len(report.Problems) > 0 {
		fmt.Fprintf(out, "%s with problems:\n", plural(len(report.Problems), "row"))
		for _, p := range report.Problems {
			fmt.Fprintln(out, oneLine(p.String()))
		}
	}
	if len(report.Warnings) > 0 {
		fmt.Fprintf(out, "%s to check (possible duplicates):\n", plural(len(report.Warnings), "warning"))
		for _, w := range report.Warnings {
			fmt.Fprintf(out, "line %d: warning: %s\n", w.Line, oneLine(w.Reason))
		}
	}
	good := report.Rows - len(report.Problems)
	switch {
	case rejected && *dryRun:
		fmt.Fprintf(out, "Dry run: %s read, %d with problems: the import would be refused. Nothing was changed.\n", plural(report.Rows, "row"), len(report.Problems))
		return err
	case rejected:
		fmt.Fprintf(out, "%s read, %d with problems: nothing was imported.\n", plural(report.Rows, "row"), len(report.Problems))
		return err
	case *dryRun:
		fmt.Fprintf(out, "Dry run: %s read, %d would be imported, %d would be skipped. Nothing was changed.\n", plural(report.Rows, "row"), good, len(report.Problems))
	case len(report.Problems) > 0:
		fmt.Fprintf(out, "Imported %d of %s; %d skipped (listed above).\n", report.Imported, plural(report.Rows, "row"), report.Skipped)
	default:
		fmt.Fprintf(out, "Imported %s.\n", plural(report.Imported, "patient"))
	}
	return nil
}

func printMapping(out io.Writer, m patientcsv.Mapping, headers []string) {
	fmt.Fprintln(out, "Columns:")
	for _, mc := range m.Mapped(headers) {
		fmt.Fprintf(out, "  %s -> %s\n", mc.Column, mc.Field.Label)
	}
	if un := m.Unmapped(headers); len(un) > 0 {
		names := make([]string, len(un))
		for i, c := range un {
			names[i] = c.String()
		}
		fmt.Fprintf(out, "Ignored columns: %s\n", strings.Join(names, ", "))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// canDo refuses early, before any file is read, when the signed-in user
// may not do p; the app checks again when it does it.
func canDo(c *app.Clinic, p app.Permission) error {
	if c.Can(p) {
		return nil
	}
	s, _ := c.Session()
	return &app.PermissionError{Role: s.Role, Perm: p}
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("no such file")
		}
		return pe.Err
	}
	return err
}

// runExport writes patients to a new file. The CSV is written to a hidden
// temporary file beside --out and moved into place only once the export
// and its audit rows are committed, so a failure leaves no half-written
// file; an existing file is never replaced.
func runExport(env *Env, args []string) error {
	if wantsAppointments(args) {
		return runExportAppointments(env, args)
	}
	if wantsComplaints(args) {
		return runExportComplaints(env, args)
	}
	fs := newFlags("export")
	auth := addAuthFlags(fs)
	outPath := fs.String("out", "", "the file to write")
	format := fs.String("format", "csv", "csv")
	archived := fs.Bool("include-archived", false, "export archived records as well")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("say what to export (patients, appointments or complaints): %s", exportUsage)
	case pos[0] != "patients":
		return usagef("%q cannot be exported: choose patients, appointments or complaints (%s)", pos[0], exportUsage)
	case len(pos) > 1:
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), exportUsage)
	}
	if f := strings.ToLower(*format); f != "csv" {
		return usagef("patients are exported as CSV: use --format csv (not %q)", *format)
	}
	if err := checkOutName(*outPath, "the patients export", ".csv"); err != nil {
		return err
	}
	if _, err := os.Lstat(*outPath); err == nil {
		return fmt.Errorf("%s already exists: choose a new file name (an export never overwrites a file)", *outPath)
	}
	dir := filepath.Dir(*outPath)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("the folder %s does not exist: create it first or choose another place", dir)
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermExportPatients); err != nil {
		return err
	}
	n, err := exportToNewFile(*outPath, func(w io.Writer) (int, error) { return c.ExportPatients(w, *archived) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported %s to %s.\n", plural(n, "patient"), *outPath)
	return nil
}

// exportToNewFile runs export into a temporary file in out's folder
// (readable by the user only) and then links it into place, which fails
// rather than replace a file that appeared meanwhile. Where the file
// system has no hard links (FAT on a USB stick), it renames instead.
func exportToNewFile(out string, export func(io.Writer) (int, error)) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return 0, fmt.Errorf("cannot write in %s: %w", filepath.Dir(out), unwrapPath(err))
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	n, err := export(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if err := os.Link(tmpName, out); err != nil {
		if _, statErr := os.Lstat(out); statErr == nil {
			return 0, fmt.Errorf("%s already exists: choose a new file name (an export never overwrites a file)", out)
		}
		if err := os.Rename(tmpName, out); err != nil {
			return 0, fmt.Errorf("cannot write %s: %w", out, err)
		}
	}
	return n, nil
}
