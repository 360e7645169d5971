package app

import (
	"testing"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// A register of more referrals than are read in one batch: every record
// gets its own events and clock across the batches' edges, and the
// register's read (WithoutEvents) gives the same clocks holding no events.
func TestReferralsAcrossBatchesKeepTheirOwnClocks(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	manager := userID(t, c, "amanager")
	n := referralRecordsBatch + 20
	var hist []HistoricReferral
	for i := range n {
		p := d.zoe.ID
		if i%2 == 1 {
			p = d.john.ID
		}
		received := ukcal.MustParseDate("2026-01-05").AddDays(i % 300)
		r := gpReferral(p, received.String())
		r.OwnerID, r.CreatedBy, r.CreatedAt = manager, manager, at(received.String(), 9, 0)
		h := HistoricReferral{Referral: r}
		if i%3 == 0 { // a third were treated a fortnight after they came in
			h.Events = []pathways.Event{{Kind: pathways.FirstDefinitiveTreatment, On: received.AddDays(14), By: manager, At: at(received.AddDays(14).String(), 15, 0)}}
		}
		hist = append(hist, h)
	}
	if added, err := c.AddReferralHistory(hist); err != nil || added != n {
		t.Fatalf("added %d of %d: %v", added, n, err)
	}
	full, err := c.Referrals(ReferralQuery{})
	if err != nil || len(full) != n {
		t.Fatalf("%d referrals: %v", len(full), err)
	}
	lean, err := c.Referrals(ReferralQuery{WithoutEvents: true})
	if err != nil || len(lean) != n {
		t.Fatalf("%d referrals without events: %v", len(lean), err)
	}
	stopped := 0
	for i, rec := range full {
		want := 1 // referral received
		if rec.Clock.Status == pathways.ClockStopped {
			want, stopped = 2, stopped+1
			if rec.Clock.Stop != rec.Referral.Date.AddDays(14) {
				t.Fatalf("referral %d of %s stopped on %s", i, rec.Referral.Date, rec.Clock.Stop)
			}
		}
		if !rec.HasClock || len(rec.Events) != want {
			t.Fatalf("referral %d has %d events (want %d), clock %v: %s", i, len(rec.Events), want, rec.HasClock, rec.ClockProblem)
		}
		for _, e := range rec.Events {
			if e.ReferralID != rec.Referral.ID {
				t.Fatalf("referral %d holds another's event: %+v", i, e)
			}
		}
		l := lean[i]
		if l.Referral.ID != rec.Referral.ID || l.Events != nil || !l.HasClock || l.Clock.Status != rec.Clock.Status ||
			l.Clock.Breach != rec.Clock.Breach || l.Clock.DaysWaited != rec.Clock.DaysWaited {
			t.Fatalf("referral %d read without events: %+v, with: %+v", i, l.Clock, rec.Clock)
		}
	}
	if stopped != (n+2)/3 {
		t.Fatalf("%d clocks stopped, want %d", stopped, (n+2)/3)
	}
}
