package data

import (
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The restore child runs Restore in a copy of this test binary and stops
// the process dead at one step of it, as a power cut or kill -9 would.
const restoreChildEnv = "CLINICDESK_RESTORE_CHILD"

func TestRestoreChild(t *testing.T) {
	spec := os.Getenv(restoreChildEnv)
	if spec == "" {
		t.Skip("only runs as the child of TestRestoreKilledAtEveryStepLeavesAWholeClinic")
	}
	parts := strings.Split(spec, "|")
	archive, dbPath := parts[0], parts[1]
	var key DataKey
	b, _ := hex.DecodeString(parts[2])
	copy(key[:], b)
	dieAt, _ := strconv.Atoi(parts[3])
	n := 0
	restoreStep = func(step string) {
		n++
		if n == dieAt {
			fmt.Println("dying after", step)
			os.Exit(3)
		}
	}
	if _, err := Restore(archive, dbPath, key, true, nil); err != nil {
		fmt.Println("restore:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// restoreFixture is a clinic file ("old", key oldKey) with a keyring, its
// mirror, an anchor, and committed rows still only in its WAL, as a
// crash would leave it; and a backup of another clinic file ("new", under
// another key), so that a clinic file beside the wrong keyring cannot
// open.
type restoreFixture struct {
	dir            string // the old clinic's files, to copy for each round
	archive        string
	oldKey, newKey DataKey
}

const restorePassword = "alice password one"

func newRestoreFixture(t *testing.T) restoreFixture {
	f := restoreFixture{dir: t.TempDir()}
	// The backup: clinic "new".
	ns, nk, npath := newStore(t)
	f.newKey = nk
	ns.Write(func(tx *Tx) error { return tx.SetSetting("which", "new") })
	writeAudit(t, ns, 7)
	nkr := NewKeyring(KeyringPath(npath), "clinic-new")
	nkr.Wrap(UserEntry("alice"), []byte(restorePassword), nk, fastKDF)
	nb, _ := nkr.Bytes()
	f.archive = filepath.Join(t.TempDir(), "new.cdbackup")
	if _, err := ns.Backup(f.archive, nk, nb, "clinic-new", "test"); err != nil {
		t.Fatal(err)
	}
	// The clinic in place: "old", with its last write still in the WAL.
	ok := newKey(t)
	f.oldKey = ok
	opath := filepath.Join(f.dir, "clinic.db")
	os, err := Create(opath, ok)
	if err != nil {
		t.Fatal(err)
	}
	writeAudit(t, os, 3)
	os.AnchorAudit()
	okr := NewKeyring(KeyringPath(opath), "clinic-old")
	okr.Wrap(UserEntry("alice"), []byte(restorePassword), ok, fastKDF)
	if err := okr.Save(); err != nil {
		t.Fatal(err)
	}
	os.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	os.Write(func(tx *Tx) error { return tx.SetSetting("which", "old-in-wal") })
	snapshot := t.TempDir()
	copyFiles(t, f.dir, snapshot) // while open: the WAL holds the last write
	os.Close()
	f.dir = snapshot
	return f
}

func copyFiles(t *testing.T, from, to string) {
	t.Helper()
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".lock") || strings.HasSuffix(e.Name(), ".owner") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// openWithKeyring opens the clinic at path the way sign-in does: alice's
// password unwraps the key from the keyring beside it, which must open
// the file. It returns which clinic it is.
func openWithKeyring(t *testing.T, path string) (string, *Store) {
	t.Helper()
	kr, err := LoadKeyring(KeyringPath(path))
	if err != nil {
		t.Fatalf("the keyring beside %s: %v", path, err)
	}
	key, err := kr.Unwrap(UserEntry("alice"), []byte(restorePassword))
	if err != nil {
		t.Fatalf("alice's password no longer opens the keyring beside %s: %v", path, err)
	}
	s, err := Open(path, key)
	if err != nil {
		t.Fatalf("%s does not open with the key from its own keyring (a mismatched pair locks everyone out): %v", path, err)
	}
	which, _, _ := s.Setting("which")
	return which, s
}

func TestRestoreKilledAtEveryStepLeavesAWholeClinic(t *testing.T) {
	if os.Getenv(restoreChildEnv) != "" {
		t.Skip()
	}
	f := newRestoreFixture(t)
	seenNew, seenOld := false, false
	for dieAt := 1; ; dieAt++ {
		if dieAt > 40 {
			t.Fatal("the restore never finished")
		}
		dir := t.TempDir()
		copyFiles(t, f.dir, dir)
		dbPath := filepath.Join(dir, "clinic.db")
		cmd := exec.Command(os.Args[0], "-test.run", "^TestRestoreChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), restoreChildEnv+"="+strings.Join([]string{f.archive, dbPath, hex.EncodeToString(f.newKey[:]), strconv.Itoa(dieAt)}, "|"))
		out, _ := cmd.CombinedOutput()
		code := cmd.ProcessState.ExitCode()
		if code != 0 && code != 3 {
			t.Fatalf("step %d: the child failed (%d): %s", dieAt, code, out)
		}

		// At that instant: a whole clinic file at the path, old or new.
		whole := filepath.Join(t.TempDir(), "copy.db")
		b, err := os.ReadFile(dbPath)
		if err != nil {
			t.Fatalf("step %d: no clinic file at the path: %v", dieAt, err)
		}
		os.WriteFile(whole, b, 0o600)
		if s, err := Open(whole, f.newKey); err == nil {
			s.Close()
		} else if s, err := Open(whole, f.oldKey); err == nil {
			s.Close()
		} else {
			t.Fatalf("step %d: the file at the path is not a whole clinic file: %v", dieAt, err)
		}

		// The next start finishes (or undoes) it.
		if err := FinishInterruptedRestore(dbPath); err != nil {
			t.Fatalf("step %d: %v", dieAt, err)
		}
		which, s := openWithKeyring(t, dbPath)
		switch which {
		case "new":
			seenNew = true
			if _, err := s.VerifyAudit(); err != nil {
				t.Fatalf("step %d: the restored trail: %v", dieAt, err)
			}
			if _, err := s.CheckAuditAnchor(); err != nil {
				t.Fatalf("step %d: the restored anchor: %v", dieAt, err)
			}
			kept, _ := filepath.Glob(dbPath + ".before-restore-*[0-9]Z")
			if len(kept) != 1 {
				t.Fatalf("step %d: the old clinic file was not kept: %v", dieAt, kept)
			}
			// The old one, kept with its keyring and its WAL: nothing lost.
			oldWhich, old := openWithKeyring(t, kept[0])
			old.Close()
			if oldWhich != "old-in-wal" {
				t.Fatalf("step %d: the kept clinic file lost its last write (%q)", dieAt, oldWhich)
			}
		case "old-in-wal":
			seenOld = true
		default:
			t.Fatalf("step %d: the clinic at the path says %q: the old WAL was replayed into the new file, or a write was lost", dieAt, which)
		}
		s.Close()
		leftovers, _ := filepath.Glob(filepath.Join(dir, "*.restore-*"))
		hidden, _ := filepath.Glob(filepath.Join(dir, ".clinicdesk-restore-*"))
		if len(leftovers)+len(hidden) != 0 {
			t.Fatalf("step %d: left behind %v %v", dieAt, leftovers, hidden)
		}
		if code == 0 {
			if dieAt < 10 {
				t.Fatalf("the restore had only %d steps to stop at", dieAt-1)
			}
			break
		}
	}
	if !seenNew || !seenOld {
		t.Fatalf("the kills never fell both before and after the point of no return (old %v, new %v)", seenOld, seenNew)
	}
}
