package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/data"
)

// cutTail is issue 11's attack, done by someone holding the key: the
// append-only triggers dropped, the newest rows deleted, the head rewound
// to match, and the triggers put back as they were.
func cutTail(t *testing.T, c *Clinic, keep int64) {
	t.Helper()
	db := c.store.DB()
	var updateSQL, deleteSQL string
	db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'`).Scan(&updateSQL)
	db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'audit_no_delete'`).Scan(&deleteSQL)
	for _, st := range []struct {
		q    string
		args []any
	}{
		{q: `DROP TRIGGER audit_no_update`}, {q: `DROP TRIGGER audit_no_delete`},
		{q: `DELETE FROM audit WHERE seq > ?`, args: []any{keep}},
		{q: `UPDATE audit_head SET seq = ?, hash = (SELECT hash FROM audit WHERE seq = ?)`, args: []any{keep, keep}},
		{q: updateSQL}, {q: deleteSQL},
	} {
		if _, err := db.Exec(st.q, st.args...); err != nil {
			t.Fatalf("%s: %v", st.q, err)
		}
	}
}

func TestVerifyFindsTheTailCutAndTheHeadRewound(t *testing.T) {
	c, path, _ := newClinic(t)
	usb := t.TempDir()
	if err := c.SetBackupSettings(usb, 5); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		addUser(t, c, fmt.Sprintf("staff%d", i), Receptionist)
	}
	if _, err := c.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	m, _ := data.ReadBackupManifest(filepath.Join(usb, dirNames(t, usb)[0]))
	for i := 5; i < 10; i++ {
		addUser(t, c, fmt.Sprintf("staff%d", i), Receptionist)
	}
	c.Lock() // anchors the trail as it stood
	if err := c.Unlock(managerPassword); err != nil {
		t.Fatal(err)
	}
	r, err := c.Verify(false)
	if err != nil || !r.Anchored || r.AnchorSeq <= m.AuditSeq || r.BackupsChecked != 1 {
		t.Fatalf("before tampering: %+v %v", r, err)
	}

	// Cut back to before the backup was made.
	cutTail(t, c, m.AuditSeq-2)
	if n, err := c.store.VerifyAudit(); err != nil || n != m.AuditSeq-2 {
		t.Fatalf("the chain alone still looks whole, which was the hole: %d %v", n, err)
	}
	_, err = c.Verify(false)
	var ae *data.AnchorError
	if !errors.As(err, &ae) || ae.Path != data.AnchorPath(path) {
		t.Fatalf("verify after the tail was cut: %v, want the anchor named", err)
	}
	// With the anchor gone too (or started again by someone who did not
	// ask why), the backup on the USB stick still remembers.
	if err := c.ResetAuditAnchor(); err != nil {
		t.Fatal(err)
	}
	_, err = c.Verify(false)
	if err == nil || !strings.Contains(err.Error(), usb) || !strings.Contains(err.Error(), fmt.Sprintf("up to row %d", m.AuditSeq)) {
		t.Fatalf("verify with only the backup to go by: %v", err)
	}
	if actions := auditActions(t, c); !strings.Contains(strings.Join(actions, ","), "audit.anchor_reset") {
		t.Fatalf("the reset was not recorded: %v", actions)
	}
}

func TestVerifyFindsADroppedAuditTrigger(t *testing.T) {
	c, _, _ := newClinic(t)
	c.store.DB().Exec(`DROP TRIGGER audit_no_delete`)
	if _, err := c.Verify(false); err == nil || !strings.Contains(err.Error(), "audit_no_delete is missing") {
		t.Fatalf("verify with a trigger dropped: %v", err)
	}
}

func TestVerifyAfterARestoreIgnoresTheOtherBranchesBackups(t *testing.T) {
	c, path, _ := newClinic(t)
	usb := t.TempDir()
	c.SetBackupSettings(usb, 5)
	_, early, err := c.BackupInto(usb)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		addUser(t, c, fmt.Sprintf("staff%d", i), Receptionist)
	}
	if _, _, err := c.BackupInto(usb); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := RestoreBackup(early, path, "amanager", managerPassword, true); err != nil {
		t.Fatal(err)
	}
	c2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if err := c2.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	r, err := c2.Verify(false)
	if err != nil {
		t.Fatalf("verify after a restore: %v", err)
	}
	// Two by hand and one as the clinic closed, all from before it.
	if !r.Anchored || r.BackupsChecked != 0 || len(r.BackupsSkipped) != 3 {
		t.Fatalf("after a restore: %+v", r)
	}
	for _, s := range r.BackupsSkipped {
		if !strings.Contains(s, "made before the last restore") {
			t.Fatalf("skipped for another reason: %s", s)
		}
	}
}
