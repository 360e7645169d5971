package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
)

type referralListed struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Kind   string `json:"kind"`
	Clock  *struct {
		Status      string  `json:"status"`
		ClockStart  string  `json:"clock_start"`
		ClockStop   *string `json:"clock_stop"`
		BreachDate  string  `json:"breach_date"`
		WeeksWaited int     `json:"weeks_waited"`
		Breached    bool    `json:"breached"`
	} `json:"clock"`
	Events []struct {
		Kind string `json:"kind"`
		Date string `json:"date"`
	} `json:"events"`
	ChaseDates []string `json:"chase_dates"`
}

func referralsListJSON(t *testing.T, db string, extra ...string) []referralListed {
	t.Helper()
	r := sarRun(pw+"\n", append(append([]string{"referrals", "list", "--json"}, extra...), "--db", db, "--user", "manager", "--password-stdin")...)
	if r.code != 0 {
		t.Fatalf("list: %+v", r)
	}
	var rows []referralListed
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	return rows
}

func TestReferralCommandsRunAPathway(t *testing.T) { // today is Tuesday 24 November 2026
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	cmd := func(args ...string) result {
		return sarRun(pw+"\n", append(append([]string{"referrals"}, args...), auth...)...)
	}
	if r := cmd("list"); r.code != 0 || !strings.Contains(r.stdout, "No referrals match.") {
		t.Fatalf("empty list: %+v", r)
	}
	r := cmd("add", "--patient", "943 476 5919", "--direction", "in", "--date", "2026-07-01", "--urgency", "routine", "--kind", "rtt",
		"--from", "Dr A Khan", "--organisation", "Harbour Medical Practice", "--ods", "B86001", "--reason", "knee pain")
	if r.code != 0 || !strings.Contains(r.stdout, "Added referral in") || !strings.Contains(r.stdout, "20 weeks waited, past its 18 weeks (treat by 2026-11-04)") {
		t.Fatalf("add in: %+v", r)
	}
	r = cmd("add", "--patient", "9434765919", "--direction", "out", "--date", "2026-11-20", "--urgency", "urgent",
		"--to", "Radiology", "--organisation", "St Elsewhere Hospital", "--reason", "=HYPERLINK(\"x\") MRI knee",
		"--reply-due", "2026-12-18", "--chase", "2026-12-11", "--chase", "2026-12-04")
	if r.code != 0 || !strings.Contains(r.stdout, "Added referral out") {
		t.Fatalf("add out: %+v", r)
	}
	rows := referralsListJSON(t, db)
	if len(rows) != 2 || rows[0].Clock == nil || rows[0].Clock.Status != "running" || rows[0].Clock.BreachDate != "2026-11-04" ||
		!rows[0].Clock.Breached || rows[0].Clock.WeeksWaited != 20 || len(rows[0].Events) != 1 || rows[0].Events[0].Kind != "referral_received" {
		t.Fatalf("listed %+v", rows)
	}
	if rows[1].Clock != nil || rows[1].Kind != "other" || strings.Join(rows[1].ChaseDates, ",") != "2026-12-04,2026-12-11" {
		t.Errorf("the referral out: %+v", rows[1])
	}
	in := rows[0].ID
	if r := cmd("event", "--referral", in, "--kind", "first_appointment_dna", "--on", "2026-07-20"); r.code != 0 ||
		!strings.Contains(r.stdout, "not counted") {
		t.Fatalf("DNA: %+v", r)
	}
	if r := cmd("event", "--referral", in, "--kind", "decision_to_treat", "--on", "2026-07-21"); r.code != 1 ||
		!strings.Contains(r.stderr, "not recorded: ") || !strings.Contains(r.stderr, "first_appointment_booked") {
		t.Errorf("an event the rules refuse: %+v", r)
	}
	for _, e := range [][]string{{"first_appointment_booked", "2026-08-03"}, {"first_appointment_attended", "2026-08-17"}, {"first_definitive_treatment", "2026-11-02"}} {
		if r := cmd("event", "--referral", in, "--kind", e[0], "--on", e[1], "--note", "as planned"); r.code != 0 {
			t.Fatalf("%s: %+v", e[0], r)
		}
	}
	rows = referralsListJSON(t, db, "--direction", "in")
	if len(rows) != 1 || rows[0].Clock.Status != "stopped" || rows[0].Clock.ClockStart != "2026-08-03" || rows[0].Clock.ClockStop == nil ||
		*rows[0].Clock.ClockStop != "2026-11-02" || rows[0].Clock.Breached || len(rows[0].Events) != 5 {
		t.Errorf("after treatment %+v", rows)
	}

	if r := cmd("close", "--referral", rows[0].ID); r.code != ExitUsage || !strings.Contains(r.stderr, "--reason") {
		t.Errorf("close with no reason: %+v", r)
	}
	outID := referralsListJSON(t, db, "--direction", "out")[0].ID
	if r := cmd("close", "--referral", outID, "--reason", "sent in error"); r.code != 0 || !strings.Contains(r.stdout, "Closed referral "+outID) {
		t.Errorf("close: %+v", r)
	}
	if open := referralsListJSON(t, db, "--open"); len(open) != 1 || open[0].ID != in {
		t.Errorf("open after closing the referral out: %+v", open)
	}
	out := filepath.Join(t.TempDir(), "referrals.csv")
	if r := cmd("export", "--out", out); r.code != 0 || !strings.Contains(r.stdout, "Exported 2 referrals") {
		t.Fatalf("export: %+v", r)
	}
	csv, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(csv), "\ufeffid,direction,patient,nhs_number,date,") ||
		!strings.Contains(string(csv), "943 476 5919,01/07/2026,Routine,Consultant-led (18 weeks),Dr A Khan,Harbour Medical Practice,B86001") ||
		!strings.Contains(string(csv), "'=HYPERLINK") {
		t.Errorf("the export:\n%s %v", csv, err)
	}
}

func TestReportPTLWritesTheOpenPathways(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	cmd := func(args ...string) result { return sarRun(pw+"\n", append(args, auth...)...) }
	for _, received := range []string{"2026-11-02", "2026-06-01"} {
		if r := cmd("referrals", "add", "--patient", "9434765919", "--direction", "in", "--date", received, "--urgency", "urgent",
			"--kind", "rtt", "--from", "Harbour Medical Practice", "--reason", "back pain"); r.code != 0 {
			t.Fatalf("add: %+v", r)
		}
	}
	dir := t.TempDir()
	all := filepath.Join(dir, "ptl.csv")
	if r := cmd("report", "ptl", "--out", all); r.code != 0 || !strings.Contains(r.stdout, "2 open pathways") {
		t.Fatalf("report ptl: %+v", r)
	}
	text, _ := os.ReadFile(all)
	lines := strings.Split(strings.TrimSpace(string(text)), "\r\n")
	// Breach date first: June's referral breached on 5 October.
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "\ufeffpatient,nhs_number,clinician,pathway,urgency,received,") ||
		!strings.HasPrefix(lines[1], "Ms Zoë Łukasiewicz-O'Brien,943 476 5919,,Consultant-led (18 weeks),Urgent,01/06/2026,Running,01/06/2026,25,05/10/2026,yes,Book the first appointment") ||
		!strings.Contains(lines[2], ",02/11/2026,Running,02/11/2026,3,08/03/2027,no,") {
		t.Errorf("the PTL:\n%s", text)
	}
	risky := filepath.Join(dir, "risk.csv")
	if r := cmd("report", "ptl", "--at-risk", "14", "--out", risky); r.code != 0 || !strings.Contains(r.stdout, "1 open pathway ") {
		t.Errorf("at risk: %+v", r)
	}
	pdf := filepath.Join(dir, "ptl.pdf")
	if r := cmd("report", "ptl", "--out", pdf); r.code != 0 {
		t.Fatalf("PDF: %+v", r)
	}
	if text := pdftotext(t, pdf); !strings.Contains(text, "Patient tracking list") || !strings.Contains(text, "Łukasiewicz-O'Brien") {
		t.Errorf("the PDF says:\n%s", text)
	}
	for _, args := range [][]string{
		{"report", "ptl"},
		{"report", "ptl", "--out", filepath.Join(dir, "x.txt")},
		{"report", "ptl", "--out", filepath.Join(dir, "y.csv"), "--at-risk", "-3"},
		{"report", "ptl", "--out", filepath.Join(dir, "y.csv"), "--kind", "physio"},
	} {
		if r := cmd(args...); r.code != ExitUsage || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: %+v, want one line and exit 2", args, r)
		}
	}
	if r := cmd("report", "ptl", "--out", all); r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("overwrote: %+v", r)
	}
}

func TestReferralCommandUsageAndPermissions(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	for _, args := range [][]string{
		{"referrals"},
		{"referrals", "open"},
		{"referrals", "list", "stray"},
		{"referrals", "list", "--status", "pending"},
		{"referrals", "list", "--reason", "x"},
		{"referrals", "add", "--direction", "in"},
		{"referrals", "add", "--patient", "9434765919", "--direction", "in", "--date", "2026-11-02", "--urgency", "routine", "--from", "GP", "--reason", "x"},
		{"referrals", "add", "--patient", "9434765919", "--direction", "in", "--date", "2026-11-02", "--urgency", "routine", "--kind", "rtt", "--to", "GP", "--reason", "x"},
		{"referrals", "add", "--patient", "9434765919", "--direction", "in", "--date", "02/11/2026", "--urgency", "routine", "--kind", "rtt", "--from", "GP", "--reason", "x"},
		{"referrals", "event", "--kind", "decision_to_treat"},
		{"referrals", "event", "--referral", "x", "--kind", "cured"},
		{"referrals", "export"},
		{"referrals", "export", "--out", "r.pdf"},
	} {
		if r := sarRun(pw+"\n", append(args, auth...)...); r.code != ExitUsage || r.stderr == "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: %+v, want one line and exit 2", args, r)
		}
	}
	if r := sarRun(pw+"\n", "referrals", "help"); r.code != 0 || !strings.Contains(r.stdout, "clinicdesk referrals event") {
		t.Errorf("referrals help: %+v", r)
	}
	c := signIn(t, db, "manager", pw)
	if _, err := c.AddUser(app.NewUser{Username: "doc", FullName: "Dr Siân Evans", Role: app.Clinician, Password: "doc-password-1234"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	r := sarRun("doc-password-1234\n", "referrals", "add", "--patient", "9434765919", "--direction", "in", "--date", "2026-11-02",
		"--urgency", "routine", "--kind", "rtt", "--from", "GP", "--reason", "x", "--db", db, "--user", "doc", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot add and change referrals") {
		t.Errorf("a clinician adding: %+v", r)
	}
	// A clinician linked to no column of the diary sees no referral.
	if r := sarRun("doc-password-1234\n", "referrals", "list", "--db", db, "--user", "doc", "--password-stdin"); r.code != 0 ||
		!strings.Contains(r.stdout, "No referrals match.") {
		t.Errorf("a clinician listing: %+v", r)
	}
}

// A clock a week old is "1 week waited", not "1 weeks".
func TestReferralAddSaysOneWeekInWords(t *testing.T) { // today is Tuesday 24 November 2026
	db := sarCLIClinic(t)
	r := sarRun(pw+"\n", "referrals", "add", "--patient", "943 476 5919", "--direction", "in", "--date", "2026-11-16",
		"--urgency", "routine", "--kind", "rtt", "--from", "Dr A Khan", "--reason", "knee pain",
		"--db", db, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "The clock is running: 1 week waited, treat by 2027-03-22.") {
		t.Fatalf("add: %+v", r)
	}
}
