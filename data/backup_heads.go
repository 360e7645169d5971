package data

import (
	"archive/tar"
	"crypto/hmac"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"clinicdesk/app/backups"
	"clinicdesk/app/ukcal"
)

// Every backup's manifest records the audit trail's head when it was made.
// The trail only grows, so it must still pass through each of those heads:
// a backup on a USB stick remembers how far the trail had got even if the
// clinic file and its anchor beside it were both rolled back.

// BackupHeadsReport is what CheckBackupHeads found.
type BackupHeadsReport struct {
	Checked int      // backups whose head the trail passes through
	Skipped []string // backups not used, each with the reason
}

// ReadBackupManifest reads only a backup's manifest (the archive's first
// entry), without checking the rest: quick enough for a folder of them.
func ReadBackupManifest(path string) (backups.Manifest, error) {
	var m backups.Manifest
	f, err := os.Open(path)
	if err != nil {
		return m, err
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for i := 0; i < 3; i++ {
		h, err := tr.Next()
		if err != nil {
			break
		}
		if h.Name != backupManifestName {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 1<<20))
		if err != nil {
			return m, err
		}
		if err := json.Unmarshal(b, &m); err != nil || m.Format != 1 {
			return m, errors.New("its manifest is damaged")
		}
		return m, nil
	}
	return m, errors.New("it is not a ClinicDesk backup")
}

// CheckBackupHeads looks at the backups (*.cdbackup) in folders and checks
// that this clinic file's audit trail passes through the head each one
// recorded. Backups of another clinic are passed over; so are backups made
// before the last restore (since, zero for none: the trail was put back to
// an earlier point then and went on from there), backups whose manifest
// does not verify under this data key (made before a key change, or
// altered), and files that cannot be read. Those are listed as skipped.
func (s *Store) CheckBackupHeads(key DataKey, clinicID string, folders []string, since time.Time) (BackupHeadsReport, error) {
	var r BackupHeadsReport
	head, _, err := s.AuditHead()
	if err != nil {
		return r, err
	}
	seen := map[string]bool{}
	var files []string
	for _, dir := range folders {
		if dir == "" {
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "*.cdbackup"))
		for _, p := range matches {
			if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
				seen[abs] = true
				files = append(files, abs)
			}
		}
	}
	sort.Strings(files)
	for _, p := range files {
		m, err := ReadBackupManifest(p)
		if err != nil {
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		if m.ClinicID != clinicID {
			continue // another clinic's backup
		}
		mac, err := manifestMAC(m, key)
		if err != nil || !hmac.Equal([]byte(mac), []byte(m.MAC)) {
			r.Skipped = append(r.Skipped, p+": its manifest does not verify under this clinic's current key (made before a key change, or altered)")
			continue
		}
		if !since.IsZero() && m.CreatedAt.Before(since) {
			r.Skipped = append(r.Skipped, p+": made before the last restore")
			continue
		}
		made := ukcal.WallDateTime(m.CreatedAt)
		if m.AuditSeq > head {
			return r, fmt.Errorf("the backup %s (made %s) recorded the audit trail up to row %d, but the trail now ends at row %d: "+
				"rows were cut from its end, or an older copy of the clinic file was put in place", p, made, m.AuditSeq, head)
		}
		got, err := hashAt(s.db, m.AuditSeq)
		if err != nil {
			return r, err
		}
		if got != m.AuditHead {
			return r, fmt.Errorf("row %d of the audit trail is not the one the backup %s (made %s) recorded: the trail was rewritten from there",
				m.AuditSeq, p, made)
		}
		r.Checked++
	}
	return r, nil
}

// LastRestoreAt is when a backup was last restored into this clinic file
// (zero if never): the trail went back to the backup's point then.
func (s *Store) LastRestoreAt() (time.Time, error) {
	var at string
	err := s.db.QueryRow(`SELECT at FROM audit WHERE action = 'backup.restore' ORDER BY seq DESC LIMIT 1`).Scan(&at)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return time.Time{}, nil
		}
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339Nano, at)
}
