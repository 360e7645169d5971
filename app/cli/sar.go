package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "sar", usage: "list|log|pause|resume|extend|produce --db PATH --user NAME --password-stdin …",
		summary: "the subject access register and its clock (clinicdesk sar help for each action)", run: runSAR})
}

const sarUsage = `clinicdesk sar list    --db PATH [--json] --user NAME --password-stdin
clinicdesk sar log     --db PATH --patient ID|NHSNUMBER --received YYYY-MM-DD (--identity HOW | --awaiting-identity) [--by WHO] [--scope WHAT] --user NAME --password-stdin
clinicdesk sar pause   --db PATH --request ID --reason identity|clarification [--from YYYY-MM-DD] --user NAME --password-stdin
clinicdesk sar resume  --db PATH --request ID [--on YYYY-MM-DD] [--identity HOW] [--scope WHAT] --user NAME --password-stdin
clinicdesk sar extend  --db PATH --request ID --why TEXT --out NOTICE.pdf [--sent YYYY-MM-DD] --user NAME --password-stdin
clinicdesk sar produce --db PATH --request ID --out COPY.pdf --user NAME --password-stdin   (the JSON copy is written beside it, COPY.json)
Dates left out are today.`

// sarFlags are every action's flags; each action says which it needs.
type sarFlags struct {
	auth                                      authFlags
	patient, received, identity, by, scope    *string
	request, reason, from, on, why, sent, out *string
	awaitingIdentity, asJSON                  *bool
}

func runSAR(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usagef("say what to do: clinicdesk sar list|log|pause|resume|extend|produce (clinicdesk sar help shows each one's options)")
		}
		fmt.Fprintln(env.Stdout, sarUsage)
		return nil
	}
	action := args[0]
	fs := newFlags("sar " + action)
	f := sarFlags{auth: addAuthFlags(fs),
		patient: fs.String("patient", "", ""), received: fs.String("received", "", ""), identity: fs.String("identity", "", ""),
		by: fs.String("by", "", ""), scope: fs.String("scope", "", ""), request: fs.String("request", "", ""),
		reason: fs.String("reason", "", ""), from: fs.String("from", "", ""), on: fs.String("on", "", ""),
		why: fs.String("why", "", ""), sent: fs.String("sent", "", ""), out: fs.String("out", "", ""),
		awaitingIdentity: fs.Bool("awaiting-identity", false, ""), asJSON: fs.Bool("json", false, "")}
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected %q: %s", rest[0], sarActionUsage(action))
	}
	allowed := map[string][]string{
		"list":    {"json"},
		"log":     {"patient", "received", "identity", "awaiting-identity", "by", "scope"},
		"pause":   {"request", "reason", "from"},
		"resume":  {"request", "on", "identity", "scope"},
		"extend":  {"request", "why", "out", "sent"},
		"produce": {"request", "out"},
	}
	ok, known := allowed[action]
	if !known {
		return usagef("unknown action %q: the actions are list, log, pause, resume, extend and produce", action)
	}
	var stray error
	fs.Visit(func(fl *flag.Flag) {
		if stray != nil || fl.Name == "db" || fl.Name == "user" || fl.Name == "password-stdin" {
			return
		}
		for _, n := range ok {
			if n == fl.Name {
				return
			}
		}
		stray = usagef("--%s does not go with sar %s: %s", fl.Name, action, sarActionUsage(action))
	})
	if stray != nil {
		return stray
	}
	today := ukcal.Today(env.Now())
	switch action {
	case "list":
		return sarList(env, f)
	case "log":
		return sarLog(env, f)
	case "pause":
		return sarPause(env, f, today)
	case "resume":
		return sarResume(env, f, today)
	case "extend":
		return sarExtend(env, f, today)
	}
	return sarProduce(env, f)
}

// sarActionUsage is the usage line of one action.
func sarActionUsage(action string) string {
	for _, line := range strings.Split(sarUsage, "\n") {
		if strings.HasPrefix(line, "clinicdesk sar "+action+" ") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	return sarUsage
}

// dateOr reads an optional date flag, today when left out.
func dateOr(flag, text string, today ukcal.Date) (ukcal.Date, error) {
	if strings.TrimSpace(text) == "" {
		return today, nil
	}
	return parseDate(flag, text)
}

func needRequest(f sarFlags, action string) error {
	if strings.TrimSpace(*f.request) == "" {
		return usagef("--request ID is required: the request's id, as sar list shows it (%s)", sarActionUsage(action))
	}
	return nil
}

// sarRow is a request as sar list --json prints it.
type sarRow struct {
	ID            string     `json:"id"`
	Patient       string     `json:"patient"`
	PatientID     string     `json:"patient_id"`
	NHSNumber     string     `json:"nhs_number"`
	Received      ukcal.Date `json:"received"`
	RequestedBy   string     `json:"requested_by"`
	IdentityCheck string     `json:"identity_check"`
	Scope         string     `json:"scope"`
	Status        sar.Status `json:"status"`
	Due           ukcal.Date `json:"due"`
	Overdue       bool       `json:"overdue"`
	Words         string     `json:"words"`
	ExtensionSent *string    `json:"extension_sent"`
}

func sarList(env *Env, f sarFlags) error {
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	open, err := c.OpenSARs()
	if err != nil {
		return err
	}
	if *f.asJSON {
		rows := make([]sarRow, 0, len(open))
		for _, d := range open {
			r := d.Request
			row := sarRow{ID: r.ID, Patient: d.Patient, PatientID: r.PatientID, NHSNumber: d.NHSNumber, Received: r.Received,
				RequestedBy: r.RequestedBy, IdentityCheck: r.IdentityCheck, Scope: r.Scope, Status: r.Status(), Due: d.Due,
				Overdue: d.Overdue, Words: d.Words}
			if r.IsExtended() {
				s := r.ExtensionSent.String()
				row.ExtensionSent = &s
			}
			rows = append(rows, row)
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	if len(open) == 0 {
		fmt.Fprintln(env.Stdout, "No subject access requests are open.")
		return nil
	}
	for _, d := range open {
		nhsNo := ""
		if d.NHSNumber != "" {
			nhsNo = " (NHS " + nhs.FormatNHSNumber(d.NHSNumber) + ")"
		}
		mark := ""
		if d.Overdue {
			mark = "OVERDUE "
		}
		fmt.Fprintf(env.Stdout, "%s  %s%s  %s%s  %s  received %s  %s\n", d.Due, mark, d.Words, d.Patient, nhsNo,
			d.Request.Status().Label(), d.Request.Received, d.Request.ID)
	}
	return nil
}

func sarLog(env *Env, f sarFlags) error {
	if strings.TrimSpace(*f.patient) == "" {
		return usagef("--patient ID|NHSNUMBER is required: whose records were asked for (%s)", sarActionUsage("log"))
	}
	if strings.TrimSpace(*f.received) == "" {
		return usagef("--received YYYY-MM-DD is required: the day the request reached the clinic")
	}
	received, err := parseDate("--received", *f.received)
	if err != nil {
		return err
	}
	switch {
	case *f.awaitingIdentity && strings.TrimSpace(*f.identity) != "":
		return usagef("give --identity HOW or --awaiting-identity, not both")
	case !*f.awaitingIdentity && strings.TrimSpace(*f.identity) == "":
		return usagef("say how identity was checked with --identity (e.g. --identity \"passport seen\"), or --awaiting-identity to stop the clock until proof comes")
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermSubjectAccess); err != nil {
		return err
	}
	id, err := findPatient(c, *f.patient)
	if err != nil {
		return err
	}
	req, err := c.LogSAR(app.SARLog{PatientID: id, Received: received, RequestedBy: *f.by, IdentityCheck: *f.identity,
		AwaitingIdentity: *f.awaitingIdentity, Scope: *f.scope})
	if err != nil {
		return err
	}
	return sarSay(env, c, req, "Logged subject access request "+req.ID)
}

// sarSay prints what happened and where the request now stands.
func sarSay(env *Env, c *app.Clinic, req sar.Request, what string) error {
	region, today := c.BankHolidayRegion(), ukcal.Today(env.Now())
	if p, paused := req.OpenPause(); paused {
		fmt.Fprintf(env.Stdout, "%s: the clock is paused from %s, waiting for %s.\n", what, p.From, p.Reason.Label())
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s: %s, due %s.\n", what, strings.ToLower(req.Status().Label()), req.Due(region, today))
	return nil
}

func sarPause(env *Env, f sarFlags, today ukcal.Date) error {
	if err := needRequest(f, "pause"); err != nil {
		return err
	}
	if strings.TrimSpace(*f.reason) == "" {
		return usagef("--reason identity|clarification is required: what the clinic is waiting for")
	}
	why, err := sar.ParsePauseReason(*f.reason)
	if err != nil {
		return usagef("--reason: %v", err)
	}
	from, err := dateOr("--from", *f.from, today)
	if err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	req, err := c.PauseSAR(strings.TrimSpace(*f.request), from, why)
	if err != nil {
		return err
	}
	return sarSay(env, c, req, "Paused "+req.ID)
}

func sarResume(env *Env, f sarFlags, today ukcal.Date) error {
	if err := needRequest(f, "resume"); err != nil {
		return err
	}
	on, err := dateOr("--on", *f.on, today)
	if err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	req, err := c.ResumeSAR(strings.TrimSpace(*f.request), on, *f.identity, *f.scope)
	if err != nil {
		return err
	}
	return sarSay(env, c, req, "Restarted the clock of "+req.ID)
}

func sarExtend(env *Env, f sarFlags, today ukcal.Date) error {
	if err := needRequest(f, "extend"); err != nil {
		return err
	}
	if strings.TrimSpace(*f.why) == "" {
		return usagef("--why TEXT is required: the notice must tell the requester why more time is needed")
	}
	if err := checkOutName(*f.out, "the extension notice", ".pdf"); err != nil {
		return err
	}
	if err := checkNewFile(*f.out); err != nil {
		return err
	}
	sent, err := dateOr("--sent", *f.sent, today)
	if err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	req, letter, err := c.ExtendSAR(strings.TrimSpace(*f.request), sent, *f.why)
	if err != nil {
		return err
	}
	// The extension is recorded with its letter in the correspondence log;
	// a file that cannot be written can be printed again from there.
	if err := writeNewPDF(*f.out, letter.PDF); err != nil {
		return fmt.Errorf("the extension is recorded, but the notice could not be saved (print it again from the patient's correspondence): %w", err)
	}
	for _, w := range letter.Warnings {
		fmt.Fprintln(env.Stderr, "warning: "+w)
	}
	return sarSay(env, c, req, "Extended "+req.ID+"; the notice is in "+*f.out)
}

func sarProduce(env *Env, f sarFlags) error {
	if err := needRequest(f, "produce"); err != nil {
		return err
	}
	if err := checkOutName(*f.out, "the copy", ".pdf"); err != nil {
		return err
	}
	jsPath := strings.TrimSuffix(*f.out, filepath.Ext(*f.out)) + ".json"
	for _, p := range []string{*f.out, jsPath} {
		if err := checkNewFile(p); err != nil {
			return err
		}
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	id := strings.TrimSpace(*f.request)
	req, err := app.SaveSARCopy(*f.out, jsPath, func(pdf, js io.Writer) (sar.Request, error) { return c.ProduceSAR(id, pdf, js) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Made the copy for %s: %s and %s. The request is closed.\n", req.ID, *f.out, jsPath)
	return nil
}
