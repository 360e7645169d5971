package data

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// Complaints logged before rule sets (schema 15) open under the clinic's
// own nation's NHS rules: England for the England and Wales bank holidays,
// Scotland (at stage 2 from receipt, as they were investigated) or
// Northern Ireland for theirs.
func TestMigrationGivesOldComplaintsTheClinicsNation(t *testing.T) {
	for region, want := range map[string][3]string{
		"":                  {"england", "nhs", ""},
		"england-and-wales": {"england", "nhs", ""},
		"scotland":          {"scotland", "nhs", "2026-11-02"},
		"northern-ireland":  {"northern-ireland", "nhs", ""},
	} {
		ms, err := migrations()
		if err != nil {
			t.Fatal(err)
		}
		const before = 15
		if len(ms) <= before || ms[before].name != "0016_complaint_rules.sql" {
			t.Fatalf("migration 0016 is not the complaints' rule sets: %v", ms)
		}
		key := newKey(t)
		path := filepath.Join(t.TempDir(), "old.db")
		d, err := dsn(path, key)
		if err != nil {
			t.Fatal(err)
		}
		old, err := sql.Open(driverName, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms[:before] {
			if _, err := old.Exec(m.sql); err != nil {
				t.Fatalf("%s: %v", m.name, err)
			}
		}
		if _, err := old.Exec(`PRAGMA user_version = 15`); err != nil {
			t.Fatal(err)
		}
		if region != "" {
			if _, err := old.Exec(`INSERT OR REPLACE INTO settings (key, value) VALUES ('calendar.region', ?)`, region); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := old.Exec(`INSERT INTO complaints (id, reference, ref_year, ref_seq, complainant_name, complainant_status,
			channel, received, description, status_at, status_by, created_at, created_by, updated_at)
			VALUES ('c1', 'C-2026-001', 2026, 1, 'Mrs A', 'patient', 'written', '2026-11-02', 'Kept waiting',
			'2026-11-02T10:00:00Z', 'boss', '2026-11-02T10:00:00Z', 'boss', '2026-11-02T10:00:00Z')`); err != nil {
			t.Fatal(err)
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, key)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.Complaint("c1")
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := [3]string{string(c.Rules.Nation), string(c.Rules.Funding), c.Stage2.String()}; got != want {
			t.Errorf("region %q: the old complaint reads %q, want %q", region, got, want)
		}
	}
}
