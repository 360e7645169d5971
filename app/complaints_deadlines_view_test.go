package app

import (
	"slices"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// The delay letter's proposed date counts the complaint's own nation's
// working days, not the clinic's region: a Scottish complaint at an
// English clinic skips Scotland's 2 January holiday (its substitute day).
func TestTheDelayLettersDateCountsTheComplaintsNation(t *testing.T) {
	d := newComplaintDesk(t, "2026-12-29")
	d.signIn(t, "amanager")
	in := d.details(complaints.Written, "2026-12-21")
	in.Rules = complaints.Rules{Nation: complaints.Scotland, Funding: complaints.NHSFunded}
	in.Stage2 = ukcal.MustParseDate("2026-12-22")
	r, err := d.c.LogComplaint(in)
	if err != nil {
		t.Fatal(err)
	}
	today := ukcal.MustParseDate("2026-12-29")
	scottish, english := ukcal.Scotland.AddWorkingDays(today, 5), ukcal.EnglandAndWales.AddWorkingDays(today, 5)
	if scottish == english {
		t.Fatal("the test needs a span where the nations' holidays differ")
	}
	if got := d.c.ComplaintDelayNewDate(r, 5); got != scottish {
		t.Errorf("proposed %s, want %s (Scotland's working days; England's would be %s)", got, scottish, english)
	}
}

// The words for a deadline say past or not from the clinic's today.
func TestComplaintDeadlineWordsSayWhenADeadlineHasPassed(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-30")
	d.signIn(t, "amanager")
	r := d.log(t, complaints.Written, "2026-11-20")
	words, past := d.c.ComplaintDeadlineWords(r, r.Due.AcknowledgeBy)
	if !past || words != "overdue by 3 working days" {
		t.Errorf("acknowledge by %s: %q past %v, want overdue by 3 working days", r.Due.AcknowledgeBy, words, past)
	}
	words, past = d.c.ComplaintDeadlineWords(r, ukcal.MustParseDate("2026-12-02"))
	if past || words != "due in 2 working days" {
		t.Errorf("2 December: %q past %v", words, past)
	}
}

// The moves offered are the ones MoveComplaint would let this user make:
// a receptionist acknowledges but does not close, and only an oral
// complaint is closed without being acknowledged.
func TestComplaintMovesFollowPermissionAndChannel(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	d.signIn(t, "amanager")
	written := d.log(t, complaints.Written, "2026-11-23")
	oral := d.log(t, complaints.Oral, "2026-11-23")
	if got := d.c.ComplaintMoves(written); !slices.Equal(got, []complaints.Status{complaints.Acknowledged}) {
		t.Errorf("manager, written: %v", got)
	}
	if got := d.c.ComplaintMoves(oral); !slices.Equal(got, []complaints.Status{complaints.Acknowledged, complaints.Closed}) {
		t.Errorf("manager, oral: %v", got)
	}
	d.signIn(t, "rita")
	if got := d.c.ComplaintMoves(oral); !slices.Equal(got, []complaints.Status{complaints.Acknowledged}) {
		t.Errorf("receptionist, oral: %v (closing is the manager's)", got)
	}
}

// The form's preview is the deadlines logging would set.
func TestTheComplaintFormsPreviewMatchesWhatLoggingSets(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	d.signIn(t, "amanager")
	for _, rules := range []complaints.Rules{complaints.EnglandNHS, {Nation: complaints.Scotland, Funding: complaints.NHSFunded}} {
		in := d.details(complaints.Written, "2026-11-20")
		in.Rules = rules
		in.Events = ukcal.MustParseDate("2025-10-01")
		r, err := d.c.LogComplaint(in)
		if err != nil {
			t.Fatal(err)
		}
		got := d.c.ComplaintDeadlinesPreview(rules, in.Received, in.Events, ukcal.Date{}, ukcal.Date{})
		if got.AcknowledgeBy != r.Due.AcknowledgeBy || got.Stage1By != r.Due.Stage1By || got.TimeLimit != r.Due.TimeLimit || got.OutOfTime != r.Due.OutOfTime {
			t.Errorf("%s: preview %+v, logged %+v", rules.Label(), got, r.Due)
		}
		if !got.OutOfTime {
			t.Errorf("%s: events 14 months back are not out of time", rules.Label())
		}
	}
}

// The reviewer named before a referral is the nation's ombudsman.
func TestComplaintReviewerNameIsTheNationsOmbudsman(t *testing.T) {
	c, _, _ := newClinic(t)
	for _, n := range complaints.Nations() {
		want, err := complaints.Rules{Nation: n, Funding: complaints.NHSFunded}.Reviewer(complaints.NoAdjudicator)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.ComplaintReviewerName(complaints.Rules{Nation: n, Funding: complaints.NHSFunded}); got != want.Name || got == "" {
			t.Errorf("%s: %q, want %q", n, got, want.Name)
		}
	}
	if got := c.ComplaintReviewerName(complaints.Rules{Nation: complaints.England, Funding: complaints.Private}); got != "the clinic's independent adjudicator" {
		t.Errorf("private care: %q", got)
	}
}

// The letters offered are those RenderComplaintLetter would write: the
// acknowledgement while new, the final response only once investigated
// and only for a manager.
func TestComplaintLettersOfferedFollowTheStage(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	d.signIn(t, "amanager")
	r := d.log(t, complaints.Written, "2026-11-23")
	if got := d.c.ComplaintLettersOffered(r); !slices.Equal(got, []string{ComplaintAckTemplate}) {
		t.Errorf("received: %v", got)
	}
	d.move(t, r.ID, complaints.Acknowledged, complaints.NoOutcome, "")
	r = d.move(t, r.ID, complaints.Investigating, complaints.NoOutcome, "")
	if got := d.c.ComplaintLettersOffered(r); !slices.Equal(got, []string{ComplaintFinalTemplate}) {
		t.Errorf("investigating: %v", got)
	}
	d.signIn(t, "rita")
	if got := d.c.ComplaintLettersOffered(r); len(got) != 0 {
		t.Errorf("receptionist, investigating: %v (the final response is the manager's)", got)
	}
}
