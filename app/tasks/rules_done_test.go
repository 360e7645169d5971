package tasks

import (
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// Each referral rule's task, then what takes its reason away, and the
// words the task is closed with; a task whose reason holds, or whose
// clock cannot be read, stays.
func TestReferralTaskGone(t *testing.T) {
	today := d("2026-12-07")
	in := pathways.Referral{ID: "r1", PatientID: "p1", Direction: pathways.In, Source: pathways.FromGP, Date: d("2026-11-02"),
		Status: pathways.StatusOpen}
	out := pathways.Referral{ID: "r2", PatientID: "p1", Direction: pathways.Out, Date: d("2026-11-02"), Status: pathways.StatusOpen,
		ChaseDates: []ukcal.Date{d("2026-11-16")}}
	clock := func(events ...pathways.Event) *pathways.Clock {
		c, err := pathways.Compute(pathways.Routine, append([]pathways.Event{{Kind: pathways.ReferralReceived, On: d("2026-07-27")}}, events...), today)
		if err != nil {
			t.Fatal(err)
		}
		return &c
	}
	ev := func(on string, k pathways.EventKind) pathways.Event { return pathways.Event{Kind: k, On: d(on)} }
	with := func(r pathways.Referral, change func(*pathways.Referral)) pathways.Referral { change(&r); return r }
	ack, chase, risk := Task{RuleKey: "referral:r1:acknowledge"}, Task{RuleKey: "referral:r2:chase:2026-11-16"}, Task{RuleKey: "referral:r1:at-risk"}
	cases := []struct {
		name string
		k    Task
		f    ReferralFacts
		want string // "" when it stands
	}{
		{"not acknowledged", ack, ReferralFacts{Referral: in}, ""},
		{"acknowledged", ack, ReferralFacts{Referral: with(in, func(r *pathways.Referral) { r.AcknowledgedOn = d("2026-12-04") })},
			"the referral was acknowledged on Friday 4 December 2026."},
		{"now a self-referral", ack, ReferralFacts{Referral: with(in, func(r *pathways.Referral) { r.Source = pathways.FromSelf })},
			"the patient referred themselves, so there is no referrer to acknowledge."},
		{"closed", ack, ReferralFacts{Referral: with(in, func(r *pathways.Referral) {
			r.Status, r.ClosedAt = pathways.StatusClosed, time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
		})}, "the referral was closed on Thursday 3 December 2026."},
		{"no reply yet", chase, ReferralFacts{Referral: out}, ""},
		{"the reply came", chase, ReferralFacts{Referral: with(out, func(r *pathways.Referral) { r.ReplyOn, r.Status = d("2026-12-01"), pathways.StatusReplied })},
			"the reply came on Tuesday 1 December 2026."},
		{"the chase date taken off", chase, ReferralFacts{Referral: with(out, func(r *pathways.Referral) { r.ChaseDates = nil })},
			"the chase date of Monday 16 November 2026 was taken off the referral."},
		{"still at risk", risk, ReferralFacts{Referral: in, AtRisk: true, Breach: d("2026-11-30"), Clock: clock()}, ""},
		{"clock unread", risk, ReferralFacts{Referral: in}, ""},
		{"treated", risk, ReferralFacts{Referral: in, Clock: clock(ev("2026-12-02", pathways.FirstDefinitiveTreatment))},
			"the clock stopped on Wednesday 2 December 2026 (first definitive treatment)."},
		{"first appointment missed", risk, ReferralFacts{Referral: in, Clock: clock(ev("2026-12-02", pathways.FirstAppointmentDNA))},
			"the first appointment was missed on Wednesday 2 December 2026, so the wait is not counted."},
		{"rebooked after the DNA", risk, ReferralFacts{Referral: in, Clock: clock(ev("2026-12-02", pathways.FirstAppointmentDNA),
			ev("2026-12-03", pathways.FirstAppointmentBooked))}, "a new clock started on Thursday 3 December 2026: treat by Thursday 8 April 2027."},
		{"transferred", risk, ReferralFacts{Referral: in, Clock: clock(ev("2026-12-02", pathways.Transferred))},
			"the patient was transferred to another provider on Wednesday 2 December 2026."},
	}
	for _, c := range cases {
		got, gone := ReferralTaskGone(c.k, c.f, today, ukcal.EnglandAndWales)
		if got != c.want || gone != (c.want != "") {
			t.Errorf("%s: %q %v, want %q", c.name, got, gone, c.want)
		}
	}
}

func TestSARAndNotBroughtTasksGone(t *testing.T) {
	k := Task{RuleKey: "sar:q1:2026-12-09"}
	f := SARFacts{RequestID: "q1", Due: d("2026-12-09")}
	if why, gone := SARTaskGone(k, f, ukcal.Date{}); gone {
		t.Errorf("an open request due as it was: %q", why)
	}
	if why, _ := SARTaskGone(k, f, d("2026-12-07")); why != "the subject access copy was made on Monday 7 December 2026." {
		t.Errorf("made: %q", why)
	}
	if why, _ := SARTaskGone(k, SARFacts{RequestID: "q1", Due: d("2026-12-09"), Paused: true}, ukcal.Date{}); why != "the request's clock is paused until the requester answers." {
		t.Errorf("paused: %q", why)
	}
	if why, _ := SARTaskGone(k, SARFacts{RequestID: "q1", Due: d("2027-02-09")}, ukcal.Date{}); why != "the request is now due on Tuesday 9 February 2027." {
		t.Errorf("extended: %q", why)
	}
	if _, gone := NotBroughtTaskGone(ukcal.Date{}); gone {
		t.Error("an open prompt's task went")
	}
	if why, _ := NotBroughtTaskGone(d("2026-12-07")); why != "the safeguarding prompt was acknowledged on Monday 7 December 2026." {
		t.Errorf("acknowledged: %q", why)
	}
	if got := DoneNote("Rang twice", "the reply came."); got != "Rang twice\n\nDone by ClinicDesk: the reply came." {
		t.Errorf("note %q", got)
	}
	if RuleSubject("referral:r1:chase:2026-11-16") != "r1" || RuleSubject("wnb:p9") != "p9" || RuleSubject("x:y") != "" {
		t.Error("the subjects of rule keys")
	}
}

func TestReopenedNoteSaysWhatHappenedInsteadOfDone(t *testing.T) {
	on := ukcal.MustParseDate("2026-12-07")
	for note, want := range map[string]string{
		"Done by ClinicDesk: the referral was closed on Monday 7 December 2026.": "ClinicDesk marked it done because the referral was closed on Monday 7 December 2026; " +
			"Dana Okafor reopened it on Monday 7 December 2026.",
		"Asked Sue to ring\n\nDone by ClinicDesk: the reply came on Friday 4 December 2026.": "Asked Sue to ring\n\nClinicDesk marked it done because " +
			"the reply came on Friday 4 December 2026; Dana Okafor reopened it on Monday 7 December 2026.",
		"Ring back after two": "Ring back after two",
	} {
		if got := ReopenedNote(note, "Dana Okafor", on); got != want {
			t.Errorf("ReopenedNote(%q) = %q, want %q", note, got, want)
		}
	}
}
