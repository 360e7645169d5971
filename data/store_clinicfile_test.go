package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Item 8: opening never creates or changes a file that is not a clinic,
// and says what was found.
func TestFileThatIsNotAClinicIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	page := bytes.Repeat([]byte{0x5a}, pageSize)
	// A valid clinic file, and a key that opens no other.
	real, key, realPath := newStore(t)
	real.Close()
	cut, _ := os.ReadFile(realPath)
	cases := map[string][]byte{
		"empty":         {},
		"cut mid-page":  cut[:len(cut)-100],
		"noise":         append(page, page...),
		"one good page": cut[:pageSize],
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".db")
			os.WriteFile(path, content, 0o600)
			_, err := Open(path, key)
			if err == nil {
				t.Fatal("opened")
			}
			if name != "noise" && !errors.Is(err, ErrNotAClinic) {
				t.Fatalf("not named as not a clinic: %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Fatalf("the file was changed (%d bytes → %d)", len(content), len(after))
			}
			for _, side := range []string{"-wal", "-shm"} {
				if st, err := os.Stat(path + side); err == nil && st.Size() > 0 {
					t.Fatalf("%s was written", side)
				}
			}
		})
	}
}

// Item 14: the clinic file and SQLite's files beside it are owner-only.
func TestClinicFileWALAndSHMAreOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits; the folder's ACL protects the file")
	}
	s, _, path := newStore(t)
	if err := s.Write(func(tx *Tx) error { return tx.SetSetting("greeting", "hello") }); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Fatalf("%s is %v, not owner-only", filepath.Base(p), st.Mode().Perm())
		}
	}
}
