package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/complaints"
)

// TestAuditTrailShowsThePatientsNameOnlyToThoseAllowed: the audit trail
// names the patient ("Zoë Łukasiewicz-O'Brien", not an id) for a manager,
// who may see patients' records; a role that may read the trail but not
// patients' records sees "A patient"; a receptionist may not read it at
// all. The check is in app, so no screen or command can skip it.
func TestAuditTrailShowsThePatientsNameOnlyToThoseAllowed(t *testing.T) {
	c, _, _ := newClinic(t)
	p, err := c.CreatePatient(zoe(), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Patient(p.ID); err != nil {
		t.Fatal(err)
	}

	lines, err := c.AuditTrail(audit.Filter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var viewed *AuditLine
	for i := range lines {
		if lines[i].Action == "patient.view" {
			viewed = &lines[i]
			break
		}
	}
	if viewed == nil {
		t.Fatal("the view of the record is not in the trail")
	}
	if viewed.What != "Viewed the record" {
		t.Errorf("the view is said %q, want it in words", viewed.What)
	}
	if viewed.PatientName != "Zoë Łukasiewicz-O'Brien" || viewed.PatientShown != viewed.PatientName {
		t.Errorf("a manager sees the patient as %q / %q, want the name", viewed.PatientName, viewed.PatientShown)
	}

	// A role that may read the trail but not patients' records: no names.
	const auditor Role = "test-auditor"
	rolePermissions[auditor] = map[Permission]bool{PermViewAudit: true}
	t.Cleanup(func() { delete(rolePermissions, auditor) })
	c.mu.Lock()
	manager := c.session.Role
	c.session.Role = auditor
	c.mu.Unlock()
	lines, err = c.AuditTrail(audit.Filter{Patient: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 {
		t.Fatal("the auditor sees none of the patient's entries")
	}
	for _, l := range lines {
		if l.PatientName != "" || strings.Contains(l.PatientShown, "Zoë") || l.PatientShown != "A patient" {
			t.Errorf("%s: a role that may not see patients' records sees %q / %q", l.Action, l.PatientName, l.PatientShown)
		}
	}

	// A receptionist may not read the trail at all.
	c.mu.Lock()
	c.session.Role = Receptionist
	c.mu.Unlock()
	var perm *PermissionError
	if _, err := c.AuditTrail(audit.Filter{}); !errors.As(err, &perm) {
		t.Errorf("a receptionist read the audit trail: %v", err)
	}
	c.mu.Lock()
	c.session.Role = manager
	c.mu.Unlock()
}

// TestNoArrowGlyphReachesTheAuditTrail: a complaint moved on is written in
// words ("Received, then Acknowledged"), and details an older version
// wrote with an arrow are shown in words too, since the window's fonts
// have no arrow and showed "→" as a broken character.
func TestNoArrowGlyphReachesTheAuditTrail(t *testing.T) {
	if got := PlainDetail("C-2026-001: Received → Acknowledged"); got != "C-2026-001: Received, then Acknowledged" {
		t.Errorf("an older detail is shown as %q", got)
	}
	if got := PlainDetail("Investigating→Closed"); strings.Contains(got, "→") {
		t.Errorf("an arrow without spaces is shown as %q", got)
	}
	d := newComplaintDesk(t, "2026-03-02")
	r := d.log(t, complaints.Written, "2026-03-02")
	d.move(t, r.ID, complaints.Acknowledged, "", "")
	rows, err := d.c.AuditLog(audit.Filter{Action: "complaint.move", Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("%v %v", rows, err)
	}
	if strings.Contains(rows[0].Detail, "→") || !strings.Contains(rows[0].Detail, "Received, then Acknowledged") {
		t.Errorf("a complaint moved on is written %q, want it in words", rows[0].Detail)
	}
	lines, err := d.c.AuditTrail(audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if strings.Contains(l.Detail, "→") || strings.Contains(l.What, "→") {
			t.Errorf("%s is shown with an arrow: %q", l.Action, l.Detail)
		}
	}
}
