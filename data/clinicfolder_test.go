package data

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestNewClinicFolderIsMadeAndAnExistingOneLeftAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Clinic Data", "ClinicDesk")
	if err := MakeClinicFolder(dir); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		t.Fatalf("the folder was not made: %v", err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Fatalf("the clinic folder is %v, not private to its login", st.Mode().Perm())
	}
	if err := os.WriteFile(filepath.Join(dir, "clinic.db"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := MakeClinicFolder(dir); err != nil {
		t.Fatalf("an existing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "clinic.db")); err != nil {
		t.Fatal("making an existing folder again lost what was in it")
	}
	if err := MakeClinicFolder(filepath.Join(dir, "clinic.db")); err == nil {
		t.Fatal("a file was taken for the clinic folder")
	}
}
