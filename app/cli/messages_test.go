package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every message says what is wrong with what was given (issue 11 item 15):
// a value that is missing and one that is there but not valid are told
// apart, and the value itself is named. These checks all come before the
// clinic file is opened, so no clinic is needed.

func usageRun(t *testing.T, args ...string) string {
	t.Helper()
	r := run("", args...)
	if r.code != ExitUsage {
		t.Fatalf("%q: exit %d, want %d (usage): %s", args, r.code, ExitUsage, r.stderr)
	}
	return r.stderr
}

func TestReportYearSaysTheYearIsNotValid(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ko41b.csv")
	for _, year := range []string{"0", "junk", "10000", "25", "-2025", "2025.5"} {
		msg := usageRun(t, "report", "ko41b", "--db", "clinic.db", "--year", year, "--out", out)
		if !strings.Contains(msg, "--year "+year+" is not a valid year") || strings.Contains(msg, "required") {
			t.Errorf("--year %s: %s", year, msg)
		}
	}
	if msg := usageRun(t, "report", "ko41b", "--db", "clinic.db", "--out", out); !strings.Contains(msg, "--year YYYY is required") {
		t.Errorf("no --year: %s", msg)
	}
	for _, year := range []string{"0", "10000"} {
		if msg := usageRun(t, "holidays", "--year", year); !strings.Contains(msg, "--year "+year+" is not a valid year") {
			t.Errorf("holidays --year %s: %s", year, msg)
		}
	}
}

func TestOutNamesTheWrongExtension(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"report", "ko41b", "--year", "2025", "--out", filepath.Join(dir, "x.txt")}, "ends .txt: the KO41(b) return is written to a file ending .csv or .pdf"},
		{[]string{"report", "ko41b", "--year", "2025", "--out", filepath.Join(dir, "ko41b")}, "has no extension: the KO41(b) return is written to a file ending .csv or .pdf"},
		{[]string{"report", "ko41b", "--year", "2025"}, "--out FILE.csv is required"},
		{[]string{"letter", "--template", "dna_first", "--patient", "p1", "--out", filepath.Join(dir, "x.txt")}, "ends .txt: the PDF is written to a file ending .pdf"},
		{[]string{"letter", "--template", "dna_first", "--patient", "p1"}, "--out FILE.pdf is required"},
		{[]string{"slips", "--date", "2026-11-25", "--out", filepath.Join(dir, "x.docx")}, "ends .docx: the PDF is written to a file ending .pdf"},
		{[]string{"export", "patients", "--out", filepath.Join(dir, "x.txt")}, "ends .txt: the patients export is written to a file ending .csv"},
		{[]string{"export", "complaints", "--out", filepath.Join(dir, "x.pdf")}, "ends .pdf: the complaints register is written to a file ending .csv"},
		{[]string{"export", "appointments", "--format", "ics", "--out", filepath.Join(dir, "x.csv")}, "ends .csv: an appointments export as ICS is written to a file ending .ics"},
		{[]string{"import", "patients", filepath.Join(dir, "patients.xlsx")}, "patients.xlsx is a spreadsheet (.xlsx), not a CSV file: save it as \"CSV UTF-8\""},
	}
	for _, c := range cases {
		args := append(c.args, "--db", "clinic.db", "--user", "manager", "--password-stdin")
		if msg := usageRun(t, args...); !strings.Contains(msg, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.args, msg, c.want)
		}
	}
}

func TestDatesSayWhetherTheFormOrTheDayIsWrong(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.pdf")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"slips", "--date", "25/11/2026", "--out", out}, "--date 25/11/2026 is not a date in the form YYYY-MM-DD"},
		{[]string{"slips", "--date", "2026-02-30", "--out", out}, "--date 2026-02-30 is not a real date"},
		{[]string{"slips", "--out", out}, "--date YYYY-MM-DD is required"},
		{[]string{"deadlines", "--from", "tomorrow"}, "--from tomorrow is not a date in the form YYYY-MM-DD"},
		{[]string{"deadlines", "--from", "2027-13-01"}, "--from 2027-13-01 is not a real date"},
		{[]string{"export", "appointments", "--from", "2026-04-31", "--out", "a.csv"}, "--from 2026-04-31 is not a real date"},
		{[]string{"letter", "--template", "complaint_delay", "--complaint", "c1", "--new-due", "31/12/2026", "--out", out}, "--new-due 31/12/2026 is not a date in the form YYYY-MM-DD"},
	}
	for _, c := range cases {
		args := append(c.args, "--db", "clinic.db", "--user", "manager", "--password-stdin")
		if c.args[0] == "deadlines" {
			args = c.args
		}
		if msg := usageRun(t, args...); !strings.Contains(msg, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.args, msg, c.want)
		}
	}
}

func TestFlagMistakesAreNamedPlainly(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"verify", "--db", "clinic.db", "--fulll"}, "clinicdesk verify has no option --fulll"},
		{[]string{"verify", "--db"}, "--db needs a value after it"},
		{[]string{"seed", "--db", "clinic.db", "--patients", "lots"}, "--patients lots is not a whole number"},
		{[]string{"seed", "--db", "clinic.db", "--patients", "0"}, "--patients 0 is not a number of patients to add"},
		{[]string{"seed", "--db", "clinic.db"}, "--patients N is required"},
		{[]string{"seed", "--db", "clinic.db", "--patients", "5", "--years", "99"}, "--years 99 is not valid"},
		{[]string{"verify", "--db", "clinic.db", "--full=perhaps"}, "--full takes no value (not perhaps)"},
		{[]string{"bench", "--patients", "-3"}, "--patients -3 is not a number of patients"},
	}
	for _, c := range cases {
		if msg := usageRun(t, c.args...); !strings.Contains(msg, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.args, msg, c.want)
		}
	}
	// A folder given as the clinic file is named as one.
	dir := t.TempDir()
	if msg := usageRun(t, "verify", "--db", dir, "--user", "manager", "--password-stdin"); !strings.Contains(msg, "is a folder") {
		t.Errorf("--db a folder: %s", msg)
	}
}

func TestLetterTextRefusesAFileThatIsNotUTF8Text(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct {
		content string
		want    string
	}{
		"cp1252.txt":  {"Dear Mr O\x92Brien, your appointment on 3\xa0May\x85", "is not UTF-8 text"},
		"letter.docx": {"PK\x03\x04\x14\x00\x06\x00word/document.xml", "is a Word or other Office document"},
		"letter.pdf":  {"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"},
		"empty.txt":   {" \n\n", "is empty"},
		"nul.txt":     {"Dear\x00Sir", "is not UTF-8 text"},
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(f.content), 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(pw+"\n", "letter", "--db", "clinic.db", "--template", "general", "--patient", "p1", "--subject", "Hello",
			"--text", path, "--out", filepath.Join(dir, name+".pdf"), "--user", "manager", "--password-stdin")
		if r.code != ExitFailure || !strings.Contains(r.stderr, "--text "+path+" "+f.want) {
			t.Errorf("%s: exit %d %s", name, r.code, r.stderr)
		}
	}
	// The complaint letters' findings are read the same way.
	r := run(pw+"\n", "letter", "--db", "clinic.db", "--template", "complaint_final", "--complaint", "c1",
		"--investigation", filepath.Join(dir, "cp1252.txt"), "--out", filepath.Join(dir, "final.pdf"), "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "--investigation "+filepath.Join(dir, "cp1252.txt")+" is not UTF-8 text") {
		t.Errorf("--investigation: exit %d %s", r.code, r.stderr)
	}
	// Notepad's byte-order mark is not part of the letter.
	bom := filepath.Join(dir, "bom.txt")
	os.WriteFile(bom, []byte("\xef\xbb\xbfDear Ms Ní Bhriain"), 0o600)
	if text, err := readTextFile("--text", bom); err != nil || text != "Dear Ms Ní Bhriain" {
		t.Errorf("UTF-8 with a byte-order mark: %q %v", text, err)
	}
}
