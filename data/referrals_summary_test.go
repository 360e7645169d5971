package data

import (
	"reflect"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// wantSummaryOf asserts that the summary kept on the referral is the one
// its stored events sum up to.
func wantSummaryOf(t *testing.T, s *Store, id, when string) {
	t.Helper()
	r, err := s.Referral(id)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.ReferralEvents(id)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.ReferralSummary(id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Direction == pathways.Out {
		if ok {
			t.Errorf("%s: referral out %s has a clock summary %+v", when, id, got)
		}
		return
	}
	want := pathways.Summarize(r.Urgency, events)
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("%s: referral %s keeps\n %+v\nits events sum up to\n %+v", when, id, got, want)
	}
}

// The summary on the row follows every event appended, one at a time or
// as a generated history, and every referral added, in or out.
func TestReferralSummaryFollowsEveryEvent(t *testing.T) {
	s := referralFixture(t)
	for _, id := range []string{"r1", "r2", "r3"} {
		wantSummaryOf(t, s, id, "fixture")
	}
	cancer := referralIn("r4", "p2", "c1", "2026-09-01")
	cancer.Urgency, cancer.Kind = pathways.SuspectedCancer, pathways.Cancer
	if err := s.Write(func(tx *Tx) error { return tx.InsertReferral(cancer) }); err != nil {
		t.Fatal(err)
	}
	if sum, ok, _ := s.ReferralSummary("r4"); !ok || sum.Problem == "" {
		t.Errorf("a referral in with no events yet: %+v %v", sum, ok)
	}
	at := refAt
	steps := []struct {
		referral string
		kind     pathways.EventKind
		on       string
	}{
		{"r4", pathways.ReferralReceived, "2026-09-01"}, {"r4", pathways.FirstAppointmentBooked, "2026-09-03"},
		{"r4", pathways.FirstAppointmentDNA, "2026-09-10"}, {"r4", pathways.FirstAppointmentBooked, "2026-09-12"},
		{"r4", pathways.FirstAppointmentAttended, "2026-09-20"}, {"r4", pathways.DiagnosisCommunicated, "2026-10-20"},
		{"r4", pathways.DecisionToTreat, "2026-10-22"}, {"r4", pathways.ActiveMonitoringStarted, "2026-10-25"},
		{"r4", pathways.DecisionToTreat, "2026-11-02"}, {"r4", pathways.FirstDefinitiveTreatment, "2026-11-20"},
		{"r2", pathways.FirstAppointmentDNA, "2026-11-10"}, {"r2", pathways.DischargedToReferrer, "2026-11-11"},
		{"r1", pathways.Transferred, "2026-11-01"},
	}
	for i, st := range steps {
		at = at.Add(time.Minute)
		e := event("s"+string(rune('a'+i)), st.referral, st.kind, st.on, at)
		if err := s.Write(func(tx *Tx) error { return tx.InsertReferralEvent(e) }); err != nil {
			t.Fatal(err)
		}
		wantSummaryOf(t, s, st.referral, string(st.kind))
	}
	if sum, _, _ := s.ReferralSummary("r2"); sum.OnList() || sum.Status != pathways.ClockNullified {
		t.Errorf("discharged after a DNA: %+v", sum)
	}

	// A history written at once is summed up once, from all its events.
	hist := referralIn("r5", "p1", "c1", "2026-06-01")
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertReferral(hist); err != nil {
			return err
		}
		return tx.InsertReferralEvents([]pathways.Event{
			event("h1", "r5", pathways.ReferralReceived, "2026-06-01", at),
			event("h2", "r5", pathways.FirstAppointmentAttended, "2026-06-20", at),
			event("h3", "r5", pathways.DecisionToTreat, "2026-07-01", at),
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	wantSummaryOf(t, s, "r5", "history")
	if sum, _, _ := s.ReferralSummary("r5"); sum.Breach != ukcal.MustParseDate("2026-10-05") || sum.Status != pathways.ClockRunning {
		t.Errorf("history: %+v", sum)
	}
}

// A file from before summaries were kept has none: the list reads those
// referrals from their events, and the fill at open sums them up, in
// batches, as often as it is run without changing anything.
func TestReferralSummariesFilledOnce(t *testing.T) {
	s := referralFixture(t)
	if _, err := s.db.Exec(`UPDATE referrals SET clock_status = NULL, on_list = 0`); err != nil {
		t.Fatal(err)
	}
	rows, err := s.PTLRows(PTLQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].HasSummary || rows[1].HasSummary {
		t.Fatalf("not summed up yet, the list has %d rows %+v", len(rows), rows)
	}
	n, err := s.FillReferralSummaries()
	if err != nil || n != 3 {
		t.Fatalf("filled %d, %v", n, err)
	}
	for _, id := range []string{"r1", "r2", "r3"} {
		wantSummaryOf(t, s, id, "filled")
	}
	if n, err := s.FillReferralSummaries(); err != nil || n != 0 {
		t.Errorf("filled again %d, %v", n, err)
	}
	rows, err = s.PTLRows(PTLQuery{})
	if err != nil || len(rows) != 2 || !rows[0].HasSummary || !rows[1].HasSummary {
		t.Fatalf("summed up, the list has %+v %v", rows, err)
	}
	for _, r := range rows {
		if r.Referral.ID == "r1" && (r.Surname == "" || r.ClinicianName == "" || r.Referral.Kind != pathways.RTT) {
			t.Errorf("list row %+v", r)
		}
	}
	// At risk by a day: only running clocks due by then.
	rows, err = s.PTLRows(PTLQuery{RunningBreachBy: ukcal.MustParseDate("2027-02-04")})
	if err != nil || len(rows) != 1 || rows[0].Referral.ID != "r1" {
		t.Errorf("at risk by 4 February 2027: %+v %v", rows, err)
	}
}

// The list shows the patient's name as it is now: renamed, or the
// referral moved to another record by a merge.
func TestPTLRowsNameThePatientAsTheyAreNow(t *testing.T) {
	s := referralFixture(t)
	names := func() map[string]string {
		t.Helper()
		rows, err := s.PTLRows(PTLQuery{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, r := range rows {
			out[r.Referral.ID] = r.Referral.PatientID + " " + r.Forenames + " " + r.Surname + " " + r.NHSNumber
		}
		return out
	}
	if got := names(); got["r1"] != "p1 Zoë O'Brien " || got["r2"] != "p1 Zoë O'Brien " {
		t.Fatalf("as added: %v", got)
	}
	p, err := s.Patient("p1")
	if err != nil {
		t.Fatal(err)
	}
	p.Surname, p.NHSNumber = "Łukasiewicz|2:x", "9434765919" // a name may hold the packing's marks
	if err := s.Write(func(tx *Tx) error { return tx.UpdatePatient(p) }); err != nil {
		t.Fatal(err)
	}
	if got := names(); got["r1"] != "p1 Zoë Łukasiewicz|2:x 9434765919" || got["r2"] != "p1 Zoë Łukasiewicz|2:x 9434765919" {
		t.Fatalf("renamed: %v", got)
	}
	err = s.Write(func(tx *Tx) error {
		_, err := tx.MergePatients(patients.Merge{ID: "m1", SurvivorID: "p2", MergedID: "p1", MergedBy: "u1", MergedAt: refAt})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(); got["r1"] != "p2 John Smith " {
		t.Fatalf("merged into John's record: %v", got)
	}
}
