package app

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

var sd = ukcal.MustParseDate

func sarPatient(t *testing.T, c *Clinic) patients.Patient {
	t.Helper()
	p, err := c.CreatePatient(patients.Patient{Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12"),
		Address: patients.Address{Line1: "4 Heol y Wennol", Town: "Caerdydd", Postcode: "CF11 9AB"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sarActions(t *testing.T, c *Clinic, id string) []string {
	t.Helper()
	rows, err := c.store.ListAudit(audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Seq < rows[j].Seq })
	var out []string
	for _, r := range rows {
		if r.EntityID == id {
			out = append(out, r.Action)
		}
	}
	return out
}

func TestSARRegisterFromArrivalToCopy(t *testing.T) { // today is Tuesday 24 November 2026
	c, now := sarClinic(t)
	p := sarPatient(t, c)

	if _, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-02")}); err == nil || !strings.Contains(err.Error(), "identity") {
		t.Fatalf("logged with no identity check and no wait: %v", err)
	}
	if _, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-25"), IdentityCheck: "known"}); err == nil {
		t.Fatal("logged a request received tomorrow")
	}
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-02"), RequestedBy: "Smith & Co Solicitors, on her behalf",
		AwaitingIdentity: true, Scope: "letters since 2024"})
	if err != nil {
		t.Fatal(err)
	}
	if req.Status() != sar.StatusAwaitingIdentity || req.Scope != "letters since 2024" || req.ByPatient() {
		t.Errorf("logged %+v, status %s", req, req.Status())
	}
	open, err := c.OpenSARs()
	if err != nil || len(open) != 1 || open[0].Overdue || open[0].Words != "paused: waiting for proof of identity" || open[0].Patient != "Ms Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("open requests %+v %v", open, err)
	}

	if _, err := c.ResumeSAR(req.ID, sd("2026-11-09"), "", ""); err == nil {
		t.Fatal("resumed without saying how identity was checked")
	}
	if req, err = c.ResumeSAR(req.ID, sd("2026-11-09"), "signed authority and her passport seen", ""); err != nil {
		t.Fatal(err)
	}
	// 2 Dec + 7 days paused = Wednesday 9 December.
	if open, _ = c.OpenSARs(); len(open) != 1 || open[0].Due.String() != "2026-12-09" || open[0].Words != "due in 11 working days" {
		t.Fatalf("after identity came: %+v", open)
	}
	if req, err = c.PauseSAR(req.ID, sd("2026-11-20"), sar.AwaitingClarification); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PauseSAR(req.ID, sd("2026-11-21"), sar.AwaitingIdentity); err == nil {
		t.Fatal("paused twice at once")
	}
	if req, err = c.ResumeSAR(req.ID, sd("2026-11-23"), "", "letters since March 2024"); err != nil {
		t.Fatal(err)
	}
	stored, err := c.SARRequest(req.ID)
	if err != nil || len(stored.Pauses) != 2 || stored.IdentityCheck != "signed authority and her passport seen" ||
		stored.Scope != "letters since March 2024" || stored.Status() != sar.Open {
		t.Fatalf("stored %+v %v", stored, err)
	}

	// Weeks later with nothing sent: 9 Dec + 3 = Saturday 12th, so Monday 14th.
	*now = time.Date(2026, 12, 16, 9, 0, 0, 0, ukcal.London())
	if open, _ = c.OpenSARs(); len(open) != 1 || !open[0].Overdue || open[0].Due.String() != "2026-12-14" || open[0].Words != "overdue by 2 working days" {
		t.Fatalf("overdue: %+v", open)
	}
	if _, _, err := c.ExtendSAR(req.ID, sd("2026-12-16"), "it is long"); err == nil || !strings.Contains(err.Error(), "14/12/2026") {
		t.Fatalf("extended after the first month: %v", err)
	}

	var pdf, js bytes.Buffer
	done, err := c.ProduceSAR(req.ID, &pdf, &js)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status() != sar.Produced || pdf.Len() == 0 || !strings.Contains(js.String(), `"scope": "letters since March 2024"`) ||
		!strings.Contains(js.String(), `"reason": "clarification"`) {
		t.Errorf("produced %+v\n%s", done, js.String())
	}
	sarCheckPDFText(t, pdf.Bytes(), "Asked for letters since March 2024", "Requested by Smith & Co Solicitors")
	if cp := parseSARCopy(t, js.Bytes()); cp.Request.Due != "2026-12-14" || len(cp.SubjectAccessRequests) != 0 {
		t.Errorf("the copy's request: %+v, earlier %d", cp.Request, len(cp.SubjectAccessRequests))
	}
	if open, _ = c.OpenSARs(); len(open) != 0 {
		t.Errorf("still open after the copy: %+v", open)
	}
	if _, err := c.ProduceSAR(req.ID, &bytes.Buffer{}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("a second copy for a closed request: %v", err)
	}
	if _, err := c.PauseSAR(req.ID, sd("2026-12-16"), sar.AwaitingIdentity); err == nil {
		t.Error("paused a closed request")
	}
	want := []string{"sar.log", "sar.resume", "sar.pause", "sar.resume", "patient.sar"}
	if got := sarActions(t, c, req.ID); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("audit %v, want %v", got, want)
	}
}

func TestSARExtensionNoticeIsLettered(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-02"), IdentityCheck: "known to reception"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.ExtendSAR(req.ID, sd("2026-11-24"), "  "); err == nil {
		t.Fatal("extended with no reason")
	}
	ext, letter, err := c.ExtendSAR(req.ID, sd("2026-11-24"), "the record runs to twelve years of notes, some on paper")
	if err != nil {
		t.Fatal(err)
	}
	if ext.Status() != sar.Extended || ext.ExtensionSent.String() != "2026-11-24" {
		t.Errorf("extended: %+v", ext)
	}
	sarCheckPDFText(t, letter.PDF, "Dear Ms Łukasiewicz-O'Brien", "2 November 2026",
		"The record runs to twelve years of notes, some on paper.", "Tuesday 2 February 2027", "0303 123 1113")
	if open, _ := c.OpenSARs(); len(open) != 1 || open[0].Due.String() != "2027-02-02" {
		t.Errorf("register after extension: %+v", open)
	}
	recs, err := c.store.LetterRecords(p.ID)
	if err != nil || len(recs) != 1 || recs[0].Template != "sar_extension" || recs[0].SHA256 != letter.SHA256 {
		t.Errorf("correspondence %+v %v", recs, err)
	}
	if _, _, err := c.ExtendSAR(req.ID, sd("2026-11-24"), "again"); err == nil {
		t.Error("extended twice")
	}
	if got := sarActions(t, c, req.ID); strings.Join(got, " ") != "sar.log sar.extend" {
		t.Errorf("audit %v", got)
	}
}

func TestSARDueFollowsTheClinicsRegion(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	// One month from 30 October is Monday 30 November: St Andrew's Day,
	// a bank holiday in Scotland only.
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-10-30"), IdentityCheck: "known to reception"})
	if err != nil {
		t.Fatal(err)
	}
	due := func() string {
		open, err := c.OpenSARs()
		if err != nil || len(open) != 1 || open[0].Request.ID != req.ID {
			t.Fatalf("%+v %v", open, err)
		}
		return open[0].Due.String()
	}
	if got := due(); got != "2026-11-30" {
		t.Errorf("England and Wales: due %s", got)
	}
	cs, err := c.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	cs.Region = ukcal.Scotland.String()
	if err := c.SaveCalendarSettings(cs); err != nil {
		t.Fatal(err)
	}
	if got := due(); got != "2026-12-01" {
		t.Errorf("Scotland: due %s", got)
	}
}

func TestSARRegisterIsNotForClinicians(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-02"), IdentityCheck: "known to reception"})
	if err != nil {
		t.Fatal(err)
	}
	pw := sarStaff(t, c, "dclinician", "Dr Siân Ŵyn", Clinician)
	sarSignIn(t, c, "dclinician", pw)
	var perr *PermissionError
	checks := map[string]error{}
	_, checks["log"] = c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-02"), IdentityCheck: "known"})
	_, checks["list"] = c.OpenSARs()
	_, checks["pause"] = c.PauseSAR(req.ID, sd("2026-11-03"), sar.AwaitingIdentity)
	_, checks["resume"] = c.ResumeSAR(req.ID, sd("2026-11-03"), "x", "")
	_, _, checks["extend"] = c.ExtendSAR(req.ID, sd("2026-11-03"), "x")
	_, checks["produce"] = c.ProduceSAR(req.ID, &bytes.Buffer{}, &bytes.Buffer{})
	for what, err := range checks {
		if !errors.As(err, &perr) || perr.Perm != PermSubjectAccess {
			t.Errorf("clinician %s: %v", what, err)
		}
	}
	if got := sarActions(t, c, req.ID); strings.Join(got, " ") != "sar.log" {
		t.Errorf("refused, yet audited: %v", got)
	}
}
