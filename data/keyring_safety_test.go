package data

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func twoEntryKeyring(t *testing.T, key DataKey) *Keyring {
	t.Helper()
	kr := NewKeyring(filepath.Join(t.TempDir(), "c.db.keyring"), "clinic-1")
	if err := kr.Wrap(UserEntry("alice"), []byte("alice password one"), key, fastKDF); err != nil {
		t.Fatal(err)
	}
	if err := kr.Wrap(RecoveryEntry, []byte("RECOVERYSECRET"), key, fastKDF); err != nil {
		t.Fatal(err)
	}
	if err := kr.Save(); err != nil {
		t.Fatal(err)
	}
	return kr
}

func realOf(kr *Keyring) map[string]string {
	out := map[string]string{}
	for id, fps := range kr.Fingerprints() {
		out[id] = fps[len(fps)-1]
	}
	return out
}

// Item 4: while a rotation is staged every secret yields both keys, and
// after it is finished the new one; reconcile finishes or abandons it
// according to the key that opened the file.
func TestRotationUnderWayLetsEverySecretOpenEitherKey(t *testing.T) {
	oldKey, next := newKey(t), newKey(t)
	kr := twoEntryKeyring(t, oldKey)
	if err := kr.StageRotation(next); err != nil {
		t.Fatal(err)
	}
	kr.Save()
	loaded, err := LoadKeyring(kr.Path())
	if err != nil {
		t.Fatal(err)
	}
	for id, secret := range map[string]string{UserEntry("alice"): "alice password one", RecoveryEntry: "RECOVERYSECRET"} {
		u, err := loaded.Open(id, []byte(secret))
		if err != nil || !SameKey(u.Key, oldKey) || u.Next == nil || !SameKey(*u.Next, next) {
			t.Fatalf("%s during a rotation: %v", id, err)
		}
	}
	// The file was re-keyed before the crash: reconcile finishes it.
	finished := *loaded
	finished.f.Entries = append([]keyEntry(nil), loaded.f.Entries...)
	if changed, problems := finished.Reconcile(next, realOf(loaded)); !changed || len(problems) > 0 {
		t.Fatalf("finish: changed %v, problems %v", changed, problems)
	}
	if u, err := finished.Open(RecoveryEntry, []byte("RECOVERYSECRET")); err != nil || !SameKey(u.Key, next) || u.Next != nil {
		t.Fatalf("after finishing, the recovery key gives the old key or a pending one: %v", err)
	}
	// It was not: reconcile abandons it.
	if changed, problems := loaded.Reconcile(oldKey, realOf(loaded)); !changed || len(problems) > 0 {
		t.Fatalf("abandon: changed %v, problems %v", changed, problems)
	}
	if u, err := loaded.Open(UserEntry("alice"), []byte("alice password one")); err != nil || !SameKey(u.Key, oldKey) || u.Next != nil {
		t.Fatalf("after abandoning, alice's key: %v", err)
	}
}

// Item 6: no copy of an earlier keyring is kept, and one left by an older
// version is deleted at the next save.
func TestOldPasswordsLeaveNoCopyBehind(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	os.WriteFile(kr.Path()+".prev", []byte("{}"), 0o600)
	fp, _ := kr.Add(UserEntry("alice"), []byte("alice password two"), key, fastKDF)
	kr.Retire(UserEntry("alice"), fp)
	if err := kr.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kr.Path() + ".prev"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the .prev copy, which still opens with the old password, is still there")
	}
	main, _ := os.ReadFile(kr.Path())
	mirror, _ := os.ReadFile(MirrorPath(kr.Path()))
	if string(main) != string(mirror) {
		t.Fatal("the mirror is not the keyring as saved")
	}
	if _, err := kr.Open(UserEntry("alice"), []byte("alice password one")); !errors.Is(err, ErrWrongSecret) {
		t.Fatalf("the old password still opens: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(kr.Path()))
	for _, e := range entries {
		if e.Name() != "c.db.keyring" && e.Name() != "c.db.keyring.mirror" {
			t.Fatalf("left behind: %s", e.Name())
		}
	}
}

// Item 6: an entry the clinic file does not record (an old password's, a
// disabled user's, a change that never committed) is dropped.
func TestReconcileDropsEntriesTheClinicFileDoesNotRecord(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	real := realOf(kr)
	kr.Add(UserEntry("alice"), []byte("alice password two"), key, fastKDF) // staged, never committed
	kr.Wrap(UserEntry("bob"), []byte("bob's password here"), key, fastKDF) // added, never committed
	if changed, problems := kr.Reconcile(key, real); !changed || len(problems) > 0 {
		t.Fatalf("changed %v, problems %v", changed, problems)
	}
	if kr.Has(UserEntry("bob")) {
		t.Fatal("an uncommitted user's entry survived")
	}
	if _, err := kr.Open(UserEntry("alice"), []byte("alice password two")); err == nil {
		t.Fatal("an uncommitted password still opens")
	}
	if _, err := kr.Open(UserEntry("alice"), []byte("alice password one")); err != nil {
		t.Fatalf("the committed password no longer opens: %v", err)
	}
}

func editKeyring(t *testing.T, path string, edit func(entries []map[string]any)) {
	t.Helper()
	b, _ := os.ReadFile(path)
	var f map[string]any
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	for _, e := range f["entries"].([]any) {
		entries = append(entries, e.(map[string]any))
	}
	edit(entries)
	b, _ = json.Marshal(f)
	os.WriteFile(path, b, 0o600)
}

// Item 7: a bad nonce is named, never a panic, and never "wrong password".
func TestDamagedEntryIsNamedNotTakenForAWrongPassword(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	short := func(entries []map[string]any) {
		for _, e := range entries {
			if e["id"] == RecoveryEntry {
				e["nonce"] = "AAAA" // 3 bytes: GCM would panic on it
			}
		}
	}
	editKeyring(t, kr.Path(), short)
	// The mirror is whole: the entry is taken from it.
	loaded, err := LoadKeyring(kr.Path())
	if err != nil || !loaded.Repaired() {
		t.Fatalf("the mirror was not used: %v", err)
	}
	if _, err := loaded.Open(RecoveryEntry, []byte("RECOVERYSECRET")); err != nil {
		t.Fatalf("the recovery key does not open with a whole mirror: %v", err)
	}
	// Both copies damaged: named, with its entry.
	editKeyring(t, MirrorPath(kr.Path()), short)
	loaded, err = LoadKeyring(kr.Path())
	if err != nil {
		t.Fatal(err)
	}
	_, err = loaded.Open(RecoveryEntry, []byte("RECOVERYSECRET"))
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Entry != RecoveryEntry || errors.Is(err, ErrWrongSecret) {
		t.Fatalf("a damaged recovery entry gave %v", err)
	}
	if !strings.Contains(err.Error(), "recovery key's entry") {
		t.Fatalf("the message does not name the entry: %v", err)
	}
	if problems := loaded.Check(key, realOf(kr)); len(problems) != 1 || problems[0].Entry != RecoveryEntry {
		t.Fatalf("check found %v", problems)
	}
	// Alice still signs in.
	if _, err := loaded.Open(UserEntry("alice"), []byte("alice password one")); err != nil {
		t.Fatal(err)
	}
}

// Item 7: a flipped byte anywhere in an entry is found by its checksum.
func TestFlippedByteInAnEntryIsFound(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	for _, p := range []string{kr.Path(), MirrorPath(kr.Path())} {
		editKeyring(t, p, func(entries []map[string]any) {
			for _, e := range entries {
				if e["id"] == UserEntry("alice") {
					e["wrapped_private_key"] = strings.Replace(e["wrapped_private_key"].(string), e["wrapped_private_key"].(string)[:2], "QQ", 1)
				}
			}
		})
	}
	loaded, err := LoadKeyring(kr.Path())
	if err != nil {
		t.Fatal(err)
	}
	_, err = loaded.Open(UserEntry("alice"), []byte("alice password one"))
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Entry != UserEntry("alice") {
		t.Fatalf("a damaged entry gave %v", err)
	}
}

// Item 7: an entry changed by someone without the data key (checksum made
// afresh) fails its MAC, and is named.
func TestEntryAlteredWithoutTheDataKeyFailsItsMAC(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	real := realOf(kr)
	for i := range kr.f.Entries {
		if kr.f.Entries[i].ID == RecoveryEntry {
			env, _ := seal(kr.f.ClinicID, RecoveryEntry, kr.f.Entries[i].PublicKey, newKey(t))
			kr.f.Entries[i].Envelope = env
		}
	}
	kr.Save()
	loaded, err := LoadKeyring(kr.Path())
	if err != nil {
		t.Fatal(err)
	}
	problems := loaded.Check(key, real)
	if len(problems) != 1 || problems[0].Entry != RecoveryEntry {
		t.Fatalf("check found %v", problems)
	}
}

// A keyring that is not JSON at all is read from the mirror.
func TestWhollyDamagedKeyringIsReadFromItsMirror(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	os.WriteFile(kr.Path(), []byte("{\"format\": 2, \"clin"), 0o600)
	loaded, err := LoadKeyring(kr.Path())
	if err != nil || !loaded.Repaired() {
		t.Fatalf("mirror not used: %v", err)
	}
	if _, err := loaded.Open(UserEntry("alice"), []byte("alice password one")); err != nil {
		t.Fatal(err)
	}
	os.Remove(MirrorPath(kr.Path()))
	_, err = LoadKeyring(kr.Path())
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Entry != "" {
		t.Fatalf("a damaged keyring with no mirror gave %v", err)
	}
}

// Item 7: damage to the mirror is found at load (it is not the keyring as
// saved) and the next save writes it back whole.
func TestDamagedMirrorIsFoundAndWrittenBack(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	os.WriteFile(MirrorPath(kr.Path()), []byte("{\"format\": 2, \"clin"), 0o600)
	loaded, err := LoadKeyring(kr.Path())
	if err != nil || !loaded.Repaired() {
		t.Fatalf("a damaged mirror went unnoticed: %v", err)
	}
	if changed, problems := loaded.Reconcile(key, realOf(kr)); !changed || len(problems) > 0 {
		t.Fatalf("changed %v, problems %v", changed, problems)
	}
	loaded.Save()
	if !sameCopy(kr.Path()) {
		t.Fatal("the mirror was not written back")
	}
}

// Item 7: damage that garbles an entry's own name is mended from the
// mirror: the user is not told their password is wrong.
func TestEntryWhoseNameWasDamagedIsTakenFromTheMirror(t *testing.T) {
	key := newKey(t)
	kr := twoEntryKeyring(t, key)
	editKeyring(t, kr.Path(), func(entries []map[string]any) {
		for _, e := range entries {
			if e["id"] == UserEntry("alice") {
				e["id"] = UserEntry("alicf")
			}
		}
	})
	loaded, err := LoadKeyring(kr.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loaded.Open(UserEntry("alice"), []byte("alice password one")); err != nil {
		t.Fatalf("alice, whose entry's name was damaged: %v", err)
	}
	if changed, problems := loaded.Reconcile(key, realOf(kr)); !changed || len(problems) > 0 {
		t.Fatalf("changed %v, problems %v", changed, problems)
	}
	if loaded.Has(UserEntry("alicf")) {
		t.Fatal("the garbled entry is kept")
	}
}
