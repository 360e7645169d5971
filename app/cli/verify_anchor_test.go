package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/data"
)

// Issue 11 item 10: dropping the triggers, deleting the tail of the trail
// and rewinding its head passed verify ("342 rows unbroken").
func TestVerifyRefusesATrailCutBackWithItsHeadRewound(t *testing.T) {
	db := initClinic(t)
	for i := 0; i < 3; i++ {
		out := filepath.Join(filepath.Dir(db), fmt.Sprintf("b%d", i))
		if r := run(pw+"\n", "backup", "--db", db, "--out", out, "--user", "manager", "--password-stdin"); r.code != 0 {
			t.Fatalf("backup: %+v", r)
		}
	}
	r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "reaches its anchor") || !strings.Contains(r.stdout, "recorded by 3 backups") {
		t.Fatalf("verify before: %+v", r)
	}

	tamperAsKeyHolder(t, db, `DROP TRIGGER audit_no_update`, `DROP TRIGGER audit_no_delete`,
		`DELETE FROM audit WHERE seq > 3`, `UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit WHERE seq = 3)`)

	r = run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "audit_no_update is missing") {
		t.Fatalf("verify with the triggers dropped: %+v", r)
	}
	// The triggers put back as they were: the anchor still remembers.
	tamperAsKeyHolder(t, db,
		`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END`,
		`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END`)
	r = run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, data.AnchorPath(db)) || !strings.Contains(r.stderr, "rows were cut from its end") {
		t.Fatalf("verify with the tail cut: %+v", r)
	}
	// Starting the anchor again does not hide it: the backups remember
	// (the rows written since the cut have other contents than theirs).
	r = run(pw+"\n", "verify", "--reset-anchor", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "b0.cdbackup") || !strings.Contains(r.stderr, "the trail was rewritten") {
		t.Fatalf("verify --reset-anchor with the tail cut: %+v", r)
	}
}
