package data

import (
	"bytes"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha512"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"strings"
	"time"
)

// Engine is what encrypts the clinic file, read back from SQLite itself.
type Engine struct {
	SQLite    string // e.g. 3.51.2
	Sqlite3mc string // e.g. SQLite3 Multiple Ciphers 2.2.7
	Scheme    string // the cipher scheme in use: sqlcipher
	Legacy    int    // its version: 4
}

func (e Engine) String() string {
	return fmt.Sprintf("%s, SQLite %s, cipher scheme %s v%d (AES-256-CBC, HMAC-SHA512)", e.Sqlite3mc, e.SQLite, e.Scheme, e.Legacy)
}

type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

// readEngine asks the connection which engine and scheme it uses. Each
// answer must be there: SQLCipher's own pragmas (cipher_version,
// cipher_integrity_check) return nothing here, so a guard on them would
// pass on a file with no encryption at all.
func readEngine(db queryer) (Engine, error) {
	var e Engine
	if err := db.QueryRow("SELECT sqlite3mc_version(), sqlite_version()").Scan(&e.Sqlite3mc, &e.SQLite); err != nil {
		if strings.Contains(err.Error(), "no such function") {
			return e, ErrNotEncrypted
		}
		return e, err
	}
	if err := db.QueryRow("PRAGMA cipher").Scan(&e.Scheme); err != nil {
		return e, err
	}
	if err := db.QueryRow("PRAGMA legacy").Scan(&e.Legacy); err != nil {
		return e, err
	}
	if !strings.EqualFold(e.Scheme, cipherScheme) || e.Legacy != cipherLegacy {
		return e, fmt.Errorf("%w: the engine uses cipher %q version %d, not %s version %d", ErrNotEncrypted, e.Scheme, e.Legacy, cipherScheme, cipherLegacy)
	}
	return e, nil
}

// readSalt is the salt the open connection encrypts with, which SQLCipher
// keeps in the file's first 16 bytes; no salt means no encryption.
func readSalt(db queryer) ([]byte, error) {
	var salt sql.NullString
	if err := db.QueryRow("SELECT sqlite3mc_codec_data('cipher_salt')").Scan(&salt); err != nil {
		return nil, err
	}
	if !salt.Valid || salt.String == "" {
		return nil, ErrNotEncrypted
	}
	return hex.DecodeString(salt.String)
}

// checkOnDisk looks at the file itself: it must not start with SQLite's
// plaintext header, and its first 16 bytes must be the salt the engine
// says it encrypts with.
func checkOnDisk(path string, salt []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil {
		return fmt.Errorf("%w: %s has no first page on disk (%v)", ErrNotEncrypted, path, err)
	}
	if bytes.Equal(head, sqliteHeader) || !bytes.Equal(head, salt) {
		return ErrNotEncrypted
	}
	return nil
}

// SQLCipher 4's page layout: every page ends with a 16-byte IV and a
// 64-byte HMAC-SHA512 of its ciphertext, IV and page number; page 1 begins
// with the 16-byte salt.
const (
	pageIVLen     = 16
	pageHMACLen   = 64
	pageReserve   = pageIVLen + pageHMACLen
	cipherSaltLen = 16
)

// lockBytePage is never written, in a file over 1 GiB.
const lockBytePage = 0x40000000/pageSize + 1

// hmacKey derives the page HMAC key from the raw data key as SQLCipher 4
// does: PBKDF2-HMAC-SHA512, 2 rounds, over the salt XOR 0x3a.
func hmacKey(key DataKey, salt []byte) ([]byte, error) {
	masked := make([]byte, len(salt))
	for i, b := range salt {
		masked[i] = b ^ 0x3a
	}
	return pbkdf2.Key(sha512.New, string(key[:]), masked, 2, 32)
}

// pageMAC checks pages' HMACs with one keyed hash, reset for each page:
// keying a new one per page (600,000 of them at 100,000 patients) cost
// about a tenth of the page pass in key set-up and garbage.
type pageMAC struct {
	h   hash.Hash
	sum [pageHMACLen]byte
}

func newPageMAC(key []byte) *pageMAC { return &pageMAC{h: hmac.New(sha512.New, key)} }

// ok checks one page's HMAC.
func (m *pageMAC) ok(page []byte, pgno uint32) bool {
	offset := 0
	if pgno == 1 {
		offset = cipherSaltLen
	}
	n := len(page) - pageReserve
	m.h.Reset()
	m.h.Write(page[offset : n+pageIVLen])
	var pn [4]byte
	binary.LittleEndian.PutUint32(pn[:], pgno)
	m.h.Write(pn[:])
	return hmac.Equal(m.h.Sum(m.sum[:0]), page[n+pageIVLen:])
}

// checkPageHMACs reads every page of the file at path, in-use or free,
// and checks its HMAC with the data key, apart from the engine: it is what
// SQLCipher's cipher_integrity_check did. A plaintext file, a page changed
// without the key or a file under another key fails. A page that fails is
// read again once after a pause, since a checkpoint may be writing it.
func checkPageHMACs(path string, key DataKey) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	page := make([]byte, pageSize)
	if _, err := io.ReadFull(f, page); err != nil {
		return fmt.Errorf("%w: %s has no whole first page (%v)", ErrNotEncrypted, path, err)
	}
	if bytes.Equal(page[:len(sqliteHeader)], sqliteHeader) {
		return ErrNotEncrypted
	}
	macKey, err := hmacKey(key, page[:cipherSaltLen])
	if err != nil {
		return err
	}
	mac := newPageMAC(macKey)
	var bad []string
	nbad, retries := 0, 0
	buf := make([]byte, 64*pageSize)
	for off := int64(0); ; {
		n, err := f.ReadAt(buf, off)
		for i := 0; i+pageSize <= n; i += pageSize {
			pgno := uint32((off+int64(i))/pageSize) + 1
			p := buf[i : i+pageSize]
			if pgno == lockBytePage || mac.ok(p, pgno) {
				continue
			}
			// Once a page is found bad, the rest are not waited for.
			if nbad == 0 && retries < 3 {
				retries++
				time.Sleep(50 * time.Millisecond)
				again := make([]byte, pageSize)
				if _, rerr := f.ReadAt(again, int64(pgno-1)*pageSize); rerr == nil && mac.ok(again, pgno) {
					continue
				}
			}
			nbad++
			if len(bad) < 5 {
				bad = append(bad, fmt.Sprintf("page %d fails its HMAC check", pgno))
			}
		}
		off += int64(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	if nbad > len(bad) {
		bad = append(bad, fmt.Sprintf("%d pages in all", nbad))
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s", strings.Join(bad, "; "))
	}
	return nil
}

// Versions reports the engine compiled into this binary, read back from a
// throw-away encrypted file: sqlite3mc's version, SQLite's, and the scheme
// a clinic file is written with. It fails if that file is not encrypted.
func Versions() (Engine, error) {
	dir, err := os.MkdirTemp("", "clinicdesk-engine-")
	if err != nil {
		return Engine{}, err
	}
	defer os.RemoveAll(dir)
	key, err := NewDataKey()
	if err != nil {
		return Engine{}, err
	}
	path := dir + string(os.PathSeparator) + "probe.db"
	d, err := dsn(path, key)
	if err != nil {
		return Engine{}, err
	}
	db, err := sql.Open(driverName, d)
	if err != nil {
		return Engine{}, err
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE probe (x); PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return Engine{}, err
	}
	e, err := readEngine(db)
	if err != nil {
		return e, err
	}
	salt, err := readSalt(db)
	if err != nil {
		return e, err
	}
	return e, checkOnDisk(path, salt)
}
