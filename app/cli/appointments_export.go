package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

const exportAppointmentsUsage = "clinicdesk export appointments --db PATH --out FILE [--format csv|ics] [--clinician NAME-OR-ID] [--from YYYY-MM-DD --to YYYY-MM-DD] --user NAME --password-stdin"

// appointmentExportFlags are the flags of `export appointments`.
type appointmentExportFlags struct {
	set             *flag.FlagSet
	auth            authFlags
	out, format     *string
	clinician       *string
	from, to        *string
	includeArchived *bool // the patient export's flag, known so any export line parses
}

func newAppointmentExportFlags() appointmentExportFlags {
	fs := newFlags("export")
	return appointmentExportFlags{
		set:             fs,
		auth:            addAuthFlags(fs),
		out:             fs.String("out", "", "the file to write"),
		format:          fs.String("format", "csv", "csv or ics"),
		clinician:       fs.String("clinician", "", "one clinician's appointments, by name or id"),
		from:            fs.String("from", "", "first day, YYYY-MM-DD"),
		to:              fs.String("to", "", "last day, YYYY-MM-DD"),
		includeArchived: fs.Bool("include-archived", false, "patients only"),
	}
}

// wantsAppointments reports whether an `export` command line asks for
// appointments, so that the export command can hand it to
// runExportAppointments before parsing its own flags.
func wantsAppointments(args []string) bool {
	f := newAppointmentExportFlags()
	pos, err := parseFlags(f.set, args)
	return err == nil && len(pos) > 0 && pos[0] == "appointments"
}

// runExportAppointments writes the appointment book, or one clinician's
// diary, as CSV or iCalendar to a new file: written to a hidden temporary
// file beside --out and moved into place only once the export and its
// audit row are committed; an existing file is never replaced.
func runExportAppointments(env *Env, args []string) error {
	f := newAppointmentExportFlags()
	pos, err := parseFlags(f.set, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0 || pos[0] != "appointments":
		return usagef("say what to export: %s", exportAppointmentsUsage)
	case len(pos) > 1:
		return usagef("unexpected %s: %s", strings.Join(pos[1:], " "), exportAppointmentsUsage)
	case *f.includeArchived:
		return usagef("--include-archived is for patients, not appointments")
	}
	format := strings.ToLower(*f.format)
	if format != app.FormatCSV && format != app.FormatICS {
		return usagef("appointments are exported with --format csv or --format ics (not %q)", *f.format)
	}
	var x app.AppointmentExport
	x.Format = format
	for _, d := range []struct {
		flag string
		in   string
		into *ukcal.Date
	}{{"--from", *f.from, &x.From}, {"--to", *f.to, &x.To}} {
		if d.in == "" {
			continue
		}
		day, err := parseDate(d.flag, d.in)
		if err != nil {
			return err
		}
		*d.into = day
	}
	if !x.From.IsZero() && !x.To.IsZero() && x.To.Before(x.From) {
		return usagef("--to %s is before --from %s", *f.to, *f.from)
	}
	if err := checkOutName(*f.out, "an appointments export as "+strings.ToUpper(format), "."+format); err != nil {
		return err
	}
	if _, err := os.Lstat(*f.out); err == nil {
		return fmt.Errorf("%s already exists: choose a new file name (an export never overwrites a file)", *f.out)
	}
	dir := filepath.Dir(*f.out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("the folder %s does not exist: create it first or choose another place", dir)
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermExportAppointments); err != nil {
		return err
	}
	if *f.clinician != "" {
		if x.ClinicianID, err = findClinician(c, *f.clinician); err != nil {
			return err
		}
	}
	n, err := exportToNewFile(*f.out, func(w io.Writer) (int, error) { return c.ExportAppointments(w, x) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported %s to %s.\n", plural(n, "appointment"), *f.out)
	return nil
}

// findClinician finds a clinician by id, or by name ignoring case; a name
// two clinicians share must be given as an id.
func findClinician(c *app.Clinic, nameOrID string) (string, error) {
	all, err := c.Clinicians(true)
	if err != nil {
		return "", err
	}
	var matches []schedule.Clinician
	for _, cl := range all {
		if cl.ID == nameOrID {
			return cl.ID, nil
		}
		if strings.EqualFold(cl.Name, strings.TrimSpace(nameOrID)) {
			matches = append(matches, cl)
		}
	}
	switch len(matches) {
	case 0:
		return "", fmt.Errorf("no clinician called %q in this clinic", nameOrID)
	case 1:
		return matches[0].ID, nil
	}
	ids := make([]string, len(matches))
	for i, m := range matches {
		ids[i] = m.ID
	}
	return "", errors.New("more than one clinician is called " + nameOrID + ": give the id instead (" + strings.Join(ids, ", ") + ")")
}
