package letters

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
)

// samplePack is two reports over a financial year: a DNA report of one
// monthly bar chart, and a waiting report whose weekly table runs over a page.
func samplePack() ReportPack {
	rng := reports.Range{From: ukcal.NewDate(2026, 4, 1), To: ukcal.NewDate(2027, 3, 31), By: reports.ByMonth}
	months := []string{"Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026",
		"Oct 2026", "Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027"}
	dna := []float64{7.1, 6.4, reports.Missing, 5.9, 5.4, 6.0, 6.2, 5.8, 6.9, 7.4, 6.1, 5.4}
	var dnaRows [][]string
	for i, m := range months {
		cell := "–"
		if !reports.IsMissing(dna[i]) {
			cell = strconv.FormatFloat(dna[i], 'f', 1, 64) + "%"
		}
		dnaRows = append(dnaRows, []string{m, strconv.Itoa(100 + 100*i), cell})
	}
	weekly := rng
	weekly.By = reports.ByWeek
	var weeks []string
	var median []float64
	var waitRows [][]string
	for d, i := ukcal.NewDate(2026, 3, 30), 0; d.Before(rng.To); d, i = d.AddDays(7), i+1 {
		label := "w/c " + d.Format("2 Jan")
		weeks = append(weeks, label)
		v := 6 + float64(i%9)/2
		median = append(median, v)
		waitRows = append(waitRows, []string{label, strconv.Itoa(3 + i%5), strconv.FormatFloat(v, 'f', 1, 64), strconv.Itoa(90 - i%7),
			strconv.Itoa(i % 3), strconv.FormatFloat(v*2, 'f', 1, 64), "100.0"})
	}
	return ReportPack{
		Clinic: Letterhead{Name: "Harbour Clinic", Address: []string{"1 Quay Street", "Falmouth", "TR11 3HH"}},
		Made:   time.Date(2026, 12, 7, 9, 30, 0, 0, ukcal.London()),
		Reports: []reports.Report{
			{Kind: reports.DNA, Title: "Did not attend", Range: rng, Figures: []reports.Figure{{
				Title: "DNA rate", Chart: reports.Bar, Unit: reports.Percent, XLabel: "Month",
				Definition: "Appointments marked did not attend, of the appointments that were due. " +
					"Children who were not brought are counted apart.",
				Categories: months,
				Series:     []reports.Series{{Name: "DNA rate", Values: dna}},
				Summary:    "The DNA rate fell from 7.1% to 5.4%.",
				Table:      reports.Table{Header: []string{"Month", "Appointments due", "DNA rate"}, Rows: dnaRows},
			}}},
			{Kind: reports.Waiting, Title: "Waiting times", Range: weekly, Figures: []reports.Figure{{
				Title: "Weeks from referral to first appointment", Chart: reports.Line, Unit: reports.Weeks, XLabel: "Week",
				Definition: "Median weeks from the day a referral was received to the first appointment attended.",
				Categories: weeks,
				Series:     []reports.Series{{Name: "Median", Values: median}},
				Summary:    "Waits were longest in the week of 25 May.",
				Table: reports.Table{Header: []string{"Week", "First appointments", "Median weeks to first appointment",
					"Within 18 weeks (%)", "First treatments", "Median weeks to treatment", "Treated within 18 weeks (%)"}, Rows: waitRows},
			}}},
		},
	}
}

func TestTheReportPackHasACoverThenEachFigureWithItsWordsAndTable(t *testing.T) {
	needPoppler(t)
	var buf bytes.Buffer
	warnings, err := RenderReportPack(&buf, samplePack())
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("unexpected warnings: %v", warnings.Messages())
	}
	path := writePDF(t, "report-pack.pdf", buf.Bytes())
	text := squash(pdfText(t, path))
	for _, want := range []string{
		"Harbour Clinic", "Clinic reports", "1 April 2026 to 31 March 2027", "The whole clinic", "By month",
		"Made on Monday 7 December 2026 at 09:30", "In this pack • Did not attend • Waiting times Made on",
		"Did not attend", "DNA rate", "The DNA rate fell from 7.1% to 5.4%.",
		"Children who were not brought are counted apart.", "Month Appointments due DNA rate",
		"Jun 2026 300 –", "Mar 2027 1,200 5.4%", // thousands with their commas
		"Waiting times", "Weeks from referral to first appointment", "Waits were longest in the week of 25 May.",
		"w/c 30 Mar", "w/c 29 Mar",
		"Weeks from referral to first appointment (continued)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the pack does not say %q", want)
		}
	}
	// The weekly table's heading is written again on the page it runs to.
	if n := strings.Count(text, "Treated within 18 weeks (%)"); n < 2 {
		t.Errorf("the weekly table's heading is written %d times, want it on every page it runs to", n)
	}
	// A wide table still writes each week on one line: "w/c 30 Mar", the
	// words side by side.
	boxes := wordBoxes(t, path)
	for i, b := range boxes[:len(boxes)-2] {
		if b.word == "w/c" && (boxes[i+2].page != b.page || boxes[i+2].yMin != b.yMin) {
			t.Errorf("page %d: %s %s %s is not on one line: the week wrapped", b.page, b.word, boxes[i+1].word, boxes[i+2].word)
			break
		}
	}
	if n := pageCount(t, path); n < 4 {
		t.Errorf("%d pages; want the cover, a page for the DNA report and two for the weekly table", n)
	}
	for _, f := range fonts(t, path) {
		if !strings.Contains(strings.ToLower(f.name), "dejavu") || f.embedded != "yes" {
			t.Errorf("font %q (embedded %s): want only the embedded DejaVu faces", f.name, f.embedded)
		}
	}
	checkInsideMargins(t, path)

	// Both charts are pictures of at least 300 dots to the inch at the size printed.
	imgs := run(t, "pdfimages", "-list", path)
	rows := regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+image\s+(\d+)\s+(\d+).*?\s(\d+)\s+(\d+)\s+\S+\s+\S+\s*$`).FindAllStringSubmatch(imgs, -1)
	if len(rows) != 2 {
		t.Fatalf("want 2 chart images, pdfimages lists:\n%s", imgs)
	}
	for _, r := range rows {
		xppi, _ := strconv.Atoi(r[3])
		yppi, _ := strconv.Atoi(r[4])
		if xppi < 299 || yppi < 299 {
			t.Errorf("a chart is printed at %d × %d ppi, want 300", xppi, yppi)
		}
	}

	var again bytes.Buffer
	if _, err := RenderReportPack(&again, samplePack()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("the same pack made twice differs")
	}
}

func TestTheReportPackNamesTheClinicianWhoseFiguresTheyAre(t *testing.T) {
	needPoppler(t)
	p := samplePack()
	p.Reports = p.Reports[:1]
	p.Reports[0].Range.ClinicianID = "c1"
	p.ClinicianName = "Dr Zoë Łukasiewicz-O'Brien"
	var buf bytes.Buffer
	if _, err := RenderReportPack(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, writePDF(t, "report-pack-clinician.pdf", buf.Bytes())))
	if !strings.Contains(text, "Clinician: Dr Zoë Łukasiewicz-O'Brien") || strings.Contains(text, "whole clinic") {
		t.Errorf("the cover does not name the clinician alone:\n%s", text)
	}
}

func TestAReportPackWithoutTimeOrReportsIsRefused(t *testing.T) {
	p := samplePack()
	p.Made = time.Time{}
	if _, err := RenderReportPack(&bytes.Buffer{}, p); err == nil || !strings.Contains(err.Error(), "time it was made") {
		t.Errorf("no time: %v", err)
	}
	p = samplePack()
	p.Reports = nil
	if _, err := RenderReportPack(&bytes.Buffer{}, p); err == nil || !strings.Contains(err.Error(), "no reports") {
		t.Errorf("no reports: %v", err)
	}
	p = samplePack()
	p.Reports[0].Figures[0].Series[0].Values = []float64{1}
	_, err := RenderReportPack(&bytes.Buffer{}, p)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("has 1 values for %d categories", 12)) {
		t.Errorf("a figure whose values do not match: %v", err)
	}
}

// The sample pack (two reports, two charts at 300 dpi, a table over two
// pages): go test -bench ReportPack ./app/letters/ (read, not asserted).
func BenchmarkRenderReportPack(b *testing.B) {
	p := samplePack()
	for b.Loop() {
		if _, err := RenderReportPack(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}
