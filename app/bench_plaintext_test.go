package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"clinicdesk/data"
)

// The bench's plaintext twin is a real, unencrypted copy holding the same
// data, which the app itself refuses to open as a clinic, never made in
// the clinic's folder, and deleted when closed.
func TestBenchPlaintextTwin(t *testing.T) {
	path := copyFixture(t)
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SignIn("manager", fixtureManagerPass); err != nil {
		t.Fatal(err)
	}
	if _, err := c.BenchPlaintextTwin(filepath.Dir(path)); err == nil {
		t.Fatal("the plaintext copy was made in the clinic's own folder")
	}
	dir := t.TempDir()
	twin, err := c.BenchPlaintextTwin(dir)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, PlaintextTwinName)
	head := make([]byte, 16)
	f, err := os.Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	f.Read(head)
	f.Close()
	if !bytes.Equal(head, []byte("SQLite format 3\x00")) {
		t.Fatalf("the twin is not plain SQLite: % x", head)
	}
	if _, err := data.Open(copyPath, c.key); !errors.Is(err, data.ErrNotEncrypted) {
		t.Fatalf("the store opened the plaintext copy as a clinic: %v", err)
	}
	if _, err := data.OpenPlaintextForBench(path); err == nil {
		t.Fatal("the plaintext opener opened the encrypted clinic file")
	}
	// The same rows, the same search index, the same diary.
	checkFixtureTables(t, twin)
	found, err := twin.SearchPatients("ahmed", false, 10)
	if err != nil || len(found) != 1 || found[0].NHSNumber != "9992350717" {
		t.Fatalf("the twin's name search found %+v (%v)", found, err)
	}
	if err := twin.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("closing the twin left %v", left)
	}
	// The clinic itself is untouched and still verifies.
	if _, err := c.Verify(false); err != nil {
		t.Fatal(err)
	}
}
