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
// Producing the return is audited.
func (c *Clinic) ComplaintsReturn(year int) (complaints.Report, error) {
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
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		cc, err := c.complaintContext(tx)
		if err != nil {
			return err
		}
		rows, err := tx.ComplaintsForReturn(ukcal.NewDate(year+1, time.March, 31).String())
		if err != nil {
			return err
		}
		records := make([]complaints.Record, len(rows))
		for i, r := range rows {
			records[i] = returnRecord(r)
		}
		rep = complaints.Return(year, records, cc.region)
		return audit("complaints.return", "report", uuid.Must(uuid.NewV7()).String(), "",
			fmt.Sprintf("KO41(b) %s: %d new, %d resolved, %d excluded as resolved by the next working day",
				rep.Period(), rep.Count(complaints.MeasureNew), rep.Resolved(), rep.Excluded))
	})
	return rep, err
}

// returnRecord is what the return needs to know of one stored complaint.
func returnRecord(r data.ComplaintForReturn) complaints.Record {
	rec := complaints.Record{
		Ref:         r.Reference,
		Channel:     complaints.Channel(r.Channel),
		Received:    dateOrZero(r.Received),
		Complainant: complaints.ComplainantStatus(r.ComplainantStatus),
		PatientDOB:  dateOrZero(r.PatientDOB),
		Outcome:     complaints.Outcome(r.Outcome),
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
