package seed

import (
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// ptlFromEvents is the tracking list as it was built before summaries
// were kept: every open referral in with all its events, each clock
// computed from them.
func ptlFromEvents(t *testing.T, c *app.Clinic, f pathways.PTLFilter, today ukcal.Date) pathways.PTL {
	t.Helper()
	recs, err := c.Referrals(app.ReferralQuery{Direction: pathways.In, OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	staff, err := c.StaffList()
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string]string{}
	for _, u := range staff {
		owners[u.ID] = u.FullName
	}
	entries := make([]pathways.PTLEntry, len(recs))
	for i, r := range recs {
		number := ""
		if r.NHSNumber != "" {
			number = nhs.FormatNHSNumber(r.NHSNumber)
		}
		entries[i] = pathways.PTLEntry{Referral: r.Referral, Events: r.Events, PatientName: r.Patient, NHSNumber: number,
			ClinicianName: r.Clinician, OwnerName: owners[r.Referral.OwnerID]}
	}
	list, err := pathways.BuildPTL(entries, f, today)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// The list read from the summaries is the list read from the events: the
// same rows in the same order, the same clocks, next steps, buckets and
// export cells, with every filter, on the day the clinic was seeded and
// on days before and after it (before: the events after that day cannot
// be read, so those rows are read from their events, as they were).
// Today's card is the at-risk list.
func TestPTLFromSummariesIsThePTLFromEvents(t *testing.T) {
	var shift atomic.Int64
	clock := func() time.Time { return testclock.Now().Add(time.Duration(shift.Load()) * 24 * time.Hour) }
	c, now := pathwayClinicOn(t, 500, clock)
	if _, err := AddPathways(c, PathwayOptions{Seed: 9, Now: now, Years: 2}); err != nil {
		t.Fatal(err)
	}
	clinicians, err := c.Clinicians(false)
	if err != nil || len(clinicians) == 0 {
		t.Fatal(clinicians, err)
	}
	filters := []pathways.PTLFilter{{}, {AtRisk: true, AtRiskDays: app.ReferralAtRiskDays}, {AtRisk: true},
		{AtRisk: true, AtRiskDays: pathways.MaxAtRiskDays}, {Kind: pathways.Cancer}, {Kind: pathways.Other},
		{Urgency: pathways.Urgent}, {ClinicianID: clinicians[0].ID}}
	var compared, atRisk int
	for _, days := range []int64{0, 1, 30, 200, -40} {
		shift.Store(days)
		today := ukcal.Today(clock())
		for _, f := range filters {
			got, err := c.PTL(f)
			if err != nil {
				t.Fatal(err)
			}
			want := ptlFromEvents(t, c, f, today)
			if got.Buckets != want.Buckets || len(got.Rows) != len(want.Rows) {
				t.Fatalf("%+d days, %+v: buckets %+v, %d rows; from the events %+v, %d rows", days, f, got.Buckets, len(got.Rows),
					want.Buckets, len(want.Rows))
			}
			for i := range got.Rows {
				g, w := got.Rows[i], want.Rows[i]
				w.Clock.Earlier = nil // the summary keeps the current clock only
				if !slices.Equal(app.PTLCells(g), app.PTLCells(w)) || !reflect.DeepEqual(g.Clock, w.Clock) ||
					g.Problem != w.Problem || g.NextDue != w.NextDue || g.HasClock != w.HasClock {
					t.Fatalf("%+d days, %+v, row %d:\n got %v %+v\nwant %v %+v", days, f, i, app.PTLCells(g), g.Clock,
						app.PTLCells(w), w.Clock)
				}
			}
			compared += len(got.Rows)
			if f.AtRisk && f.AtRiskDays == app.ReferralAtRiskDays {
				card, err := c.ReferralsAtRisk(app.ReferralAtRiskDays)
				if err != nil || !reflect.DeepEqual(card, got) {
					t.Fatalf("%+d days: Today's card differs from the at-risk list (%v)", days, err)
				}
				atRisk += len(card.Rows)
			}
		}
	}
	if compared < 300 || atRisk == 0 {
		t.Fatalf("only %d rows compared, %d at risk: the seed gave too few open pathways to show anything", compared, atRisk)
	}
	t.Logf("%d rows compared, %d at risk", compared, atRisk)
}
