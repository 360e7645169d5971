package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
)

func TestComplaintExportRoundTripsAndCarriesNoPersonalDetails(t *testing.T) {
	d := complaintYear(t)
	var buf bytes.Buffer
	n, err := d.c.ExportComplaints(&buf)
	if err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "\ufeff") || !strings.Contains(raw, "\r\n") {
		t.Fatal("no byte-order mark or CRLF line ends")
	}
	for _, personal := range []string{"Zoë", "Łukasiewicz", "rudely", "+44", "Edna"} {
		if strings.Contains(raw, personal) {
			t.Fatalf("the export carries %q", personal)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 || len(rows) != 8 || strings.Join(rows[0], ",") != strings.Join(ComplaintCSVHeader, ",") {
		t.Fatalf("%d complaints, %d rows, header %v", n, len(rows), rows[0])
	}
	list, err := d.c.ListComplaints(ComplaintQuery{})
	if err != nil {
		t.Fatal(err)
	}
	// The register lists newest first; the export reads oldest first.
	for i, r := range list {
		got := rows[len(rows)-1-i]
		if want := ComplaintCells(r); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row for %s:\n got %q\nwant %q", r.Reference, got, want)
		}
	}
	first := rows[1]
	want := []string{"C-2025-001", "10/02/2025", "13/02/2025", "11/02/2025", "17/03/2025", "closed", "upheld", "written", "clinical", "gp", "england", "nhs"}
	if strings.Join(first, "|") != strings.Join(want, "|") {
		t.Fatalf("first row %q, want %q", first, want)
	}
	c := rows[3]
	if c[8] != "appointments; communications" || c[9] != "practice_admin; nursing" || c[6] != string(complaints.PartiallyUpheld) {
		t.Fatalf("lists: %q", c)
	}
	if countAudit(t, d.c, "complaints.export") != 1 {
		t.Fatal("the export was not audited")
	}
	d.signIn(t, "rita")
	var pe *PermissionError
	if _, err := d.c.ExportComplaints(&bytes.Buffer{}); !errors.As(err, &pe) {
		t.Fatalf("a receptionist exported the register: %v", err)
	}
}
