package app

import (
	"fmt"
	"io"

	"clinicdesk/app/patientcsv"
	"clinicdesk/app/patients"

	"github.com/google/uuid"
)

// ExportPatients writes every active patient (and archived ones too if
// includeArchived) to w as CSV (patientcsv: RFC 4180, UTF-8, injection-
// safe), in name order, and returns how many were written. Merged records
// are never exported: their survivor is.
//
// The export is read and audited inside one write transaction: one
// "patient.export" row per patient plus a summary row, all committed
// together, so the file and the audit trail agree. If writing to w fails,
// nothing is audited and the caller must throw away what was written.
func (c *Clinic) ExportPatients(w io.Writer, includeArchived bool) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermExportPatients)
	if err != nil {
		return 0, err
	}
	statuses := []patients.Status{patients.Active}
	if includeArchived {
		statuses = append(statuses, patients.Archived)
	}
	n := 0
	exportID := uuid.Must(uuid.NewV7()).String()
	err = c.writeAs(s, func(tx *writeTx) error {
		// The IDs come first, in name order; then the records a page at a
		// time, so a clinic of 100,000 patients is never all in memory.
		// The pages are read through the store's own prepared statement
		// (far cheaper than one query each); nothing else can write while
		// this transaction holds the write lock, so they match the IDs.
		ids, err := tx.PatientIDsByName(statuses...)
		if err != nil {
			return err
		}
		cw := patientcsv.NewWriter(w)
		for start := 0; start < len(ids); start += exportPage {
			page, err := c.store.PatientsByIDs(ids[start:min(start+exportPage, len(ids))])
			if err != nil {
				return err
			}
			for _, p := range page {
				if err := cw.Write(p); err != nil {
					return fmt.Errorf("the export could not be written: %w", err)
				}
				if err := tx.audit(auditEvent{Action: "patient.export", Entity: "patient", ID: p.ID, Patient: p.ID, Detail: "export " + exportID}); err != nil {
					return err
				}
				n++
			}
		}
		if err := cw.Flush(); err != nil {
			return fmt.Errorf("the export could not be written: %w", err)
		}
		detail := fmt.Sprintf("%d patients to CSV", n)
		if includeArchived {
			detail += ", archived records included"
		}
		return tx.audit(auditEvent{Action: "patient.export", Entity: "export", ID: exportID, Detail: detail})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// exportPage is how many records an export reads at once.
const exportPage = 500

// ImportRowsFromCSV turns the rows patientcsv read into the rows
// ImportPatients takes (the GUI and the command line both need it).
func ImportRowsFromCSV(rows []patientcsv.Row) []ImportRow {
	out := make([]ImportRow, len(rows))
	for i, r := range rows {
		out[i] = ImportRow{Line: r.Line, Patient: r.Patient, Problems: r.Problems}
	}
	return out
}
