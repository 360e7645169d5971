package seed

import (
	"reflect"
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
)

// A seeded clinic's patients join over its years, each a little before
// the clinic first heard of them, so the New patients report shows months
// of arrivals, not one spike on the day the clinic was made; and the
// report's counts are the records counted afresh.
func TestSeededPatientsAreRegisteredBeforeTheirFirstContact(t *testing.T) {
	c, now := pathwayClinic(t, 200)
	if _, err := AddPathways(c, PathwayOptions{Seed: 5, Now: now, Years: 2}); err != nil {
		t.Fatal(err)
	}
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(briefs))
	for i, p := range briefs {
		ids[i] = p.ID
	}
	first, err := c.FirstContacts(ids)
	if err != nil {
		t.Fatal(err)
	}
	n, err := DateRegistrations(c, RegistrationOptions{Seed: 5, Now: now, Years: 2})
	if err != nil || n != len(briefs) {
		t.Fatalf("dated %d of %d patients: %v", n, len(briefs), err)
	}
	today := ukcal.Today(now)
	byMonth := map[string]int{}
	var before, firstHalfYear, lastHalfYear int
	reportFrom := ukcal.NewDate(today.Year()-9, time.January, 1)
	for _, b := range briefs {
		p, err := c.Patient(b.ID)
		if err != nil {
			t.Fatal(err)
		}
		at := p.CreatedAt
		if at.After(now) || ukcal.WallDate(at).Before(p.DOB) {
			t.Errorf("%s (born %s) registered at %v", b.ID, p.DOB, at)
		}
		if f, ok := first[b.ID]; ok && !ukcal.WallDate(f).Before(p.DOB) && at.After(f) {
			t.Errorf("%s registered at %v, after the clinic first heard of them at %v", b.ID, at, f)
		}
		if !ukcal.WallDate(at).Before(reportFrom) {
			byMonth[ukcal.WallDate(at).Format(ukcal.LayoutMonth)]++
		}
		switch {
		case at.Before(now.AddDate(-2, 0, 0)):
			before++
		case at.Before(now.AddDate(-2, 6, 0)):
			firstHalfYear++
		case at.After(now.AddDate(0, -6, 0)):
			lastHalfYear++
		}
	}
	// Most were on the list before the diary began; those who joined in
	// its years came at a steady pace, not in a rush at its start.
	if before < len(briefs)/2 || firstHalfYear > 2*lastHalfYear+5 || lastHalfYear == 0 {
		t.Errorf("%d registered before the diary, %d in its first six months, %d in the last six", before, firstHalfYear, lastHalfYear)
	}
	if len(byMonth) < 12 {
		t.Fatalf("the patients joined in only %d months: %v", len(byMonth), byMonth)
	}

	rep, err := c.Report(reports.NewPatients, reports.Range{From: reportFrom, To: today, By: reports.ByMonth})
	if err != nil {
		t.Fatal(err)
	}
	fig := rep.Figures[0]
	total := 0
	for i, v := range fig.Series[0].Values {
		total += int(v)
		p := reportPeriod(t, rep, i)
		if want := byMonth[p]; int(v) != want {
			t.Errorf("%s: the report counts %v new patients, the records %d", p, v, want)
		}
	}
	inRange := 0
	for _, n := range byMonth {
		inRange += n
	}
	if total != inRange || total < len(briefs)/2 {
		t.Errorf("the report counts %d new patients since the start of the year nine years ago, the records %d (of %d)", total, inRange, len(briefs))
	}
}

// reportPeriod is the month of the report's i-th period, as byMonth keys it.
func reportPeriod(t *testing.T, rep reports.Report, i int) string {
	t.Helper()
	ps := reports.Periods(rep.Range)
	return ps[i].From.Format(ukcal.LayoutMonth)
}

// The same seed dates the same patients the same way, whatever their
// record IDs.
func TestRegistrationsFollowTheSeed(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	briefs := []patients.PatientBrief{{ID: "a", DOB: ukcal.MustParseDate("1980-02-03"), Sex: "female"},
		{ID: "b", DOB: ukcal.MustParseDate("2026-11-30"), Sex: "male"}, {ID: "c", DOB: ukcal.MustParseDate("1950-07-07")}}
	seen := time.Date(2025, 6, 10, 9, 30, 0, 0, time.UTC)
	o := RegistrationOptions{Seed: 3, Now: now, Years: 2}
	one := Registrations(o, briefs, map[string]time.Time{"c": seen})
	renamed := []patients.PatientBrief{briefs[0], briefs[1], briefs[2]}
	renamed[0].ID, renamed[1].ID, renamed[2].ID = "x", "y", "z"
	two := Registrations(o, renamed, map[string]time.Time{"z": seen})
	if !reflect.DeepEqual([]time.Time{one["a"], one["b"], one["c"]}, []time.Time{two["x"], two["y"], two["z"]}) {
		t.Fatalf("the same seed gave %v and %v", one, two)
	}
	if c := one["c"]; !c.Before(seen) {
		t.Errorf("seen at %v, registered after it at %v", seen, c)
	}
	if b := one["b"]; ukcal.WallDate(b).Before(briefs[1].DOB) || b.After(now) {
		t.Errorf("a baby born %s registered at %v", briefs[1].DOB, b)
	}
	if a := one["a"]; a.After(now) || ukcal.WallDate(a).IsWeekend() {
		t.Errorf("a patient never seen registered at %v, after now or at a weekend", a)
	}
}
