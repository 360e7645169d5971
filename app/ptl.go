package app

import (
	"fmt"
	"io"
	"strconv"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The patient tracking list (PTL): every open pathway with its clock, in
// order of breach date, from the referrals the session may see. The
// facade gathers the referrals, their events and the names; the rules of
// the list are pathways.BuildPTL's.

// ptlReader is the store or a transaction.
type ptlReader interface {
	Referrals(f data.ReferralFilter) ([]data.ReferralRow, error)
	ReferralEventsOf(ids []string) (map[string][]pathways.Event, error)
}

// ptlLocked builds the list as of today for the session: a clinician's
// own pathways only. Caller holds c.mu.
func (c *Clinic) ptlLocked(q ptlReader, s *Session, f pathways.PTLFilter) (pathways.PTL, error) {
	rf := data.ReferralFilter{Direction: pathways.In, OpenOnly: true}
	var err error
	if rf.ClinicianIDs, rf.Clinicians, err = c.clinicianScopeLocked(s); err != nil {
		return pathways.PTL{}, err
	}
	rows, err := q.Referrals(rf)
	if err != nil {
		return pathways.PTL{}, err
	}
	ids := make([]string, len(rows))
	for i, row := range rows {
		ids[i] = row.Referral.ID
	}
	events, err := q.ReferralEventsOf(ids)
	if err != nil {
		return pathways.PTL{}, err
	}
	owners, err := c.staffNamesLocked()
	if err != nil {
		return pathways.PTL{}, err
	}
	entries := make([]pathways.PTLEntry, len(rows))
	for i, row := range rows {
		entries[i] = pathways.PTLEntry{Referral: row.Referral, Events: events[row.Referral.ID], PatientName: patientFullName(row.Patient),
			NHSNumber: row.Patient.NHSNumber, ClinicianName: row.ClinicianName, OwnerName: owners[row.Referral.OwnerID]}
	}
	return pathways.BuildPTL(entries, f, c.today())
}

// PTL is the patient tracking list as of today. Looking at it is audited
// (one row: it names many patients).
func (c *Clinic) PTL(f pathways.PTLFilter) (pathways.PTL, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return pathways.PTL{}, err
	}
	list, err := c.ptlLocked(c.store, s, f)
	if err != nil {
		return list, err
	}
	return list, c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "ptl.view", Entity: "ptl", Detail: fmt.Sprintf("%d pathways listed", len(list.Rows))})
	})
}

// PTLCSVHeader is the PTL export's header row.
var PTLCSVHeader = []string{"patient", "nhs_number", "clinician", "pathway", "urgency", "received", "clock", "clock_start",
	"weeks_waited", "breach_date", "breached", "next_step", "next_due", "owner", "referral_id"}

// PTLCells is one row of the list as the export writes it, in
// PTLCSVHeader order, before neutralising.
func PTLCells(r pathways.PTLRow) []string {
	nhsNumber := ""
	if r.NHSNumber != "" {
		nhsNumber = nhs.FormatNHSNumber(r.NHSNumber)
	}
	clock, start, weeks, breach, breached := "", "", "", "", ""
	if r.HasClock {
		clock, start = r.Clock.Status.Label(), r.Clock.Start.Short()
		if r.Counted() {
			weeks, breach, breached = strconv.Itoa(r.Clock.WeeksWaited()), r.Clock.Breach.Short(), "no"
			if r.Clock.Breached {
				breached = "yes"
			}
		}
	}
	ref := r.Referral
	return []string{r.PatientName, nhsNumber, r.ClinicianName, ref.Kind.Label(), ref.Urgency.Label(), ref.Date.Short(), clock, start,
		weeks, breach, breached, r.NextStep, r.NextDue.Short(), r.OwnerName, ref.ID}
}

// ExportPTL writes the list as CSV (as the other exports: a byte-order
// mark, CRLF, dd/mm/yyyy, every cell safe for a spreadsheet) and returns
// how many rows; the export is audited.
func (c *Clinic) ExportPTL(w io.Writer, f pathways.PTLFilter) (int, error) {
	return c.exportPTL(f, "CSV", func(list pathways.PTL) error {
		return writeSafeCSV(w, PTLCSVHeader, len(list.Rows), func(i int) []string { return PTLCells(list.Rows[i]) })
	})
}

// PTLPDF writes the list as a PDF (A4 landscape, the bucket counts, then
// the table) and returns how many rows, with anything a person should
// check in it (a name the fonts could not print); the export is audited.
func (c *Clinic) PTLPDF(w io.Writer, f pathways.PTLFilter) (int, []string, error) {
	rep := letters.PTLReport{Printed: c.clock().In(ukcal.London())}
	if d, err := c.Details(); err == nil {
		rep.ClinicName = d.Name
	}
	if f.ClinicianID != "" {
		all, _ := c.Clinicians(true)
		for _, cl := range all {
			if cl.ID == f.ClinicianID {
				rep.ClinicianName = cl.Name
			}
		}
	}
	var warnings letters.Warnings
	n, err := c.exportPTL(f, "PDF", func(list pathways.PTL) error {
		rep.List = list
		var err error
		warnings, err = letters.RenderPTL(w, rep)
		return err
	})
	return n, warnings.Messages(), err
}

// exportPTL builds the list and writes it in one transaction with its
// audit row, so a list that could not be written is not recorded as
// exported.
func (c *Clinic) exportPTL(f pathways.PTLFilter, format string, write func(pathways.PTL) error) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return 0, err
	}
	n := 0
	err = c.writeAs(s, func(tx *writeTx) error {
		list, err := c.ptlLocked(tx, s, f)
		if err != nil {
			return err
		}
		if err := write(list); err != nil {
			return fmt.Errorf("the list could not be written: %w", err)
		}
		n = len(list.Rows)
		return tx.audit(auditEvent{Action: "ptl.export", Entity: "export", ID: uuid.Must(uuid.NewV7()).String(),
			Detail: fmt.Sprintf("%d pathways to %s", n, format)})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
