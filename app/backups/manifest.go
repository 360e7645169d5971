// Package backups holds the record that describes one backup file: when and
// by which version it was made, what it holds and the sums that prove it
// whole. The store writes and checks it.
package backups

import (
	"time"
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
