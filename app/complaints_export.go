package app

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/patientcsv"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// ComplaintCSVHeader is the complaints export's header row.
var ComplaintCSVHeader = []string{"reference", "received", "acknowledge_by", "acknowledged", "response_due",
	"status", "outcome", "channel", "subject_areas", "staff_groups", "nation", "funding"}

// ExportComplaints writes the register as CSV, one row per complaint, oldest
// first, and returns how many (managers only). It carries the register's
// dates and categories, never the complainant's details, the description
// or anything from the patient's record. Dates are dd/mm/yyyy; the
// catalogue values are their keys, several joined with "; ". RFC 4180
// with a byte-order mark and CRLF, every cell made safe for a spreadsheet
// (patientcsv.Neutralise). The export is audited.
func (c *Clinic) ExportComplaints(w io.Writer) (int, error) {
	n := 0
	err := c.do(PermExportComplaints, func(tx *writeTx) error {
		cc, err := c.complaintContext(tx)
		if err != nil {
			return err
		}
		list, err := tx.Complaints(data.ComplaintFilter{})
		if err != nil {
			return err
		}
		if err := writeComplaintsCSV(w, cc, list); err != nil {
			return fmt.Errorf("the export could not be written: %w", err)
		}
		n = len(list)
		return tx.audit(auditEvent{Action: "complaints.export", Entity: "export", ID: uuid.Must(uuid.NewV7()).String(), Detail: fmt.Sprintf("%d complaints to CSV", n)})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// ComplaintCells is one complaint as the export writes it, in
// ComplaintCSVHeader order, before neutralising.
func ComplaintCells(r ComplaintRecord) []string {
	subjects := make([]string, len(r.Subjects))
	for i, v := range r.Subjects {
		subjects[i] = string(v)
	}
	groups := make([]string, len(r.StaffGroups))
	for i, v := range r.StaffGroups {
		groups[i] = string(v)
	}
	return []string{r.Reference,
		r.Received.Short(), r.Due.AcknowledgeBy.Short(), r.Acknowledged.Short(), r.Due.ResponseDue.Short(),
		string(r.Status), string(r.Outcome), string(r.Channel),
		strings.Join(subjects, "; "), strings.Join(groups, "; "),
		string(r.Rules.Nation), string(r.Rules.Funding)}
}

func writeComplaintsCSV(w io.Writer, cc complaintContext, list []complaints.Complaint) error {
	// A byte-order mark, or Excel on Windows misreads UTF-8.
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(ComplaintCSVHeader); err != nil {
		return err
	}
	// The store lists newest first; a register reads oldest first.
	for i := len(list) - 1; i >= 0; i-- {
		cells := ComplaintCells(cc.record(list[i], nil))
		for j := range cells {
			cells[j] = patientcsv.Neutralise(cells[j])
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
