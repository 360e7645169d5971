package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/audit"
	"clinicdesk/app/kdf"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

const seedManagerPW = "granite-heron-kettle-7"

// seedClinic makes a clinic with a cheap key derivation (tests only), and
// a receptionist.
func seedClinic(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seed.db")
	c, _, err := app.Create(app.Setup{Path: db, Clinic: practice.Details{Name: "Seed Test Clinic"},
		Manager: app.NewUser{Username: "manager", FullName: "Mo Manager", Password: seedManagerPW},
		KDF:     kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}, Now: testclock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddUser(app.NewUser{Username: "desk", FullName: "Dee Desk", Role: app.Receptionist, Password: seedManagerPW}); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

func openAs(t *testing.T, db, user string) *app.Clinic {
	t.Helper()
	c, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c.SetClock(testclock.Now)
	if err := c.SignIn(user, seedManagerPW); err != nil {
		c.Close()
		t.Fatal(err)
	}
	return c
}

func allPatients(t *testing.T, c *app.Clinic) []patients.Patient {
	t.Helper()
	var out []patients.Patient
	after := ""
	for {
		page, err := c.ListPatients(patients.PatientFilter{After: after, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		out = append(out, page...)
		last := page[len(page)-1]
		after = last.ID
	}
}

func TestSeedAddsGeneratedPatientsThroughTheImport(t *testing.T) {
	db := seedClinic(t)
	r := run(seedManagerPW+"\n", "seed", "--db", db, "--patients", "150", "--seed", "3", "--years", "5", "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("seed: %+v", r)
	}
	if !strings.Contains(r.stdout, "Added 150 generated patients") || !strings.Contains(r.stderr, "Checked all 150") {
		t.Fatalf("seed did not report its progress and result: %+v", r)
	}
	if !strings.Contains(r.stdout, " referrals (") || !strings.Contains(r.stdout, " tasks.") {
		t.Fatalf("seed did not say how many referrals and tasks it added: %s", r.stdout)
	}

	// A second batch continues the first, with NHS numbers of its own.
	r = run(seedManagerPW+"\n", "seed", "--db", db, "--patients", "60", "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("second seed: %+v", r)
	}

	c := openAs(t, db, "manager")
	defer c.Close()
	all := allPatients(t, c)
	if len(all) != 210 {
		t.Fatalf("%d patients, want 210", len(all))
	}
	seen := map[string]bool{}
	for _, p := range all {
		if p.NHSNumber != "" {
			if !nhs.IsTestNHSNumber(p.NHSNumber) || seen[p.NHSNumber] {
				t.Fatalf("NHS number %s: not a test number, or given twice", p.NHSNumber)
			}
			seen[p.NHSNumber] = true
		}
		if p.Phones.Mobile != "" && !nhs.IsDramaNumber(p.Phones.Mobile) {
			t.Fatalf("%s is not a drama number", p.Phones.Mobile)
		}
	}
	// The import's audit applies: one row per patient, by the manager.
	created, err := c.AuditLog(audit.Filter{Action: "patient.create", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 210 || created[0].Username != "manager" {
		t.Fatalf("%d patient.create audit rows, want 210", len(created))
	}
	checkSeededDiary(t, c, 210)

	// And search finds them.
	p := all[77]
	found, err := c.SearchPatients(p.Surname, false, 500)
	if err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, f := range found {
		ok = ok || f.ID == p.ID
	}
	if !ok {
		t.Fatalf("searching %q did not find %s %s", p.Surname, p.Forenames, p.Surname)
	}
}

func TestTheSameSeedGivesTheSamePatients(t *testing.T) {
	names := func() []string {
		db := seedClinic(t)
		if r := run(seedManagerPW+"\n", "seed", "--db", db, "--patients", "40", "--seed", "9", "--user", "manager", "--password-stdin"); r.code != 0 {
			t.Fatalf("seed: %+v", r)
		}
		c := openAs(t, db, "manager")
		defer c.Close()
		var out []string
		for _, p := range allPatients(t, c) {
			out = append(out, p.Forenames+" "+p.Surname+" "+p.DOB.String()+" "+p.NHSNumber)
		}
		return out
	}
	a, b := names(), names()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("seed 9 gave different patients:\n%v\n%v", a, b)
	}
}

func TestSeedIsForManagersAndChecksItsArguments(t *testing.T) {
	db := seedClinic(t)
	r := run(seedManagerPW+"\n", "seed", "--db", db, "--patients", "5", "--user", "desk", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "manager") {
		t.Fatalf("a receptionist seeding: %+v", r)
	}
	for _, args := range [][]string{
		{"--db", db, "--user", "manager", "--password-stdin"},                    // no --patients
		{"--db", db, "--patients", "0", "--user", "manager", "--password-stdin"}, // nothing to add
		{"--db", db, "--patients", "5", "--years", "-1", "--user", "manager", "--password-stdin"},
		{"--db", db, "--patients", "5", "--seed", "many", "--user", "manager", "--password-stdin"},
		{"--db", db, "--patients", "5", "--user", "manager"}, // no --password-stdin
	} {
		if r := run(seedManagerPW+"\n", append([]string{"seed"}, args...)...); r.code != 2 {
			t.Errorf("seed %v: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
	if r := run("not the password\n", "seed", "--db", db, "--patients", "5", "--user", "manager", "--password-stdin"); r.code != 3 {
		t.Fatalf("wrong password: %+v", r)
	}
	c := openAs(t, db, "manager")
	defer c.Close()
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("refused seeds added %d patients", n)
	}
	// The help names the command, and says what --years is for.
	if h := run("", "help"); !strings.Contains(h.stdout, "clinicdesk seed --db PATH --patients N") ||
		!strings.Contains(h.stdout, "over Y years up to today") {
		t.Fatalf("help: %s", h.stdout)
	}
}

// Search over a seeded clinic: every way the desk searches finds the
// patient, names combined with a date of birth are never lost to the cap
// on name matches, and a page of names is a page of active records.
func TestSearchFindsSeededPatients(t *testing.T) {
	db := seedClinic(t)
	if r := run(seedManagerPW+"\n", "seed", "--db", db, "--patients", "300", "--seed", "11", "--user", "manager", "--password-stdin"); r.code != 0 {
		t.Fatalf("seed: %+v", r)
	}
	c := openAs(t, db, "manager")
	defer c.Close()
	all := allPatients(t, c)
	finds := func(text string, p patients.Patient, limit int) bool {
		t.Helper()
		found, err := c.SearchPatients(text, false, limit)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, f := range found {
			if f.ID == p.ID {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(all); i += 15 {
		p := all[i]
		dob := p.DOB
		texts := []string{dob.Short(), p.Address.Postcode,
			strings.ToLower(string([]rune(p.Surname)[:1])) + " " + dob.Short()}
		if p.NHSNumber != "" {
			texts = append(texts, p.NHSNumber, nhs.FormatNHSNumber(p.NHSNumber))
		}
		if p.Phones.Mobile != "" {
			texts = append(texts, nhs.FormatPhone(p.Phones.Mobile))
		}
		for _, text := range texts {
			if !finds(text, p, 500) {
				t.Errorf("%q did not find %s %s", text, p.Forenames, p.Surname)
			}
		}
	}

	// Archive half of the patients an "a" finds: a page of 5 is still 5
	// active records, sorted by surname; with archived records shown, they
	// come back.
	before, _ := c.SearchPatients("a", false, 500)
	if len(before) < 20 {
		t.Fatalf("only %d patients match \"a\"", len(before))
	}
	archived := map[string]bool{}
	for i, p := range before {
		if i%2 == 0 {
			if err := c.ArchivePatient(p.ID); err != nil {
				t.Fatal(err)
			}
			archived[p.ID] = true
		}
	}
	page, err := c.SearchPatients("a", false, 5)
	if err != nil || len(page) != 5 {
		t.Fatalf("a page of 5: %d records, %v", len(page), err)
	}
	for i, p := range page {
		if archived[p.ID] {
			t.Fatalf("%s %s is archived but was found", p.Forenames, p.Surname)
		}
		if i > 0 && nocase(page[i-1].Surname) > nocase(p.Surname) {
			t.Fatalf("not in surname order: %s before %s", page[i-1].Surname, p.Surname)
		}
	}
	withArchived, _ := c.SearchPatients("a", true, 500)
	if len(withArchived) != len(before) {
		t.Fatalf("with archived records: %d, want %d", len(withArchived), len(before))
	}
}

// nocase folds as SQLite's NOCASE does: ASCII letters only.
func nocase(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// checkSeededDiary: the standard team once, about ten appointments a
// patient across both batches, none breaking a booking rule (the second
// batch booked around the first), one audit row each, a waiting list.
func checkSeededDiary(t *testing.T, c *app.Clinic, patients int) {
	t.Helper()
	clinicians, err := c.Clinicians(true)
	if err != nil {
		t.Fatal(err)
	}
	if len(clinicians) != 10 {
		t.Fatalf("%d clinicians after two batches, want the ten of the first", len(clinicians))
	}
	n, err := c.CountAppointments()
	if err != nil {
		t.Fatal(err)
	}
	if per := float64(n) / float64(patients); per < 8 || per > 13 {
		t.Fatalf("%d appointments for %d patients", n, patients)
	}
	cs, err := c.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	region := ukcal.Region(cs.Region)
	today := testclock.Today()
	from, to := today.AddMonths(-60), today.AddDays(7*diaryWeeksAhead)
	held, err := c.DiaryOccupied(from, to)
	if err != nil {
		t.Fatal(err)
	}
	closures, err := c.Closures(from, to)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		who  string
		date ukcal.Date
	}
	busy := map[key][][2]int{}
	for _, a := range held {
		d := a.Date
		if !region.IsWorkingDay(d) {
			t.Fatalf("booked on %s, not a working day", a.Date)
		}
		for _, cl := range closures {
			if cl.Contains(a.Date) {
				t.Fatalf("booked on %s: %s", a.Date, cl.Reason)
			}
		}
		keys := []key{{"clinician " + a.ClinicianID, a.Date}, {"patient " + a.PatientID, a.Date}}
		if a.RoomID != "" {
			keys = append(keys, key{"room " + a.RoomID, a.Date})
		}
		for _, k := range keys {
			for _, o := range busy[k] {
				if strings.HasPrefix(k.who, "patient") || (a.StartMin < o[1] && o[0] < a.EndMin) {
					t.Fatalf("%s is booked twice on %s", k.who, a.Date)
				}
			}
			busy[k] = append(busy[k], [2]int{a.StartMin, a.EndMin})
		}
	}
	booked := 0
	for before := int64(0); ; {
		page, err := c.AuditLog(audit.Filter{Action: "appointment.book", Before: before, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		booked += len(page)
		before = page[len(page)-1].Seq
	}
	if booked != n {
		t.Fatalf("%d appointment.book audit rows for %d appointments", booked, n)
	}
	waiting, err := c.WaitingList()
	if err != nil {
		t.Fatal(err)
	}
	if len(waiting) < 20 {
		t.Fatalf("%d on the waiting list", len(waiting))
	}
	if _, err := c.Verify(false); err != nil {
		t.Fatal(err)
	}
}
