package data

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"
)

// The audit anchor keeps the chain's head outside the clinic file, in
// clinic.db.anchor beside it, so that rows cut from the end of the trail
// (with the head rewound to match) or an older copy of the clinic file put
// back in place are noticed by verify.
//
// What protects against what:
//   - The hash chain (audit.go): a row edited, removed or moved in the
//     middle of the trail.
//   - The append-only triggers, checked by verify (CheckAuditTriggers):
//     an UPDATE or DELETE on the trail through ClinicDesk's own code paths.
//   - The anchor file: the tail cut off and the head rewound, or the file
//     replaced by an older copy of itself. Its MAC is keyed by a random
//     secret kept inside the encrypted clinic file, so someone without a
//     password cannot make an anchor that verifies; it is never written
//     over while the trail does not pass through it, and missing once the
//     clinic has started one it is reported, not made again.
//   - The heads in the backups' manifests (CheckBackupHeads): the same
//     rewind, checked against copies that may be out of reach (a USB
//     stick taken home).
//
// None of this stops someone who holds a password and the files: every
// user's password unwraps the same data key, which opens the file and its
// secret, so such a person can rewrite the trail, its head and the anchor
// consistently. Backups kept away from the PC are what they cannot reach.
//
// The secret is random and kept in the file rather than derived from the
// data key, so that rotating the data key never makes a good anchor look
// forged; it gives the same protection, as both are open to whoever can
// open the file.

const (
	settingAnchorKey = "audit_anchor_key"
	settingAnchorSeq = "audit_anchor_seq"
	// anchorEvery is how many audit rows may be written before the anchor
	// is moved up. The anchor is a small synced file; writing it on every
	// write would double the cost of a booking.
	anchorEvery  = 50
	anchorFormat = 1
)

// anchorActions move the anchor up when they start a transaction: the
// trail as it stood when someone signed out or locked the screen.
var anchorActions = map[string]bool{"sign_out": true, "lock": true}

// AnchorPath is the audit anchor of a clinic file.
func AnchorPath(dbPath string) string { return dbPath + ".anchor" }

type anchorFile struct {
	Format int    `json:"format"`
	Seq    int64  `json:"seq"`
	Hash   string `json:"hash"`
	MAC    string `json:"mac"`
}

func anchorMAC(secret []byte, seq int64, hash string) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("clinicdesk audit anchor|" + strconv.FormatInt(seq, 10) + "|" + hash))
	return hex.EncodeToString(h.Sum(nil))
}

func anchorBytes(secret []byte, seq int64, hash string) ([]byte, error) {
	return json.Marshal(anchorFile{Format: anchorFormat, Seq: seq, Hash: hash, MAC: anchorMAC(secret, seq, hash)})
}

// anchorSecret reads the clinic file's anchor secret (nil: none yet).
func anchorSecret(q querier) ([]byte, error) {
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingAnchorKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) != 32 {
		return nil, errors.New("the audit anchor's key in the clinic file is damaged")
	}
	return b, nil
}

// hashAt is the hash of audit row seq ("" if there is none; row 0 is the
// genesis).
func hashAt(q querier, seq int64) (string, error) {
	if seq == 0 {
		return GenesisHash, nil
	}
	var h string
	err := q.QueryRow(`SELECT hash FROM audit WHERE seq = ?`, seq).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return h, err
}

// mainPath is the file the connection's main database is in.
func mainPath(q querier) (string, error) {
	var seq int
	var name, file string
	err := q.QueryRow(`SELECT seq, name, file FROM pragma_database_list WHERE name = 'main'`).Scan(&seq, &name, &file)
	return file, err
}

// maybeAnchor runs as a transaction appends its first audit row, with the
// head as last committed: every anchorEvery rows, or when action is one of
// anchorActions, the anchor is moved up to it. A transaction that rolls
// back leaves a correct anchor, since the head it records was already
// committed. Failing to write the anchor never fails the write: verify
// finds an anchor that lags, or one that no longer fits.
func (t *Tx) maybeAnchor(action string) {
	var anchored int64 = -1
	var v string
	if err := t.tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, settingAnchorSeq).Scan(&v); err == nil {
		anchored, _ = strconv.ParseInt(v, 10, 64)
	}
	if anchored >= 0 && t.auditSeq-anchored < anchorEvery && !anchorActions[action] {
		return
	}
	if anchored == t.auditSeq {
		return
	}
	path, err := mainPath(t.tx)
	if err != nil || path == "" {
		return
	}
	secret, err := anchorSecret(t.tx)
	if err != nil {
		return
	}
	if secret == nil {
		// The clinic's first anchor: its secret goes in with this
		// transaction, after the file is written (see CheckAuditAnchor
		// for a file whose secret never arrived).
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return
		}
		if writeAnchor(AnchorPath(path), secret, t.auditSeq, t.auditHash) != nil {
			return
		}
		t.tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)`, settingAnchorKey, hex.EncodeToString(secret))
	} else if err := advanceAnchor(t.tx, AnchorPath(path), secret, t.auditSeq, t.auditHash); err != nil {
		return
	}
	t.tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		settingAnchorSeq, strconv.FormatInt(t.auditSeq, 10))
}

// advanceAnchor moves the anchor at path up to (seq, hash), but only from
// an anchor the trail still passes through: one that is missing, altered
// or no longer fits is left for verify to report.
func advanceAnchor(q querier, path string, secret []byte, seq int64, hash string) error {
	if err := checkAnchor(q, path, secret, seq); err != nil {
		return err
	}
	return writeAnchor(path, secret, seq, hash)
}

// AnchorError says what is wrong with the audit anchor, naming its file.
type AnchorError struct {
	Path    string
	Problem string
}

func (e *AnchorError) Error() string { return fmt.Sprintf("the audit anchor %s %s", e.Path, e.Problem) }

// readAnchor reads and checks the anchor file's MAC (secret nil: the MAC
// cannot be checked).
func readAnchor(path string, secret []byte) (anchorFile, error) {
	var a anchorFile
	b, err := os.ReadFile(path)
	if err != nil {
		return a, err
	}
	if json.Unmarshal(b, &a) != nil || a.Format != anchorFormat || len(a.Hash) != len(GenesisHash) {
		return a, &AnchorError{Path: path, Problem: "is damaged (it cannot be read)"}
	}
	if secret != nil && !hmac.Equal([]byte(a.MAC), []byte(anchorMAC(secret, a.Seq, a.Hash))) {
		return a, &AnchorError{Path: path, Problem: "was altered, or belongs to another clinic file (its check does not match)"}
	}
	return a, nil
}

// checkAnchor checks that the trail, whose head is row head, passes
// through the anchor at path.
func checkAnchor(q querier, path string, secret []byte, head int64) error {
	a, err := readAnchor(path, secret)
	if errors.Is(err, fs.ErrNotExist) {
		if secret == nil {
			return nil // never anchored yet
		}
		return &AnchorError{Path: path, Problem: "is missing: it is kept beside the clinic file and records how far the audit trail had got. " +
			"If the clinic file was copied here without it, copy it too; otherwise rows may have been cut from the end of the trail"}
	}
	if err != nil {
		var ae *AnchorError
		if errors.As(err, &ae) {
			return err
		}
		return &AnchorError{Path: path, Problem: fmt.Sprintf("cannot be read: %v", err)}
	}
	if a.Seq > head {
		return &AnchorError{Path: path, Problem: fmt.Sprintf("records the audit trail up to row %d, but the trail now ends at row %d: "+
			"rows were cut from its end, or an older copy of the clinic file was put in place", a.Seq, head)}
	}
	got, err := hashAt(q, a.Seq)
	if err != nil {
		return err
	}
	if got != a.Hash {
		return &AnchorError{Path: path, Problem: fmt.Sprintf("does not match row %d of the audit trail: the trail was rewritten from there, "+
			"or the clinic file is another copy", a.Seq)}
	}
	return nil
}

// writeAnchor writes the anchor atomically: a temp file, fsync, rename,
// fsync the folder, owner-only.
func writeAnchor(path string, secret []byte, seq int64, hash string) error {
	b, err := anchorBytes(secret, seq, hash)
	if err != nil {
		return err
	}
	return writeAtomic(path, b)
}

// AnchorAudit moves the anchor up to the trail's head now (a backup, or
// the app closing). Like the anchoring of writes it never moves an anchor
// that no longer fits.
func (s *Store) AnchorAudit() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.anchorLocked()
}

func (s *Store) anchorLocked() error {
	secret, err := anchorSecret(s.db)
	if err != nil || secret == nil {
		return err // the next write starts the anchor, with its secret
	}
	seq, hash, err := s.AuditHead()
	if err != nil {
		return err
	}
	return advanceAnchor(s.db, AnchorPath(s.path), secret, seq, hash)
}

// anchorForHead is the anchor file for this clinic file's head (nil when
// it has never been anchored): what a restore puts beside the file it
// restores.
func (s *Store) anchorForHead() ([]byte, error) {
	secret, err := anchorSecret(s.db)
	if err != nil || secret == nil {
		return nil, err
	}
	seq, hash, err := s.AuditHead()
	if err != nil {
		return nil, err
	}
	return anchorBytes(secret, seq, hash)
}

// AnchorReport is what CheckAuditAnchor found.
type AnchorReport struct {
	Anchored bool  // an anchor was there and checked
	Seq      int64 // the row it records
}

// CheckAuditAnchor checks that the audit trail passes through the anchor
// beside the clinic file and does not end before it. Run it after
// VerifyAudit, which checks the trail itself up to its head.
//
// A clinic file with no anchor secret has never been anchored (made by an
// earlier version, or a crash lost the transaction that would have stored
// the secret); an anchor found beside it is checked for where it stands,
// though its MAC cannot be.
func (s *Store) CheckAuditAnchor() (AnchorReport, error) {
	secret, err := anchorSecret(s.db)
	if err != nil {
		return AnchorReport{}, err
	}
	head, _, err := s.AuditHead()
	if err != nil {
		return AnchorReport{}, err
	}
	path := AnchorPath(s.path)
	if err := checkAnchor(s.db, path, secret, head); err != nil {
		return AnchorReport{}, err
	}
	a, err := readAnchor(path, secret)
	if err != nil {
		return AnchorReport{}, nil // none yet, and none expected
	}
	return AnchorReport{Anchored: true, Seq: a.Seq}, nil
}

// ResetAuditAnchor starts the anchor again at the trail's head, after a
// manager has looked into why the old one did not fit (for example the
// clinic file was copied without it). The old anchor is kept beside as
// .anchor.replaced-<time>. The caller records this in the audit trail.
func (s *Store) ResetAuditAnchor() (old string, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	path := AnchorPath(s.path)
	if b, err := os.ReadFile(path); err == nil {
		old = string(b)
		if err := os.Rename(path, path+".replaced-"+time.Now().UTC().Format("20060102T150405Z")); err != nil {
			return old, err
		}
	}
	secret, err := anchorSecret(s.db)
	if err != nil {
		return old, err
	}
	seq, hash, err := s.AuditHead()
	if err != nil {
		return old, err
	}
	if secret == nil {
		return old, nil // the next write starts it
	}
	return old, writeAnchor(path, secret, seq, hash)
}
