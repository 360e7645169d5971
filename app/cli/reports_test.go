package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The complaints report over May–July 2025 of complaintClinic's register:
// X (received 06/05/2025, upheld) and C (01/07/2025, Welsh, no outcome)
// fall in it, both about waiting times; none in the three months before.
func TestReportComplaintsCSVByHand(t *testing.T) {
	db := complaintClinic(t)
	out := filepath.Join(t.TempDir(), "complaints.csv")
	r := run(pw+"\n", "report", "complaints", "--db", db, "--from", "2025-05-01", "--to", "2025-07-31", "--by", "month",
		"--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("report complaints: %+v", r)
	}
	if !strings.Contains(r.stdout, "Complaints received: Complaints received rose from 0 to 2.") {
		t.Errorf("stdout: %s", r.stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\ufeffComplaints,\"1 May 2025 to 31 July 2025, by month\",Whole clinic,\r\n") {
		t.Fatalf("the CSV does not start with its title and range:\n%s", text)
	}
	for _, line := range []string{
		"Figure,Period,Complaints received,\r\n",
		"Complaints received,May 2025,1,\r\n",
		"Complaints received,Jun 2025,0,\r\n",
		"Complaints received,Jul 2025,1,\r\n",
		"Complaints received,Whole range,2,\r\n",
		"Figure,Subject,These dates,Previous period\r\n",
		"Complaints by subject,Waiting times,2,0\r\n",
		"Complaints by outcome,Upheld,1,0\r\n",
		"Complaints by outcome,Not decided,1,0\r\n",
		"Complaints by outcome,In a sentence,\"Of the 2 complaints received, 1 upheld and 1 not decided.\",\r\n",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("the CSV has no line %q:\n%s", line, text)
		}
	}
	// Every line has the same number of fields (RFC 4180).
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if !strings.Contains(line, "\"") && strings.Count(line, ",") != 3 {
			t.Errorf("line %d has %d fields: %s", i+1, strings.Count(line, ",")+1, line)
		}
	}
}

func TestReportKindErrors(t *testing.T) {
	db := complaintClinic(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r.csv")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--from", "01/05/2025", "--to", "2025-07-31", "--out", out}, 2, "--from 01/05/2025 is not a date in the form YYYY-MM-DD"},
		{[]string{"--from", "2025-02-30", "--to", "2025-07-31", "--out", out}, 2, "--from 2025-02-30 is not a real date"},
		{[]string{"--from", "2025-07-31", "--to", "2025-05-01", "--out", out}, 2, "the last day (01/05/2025) is before the first (31/07/2025)"},
		{[]string{"--from", "2025-05-01", "--to", "2025-07-31", "--by", "day", "--out", out}, 2, `"day" is not a grouping: choose week or month`},
		{[]string{"--to", "2025-07-31", "--out", out}, 2, "--from and --to are required"},
		{[]string{"--from", "2025-05-01", "--to", "2025-07-31", "--out", filepath.Join(dir, "r.xlsx")}, 2, "ends .xlsx"},
		{[]string{"--from", "2025-05-01", "--to", "2025-07-31", "--clinician", "Dr Nobody", "--out", out}, 1, `no clinician called "Dr Nobody"`},
	} {
		args := append(append([]string{"report", "dna", "--db", db}, c.args...), "--user", "manager", "--password-stdin")
		r := run(pw+"\n", args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d saying %q on one line", c.args, r.code, r.stderr, c.code, c.msg)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused report left a file behind")
	}
	r := run(pw+"\n", "report", "sales", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown report "sales": the reports are ko41b, ptl, dna, cancellations`) {
		t.Errorf("unknown report: %+v", r)
	}
	// A receptionist is refused, with who can.
	r = run("staff-password-rita\n", "report", "dna", "--db", db, "--from", "2025-05-01", "--to", "2025-07-31", "--out", out, "--user", "rita", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "a receptionist cannot see the reports on how the clinic is doing: ask a practice manager") {
		t.Errorf("receptionist: %+v", r)
	}
}

// The same report as a PDF pack and as a picture of its charts.
func TestReportComplaintsAsPDFAndPicture(t *testing.T) {
	db := complaintClinic(t)
	dir := t.TempDir()
	for ext, magic := range map[string]string{".pdf": "%PDF-", ".png": "\x89PNG\r\n\x1a\n"} {
		out := filepath.Join(dir, "complaints"+ext)
		r := run(pw+"\n", "report", "complaints", "--db", db, "--from", "2025-05-01", "--to", "2025-07-31",
			"--out", out, "--user", "manager", "--password-stdin")
		if r.code != 0 {
			t.Fatalf("%s: %+v", ext, r)
		}
		b, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %d bytes starting %q, %v", ext, len(b), string(b[:min(8, len(b))]), err)
		}
	}
}
