package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
)

// rewind is the attack of issue 11: the append-only triggers dropped, the
// tail of the trail deleted and the head put back to match, so that the
// chain alone still verifies.
func rewind(t *testing.T, s *Store, to int64) {
	t.Helper()
	tamper(t, s) // the triggers dropped
	for _, q := range []string{
		`DELETE FROM audit WHERE seq > ?`,
		`UPDATE audit_head SET seq = seq_, hash = hash_ FROM (SELECT seq AS seq_, hash AS hash_ FROM audit WHERE seq = ?)`,
	} {
		if _, err := s.DB().Exec(q, to); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func anchorErr(t *testing.T, s *Store, path string, want string) {
	t.Helper()
	_, err := s.CheckAuditAnchor()
	var ae *AnchorError
	if !errors.As(err, &ae) || ae.Path != AnchorPath(path) || !strings.Contains(err.Error(), want) {
		t.Fatalf("anchor check: %v, want an AnchorError naming %s and saying %q", err, AnchorPath(path), want)
	}
}

func TestAuditTailCutWithTheHeadRewoundIsFoundByTheAnchor(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 120)
	if err := s.AnchorAudit(); err != nil { // as at sign-out or a backup
		t.Fatal(err)
	}
	if r, err := s.CheckAuditAnchor(); err != nil || !r.Anchored || r.Seq != 120 {
		t.Fatalf("before tampering: %+v %v", r, err)
	}
	rewind(t, s, 100)
	if n, err := s.VerifyAudit(); err != nil || n != 100 {
		t.Fatalf("the chain alone should still look whole (that is the hole): %d %v", n, err)
	}
	anchorErr(t, s, path, "up to row 120, but the trail now ends at row 100")
	if err := s.CheckAuditTriggers(); err == nil || !strings.Contains(err.Error(), "audit_no_update is missing") {
		t.Fatalf("dropped triggers not found: %v", err)
	}
	// Put the triggers back as they were: the anchor still remembers.
	for _, q := range []string{auditTriggers["audit_no_update"], auditTriggers["audit_no_delete"]} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CheckAuditTriggers(); err != nil {
		t.Fatalf("the triggers as made: %v", err)
	}
	// New rows grow a different chain past the anchor's row: found, and the
	// anchor is not moved up over it by the writes or by a close.
	writeAudit(t, s, 60)
	s.AnchorAudit()
	anchorErr(t, s, path, "does not match row 120")
}

func TestOlderCopyOfTheClinicFilePutBackIsFoundByTheAnchor(t *testing.T) {
	s, key, path := newStore(t)
	writeAudit(t, s, 30)
	s.Close()
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	writeAudit(t, s, 80)
	s.AnchorAudit()
	s.Close()
	// No key needed for this: the old copy is put back, file for file.
	os.WriteFile(path, old, 0o600)
	s, err = Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.VerifyAudit(); err != nil {
		t.Fatalf("the old copy's chain is whole: %v", err)
	}
	anchorErr(t, s, path, "the trail now ends at row 30")
}

func TestMissingOrAlteredAnchorIsReportedAndNotRemade(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 10)
	s.AnchorAudit()
	good, _ := os.ReadFile(AnchorPath(path))
	os.Remove(AnchorPath(path))
	anchorErr(t, s, path, "is missing")
	writeAudit(t, s, anchorEvery+5)
	s.AnchorAudit()
	if _, err := os.Stat(AnchorPath(path)); err == nil {
		t.Fatal("a missing anchor was made again, hiding that it went")
	}
	// An anchor moved up by hand, without the secret, does not verify.
	forged := strings.Replace(string(good), `"seq":10`, `"seq":9`, 1)
	os.WriteFile(AnchorPath(path), []byte(forged), 0o600)
	anchorErr(t, s, path, "was altered")
	// After a manager has looked into it, the anchor starts again.
	if _, err := s.ResetAuditAnchor(); err != nil {
		t.Fatal(err)
	}
	if r, err := s.CheckAuditAnchor(); err != nil || r.Seq != 10+anchorEvery+5 {
		t.Fatalf("after a reset: %+v %v", r, err)
	}
	if kept, _ := filepath.Glob(AnchorPath(path) + ".replaced-*"); len(kept) != 1 {
		t.Fatalf("the replaced anchor was not kept: %v", kept)
	}
}

func TestAnchorMovesUpEveryFiftyRowsAndAtSignOutNotOnEveryWrite(t *testing.T) {
	s, _, path := newStore(t)
	writeAudit(t, s, 3)
	first, err := os.ReadFile(AnchorPath(path))
	if err != nil {
		t.Fatalf("the first write did not start the anchor: %v", err)
	}
	writeAudit(t, s, 10)
	if now, _ := os.ReadFile(AnchorPath(path)); string(now) != string(first) {
		t.Fatal("the anchor was written again within fifty rows")
	}
	writeAudit(t, s, anchorEvery)
	if r, _ := s.CheckAuditAnchor(); r.Seq < anchorEvery {
		t.Fatalf("the anchor did not move up after %d rows: at %d", anchorEvery, r.Seq)
	}
	before, _ := s.CheckAuditAnchor()
	s.Write(func(tx *Tx) error {
		_, err := tx.Audit(audit.Entry{Username: "asmith", Action: "sign_out", Entity: "user", EntityID: "u1"})
		return err
	})
	after, _ := s.CheckAuditAnchor()
	head, _, _ := s.AuditHead()
	if after.Seq == before.Seq || after.Seq != head-1 {
		t.Fatalf("signing out did not anchor the trail as it stood (anchor %d → %d, head %d)", before.Seq, after.Seq, head)
	}
	if st, err := os.Stat(AnchorPath(path)); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the anchor file is not owner-only: %v %v", st.Mode(), err)
	}
}

func TestChangedOrExtraAuditTriggerIsFound(t *testing.T) {
	s, _, _ := newStore(t)
	if err := s.CheckAuditTriggers(); err != nil {
		t.Fatalf("a fresh clinic: %v", err)
	}
	s.DB().Exec(`DROP TRIGGER audit_no_delete`)
	s.DB().Exec(`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END`)
	if err := s.CheckAuditTriggers(); err == nil || !strings.Contains(err.Error(), "audit_no_delete was changed") {
		t.Fatalf("a defanged trigger: %v", err)
	}
	s.DB().Exec(`DROP TRIGGER audit_no_delete`)
	s.DB().Exec(auditTriggers["audit_no_delete"])
	s.DB().Exec(`CREATE TRIGGER audit_swallow BEFORE INSERT ON audit BEGIN SELECT RAISE(IGNORE); END`)
	if err := s.CheckAuditTriggers(); err == nil || !strings.Contains(err.Error(), "audit_swallow") {
		t.Fatalf("an extra trigger: %v", err)
	}
}

func TestBackupHeadsFindARewindTheAnchorCannot(t *testing.T) {
	s, key, path := newStore(t)
	writeAudit(t, s, 40)
	usb := t.TempDir()
	krBytes := []byte(`{"format":2,"clinic_id":"clinic-1","entries":[]}`)
	if _, err := s.Backup(filepath.Join(usb, "monday.cdbackup"), key, krBytes, "clinic-1", "test"); err != nil {
		t.Fatal(err)
	}
	// Another clinic's backup, and one from before a key change, are passed
	// over, not failed.
	other, otherKey, _ := newStore(t)
	writeAudit(t, other, 60)
	other.Backup(filepath.Join(usb, "other.cdbackup"), otherKey, krBytes, "clinic-2", "test")
	other.Backup(filepath.Join(usb, "oldkey.cdbackup"), otherKey, krBytes, "clinic-1", "test")
	os.WriteFile(filepath.Join(usb, "junk.cdbackup"), []byte("junk"), 0o600)

	r, err := s.CheckBackupHeads(key, "clinic-1", []string{usb, filepath.Dir(path)}, time.Time{})
	if err != nil || r.Checked != 1 || len(r.Skipped) != 2 {
		t.Fatalf("a good trail: %+v %v", r, err)
	}
	// Rewind, and take the anchor away with it: the backup remembers.
	rewind(t, s, 20)
	os.Remove(AnchorPath(path))
	_, err = s.CheckBackupHeads(key, "clinic-1", []string{usb}, time.Time{})
	if err == nil || !strings.Contains(err.Error(), "monday.cdbackup") || !strings.Contains(err.Error(), "up to row 40") {
		t.Fatalf("rewind past a backup: %v", err)
	}
	// Backups from before the last restore are from another branch of the
	// trail, and are passed over.
	r, err = s.CheckBackupHeads(key, "clinic-1", []string{usb}, time.Now().Add(time.Hour))
	if err != nil || r.Checked != 0 {
		t.Fatalf("backups before a restore: %+v %v", r, err)
	}
}
