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
	lines := strings.Split(strings.TrimSuffix(csv.String(), "\r\n"), "\r\n")
	table := rep.Figures[0].Table
	if len(lines) != 1+len(table.Rows) || lines[0] != "\ufeff"+strings.Join(table.Header, ",") {
		t.Fatalf("the CSV is not the table:\n%s", csv.String())
	}
	if lines[1] != strings.Join(table.Rows[0], ",") || !strings.HasPrefix(lines[1], "Nov 2026,2,1,0,50.0") {
		t.Errorf("November's row: %s", lines[1])
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

// Cells a spreadsheet would run as a formula are made safe, titles and
// headings too; a report of several figures writes each under its title.
func TestAReportsCSVIsSafeInASpreadsheet(t *testing.T) {
	rep := reports.Report{Kind: reports.Complaints, Figures: []reports.Figure{
		{Title: "By subject", Table: reports.Table{Header: []string{"Subject", "Count"}, Rows: [][]string{{"=HYPERLINK(\"x\")", "2"}, {"Staff, attitude", "1"}}}},
		{Title: "@By outcome", Table: reports.Table{Header: []string{"Outcome", "Count"}, Rows: [][]string{{"Upheld", "3"}}}},
	}}
	var buf bytes.Buffer
	if err := writeReportCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffBy subject\r\nSubject,Count\r\n\"'=HYPERLINK(\"\"x\"\")\",2\r\n\"Staff, attitude\",1\r\n\r\n'@By outcome\r\nOutcome,Count\r\nUpheld,3\r\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
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
