package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// ImportRow is one spreadsheet row turned into a record, with the line it
// came from and anything the reader could not make sense of.
type ImportRow struct {
	Line     int
	Patient  patients.Patient
	Problems []string
}

// ImportOptions control an import.
type ImportOptions struct {
	DryRun      bool // check everything, change nothing
	SkipInvalid bool // import the good rows and report the rest
	// Progress, if set, is called now and then with rows checked so far.
	Progress func(done, total int)
}

// ImportProblem is one line's reason, reported as "line N: reason".
type ImportProblem struct {
	Line   int
	Reason string
}

func (p ImportProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// ImportReport says what an import did or would do.
type ImportReport struct {
	Rows     int
	Imported int
	Skipped  int
	DryRun   bool
	Problems []ImportProblem // rows that cannot be imported
	Warnings []ImportProblem // imported, but worth a look (possible duplicates)
}

// dobInitial buckets rows for the similar-name check: similar names share
// the forename's first letter, so only rows in one bucket are compared.
type dobInitial struct {
	dob     ukcal.Date
	initial byte
}

// ErrImportRejected: some rows are invalid and nothing was imported.
var ErrImportRejected = errors.New("nothing was imported because some rows have problems: fix them, or import the good rows with --skip-invalid")

// ImportPatients validates every row, finds duplicates within the file and
// against the clinic file, and adds the good rows in one transaction: all
// of them or, without SkipInvalid, none if any row is bad.
func (c *Clinic) ImportPatients(rows []ImportRow, o ImportOptions) (ImportReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermImportPatients)
	if err != nil {
		return ImportReport{}, err
	}
	report := ImportReport{Rows: len(rows), DryRun: o.DryRun}
	opts := patients.Options{Today: c.today(), AllowPseudoPostcode: true}
	var good []patients.Patient
	byNHS := map[string]int{}         // NHS number -> line
	byDOB := map[dobInitial][]int{}   // indices into good, by DOB and forename initial
	var folded []patients.FoldedNames // the names of good, folded once
	var goodLines []int               // the line each of good came from
	for i, r := range rows {
		if o.Progress != nil && i%500 == 0 {
			o.Progress(i, len(rows))
		}
		p := r.Patient
		var reasons []string
		reasons = append(reasons, r.Problems...)
		if err := patients.Normalise(&p, opts); err != nil {
			var fe patients.FieldErrors
			if errors.As(err, &fe) {
				for _, f := range fe {
					reasons = append(reasons, f.Message)
				}
			} else {
				reasons = append(reasons, err.Error())
			}
		}
		if len(reasons) == 0 && p.NHSNumber != "" {
			if line, ok := byNHS[p.NHSNumber]; ok {
				reasons = append(reasons, fmt.Sprintf("the NHS number %s is also on line %d", nhs.FormatNHSNumber(p.NHSNumber), line))
			}
		}
		if len(reasons) == 0 {
			candidates, err := c.store.DuplicateCandidates(p)
			if err != nil {
				return report, err
			}
			for _, d := range patients.LikelyDuplicates(p, candidates) {
				if d.Reason == "the same NHS number" {
					reasons = append(reasons, fmt.Sprintf("a patient with NHS number %s is already in the clinic file (%s %s)",
						nhs.FormatNHSNumber(p.NHSNumber), d.Patient.Forenames, d.Patient.Surname))
				} else {
					report.Warnings = append(report.Warnings, ImportProblem{r.Line,
						fmt.Sprintf("may be the same person as %s %s, already in the clinic file (%s)", d.Patient.Forenames, d.Patient.Surname, d.Reason)})
				}
			}
			names := patients.FoldNames(p)
			for _, j := range byDOB[dobInitial{p.DOB, names.Initial()}] {
				if names.Similar(folded[j]) {
					report.Warnings = append(report.Warnings, ImportProblem{r.Line,
						fmt.Sprintf("may be the same person as line %d (same date of birth and a similar name)", goodLines[j])})
				}
			}
		}
		if len(reasons) > 0 {
			report.Problems = append(report.Problems, ImportProblem{r.Line, strings.Join(reasons, "; ")})
			continue
		}
		if p.NHSNumber != "" {
			byNHS[p.NHSNumber] = r.Line
		}
		names := patients.FoldNames(p)
		key := dobInitial{p.DOB, names.Initial()}
		byDOB[key] = append(byDOB[key], len(good))
		folded = append(folded, names)
		goodLines = append(goodLines, r.Line)
		good = append(good, p)
	}
	if o.Progress != nil {
		o.Progress(len(rows), len(rows))
	}
	sort.SliceStable(report.Problems, func(i, j int) bool { return report.Problems[i].Line < report.Problems[j].Line })
	report.Skipped = len(report.Problems)
	if len(report.Problems) > 0 && !o.SkipInvalid {
		report.Skipped = len(rows)
		return report, ErrImportRejected
	}
	if o.DryRun {
		report.Imported = 0
		return report, nil
	}
	now := c.clock().UTC()
	err = c.writeAs(s, func(tx *writeTx) error {
		for i := range good {
			p := &good[i]
			p.ID = uuid.Must(uuid.NewV7()).String()
			p.Status = patients.Active
			p.CreatedAt, p.UpdatedAt = now, now
			if err := tx.InsertPatient(*p); err != nil {
				return err
			}
			if err := tx.audit(auditEvent{Action: "patient.create", Entity: "patient", ID: p.ID, Patient: p.ID, Detail: "imported"}); err != nil {
				return err
			}
		}
		return tx.audit(auditEvent{Action: "patient.import", Entity: "import", ID: uuid.Must(uuid.NewV7()).String(), Detail: fmt.Sprintf("%d imported, %d skipped", len(good), report.Skipped)})
	})
	if err != nil {
		return report, err
	}
	report.Imported = len(good)
	return report, nil
}
