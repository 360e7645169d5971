package app

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// gpReferral is a routine consultant-led referral in for p, received on
// the day given.
func gpReferral(patientID, received string) pathways.Referral {
	return pathways.Referral{PatientID: patientID, Direction: pathways.In, Date: ukcal.MustParseDate(received),
		Party:   pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice", ODSCode: "b86 001"},
		Urgency: pathways.Routine, Kind: pathways.RTT, Reason: "  knee pain for six months ", Documents: "GP letter, X-ray report"}
}

func addReferral(t *testing.T, c *Clinic, r pathways.Referral) pathways.Referral {
	t.Helper()
	added, err := c.AddReferral(r)
	if err != nil {
		t.Fatal(err)
	}
	return added
}

// auditRows are the audit rows about one record, oldest first.
func auditRows(t *testing.T, c *Clinic, entityID string) []audit.Entry {
	t.Helper()
	rows, err := c.store.ListAudit(audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Seq < rows[j].Seq })
	var out []audit.Entry
	for _, r := range rows {
		if r.EntityID == entityID {
			out = append(out, r)
		}
	}
	return out
}

func countReferrals(t *testing.T, c *Clinic) int {
	t.Helper()
	rows, err := c.store.Referrals(data.ReferralFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestAddReferralChecksWhatItIsGiven(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	good := gpReferral(d.zoe.ID, "2026-11-02")
	cases := []struct {
		change func(r *pathways.Referral)
		want   string
	}{
		{func(r *pathways.Referral) { r.Direction = "sideways" }, "came in to the clinic or is going out"},
		{func(r *pathways.Referral) { r.PatientID = "" }, "choose the patient"},
		{func(r *pathways.Referral) { r.PatientID = "nobody" }, "not in this clinic file"},
		{func(r *pathways.Referral) { r.Date = ukcal.Date{} }, "give the date the referral was received"},
		{func(r *pathways.Referral) { r.Date = ukcal.MustParseDate("2026-11-24") }, "24/11/2026"},
		{func(r *pathways.Referral) { r.Urgency = "soonish" }, "not an urgency"},
		{func(r *pathways.Referral) { r.Kind = "physio" }, "not a kind of pathway"},
		{func(r *pathways.Referral) { r.Urgency = pathways.SuspectedCancer }, "cancer pathway"},
		{func(r *pathways.Referral) { r.Party = pathways.Party{} }, "name the referrer"},
		{func(r *pathways.Referral) { r.Direction, r.Party = pathways.Out, pathways.Party{} }, "say where the patient is referred to"},
		{func(r *pathways.Referral) { r.Reason = " " }, "say why the patient is referred"},
		{func(r *pathways.Referral) { r.Party.ODSCode = "B86-001!" }, "not an ODS code"},
		{func(r *pathways.Referral) { r.OwnerID = "nobody" }, "look after the referral"},
		{func(r *pathways.Referral) { r.ClinicianID = "nobody" }, "not in this clinic's diary"},
		{func(r *pathways.Referral) { r.ReplyDueBy = ukcal.MustParseDate("2026-12-01") }, "kept on referrals out"},
		{func(r *pathways.Referral) { r.AcknowledgedOn = ukcal.MustParseDate("2026-11-01") }, "cannot be before the referral was received"},
		{func(r *pathways.Referral) {
			r.Direction, r.Kind = pathways.Out, pathways.Other
			r.ChaseDates = []ukcal.Date{ukcal.MustParseDate("2026-12-01"), ukcal.MustParseDate("2026-11-25")}
		}, "earliest first"},
	}
	for i, tc := range cases {
		r := good
		tc.change(&r)
		if _, err := c.AddReferral(r); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("case %d: %v, want it to say %q", i, err, tc.want)
		}
	}
	if n := countReferrals(t, c); n != 0 {
		t.Fatalf("%d referrals stored by refused adds", n)
	}

	r := addReferral(t, c, good)
	s, _ := c.Session()
	if r.Status != pathways.StatusOpen || r.OwnerID != s.User.ID || r.Reason != "knee pain for six months" || r.Party.ODSCode != "B86001" ||
		r.CreatedBy != s.User.ID || r.ID == "" {
		t.Errorf("added %+v", r)
	}
	rec, err := c.Referral(r.ID)
	if err != nil || len(rec.Events) != 1 || rec.Events[0].Kind != pathways.ReferralReceived || rec.Events[0].On != r.Date ||
		!rec.HasClock || rec.Clock.Status != pathways.ClockRunning || rec.Clock.Start != r.Date || rec.Clock.Breach.String() != "2027-03-08" ||
		rec.Patient != "Ms Zoë Łukasiewicz-O'Brien" || rec.NHSNumber != "9434765919" {
		t.Fatalf("opened %+v %v", rec, err)
	}
	acts := auditRows(t, c, r.ID)
	if len(acts) != 2 || acts[0].Action != "referral.add" || acts[0].Patient != d.zoe.ID || acts[1].Action != "referral.view" ||
		acts[1].Patient != d.zoe.ID || strings.Contains(acts[0].Detail, "knee") {
		t.Errorf("audited %+v", acts)
	}

	// A referral out: no clock here, other by default, chase dates kept.
	out := good
	out.Direction, out.Kind, out.Urgency = pathways.Out, "", pathways.Urgent
	out.Party = pathways.Party{Name: "Radiology", Organisation: "St Elsewhere Hospital"}
	out.ReplyDueBy, out.ChaseDates = ukcal.MustParseDate("2026-12-14"), []ukcal.Date{ukcal.MustParseDate("2026-11-30")}
	o := addReferral(t, c, out)
	if rec, _ := c.Referral(o.ID); o.Kind != pathways.Other || rec.HasClock || len(rec.Events) != 0 || len(rec.Referral.ChaseDates) != 1 {
		t.Errorf("referral out %+v %+v", o, rec)
	}
	if _, err := c.RecordReferralEvent(o.ID, pathways.DecisionToTreat, ukcal.MustParseDate("2026-11-20"), ""); err == nil ||
		!strings.Contains(err.Error(), "referral out has no pathway here") {
		t.Errorf("an event on a referral out: %v", err)
	}
}

func TestUpdateReferralKeepsTheDeskFields(t *testing.T) {
	d := newDiary(t)
	c := d.c
	in := addReferral(t, c, gpReferral(d.zoe.ID, "2026-11-02"))
	desk := ReferralDesk{OwnerID: in.OwnerID, ClinicianID: d.evans.ID, Documents: "GP letter", AcknowledgedOn: ukcal.MustParseDate("2026-11-03")}
	got, err := c.UpdateReferral(in.ID, desk)
	if err != nil || got.ClinicianID != d.evans.ID || got.AcknowledgedOn.String() != "2026-11-03" || got.Documents != "GP letter" {
		t.Fatalf("updated %+v %v", got, err)
	}
	rows := auditRows(t, c, in.ID)
	if last := rows[len(rows)-1]; last.Action != "referral.update" || last.Detail != "clinician, documents, acknowledged on" {
		t.Errorf("audit %+v", last)
	}
	for _, bad := range []ReferralDesk{
		{OwnerID: ""},
		{OwnerID: in.OwnerID, AcknowledgedOn: ukcal.MustParseDate("2026-11-30")},
		{OwnerID: in.OwnerID, ReplyOn: ukcal.MustParseDate("2026-11-20")},
	} {
		if _, err := c.UpdateReferral(in.ID, bad); err == nil {
			t.Errorf("%+v was saved", bad)
		}
	}
	if again, _ := c.store.Referral(in.ID); again.AcknowledgedOn.String() != "2026-11-03" {
		t.Errorf("a refused change changed it: %+v", again)
	}

	out := gpReferral(d.zoe.ID, "2026-11-02")
	out.Direction, out.Kind, out.Party = pathways.Out, pathways.Other, pathways.Party{Organisation: "St Elsewhere Hospital"}
	o := addReferral(t, c, out)
	got, err = c.UpdateReferral(o.ID, ReferralDesk{OwnerID: o.OwnerID, ReplyDueBy: ukcal.MustParseDate("2026-12-01"), ReplyOn: ukcal.MustParseDate("2026-11-20")})
	if err != nil || got.Status != pathways.StatusReplied {
		t.Errorf("reply received: %+v %v", got, err)
	}
	if recs, err := c.Referrals(ReferralQuery{Status: pathways.StatusReplied}); err != nil || len(recs) != 1 || recs[0].Referral.ID != o.ID {
		t.Errorf("replied list %+v %v", recs, err)
	}
}

func TestPathwayEventsAreCheckedAgainstTheRules(t *testing.T) {
	d := newDiary(t)
	c := d.c
	r := addReferral(t, c, gpReferral(d.zoe.ID, "2026-09-01"))
	on := ukcal.MustParseDate
	refused := []struct {
		kind pathways.EventKind
		on   string
		want string
	}{
		{"made_up", "2026-10-01", "not a pathway event"},
		{pathways.ReferralReceived, "2026-10-01", "recorded when it was added"},
		{pathways.DecisionToTreat, "2026-11-24", "after today"},
		{pathways.DecisionToTreat, "2026-08-31", "before the referral was received"},
	}
	for _, tc := range refused {
		if _, err := c.RecordReferralEvent(r.ID, tc.kind, on(tc.on), ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s on %s: %v, want %q", tc.kind, tc.on, err, tc.want)
		}
	}
	for _, e := range []struct {
		kind pathways.EventKind
		on   string
	}{{pathways.FirstAppointmentBooked, "2026-09-10"}, {pathways.FirstAppointmentAttended, "2026-10-01"}} {
		if _, err := c.RecordReferralEvent(r.ID, e.kind, on(e.on), ""); err != nil {
			t.Fatal(err)
		}
	}
	// The rules themselves refuse a first-appointment DNA after the first
	// appointment was attended, and say what it should be.
	if _, err := c.RecordReferralEvent(r.ID, pathways.FirstAppointmentDNA, on("2026-10-15"), ""); err == nil ||
		!strings.HasPrefix(err.Error(), "not recorded: ") || !strings.Contains(err.Error(), "later_dna") {
		t.Errorf("a first DNA after attending: %v", err)
	}
	e, err := c.RecordReferralEvent(r.ID, pathways.FirstDefinitiveTreatment, on("2026-11-16"), "knee injection")
	if err != nil || e.Note != "knee injection" {
		t.Fatalf("treated: %+v %v", e, err)
	}
	rec, err := c.Referral(r.ID)
	if err != nil || len(rec.Events) != 4 || rec.Clock.Status != pathways.ClockStopped || rec.Clock.Stop.String() != "2026-11-16" ||
		rec.Clock.WeeksWaited() != 10 || rec.Clock.Breached {
		t.Errorf("after treatment %+v %v", rec.Clock, err)
	}
	acts := auditRows(t, c, r.ID)
	events := 0
	for _, a := range acts {
		if a.Action == "referral.event" {
			events++
		}
	}
	if events != 3 {
		t.Errorf("%d events audited, want 3 (the refused ones are not)", events)
	}
}

func TestReferralRolesAndAClinicianSeesOnlyTheirOwn(t *testing.T) {
	d := newDiary(t)
	c := d.c
	doc := addUser(t, c, "drevans", Clinician)
	addUser(t, c, "desk", Receptionist)
	d.evans.UserID = doc.ID
	if _, err := c.SaveClinician(d.evans); err != nil {
		t.Fatal(err)
	}
	mine := gpReferral(d.zoe.ID, "2026-11-02")
	mine.ClinicianID = d.evans.ID
	theirs := gpReferral(d.john.ID, "2026-11-03")
	theirs.ClinicianID = d.patel.ID
	r1, r2 := addReferral(t, c, mine), addReferral(t, c, theirs)
	unassigned := addReferral(t, c, gpReferral(d.john.ID, "2026-11-04"))

	signInAs := func(user string) {
		t.Helper()
		password := "staff-password-" + user
		if user == "amanager" {
			password = managerPassword
		}
		if err := c.SignIn(user, password); err != nil {
			t.Fatal(err)
		}
	}
	var pe *PermissionError

	signInAs("drevans")
	if _, err := c.AddReferral(gpReferral(d.zoe.ID, "2026-11-05")); !errors.As(err, &pe) {
		t.Errorf("a clinician added a referral: %v", err)
	}
	recs, err := c.Referrals(ReferralQuery{})
	if err != nil || len(recs) != 1 || recs[0].Referral.ID != r1.ID {
		t.Errorf("the clinician sees %d referrals (%v), want only their own", len(recs), err)
	}
	if recs, _ := c.Referrals(ReferralQuery{ClinicianID: d.patel.ID}); len(recs) != 0 {
		t.Errorf("asking for another clinician's shows %d", len(recs))
	}
	for _, id := range []string{r2.ID, unassigned.ID} {
		if _, err := c.Referral(id); err == nil || !strings.Contains(err.Error(), "not to or from you") {
			t.Errorf("opened another's referral: %v", err)
		}
		if _, err := c.RecordReferralEvent(id, pathways.DecisionToTreat, ukcal.MustParseDate("2026-11-20"), ""); err == nil {
			t.Error("recorded an event on another's referral")
		}
	}
	if _, err := c.RecordReferralEvent(r1.ID, pathways.FirstAppointmentBooked, ukcal.MustParseDate("2026-11-20"), ""); err != nil {
		t.Errorf("a clinician recording on their own: %v", err)
	}
	if _, err := c.CloseReferral(r1.ID, "sent in error"); !errors.As(err, &pe) {
		t.Errorf("a clinician closed a pathway: %v", err)
	}
	var csv strings.Builder
	if n, err := c.ExportReferrals(&csv, ReferralQuery{}); err != nil || n != 1 {
		t.Errorf("the clinician exported %d (%v)", n, err)
	}

	signInAs("desk")
	if recs, _ := c.Referrals(ReferralQuery{}); len(recs) != 3 {
		t.Errorf("the desk sees %d referrals", len(recs))
	}
	if _, err := c.CloseReferral(r2.ID, "sent in error"); !errors.As(err, &pe) {
		t.Errorf("a receptionist closed a pathway: %v", err)
	}

	signInAs("amanager")
	if _, err := c.CloseReferral(r2.ID, " "); err == nil || !strings.Contains(err.Error(), "say why") {
		t.Errorf("closed without a reason: %v", err)
	}
	closed, err := c.CloseReferral(r2.ID, "referred in error by the practice")
	if err != nil || closed.Status != pathways.StatusClosed || closed.CloseReason != "referred in error by the practice" || closed.ClosedAt.IsZero() {
		t.Fatalf("closed %+v %v", closed, err)
	}
	if _, err := c.RecordReferralEvent(r2.ID, pathways.DecisionToTreat, ukcal.MustParseDate("2026-11-20"), ""); err == nil ||
		!strings.Contains(err.Error(), "closed on 23/11/2026") {
		t.Errorf("an event on a closed pathway: %v", err)
	}
	if _, err := c.CloseReferral(r2.ID, "again"); err == nil {
		t.Error("closed twice")
	}
	if open, _ := c.Referrals(ReferralQuery{OpenOnly: true}); len(open) != 2 {
		t.Errorf("%d open after closing one", len(open))
	}
}
