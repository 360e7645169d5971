package letters

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// ptlFixture is a list long enough for three pages: forty pathways ten days
// apart, the oldest long past 18 weeks, and one other-kind referral.
func ptlFixture(t *testing.T, f pathways.PTLFilter) pathways.PTL {
	t.Helper()
	asOf := ukcal.MustParseDate("2026-11-23")
	var entries []pathways.PTLEntry
	for i := range 40 {
		received := asOf.AddDays(-10*i - 3)
		ref := pathways.Referral{ID: fmt.Sprintf("r%02d", i), Direction: pathways.In, Date: received, Urgency: pathways.Routine,
			Kind: pathways.RTT, Status: pathways.StatusOpen, ClinicianID: "dr-patel"}
		events := []pathways.Event{{Kind: pathways.ReferralReceived, On: received}}
		if i%3 == 0 {
			events = append(events, pathways.Event{Kind: pathways.FirstAppointmentBooked, On: received.AddDays(2)})
		}
		entries = append(entries, pathways.PTLEntry{Referral: ref, Events: events, PatientName: fmt.Sprintf("Patient %02d", i),
			NHSNumber: "999 123 45" + fmt.Sprintf("%02d", i), ClinicianName: "Dr Asha Patel", OwnerName: "Sam Reception"})
	}
	entries[5].PatientName = "Siân O’Brien-Łukasiewicz"
	entries = append(entries, pathways.PTLEntry{
		Referral: pathways.Referral{ID: "other", Direction: pathways.In, Date: asOf.AddDays(-20), Urgency: pathways.Urgent,
			Kind: pathways.Other, Status: pathways.StatusOpen, ClinicianID: "dr-patel"},
		PatientName: "Zoë Other", ClinicianName: "Dr Asha Patel", OwnerName: "Sam Reception"})
	list, err := pathways.BuildPTL(entries, f, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestPTLPDF(t *testing.T) {
	needPoppler(t)
	list := ptlFixture(t, pathways.PTLFilter{})
	printed := time.Date(2026, 11, 23, 9, 30, 0, 0, ukcal.London())
	var buf bytes.Buffer
	warnings, err := RenderPTL(&buf, PTLReport{ClinicName: "Harbour Clinic", List: list, Printed: printed})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	path := writePDF(t, "ptl.pdf", buf.Bytes())
	if info := run(t, "pdfinfo", path); !regexp.MustCompile(`Page size:\s+841\.89 x 595\.28 pts`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
	pages := pageCount(t, path)
	if pages < 2 {
		t.Fatalf("%d page(s): the fixture should need more than one", pages)
	}
	// In layout mode each row's first line reads across the page.
	text := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	flat := squash(text)
	b := list.Buckets
	for _, want := range []string{
		"Harbour Clinic Printed 23/11/2026 at 09:30", "Patient tracking list", "As of Monday 23 November 2026",
		fmt.Sprintf("%d %d %d %d %d %d %d Up to 6 weeks 6 to 12 weeks 12 to 18 weeks Over 18 weeks of them over 52 weeks Waiting, in all No clock to count",
			b.UpTo6, b.UpTo12, b.UpTo18, b.Over18, b.Over52, b.Counted, b.NotCounted),
		"Treat by Weeks Patient Received Pathway Clinician Next step Owner",
		// The longest wait first: received 26 October 2025, 18 weeks on 1 March 2026.
		"01/03/2026 56 Patient 39 26/10/2025 Consultant-led (18 weeks) Dr Asha Patel Awaiting the first appointment Sam Reception",
		"18 weeks passed NHS 999 123 4539 Routine",
		"O’Brien-Łukasiewicz", "NHS 999 123 4505", "Book the first appointment",
		"26/11/2026 17 Patient 12 23/07/2026", "in 3 days NHS 999 123 4512 Routine",
		"No clock – Zoë Other 03/11/2026 Other Dr Asha Patel No waiting-time clock: close Sam Reception", "Urgent the referral when finished",
		fmt.Sprintf("Page 1 of %d", pages), fmt.Sprintf("Page %d of %d", pages, pages),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, flat)
		}
	}
	if b.Counted != 40 || b.NotCounted != 1 || b.Over52 == 0 {
		t.Errorf("fixture buckets %+v", b)
	}
	// Every page has the column headings; later pages say whose list it is.
	for i, page := range strings.Split(text, "\f")[:pages] {
		if !strings.Contains(squash(page), "Treat by Weeks Patient Received Pathway Clinician Next step Owner") {
			t.Errorf("page %d has no column headings", i+1)
		}
		if i > 0 && !strings.Contains(squash(page), "Patient tracking list, as of Monday 23 November 2026 (continued)") {
			t.Errorf("page %d does not say it continues the list", i+1)
		}
	}
	// Earliest breach first: patient 39 (oldest) before patient 00.
	if strings.Index(flat, "Patient 39") > strings.Index(flat, "Patient 00") {
		t.Error("the rows are not in breach-date order")
	}
	checkInsideLandscapeMargins(t, path)

	var again bytes.Buffer
	if _, err := RenderPTL(&again, PTLReport{ClinicName: "Harbour Clinic", List: list, Printed: printed}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("the same list rendered twice differs")
	}
}

func TestPTLPDFFilteredAndEmpty(t *testing.T) {
	needPoppler(t)
	printed := time.Date(2026, 11, 23, 9, 30, 0, 0, ukcal.London())
	list := ptlFixture(t, pathways.PTLFilter{ClinicianID: "dr-patel", Kind: pathways.Cancer, AtRisk: true, AtRiskDays: 14})
	var buf bytes.Buffer
	if _, err := RenderPTL(&buf, PTLReport{ClinicName: "Harbour Clinic", List: list, ClinicianName: "Dr Asha Patel", Printed: printed}); err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, "ptl-empty.pdf", buf.Bytes())
	flat := squash(pdfText(t, path))
	for _, want := range []string{
		"Only the patients of Dr Asha Patel; on cancer pathways; at risk: 18 weeks passed or passing within 14 days.",
		"No open pathways match this list.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, flat)
		}
	}
	if pageCount(t, path) != 1 || strings.Contains(flat, "Page 1") {
		t.Errorf("an empty list is one unnumbered page:\n%s", flat)
	}
	if _, err := RenderPTL(&buf, PTLReport{List: list}); err == nil {
		t.Error("a list with no time printed rendered")
	}
}

// checkInsideLandscapeMargins is checkInsideMargins on an A4 landscape page.
func checkInsideLandscapeMargins(t *testing.T, path string) {
	t.Helper()
	const mmToPt = 72 / 25.4
	left, right := marginMM*mmToPt-0.5, (ptlPageWidth-marginMM)*mmToPt+0.5
	top, bottom := (marginMM-2)*mmToPt, (ptlPageHeight-10)*mmToPt
	for _, w := range wordBoxes(t, path) {
		if w.xMin < left || w.xMax > right || w.yMin < top || w.yMax > bottom {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f pt is outside the margins", w.page, w.word, w.xMin, w.xMax, w.yMin, w.yMax)
		}
	}
}
