package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/plaintext"
	"clinicdesk/app/testclock"
)

// clinicCSV is a small messy patient list: BOM, CRLF, odd headers, a
// quoted comma and a cell with a line break, names in several scripts, and
// one bad row of each common kind. bad maps each bad line to a word its
// reason must contain.
func clinicCSV() (csv string, good int, bad map[int]string) {
	n0 := nhs.FormatNHSNumber(nhs.TestNHSNumber(0))
	wrong := nhs.TestNHSNumber(3)
	wrong = wrong[:9] + string((wrong[9]-'0'+1)%10+'0')
	rows := []string{
		"first NAME,Surname,D.O.B.,NHS No,Address,Post code,Mobile,Communication needs,Notes",                                      // 1
		"Zoë,Łukasiewicz-O'Brien,17/05/1984," + n0 + ",\"Flat 2, 14 Park Row\",LS1 4AP,07700 900123,Large print; BSL interpreter,", // 2
		"Siân,Ŵyn,01/03/1950,,\"Tŷ Gwyn\r\nHeol y Bont\",CF10 1AA,+44 7700 900124,,\"a note\r\nover two lines\"",                   // 3-5
		"Ахмед,Иванов,31/12/1975,,,SW1A 1AA,,,",                                                                                    // 6
		"秀英,王,02/02/2002,,,E1 6AN,,,",                                                                                              // 7
		"Thị Minh Khai,Nguyễn,09/09/1999,,,,,,",                                                                                    // 8
		"John,Smith,01/01/1980," + wrong + ",,,,,",                                                                                 // 9: bad check digit
		"Jane,Doe,02/02/1982,,,XYZ 123,,,",                                                                                         // 10: bad postcode
		"Future,Baby,01/01/2099,,,,,,",                                                                                             // 11: future DOB
		"Nameless,,03/03/1973,,,,,,",                                                                                               // 12: empty surname
		`"=HYPERLINK(""http://evil.example"",""x"")",Hack,04/04/1974,,,,,,`,                                                        // 13: formula
	}
	return "\xEF\xBB\xBF" + strings.Join(rows, "\r\n") + "\r\n", 5,
		map[int]string{9: "check digit", 10: "postcode", 11: "future", 12: "surname", 13: "formula"}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func signIn(t *testing.T, db, user, password string) *app.Clinic {
	t.Helper()
	c, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c.SetClock(testclock.Now)
	if err := c.SignIn(user, password); err != nil {
		c.Close()
		t.Fatal(err)
	}
	return c
}

func countPatients(t *testing.T, db string) int {
	t.Helper()
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	n, err := c.CountPatients("")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

var problemLine = regexp.MustCompile(`(?m)^line (\d+): (.*)$`)

func problemLines(stdout string) map[string]string {
	out := map[string]string{}
	for _, m := range problemLine.FindAllStringSubmatch(stdout, -1) {
		if !strings.HasPrefix(m[2], "warning:") {
			out[m[1]] = m[2]
		}
	}
	return out
}

func TestImportPatientsReportsEveryBadLineAndIsAllOrNothing(t *testing.T) {
	db := initClinic(t)
	csv, good, bad := clinicCSV()
	file := writeFile(t, t.TempDir(), "patients.csv", csv)
	args := []string{"import", "patients", "--db", db, "--user", "manager", "--password-stdin", file}

	checkReport := func(r result) {
		t.Helper()
		got := problemLines(r.stdout)
		if len(got) != len(bad) {
			t.Errorf("reported lines %v, want %v:\n%s", sortedKeys(got), bad, r.stdout)
		}
		for line, word := range bad {
			if reason := got[strconv.Itoa(line)]; !strings.Contains(reason, word) {
				t.Errorf("line %d: %q lacks %q", line, reason, word)
			}
		}
		for _, want := range []string{`"first NAME" -> Forenames`, `"D.O.B." -> Date of birth`, `"Post code" -> Postcode`,
			`"NHS No" -> NHS number`, `"Communication needs" -> Communication needs`, `Ignored columns: "Notes"`} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("report lacks %q:\n%s", want, r.stdout)
			}
		}
	}

	r := run(pw+"\n", args...)
	if r.code != ExitFailure || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("import with bad rows: %+v", r)
	}
	checkReport(r)
	if !strings.Contains(r.stdout, "10 rows read, 5 with problems: nothing was imported.") {
		t.Errorf("summary:\n%s", r.stdout)
	}
	if n := countPatients(t, db); n != 0 {
		t.Fatalf("%d patients imported from a rejected file", n)
	}

	// A dry run: the same report; with bad rows it fails as the import would.
	r = run(pw+"\n", append(args[:len(args)-1:len(args)-1], "--dry-run", file)...)
	if r.code != ExitFailure || !strings.Contains(r.stdout, "Dry run: 10 rows read, 5 with problems: the import would be refused. Nothing was changed.") {
		t.Fatalf("dry run with bad rows: %+v", r)
	}
	checkReport(r)
	r = run(pw+"\n", append(args[:len(args)-1:len(args)-1], "--dry-run", "--skip-invalid", file)...)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Dry run: 10 rows read, 5 would be imported, 5 would be skipped. Nothing was changed.") {
		t.Fatalf("dry run --skip-invalid: %+v", r)
	}
	if n := countPatients(t, db); n != 0 {
		t.Fatalf("a dry run imported %d", n)
	}

	r = run(pw+"\n", append(args[:len(args)-1:len(args)-1], "--skip-invalid", file)...)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Imported 5 of 10 rows; 5 skipped") {
		t.Fatalf("--skip-invalid: %+v", r)
	}
	checkReport(r)
	if n := countPatients(t, db); n != good {
		t.Fatalf("%d patients imported, want %d", n, good)
	}
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	found, err := c.SearchPatients("Łukasiewicz", false, 5)
	if err != nil || len(found) != 1 {
		t.Fatalf("search: %v %v", found, err)
	}
	z, err := c.Patient(found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(z.AIS.Needs, ",") != "large_print,bsl_interpreter" || z.Address.Line1 != "Flat 2, 14 Park Row" || z.NHSNumber != nhs.TestNHSNumber(0) {
		t.Fatalf("Zoë: %+v", z)
	}
}

func TestImportOfAGoodFileThenExportRoundTrips(t *testing.T) {
	db := initClinic(t)
	dir := t.TempDir()
	src := "Forename(s),Last name,Date of birth,Mobile,Gender,Known as\r\n" +
		"Zoe\u0308,Łukasiewicz-O'Brien,17/05/1984,+44 7700 900123,F,-\r\n" +
		"Siân,Ŵyn,1950-03-01,020 7946 0123,female,\r\n"
	file := writeFile(t, dir, "good.csv", src)
	r := run(pw+"\n", "import", "patients", "--db", db, "--user", "manager", "--password-stdin", file)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Imported 2 patients.") || len(problemLines(r.stdout)) != 0 {
		t.Fatalf("import: %+v", r)
	}
	out := filepath.Join(dir, "export.csv")
	r = run(pw+"\n", "export", "patients", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Exported 2 patients to "+out) {
		t.Fatalf("export: %+v", r)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{"\xEF\xBB\xBFTitle,Forenames,Surname,", "\r\n,Zoë,Łukasiewicz-O'Brien,'-,No,17/05/1984,Female,",
		",07700 900123,", "\r\n,Siân,Ŵyn,,No,01/03/1950,Female,", ",020 7946 0123,"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}
	if st, _ := os.Stat(out); st.Mode().Perm()&0o077 != 0 {
		t.Errorf("the export is readable by others: %v", st.Mode())
	}
	// Never over an existing file, and nothing left behind.
	r = run(pw+"\n", "export", "patients", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("export over a file: %+v", r)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, b) {
		t.Fatal("the existing file was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("left in the folder: %v", entries)
	}
	// The export imports into a fresh clinic as the same patients.
	db2 := initClinic(t)
	r = run(pw+"\n", "import", "patients", "--db", db2, "--user", "manager", "--password-stdin", out)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Imported 2 patients.") || !strings.Contains(r.stdout, `Ignored columns: "Status"`) {
		t.Fatalf("re-import of the export: %+v", r)
	}
}

func TestImportAndExportExitCodes(t *testing.T) {
	db := initClinic(t)
	dir := t.TempDir()
	good := writeFile(t, dir, "good.csv", "First name,Surname,DOB\nAnn,Smith,01/01/1990\n")
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	with := func(head []string, tail ...string) []string {
		return append(append(append([]string{}, head...), auth...), tail...)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{with([]string{"import"}), ExitUsage, "say what to import"},
		{with([]string{"import", "patients"}), ExitUsage, "name the CSV file"},
		{with([]string{"import", "appointments"}, good), ExitUsage, "only patients"},
		{with([]string{"import", "patients"}, good, good), ExitUsage, "one file at a time"},
		{with([]string{"import", "patients", "--bogus"}, good), ExitUsage, "bogus"},
		{[]string{"import", "patients", "--db", db, "--user", "manager", good}, ExitUsage, "--password-stdin"},
		{with([]string{"export"}), ExitUsage, "patients"},
		{with([]string{"export", "referrals", "--out", filepath.Join(dir, "r.csv")}), ExitUsage, "patients, appointments or complaints"},
		{with([]string{"export", "patients", "--format", "ics", "--out", filepath.Join(dir, "p.ics")}), ExitUsage, "--format csv"},
		{with([]string{"export", "patients"}), ExitUsage, "--out"},
		{with([]string{"export", "patients", "--out", good}), ExitFailure, "already exists"},
		{with([]string{"export", "patients", "--out", filepath.Join(dir, "no-such-folder", "p.csv")}), ExitFailure, "does not exist"},
		{with([]string{"import", "patients"}, filepath.Join(dir, "missing.csv")), ExitFailure, "no such file"},
		{with([]string{"import", "patients"}, writeFile(t, dir, "ansi.csv", "First name,Surname,DOB\nZo\xEB,Smith,01/01/1990\n")), ExitFailure, "CSV UTF-8"},
		{with([]string{"import", "patients"}, writeFile(t, dir, "name.csv", "Name,DOB\nAnn Smith,01/01/1990\n")), ExitFailure, "no column for"},
		{with([]string{"import", "patients"}, writeFile(t, dir, "empty.csv", "First name,Surname,DOB\r\n,,\r\n")), ExitFailure, "nothing to import"},
	} {
		r := run(pw+"\n", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	for _, args := range [][]string{
		{"import", "patients", "--db", db, "--user", "manager", "--password-stdin", good},
		{"export", "patients", "--db", db, "--out", filepath.Join(dir, "x.csv"), "--user", "manager", "--password-stdin"},
	} {
		if r := run("not the password\n", args...); r.code != ExitWrongAuth {
			t.Errorf("%v with a wrong password: %+v", args, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a refused export left a file")
	}
	if n := countPatients(t, db); n != 0 {
		t.Fatalf("refused imports added %d patients", n)
	}
	if r := run(pw+"\n", with([]string{"import", "patients"}, good)...); r.code != ExitOK {
		t.Fatalf("good import: %+v", r)
	}
}

func TestImportAndExportPermissionsFromTheCommandLine(t *testing.T) {
	db := initClinic(t)
	c := signIn(t, db, "manager", pw)
	for _, u := range []app.NewUser{
		{Username: "recep", FullName: "Rhiannon Reception", Role: app.Receptionist, Password: "reception-password-1"},
		{Username: "clin", FullName: "Chidi Clinician", Role: app.Clinician, Password: "clinician-password-1"},
	} {
		if _, err := c.AddUser(u); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	dir := t.TempDir()
	file := writeFile(t, dir, "p.csv", "First name,Surname,DOB\nAnn,Smith,01/01/1990\n")
	r := run("reception-password-1\n", "import", "patients", "--db", db, "--user", "recep", "--password-stdin", file)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot import patients") {
		t.Fatalf("receptionist import: %+v", r)
	}
	out := filepath.Join(dir, "out.csv")
	r = run("clinician-password-1\n", "export", "patients", "--db", db, "--out", out, "--user", "clin", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot export") {
		t.Fatalf("clinician export: %+v", r)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("a refused export left files: %v", entries)
	}
	r = run("reception-password-1\n", "export", "patients", "--db", db, "--out", out, "--user", "recep", "--password-stdin")
	if r.code != ExitOK {
		t.Fatalf("receptionist export: %+v", r)
	}
}

// canary is a surname nobody has; imported through the command line it
// must then be in no file on disk, in any encoding or case.
const canary = "Quixotebury"

func scanForCanary(t *testing.T, roots ...string) {
	t.Helper()
	found, files := plaintext.Find(canary, roots...)
	if files == 0 {
		t.Fatal("scanned no files")
	}
	for _, p := range found {
		t.Errorf("the canary name is in plaintext in %s", p)
	}
}

func TestCanaryImportedThroughTheCommandLineIsNotOnDisk(t *testing.T) {
	root := t.TempDir()
	source := filepath.Join(root, "usb-stick") // the spreadsheet itself is plaintext by nature
	clinicDir := filepath.Join(root, "clinic")
	tmp := filepath.Join(root, "tmp")
	for _, d := range []string{source, tmp} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", tmp)
	db := filepath.Join(clinicDir, "clinic.db")
	if r := run(pw+"\n", "init", "--db", db, "--clinic", "Canary Clinic", "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBFFirst name,Surname,DOB,Address,Next of kin,Communication needs\r\n")
	for i, first := range []string{"Ann", "Bea", "Cai"} {
		b.WriteString(first + "," + canary + ",0" + strconv.Itoa(i+1) + "/02/1990,\"1 " + canary + " Road, Leeds\"," + strings.ToUpper(canary) + " Senior,Large print\r\n")
	}
	file := writeFile(t, source, "patients.csv", b.String())
	if r := run(pw+"\n", "import", "patients", "--db", db, "--user", "manager", "--password-stdin", file); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	scanForCanary(t, clinicDir, tmp)

	c := signIn(t, db, "manager", pw)
	found, err := c.SearchPatients(canary, false, 10)
	if err != nil || len(found) != 3 {
		t.Fatalf("the canary was not stored: %v %v", found, err)
	}
	c.Close()
	scanForCanary(t, clinicDir, tmp)
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
