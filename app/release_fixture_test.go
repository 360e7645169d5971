package app

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The clinic in testdata/release-clinic was written by the released
// ClinicDesk (go-sqlcipher 4.4.2: SQLCipher 4.4.2, SQLite 3.33); see its
// README. These tests prove that whatever engine this build links, a
// clinic file, keyring and backup made by that release open unchanged:
// every table reads, verify passes, and the backup restores.
const (
	fixtureDir         = "../testdata/release-clinic"
	fixtureManagerPass = "fixture-test-password-1"
	fixtureDeskPass    = "fixture-test-password-2"
	fixtureRecoveryKey = "2QCAR-57B6E-Y5DFH-S59JF-F84X8-RVGAP"
	fixtureBackup      = "fixture-backup.cdbackup"
)

// fixtureRows are the rows of the fixture's tables as the release wrote
// them. The audit trail, its head, the settings and the migrations table
// change as the clinic is opened (sign-in is audited; a newer build may
// add migrations), so they are held to at least what the release wrote;
// the name index's own tables are read through its search.
var fixtureRows = map[string]int64{
	"clinic": 1, "users": 2, "patients": 12, "patient_notes": 1, "tasks": 1, "sar_requests": 1,
	"clinicians": 10, "rooms": 8, "appointment_types": 15, "closures": 2,
	"appointments": 158, "appointment_status_history": 450, "waiting_list": 2, "letter_templates": 12, "letter_log": 1,
	"complaints": 39, "complaint_history": 167, "complaint_notes": 30, "complaint_staff_groups": 42, "complaint_subjects": 43,
	"key_entries": 3,
}

var fixtureRowsAtLeast = map[string]int64{"audit": 270, "audit_head": 1, "settings": 6, "schema_migrations": 15}

// copyFixture copies the release clinic into a fresh folder, so the
// committed files are never opened in place (opening writes the WAL,
// sign-in writes the audit trail).
func copyFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "README.md" {
			continue
		}
		src, err := os.Open(filepath.Join(fixtureDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		dst, err := os.OpenFile(filepath.Join(dir, e.Name()), os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err == nil {
			_, err = io.Copy(dst, src)
			if cerr := dst.Close(); err == nil {
				err = cerr
			}
		}
		src.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "clinic.db")
}

// tableRows counts the rows of every ordinary table in the clinic file.
func tableRows(t *testing.T, c *Clinic) map[string]int64 {
	t.Helper()
	db := c.store.DB()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, n := range names {
		var k int64
		// Names come from the file's own schema, quoted as identifiers.
		if err := db.QueryRow(`SELECT count(*) FROM "` + strings.ReplaceAll(n, `"`, `""`) + `"`).Scan(&k); err != nil {
			t.Fatalf("reading table %s: %v", n, err)
		}
		out[n] = k
	}
	return out
}

// checkFixtureTables reads every table and holds the counts to the
// release's.
func checkFixtureTables(t *testing.T, c *Clinic) {
	t.Helper()
	got := tableRows(t, c)
	for name, want := range fixtureRows {
		if n, ok := got[name]; !ok || n != want {
			t.Errorf("table %s: %d rows (present: %t), the release wrote %d", name, n, ok, want)
		}
	}
	for name, least := range fixtureRowsAtLeast {
		if n, ok := got[name]; !ok || n < least {
			t.Errorf("table %s: %d rows (present: %t), the release wrote %d", name, n, ok, least)
		}
	}
}

// checkFixtureValues reads back values the release wrote.
func checkFixtureValues(t *testing.T, c *Clinic) {
	t.Helper()
	d, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Fixture Clinic" || d.Phone != "0113 496 0000" || d.Email != "desk@example.com" || !strings.Contains(d.Address, "LS1 1AA") {
		t.Errorf("clinic details read back as %+v", d)
	}
	users, err := c.Users()
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]string{}
	for _, u := range users {
		roles[u.Username+"/"+u.FullName] = u.Role
	}
	if roles["manager/Fran Fixture"] != string(Manager) || roles["reception/Rita Reception"] != string(Receptionist) || len(roles) != 2 {
		t.Errorf("users read back as %v", roles)
	}
	found, err := c.SearchPatients("ahmed", false, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ahmed *patients.PatientSummary
	for i := range found {
		if found[i].NHSNumber == "9992350717" {
			ahmed = &found[i]
		}
	}
	if ahmed == nil || ahmed.Forenames != "Mohamed" || ahmed.DOB != ukcal.MustParseDate("1985-04-22") || ahmed.Postcode != "W2 9AA" {
		t.Fatalf("the name search for ahmed found %+v", found)
	}
	sent, err := c.PatientLetters(ahmed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sent) != 1 || sent[0].Template != "general" || sent[0].SHA256 != "b499262a7c707386850e4e765f2a2cf585ab62b37597cb21b5603063b3125f61" {
		t.Errorf("the letters log of the patient holds %+v", sent)
	}
	var body string
	if err := c.store.DB().QueryRow(`SELECT body FROM patient_notes`).Scan(&body); err != nil || body != "Fixture note: prefers morning appointments." {
		t.Errorf("the note reads %q (%v)", body, err)
	}
	if n, err := c.CountAppointments(); err != nil || n != 158 {
		t.Errorf("%d appointments (%v), the release wrote 158", n, err)
	}
}

// checkFixtureVerify runs verify, quick and full: the SQLCipher page
// check, SQLite's check and the audit chain, through the anchor and the
// backup beside the file.
func checkFixtureVerify(t *testing.T, c *Clinic) {
	t.Helper()
	for _, full := range []bool{false, true} {
		r, err := c.Verify(full)
		if err != nil {
			t.Fatalf("verify (full %t) of the release's clinic: %v", full, err)
		}
		if r.AuditRows < 270 || !r.Anchored || r.AnchorSeq < 270 || r.BackupsChecked != 1 {
			t.Errorf("verify (full %t) reported %+v", full, r)
		}
	}
}

func TestReleaseClinicOpensWithPasswordsAndVerifies(t *testing.T) {
	path := copyFixture(t)
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("manager", fixtureManagerPass); err != nil {
		c.Close()
		t.Fatalf("the release's manager password: %v", err)
	}
	checkFixtureTables(t, c)
	checkFixtureValues(t, c)
	checkFixtureVerify(t, c)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// The second user's keyring entry opens it too.
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn("reception", fixtureDeskPass); err != nil {
		t.Fatalf("the release's receptionist password: %v", err)
	}
	if s, ok := c.Session(); !ok || s.Role != Receptionist {
		t.Errorf("signed in as %+v", s)
	}
	if n, err := c.CountPatients(""); err != nil || n != 12 {
		t.Errorf("the receptionist sees %d patients (%v)", n, err)
	}
}

func TestReleaseClinicOpensWithRecoveryKey(t *testing.T) {
	path := copyFixture(t)
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.RecoverAccess(fixtureRecoveryKey, "manager", "a-new-password-after-recovery"); err != nil {
		c.Close()
		t.Fatalf("the release's recovery key: %v", err)
	}
	checkFixtureTables(t, c)
	checkFixtureVerify(t, c)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	// The password the recovery set works from then on; the old one not.
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn("manager", fixtureManagerPass); err == nil {
		t.Fatal("the old password still opens the clinic after recovery")
	}
	if err := c.SignIn("manager", "a-new-password-after-recovery"); err != nil {
		t.Fatal(err)
	}
	checkFixtureValues(t, c)
}

func TestReleaseBackupRestores(t *testing.T) {
	archive := filepath.Join(filepath.Dir(copyFixture(t)), fixtureBackup)
	for _, who := range []struct{ user, secret, signIn, pass string }{
		{"manager", fixtureManagerPass, "manager", fixtureManagerPass},
		{"recovery", fixtureRecoveryKey, "reception", fixtureDeskPass},
	} {
		t.Run(who.user, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "restored", "clinic.db")
			m, err := RestoreBackup(archive, dest, who.user, who.secret, false)
			if err != nil {
				t.Fatalf("restoring the release's backup: %v", err)
			}
			if m.AuditSeq != 268 || m.RowCounts["patients"] != 12 || m.RowCounts["appointments"] != 158 {
				t.Errorf("the backup's manifest reads %+v", m)
			}
			c, err := Open(dest)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.SignIn(who.signIn, who.pass); err != nil {
				t.Fatal(err)
			}
			if n, err := c.CountPatients(""); err != nil || n != 12 {
				t.Errorf("%d patients in the restored clinic (%v)", n, err)
			}
			if n, err := c.CountAppointments(); err != nil || n != 158 {
				t.Errorf("%d appointments in the restored clinic (%v)", n, err)
			}
			if who.signIn != "manager" {
				return
			}
			r, err := c.Verify(true)
			if err != nil {
				t.Fatalf("verify of the restored clinic: %v", err)
			}
			if r.AuditRows < 268 {
				t.Errorf("verify of the restored clinic reported %+v", r)
			}
		})
	}
}
