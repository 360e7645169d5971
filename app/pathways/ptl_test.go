package pathways

import (
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// entry is a referral in to clinician "dr-patel" with its events; the
// referral_received event is added from the referral's date unless noEvents.
func entry(id string, kind Kind, urgency Urgency, received string, events ...Event) PTLEntry {
	ref := Referral{ID: id, PatientID: "p-" + id, Direction: In, Date: day(received), Urgency: urgency, Kind: kind,
		Status: StatusOpen, OwnerID: "u-sam", ClinicianID: "dr-patel"}
	all := append([]Event{ev(received, ReferralReceived)}, events...)
	return PTLEntry{Referral: ref, Events: all, PatientName: "Patient " + id, NHSNumber: "999 000 0000", ClinicianName: "Dr Asha Patel", OwnerName: "Sam"}
}

func ptlEntries() []PTLEntry {
	out := entry("out", RTT, Routine, "2026-06-01")
	out.Referral.Direction = Out
	closed := entry("closed", RTT, Routine, "2026-06-01")
	closed.Referral.Status = StatusClosed
	broken := entry("broken", RTT, Routine, "2026-07-01")
	broken.Events = []Event{ev("2026-07-02", FirstAppointmentBooked)}
	other := entry("other", Other, Routine, "2026-01-10")
	other.Referral.ClinicianID = "dr-okafor"
	return []PTLEntry{
		entry("unbooked", RTT, Routine, "2026-06-01"),
		entry("booked", RTT, Urgent, "2026-10-01", ev("2026-10-05", FirstAppointmentBooked)),
		entry("cancer-seen", Cancer, SuspectedCancer, "2026-11-23", ev("2026-11-24", FirstAppointmentBooked), ev("2026-11-30", FirstAppointmentAttended)),
		entry("treated", RTT, Routine, "2026-06-01", ev("2026-08-01", FirstDefinitiveTreatment)),
		entry("transferred", RTT, Routine, "2026-06-01", ev("2026-07-01", Transferred)),
		entry("dna", RTT, Routine, "2026-09-01", ev("2026-09-20", FirstAppointmentDNA)),
		other, out, closed, broken,
		entry("year-long", RTT, Routine, "2025-11-01", ev("2025-11-10", FirstAppointmentBooked)),
		entry("decided", RTT, Urgent, "2026-08-01", ev("2026-08-10", FirstAppointmentAttended), ev("2026-09-01", DecisionToTreat)),
		entry("cancer-decided", Cancer, SuspectedCancer, "2026-11-02", ev("2026-11-10", FirstAppointmentAttended),
			ev("2026-11-20", DiagnosisCommunicated), ev("2026-11-25", DecisionToTreat)),
	}
}

func ids(rows []PTLRow) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.Referral.ID)
	}
	return strings.Join(s, " ")
}

func TestPTLRowsSortAndNextSteps(t *testing.T) {
	list, err := BuildPTL(ptlEntries(), PTLFilter{}, day("2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	// By breach date; then the rows with none, oldest referral first.
	if got, want := ids(list.Rows), "year-long unbooked decided booked cancer-decided cancer-seen other broken dna"; got != want {
		t.Fatalf("rows %s\nwant %s", got, want)
	}
	want := map[string]struct {
		step   string
		breach string
		weeks  int
	}{
		"year-long":      {"Awaiting the first appointment", "2026-03-07", 56},
		"unbooked":       {"Book the first appointment", "2026-10-05", 26},
		"decided":        {"Treat by 05/12/2026", "2026-12-05", 17},
		"booked":         {"Awaiting the first appointment", "2027-02-04", 8},
		"cancer-decided": {"Treat by 26/12/2026", "2027-03-08", 4}, // the 31 days come first
		"cancer-seen":    {"Tell the patient the diagnosis, or that cancer is ruled out, by 21/12/2026", "2027-03-29", 1},
		"other":          {"No waiting-time clock: close the referral when finished", "", 0},
		"dna":            {"Missed the first appointment: rebook it, or discharge to the referrer", "", 0},
		"broken":         {"Check the pathway's events: they cannot be read", "", 0},
	}
	for _, r := range list.Rows {
		w := want[r.Referral.ID]
		breach := ""
		if r.Counted() {
			breach = r.Clock.Breach.String()
		}
		if r.NextStep != w.step || breach != w.breach || r.Clock.WeeksWaited() != w.weeks {
			t.Errorf("%s: %q, breach %q, %d weeks; want %q, %q, %d", r.Referral.ID, r.NextStep, breach, r.Clock.WeeksWaited(), w.step, w.breach, w.weeks)
		}
		if r.PatientName != "Patient "+r.Referral.ID || r.OwnerName != "Sam" || r.ClinicianName != "Dr Asha Patel" {
			t.Errorf("%s: the caller's names were not kept: %+v", r.Referral.ID, r)
		}
	}
	if r := list.Rows[len(list.Rows)-2]; !strings.Contains(r.Problem, "there is no referral_received event") || r.HasClock {
		t.Errorf("the row whose events do not read: %+v", r)
	}
	if d := list.Rows[2].NextDue; d != day("2026-12-05") {
		t.Errorf("treat by is due %s", d)
	}

	b := list.Buckets
	wantBuckets := Buckets{UpTo6: 2, UpTo12: 1, UpTo18: 1, Over18: 2, Over52: 1, Counted: 6, NotCounted: 3}
	if b != wantBuckets {
		t.Errorf("buckets %+v\nwant %+v", b, wantBuckets)
	}
	if b.UpTo6+b.UpTo12+b.UpTo18+b.Over18 != b.Counted || b.Counted+b.NotCounted != len(list.Rows) {
		t.Errorf("buckets do not add up: %+v for %d rows", b, len(list.Rows))
	}
}

// The bands are (0, 6], (6, 12], (12, 18] and over 18 weeks, counted in
// days: exactly 18 weeks is the breach date, still within 18 weeks.
func TestPTLBucketEdges(t *testing.T) {
	asOf := day("2027-06-30")
	cases := []struct {
		days int
		want Buckets
	}{
		{0, Buckets{UpTo6: 1}}, {42, Buckets{UpTo6: 1}}, {43, Buckets{UpTo12: 1}}, {84, Buckets{UpTo12: 1}},
		{85, Buckets{UpTo18: 1}}, {126, Buckets{UpTo18: 1}}, {127, Buckets{Over18: 1}},
		{364, Buckets{Over18: 1}}, {365, Buckets{Over18: 1, Over52: 1}},
	}
	for _, c := range cases {
		e := entry("x", RTT, Routine, asOf.AddDays(-c.days).String())
		list, err := BuildPTL([]PTLEntry{e}, PTLFilter{}, asOf)
		if err != nil {
			t.Fatal(err)
		}
		c.want.Counted = 1
		if list.Buckets != c.want {
			t.Errorf("%d days: %+v, want %+v", c.days, list.Buckets, c.want)
		}
		if breached := list.Rows[0].Clock.Breached; breached != (c.days > 126) {
			t.Errorf("%d days: breached %v", c.days, breached)
		}
	}
}

func TestPTLFilters(t *testing.T) {
	asOf := day("2026-12-01")
	cases := []struct {
		name string
		f    PTLFilter
		want string
	}{
		{"clinician", PTLFilter{ClinicianID: "dr-okafor"}, "other"},
		{"kind", PTLFilter{Kind: Cancer}, "cancer-decided cancer-seen"},
		{"urgency", PTLFilter{Urgency: Urgent}, "decided booked"},
		// Breached ones are at risk too; within 4 days takes "decided" (due 5 December).
		{"at risk within 4 days", PTLFilter{AtRisk: true, AtRiskDays: 4}, "year-long unbooked decided"},
		{"at risk within 3 days", PTLFilter{AtRisk: true, AtRiskDays: 3}, "year-long unbooked"},
		{"at risk, urgent", PTLFilter{AtRisk: true, AtRiskDays: 90, Urgency: Urgent}, "decided booked"},
	}
	for _, c := range cases {
		list, err := BuildPTL(ptlEntries(), c.f, asOf)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := ids(list.Rows); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
		b := list.Buckets
		if b.Counted+b.NotCounted != len(list.Rows) || b.UpTo6+b.UpTo12+b.UpTo18+b.Over18 != b.Counted {
			t.Errorf("%s: buckets %+v for %d rows", c.name, b, len(list.Rows))
		}
	}
}

func TestPTLRefusesABadFilter(t *testing.T) {
	cases := []struct {
		f    PTLFilter
		asOf ukcal.Date
		want string
	}{
		{PTLFilter{Kind: "physio"}, day("2026-12-01"), `the pathway kind "physio" is not one of rtt, cancer, other`},
		{PTLFilter{Urgency: "soon"}, day("2026-12-01"), `the urgency "soon" is not one of`},
		{PTLFilter{AtRisk: true, AtRiskDays: -1}, day("2026-12-01"), "give 0 to 126 days"},
		{PTLFilter{}, ukcal.Date{}, "needs the day"},
	}
	for _, c := range cases {
		if _, err := BuildPTL(ptlEntries(), c.f, c.asOf); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.f, err, c.want)
		}
	}
}
