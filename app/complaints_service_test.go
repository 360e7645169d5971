package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// complaintDesk is a clinic with a patient, a receptionist and a
// clinician, whose clock the test moves.
type complaintDesk struct {
	c       *Clinic
	now     time.Time
	patient patients.Patient
	rita    users.User // receptionist
	colin   users.User // clinician
}

func newComplaintDesk(t *testing.T, day string) *complaintDesk {
	t.Helper()
	c, _, _ := newClinic(t)
	d := &complaintDesk{c: c}
	d.at(day)
	c.now = func() time.Time { return d.now }
	var err error
	if d.patient, err = c.CreatePatient(zoe(), PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	d.rita = addUser(t, c, "rita", Receptionist)
	d.colin = addUser(t, c, "colin", Clinician)
	return d
}

// at moves the clock to 10:00 on the clinic date.
func (d *complaintDesk) at(day string) {
	dt := ukcal.MustParseDate(day)
	d.now = time.Date(dt.Year(), dt.Month(), dt.Day(), 10, 0, 0, 0, ukcal.London())
}

func (d *complaintDesk) signIn(t *testing.T, username string) {
	t.Helper()
	pw := "staff-password-" + username
	if username == "amanager" {
		pw = managerPassword
	}
	if err := d.c.SignIn(username, pw); err != nil {
		t.Fatal(err)
	}
}

func (d *complaintDesk) details(channel complaints.Channel, received string) complaints.Details {
	return complaints.Details{
		ComplainantName: "Zoë Łukasiewicz-O'Brien", Complainant: complaints.ComplainantPatient, PatientID: d.patient.ID,
		ComplainantPhone: "07700 900123", Channel: channel, Received: ukcal.MustParseDate(received),
		Subjects:    []complaints.SubjectArea{complaints.SubjectAppointments, complaints.SubjectStaffAttitude},
		StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration},
		Description: "Kept waiting 50 minutes and spoken to rudely at the desk.", DesiredOutcome: "An apology",
	}
}

func (d *complaintDesk) log(t *testing.T, channel complaints.Channel, received string) ComplaintRecord {
	t.Helper()
	r, err := d.c.LogComplaint(d.details(channel, received))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (d *complaintDesk) move(t *testing.T, id string, to complaints.Status, outcome complaints.Outcome, signedOff string) ComplaintRecord {
	t.Helper()
	r, err := d.c.MoveComplaint(id, to, outcome, signedOff, "")
	if err != nil {
		t.Fatalf("move to %s: %v", to, err)
	}
	return r
}

func countAudit(t *testing.T, c *Clinic, action string) int {
	t.Helper()
	rows, err := c.AuditLog(audit.Filter{Action: action, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestComplaintWorkflowRefusesShortcutsAndAuditsEveryMove(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	r := d.log(t, complaints.Written, "2026-11-02")
	if r.Reference != "C-2026-001" || r.Status != complaints.Received {
		t.Fatalf("logged: %+v", r)
	}
	if second := d.log(t, complaints.Email, "2026-10-30"); second.Reference != "C-2026-002" {
		t.Fatalf("second reference %s", second.Reference)
	}

	refusals := []struct {
		to      complaints.Status
		outcome complaints.Outcome
		signed  string
		kind    error
	}{
		{complaints.Investigating, "", "", complaints.ErrSkipsStep},
		{complaints.ResponseSent, complaints.Upheld, "Ann Manager", complaints.ErrSkipsStep},
		{complaints.ReferredPHSO, "", "", complaints.ErrSkipsStep},
		{complaints.Closed, complaints.NotUpheld, "", complaints.ErrNotResolvedNextDay}, // written, not oral
	}
	for _, x := range refusals {
		if _, err := d.c.MoveComplaint(r.ID, x.to, x.outcome, x.signed, ""); !errors.Is(err, x.kind) {
			t.Errorf("received → %s: got %v, want %v", x.to, err, x.kind)
		}
	}

	d.at("2026-11-04")
	r = d.move(t, r.ID, complaints.Acknowledged, "", "")
	if r.Acknowledged != ukcal.MustParseDate("2026-11-04") || r.ResponsePeriod != complaints.AgreedWorkingDays(25) {
		t.Fatalf("acknowledgement did not record the date and the default period: %+v", r)
	}
	// 25 working days after Monday 2 November 2026.
	if r.Next.Key != "response_due" || r.Next.Due != ukcal.MustParseDate("2026-12-07") {
		t.Fatalf("response due: %+v", r.Next)
	}
	d.move(t, r.ID, complaints.Investigating, "", "")
	_, err := d.c.MoveComplaint(r.ID, complaints.ResponseSent, complaints.NoOutcome, "Ann Manager", "")
	if !errors.Is(err, complaints.ErrNeedsOutcome) || !strings.Contains(err.Error(), "record the outcome") {
		t.Fatalf("final response without an outcome: %v", err)
	}
	_, err = d.c.MoveComplaint(r.ID, complaints.ResponseSent, complaints.PartiallyUpheld, "  ", "")
	if !errors.Is(err, complaints.ErrNeedsSignOff) {
		t.Fatalf("final response without sign-off: %v", err)
	}
	d.at("2026-11-20")
	r = d.move(t, r.ID, complaints.ResponseSent, complaints.PartiallyUpheld, "Dr Amira Khan")
	if r.HasNext || r.SignedOffBy != "Dr Amira Khan" || r.Outcome != complaints.PartiallyUpheld {
		t.Fatalf("after the final response: %+v", r)
	}
	if _, err := d.c.MoveComplaint(r.ID, complaints.Investigating, "", "", ""); !errors.Is(err, complaints.ErrGoesBack) {
		t.Fatalf("going back: %v", err)
	}
	d.at("2026-11-23")
	r = d.move(t, r.ID, complaints.Closed, "", "")
	if r.Outcome != complaints.PartiallyUpheld || r.ClosedOn != ukcal.MustParseDate("2026-11-23") ||
		r.RetainUntil != ukcal.MustParseDate("2036-11-23") {
		t.Fatalf("closed: %+v", r)
	}

	// Four moves made, four audited; the refusals wrote nothing.
	if n := countAudit(t, d.c, "complaint.move"); n != 4 {
		t.Fatalf("%d complaint.move audit rows, want 4", n)
	}
	f, err := d.c.Complaint(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.History) != 5 || !f.History[0].Logged || f.History[3].SignedOffBy != "Dr Amira Khan" {
		t.Fatalf("history: %+v", f.History)
	}
	for _, h := range f.History {
		if h.By != "amanager" || h.At.IsZero() || h.At.Location() != time.UTC {
			t.Fatalf("a move is not attributed and time-stamped in UTC: %+v", h)
		}
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "complaint.move", Limit: 1})
	if rows[0].Patient != d.patient.ID || !strings.Contains(rows[0].Detail, "C-2026-001: Response sent, then Closed") {
		t.Fatalf("audit row: %+v", rows[0])
	}
}

func TestOralComplaintResolvedNextDayIsClosedStraightAway(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-20") // a Friday
	oral := d.log(t, complaints.Oral, "2026-11-20")
	late := d.log(t, complaints.Oral, "2026-11-19")
	d.at("2026-11-23") // Monday: the next working day after Friday
	r := d.move(t, oral.ID, complaints.Closed, complaints.Upheld, "")
	if !r.ResolvedNextDay || r.Status != complaints.Closed {
		t.Fatalf("not recorded as resolved by the next working day: %+v", r)
	}
	_, err := d.c.MoveComplaint(late.ID, complaints.Closed, complaints.Upheld, "", "")
	if !errors.Is(err, complaints.ErrNotResolvedNextDay) || !strings.Contains(err.Error(), "Friday 20 November 2026") {
		t.Fatalf("an oral complaint two working days old closed without the procedure: %v", err)
	}
	rep, err := d.c.ComplaintsReturn(2026)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Excluded != 1 || rep.Count(complaints.MeasureNew) != 1 {
		t.Fatalf("return: excluded %d, new %d", rep.Excluded, rep.Count(complaints.MeasureNew))
	}
}

func TestDeadlinesForAComplaintReceivedTheSaturdayBeforeABankHoliday(t *testing.T) {
	// Saturday 29 August 2026; Monday 31 August is the summer bank holiday
	// in England and Wales, so the three working days after the day of
	// receipt are Tuesday to Thursday.
	d := newComplaintDesk(t, "2026-08-29")
	r := d.log(t, complaints.Email, "2026-08-29")
	if r.Due.AcknowledgeBy != ukcal.MustParseDate("2026-09-03") || r.Due.SixMonths != ukcal.MustParseDate("2027-02-28") {
		t.Fatalf("deadlines: %+v", r.Due)
	}
	d.at("2026-09-01")
	f, err := d.c.Complaint(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.NextText != "due in 2 working days" || f.Overdue {
		t.Fatalf("on Tuesday 1 September: %q", f.NextText)
	}
	soon, err := d.c.ComplaintsDueSoon(2)
	if err != nil || len(soon) != 1 {
		t.Fatalf("due soon: %v %v", soon, err)
	}
	d.at("2026-09-04")
	over, err := d.c.OverdueComplaints()
	if err != nil || len(over) != 1 || over[0].NextText != "overdue by 1 working day" {
		t.Fatalf("overdue on Friday: %+v %v", over, err)
	}
	d.move(t, r.ID, complaints.Acknowledged, "", "")
	if over, _ := d.c.OverdueComplaints(); len(over) != 0 {
		t.Fatalf("still overdue once acknowledged: %+v", over)
	}
	// The complaint keeps the rule set it was logged under when the
	// clinic's region changes; a new one follows the new region. Scotland
	// has no summer bank holiday on 31 August: a day earlier.
	cs, _ := d.c.CalendarSettings()
	cs.Region = "scotland"
	if err := d.c.SaveCalendarSettings(cs); err != nil {
		t.Fatal(err)
	}
	f, _ = d.c.Complaint(r.ID)
	if f.Due.AcknowledgeBy != ukcal.MustParseDate("2026-09-03") || f.Rules != complaints.EnglandNHS {
		t.Fatalf("the English complaint moved with the region: %s %+v", f.Due.AcknowledgeBy, f.Rules)
	}
	det := d.details(complaints.Email, "2026-08-29")
	det.Rules.Funding = complaints.Private
	scot, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	if scot.Rules != (complaints.Rules{Nation: complaints.Scotland, Funding: complaints.Private}) ||
		scot.Due.AcknowledgeBy != ukcal.MustParseDate("2026-09-02") {
		t.Fatalf("Scottish private complaint: %+v, acknowledge by %s", scot.Rules, scot.Due.AcknowledgeBy)
	}
}

func TestComplaintPermissionsAndTheTimelineLink(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	d.signIn(t, "rita")
	r := d.log(t, complaints.Written, "2026-11-23")
	r = d.move(t, r.ID, complaints.Acknowledged, "", "")
	if _, err := d.c.AddComplaintNote(r.ID, ComplaintActionKind, "Call Ms Łukasiewicz-O'Brien back on Tuesday"); err != nil {
		t.Fatal(err)
	}
	d.move(t, r.ID, complaints.Investigating, "", "")
	var pe *PermissionError
	if _, err := d.c.MoveComplaint(r.ID, complaints.ResponseSent, complaints.Upheld, "Rita", ""); !errors.As(err, &pe) {
		t.Fatalf("a receptionist sent the final response: %v", err)
	}
	if _, err := d.c.ComplaintsReturn(2026); !errors.As(err, &pe) {
		t.Fatalf("a receptionist produced the return: %v", err)
	}
	if err := d.c.SaveComplaintSettings(complaints.Settings{DefaultResponseDays: 20, MaxResponseDays: 60}); !errors.As(err, &pe) {
		t.Fatalf("a receptionist changed the settings: %v", err)
	}
	timeline, err := d.c.Timeline(d.patient.ID)
	if err != nil {
		t.Fatal(err)
	}
	var links []TimelineEntry
	for _, e := range timeline {
		if e.Kind == "complaint" {
			links = append(links, e)
		}
		if strings.Contains(e.Detail, "rudely") || strings.Contains(e.Title, "rudely") {
			t.Fatalf("the complaint's content is on the timeline: %+v", e)
		}
	}
	if len(links) != 1 || links[0].Title != "Complaint C-2026-001 (open)" || links[0].ComplaintID != r.ID {
		t.Fatalf("receptionist's timeline links: %+v", links)
	}

	d.signIn(t, "colin")
	if _, err := d.c.ListComplaints(ComplaintQuery{}); !errors.As(err, &pe) {
		t.Fatalf("a clinician listed complaints: %v", err)
	}
	if _, err := d.c.Complaint(r.ID); !errors.As(err, &pe) {
		t.Fatalf("a clinician opened a complaint: %v", err)
	}
	if _, err := d.c.LogComplaint(d.details(complaints.Oral, "2026-11-23")); !errors.As(err, &pe) {
		t.Fatalf("a clinician logged a complaint: %v", err)
	}
	timeline, err = d.c.Timeline(d.patient.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range timeline {
		if e.Kind == "complaint" || strings.Contains(e.Title, "Complaint") {
			t.Fatalf("a clinician sees a complaint on the clinical timeline: %+v", e)
		}
	}

	d.signIn(t, "amanager")
	d.move(t, r.ID, complaints.ResponseSent, complaints.Upheld, "Ann Manager")
	d.move(t, r.ID, complaints.Closed, "", "")
	timeline, _ = d.c.Timeline(d.patient.ID)
	found := false
	for _, e := range timeline {
		found = found || e.Title == "Complaint C-2026-001 (closed)"
	}
	if !found {
		t.Fatal("the manager's timeline has no link to the closed complaint")
	}
}

func TestComplaintDetailsAreCheckedAndListsFilter(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	bad := d.details(complaints.Written, "2026-11-24")
	if _, err := d.c.LogComplaint(bad); err == nil || !strings.Contains(err.Error(), "after today") {
		t.Fatalf("a complaint received tomorrow: %v", err)
	}
	bad = d.details(complaints.Written, "2026-11-20")
	bad.ResponsePeriod = complaints.AgreedWorkingDays(200)
	if _, err := d.c.LogComplaint(bad); !errors.Is(err, complaints.ErrResponsePeriod) {
		t.Fatalf("a response period over the maximum: %v", err)
	}
	bad = d.details(complaints.Written, "2026-11-20")
	bad.PatientID = ""
	if _, err := d.c.LogComplaint(bad); err == nil {
		t.Fatal("a patient's own complaint without their record")
	}

	neighbour := d.details(complaints.Email, "2026-11-16")
	neighbour.Complainant, neighbour.PatientID = complaints.ComplainantOther, ""
	neighbour.ComplainantName, neighbour.Description = "Bob Neighbour", "Ambulances parked across the drive"
	neighbour.OwnerID = d.rita.ID
	neighbour.Subjects = []complaints.SubjectArea{complaints.SubjectFacilities}
	n, err := d.c.LogComplaint(neighbour)
	if err != nil {
		t.Fatal(err)
	}
	if n.OwnerName != "Staff rita" || n.PatientName != "" {
		t.Fatalf("names: %+v", n)
	}
	z := d.log(t, complaints.Written, "2026-11-23")
	if z.PatientName != "Zoë Łukasiewicz-O'Brien" || z.ComplainantPhone != "+447700900123" {
		t.Fatalf("patient complaint: %+v", z)
	}

	for _, x := range []struct {
		q    ComplaintQuery
		want []string
	}{
		{ComplaintQuery{Search: "zoe lukasiewicz"}, []string{z.Reference}},
		{ComplaintQuery{Search: "AMBULANCES"}, []string{n.Reference}},
		{ComplaintQuery{Search: "C-2026-00"}, []string{z.Reference, n.Reference}},
		{ComplaintQuery{Search: "%"}, nil},
		{ComplaintQuery{OwnerID: d.rita.ID}, []string{n.Reference}},
		{ComplaintQuery{List: ComplaintsOverdue}, []string{n.Reference}}, // acknowledge by Thursday 19 November
		{ComplaintQuery{List: ComplaintsDueSoon, Within: 5}, []string{z.Reference}},
		{ComplaintQuery{List: ComplaintsOpen, Status: complaints.Received}, []string{z.Reference, n.Reference}},
		{ComplaintQuery{Status: complaints.Closed}, nil},
	} {
		got, err := d.c.ListComplaints(x.q)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, r := range got {
			refs = append(refs, r.Reference)
		}
		if strings.Join(refs, ",") != strings.Join(x.want, ",") {
			t.Errorf("%+v: got %v, want %v", x.q, refs, x.want)
		}
	}

	n.ResponsePeriod = complaints.AgreedDate(ukcal.MustParseDate("2027-01-15"))
	n.OwnerID = ""
	u, err := d.c.UpdateComplaint(n.ID, n.Details)
	if err != nil {
		t.Fatal(err)
	}
	if u.Due.ResponseDue != ukcal.MustParseDate("2027-01-15") || u.OwnerName != "" {
		t.Fatalf("update: %+v", u)
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "complaint.update"})
	if len(rows) != 1 || rows[0].Detail != "changed: owner, response period" {
		t.Fatalf("update audit: %+v", rows)
	}
	if err := d.c.SaveComplaintSettings(complaints.Settings{DefaultResponseDays: 30, MaxResponseDays: 20}); err == nil {
		t.Fatal("a maximum shorter than the default was saved")
	}
	if err := d.c.SaveComplaintSettings(complaints.Settings{DefaultResponseDays: 30, MaxResponseDays: 90}); err != nil {
		t.Fatal(err)
	}
	r := d.move(t, z.ID, complaints.Acknowledged, "", "")
	if r.ResponsePeriod != complaints.AgreedWorkingDays(30) {
		t.Fatalf("the new default was not offered: %v", r.ResponsePeriod)
	}
}
