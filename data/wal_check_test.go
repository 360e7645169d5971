package data

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// walSnapshot saves n settings, one transaction each, and copies the clinic
// file and its write-ahead log (not yet checkpointed) elsewhere, as a
// crash would leave them. It returns the copy's path and the log's bytes.
func walSnapshot(t *testing.T, n int) (string, DataKey, []byte) {
	t.Helper()
	s, key, path := newStore(t)
	for i := 0; i < n; i++ {
		if err := s.Write(func(tx *Tx) error { return tx.SetSetting("k"+strconv.Itoa(i), "v") }); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "clinic.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(copyPath+suffix, b, 0o600)
	}
	wal, _ := os.ReadFile(copyPath + "-wal")
	if firstBadFrame(wal) != 0 {
		t.Fatal("a sound log is taken for a damaged one")
	}
	return copyPath, key, wal
}

// A damaged byte in the middle of the log, which SQLite would take as the
// log's end (dropping the changes saved after it), is named at open and
// the log is kept as found.
func TestDamagedWriteAheadLogIsNamedAndKept(t *testing.T) {
	path, key, wal := walSnapshot(t, 8)
	frameSize := walFrameHeaderSize + pageSize
	frames := (len(wal) - walHeaderSize) / frameSize
	if frames < 8 {
		t.Fatalf("only %d frames in the log", frames)
	}
	at := walHeaderSize + (frames/2)*frameSize + walFrameHeaderSize + 100
	wal[at] ^= 0x40
	os.WriteFile(path+"-wal", wal, 0o600)

	s, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := s.WALDamage()
	if d == nil || d.Frame != frames/2+1 {
		t.Fatalf("the damage was not found where it is: %+v", d)
	}
	var we *WALDamage
	if !errors.As(error(d), &we) || !strings.Contains(d.Error(), "restore from the newest backup") {
		t.Fatalf("message: %v", d)
	}
	kept, err := os.ReadFile(d.Copy)
	if err != nil || string(kept) != string(wal) {
		t.Fatalf("the log was not kept as found: %v", err)
	}
	if got := DamagedWALCopies(path); len(got) != 1 || got[0] != d.Copy {
		t.Fatalf("copies found: %v", got)
	}
}

// A transaction a kill cut short (frames with no commit after them, or a
// frame only half written) is no damage.
func TestTransactionCutShortIsNotDamage(t *testing.T) {
	path, key, wal := walSnapshot(t, 4)
	frameSize := walFrameHeaderSize + pageSize
	// A frame of an unconfirmed transaction whose checksum does not
	// follow on, and half a frame after it.
	extra := make([]byte, frameSize+frameSize/2)
	copy(extra[8:16], wal[16:24]) // this generation's salt; commit field 0
	os.WriteFile(path+"-wal", append(wal, extra...), 0o600)
	s, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d := s.WALDamage(); d != nil {
		t.Fatalf("a transaction cut short was taken for damage: %v", d)
	}
	if len(DamagedWALCopies(path)) != 0 {
		t.Fatal("a copy was kept")
	}
}
