package app

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/patientcsv"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

func TestAppointmentCSVRoundTripsCommasAndDisarmsFormulas(t *testing.T) {
	d := newDiary(t)
	r := d.req(d.john, d.evans, "2026-11-24", "10:00")
	r.Notes = `=HYPERLINK("http://evil.example","click"), then call back`
	a := d.book(t, r)
	d.book(t, d.req(d.zoe, d.patel, "2026-11-24", "11:00"))
	var buf bytes.Buffer
	n, err := d.c.ExportAppointments(&buf, AppointmentExport{Format: "csv", ClinicianID: d.evans.ID})
	if err != nil || n != 1 {
		t.Fatalf("exported %d: %v", n, err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "\ufeff") || !strings.Contains(raw, "\r\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
		t.Fatalf("not BOM + CRLF:\n%q", raw)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v %v", rows, err)
	}
	row := map[string]string{}
	for i, h := range rows[0] {
		row[h] = rows[1][i]
	}
	if row["Patient"] != "John Smith, Jr" || row["Date"] != "24/11/2026" || row["Start"] != "10:00" || row["End"] != "10:30" ||
		row["Clinician"] != "Dr Siân Evans" || row["Status"] != "Booked" || row["Appointment ID"] != a.ID {
		t.Fatalf("row: %v", row)
	}
	if patientcsv.LooksLikeFormula(row["Notes"]) || !strings.HasPrefix(row["Notes"], "'=") {
		t.Fatalf("the note would run as a formula: %q", row["Notes"])
	}
	if patientcsv.Unneutralise(row["Notes"]) != r.Notes {
		t.Fatalf("note did not round-trip: %q", row["Notes"])
	}
	audit, _ := d.c.AuditLog(audit.Filter{Action: "appointment.export"})
	if len(audit) != 1 || !strings.HasPrefix(audit[0].Detail, "1 appointments to CSV") {
		t.Fatalf("audit: %+v", audit)
	}
}

func TestAppointmentICSIsFoldedCRLFWithUniqueUIDs(t *testing.T) {
	d := newDiary(t)
	long := d.req(d.john, d.evans, "2026-11-24", "10:00")
	long.Notes = strings.Repeat("Bring the scan results from the hospital; ", 6) + "Zoë's café — ünïcödé"
	a := d.book(t, long)
	d.book(t, d.req(d.zoe, d.evans, "2026-11-25", "09:00"))
	c := d.book(t, d.req(d.zoe, d.evans, "2026-11-26", "09:00"))
	d.c.SetStatus(c.ID, schedule.StatusCancelledClinic, "Clinician ill")
	d.book(t, d.req(d.zoe, d.evans, "2026-12-01", "09:00")) // outside the range
	var buf bytes.Buffer
	n, err := d.c.ExportAppointments(&buf, AppointmentExport{Format: "ics", ClinicianID: d.evans.ID,
		From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-29")})
	if err != nil || n != 3 {
		t.Fatalf("exported %d: %v", n, err)
	}
	raw := buf.String()
	if !strings.HasSuffix(raw, "END:VCALENDAR\r\n") {
		t.Fatalf("does not end with CRLF: %q", raw[len(raw)-30:])
	}
	lines := strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare line break: %q", i+1, l)
		}
	}
	// Unfold (RFC 5545 §3.1) and look at the content.
	var unfolded []string
	for _, l := range lines {
		if strings.HasPrefix(l, " ") && len(unfolded) > 0 {
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	uids := map[string]bool{}
	var starts, cancelled int
	for _, l := range unfolded {
		switch {
		case strings.HasPrefix(l, "UID:"):
			if uids[l] || !strings.HasSuffix(l, "@clinicdesk") {
				t.Errorf("bad or repeated %s", l)
			}
			uids[l] = true
		case strings.HasPrefix(l, "DTSTART"):
			starts++
			if !strings.HasSuffix(l, "Z") && !strings.Contains(l, "TZID=Europe/London") {
				t.Errorf("start without a zone: %s", l)
			}
		case l == "STATUS:CANCELLED":
			cancelled++
		}
	}
	if len(uids) != 3 || starts != 3 || cancelled != 1 {
		t.Fatalf("%d UIDs, %d starts, %d cancelled", len(uids), starts, cancelled)
	}
	all := strings.Join(unfolded, "\n")
	for _, want := range []string{"UID:" + a.ID + "@clinicdesk", "DTSTART:20261124T100000Z", `SUMMARY:Follow-up — John Smith\, Jr`, "Zoë's café — ünïcödé", "X-WR-CALNAME:Dr Siân Evans — appointments"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
}
