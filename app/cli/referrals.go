package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

func init() {
	register(&command{name: "referrals", usage: "list|add|event|close|export --db PATH --user NAME --password-stdin …",
		summary: "referrals in and out and their pathway events (clinicdesk referrals help for each action)", run: runReferrals})
}

const referralsUsage = `clinicdesk referrals list   --db PATH [--patient ID|NHSNUMBER] [--status open|replied|closed] [--direction in|out] [--open] [--owner USER] [--clinician NAME] [--json] --user NAME --password-stdin
clinicdesk referrals add    --db PATH --patient ID|NHSNUMBER --direction in|out --date YYYY-MM-DD --urgency routine|urgent|suspected_cancer [--kind rtt|cancer|other] [--source gp|clinic|self] (--from REFERRER | --to DESTINATION) [--organisation ORG] [--address TEXT] [--ods CODE] --reason TEXT [--documents TEXT] [--owner USER] [--clinician NAME] [--reply-due YYYY-MM-DD] [--chase YYYY-MM-DD]… --user NAME --password-stdin
clinicdesk referrals event  --db PATH --referral ID --kind KIND [--on YYYY-MM-DD] [--note TEXT] --user NAME --password-stdin
clinicdesk referrals close  --db PATH --referral ID --reason TEXT --user NAME --password-stdin   (managers: close a pathway by hand)
clinicdesk referrals export --db PATH --out FILE.csv [--patient ID|NHSNUMBER] [--status open|replied|closed] [--direction in|out] [--open] [--owner USER] [--clinician NAME] --user NAME --password-stdin
--date is the day a referral in was received or a referral out was sent; --kind is rtt (consultant-led, 18 weeks), cancer or other (the default for a referral out).
Event kinds: first_appointment_booked, first_appointment_attended, first_appointment_dna, decision_to_treat, first_definitive_treatment, active_monitoring_started, decision_not_to_treat, patient_declined_treatment, diagnosis_communicated, cancer_ruled_out, later_dna, discharged_to_referrer, transferred, first_appointment_cancelled (the first appointment booked was cancelled: the clock runs on). Dates left out are today.`

// referralFlags are every action's flags; each action says which it needs.
type referralFlags struct {
	auth                                              authFlags
	patient, status, direction, owner, clinician      *string
	date, urgency, kind, from, to, organisation       *string
	address, ods, source, reason, documents, replyDue *string
	referral, on, note, out                           *string
	chase                                             *[]string
	open, asJSON                                      *bool
}

// referralActionFlags are the flags each action takes, besides the
// sign-in ones.
var referralActionFlags = map[string][]string{
	"list":   {"patient", "status", "direction", "open", "owner", "clinician", "json"},
	"add":    {"patient", "direction", "date", "urgency", "kind", "from", "to", "organisation", "address", "ods", "reason", "documents", "owner", "clinician", "reply-due", "chase"},
	"event":  {"referral", "kind", "on", "note"},
	"export": {"out", "patient", "status", "direction", "open", "owner", "clinician"},
	"close":  {"referral", "reason"},
}

func runReferrals(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		if len(args) == 0 {
			return usagef("say what to do: clinicdesk referrals list|add|event|close|export (clinicdesk referrals help shows each one's options)")
		}
		fmt.Fprintln(env.Stdout, referralsUsage)
		return nil
	}
	action := args[0]
	allowed, known := referralActionFlags[action]
	if !known {
		return usagef("unknown action %q: the actions are list, add, event, close and export", action)
	}
	fs := newFlags("referrals " + action)
	var chase []string
	f := referralFlags{auth: addAuthFlags(fs),
		patient: fs.String("patient", "", ""), status: fs.String("status", "", ""), direction: fs.String("direction", "", ""),
		owner: fs.String("owner", "", ""), clinician: fs.String("clinician", "", ""), date: fs.String("date", "", ""),
		urgency: fs.String("urgency", "", ""), kind: fs.String("kind", "", ""), from: fs.String("from", "", ""),
		to: fs.String("to", "", ""), organisation: fs.String("organisation", "", ""), address: fs.String("address", "", ""),
		ods: fs.String("ods", "", ""), source: fs.String("source", "", ""), reason: fs.String("reason", "", ""), documents: fs.String("documents", "", ""),
		replyDue: fs.String("reply-due", "", ""), referral: fs.String("referral", "", ""), on: fs.String("on", "", ""),
		note: fs.String("note", "", ""), out: fs.String("out", "", ""), chase: &chase,
		open: fs.Bool("open", false, ""), asJSON: fs.Bool("json", false, "")}
	fs.Func("chase", "", func(s string) error { chase = append(chase, s); return nil })
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected %q: %s", rest[0], referralActionUsage(action))
	}
	var stray error
	fs.Visit(func(fl *flag.Flag) {
		if stray != nil || fl.Name == "db" || fl.Name == "user" || fl.Name == "password-stdin" {
			return
		}
		for _, n := range allowed {
			if n == fl.Name {
				return
			}
		}
		stray = usagef("--%s does not go with referrals %s: %s", fl.Name, action, referralActionUsage(action))
	})
	if stray != nil {
		return stray
	}
	switch action {
	case "list":
		return referralsList(env, f)
	case "add":
		return referralsAdd(env, f)
	case "event":
		return referralsEvent(env, f)
	case "close":
		return referralsClose(env, f)
	}
	return referralsExport(env, f)
}

// referralActionUsage is the usage line of one action.
func referralActionUsage(action string) string {
	for _, line := range strings.Split(referralsUsage, "\n") {
		if strings.HasPrefix(line, "clinicdesk referrals "+action+" ") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	return referralsUsage
}

// referralQuery reads the list and export filters. The patient, owner and
// clinician are looked up once the clinic is open (lookUp).
func referralQuery(f referralFlags) (app.ReferralQuery, error) {
	q := app.ReferralQuery{OpenOnly: *f.open}
	if v := strings.TrimSpace(*f.direction); v != "" {
		q.Direction = pathways.Direction(strings.ToLower(v))
		if !q.Direction.Valid() {
			return q, usagef("--direction %s: choose in or out", v)
		}
	}
	if v := strings.TrimSpace(*f.status); v != "" {
		q.Status = pathways.Status(strings.ToLower(v))
		if !q.Status.Valid() {
			return q, usagef("--status %s: choose open, replied or closed", v)
		}
	}
	return q, nil
}

// lookUpPeople turns the --patient, --owner and --clinician given by name
// or number into ids.
func lookUpPeople(c *app.Clinic, f referralFlags) (patient, owner, clinician string, err error) {
	if v := strings.TrimSpace(*f.patient); v != "" {
		if patient, err = findPatient(c, v); err != nil {
			return "", "", "", err
		}
	}
	if v := strings.TrimSpace(*f.owner); v != "" {
		if owner, err = findUser(c, v); err != nil {
			return "", "", "", err
		}
	}
	if v := strings.TrimSpace(*f.clinician); v != "" {
		if clinician, err = findClinician(c, v); err != nil {
			return "", "", "", err
		}
	}
	return patient, owner, clinician, nil
}

// findUser finds a member of staff who can sign in by user name or full
// name, ignoring case.
func findUser(c *app.Clinic, name string) (string, error) {
	staff, err := c.StaffList()
	if err != nil {
		return "", err
	}
	for _, u := range staff {
		if strings.EqualFold(u.Username, name) || u.ID == name {
			return u.ID, nil
		}
	}
	var ids []string
	for _, u := range staff {
		if strings.EqualFold(u.FullName, name) {
			ids = append(ids, u.ID)
		}
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("no one who can sign in is called %q: give their ClinicDesk user name", name)
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("more than one member of staff is called %q: give their user name instead", name)
}

// referralRow is a referral as referrals list --json prints it.
type referralRow struct {
	ID           string              `json:"id"`
	Direction    pathways.Direction  `json:"direction"`
	Patient      string              `json:"patient"`
	PatientID    string              `json:"patient_id"`
	NHSNumber    string              `json:"nhs_number"`
	Date         ukcal.Date          `json:"date"`
	Urgency      pathways.Urgency    `json:"urgency"`
	Kind         pathways.Kind       `json:"kind"`
	Party        string              `json:"referrer_or_destination"`
	Organisation string              `json:"organisation"`
	Status       pathways.Status     `json:"status"`
	OwnerID      string              `json:"owner_id"`
	Clinician    string              `json:"clinician"`
	Clock        *referralClockJSON  `json:"clock"`
	Events       []referralEventJSON `json:"events"`
	ReplyDueBy   *ukcal.Date         `json:"reply_due_by"`
	ReplyOn      *ukcal.Date         `json:"reply_on"`
	Acknowledged *ukcal.Date         `json:"acknowledged_on"`
	ChaseDates   []ukcal.Date        `json:"chase_dates"`
}

// referralClockJSON is the clock as the `clock` command names its keys.
type referralClockJSON struct {
	Status      pathways.ClockStatus `json:"status"`
	ClockStart  ukcal.Date           `json:"clock_start"`
	ClockStop   *ukcal.Date          `json:"clock_stop"`
	BreachDate  *ukcal.Date          `json:"breach_date"`
	WeeksWaited int                  `json:"weeks_waited"`
	Breached    bool                 `json:"breached"`
}

type referralEventJSON struct {
	ID            string             `json:"id"`
	Kind          pathways.EventKind `json:"kind"`
	Date          ukcal.Date         `json:"date"`
	AppointmentID string             `json:"appointment_id,omitempty"`
	Note          string             `json:"note,omitempty"`
}

func dateOrNull(d ukcal.Date) *ukcal.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func referralJSON(rec app.ReferralRecord) referralRow {
	r := rec.Referral
	row := referralRow{ID: r.ID, Direction: r.Direction, Patient: rec.Patient, PatientID: r.PatientID, NHSNumber: rec.NHSNumber,
		Date: r.Date, Urgency: r.Urgency, Kind: r.Kind, Party: r.Party.Name, Organisation: r.Party.Organisation, Status: r.Status,
		OwnerID: r.OwnerID, Clinician: rec.Clinician, ReplyDueBy: dateOrNull(r.ReplyDueBy), ReplyOn: dateOrNull(r.ReplyOn),
		Acknowledged: dateOrNull(r.AcknowledgedOn), ChaseDates: r.ChaseDates, Events: []referralEventJSON{}}
	if row.ChaseDates == nil {
		row.ChaseDates = []ukcal.Date{}
	}
	if rec.HasClock {
		k := rec.Clock
		row.Clock = &referralClockJSON{Status: k.Status, ClockStart: k.Start, ClockStop: dateOrNull(k.Stop), BreachDate: dateOrNull(k.Breach),
			WeeksWaited: k.WeeksWaited(), Breached: k.Breached}
	}
	for _, e := range rec.Events {
		row.Events = append(row.Events, referralEventJSON{ID: e.ID, Kind: e.Kind, Date: e.On, AppointmentID: e.AppointmentID, Note: e.Note})
	}
	return row
}

func referralsList(env *Env, f referralFlags) error {
	q, err := referralQuery(f)
	if err != nil {
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
	if q.PatientID, q.OwnerID, q.ClinicianID, err = lookUpPeople(c, f); err != nil {
		return err
	}
	recs, err := c.Referrals(q)
	if err != nil {
		return err
	}
	if *f.asJSON {
		rows := make([]referralRow, 0, len(recs))
		for _, rec := range recs {
			rows = append(rows, referralJSON(rec))
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	if len(recs) == 0 {
		fmt.Fprintln(env.Stdout, "No referrals match.")
		return nil
	}
	for _, rec := range recs {
		fmt.Fprintln(env.Stdout, referralLine(rec))
	}
	return nil
}

// referralLine is one referral on one line, for a person.
func referralLine(rec app.ReferralRecord) string {
	r := rec.Referral
	nhsNo := ""
	if rec.NHSNumber != "" {
		nhsNo = " (NHS " + nhs.FormatNHSNumber(rec.NHSNumber) + ")"
	}
	party := strings.Trim(r.Party.Name+", "+r.Party.Organisation, ", ")
	where := "from " + party
	if r.Direction == pathways.Out {
		where = "to " + party
	}
	clock := ""
	switch {
	case rec.HasClock && rec.Clock.Status == pathways.ClockRunning:
		clock = fmt.Sprintf("  clock running, %s, treat by %s", plural(rec.Clock.WeeksWaited(), "week"), rec.Clock.Breach)
		if rec.Clock.Breached {
			clock += " BREACHED"
		}
	case rec.HasClock:
		clock = "  clock " + strings.ToLower(rec.Clock.Status.Label())
	}
	return fmt.Sprintf("%s  %s %s  %s%s  %s, %s  %s%s  %s", r.Date, r.Direction, where, rec.Patient, nhsNo,
		r.Urgency.Label(), r.Kind.Label(), r.Status.Label(), clock, r.ID)
}

func referralsExport(env *Env, f referralFlags) error {
	q, err := referralQuery(f)
	if err != nil {
		return err
	}
	if err := checkOutName(*f.out, "the referrals", ".csv"); err != nil {
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
	if q.PatientID, q.OwnerID, q.ClinicianID, err = lookUpPeople(c, f); err != nil {
		return err
	}
	n, err := exportToNewFile(*f.out, func(w io.Writer) (int, error) { return c.ExportReferrals(w, q) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported %s to %s.\n", plural(n, "referral"), *f.out)
	return nil
}

func referralsEvent(env *Env, f referralFlags) error {
	id := strings.TrimSpace(*f.referral)
	if id == "" {
		return usagef("--referral ID is required: the referral's id, as referrals list shows it (%s)", referralActionUsage("event"))
	}
	kind := pathways.EventKind(strings.ToLower(strings.TrimSpace(*f.kind)))
	switch {
	case kind == "":
		return usagef("--kind KIND is required: what happened (clinicdesk referrals help lists the kinds)")
	case !kind.Valid():
		return usagef("--kind %s is not a pathway event (clinicdesk referrals help lists the kinds)", *f.kind)
	}
	on, err := dateOr("--on", *f.on, ukcal.Today(env.Now()))
	if err != nil {
		return err
	}
	c, err := f.auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	e, err := c.RecordReferralEvent(id, kind, on, *f.note)
	if err != nil {
		return err
	}
	rec, err := c.Referral(id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Recorded %s on %s for %s.%s\n", strings.ToLower(e.Kind.Label()), e.On, rec.Patient, clockWords(rec))
	return nil
}

// clockWords says where the clock stands, after a change.
func clockWords(rec app.ReferralRecord) string {
	if !rec.HasClock {
		return ""
	}
	k := rec.Clock
	switch k.Status {
	case pathways.ClockRunning:
		if k.Breached {
			return fmt.Sprintf(" The clock is running: %s waited, past its 18 weeks (treat by %s).", plural(k.WeeksWaited(), "week"), k.Breach)
		}
		return fmt.Sprintf(" The clock is running: %s waited, treat by %s.", plural(k.WeeksWaited(), "week"), k.Breach)
	case pathways.ClockStopped:
		return fmt.Sprintf(" The clock stopped on %s after %s.", k.Stop, plural(k.WeeksWaited(), "week"))
	}
	return " The clock is " + strings.ToLower(k.Status.Label()) + "."
}
