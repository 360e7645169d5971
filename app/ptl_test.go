package app

import (
	"bytes"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The PTL export holds every open pathway, breach date first, and only
// those: a stopped clock, a closed referral and a referral out are not on
// it; a pathway with no clock comes last.
func TestPTLExportListsTheOpenPathwaysBreachFirst(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	on := ukcal.MustParseDate
	add := func(patientID, received string, kind pathways.Kind, clinicianID string) pathways.Referral {
		r := gpReferral(patientID, received)
		r.Kind, r.ClinicianID = kind, clinicianID
		return addReferral(t, c, r)
	}
	recent := add(d.zoe.ID, "2026-11-02", pathways.RTT, d.evans.ID)
	breached := add(d.john.ID, "2026-06-01", pathways.RTT, d.patel.ID)
	physio := add(d.john.ID, "2026-01-05", pathways.Other, "")
	treated := add(d.zoe.ID, "2026-08-03", pathways.RTT, d.evans.ID)
	if _, err := c.RecordReferralEvent(treated.ID, pathways.FirstDefinitiveTreatment, on("2026-11-16"), ""); err != nil {
		t.Fatal(err)
	}
	closed := add(d.zoe.ID, "2026-05-01", pathways.RTT, d.evans.ID)
	if _, err := c.CloseReferral(closed.ID, "referred in error"); err != nil {
		t.Fatal(err)
	}
	out := gpReferral(d.zoe.ID, "2026-11-10")
	out.Direction, out.Kind, out.Party = pathways.Out, pathways.Other, pathways.Party{Organisation: "St Elsewhere Hospital"}
	addReferral(t, c, out)

	var buf bytes.Buffer
	n, err := c.ExportPTL(&buf, pathways.PTLFilter{})
	if err != nil || n != 3 {
		t.Fatalf("exported %d: %v", n, err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n")
	want := []string{
		"\ufeffpatient,nhs_number,clinician,pathway,urgency,received,clock,clock_start,weeks_waited,breach_date,breached,next_step,next_due,owner,referral_id",
		`"John Smith, Jr",,Ms Priya Patel,Consultant-led (18 weeks),Routine,01/06/2026,Running,01/06/2026,25,05/10/2026,yes,Book the first appointment,,Ann Manager,` + breached.ID,
		"Ms Zoë Łukasiewicz-O'Brien,943 476 5919,Dr Siân Evans,Consultant-led (18 weeks),Routine,02/11/2026,Running,02/11/2026,3,08/03/2027,no,Book the first appointment,,Ann Manager," + recent.ID,
	}
	if len(lines) != 4 {
		t.Fatalf("the export:\n%s", buf.String())
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n got %s\nwant %s", i, lines[i], w)
		}
	}
	if !strings.HasPrefix(lines[3], `"John Smith, Jr",,,Other,Routine,05/01/2026,,,,,,`) || !strings.HasSuffix(lines[3], physio.ID) {
		t.Errorf("the pathway with no clock: %s", lines[3])
	}
	exports := 0
	rows, _ := c.store.ListAudit(audit.Filter{})
	for _, r := range rows {
		if r.Action == "ptl.export" && r.Entity == "export" && strings.Contains(r.Detail, "3 pathways to CSV") {
			exports++
		}
	}
	if exports != 1 {
		t.Errorf("%d PTL exports audited", exports)
	}

	// At risk within 14 days: only the breached one.
	buf.Reset()
	if n, err := c.ExportPTL(&buf, pathways.PTLFilter{AtRisk: true, AtRiskDays: 14}); err != nil || n != 1 || !strings.Contains(buf.String(), breached.ID) {
		t.Errorf("at risk: %d %v\n%s", n, err, buf.String())
	}

	// A clinician's list is their own pathways only.
	doc := addUser(t, c, "drevans", Clinician)
	d.evans.UserID = doc.ID
	if _, err := c.SaveClinician(d.evans); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("drevans", "staff-password-drevans"); err != nil {
		t.Fatal(err)
	}
	list, err := c.PTL(pathways.PTLFilter{})
	if err != nil || len(list.Rows) != 1 || list.Rows[0].Referral.ID != recent.ID || list.Buckets.Counted != 1 || list.Buckets.UpTo6 != 1 {
		t.Errorf("the clinician's PTL: %+v %v", list, err)
	}
}
