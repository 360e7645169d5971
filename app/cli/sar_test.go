package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// sarNow is the day these tests run on, whatever the real day: Tuesday
// 24 November 2026, mid-morning.
var sarNow = time.Date(2026, 11, 24, 10, 0, 0, 0, ukcal.London())

func sarRun(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: func() time.Time { return sarNow }})
	return result{code, out.String(), errb.String()}
}

func sarCLIClinic(t *testing.T) (db string) {
	t.Helper()
	db = initClinic(t)
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	if _, err := c.CreatePatient(patients.Patient{Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1984-02-29"),
		NHSNumber: "943 476 5919", Address: patients.Address{Line1: "3 Heol y Frenhines", Town: "Caerdydd", Postcode: "CF10 1AA"}}, app.PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	return db
}

type sarListed struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Due     string `json:"due"`
	Overdue bool   `json:"overdue"`
	Scope   string `json:"scope"`
}

func sarListJSON(t *testing.T, db string) []sarListed {
	t.Helper()
	r := sarRun(pw+"\n", "sar", "list", "--json", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("list: %+v", r)
	}
	var rows []sarListed
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	return rows
}

func TestSARCommandsRunTheRegister(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	sarCmd := func(args ...string) result {
		return sarRun(pw+"\n", append(append([]string{"sar"}, args...), auth...)...)
	}

	if r := sarCmd("list"); r.code != 0 || !strings.Contains(r.stdout, "No subject access requests are open.") {
		t.Fatalf("empty list: %+v", r)
	}
	r := sarCmd("log", "--patient", "943 476 5919", "--received", "2026-11-02", "--awaiting-identity", "--by", "Smith & Co Solicitors")
	if r.code != 0 || !strings.Contains(r.stdout, "paused from 2026-11-02, waiting for proof of identity") {
		t.Fatalf("log: %+v", r)
	}
	rows := sarListJSON(t, db)
	if len(rows) != 1 || rows[0].Status != "awaiting_identity" || rows[0].Scope != "the whole record" {
		t.Fatalf("listed %+v", rows)
	}
	id := rows[0].ID
	if r := sarCmd("resume", "--request", id, "--on", "2026-11-09"); r.code != 1 || !strings.Contains(r.stderr, "how identity was checked") {
		t.Fatalf("resume without identity: %+v", r)
	}
	if r := sarCmd("resume", "--request", id, "--on", "2026-11-09", "--identity", "solicitor's letter and signed authority"); r.code != 0 ||
		!strings.Contains(r.stdout, "open, due 2026-12-09") {
		t.Fatalf("resume: %+v", r)
	}
	if r := sarCmd("pause", "--request", id, "--reason", "clarification"); r.code != 0 || !strings.Contains(r.stdout, "paused from 2026-11-24") {
		t.Fatalf("pause today: %+v", r)
	}
	if r := sarCmd("resume", "--request", id); r.code != 0 || !strings.Contains(r.stdout, "due 2026-12-09") {
		t.Fatalf("resume the same day: %+v", r)
	}
	notice := filepath.Join(t.TempDir(), "notice.pdf")
	if r := sarCmd("extend", "--request", id, "--why", "the records go back twelve years", "--out", notice); r.code != 0 ||
		!strings.Contains(r.stdout, "extended, due 2027-02-09") {
		t.Fatalf("extend: %+v", r)
	}
	if text := pdftotext(t, notice); !strings.Contains(text, "The records go back twelve years.") || !strings.Contains(text, "Tuesday 9 February 2027") {
		t.Errorf("the notice says:\n%s", text)
	}
	if r := sarCmd("list"); r.code != 0 || !strings.Contains(r.stdout, "2027-02-09  due in") || !strings.Contains(r.stdout, "(NHS 943 476 5919)") ||
		!strings.Contains(r.stdout, "Extended") || !strings.Contains(r.stdout, id) {
		t.Fatalf("list: %+v", r)
	}
	dir := t.TempDir()
	copyPDF := filepath.Join(dir, "copy.pdf")
	if r := sarCmd("produce", "--request", id, "--out", copyPDF); r.code != 0 || !strings.Contains(r.stdout, "The request is closed.") {
		t.Fatalf("produce: %+v", r)
	}
	js, err := os.ReadFile(filepath.Join(dir, "copy.json"))
	if err != nil || !bytes.Contains(js, []byte(`"extension_sent": "2026-11-24"`)) {
		t.Errorf("the JSON copy: %v\n%.400s", err, js)
	}
	if rows := sarListJSON(t, db); len(rows) != 0 {
		t.Errorf("still open: %+v", rows)
	}
	if r := sarCmd("produce", "--request", id, "--out", filepath.Join(dir, "again.pdf")); r.code != 1 || !strings.Contains(r.stderr, "closed") {
		t.Errorf("produced twice: %+v", r)
	}
}

func TestSARCommandUsageAndPermissions(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	usage := [][]string{
		{"sar"},
		{"sar", "open"},
		{"sar", "log", "--patient", "9434765919", "--received", "2026-11-02"},
		{"sar", "log", "--patient", "9434765919", "--received", "2026-11-02", "--identity", "known", "--awaiting-identity"},
		{"sar", "log", "--patient", "9434765919", "--received", "02/11/2026", "--identity", "known"},
		{"sar", "log", "--received", "2026-11-02", "--identity", "known"},
		{"sar", "log", "--patient", "9434765919", "--received", "2026-11-02", "--identity", "known", "--request", "x"},
		{"sar", "pause", "--request", "x"},
		{"sar", "pause", "--request", "x", "--reason", "holiday"},
		{"sar", "resume"},
		{"sar", "extend", "--request", "x", "--out", "n.pdf"},
		{"sar", "extend", "--request", "x", "--why", "long", "--out", "n.txt"},
		{"sar", "produce", "--request", "x"},
		{"sar", "list", "stray"},
	}
	for _, args := range usage {
		if r := sarRun(pw+"\n", append(args, auth...)...); r.code != ExitUsage || r.stderr == "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: %+v, want one line and exit 2", args, r)
		}
	}
	if r := sarRun(pw+"\n", "sar", "help"); r.code != 0 || !strings.Contains(r.stdout, "clinicdesk sar extend") {
		t.Errorf("sar help: %+v", r)
	}

	c := signIn(t, db, "manager", pw)
	if _, err := c.AddUser(app.NewUser{Username: "doc", FullName: "Dr Siân Evans", Role: app.Clinician, Password: "doc-password-1234"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	r := sarRun("doc-password-1234\n", "sar", "log", "--patient", "9434765919", "--received", "2026-11-02", "--identity", "known",
		"--db", db, "--user", "doc", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot produce a subject access copy") {
		t.Errorf("a clinician logging: %+v", r)
	}
	if r := sarRun("doc-password-1234\n", "sar", "list", "--db", db, "--user", "doc", "--password-stdin"); r.code != ExitFailure {
		t.Errorf("a clinician listing: %+v", r)
	}
}

func TestDeadlinesMovesTheSubjectAccessDatesByThePauses(t *testing.T) {
	cases := []struct {
		args          []string
		due, extended string
	}{
		// 3 Oct 2026 is a Saturday: no pause, Monday 5th.
		{[]string{"--from", "2026-09-03"}, "2026-10-05", "2026-12-03"},
		// Five days: 8 Oct, a Thursday.
		{[]string{"--from", "2026-09-03", "--pause", "2026-09-05..2026-09-10"}, "2026-10-08", "2026-12-08"},
		// Two pauses, 2 + 1 days: 3 Dec 2026 + 3 = Sunday 6th, so Monday 7th.
		{[]string{"--from", "2026-11-03", "--pause", "2026-11-04..2026-11-06", "--pause=2026-11-10..2026-11-11"}, "2026-12-07", "2027-02-08"},
		// The move off the weekend is Scotland's: 30 Nov is St Andrew's Day.
		{[]string{"--from", "2026-10-27", "--pause", "2026-10-28..2026-10-31", "--region", "scotland"}, "2026-12-01", "2027-02-01"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(append([]string{"deadlines", "--json"}, c.args...)...)
		var got map[string]string
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil {
			t.Fatalf("%v: exit %d %s %s", c.args, code, out, errOut)
		}
		if got["sar_due"] != c.due || got["sar_due_extended"] != c.extended {
			t.Errorf("%v: sar_due %s, extended %s; want %s, %s", c.args, got["sar_due"], got["sar_due_extended"], c.due, c.extended)
		}
	}
	for _, bad := range [][]string{
		{"--pause", "2026-09-05"},
		{"--pause", "2026-09-10..2026-09-05"},
		{"--pause", "2026-09-01..2026-09-05"},
		{"--pause", "2026-09-05..2026-09-10", "--pause", "2026-09-08..2026-09-12"},
	} {
		code, _, errOut := runCLI(append([]string{"deadlines", "--from", "2026-09-03"}, bad...)...)
		if code != ExitUsage || !strings.Contains(errOut, "--pause") {
			t.Errorf("%v: exit %d %q", bad, code, errOut)
		}
	}
}
