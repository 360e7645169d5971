package app

import (
	"errors"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// complaintYear builds the register behind the hand-counted return for
// 2025-26 (1 April 2025 to 31 March 2026), moving the clock through it:
//
//	A  written, received 10/02/2025, upheld 12/05/2025        brought forward, upheld
//	B  written, received 03/03/2025, not upheld 20/03/2025    before the year: nothing
//	C  email,   received 02/06/2025, partly upheld 15/07/2025  new, partially upheld
//	D  written, received 01/09/2025, not upheld 05/05/2026    new, carried forward
//	E  oral,    received 06/10/2025, closed 07/10/2025        resolved next day: excluded
//	F  written, received 01/12/2025, response 15/01/2026, PHSO 02/02/2026,
//	   from someone neither the patient nor acting for them   not counted
//	G  written, received 02/04/2026                           after the year: nothing
//
// so brought forward 1 + new 2 − resolved 2 = carried forward 1.
func complaintYear(t *testing.T) *complaintDesk {
	t.Helper()
	d := newComplaintDesk(t, "2025-02-10")
	child, err := d.c.CreatePatient(patients.Patient{Forenames: "Alfie", Surname: "Ng", DOB: ukcal.MustParseDate("2015-06-01")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	elder, err := d.c.CreatePatient(patients.Patient{Forenames: "Edna", Surname: "Price", DOB: ukcal.MustParseDate("1940-01-15")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	full := func(id string, ack, resp string, outcome complaints.Outcome, close string) {
		d.at(ack)
		d.move(t, id, complaints.Acknowledged, "", "")
		d.move(t, id, complaints.Investigating, "", "")
		d.at(resp)
		d.move(t, id, complaints.ResponseSent, outcome, "Ann Manager")
		if close != "" {
			d.at(close)
			d.move(t, id, complaints.Closed, "", "")
		}
	}
	logAs := func(received string, ch complaints.Channel, patientID string, who complaints.ComplainantStatus,
		subjects []complaints.SubjectArea, groups []complaints.StaffGroup) string {
		d.at(received)
		det := d.details(ch, received)
		det.PatientID, det.Complainant, det.Subjects, det.StaffGroups = patientID, who, subjects, groups
		r, err := d.c.LogComplaint(det)
		if err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	clinical := []complaints.SubjectArea{complaints.SubjectClinical}
	gp := []complaints.StaffGroup{complaints.StaffGP}
	a := logAs("2025-02-10", complaints.Written, d.patient.ID, complaints.ComplainantPatient, clinical, gp)
	b := logAs("2025-03-03", complaints.Written, d.patient.ID, complaints.ComplainantPatient, clinical, gp)
	full(b, "2025-03-04", "2025-03-18", complaints.NotUpheld, "2025-03-20")
	full(a, "2025-02-11", "2025-05-09", complaints.Upheld, "2025-05-12")
	c := logAs("2025-06-02", complaints.Email, child.ID, complaints.ComplainantOnBehalf,
		[]complaints.SubjectArea{complaints.SubjectAppointments, complaints.SubjectCommunications},
		[]complaints.StaffGroup{complaints.StaffAdministration, complaints.StaffNursing})
	full(c, "2025-06-03", "2025-07-14", complaints.PartiallyUpheld, "2025-07-15")
	dd := logAs("2025-09-01", complaints.Written, elder.ID, complaints.ComplainantPatient, clinical, gp)
	e := logAs("2025-10-06", complaints.Oral, d.patient.ID, complaints.ComplainantPatient, clinical, gp)
	d.at("2025-10-07")
	d.move(t, e, complaints.Closed, complaints.Upheld, "")
	f := logAs("2025-12-01", complaints.Written, "", complaints.ComplainantOther,
		[]complaints.SubjectArea{complaints.SubjectFacilities}, []complaints.StaffGroup{complaints.StaffOther})
	full(f, "2025-12-02", "2026-01-15", complaints.Upheld, "")
	d.at("2026-02-02")
	d.move(t, f, complaints.ReferredPHSO, "", "")
	logAs("2026-04-02", complaints.Written, d.patient.ID, complaints.ComplainantPatient, clinical, gp)
	full(dd, "2025-09-02", "2026-05-01", complaints.NotUpheld, "2026-05-05")
	d.at("2026-11-23")
	return d
}

func TestKO41bReturnOfAHandCountedYear(t *testing.T) {
	d := complaintYear(t)
	// Not NHS care in England: neither counted.
	for _, rules := range []complaints.Rules{{Nation: complaints.Wales, Funding: complaints.NHSFunded}, {Nation: complaints.England, Funding: complaints.Private}} {
		det := d.details(complaints.Written, "2025-08-01")
		det.Rules = rules
		if _, err := d.c.LogComplaint(det); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := d.c.ComplaintsReturn(2025)
	if err != nil {
		t.Fatal(err)
	}
	want := map[complaints.Measure]int{
		complaints.MeasureBroughtForward: 1, complaints.MeasureNew: 2, complaints.MeasureUpheld: 1,
		complaints.MeasurePartiallyUpheld: 1, complaints.MeasureNotUpheld: 0, complaints.MeasureCarriedForward: 1,
	}
	for m, n := range want {
		if got := rep.Count(m); got != n {
			t.Errorf("%s: %d, want %d", m.Label(), got, n)
		}
	}
	if rep.Excluded != 1 || rep.Period() != "2025-26" || len(rep.Warnings) != 0 {
		t.Fatalf("excluded %d, period %s, warnings %v", rep.Excluded, rep.Period(), rep.Warnings)
	}
	if rep.NotFromPatient != 1 || rep.NotNHSEngland != 2 || rep.Variant != complaints.GPReturn {
		t.Errorf("not from the patient %d (want 1), not NHS in England %d (want 2), form %q", rep.NotFromPatient, rep.NotNHSEngland, rep.Variant)
	}
	cells := []struct {
		m        complaints.Measure
		b        complaints.Breakdown
		category string
		want     int
	}{
		{complaints.MeasureNew, complaints.BySubject, string(complaints.SubjectAppointments), 1},
		{complaints.MeasureNew, complaints.BySubject, string(complaints.SubjectClinical), 1},
		{complaints.MeasureNew, complaints.ByStaffGroup, string(complaints.StaffNursing), 1},
		{complaints.MeasureNew, complaints.ByAgeBand, string(complaints.Age0to17), 1},     // Alfie, 10
		{complaints.MeasureNew, complaints.ByAgeBand, string(complaints.Age75AndOver), 1}, // Edna, 85
		{complaints.MeasureNew, complaints.ByAgeBand, string(complaints.AgeNotKnown), 0},  // F, not counted
		{complaints.MeasureNew, complaints.ByComplainant, string(complaints.ComplainantOnBehalf), 1},
		{complaints.MeasureNew, complaints.ByComplainant, string(complaints.ComplainantPatient), 1},
		// Breakdowns are of new complaints only.
		{complaints.MeasureBroughtForward, complaints.ByAgeBand, string(complaints.Age18to64), 0},
		{complaints.MeasureCarriedForward, complaints.ByStaffGroup, string(complaints.StaffGP), 0},
	}
	for _, x := range cells {
		if got := rep.CountBy(x.m, x.b, x.category); got != x.want {
			t.Errorf("%s by %s, %s: %d, want %d", x.m, x.b, x.category, got, x.want)
		}
	}
	if n := countAudit(t, d.c, "complaints.return"); n != 1 {
		t.Fatalf("%d audit rows for the return", n)
	}

	// The next year starts from this one's carried forward.
	next, err := d.c.ComplaintsReturn(2026)
	if err != nil {
		t.Fatal(err)
	}
	if next.Count(complaints.MeasureBroughtForward) != 1 || next.Count(complaints.MeasureNew) != 1 ||
		next.Count(complaints.MeasureNotUpheld) != 1 || next.Count(complaints.MeasureCarriedForward) != 1 {
		t.Fatalf("2026-27: %+v", next.Rows()[:6])
	}

	d.signIn(t, "rita")
	var pe *PermissionError
	if _, err := d.c.ComplaintsReturn(2025); !errors.As(err, &pe) {
		t.Fatalf("a receptionist produced the return: %v", err)
	}
}
