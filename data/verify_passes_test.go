package data

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// With the log emptied into the file, verify's structural and chain
// passes read through a connection that cannot write and has the
// engine's HMAC check off; the pool keeps its check.
func TestVerifyReadsUncheckedOnlyThroughAReadOnlyConnection(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 20)
	if walEmpty(path) {
		t.Fatal("the writes left nothing in the log")
	}
	r := s.uncheckedReader()
	if r == nil {
		t.Fatal("no unchecked reader on an idle store")
	}
	defer r.db.Close()
	if !walEmpty(path) {
		t.Fatal("the log was not emptied into the file first")
	}
	if _, err := r.db.Exec("INSERT INTO settings (key, value) VALUES ('x', 'y')"); err == nil {
		t.Fatal("the unchecked reader could write")
	}
	w := s.CheckWholeFile(false)
	if w.Cipher != nil || w.Structure != nil || w.Chain != nil || w.AuditRows != 20 || !w.EngineHMACOff {
		t.Fatalf("a sound file: %+v", w)
	}
}

// A page changed in the write-ahead log, which the page pass does not
// read, is found: the engine checks each page it moves from the log into
// the file, so the log cannot be emptied, and the passes read with the
// engine's check.
func TestVerifyFindsAPageChangedInTheLog(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 20)
	wal := path + "-wal"
	b, err := os.ReadFile(wal)
	if err != nil || len(b) < walHeaderSize+walFrameHeaderSize+pageSize {
		t.Fatalf("log: %d bytes, %v", len(b), err)
	}
	// The last frame is its page's newest version, the one the file gets.
	b[len(b)-pageSize+100] ^= 0x01
	if err := os.WriteFile(wal, b, 0o600); err != nil {
		t.Fatal(err)
	}
	w := s.CheckWholeFile(false)
	if w.EngineHMACOff || (w.Cipher == nil && w.Structure == nil && w.Chain == nil) {
		t.Fatalf("a page changed in the log passed: %+v", w)
	}
}

// With the engine's check off, a page whose HMAC was changed in the file
// reads as if sound (which shows the check is off), and the page pass
// finds it.
func TestVerifyFindsAPageChangedInTheFileWithTheEngineCheckOff(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 20)
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(b) / pageSize
	b[(pages-1)*pageSize+pageSize-pageHMACLen+5] ^= 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s.ForgetCachedPages()
	w := s.CheckWholeFile(false)
	if !w.EngineHMACOff || w.Structure != nil || w.Chain != nil {
		t.Fatalf("the structural and chain passes did not read with the engine's check off: %+v", w)
	}
	if w.Cipher == nil || !strings.Contains(w.Cipher.Error(), fmt.Sprintf("page %d fails its HMAC check", pages)) {
		t.Fatalf("a page changed in the file passed: %+v", w)
	}
	if err := s.StructureCheck(false); err == nil {
		t.Fatal("the pool read the changed page: its engine check is off too")
	}
}
