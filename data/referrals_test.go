package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

var refAt = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func referralIn(id, patient, clinician, date string) pathways.Referral {
	return pathways.Referral{ID: id, PatientID: patient, Direction: pathways.In, ClinicianID: clinician,
		Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice", Address: "1 Quay St\nLeeds", ODSCode: "B86001"},
		Date:  ukcal.MustParseDate(date), Urgency: pathways.Routine, Kind: pathways.RTT, Reason: "knee pain", Documents: "GP letter",
		Status: pathways.StatusOpen, CreatedBy: "u1", CreatedAt: refAt}
}

func event(id, referral string, kind pathways.EventKind, on string, at time.Time) pathways.Event {
	return pathways.Event{ID: id, ReferralID: referral, Kind: kind, On: ukcal.MustParseDate(on), By: "u1", At: at}
}

// referralFixture is the diary fixture with three referrals: two in for
// Zoë (p1, with Dr Evans c1, and with no clinician), one out for John
// (p2), and events on the first.
func referralFixture(t *testing.T) *Store {
	t.Helper()
	s := diaryFixture(t)
	out := referralIn("r3", "p2", "c2", "2026-11-10")
	out.Direction, out.Kind, out.Urgency = pathways.Out, pathways.Other, pathways.Urgent
	out.Party = pathways.Party{Name: "Radiology", Organisation: "St Elsewhere Hospital"}
	out.ReplyDueBy = ukcal.MustParseDate("2026-12-10")
	out.ChaseDates = []ukcal.Date{ukcal.MustParseDate("2026-11-24"), ukcal.MustParseDate("2026-12-01")}
	err := s.Write(func(tx *Tx) error {
		for _, r := range []pathways.Referral{referralIn("r1", "p1", "c1", "2026-10-01"), referralIn("r2", "p1", "", "2026-11-02"), out} {
			if err := tx.InsertReferral(r); err != nil {
				return err
			}
		}
		// Recorded out of order: a later day first, two on one day.
		for _, e := range []pathways.Event{
			event("e3", "r1", pathways.FirstAppointmentAttended, "2026-10-20", refAt.Add(3*time.Minute)),
			event("e1", "r1", pathways.ReferralReceived, "2026-10-01", refAt),
			event("e2", "r1", pathways.FirstAppointmentBooked, "2026-10-01", refAt.Add(time.Minute)),
			event("e4", "r2", pathways.ReferralReceived, "2026-11-02", refAt),
		} {
			if err := tx.InsertReferralEvent(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func referralIDs(rows []ReferralRow) string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.Referral.ID
	}
	return strings.Join(ids, ",")
}

func TestReferralsRoundTripAndFilter(t *testing.T) {
	s := referralFixture(t)
	got, err := s.Referral("r3")
	if err != nil || got.Direction != pathways.Out || got.Party.Organisation != "St Elsewhere Hospital" || len(got.ChaseDates) != 2 ||
		got.ChaseDates[1].String() != "2026-12-01" || got.ReplyDueBy.String() != "2026-12-10" || !got.ReplyOn.IsZero() ||
		got.Urgency != pathways.Urgent || !got.CreatedAt.Equal(refAt) || got.OwnerID != "" {
		t.Fatalf("read back %+v %v", got, err)
	}
	if r1, _ := s.Referral("r1"); r1.Party.ODSCode != "B86001" || r1.Party.Address != "1 Quay St\nLeeds" || r1.ChaseDates != nil || r1.ClinicianID != "c1" {
		t.Errorf("r1 %+v", r1)
	}
	if _, err := s.Referral("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing referral: %v", err)
	}

	cases := []struct {
		f    ReferralFilter
		want string
	}{
		{ReferralFilter{}, "r1,r2,r3"},
		{ReferralFilter{PatientID: "p1"}, "r1,r2"},
		{ReferralFilter{Direction: pathways.Out}, "r3"},
		{ReferralFilter{Clinicians: true, ClinicianIDs: []string{"c1"}}, "r1"},
		{ReferralFilter{Clinicians: true, ClinicianIDs: []string{"c1", "c2"}}, "r1,r3"},
		{ReferralFilter{Clinicians: true}, ""}, // a clinician linked to no column sees none
		{ReferralFilter{ID: "r2"}, "r2"},
		{ReferralFilter{Limit: 1}, "r1"},
	}
	for _, c := range cases {
		rows, err := s.Referrals(c.f)
		if err != nil || referralIDs(rows) != c.want {
			t.Errorf("%+v: %s %v, want %s", c.f, referralIDs(rows), err, c.want)
		}
	}
	rows, _ := s.Referrals(ReferralFilter{ID: "r1"})
	if len(rows) != 1 || rows[0].Patient.Surname != "O'Brien" || rows[0].Patient.Forenames != "Zoë" || rows[0].ClinicianName != "Dr Evans" {
		t.Errorf("row %+v", rows)
	}

	// The desk's fields change; the referral's date and pathway do not.
	got.ReplyOn, got.Status, got.ChaseDates = ukcal.MustParseDate("2026-11-30"), pathways.StatusReplied, nil
	got.Date, got.Kind = ukcal.MustParseDate("2020-01-01"), pathways.RTT
	if err := s.Write(func(tx *Tx) error { return tx.UpdateReferral(got) }); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Referral("r3")
	if again.ReplyOn.String() != "2026-11-30" || again.Status != pathways.StatusReplied || again.ChaseDates != nil ||
		again.Date.String() != "2026-11-10" || again.Kind != pathways.Other {
		t.Errorf("after update %+v", again)
	}
	if rows, _ := s.Referrals(ReferralFilter{Status: pathways.StatusReplied}); referralIDs(rows) != "r3" {
		t.Errorf("replied: %s", referralIDs(rows))
	}
	if err := s.Write(func(tx *Tx) error { return tx.UpdateReferral(pathways.Referral{ID: "nope"}) }); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing referral: %v", err)
	}
}

func TestReferralEventsComeInTheOrderTheyHappened(t *testing.T) {
	s := referralFixture(t)
	events, err := s.ReferralEvents("r1")
	if err != nil || len(events) != 3 || events[0].ID != "e1" || events[1].ID != "e2" || events[2].ID != "e3" ||
		events[2].Kind != pathways.FirstAppointmentAttended || events[2].On.String() != "2026-10-20" || !events[0].At.Equal(refAt) {
		t.Fatalf("events %+v %v", events, err)
	}
	byRef, err := s.ReferralEventsOf([]string{"r1", "r2", "r3"})
	if err != nil || len(byRef["r1"]) != 3 || len(byRef["r2"]) != 1 || len(byRef["r3"]) != 0 {
		t.Errorf("events of many: %+v %v", byRef, err)
	}
}

// Pathway events are append-only, as the audit trail is: the store
// itself refuses to change or delete one, whoever asks.
func TestReferralEventsCannotBeChangedOrDeleted(t *testing.T) {
	s := referralFixture(t)
	for _, q := range []string{
		`UPDATE referral_events SET on_date = '2026-09-01' WHERE id = 'e1'`,
		`UPDATE referral_events SET kind = 'first_definitive_treatment' WHERE id = 'e3'`,
		`DELETE FROM referral_events WHERE id = 'e3'`,
		`DELETE FROM referral_events`,
	} {
		err := s.Write(func(tx *Tx) error { _, err := tx.tx.Exec(q); return err })
		if err == nil || !strings.Contains(err.Error(), "pathway events cannot be") {
			t.Errorf("%s: %v", q, err)
		}
	}
	if events, _ := s.ReferralEvents("r1"); len(events) != 3 || events[0].On.String() != "2026-10-01" {
		t.Errorf("events after the refusals: %+v", events)
	}
	if err := s.Write(func(tx *Tx) error { return tx.InsertReferralEvent(event("e9", "r1", "made_up", "2026-10-21", refAt)) }); err == nil {
		t.Error("an unknown kind was stored")
	}
}

// A merge takes the duplicate's referrals (and so their events) to the
// survivor; deleting a patient takes their referrals, events and links
// with them, and nobody else's.
func TestReferralsFollowAMergeAndADeletion(t *testing.T) {
	s := referralFixture(t)
	a := appt("a1", "p1", "c1", "2026-10-20", 9*60)
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertAppointment(a); err != nil {
			return err
		}
		return tx.LinkReferralAppointment("r1", "a1")
	})
	if err != nil {
		t.Fatal(err)
	}
	var linked, none string
	err = s.Write(func(tx *Tx) error {
		var err error
		if linked, err = tx.AppointmentReferral("a1"); err != nil {
			return err
		}
		none, err = tx.AppointmentReferral("a-none")
		return err
	})
	if err != nil || linked != "r1" || none != "" {
		t.Fatalf("links: %q %q %v", linked, none, err)
	}

	var m patients.Merge
	err = s.Write(func(tx *Tx) error {
		var err error
		m, err = tx.MergePatients(patients.Merge{ID: "m1", SurvivorID: "p2", MergedID: "p1", MergedBy: "u1", MergedAt: refAt})
		return err
	})
	if err != nil || strings.Join(m.Moved["referrals"], ",") != "r1,r2" {
		t.Fatalf("merge moved %+v %v", m.Moved, err)
	}
	if rows, _ := s.Referrals(ReferralFilter{PatientID: "p2"}); referralIDs(rows) != "r1,r2,r3" {
		t.Errorf("after the merge p2 has %s", referralIDs(rows))
	}
	if err := s.Write(func(tx *Tx) error { _, err := tx.UndoMerge("m1", "u1", refAt); return err }); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.Referrals(ReferralFilter{PatientID: "p1"}); referralIDs(rows) != "r1,r2" {
		t.Errorf("after undoing p1 has %s", referralIDs(rows))
	}

	if err := s.Write(func(tx *Tx) error { return tx.DeletePatient("p1") }); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.Referrals(ReferralFilter{}); referralIDs(rows) != "r3" {
		t.Errorf("after deleting p1: %s", referralIDs(rows))
	}
	var events, links int
	s.db.QueryRow(`SELECT count(*) FROM referral_events`).Scan(&events)
	s.db.QueryRow(`SELECT count(*) FROM referral_appointments`).Scan(&links)
	if events != 0 || links != 0 {
		t.Errorf("left behind: %d events, %d links", events, links)
	}
	counts, err := s.RowCounts()
	if err != nil || counts["referrals"] != 1 || counts["referral_events"] != 0 {
		t.Errorf("row counts %v %v", counts, err)
	}
}
