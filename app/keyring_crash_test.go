package app

import (
	"errors"
	"os"
	"strings"
	"testing"

	"clinicdesk/data"
)

// crash lets go of the clinic as a killed process would: nothing more is
// written, not even the sign-out.
func crash(c *Clinic) {
	c.store.Close()
	c.lock.Release()
	c.store, c.lock = nil, nil
}

func reopenAfterCrash(t *testing.T, c *Clinic, path string) *Clinic {
	t.Helper()
	crash(c)
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c2.kdf = fastKDF
	t.Cleanup(func() { c2.Close() })
	return c2
}

func mustSignIn(t *testing.T, c *Clinic, user, password string) {
	t.Helper()
	if err := c.SignIn(user, password); err != nil {
		t.Fatalf("%s can no longer sign in: %v", user, err)
	}
}

// Item 4: a rotation interrupted after the next key was staged, or after
// the file was re-keyed, leaves every password and the recovery key able
// to open the file, and the next sign-in finishes or abandons it.
func TestRotationInterruptedAtEitherStepLocksNobodyOut(t *testing.T) {
	for _, rekeyed := range []bool{false, true} {
		c, path, recovery := newClinic(t)
		addUser(t, c, "rclerk", Receptionist)
		next, _ := data.NewDataKey()
		if err := c.keyring.StageRotation(next); err != nil {
			t.Fatal(err)
		}
		if err := c.keyring.Save(); err != nil {
			t.Fatal(err)
		}
		if rekeyed {
			if err := c.store.Rekey(next); err != nil {
				t.Fatal(err)
			}
		}
		c2 := reopenAfterCrash(t, c, path)
		mustSignIn(t, c2, "rclerk", "staff-password-rclerk")
		if c2.keyring.RotationUnderway() {
			t.Fatal("the rotation is still half-done after a sign-in")
		}
		if data.SameKey(c2.key, next) != rekeyed {
			t.Fatalf("rekeyed %v, but the file is open with the other key", rekeyed)
		}
		c3 := reopen(t, c2, path)
		mustSignIn(t, c3, "amanager", managerPassword)
		c4 := reopen(t, c3, path)
		if err := c4.RecoverAccess(recovery, "amanager", "a-new-manager-password"); err != nil {
			t.Fatalf("rekeyed %v: the recovery key no longer works: %v", rekeyed, err)
		}
		if rekeyed && !strings.Contains(strings.Join(auditActions(t, c4), " "), "key.rotate") {
			t.Fatal("the finished rotation is not on the audit trail")
		}
	}
}

// Item 5: a user whose keyring entry was saved but whose row never
// committed is no ghost: the entry is dropped and the name can be added.
func TestAddUserInterruptedBeforeCommitCanBeAddedAgain(t *testing.T) {
	c, path, _ := newClinic(t)
	if _, err := c.keyring.Add(data.UserEntry("ghost"), []byte("ghost password one"), c.key, fastKDF); err != nil {
		t.Fatal(err)
	}
	c.keyring.Save()
	c2 := reopenAfterCrash(t, c, path)
	if err := c2.SignIn("ghost", "ghost password one"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("the uncommitted user signed in: %v", err)
	}
	mustSignIn(t, c2, "amanager", managerPassword)
	if c2.keyring.Has(data.UserEntry("ghost")) {
		t.Fatal("the uncommitted entry is still in the keyring")
	}
	if _, err := c2.AddUser(NewUser{Username: "ghost", FullName: "Gail Host", Role: Receptionist, Password: "ghost password two"}); err != nil {
		t.Fatalf("the name cannot be added again: %v", err)
	}
	c3 := reopen(t, c2, path)
	mustSignIn(t, c3, "ghost", "ghost password two")
}

// Item 5: a password change interrupted between the keyring and the
// commit keeps the old password (both old); after the commit, the new one
// (both new).
func TestPasswordChangeInterruptedLeavesBothOldOrBothNew(t *testing.T) {
	c, path, _ := newClinic(t)
	u := addUser(t, c, "pclerk", Receptionist)
	entry := data.UserEntry("pclerk")
	// Killed before the commit: the new entry is saved beside the old.
	c.keyring.Add(entry, []byte("pclerk password two"), c.key, fastKDF)
	c.keyring.Save()
	c2 := reopenAfterCrash(t, c, path)
	if err := c2.SignIn("pclerk", "pclerk password two"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("the uncommitted password opened: %v", err)
	}
	mustSignIn(t, c2, "pclerk", "staff-password-pclerk")
	// Killed after the commit, before the old entry went.
	fp, _ := c2.keyring.Add(entry, []byte("pclerk password three"), c2.key, fastKDF)
	c2.keyring.Save()
	if err := c2.store.Write(func(tx *data.Tx) error { return tx.SetKeyFingerprint(entry, fp, c2.clock()) }); err != nil {
		t.Fatal(err)
	}
	c3 := reopenAfterCrash(t, c2, path)
	if err := c3.SignIn("pclerk", "staff-password-pclerk"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("the old password still opens after the change committed: %v", err)
	}
	mustSignIn(t, c3, "pclerk", "pclerk password three")
	if fps := c3.keyring.Fingerprints()[entry]; len(fps) != 1 || fps[0] != fp {
		t.Fatalf("the keyring holds %v for pclerk", fps)
	}
	_ = u
}

// Item 6: a keyring copied back from before a password change or a
// disabling opens nothing with the old password.
func TestOldKeyringCopiedBackLetsNoOldPasswordIn(t *testing.T) {
	c, path, _ := newClinic(t)
	leaver := addUser(t, c, "leaver", Receptionist)
	addUser(t, c, "changer", Receptionist)
	old, err := os.ReadFile(data.KeyringPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DisableUser(leaver.ID); err != nil {
		t.Fatal(err)
	}
	changer, _ := c.store.UserByName("changer")
	if err := c.ResetPassword(changer.ID, "changer password two"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(data.KeyringPath(path) + ".prev"); err == nil {
		t.Fatal("a .prev copy of the keyring is kept")
	}
	c.Close()
	for _, p := range []string{data.KeyringPath(path), data.MirrorPath(data.KeyringPath(path))} {
		os.WriteFile(p, old, 0o600)
	}
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if err := c2.SignIn("changer", "staff-password-changer"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("the changed password opened the clinic again: %v", err)
	}
	if err := c2.SignIn("leaver", "staff-password-leaver"); err == nil {
		t.Fatal("the disabled user's old entry opened the clinic again")
	}
	if c2.store != nil && c2.session != nil && !c2.session.Locked {
		t.Fatal("a session is open")
	}
}

// Item 7: a damaged recovery entry does not stop anyone signing in, but
// sign-in and verify name it; it is never a wrong password or a panic.
func TestDamagedRecoveryEntryIsNamedBySignInAndVerify(t *testing.T) {
	c, path, recovery := newClinic(t)
	c.Close()
	krPath := data.KeyringPath(path)
	for _, p := range []string{krPath, data.MirrorPath(krPath)} {
		b, _ := os.ReadFile(p)
		i := strings.Index(string(b), `"id": "recovery"`)
		j := i + strings.Index(string(b[i:]), `"nonce": "`) + len(`"nonce": "`)
		b = append(append(append([]byte{}, b[:j]...), "AAAA"...), b[j+16:]...)
		os.WriteFile(p, b, 0o600)
	}
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	c2.kdf = fastKDF
	if err := c2.RecoverAccess(recovery, "amanager", "some-new-password"); err == nil || errors.Is(err, ErrWrongPassword) || !strings.Contains(err.Error(), "recovery key's entry") {
		t.Fatalf("the damaged recovery entry gave %v", err)
	}
	mustSignIn(t, c2, "amanager", managerPassword)
	if err := c2.KeyringProblem(); err == nil || !strings.Contains(err.Error(), "recovery key's entry") {
		t.Fatalf("sign-in did not name the damaged entry: %v", err)
	}
	if _, err := c2.Verify(false); err == nil || !strings.Contains(err.Error(), "recovery key's entry") {
		t.Fatalf("verify passed a damaged recovery entry: %v", err)
	}
	// A new recovery key mends it.
	key, err := c2.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.Verify(false); err != nil {
		t.Fatalf("verify after a new recovery key: %v", err)
	}
	c3 := reopen(t, c2, path)
	if err := c3.RecoverAccess(key, "amanager", "another-new-password"); err != nil {
		t.Fatal(err)
	}
}

// Item 8: a zero-length clinic file is named, not re-created as an empty
// clinic behind a "wrong password".
func TestEmptyClinicFileIsNamedAndNeverRecreated(t *testing.T) {
	c, path, _ := newClinic(t)
	c.Close()
	os.Truncate(path, 0)
	os.Remove(path + "-wal")
	c2, err := Open(path)
	if err == nil {
		err = c2.SignIn("amanager", managerPassword)
		c2.Close()
	}
	if !errors.Is(err, data.ErrNotAClinic) || errors.Is(err, ErrWrongPassword) || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("an empty clinic file gave %v", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("the empty file was written to (%d bytes)", st.Size())
	}
}
