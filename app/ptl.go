package app

import (
	"fmt"
	"io"
	"strconv"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
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
	PTLRows(f data.PTLQuery) ([]data.PTLRow, error)
	ReferralEventsOf(ids []string) (map[string][]pathways.Event, error)
}

// ptlLocked builds the list as of today for the session: a clinician's
// own pathways only. Each pathway's clock comes from the summary kept on
// its referral; only those it does not cover (none kept yet, events that
// do not read, or an event after today) are read from their events. Rows
// carry the referral's list fields only (see data.PTLRow). Caller holds
// c.mu.
func (c *Clinic) ptlLocked(q ptlReader, s *Session, f pathways.PTLFilter) (pathways.PTL, error) {
	var rf data.PTLQuery
	var err error
	if rf.ClinicianIDs, rf.Clinicians, err = c.clinicianScopeLocked(s); err != nil {
		return pathways.PTL{}, err
	}
	today := c.today()
	rf.AsOf = today
	if f.AtRisk && f.AtRiskDays >= 0 && f.AtRiskDays <= pathways.MaxAtRiskDays {
		rf.RunningBreachBy = today.AddDays(f.AtRiskDays)
	}
	rows, err := q.PTLRows(rf)
	if err != nil {
		return pathways.PTL{}, err
	}
	var uncovered []string
	for i := range rows {
		if !rows[i].HasSummary || !rows[i].Summary.Covers(today) {
			uncovered = append(uncovered, rows[i].Referral.ID)
		}
	}
	var events map[string][]pathways.Event
	if len(uncovered) > 0 {
		if events, err = q.ReferralEventsOf(uncovered); err != nil {
			return pathways.PTL{}, err
		}
	}
	owners, err := c.staffNamesLocked()
	if err != nil {
		return pathways.PTL{}, err
	}
	entries := make([]pathways.PTLEntry, len(rows))
	for i := range rows {
		row := &rows[i]
		// The NHS number as the desk reads it, "943 476 5919", for print.
		number := ""
		if row.NHSNumber != "" {
			number = nhs.FormatNHSNumber(row.NHSNumber)
		}
		name := patientFullName(patients.Patient{Title: row.Title, Forenames: row.Forenames, Surname: row.Surname})
		entries[i] = pathways.PTLEntry{Referral: row.Referral, Events: events[row.Referral.ID], PatientName: name,
			NHSNumber: number, ClinicianName: row.ClinicianName, OwnerName: owners[row.Referral.OwnerID]}
		if row.HasSummary {
			entries[i].Summary = &row.Summary
		}
	}
	return pathways.BuildPTL(entries, f, today)
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

// ReferralsAtRisk is Today's referrals card: the open pathways whose
// clock breaches within days, or has, in the list's order. It is not
// audited on each look, unlike the tracking list: Today loads it every
// time it opens, it names at most a handful of the session's own
// pathways beside their dates (as the day list names the day's
// patients), and opening any of them, or the list, is audited there.
// One audit row per Today would bury the trail and cost a write per look.
func (c *Clinic) ReferralsAtRisk(days int) (pathways.PTL, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReferrals)
	if err != nil {
		return pathways.PTL{}, err
	}
	return c.ptlLocked(c.store, s, pathways.PTLFilter{AtRisk: true, AtRiskDays: days})
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
