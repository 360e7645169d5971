package data

import (
	"archive/tar"
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"clinicdesk/app/backups"
)

// A backup is one file: a tar archive holding the encrypted clinic file
// (an online copy made with VACUUM INTO, under the same data key), the
// keyring (wrapped keys only) and a manifest. Nothing in it is plaintext
// patient data.

const (
	backupDBName       = "clinic.db"
	backupKeyringName  = "clinic.keyring"
	backupManifestName = "manifest.json"
)

func manifestMAC(m backups.Manifest, key DataKey) (string, error) {
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

// BackupExistsError: a file is already where a backup was to be written.
// A backup never replaces a file unless asked to (BackupReplacing).
type BackupExistsError struct{ Path string }

func (e *BackupExistsError) Error() string {
	return fmt.Sprintf("there is already a file at %s, and a backup never replaces one unless told to: choose another name", e.Path)
}

// Backup writes an archive of the clinic file to out and verifies it by
// opening the copy. It never replaces a file already at out. The keyring
// bytes come from the caller, who holds the current keyring.
func (s *Store) Backup(out string, key DataKey, keyring []byte, clinicID, appVersion string) (backups.Manifest, error) {
	return s.backup(out, key, keyring, clinicID, appVersion, false)
}

// BackupReplacing is Backup that may replace a file at out (the manager
// said so). The old file is replaced only by a backup that verified.
func (s *Store) BackupReplacing(out string, key DataKey, keyring []byte, clinicID, appVersion string) (backups.Manifest, error) {
	return s.backup(out, key, keyring, clinicID, appVersion, true)
}

func (s *Store) backup(out string, key DataKey, keyring []byte, clinicID, appVersion string, replace bool) (backups.Manifest, error) {
	if _, err := os.Lstat(out); err == nil && !replace {
		return backups.Manifest{}, &BackupExistsError{Path: out}
	}
	work, err := os.MkdirTemp(filepath.Dir(out), ".clinicdesk-backup-*")
	if errors.Is(err, fs.ErrNotExist) {
		// Not made for the user: a mistyped folder would hide the backup.
		return backups.Manifest{}, fmt.Errorf("the backup folder %s does not exist: make it first, or choose a folder that does", filepath.Dir(out))
	}
	if err != nil {
		return backups.Manifest{}, fmt.Errorf("cannot write in the backup folder %s: %w", filepath.Dir(out), err)
	}
	defer os.RemoveAll(work)
	os.Chmod(work, 0o700)
	copyPath := filepath.Join(work, backupDBName)

	// One statement, one read transaction: a consistent snapshot even while
	// others write. The engine encrypts the copy as the clinic file, with
	// the connection's scheme and key; that is checked below, page by page.
	s.writeMu.Lock()
	seq, head, err := s.AuditHead()
	if err == nil {
		_, err = s.db.Exec(`VACUUM INTO ?`, copyPath)
	}
	s.writeMu.Unlock()
	if err != nil {
		return backups.Manifest{}, fmt.Errorf("copy the clinic file: %w", err)
	}
	if err := checkPageHMACs(copyPath, key); err != nil {
		return backups.Manifest{}, fmt.Errorf("the backup's copy of the clinic file is not encrypted under the clinic's key, so it was not kept: %w", err)
	}
	counts, err := s.RowCounts()
	if err != nil {
		return backups.Manifest{}, err
	}
	dbSum, err := fileSHA256(copyPath)
	if err != nil {
		return backups.Manifest{}, err
	}
	m := backups.Manifest{Format: 1, CreatedAt: time.Now().UTC(), AppVersion: appVersion, SchemaVersion: SchemaVersion(),
		ClinicID: clinicID, AuditSeq: seq, AuditHead: head, RowCounts: counts,
		SHA256: map[string]string{backupDBName: dbSum, backupKeyringName: sha256Hex(keyring)}}
	if m.MAC, err = manifestMAC(m, key); err != nil {
		return backups.Manifest{}, err
	}
	manifest, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return backups.Manifest{}, err
	}
	// The archive is written and verified under a temporary name in the
	// same folder; only a backup that verified takes the final name.
	tmp := filepath.Join(work, "backup"+filepath.Ext(out))
	if err := writeBackupArchive(tmp, m.CreatedAt, manifest, keyring, copyPath); err != nil {
		return backups.Manifest{}, fmt.Errorf("write the backup: %w", err)
	}
	if _, err := VerifyBackup(tmp, key); err != nil {
		return backups.Manifest{}, fmt.Errorf("the backup was written but did not verify, so it was not kept: %w", err)
	}
	if err := placeBackup(tmp, out, replace); err != nil {
		return backups.Manifest{}, err
	}
	// The anchor moves up with every backup; a failure to is found by verify.
	s.AnchorAudit()
	return m, nil
}

// placeBackup gives a verified archive its final name. Without replace it
// must be a new name: a hard link cannot replace a file, so two backups
// racing for one name cannot both win. Disks without hard links (FAT USB
// sticks) take a new empty file made with O_EXCL as the claim instead.
func placeBackup(tmp, out string, replace bool) error {
	dir := filepath.Dir(out)
	if replace {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("write the backup: %w", err)
		}
		return syncDir(dir)
	}
	err := os.Link(tmp, out)
	if errors.Is(err, fs.ErrExist) {
		return &BackupExistsError{Path: out}
	}
	if err != nil {
		claim, cerr := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(cerr, fs.ErrExist) {
			return &BackupExistsError{Path: out}
		}
		if cerr != nil {
			return fmt.Errorf("write the backup: %w", cerr)
		}
		claim.Close()
		if err := os.Rename(tmp, out); err != nil {
			os.Remove(out)
			return fmt.Errorf("write the backup: %w", err)
		}
	}
	return syncDir(dir)
}

// writeBackupArchive streams the archive to path and syncs it.
func writeBackupArchive(path string, at time.Time, manifest, keyring []byte, dbPath string) error {
	tmp, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
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
	return tmp.Close()
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

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// backupArchive is a backup's manifest and keyring, and where its clinic
// file was unpacked to (when asked for).
type backupArchive struct {
	manifest backups.Manifest
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
func VerifyBackup(path string, key DataKey) (backups.Manifest, error) {
	dir, err := os.MkdirTemp("", "clinicdesk-verify-*")
	if err != nil {
		return backups.Manifest{}, err
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o700)
	a, err := verifyUnpacked(path, key, dir, nil)
	if err != nil {
		return backups.Manifest{}, err
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
