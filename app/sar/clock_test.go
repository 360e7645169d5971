package sar

import (
	"strings"
	"testing"

	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

var d = ukcal.MustParseDate

// The vectors are England and Wales dates with no pause.
func TestDueVectors(t *testing.T) {
	var v struct {
		Cases []struct {
			Received    string `json:"received"`
			Due         string `json:"due"`
			DueExtended string `json:"due_extended"`
		} `json:"cases"`
	}
	testvectors.Load(t, "sar_deadlines.json", &v)
	if len(v.Cases) == 0 {
		t.Fatal("no cases in sar_deadlines.json")
	}
	for _, c := range v.Cases {
		r := Request{Received: d(c.Received)}
		if got := r.Due(ukcal.EnglandAndWales, d(c.Received)); got.String() != c.Due {
			t.Errorf("received %s: due %s, want %s", c.Received, got, c.Due)
		}
		if c.DueExtended == "" {
			continue
		}
		if got := DueExtended(d(c.Received), 0, ukcal.EnglandAndWales); got.String() != c.DueExtended {
			t.Errorf("received %s: extended due %s, want %s", c.Received, got, c.DueExtended)
		}
	}
}

func TestDueFollowsTheRegion(t *testing.T) {
	cases := []struct {
		received string
		region   ukcal.Region
		want     string
	}{
		{"2026-07-03", ukcal.EnglandAndWales, "2026-08-03"}, // Scotland's summer holiday is not England's
		{"2026-07-03", ukcal.Scotland, "2026-08-04"},
		{"2026-07-31", ukcal.EnglandAndWales, "2026-09-01"}, // England's is the last Monday
		{"2026-07-31", ukcal.Scotland, "2026-08-31"},
		{"2026-12-02", ukcal.NorthernIreland, "2027-01-04"}, // 2 January: Scotland only
		{"2026-12-02", ukcal.Scotland, "2027-01-05"},
	}
	for _, c := range cases {
		if got := Due(d(c.received), 0, c.region); got.String() != c.want {
			t.Errorf("%s in %s: due %s, want %s", c.received, c.region, got, c.want)
		}
	}
}

func TestPausesMoveTheClockBeforeTheWorkingDayMove(t *testing.T) {
	cases := []struct {
		name               string
		received           string
		pauses             []Pause
		unadjusted, due    string
		extUnadj, extended string
	}{
		// 3 Oct 2026 is a Saturday: unpaused the copy is due Monday 5th;
		// five days' pause makes 8 Oct, a Thursday, with no further move.
		{"five days", "2026-09-03", []Pause{{From: d("2026-09-05"), To: d("2026-09-10")}},
			"2026-10-08", "2026-10-08", "2026-12-08", "2026-12-08"},
		// Two days lands on Saturday 5 Dec, then Monday 7th: the pause is
		// added first, the weekend move after (not 3 Oct → 5 Oct + 2).
		{"lands on a weekend", "2026-11-03", []Pause{{From: d("2026-11-04"), To: d("2026-11-06")}},
			"2026-12-05", "2026-12-07", "2027-02-05", "2027-02-05"},
		{"two pauses add up", "2026-01-31", []Pause{
			{From: d("2026-02-01"), To: d("2026-02-03")},
			{From: d("2026-02-10"), To: d("2026-02-11"), Reason: AwaitingClarification}},
			"2026-03-03", "2026-03-03", "2026-05-03", "2026-05-05"}, // 4 May 2026 early May bank holiday
		{"same-day pause is none", "2026-09-03", []Pause{{From: d("2026-09-04"), To: d("2026-09-04")}},
			"2026-10-03", "2026-10-05", "2026-12-03", "2026-12-03"},
	}
	for _, c := range cases {
		n := PausedDays(c.pauses, d("2027-06-01"))
		rec := d(c.received)
		if got := DueUnadjusted(rec, n); got.String() != c.unadjusted {
			t.Errorf("%s: unadjusted %s, want %s", c.name, got, c.unadjusted)
		}
		if got := Due(rec, n, ukcal.EnglandAndWales); got.String() != c.due {
			t.Errorf("%s: due %s, want %s", c.name, got, c.due)
		}
		if got := DueExtendedUnadjusted(rec, n); got.String() != c.extUnadj {
			t.Errorf("%s: extended unadjusted %s, want %s", c.name, got, c.extUnadj)
		}
		if got := DueExtended(rec, n, ukcal.EnglandAndWales); got.String() != c.extended {
			t.Errorf("%s: extended %s, want %s", c.name, got, c.extended)
		}
	}
}

func TestOpenPauseCountsToTodayAndIsNotOverdue(t *testing.T) {
	r := Request{PatientID: "p", Received: d("2026-09-03"), Scope: "whole record"}
	if err := r.StartPause(d("2026-09-04"), AwaitingIdentity, d("2026-09-04")); err != nil {
		t.Fatal(err)
	}
	if r.Status() != StatusAwaitingIdentity {
		t.Errorf("status %s", r.Status())
	}
	today := d("2026-10-20") // 46 days on, identity still awaited
	if got := r.Due(ukcal.EnglandAndWales, today); got.String() != "2026-11-18" {
		t.Errorf("due with open pause %s, want 2026-11-18", got)
	}
	if r.Overdue(ukcal.EnglandAndWales, d("2026-12-31")) {
		t.Error("a paused request counted as overdue")
	}
	if err := r.StartPause(d("2026-09-10"), AwaitingClarification, today); err == nil {
		t.Error("a second pause started while one was open")
	}
	if err := r.EndPause(d("2026-09-01"), today); err == nil {
		t.Error("resumed before the pause began")
	}
	if err := r.EndPause(d("2026-09-11"), today); err != nil {
		t.Fatal(err)
	}
	if r.Status() != Open || r.Due(ukcal.EnglandAndWales, today).String() != "2026-10-12" { // 3 Oct + 7 = Sat 10th → Mon 12th
		t.Errorf("after resume: %s due %s", r.Status(), r.Due(ukcal.EnglandAndWales, today))
	}
	if !r.Overdue(ukcal.EnglandAndWales, d("2026-10-13")) || r.Overdue(ukcal.EnglandAndWales, d("2026-10-12")) {
		t.Error("overdue should start the day after the due date")
	}
	if err := r.EndPause(d("2026-09-12"), today); err == nil {
		t.Error("resumed a clock that was running")
	}
}

func TestExtensionOnlyWithinTheFirstMonth(t *testing.T) {
	reg := ukcal.EnglandAndWales
	r := Request{PatientID: "p", Received: d("2026-01-31"), Scope: "x"} // due Mon 2 Mar 2026
	late := r
	if err := late.Extend(d("2026-03-03"), "many years of records", reg, d("2026-03-10")); err == nil || !strings.Contains(err.Error(), "02/03/2026") {
		t.Errorf("notice a day late: %v", err)
	}
	if err := r.Extend(d("2026-03-02"), "many years of records", reg, d("2026-03-10")); err != nil {
		t.Fatalf("notice on the due date: %v", err)
	}
	if r.Status() != Extended || r.Due(reg, d("2026-03-10")).String() != "2026-04-30" {
		t.Errorf("extended: %s due %s", r.Status(), r.Due(reg, d("2026-03-10")))
	}
	if err := r.Extend(d("2026-03-02"), "many years of records", reg, d("2026-03-10")); err == nil {
		t.Error("extended twice")
	}
	// A pause moves the first month on, and with it the notice's last day.
	p := Request{PatientID: "p", Received: d("2026-01-31"), Scope: "x",
		Pauses: []Pause{{From: d("2026-02-02"), To: d("2026-02-05")}}}
	if err := p.Extend(d("2026-03-03"), "many years of records", reg, d("2026-03-10")); err != nil {
		t.Errorf("notice within the paused month refused: %v", err)
	}
	if err := (&Request{Received: d("2026-01-31")}).Extend(d("2026-01-30"), "many years of records", reg, d("2026-03-10")); err == nil {
		t.Error("notice before receipt accepted")
	}
}

func TestPauseChecks(t *testing.T) {
	rec := d("2026-03-10")
	if err := CheckPauses(rec, []Pause{{From: d("2026-03-09"), To: d("2026-03-11")}}); err == nil {
		t.Error("pause before receipt accepted")
	}
	if err := CheckPauses(rec, []Pause{{From: d("2026-03-11"), To: d("2026-03-15")}, {From: d("2026-03-14"), To: d("2026-03-16")}}); err == nil {
		t.Error("overlapping pauses accepted")
	}
	if err := CheckPauses(rec, []Pause{{From: d("2026-03-11"), To: d("2026-03-15")}, {From: d("2026-03-15"), To: d("2026-03-16")}}); err != nil {
		t.Errorf("back-to-back pauses refused: %v", err)
	}
	produced := Request{Received: rec}
	produced.ProducedAt = d("2026-03-20").Time()
	if err := produced.StartPause(d("2026-03-21"), AwaitingIdentity, d("2026-03-22")); err == nil || produced.Status() != Produced {
		t.Error("paused a closed request")
	}
}

func TestParsePause(t *testing.T) {
	p, err := ParsePause("2026-03-02..2026-03-09")
	if err != nil || p.From.String() != "2026-03-02" || p.To.String() != "2026-03-09" || p.Days(ukcal.Date{}) != 7 {
		t.Errorf("got %+v %v", p, err)
	}
	for _, bad := range []string{"", "2026-03-02", "2026-03-02..", "..2026-03-09", "2026-03-09..2026-03-02", "2026-03-02..next week", "2026-03-02...2026-03-09"} {
		if _, err := ParsePause(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzParsePause(f *testing.F) {
	f.Add("2026-03-02..2026-03-09")
	f.Add("..")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePause(s)
		if err == nil && p.To.Before(p.From) {
			t.Errorf("%q: backwards pause accepted", s)
		}
	})
}
