package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"clinicdesk/app/charts"
	"clinicdesk/app/letters"
	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"

	"github.com/google/uuid"
)

// A report saved as a picture: each chart this size, at 1.5 times the
// screen's scale so it stays sharp on a slide or in an email.
const (
	reportPNGWidth  = 1800
	reportPNGHeight = 900
	reportPNGScale  = 1.5
)

// ReportKinds are the reports the signed-in user may run, in the order
// the screen lists them: a clinician does not get those about the whole
// clinic only.
func (c *Clinic) ReportKinds() []reports.Kind {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReports)
	if err != nil {
		return nil
	}
	_, limited, err := c.clinicianScopeLocked(s)
	if err != nil {
		return nil
	}
	var out []reports.Kind
	for _, k := range reports.Kinds {
		if !limited || !k.ForWholeClinicOnly() {
			out = append(out, k)
		}
	}
	return out
}

// ReportCSV writes a report's tables as CSV (WriteReportCSV: the same
// numbers as the tables under the charts, safe in a spreadsheet); saving
// is audited.
func (c *Clinic) ReportCSV(w io.Writer, rep reports.Report) error {
	_, err := c.saveReports(w, "CSV", []reports.Report{rep}, func(out io.Writer, _ string) ([]string, error) {
		return nil, WriteReportCSV(out, rep)
	})
	return err
}

// ReportPDF writes reports as one PDF pack (letters.RenderReportPack): a
// cover with the clinic, whose figures and the dates, then every figure's
// chart, sentence, definition and table. It returns anything a person
// should check (a name the fonts could not print). Saving is audited.
func (c *Clinic) ReportPDF(w io.Writer, reps []reports.Report) ([]string, error) {
	d, err := c.Details()
	if err != nil {
		return nil, err
	}
	now := c.clock().In(ukcal.London())
	return c.saveReports(w, "PDF", reps, func(out io.Writer, clinician string) ([]string, error) {
		warnings, err := letters.RenderReportPack(out, letters.ReportPack{
			Clinic: letterhead(d), ClinicianName: clinician, Made: now, Reports: reps})
		return warnings.Messages(), err
	})
}

// ReportPNG writes a report's charts as one PNG picture, each with its
// title (the sentences go with the picture as text, not in it). Saving is
// audited.
func (c *Clinic) ReportPNG(w io.Writer, rep reports.Report) error {
	_, err := c.saveReports(w, "PNG", []reports.Report{rep}, func(out io.Writer, _ string) ([]string, error) {
		var figs []reports.Figure
		for _, f := range rep.Figures {
			if len(f.Categories) > 0 {
				figs = append(figs, f)
			}
		}
		if len(figs) == 0 {
			return nil, errors.New("this report has no chart to save for these dates")
		}
		return nil, charts.PNGStack(out, figs, reportPNGWidth, reportPNGHeight, reportPNGScale)
	})
	return err
}

// saveReports checks that the session may see every report's figures (a
// clinician only their own), renders them with write into memory, then
// writes them to w and records the saving in the audit trail in one
// transaction, so a file that failed is not recorded as saved.
func (c *Clinic) saveReports(w io.Writer, format string, reps []reports.Report,
	write func(out io.Writer, clinicianName string) ([]string, error)) ([]string, error) {
	if len(reps) == 0 {
		return nil, errors.New("there is no report to save")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewReports)
	if err != nil {
		return nil, err
	}
	var whose []string
	clinician := ""
	for _, rep := range reps {
		r := rep.Range
		who, err := c.reportClinicianLocked(s, rep.Kind, &r)
		if err != nil {
			return nil, err
		}
		if r.ClinicianID != rep.Range.ClinicianID {
			return nil, errors.New("a clinician saves only their own figures: show your own, then save")
		}
		if r.ClinicianID != "" {
			if cl, err := c.store.Clinician(r.ClinicianID); err == nil {
				clinician = cl.Name
			}
		}
		whose = append(whose, fmt.Sprintf("%s report, %s, %s", rep.Kind, r.Describe(), who))
	}
	var buf bytes.Buffer
	warnings, err := write(&buf, clinician)
	if err != nil {
		return nil, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		if _, err := buf.WriteTo(w); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "report.export", Entity: "export", ID: uuid.Must(uuid.NewV7()).String(),
			Detail: strings.Join(whose, "; ") + " to " + format})
	})
	return warnings, err
}
