package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/testclock"
	"clinicdesk/data"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: testclock.Now})
	return result{code, out.String(), errb.String()}
}

const pw = "tidal-copper-wren-1"

func initClinic(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "clinic.db")
	r := run(pw+"\n", "init", "--db", db, "--clinic", "Zoë's Physio", "--address", "3 Quay Street, Bristol, BS1 4DB",
		"--phone", "0117 496 0000", "--user", "manager", "--full-name", "Mo Manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	if !regexp.MustCompile(`(?m)^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$`).MatchString(r.stdout) {
		t.Fatalf("init did not print a recovery key: %s", r.stdout)
	}
	return db
}

func TestInitVerifyBackupRestore(t *testing.T) {
	db := initClinic(t)

	if r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin"); r.code != 0 || !strings.HasPrefix(r.stdout, "ok:") || !strings.Contains(r.stdout, "quick check") {
		t.Fatalf("verify: %+v", r)
	}
	if r := run(pw+"\n", "verify", "--full", "--db", db, "--user", "manager", "--password-stdin"); r.code != 0 || !strings.Contains(r.stdout, "full integrity check") {
		t.Fatalf("verify --full: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "nightly.cdbackup")
	if r := run(pw+"\n", "backup", "--db", db, "--out", out, "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	if r := run(pw+"\n", "backup", "--db", db, "--out", out, "--user", "manager", "--password-stdin"); r.code != 1 {
		t.Fatalf("backup over an existing file: %+v", r)
	}
	// Restore never overwrites without --force.
	if r := run(pw+"\n", "restore", "--from", out, "--db", db, "--user", "manager", "--password-stdin"); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Fatalf("restore over existing: %+v", r)
	}
	target := filepath.Join(t.TempDir(), "restored.db")
	if r := run("wrong password\n", "restore", "--from", out, "--db", target, "--user", "manager", "--password-stdin"); r.code != 3 {
		t.Fatalf("restore with a wrong password: %+v", r)
	}
	if app.Exists(target) {
		t.Fatal("a refused restore left a file")
	}
	if r := run(pw+"\n", "restore", "--from", out, "--db", target, "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("restore: %+v", r)
	}
	if r := run(pw+"\n", "verify", "--db", target, "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("verify restored: %+v", r)
	}
	if r := run(pw+"\n", "restore", "--from", out, "--db", db, "--force", "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("restore --force: %+v", r)
	}
	if kept, _ := filepath.Glob(db + ".before-restore-*"); len(kept) == 0 {
		t.Fatal("--force did not keep the old clinic file beside")
	}
}

func TestWrongPasswordExitsThreeAndChangesNothing(t *testing.T) {
	db := initClinic(t)
	before, _ := os.ReadFile(db)
	beforeKR, _ := os.ReadFile(data.KeyringPath(db))
	r := run("not the password\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 3 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "wrong user name or password") {
		t.Fatalf("wrong password: %+v", r)
	}
	if r := run(pw+"\n", "verify", "--db", db, "--user", "nobody", "--password-stdin"); r.code != 3 {
		t.Fatalf("unknown user: %+v", r)
	}
	after, _ := os.ReadFile(db)
	afterKR, _ := os.ReadFile(data.KeyringPath(db))
	if !bytes.Equal(before, after) || !bytes.Equal(beforeKR, afterKR) {
		t.Fatal("a wrong password changed the clinic file or keyring")
	}
}

func TestVerifyNamesTheFirstBrokenAuditRow(t *testing.T) {
	db := initClinic(t)
	// Tamper as an attacker holding the key could: unwrap it, open the
	// file directly, take the triggers away and edit a row.
	tamperAsKeyHolder(t, db, "DROP TRIGGER audit_no_update", "UPDATE audit SET detail = 'edited' WHERE seq = 2")
	r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "row 2") {
		t.Fatalf("verify after tampering: %+v", r)
	}
}

func TestSecondCopyIsRefusedWithAClearMessage(t *testing.T) {
	db := initClinic(t)
	c, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "already open in another copy of ClinicDesk") || !strings.Contains(r.stderr, "process") {
		t.Fatalf("second opener: %+v", r)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, args := range [][]string{
		{"init", "--db", db, "--clinic", "X", "--user", "m"},                 // no --password-stdin
		{"init", "--clinic", "X", "--user", "m", "--password-stdin"},         // no --db
		{"verify", "--db", db, "--password-stdin"},                           // no --user
		{"backup", "--db", db, "--user", "m", "--password-stdin"},            // no --out
		{"restore", "--db", db, "--user", "m", "--password-stdin"},           // no --from
		{"verify", "--db", db, "--user", "m", "--password-stdin", "--bogus"}, // unknown flag
		{"no-such-command"},
		{"version", "extra"},
	} {
		if r := run(pw+"\n", args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if app.Exists(db) {
		t.Fatal("a usage error created a file")
	}
}

func TestInitRefusesAWeakPasswordAndLeavesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := run("password123\n", "init", "--db", db, "--clinic", "X", "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "password") {
		t.Fatalf("weak password: %+v", r)
	}
	entries, _ := os.ReadDir(filepath.Dir(db))
	if len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

func TestVersionNamesTheEngine(t *testing.T) {
	r := run("", "version")
	if r.code != 0 || !strings.Contains(r.stdout, "SQLite 3.5") || !strings.Contains(r.stdout, "SQLite3 Multiple Ciphers 2.") ||
		!strings.Contains(r.stdout, "Cipher scheme sqlcipher version 4") {
		t.Fatalf("version: %+v", r)
	}
}

func TestInitWritesTheRecoverySheet(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	sheet := filepath.Join(dir, "recovery.pdf")
	r := run(pw+"\n", "init", "--db", filepath.Join(dir, "c.db"), "--clinic", "Clinig Ŵyn", "--user", "manager", "--recovery-sheet", sheet, "--password-stdin")
	if r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	key := regexp.MustCompile(`[0-9A-Z]{5}(-[0-9A-Z]{5}){5}`).FindString(r.stdout)
	out, err := exec.Command(pdftotext, sheet, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), key) || !strings.Contains(string(out), "Clinig Ŵyn") {
		t.Fatalf("the sheet lacks the key %s or the clinic name:\n%s", key, out)
	}
}

// init takes the clinic's address and phone, which every default letter
// prints: a clinic set up from the command line can print at once.
func TestInitKeepsTheClinicsAddressAndPhone(t *testing.T) {
	db := initClinic(t)
	c, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn("manager", pw); err != nil {
		t.Fatal(err)
	}
	d, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	if d.Address != "3 Quay Street\nBristol\nBS1 4DB" || d.Phone != "0117 496 0000" {
		t.Fatalf("the clinic's details after init: %q, %q", d.Address, d.Phone)
	}
}

// tamperAsKeyHolder runs statements on the clinic file as someone holding
// its key could: the manager's entry unwrapped, the file opened directly,
// no facade and no audit.
func tamperAsKeyHolder(t *testing.T, db string, statements ...string) {
	t.Helper()
	kr, err := data.LoadKeyring(data.KeyringPath(db))
	if err != nil {
		t.Fatal(err)
	}
	key, err := kr.Unwrap(data.UserEntry("manager"), []byte(pw))
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(db, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range statements {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
