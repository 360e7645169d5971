package app

import (
	"fmt"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// ComplaintsReturn builds the KO41(b) return for 1 April year to 31 March
// year+1 from the register (managers only). Each complaint's patient's date
// of birth is read now, so a corrected date of birth counts; the date
// local resolution ended is the first move to closed or to the Ombudsman.
// Producing the return is audited. The form (GP or dental) and the
// practice code are those of Settings.
func (c *Clinic) ComplaintsReturn(year int) (complaints.Report, error) {
	return c.ComplaintsReturnFor(year, "")
}

// ComplaintsReturnFor is ComplaintsReturn on the form given (GP or dental);
// "" takes the form from Settings. Only NHS complaints in England are
// counted, and the breakdowns are of new complaints only.
func (c *Clinic) ComplaintsReturnFor(year int, variant complaints.ReturnVariant) (complaints.Report, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermComplaintsReturn)
	if err != nil {
		return complaints.Report{}, err
	}
	if year < 2000 || year > 9998 {
		return complaints.Report{}, fmt.Errorf("%d is not a year the return can be made for", year)
	}
	var rep complaints.Report
	err = c.writeAs(s, func(tx *writeTx) error {
		cc, err := c.complaintContext(tx)
		if err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		if variant == "" {
			variant = complaints.ReturnVariant(cs.ReturnVariant)
		}
		if !variant.Valid() {
			return fmt.Errorf("%q is not a KO41(b) form: choose gp or dental", string(variant))
		}
		rows, err := tx.ComplaintsForReturn(ukcal.NewDate(year+1, time.March, 31))
		if err != nil {
			return err
		}
		records := make([]complaints.Record, len(rows))
		for i, r := range rows {
			records[i] = returnRecord(r)
		}
		rep = complaints.ReturnFor(complaints.ReturnOptions{Year: year, Variant: variant, ODSCode: cs.ODSCode}, records, cc.region)
		return tx.audit(auditEvent{Action: "complaints.return", Entity: "report", ID: uuid.Must(uuid.NewV7()).String(), Detail: fmt.Sprintf("KO41(b) %s (%s form, practice %q): %d new, %d resolved, %d excluded as resolved by the next working day, %d not NHS in England, %d not from the patient or for them",
			rep.Period(), variant, cs.ODSCode, rep.Count(complaints.MeasureNew), rep.Resolved(), rep.Excluded, rep.NotNHSEngland, rep.NotFromPatient)})
	})
	return rep, err
}

// returnRecord is what the return needs to know of one stored complaint.
func returnRecord(r data.ComplaintForReturn) complaints.Record {
	rec := complaints.Record{
		Ref:         r.Reference,
		Channel:     r.Channel,
		Received:    r.Received,
		Complainant: r.Complainant,
		PatientDOB:  r.PatientDOB,
		Outcome:     r.Outcome,
		Rules:       r.Complaint.Rules,
	}
	for _, s := range r.Subjects {
		rec.Subjects = append(rec.Subjects, complaints.SubjectArea(s))
	}
	for _, g := range r.StaffGroups {
		rec.StaffGroups = append(rec.StaffGroups, complaints.StaffGroup(g))
	}
	if !r.ResolvedAt.IsZero() {
		rec.Resolved = ukcal.Today(r.ResolvedAt)
	}
	return rec
}

// ComplaintReturnYears lists the years that have complaints received in
// them, newest first, each named by its April (2026 is 1 April 2026 to
// 31 March 2027), for the return's year picker on the Reports screen
// (managers only). A clinic with none gives none.
func (c *Clinic) ComplaintReturnYears() ([]int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermComplaintsReturn); err != nil {
		return nil, err
	}
	return c.store.ComplaintYears()
}
