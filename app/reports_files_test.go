package app

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// A report saved as CSV, PDF and PNG holds the numbers of its tables and
// charts, and each saving is in the audit trail.
func TestAReportSavesAsCSVPDFAndPictureAndIsAudited(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	d.markMissed(t, d.zoe, "2026-11-02")
	seen := d.book(t, d.req(d.john, d.evans, "2026-11-03", "09:00"))
	if _, err := c.SetStatus(seen.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatal(err)
	}
	rng := reports.Range{From: ukcal.MustParseDate("2026-11-01"), To: ukcal.MustParseDate("2026-11-30"), By: reports.ByMonth}
	rep, err := c.Report(reports.DNA, rng)
	if err != nil {
		t.Fatal(err)
	}

	var csv bytes.Buffer
	if err := c.ReportCSV(&csv, rep); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if err := WriteReportCSV(&plain, rep); err != nil || !bytes.Equal(csv.Bytes(), plain.Bytes()) {
		t.Fatalf("the saved CSV is not WriteReportCSV's (%v):\n%s", err, csv.String())
	}
	if row := "," + strings.Join(rep.Figures[0].Table.Rows[0], ",") + "\r\n"; !strings.Contains(csv.String(), row) ||
		!strings.Contains(row, ",Nov 2026,2,1,0,50.0") {
		t.Errorf("November's row %q is not in the CSV:\n%s", row, csv.String())
	}

	var pdf bytes.Buffer
	warnings, err := c.ReportPDF(&pdf, []reports.Report{rep})
	if err != nil || len(warnings) > 0 || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("the PDF pack: %d bytes, warnings %q, %v", pdf.Len(), warnings, err)
	}

	var pic bytes.Buffer
	if err := c.ReportPNG(&pic, rep); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&pic)
	if err != nil || img.Bounds().Dx() != reportPNGWidth || img.Bounds().Dy() != reportPNGHeight*len(rep.Figures) {
		t.Fatalf("the picture: %v, %v", img.Bounds(), err)
	}

	saved := 0
	for _, a := range auditActions(t, c) {
		if strings.HasSuffix(a, " report.export") {
			saved++
		}
	}
	if saved != 3 {
		t.Errorf("%d savings audited, want 3 (CSV, PDF, PNG)", saved)
	}
	if w := ActionWords("report.export"); strings.Contains(w, "report.export") || w == "" {
		t.Errorf("the audit trail writes report.export as %q", w)
	}
}

// A clinician saves only their own figures: a report of the whole clinic,
// shown to a manager, is refused, and nothing is written.
func TestAClinicianCannotSaveTheWholeClinicsFigures(t *testing.T) {
	d := newDiary(t)
	c := d.c
	rng := reports.Range{From: ukcal.MustParseDate("2026-11-01"), To: ukcal.MustParseDate("2026-11-30"), By: reports.ByMonth}
	whole, err := c.Report(reports.DNA, rng)
	if err != nil {
		t.Fatal(err)
	}
	u, err := c.AddUser(NewUser{Username: "sevans", FullName: "Dr Siân Evans", Role: Clinician, Password: "a long clinician password"})
	if err != nil {
		t.Fatal(err)
	}
	d.evans.UserID = u.ID
	if _, err := c.SaveClinician(d.evans); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("sevans", "a long clinician password"); err != nil {
		t.Fatal(err)
	}
	if kinds := c.ReportKinds(); len(kinds) == 0 || len(kinds) == len(reports.Kinds) {
		t.Errorf("a clinician may run %q", kinds)
	}
	var buf bytes.Buffer
	if err := c.ReportCSV(&buf, whole); err == nil || buf.Len() > 0 {
		t.Fatalf("a clinician saved the whole clinic's figures (%d bytes): %v", buf.Len(), err)
	}
	own, err := c.Report(reports.DNA, rng)
	if err != nil || own.Range.ClinicianID != d.evans.ID {
		t.Fatalf("the clinician's own report: %+v %v", own.Range, err)
	}
	if err := c.ReportCSV(&buf, own); err != nil {
		t.Errorf("a clinician could not save their own figures: %v", err)
	}
}
