package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SQLite reads its write-ahead log (clinic.db-wal) only up to the first
// frame whose checksum fails, and treats the rest as a write a crash cut
// short: a damaged byte in the middle of the log silently drops every
// change saved after it. So before SQLite opens the file, the log is read
// here the way SQLite will read it (https://sqlite.org/fileformat2.html,
// "WAL file format"), and a whole frame of this log's generation that
// fails its checksum is named, with a copy of the log kept aside before
// SQLite tidies it away. A kill mid-write leaves no such frame (the frames
// of a transaction are written in order, and a frame cut short is not
// whole); a power cut can, in the one transaction that was never confirmed.

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682
	walMagicBE         = 0x377f0683
)

// WALDamage says the write-ahead log was damaged when the file was opened:
// the changes from frame Frame on could not be read back. Copy is where the
// log was kept as found.
type WALDamage struct {
	Path  string
	Frame int
	Copy  string
}

func (d *WALDamage) Error() string {
	return fmt.Sprintf("the clinic file's write-ahead log (%s) was damaged from change %d on, so what was saved after that point could not be read back (a copy of the log as found is kept as %s). "+
		"Check the last things saved; if any are missing, restore from the newest backup. Delete the copy once this is dealt with",
		d.Path, d.Frame, d.Copy)
}

// checkWAL reads the log beside path; a nil result is a sound log (or none).
func checkWAL(path string) (*WALDamage, error) {
	walPath := path + "-wal"
	b, err := os.ReadFile(walPath)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(b) == 0) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	bad := firstBadFrame(b)
	if bad == 0 {
		return nil, nil
	}
	copyPath := fmt.Sprintf("%s.damaged-%s", walPath, time.Now().UTC().Format("20060102T150405Z"))
	if err := writeAtomic(copyPath, b); err != nil {
		return nil, fmt.Errorf("keep a copy of the damaged write-ahead log %s: %w", walPath, err)
	}
	return &WALDamage{Path: walPath, Frame: bad, Copy: copyPath}, nil
}

// firstBadFrame returns the number (from 1) of the first frame of the
// log's current generation that SQLite will not read although a commit
// comes after it: 0 when there is none. Frames after the last commit that
// do not follow on are no loss: they are a transaction a crash cut short,
// or left from one, never confirmed to anyone. A damaged header with
// frames behind it is frame 1: SQLite would drop them all.
func firstBadFrame(b []byte) int {
	if len(b) < walHeaderSize {
		return 0
	}
	var order binary.ByteOrder
	switch binary.BigEndian.Uint32(b[0:4]) {
	case walMagicLE:
		order = binary.LittleEndian
	case walMagicBE:
		order = binary.BigEndian
	default:
		return headerBad(b)
	}
	pageSize := int(binary.BigEndian.Uint32(b[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return headerBad(b)
	}
	frameSize := walFrameHeaderSize + pageSize
	s0, s1 := walChecksum(order, b[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(b[24:28]) || s1 != binary.BigEndian.Uint32(b[28:32]) {
		return headerBad(b)
	}
	salt := string(b[16:24])
	frames := (len(b) - walHeaderSize) / frameSize
	frame := func(n int) []byte { off := walHeaderSize + (n-1)*frameSize; return b[off : off+frameSize] }
	for n := 1; n <= frames; n++ {
		f := frame(n)
		ok := string(f[8:16]) == salt
		if ok {
			s0, s1 = walChecksum(order, f[:8], s0, s1)
			s0, s1 = walChecksum(order, f[walFrameHeaderSize:], s0, s1)
			ok = s0 == binary.BigEndian.Uint32(f[16:20]) && s1 == binary.BigEndian.Uint32(f[20:24])
		}
		if ok {
			continue
		}
		// SQLite stops here. Is a commit of this generation lost with it?
		for m := n; m <= frames; m++ {
			if g := frame(m); string(g[8:16]) == salt && binary.BigEndian.Uint32(g[4:8]) != 0 {
				return n
			}
		}
		return 0
	}
	return 0
}

// headerBad: a header SQLite cannot use loses every frame behind it.
func headerBad(b []byte) int {
	if len(b) > walHeaderSize {
		return 1
	}
	return 0
}

// walChecksum is SQLite's WAL checksum, carried on from s0, s1.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}

// DamagedWALCopies lists the copies of a damaged write-ahead log kept
// beside the clinic file at path: each stands for changes that could not
// be read back, until a manager has dealt with it and deleted the copy.
func DamagedWALCopies(path string) []string {
	found, _ := filepath.Glob(globEscape(path) + "-wal.damaged-*")
	return found
}

// globEscape keeps a path's own *, ? and [ from acting as patterns.
func globEscape(p string) string {
	r := strings.NewReplacer("*", "[*]", "?", "[?]", "[", "[[]")
	return r.Replace(p)
}
