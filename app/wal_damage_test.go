package app

import (
	"os"
	"strings"
	"testing"
)

// SPEC §6: damage to the write-ahead log (changes SQLite would silently
// drop) is named by verify until a manager has dealt with it.
func TestVerifyNamesADamagedWriteAheadLogUntilItIsDealtWith(t *testing.T) {
	c, path, _ := newClinic(t)
	c.Close()
	copyPath := path + "-wal.damaged-20261206T101500Z"
	os.WriteFile(copyPath, []byte("a log as found"), 0o600)
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	mustSignIn(t, c2, "amanager", managerPassword)
	if _, err := c2.Verify(false); err == nil || !strings.Contains(err.Error(), copyPath) {
		t.Fatalf("verify passed with a damaged log on record: %v", err)
	}
	os.Remove(copyPath)
	if _, err := c2.Verify(false); err != nil {
		t.Fatalf("verify once the copy is deleted: %v", err)
	}
}
