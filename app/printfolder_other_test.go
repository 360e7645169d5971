//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// errStillOpenHere is what removing a file busy elsewhere fails with here.
var errStillOpenHere error = syscall.EBUSY

// Letters are readable by this user only: the folder is 0700 when made,
// and an existing folder left looser is tightened before a letter goes in.
func TestPrintFolderIsPrivateToTheUser(t *testing.T) {
	cache := usePrintFolderIn(t)
	paths := writeLetters(t, "Appointment reminder 2026-11-23.pdf")
	dir := filepath.Dir(paths[0])
	if rel, err := filepath.Rel(cache, dir); err != nil || filepath.IsAbs(rel) || rel[0] == '.' {
		t.Fatalf("the print folder %s is not in the user's own cache folder %s", dir, cache)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v", st.Mode().Perm())
	}
	if st, _ := os.Stat(paths[0]); st.Mode().Perm()&0o077 != 0 {
		t.Fatalf("letter mode %v", st.Mode().Perm())
	}
	os.Chmod(dir, 0o755)
	writeLetters(t, "Preview.pdf")
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Fatalf("an existing folder was left %v", st.Mode().Perm())
	}
}
