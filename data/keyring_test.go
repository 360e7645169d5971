package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"clinicdesk/app/kdf"
)

// fastKDF keeps tests quick; real entries use DefaultKDF.
var fastKDF = kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

func TestKeyringWrapUnwrapAndWrongSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.keyring")
	kr := NewKeyring(path, "clinic-1")
	key := newKey(t)
	if err := kr.Wrap(UserEntry("ASmith"), []byte("correct horse battery"), key, fastKDF); err != nil {
		t.Fatal(err)
	}
	if err := kr.Save(); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadKeyring(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loaded.Unwrap(UserEntry("asmith"), []byte("correct horse battery"))
	if err != nil || !SameKey(got, key) {
		t.Fatalf("unwrap: %v", err)
	}
	if _, err := loaded.Unwrap(UserEntry("asmith"), []byte("correct horse batterY")); !errors.Is(err, ErrWrongSecret) {
		t.Fatalf("wrong secret: %v", err)
	}
	if _, err := loaded.Unwrap(UserEntry("nobody"), []byte("correct horse battery")); !errors.Is(err, ErrWrongSecret) {
		t.Fatalf("unknown user: %v", err)
	}
}

func TestKeyringHoldsNoKeyOrSecretInTheClear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.keyring")
	kr := NewKeyring(path, "clinic-1")
	key := newKey(t)
	kr.Wrap(UserEntry("a"), []byte("a very secret passphrase"), key, fastKDF)
	kr.Save()
	b, _ := os.ReadFile(path)
	if bytes.Contains(b, key[:]) || bytes.Contains(b, []byte(key.pragma()[2:66])) || bytes.Contains(b, []byte("a very secret passphrase")) {
		t.Fatal("the keyring holds the data key or the password in the clear")
	}
}

func TestEntriesAreBoundToTheirNameAndClinic(t *testing.T) {
	kr := NewKeyring(filepath.Join(t.TempDir(), "k"), "clinic-1")
	key := newKey(t)
	kr.Wrap(UserEntry("alice"), []byte("alice's long password"), key, fastKDF)
	// Relabel alice's entry as bob's: it must not open under the new name.
	kr.f.Entries[0].ID = UserEntry("bob")
	if _, err := kr.Unwrap(UserEntry("bob"), []byte("alice's long password")); err == nil {
		t.Fatal("an entry moved to another user still opened")
	}
	kr.f.Entries[0].ID = UserEntry("alice")
	kr.f.ClinicID = "clinic-2"
	if _, err := kr.Unwrap(UserEntry("alice"), []byte("alice's long password")); err == nil {
		t.Fatal("an entry moved to another clinic's keyring still opened")
	}
}

func TestDamagedKeyringGivesAClearMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.keyring")
	os.WriteFile(path, []byte("{not json"), 0o600)
	if _, err := LoadKeyring(path); err == nil {
		t.Fatal("a damaged keyring loaded")
	}
	if _, err := LoadKeyring(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("a missing keyring loaded")
	}
}

func TestTunedKDFIsNeverCheaperThanTheDefault(t *testing.T) {
	p := TunedKDF()
	if p.MemoryKiB < kdf.Default.MemoryKiB || p.Time < kdf.Default.Time || p.Time > maxKDFTime || p.Threads != kdf.Default.Threads {
		t.Fatalf("tuned %+v, default %+v", p, kdf.Default)
	}
}
