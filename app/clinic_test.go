package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/kdf"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"
	"clinicdesk/app/users"
	"clinicdesk/data"
)

// fastKDF keeps tests quick; real clinics use data.DefaultKDF.
var fastKDF = kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

const managerPassword = "mossy-kettle-harbour"

func newClinic(t *testing.T) (*Clinic, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clinic.db")
	c, recovery, err := Create(Setup{Path: path,
		Clinic: practice.Details{Name: "Clinig Iechyd Siân", Address: "1 Heol y Frenhines\nCaerdydd\nCF10 1AA",
			Phone: "029 2018 0000"},
		Manager: NewUser{Username: "amanager", FullName: "Ann Manager", Password: managerPassword},
		KDF:     fastKDF, Now: testclock.Now}) // the suite's one clock; tests that need a day pin their own
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, path, recovery
}

func addUser(t *testing.T, c *Clinic, username string, role Role) users.User {
	t.Helper()
	u, err := c.AddUser(NewUser{Username: username, FullName: "Staff " + username, Role: role, Password: "staff-password-" + username})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func reopen(t *testing.T, c *Clinic, path string) *Clinic {
	t.Helper()
	c.Close()
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c2.kdf = fastKDF
	c2.now = c.now
	t.Cleanup(func() { c2.Close() })
	return c2
}

func auditActions(t *testing.T, c *Clinic) []string {
	t.Helper()
	rows, err := c.store.ListAudit(audit.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(rows) - 1; i >= 0; i-- {
		out = append(out, rows[i].Username+" "+rows[i].Action)
	}
	return out
}

func TestCreateSignsInTheManagerAndAuditsIt(t *testing.T) {
	c, _, recovery := newClinic(t)
	s, ok := c.Session()
	if !ok || s.Role != Manager || s.User.FullName != "Ann Manager" {
		t.Fatalf("session %+v", s)
	}
	if len(strings.Split(recovery, "-")) != 6 {
		t.Fatalf("recovery key %q is not six groups", recovery)
	}
	got := strings.Join(auditActions(t, c), ",")
	for _, want := range []string{"amanager clinic.create", "amanager user.create", "amanager sign_in"} {
		if !strings.Contains(got, want) {
			t.Errorf("audit lacks %q: %s", want, got)
		}
	}
}

func TestWrongPasswordChangesNothing(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	c.Close()
	before := snapshot(t, filepath.Dir(path))
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c2.SignIn("amanager", "not-the-password"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("err = %v", err)
	}
	if err := c2.SignIn("nobody", managerPassword); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("unknown user: err = %v", err)
	}
	if _, ok := c2.Session(); ok {
		t.Fatal("a session started on a wrong password")
	}
	c2.Close()
	if after := snapshot(t, filepath.Dir(path)); after != before {
		t.Fatalf("files changed after wrong passwords:\n%s\n%s", before, after)
	}
}

// snapshot lists the clinic folder's files with their sizes and contents'
// first bytes, to notice any change.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// .signin: the count of wrong passwords (signin_throttle.go) is meant to change.
		if strings.HasSuffix(e.Name(), ".lock") || strings.HasSuffix(e.Name(), ".owner") || strings.HasSuffix(e.Name(), ".signin") {
			continue
		}
		content, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name())
		b.WriteString(":")
		b.WriteString(string(rune(len(content))))
		b.Write(content)
		b.WriteString("\n")
	}
	return b.String()
}

func TestFailedSignInsAreAuditedOnceTheFileIsOpen(t *testing.T) {
	c, path, _ := newClinic(t)
	c = reopen(t, c, path)
	c.SignIn("amanager", "wrong guess one")
	c.SignIn("mallory", "wrong guess two")
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(auditActions(t, c), ",")
	if !strings.Contains(got, "amanager sign_in_failed") || !strings.Contains(got, "mallory sign_in_failed") {
		t.Fatalf("failed sign-ins not audited: %s", got)
	}
}

func TestRecoveryKeyUnlocksAfterEveryPasswordIsLost(t *testing.T) {
	c, path, recovery := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	c = reopen(t, c, path)
	// Typed carelessly: lower case, spaces instead of dashes.
	typed := strings.ToLower(strings.ReplaceAll(recovery, "-", " "))
	if err := c.RecoverAccess(typed, "amanager", "brand-new-manager-words"); err != nil {
		t.Fatal(err)
	}
	if s, ok := c.Session(); !ok || s.User.Username != "amanager" {
		t.Fatal("not signed in after recovery")
	}
	c = reopen(t, c, path)
	if err := c.SignIn("amanager", managerPassword); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("old password still works: %v", err)
	}
	if err := c.SignIn("amanager", "brand-new-manager-words"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(auditActions(t, c), ","), "amanager recovery.used") {
		t.Fatal("recovery not audited")
	}
	if err := c.RecoverAccess("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "amanager", "another-new-password"); err == nil {
		t.Fatal("a made-up recovery key worked")
	}
	if err := c.RecoverAccess("not a key", "amanager", "another-new-password"); !errors.Is(err, ErrBadRecoveryKey) {
		t.Fatalf("junk recovery key: %v", err)
	}
}

func TestPasswordChangeRewrapsWithoutReencrypting(t *testing.T) {
	c, path, _ := newClinic(t)
	keyBefore := c.key
	c.store.Close() // flush so the header on disk is current
	c.store, _ = data.Open(path, c.key)
	headerBefore := readHead(t, path)
	if err := c.ChangePassword("wrong current", "a-new-manager-password"); err == nil {
		t.Fatal("changed with the wrong current password")
	}
	if err := c.ChangePassword(managerPassword, "short"); err == nil {
		t.Fatal("accepted a short password")
	}
	if err := c.ChangePassword(managerPassword, "a-new-manager-password"); err != nil {
		t.Fatal(err)
	}
	if !data.SameKey(keyBefore, c.key) {
		t.Fatal("the data key changed on a password change")
	}
	c = reopen(t, c, path)
	if !bytes.Equal(headerBefore, readHead(t, path)) {
		t.Fatal("the file's salt changed: it was re-encrypted")
	}
	if err := c.SignIn("amanager", managerPassword); !errors.Is(err, ErrWrongPassword) {
		t.Fatal("old password still opens it")
	}
	if err := c.SignIn("amanager", "a-new-manager-password"); err != nil {
		t.Fatal(err)
	}
	if !data.SameKey(keyBefore, c.key) {
		t.Fatal("the file opened under a different key")
	}
}

func readHead(t *testing.T, path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 16)
	f.Read(b)
	return b
}

func TestRotateDataKeyReKeysAndEveryoneStillSignsIn(t *testing.T) {
	c, path, recovery := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	oldKey := c.key
	if err := c.RotateDataKey(); err != nil {
		t.Fatal(err)
	}
	if data.SameKey(oldKey, c.key) {
		t.Fatal("the key did not change")
	}
	newKey := c.key
	c.Close()
	if _, err := data.Open(path, oldKey); !errors.Is(err, data.ErrWrongKey) {
		t.Fatalf("the old key still opens the file: %v", err)
	}
	c2 := reopen(t, c, path)
	if err := c2.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatalf("receptionist after rotation: %v", err)
	}
	if !data.SameKey(c2.key, newKey) {
		t.Fatal("opened under an unexpected key")
	}
	c3 := reopen(t, c2, path)
	if err := c3.RecoverAccess(recovery, "amanager", "after-rotation-pass"); err != nil {
		t.Fatalf("recovery key after rotation: %v", err)
	}
	if !strings.Contains(strings.Join(auditActions(t, c3), ","), "amanager key.rotate") {
		t.Fatal("rotation not audited")
	}
}

func TestPermissionsAreCheckedInTheAppLayer(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	addUser(t, c, "physio", Clinician)
	for _, who := range []string{"reception", "physio"} {
		c = reopen(t, c, path)
		if err := c.SignIn(who, "staff-password-"+who); err != nil {
			t.Fatal(err)
		}
		var pe *PermissionError
		if _, err := c.AddUser(NewUser{Username: "x" + who, FullName: "X", Role: Manager, Password: "some-long-password"}); !errors.As(err, &pe) {
			t.Errorf("%s added a user: %v", who, err)
		}
		if _, err := c.Users(); !errors.As(err, &pe) {
			t.Errorf("%s listed users: %v", who, err)
		}
		if err := c.SaveDetails(practice.Details{Name: "Hijacked"}); !errors.As(err, &pe) {
			t.Errorf("%s changed clinic details: %v", who, err)
		}
		if _, err := c.AuditLog(audit.Filter{}); !errors.As(err, &pe) {
			t.Errorf("%s read the audit trail: %v", who, err)
		}
		if _, err := c.BackupNow(filepath.Join(t.TempDir(), "b")); !errors.As(err, &pe) {
			t.Errorf("%s made a backup: %v", who, err)
		}
		if err := c.RotateDataKey(); !errors.As(err, &pe) {
			t.Errorf("%s rotated the key: %v", who, err)
		}
		if _, err := c.NewRecoveryKey(); !errors.As(err, &pe) {
			t.Errorf("%s made a recovery key: %v", who, err)
		}
		if pe != nil && !strings.Contains(pe.Error(), "ask a practice manager") {
			t.Errorf("message: %v", pe)
		}
		if _, err := c.Details(); err != nil {
			t.Errorf("%s cannot read clinic details: %v", who, err)
		}
	}
}

func TestLockedSessionCanDoNothingUntilUnlocked(t *testing.T) {
	c, _, _ := newClinic(t)
	c.Lock()
	if _, err := c.Users(); !errors.Is(err, ErrLocked) {
		t.Fatalf("locked: %v", err)
	}
	if err := c.Unlock("wrong password here"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("unlock with wrong password: %v", err)
	}
	if _, err := c.Users(); !errors.Is(err, ErrLocked) {
		t.Fatal("a wrong password unlocked")
	}
	if err := c.Unlock(managerPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Users(); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(auditActions(t, c), ",")
	if !strings.Contains(got, "amanager lock") || !strings.Contains(got, "amanager unlock") {
		t.Fatalf("lock/unlock not audited: %s", got)
	}
}

func TestSwitchUserFailureLeavesNothingOpen(t *testing.T) {
	c, _, _ := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	if err := c.SignIn("reception", "wrong password!!"); err == nil {
		t.Fatal("bad switch succeeded")
	}
	if _, err := c.Users(); !errors.Is(err, ErrLocked) {
		t.Fatalf("after a failed switch the manager's session is still open: %v", err)
	}
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	if s, _ := c.Session(); s.Role != Receptionist {
		t.Fatalf("switched to %+v", s)
	}
}

func TestDisabledUserCannotSignInAndTheLastManagerStays(t *testing.T) {
	c, path, _ := newClinic(t)
	r := addUser(t, c, "reception", Receptionist)
	s, _ := c.Session()
	if err := c.DisableUser(s.User.ID); err == nil {
		t.Fatal("a manager disabled themselves")
	}
	if err := c.UpdateUser(s.User.ID, "Ann Manager", Receptionist); err == nil || !strings.Contains(err.Error(), "only practice manager") {
		t.Fatalf("the last manager was demoted: %v", err)
	}
	if err := c.DisableUser(r.ID); err != nil {
		t.Fatal(err)
	}
	c = reopen(t, c, path)
	if err := c.SignIn("reception", "staff-password-reception"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("disabled user signed in: %v", err)
	}
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	if err := c.ResetPassword(r.ID, "welcome-back-reception"); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("reception", "welcome-back-reception"); err != nil {
		t.Fatalf("re-enabled user: %v", err)
	}
}

func TestAddUserRejectsDuplicatesAndWeakPasswords(t *testing.T) {
	c, _, _ := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	if _, err := c.AddUser(NewUser{Username: "RECEPTION", FullName: "Other", Role: Receptionist, Password: "another-long-password"}); err == nil {
		t.Fatal("duplicate user name (different case) accepted")
	}
	if _, err := c.AddUser(NewUser{Username: "newbie", FullName: "New Bie", Role: Receptionist, Password: "password1234"}); err == nil {
		t.Fatal("a block-listed password was accepted")
	}
	users, _ := c.Users()
	if len(users) != 2 {
		t.Fatalf("%d users after refusals", len(users))
	}
}

func TestSecondCopyIsRefused(t *testing.T) {
	_, path, _ := newClinic(t)
	_, err := Open(path)
	if !data.IsInUse(err) || !strings.Contains(err.Error(), "process") {
		t.Fatalf("second opener: %v", err)
	}
}
