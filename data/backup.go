package data

import (
	"archive/tar"
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// A backup is one file: a tar archive holding the encrypted clinic file
// (an online copy made with sqlcipher_export, under the same data key), the
// keyring (wrapped keys only) and a manifest. Nothing in it is plaintext
// patient data.

const (
	backupDBName       = "clinic.db"
	backupKeyringName  = "clinic.keyring"
	backupManifestName = "manifest.json"
)

// Manifest describes a backup. Its MAC, keyed from the data key, shows it
// was written by someone holding that key and has not been altered.
type Manifest struct {
	Format        int               `json:"format"`
	CreatedAt     time.Time         `json:"created_at"`
	AppVersion    string            `json:"app_version"`
	SchemaVersion int               `json:"schema_version"`
	ClinicID      string            `json:"clinic_id"`
	AuditSeq      int64             `json:"audit_seq"`
	AuditHead     string            `json:"audit_head"`
	RowCounts     map[string]int64  `json:"row_counts"`
	SHA256        map[string]string `json:"sha256"`
	MAC           string            `json:"mac"`
}

func manifestMAC(m Manifest, key DataKey) (string, error) {
	m.MAC = ""
	body, err := json.Marshal(m)
	if err != nil {
		return "", err
	}
	macKey, err := hkdf.Key(sha256.New, key[:], nil, "clinicdesk backup manifest", 32)
	if err != nil {
		return "", err
	}
	h := hmac.New(sha256.New, macKey)
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Backup writes an archive of the clinic file to out, atomically, and then
// verifies it by opening the copy. The keyring bytes come from the caller,
// who holds the current keyring.
func (s *Store) Backup(out string, key DataKey, keyring []byte, clinicID, appVersion string) (Manifest, error) {
	work, err := os.MkdirTemp(filepath.Dir(out), ".clinicdesk-backup-*")
	if err != nil {
		return Manifest{}, fmt.Errorf("cannot write in the backup folder: %w", err)
	}
	defer os.RemoveAll(work)
	os.Chmod(work, 0o700)
	copyPath := filepath.Join(work, backupDBName)

	// One statement, one read transaction: a consistent snapshot even while
	// others write. The copy is encrypted under the same data key.
	s.writeMu.Lock()
	seq, head, err := s.AuditHead()
	if err == nil {
		_, err = s.db.Exec(`ATTACH DATABASE ? AS backup KEY ?`, copyPath, key.pragma())
	}
	if err == nil {
		err = exportInto(s.db)
		if derr := detach(s.db); err == nil {
			err = derr
		}
	}
	s.writeMu.Unlock()
	if err != nil {
		return Manifest{}, fmt.Errorf("copy the clinic file: %w", err)
	}
	if err := checkHeader(copyPath); err != nil {
		return Manifest{}, err
	}
	counts, err := s.RowCounts()
	if err != nil {
		return Manifest{}, err
	}
	dbSum, err := fileSHA256(copyPath)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Format: 1, CreatedAt: time.Now().UTC(), AppVersion: appVersion, SchemaVersion: SchemaVersion(),
		ClinicID: clinicID, AuditSeq: seq, AuditHead: head, RowCounts: counts,
		SHA256: map[string]string{backupDBName: dbSum, backupKeyringName: sha256Hex(keyring)}}
	if m.MAC, err = manifestMAC(m, key); err != nil {
		return Manifest{}, err
	}
	manifest, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return Manifest{}, err
	}
	if err := writeBackupArchive(out, m.CreatedAt, manifest, keyring, copyPath); err != nil {
		return Manifest{}, fmt.Errorf("write the backup: %w", err)
	}
	if _, err := VerifyBackup(out, key); err != nil {
		os.Remove(out)
		return Manifest{}, fmt.Errorf("the backup was written but did not verify, so it was removed: %w", err)
	}
	return m, nil
}

// writeBackupArchive streams the archive to a temp file beside out, syncs
// it and renames it into place, so a half-written backup never has the
// final name.
func writeBackupArchive(out string, at time.Time, manifest, keyring []byte, dbPath string) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	tw := tar.NewWriter(tmp)
	add := func(name string, size int64, body io.Reader) error {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: size, ModTime: at, Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		_, err := io.Copy(tw, body)
		return err
	}
	if err := add(backupManifestName, int64(len(manifest)), bytes.NewReader(manifest)); err != nil {
		return err
	}
	if err := add(backupKeyringName, int64(len(keyring)), bytes.NewReader(keyring)); err != nil {
		return err
	}
	db, err := os.Open(dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stat()
	if err != nil {
		return err
	}
	if err := add(backupDBName, st.Size(), db); err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return err
	}
	return syncDir(filepath.Dir(out))
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// exportInto copies the main database into the attached "backup" one.
// sqlcipher_export copies schema and rows but not user_version, which
// says which migrations the copy has.
func exportInto(db *sql.DB) error {
	var version int
	if err := db.QueryRow(`PRAGMA main.user_version`).Scan(&version); err != nil {
		return err
	}
	if _, err := db.Exec(`SELECT sqlcipher_export('backup')`); err != nil {
		return err
	}
	_, err := db.Exec("PRAGMA backup.user_version = " + strconv.Itoa(version))
	return err
}

func detach(db *sql.DB) error {
	_, err := db.Exec(`DETACH DATABASE backup`)
	return err
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// backupArchive is a backup's manifest and keyring, and where its clinic
// file was unpacked to (when asked for).
type backupArchive struct {
	manifest Manifest
	keyring  []byte
	dbPath   string
}

// readBackup checks a backup's structure and checksums. With unpackDir set
// it writes the clinic file (still encrypted) there.
func readBackup(path, unpackDir string) (*backupArchive, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a := &backupArchive{}
	seen := map[string]string{}
	var manifest []byte
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s is not a ClinicDesk backup (or it is damaged): %v", path, err)
		}
		hash := sha256.New()
		switch h.Name {
		case backupManifestName, backupKeyringName:
			b, err := io.ReadAll(io.LimitReader(tr, 16<<20))
			if err != nil {
				return nil, fmt.Errorf("the backup %s is damaged: %v", path, err)
			}
			hash.Write(b)
			if h.Name == backupManifestName {
				manifest = b
			} else {
				a.keyring = b
			}
		case backupDBName:
			var w io.Writer = hash
			if unpackDir != "" {
				a.dbPath = filepath.Join(unpackDir, backupDBName)
				out, err := os.OpenFile(a.dbPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
				if err != nil {
					return nil, err
				}
				defer out.Close()
				w = io.MultiWriter(hash, out)
			}
			if _, err := io.Copy(w, tr); err != nil {
				return nil, fmt.Errorf("the backup %s is damaged: %v", path, err)
			}
		default:
			continue
		}
		seen[h.Name] = hex.EncodeToString(hash.Sum(nil))
	}
	for _, n := range []string{backupDBName, backupKeyringName, backupManifestName} {
		if _, ok := seen[n]; !ok {
			return nil, fmt.Errorf("%s is not a ClinicDesk backup: it has no %s", path, n)
		}
	}
	if err := json.Unmarshal(manifest, &a.manifest); err != nil || a.manifest.Format != 1 {
		return nil, fmt.Errorf("the backup %s has a damaged manifest", path)
	}
	for _, name := range []string{backupDBName, backupKeyringName} {
		if seen[name] != a.manifest.SHA256[name] {
			return nil, fmt.Errorf("the backup %s is damaged: %s does not match its checksum", path, name)
		}
	}
	return a, nil
}

// BackupKeyring reads the keyring saved in a backup, to unlock it with a
// user's password or the recovery key as it was when the backup was made.
func BackupKeyring(path string) (*Keyring, error) {
	a, err := readBackup(path, "")
	if err != nil {
		return nil, err
	}
	return ParseKeyring(path+"#keyring", a.keyring)
}

// VerifyBackup checks a backup without touching the live clinic file: the
// checksums, the manifest's MAC, then it opens the copy in a private temp
// folder and runs the integrity checks and the audit chain up to the head
// the manifest recorded. This is also the restore drill.
func VerifyBackup(path string, key DataKey) (Manifest, error) {
	dir, err := os.MkdirTemp("", "clinicdesk-verify-*")
	if err != nil {
		return Manifest{}, err
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o700)
	a, err := verifyUnpacked(path, key, dir, nil)
	if err != nil {
		return Manifest{}, err
	}
	return a.manifest, nil
}

// verifyUnpacked unpacks a backup into dir and checks it; the unpacked
// copy is left there for Restore to move into place.
func verifyUnpacked(path string, key DataKey, dir string, check func(*Store) error) (*backupArchive, error) {
	a, err := readBackup(path, dir)
	if err != nil {
		return nil, err
	}
	m := a.manifest
	mac, err := manifestMAC(m, key)
	if err != nil {
		return nil, err
	}
	if !hmac.Equal([]byte(mac), []byte(m.MAC)) {
		return nil, fmt.Errorf("the backup %s was not made with this clinic's key, or its manifest was altered", path)
	}
	st, err := Open(a.dbPath, key)
	if err != nil {
		return nil, fmt.Errorf("the backup's clinic file does not open: %w", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(false); err != nil {
		return nil, fmt.Errorf("the backup's clinic file is damaged: %w", err)
	}
	if _, err := st.VerifyAudit(); err != nil {
		return nil, fmt.Errorf("the backup's audit trail: %w", err)
	}
	seq, head, err := st.AuditHead()
	if err != nil {
		return nil, err
	}
	if seq != m.AuditSeq || head != m.AuditHead {
		return nil, fmt.Errorf("the backup's audit trail ends at row %d, but its manifest says %d", seq, m.AuditSeq)
	}
	if check != nil {
		if err := check(st); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// Restore puts a verified backup in place at dbPath (with its keyring).
// Whatever was there is kept beside it as *.before-restore-<time>, never
// deleted. check may refuse the backup after it is verified and before
// anything is moved. The caller holds dbPath's lock.
func Restore(archive, dbPath string, key DataKey, force bool, check func(*Store) error) (Manifest, error) {
	if _, err := os.Stat(dbPath); err == nil && !force {
		return Manifest{}, fmt.Errorf("a clinic file already exists at %s: add --force to replace it (the current one is kept beside it)", dbPath)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Manifest{}, err
	}
	// Unpack beside the target, so the final step is a rename on one disk.
	work, err := os.MkdirTemp(dir, ".clinicdesk-restore-*")
	if err != nil {
		return Manifest{}, err
	}
	defer os.RemoveAll(work)
	os.Chmod(work, 0o700)
	a, err := verifyUnpacked(archive, key, work, check)
	if err != nil {
		return Manifest{}, err
	}
	m := a.manifest
	newDB := a.dbPath
	newKR := filepath.Join(work, backupKeyringName)
	if err := writeFileAtomic(newKR, a.keyring, false); err != nil {
		return m, err
	}
	// Opening the copy to verify it may have left WAL files: fold them in.
	os.Remove(newDB + "-wal")
	os.Remove(newDB + "-shm")
	stamp := time.Now().UTC().Format("20060102T150405Z")
	// The old WAL and shared-memory files belong to the old file: leaving
	// them would make SQLite replay them into the restored one.
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm", KeyringPath(dbPath)} {
		if _, err := os.Stat(p); err == nil {
			if err := os.Rename(p, p+".before-restore-"+stamp); err != nil {
				return m, fmt.Errorf("move the current clinic file aside: %w", err)
			}
		}
	}
	if err := os.Rename(newKR, KeyringPath(dbPath)); err != nil {
		return m, err
	}
	if err := os.Rename(newDB, dbPath); err != nil {
		return m, err
	}
	return m, syncDir(dir)
}
