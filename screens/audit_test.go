package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/audit"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func tcAudit(t *testing.T, c *app.Clinic) (*auditScreen, fyne.Window) {
	t.Helper()
	tpHoldResults(t) // pages are read off the UI goroutine: shown at tpIdle, on the test's goroutine
	obj, w, _ := tcBuild(t, c, "audit")
	s, ok := obj.(*auditScreen)
	if !ok {
		t.Fatalf("audit built %T", obj)
	}
	tpIdle(t) // the first page is read off the UI goroutine
	return s, w
}

// tcAuditActions does a few things a practice manager does, each leaving
// audit rows.
func tcAuditActions(t *testing.T, c *app.Clinic) {
	t.Helper()
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	d, _ := c.Details()
	d.Phone = "01904 999999"
	if err := c.SaveDetails(d); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BackupNow(filepath.Join(t.TempDir(), "audit-test")); err != nil {
		t.Fatal(err)
	}
}

func TestAuditListsActionsAndFilters(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tcAuditActions(t, c)
	s, w := tcAudit(t, c)

	all := len(s.entries)
	if all < 7 {
		t.Fatalf("only %d audit entries listed", all)
	}
	for i := 1; i < all; i++ {
		if s.entries[i].Seq >= s.entries[i-1].Seq {
			t.Fatal("entries are not newest first")
		}
	}
	if s.entries[0].Action != "backup.create" {
		t.Fatalf("newest entry is %q, want the backup just made", s.entries[0].Action)
	}
	for _, want := range []string{"Made a backup", "Changed the clinic details", "Added a user", "Signed in", "User Rob Jones (rjones)", "pmanager"} {
		if !tcShows(w, want) {
			t.Errorf("%q is not on the audit screen", want)
		}
	}
	if !tcShows(w, ukcal.WallDateTimeSeconds(s.entries[0].At)) || !strings.Contains(ukcal.WallDateTimeSeconds(s.entries[0].At), "/") {
		t.Error("entry time not shown as dd/mm/yyyy HH:MM:SS")
	}
	if !tcShows(w, "that is all of them") {
		t.Errorf("count line = %q", s.count.Text)
	}

	// Action filter narrows to that action.
	s.action.SetSelected("Added a user")
	tpIdle(t)
	if len(s.entries) == 0 || len(s.entries) >= all {
		t.Fatalf("action filter: %d of %d entries", len(s.entries), all)
	}
	for _, e := range s.entries {
		if e.Action != "user.create" {
			t.Fatalf("action filter let through %q", e.Action)
		}
	}
	if len(s.entries) != 2 { // the manager at setup, then Rob
		t.Fatalf("user.create entries = %d, want 2", len(s.entries))
	}

	// User filter narrows further: nobody but pmanager has acted.
	s.clearFilters()
	tpIdle(t)
	if len(s.entries) != all {
		t.Fatalf("after clearing filters %d entries, want %d", len(s.entries), all)
	}
	s.user.SetText("rjones")
	tcTap(t, w, "Show")
	tpIdle(t)
	if len(s.entries) != 0 || !tcShows(w, "No entries match these filters") {
		t.Fatalf("rjones did nothing yet, but %d entries listed (%q)", len(s.entries), s.count.Text)
	}
	s.user.SetText("pmanager")
	tcTap(t, w, "Show")
	tpIdle(t)
	if len(s.entries) != all {
		t.Fatalf("pmanager's entries = %d, want %d", len(s.entries), all)
	}

	// Dates: a bad one is refused in words, today's range keeps all, a past
	// range none.
	s.user.SetText("")
	test.Type(s.from, "31/02/2026")
	tpIdle(t)
	tcTap(t, w, "Show")
	tpIdle(t)
	if !s.filterProblem.Visible() || !strings.Contains(s.filterProblem.Text, "dd/mm/yyyy") || !tcShows(w, "from") {
		t.Fatalf("bad date message = %q", s.filterProblem.Text)
	}
	if len(s.entries) != all {
		t.Fatal("a bad date changed the list")
	}
	today := ukcal.Today(wallClock()).Short()
	s.from.SetText(today)
	s.to.SetText(today)
	tcTap(t, w, "Show")
	tpIdle(t)
	if s.filterProblem.Visible() || len(s.entries) != all {
		t.Fatalf("today's range: %d entries, problem %q", len(s.entries), s.filterProblem.Text)
	}
	s.from.SetText("01/01/2020")
	s.to.SetText("31/12/2020")
	tcTap(t, w, "Show")
	tpIdle(t)
	if len(s.entries) != 0 {
		t.Fatalf("2020 range lists %d entries", len(s.entries))
	}
	s.from.SetText("02/01/2021")
	s.to.SetText("01/01/2021")
	tcTap(t, w, "Show")
	tpIdle(t)
	if !strings.Contains(s.filterProblem.Text, "before") {
		t.Fatalf("reversed range: %q", s.filterProblem.Text)
	}
}

func TestAuditLoadOlderPages(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tcAuditActions(t, c)
	s, w := tcAudit(t, c)
	everything := append([]app.AuditLine(nil), s.entries...)

	s.pageSize = 3
	s.reload()
	tpIdle(t)
	if len(s.entries) != 3 || !s.more || s.olderButton.Disabled() {
		t.Fatalf("first page: %d entries, more=%v", len(s.entries), s.more)
	}
	if !strings.Contains(s.count.Text, "Load older") {
		t.Fatalf("count line does not offer older entries: %q", s.count.Text)
	}
	for s.more {
		tcTap(t, w, "Load older")
		tpIdle(t)
	}
	if len(s.entries) != len(everything) {
		t.Fatalf("paged %d entries, want %d", len(s.entries), len(everything))
	}
	for i := range everything {
		if s.entries[i].Seq != everything[i].Seq {
			t.Fatalf("entry %d: seq %d, want %d", i, s.entries[i].Seq, everything[i].Seq)
		}
	}
	if !s.olderButton.Disabled() {
		t.Fatal("Load older still offered after the oldest entry")
	}
}

func TestAuditCheckTrail(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tcAuditActions(t, c)
	s, w := tcAudit(t, c)
	before := s.entries[0].Seq

	tcTap(t, w, "Check the audit trail")
	tpIdle(t)
	tcIdle(t)
	if !strings.HasPrefix(s.verifyResult.Text, "All is well") || !strings.Contains(s.verifyResult.Text, "entries") {
		t.Fatalf("check result = %q", s.verifyResult.Text)
	}
	if s.entries[0].Seq <= before || s.entries[0].Action != "verify" || !tcShows(w, "Checked the clinic file") {
		t.Fatalf("the check is not recorded at the top of the list: %+v", s.entries[0])
	}
}

func TestAuditOnlyForManagers(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	found := false
	for _, m := range Modules(c) {
		found = found || m.ID == "audit"
	}
	if !found {
		t.Fatal("the audit trail is not offered to the practice manager")
	}
	if _, err := c.AddUser(app.NewUser{Username: "cnurse", FullName: "Cara Nurse", Role: app.Clinician, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("cnurse", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	for _, m := range Modules(c) {
		if m.ID == "audit" {
			t.Fatal("the audit trail is offered to a clinician")
		}
	}
	if _, err := c.AuditLog(audit.Filter{}); err == nil {
		t.Fatal("a clinician can read the audit trail")
	}
}

func TestAuditActionLabels(t *testing.T) {
	for code, want := range map[string]string{
		"sign_in": "Signed in", "user.create": "Added a user", "backup.create": "Made a backup",
		"patient.teleport": "Patient: teleport", // unknown codes made readable
	} {
		if got := actionLabel(code); got != want {
			t.Errorf("actionLabel(%q) = %q, want %q", code, got, want)
		}
	}
	if actionCode("Made a backup") != "backup.create" || actionCode(allActions) != "" {
		t.Fatal("filter labels do not map back to codes")
	}
	for _, c := range []struct {
		in  string
		ok  bool
		day int
	}{{"23/11/2026", true, 23}, {"1/3/2026", true, 1}, {"29/02/2026", false, 0}, {"2026-11-23", false, 0}, {"23/11/26", false, 0}, {"", true, 0}} {
		got, err := parseUKDate(c.in)
		if (err == nil) != c.ok || (c.ok && c.in != "" && got.Day() != c.day) {
			t.Errorf("parseUKDate(%q) = %v, %v", c.in, got, err)
		}
	}
	if got := ukcal.WallDateTimeSeconds(time.Date(2026, 7, 1, 8, 30, 5, 0, time.UTC)); got != "01/07/2026 09:30:05" {
		t.Errorf("summer time shown as %q, want clinic time 01/07/2026 09:30:05", got)
	}
}

func TestAuditDetailInWords(t *testing.T) {
	for _, c := range []struct{ id, detail, want string }{
		{"", "role=receptionist", "Role: Receptionist"},
		{"", "audit_seq=9", "Holds the trail up to entry 9"},
		{"", "ok audit_rows=12", "12 entries in order"},
		{"backup.folder", "folder=/media/USB STICK keep=10", "Folder /media/USB STICK; keep 10"},
		{"backup.folder", "folder= keep=3", "Automatic backups off; keep 3"},
		{"security.idle_lock_minutes", "15", "Lock after 15 minutes"},
		{"", "ok", "Passed"},
		{"", "something new=1", "something new=1"}, // unknown forms as they are
	} {
		if got := detailLabel(audit.Entry{EntityID: c.id, Detail: c.detail}); got != c.want {
			t.Errorf("detailLabel(%q) = %q, want %q", c.detail, got, c.want)
		}
	}
}

// A page of the trail is read off the UI goroutine: the list changes only
// when the read's result is shown.
func TestAuditPageIsReadOffTheUIGoroutine(t *testing.T) {
	c := tcClinic(t)
	tcAuditActions(t, c)
	s, _ := tcAudit(t, c)
	shown := len(s.entries)
	if shown == 0 {
		t.Fatal("no entries to begin with")
	}
	s.reload()
	tkWaitHeld(t, 1)
	if len(s.entries) != 0 {
		t.Fatalf("%d entries before the read was shown: it was read on the UI goroutine", len(s.entries))
	}
	tpIdle(t)
	if len(s.entries) != shown {
		t.Fatalf("%d entries after the read, want %d", len(s.entries), shown)
	}
}
