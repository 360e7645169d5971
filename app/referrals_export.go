package app

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patientcsv"

	"github.com/google/uuid"
)

// ReferralCSVHeader is the referrals export's header row.
var ReferralCSVHeader = []string{"id", "direction", "patient", "nhs_number", "date", "urgency", "pathway", "referrer_or_destination",
	"organisation", "ods_code", "reason", "status", "owner", "clinician", "clock", "clock_start", "breach_date", "weeks_waited",
	"acknowledged_on", "reply_due_by", "reply_on"}

// ExportReferrals writes the referrals the query finds as CSV (RFC 4180,
// a byte-order mark, CRLF, dates dd/mm/yyyy, every cell made safe for a
// spreadsheet) and returns how many. A clinician exports only their own.
// The export is audited.
func (c *Clinic) ExportReferrals(w io.Writer, q ReferralQuery) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return 0, err
	}
	f, err := c.referralFilterLocked(s, q)
	if err != nil {
		return 0, err
	}
	owners, err := c.staffNamesLocked()
	if err != nil {
		return 0, err
	}
	n := 0
	err = c.writeAs(s, func(tx *writeTx) error {
		rows, err := tx.Referrals(f)
		if err != nil {
			return err
		}
		recs, err := c.referralRecordsLocked(tx, rows, c.today(), false) // the CSV has the clock, not the events
		if err != nil {
			return err
		}
		if err := writeReferralsCSV(w, recs, owners); err != nil {
			return fmt.Errorf("the export could not be written: %w", err)
		}
		n = len(recs)
		return tx.audit(auditEvent{Action: "referral.export", Entity: "export", ID: uuid.Must(uuid.NewV7()).String(), Patient: q.PatientID,
			Detail: fmt.Sprintf("%d referrals to CSV", n)})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// staffNamesLocked maps user ids to full names. Caller holds c.mu.
func (c *Clinic) staffNamesLocked() (map[string]string, error) {
	everyone, err := c.store.Users()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(everyone))
	for _, u := range everyone {
		out[u.ID] = u.FullName
	}
	return out, nil
}

// ReferralCells is one referral as the export writes it, in
// ReferralCSVHeader order, before neutralising.
func ReferralCells(rec ReferralRecord, owners map[string]string) []string {
	r := rec.Referral
	nhsNumber := ""
	if rec.NHSNumber != "" {
		nhsNumber = nhs.FormatNHSNumber(rec.NHSNumber)
	}
	clock, start, breach, weeks := "", "", "", ""
	if rec.HasClock {
		clock, start, breach = rec.Clock.Status.Label(), rec.Clock.Start.Short(), rec.Clock.Breach.Short()
		if rec.Clock.Counted() {
			weeks = strconv.Itoa(rec.Clock.WeeksWaited())
		}
	}
	return []string{r.ID, string(r.Direction), rec.Patient, nhsNumber, r.Date.Short(), r.Urgency.Label(), r.Kind.Label(),
		r.Party.Name, r.Party.Organisation, r.Party.ODSCode, r.Reason, r.Status.Label(), owners[r.OwnerID], rec.Clinician,
		clock, start, breach, weeks, r.AcknowledgedOn.Short(), r.ReplyDueBy.Short(), r.ReplyOn.Short()}
}

func writeReferralsCSV(w io.Writer, recs []ReferralRecord, owners map[string]string) error {
	return writeSafeCSV(w, ReferralCSVHeader, len(recs), func(i int) []string { return ReferralCells(recs[i], owners) })
}

// writeSafeCSV writes a header and n rows as the exports do: a byte-order
// mark (or Excel on Windows misreads UTF-8), CRLF, and every cell
// neutralised so a spreadsheet never runs it as a formula.
func writeSafeCSV(w io.Writer, header []string, n int, row func(i int) []string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		cells := row(i)
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
