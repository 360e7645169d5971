package data

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// A byte flipped in the clinic's identity, in either copy of the keyring,
// leaves every entry whole but sealed to an identity that copy no longer
// names. The copy to trust is the one a secret opens: every password and
// the recovery key still work, and the next save mends both copies.
// (make torture found it: seed 786339455, flip-keyring #38.)
func TestAClinicIdentityDamagedInOneCopyLocksNobodyOut(t *testing.T) {
	for _, damaged := range []string{"keyring", "mirror"} {
		t.Run(damaged, func(t *testing.T) {
			key := newKey(t)
			kr := twoEntryKeyring(t, key)
			path := kr.Path()
			if damaged == "mirror" {
				path = MirrorPath(kr.Path())
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			flipped := bytes.Replace(b, []byte(`"clinic-1"`), []byte(`"clinic-f"`), 1)
			if bytes.Equal(flipped, b) {
				t.Fatal("the test did not find the clinic's identity to damage")
			}
			if err := os.WriteFile(path, flipped, 0o600); err != nil {
				t.Fatal(err)
			}

			loaded, err := LoadKeyring(kr.Path())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := loaded.Open(UserEntry("alice"), []byte("not her password")); !errors.Is(err, ErrWrongSecret) {
				t.Fatalf("a wrong password: %v", err)
			}
			u, err := loaded.Open(UserEntry("alice"), []byte("alice password one"))
			if err != nil || u.Key != key {
				t.Fatalf("alice was turned away: %v", err)
			}
			if got, err := loaded.Unwrap(RecoveryEntry, []byte("RECOVERYSECRET")); err != nil || got != key {
				t.Fatalf("the recovery key was turned away: %v", err)
			}
			if loaded.ClinicID() != "clinic-1" || !loaded.Repaired() {
				t.Fatalf("identity %q, repaired %v", loaded.ClinicID(), loaded.Repaired())
			}
			if err := loaded.Save(); err != nil {
				t.Fatal(err)
			}
			if !sameCopy(kr.Path()) {
				t.Fatal("the two copies still differ after the save")
			}
			again, err := LoadKeyring(kr.Path())
			if err != nil || again.ClinicID() != "clinic-1" {
				t.Fatalf("after the save: %q, %v", again.ClinicID(), err)
			}
		})
	}
}
