package app

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"clinicdesk/app/reports"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// reportBuilder counts one kind of report over a checked range. Caller
// holds c.mu.
type reportBuilder func(c *Clinic, r reports.Range) (reports.Report, error)

// reportBuilders are the reports of issue 18, by the command line's word.
var reportBuilders = map[reports.Kind]reportBuilder{
	reports.DNA:           (*Clinic).dnaReportLocked,
	reports.Cancellations: (*Clinic).cancellationsReportLocked,
	reports.Utilisation:   (*Clinic).utilisationReportLocked,
	reports.NewPatients:   (*Clinic).newPatientsReportLocked,
	reports.Referrals:     (*Clinic).referralsReportLocked,
	reports.Waiting:       (*Clinic).waitingReportLocked,
	reports.Complaints:    (*Clinic).complaintsReportLocked,
	reports.Letters:       (*Clinic).lettersReportLocked,
}

// ErrReportNotReady: the report is named in the list but not built yet.
var ErrReportNotReady = errors.New("that report is not ready yet")

// Report counts one report over the range (SPEC §2.7, issue 18). A manager
// sees the whole clinic or one clinician; a clinician only their own
// figures, whatever the range asks for. Running it is audited as one row:
// a report is counts over many patients, not a look at anyone's record, so
// the row names no patient, and no report holds a patient's name.
func (c *Clinic) Report(kind reports.Kind, r reports.Range) (reports.Report, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReports)
	if err != nil {
		return reports.Report{}, err
	}
	build, ok := reportBuilders[kind]
	if !ok {
		if slices.Contains(reports.Kinds, kind) {
			return reports.Report{}, fmt.Errorf("%w: the %s report", ErrReportNotReady, kind)
		}
		return reports.Report{}, fmt.Errorf("%q is not a report: choose %s", string(kind), kindList())
	}
	if err := r.Check(); err != nil {
		return reports.Report{}, err
	}
	r.ClinicianID = strings.TrimSpace(r.ClinicianID)
	r.Today = c.today()
	who, err := c.reportClinicianLocked(s, kind, &r)
	if err != nil {
		return reports.Report{}, err
	}
	rep, err := build(c, r)
	if err != nil {
		return reports.Report{}, err
	}
	reports.LeaveFutureBlank(&rep)
	rep.Who = strings.TrimPrefix(who, "clinician ")
	if r.ClinicianID == "" {
		rep.Who = "Whole clinic"
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "report.run", Entity: "report", ID: uuid.Must(uuid.NewV7()).String(),
			Detail: fmt.Sprintf("%s report, %s, %s", kind, r.Describe(), who)})
	})
	return rep, err
}

// reportClinicianLocked holds a clinician to their own figures and checks
// the clinician a manager names; it returns whose figures they are, for
// the audit row. Caller holds c.mu.
func (c *Clinic) reportClinicianLocked(s *Session, kind reports.Kind, r *reports.Range) (string, error) {
	mine, limited, err := c.clinicianScopeLocked(s)
	if err != nil {
		return "", err
	}
	if limited {
		switch {
		case kind.ForWholeClinicOnly():
			return "", fmt.Errorf("the %s report is about the whole clinic, which only a practice manager sees", strings.ReplaceAll(string(kind), "-", " "))
		case len(mine) == 0:
			return "", errors.New("your login is not linked to a clinician in the diary, so there are no figures of yours to show: ask a practice manager to link it (Settings, Clinicians)")
		case r.ClinicianID == "":
			r.ClinicianID = mine[0]
		case !slices.Contains(mine, r.ClinicianID):
			return "", errors.New("a clinician sees only their own figures: choose yourself, or ask a practice manager")
		}
	}
	if r.ClinicianID == "" {
		return "whole clinic", nil
	}
	cl, err := c.store.Clinician(r.ClinicianID)
	if errors.Is(err, data.ErrNotFound) {
		return "", errors.New("that clinician is not in this clinic file: choose one from the list")
	}
	if err != nil {
		return "", err
	}
	return "clinician " + cl.Name, nil
}

// kindList is the reports' words for a message: "dna, cancellations, … or letters".
func kindList() string {
	words := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		words[i] = string(k)
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// binCounts adds each count to its period's slot by group.
func binCounts(ps []reports.Period, counts []data.ReportCount, add func(i int, group string, n int64)) {
	for _, n := range counts {
		if i := reports.Bin(ps, n.Key); i >= 0 {
			add(i, n.Group, n.N)
		}
	}
}

// dnaReportLocked is the DNA rate with children not brought apart.
func (c *Clinic) dnaReportLocked(r reports.Range) (reports.Report, error) {
	age := c.childUnderAge()
	count := func(r reports.Range, age int) ([]reports.Attendance, error) {
		ps := reports.Periods(r)
		per := make([]reports.Attendance, len(ps))
		var counts []data.ReportCount
		var err error
		if past, ok := r.Past(); ok {
			counts, err = c.store.AttendanceCounts(past, age)
		}
		binCounts(ps, counts, func(i int, group string, n int64) {
			switch group {
			case "not_brought":
				per[i].NotBrought += int(n)
			case "dna":
				per[i].DNA += int(n)
				per[i].Due += int(n)
			default:
				per[i].Due += int(n)
			}
		})
		return per, err
	}
	per, err := count(r, age)
	if err != nil {
		return reports.Report{}, err
	}
	// The comparison is of the rate alone: no children to count.
	prevPer, err := count(reports.PreviousRange(r), 0)
	if err != nil {
		return reports.Report{}, err
	}
	var prev reports.Attendance
	for _, a := range prevPer {
		prev = prev.Add(a)
	}
	return reports.BuildDNA(r, reports.Periods(r), per, prev, age), nil
}

// WriteReportCSV writes a report's tables as one CSV (RFC 4180, UTF-8 with
// a byte-order mark, CRLF, every cell made safe from spreadsheet
// formulas): each figure's header and rows, its title in the first
// column, then its definition and its sentence, every line padded to the
// same number of fields. The numbers are the tables' own, as the screen
// and the PDF show them; "–" is a figure with nothing to measure.
func WriteReportCSV(w io.Writer, rep reports.Report) error {
	width := 0
	for _, f := range rep.Figures {
		width = max(width, 1+len(f.Table.Header), 3)
	}
	var lines [][]string
	line := func(cells ...string) {
		row := make([]string, width)
		copy(row, cells)
		lines = append(lines, row)
	}
	for _, f := range rep.Figures {
		line(append([]string{"Figure"}, f.Table.Header...)...)
		for _, row := range f.Table.Rows {
			line(append([]string{f.Title}, row...)...)
		}
		line(f.Title, "What is counted", f.Definition)
		line(f.Title, "In a sentence", f.Summary)
	}
	header := make([]string, width)
	header[0], header[1], header[2] = rep.Title, rep.Range.Describe(), rep.Who
	return writeSafeCSV(w, header, len(lines), func(i int) []string { return lines[i] })
}
