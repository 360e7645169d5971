package complaints

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// Each nation's periods counted in its own working days, on dates where a
// bank holiday of that nation (and not of the others) falls inside the
// period, so a rule set counting another nation's holidays fails.
func TestDeadlinesUnderEachNation(t *testing.T) {
	zero := ukcal.Date{}
	cases := []struct {
		name                 string
		rules                Rules
		received, stage2     string
		stage1, ack, respond string
		sixMonths            string
	}{
		// Wales: 2 and 30 working days; Christmas, Boxing Day (moved to
		// Monday 28th) and New Year's Day inside.
		{"wales christmas", Rules{Wales, NHSFunded}, "2026-12-23", "", "", "2026-12-29", "2027-02-08", ""},
		// Wales: the spring bank holiday, Monday 25 May 2026.
		{"wales spring", Rules{Wales, NHSFunded}, "2026-05-21", "", "", "2026-05-26", "2026-07-03", ""},
		// Northern Ireland: St Patrick's Day, Wednesday 17 March 2027, is
		// not a working day there (in Wales the answer would be the 18th).
		{"ni st patrick", Rules{NorthernIreland, NHSFunded}, "2027-03-16", "", "", "2027-03-19", "2027-04-16", ""},
		// Northern Ireland: the Battle of the Boyne, 12 July 2026 a Sunday,
		// is kept on Monday 13 July.
		{"ni twelfth", Rules{NorthernIreland, NHSFunded}, "2026-07-09", "", "", "2026-07-14", "2026-08-07", ""},
		// Scotland at stage 1: 5 working days, St Andrew's Day (Monday 30
		// November 2026) not one of them; no stage 2 dates yet.
		{"scotland stage 1", Rules{Scotland, NHSFunded}, "2026-11-26", "", "2026-12-04", "", "", ""},
		// Scotland, escalated to stage 2 on Wednesday 30 December 2026: New
		// Year's Day and 2 January (kept on Monday 4 January 2027) skipped.
		{"scotland stage 2 new year", Rules{Scotland, NHSFunded}, "2026-12-21", "2026-12-30", "2026-12-30", "2027-01-06", "2027-01-29", ""},
		// Scotland, straight to stage 2 on receipt: counted from receipt.
		{"scotland straight to stage 2", Rules{Scotland, NHSFunded}, "2026-11-27", "2026-11-27", "2026-12-07", "2026-12-03", "2026-12-30", ""},
		// England: 3 working days and the six-month point; nothing fixed for the response.
		{"england", EnglandNHS, "2026-08-31", "", "", "2026-09-03", "", "2027-02-28"},
		// Private care in Scotland: 3 working days in Scotland's calendar,
		// no stage 1, no six-month point, response as agreed.
		{"private scotland", Rules{Scotland, Private}, "2026-11-27", "", "", "2026-12-03", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stage2 := zero
			if c.stage2 != "" {
				stage2 = date(c.stage2)
			}
			d := DeadlinesUnder(c.rules, date(c.received), zero, zero, stage2, ResponsePeriod{})
			for _, f := range []struct {
				what string
				got  ukcal.Date
				want string
			}{{"stage 1", d.Stage1By, c.stage1}, {"acknowledge", d.AcknowledgeBy, c.ack}, {"respond", d.ResponseDue, c.respond}, {"six months", d.SixMonths, c.sixMonths}} {
				got := ""
				if !f.got.IsZero() {
					got = f.got.String()
				}
				if got != f.want {
					t.Errorf("%s = %q, want %q", f.what, got, f.want)
				}
			}
		})
	}
}

// An agreed later date is an extension; an agreed earlier one cannot cut
// the nation's period short.
func TestDeadlinesUnderAgreedPeriod(t *testing.T) {
	zero := ukcal.Date{}
	ni := Rules{NorthernIreland, NHSFunded}
	later := DeadlinesUnder(ni, date("2026-07-09"), zero, zero, zero, AgreedDate(date("2026-09-30")))
	if later.ResponseDue != date("2026-09-30") {
		t.Errorf("extension: response due %s, want 2026-09-30", later.ResponseDue)
	}
	earlier := DeadlinesUnder(ni, date("2026-07-09"), zero, zero, zero, AgreedWorkingDays(5))
	if earlier.ResponseDue != date("2026-08-07") {
		t.Errorf("shorter agreement: response due %s, want the 20 working days, 2026-08-07", earlier.ResponseDue)
	}
	priv := DeadlinesUnder(Rules{England, Private}, date("2026-07-09"), zero, zero, zero, AgreedWorkingDays(20))
	if priv.ResponseDue != date("2026-08-06") || !priv.SixMonths.IsZero() {
		t.Errorf("private: response due %s, six months %s; want 2026-08-06 and none", priv.ResponseDue, priv.SixMonths)
	}
	if priv.DelayLetterOwed(Investigating, date("2027-03-01"), false) {
		t.Error("private care owes no six-month delay letter under the 2009 Regulations")
	}
}

// The deadline worked to follows the stage in Scotland.
func TestNextFollowsScottishStage(t *testing.T) {
	zero := ukcal.Date{}
	sc := Rules{Scotland, NHSFunded}
	d := DeadlinesUnder(sc, date("2026-11-26"), zero, zero, zero, ResponsePeriod{})
	dl, ok := d.Next(Received)
	if !ok || dl.Key != "stage1_respond_by" || dl.Due != date("2026-12-04") {
		t.Errorf("stage 1: next = %+v, %v", dl, ok)
	}
	d = DeadlinesUnder(sc, date("2026-11-26"), zero, zero, date("2026-12-07"), ResponsePeriod{})
	if dl, _ := d.Next(Received); dl.Key != "acknowledge_by" || dl.Due != date("2026-12-10") {
		t.Errorf("stage 2 received: next = %+v", dl)
	}
	if dl, _ := d.Next(Investigating); dl.Key != "response_due" || dl.Due != date("2027-01-08") {
		t.Errorf("stage 2 investigating: next = %+v", dl)
	}
}

// Old records with no rule set are England NHS, as they were handled.
func TestBlankRulesAreEnglandNHS(t *testing.T) {
	zero := ukcal.Date{}
	got := DeadlinesUnder(Rules{}, date("2026-01-10"), zero, zero, zero, ResponsePeriod{})
	if got.SixMonths != date("2026-07-09") || got.AcknowledgeBy != date("2026-01-14") {
		t.Errorf("blank rules: %+v", got)
	}
	if err := (Rules{}).Check(); err == nil {
		t.Error("Check passed a blank rule set")
	}
	if err := (Rules{Wales, Private}).Check(); err != nil {
		t.Errorf("Check(Wales, private) = %v", err)
	}
}

func TestParseNationAndFunding(t *testing.T) {
	for in, want := range map[string]Nation{"england": England, "Northern Ireland": NorthernIreland, " northern-ireland ": NorthernIreland, "WALES": Wales, "scotland": Scotland} {
		if got, err := ParseNation(in); err != nil || got != want {
			t.Errorf("ParseNation(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseNation("england-and-wales"); err == nil || !strings.Contains(err.Error(), "England, Wales, Scotland or Northern Ireland") {
		t.Errorf("ParseNation(england-and-wales) = %v", err)
	}
	if f, err := ParseFunding("Private"); err != nil || f != Private {
		t.Errorf("ParseFunding(Private) = %q, %v", f, err)
	}
	if NationOf(ukcal.Scotland) != Scotland || NationOf(ukcal.EnglandAndWales) != England {
		t.Error("NationOf maps regions wrongly")
	}
}

// The paragraph names the body for the rule set: each nation's ombudsman
// for NHS care, the clinic's adjudicator for private care, and refuses
// private care with none set.
func TestReviewerForEachRuleSet(t *testing.T) {
	cases := []struct {
		rules Rules
		adj   Adjudicator
		want  []string
	}{
		{EnglandNHS, ISCAS, []string{"Parliamentary and Health Service Ombudsman", "0345 015 4033", "www.ombudsman.org.uk"}},
		{Rules{Wales, NHSFunded}, NoAdjudicator, []string{"Public Services Ombudsman for Wales", "www.ombudsman.wales"}},
		{Rules{Scotland, NHSFunded}, NoAdjudicator, []string{"Scottish Public Services Ombudsman", "0800 377 7330", "www.spso.org.uk"}},
		{Rules{NorthernIreland, NHSFunded}, NoAdjudicator, []string{"Northern Ireland Public Services Ombudsman", "0800 34 34 24", "www.nipso.org.uk", "six months"}},
		{Rules{England, Private}, ISCAS, []string{"Independent Sector Complaints Adjudication Service (ISCAS)", "iscas.cedr.com", "reviewed by a senior manager"}},
		{Rules{Scotland, Private}, DentalComplaintsService, []string{"Dental Complaints Service", "020 8253 0800"}},
	}
	others := []string{"Parliamentary", "for Wales", "Scottish Public", "Northern Ireland Public", "ISCAS", "Dental Complaints"}
	for _, c := range cases {
		rv, err := c.rules.Reviewer(c.adj)
		if err != nil {
			t.Fatalf("%v: %v", c.rules, err)
		}
		for _, w := range c.want {
			if !strings.Contains(strings.Join(strings.Fields(rv.Final), " "), w) {
				t.Errorf("%v final paragraph lacks %q:\n%s", c.rules, w, rv.Final)
			}
		}
		for _, o := range others {
			if !strings.Contains(c.want[0], o) && strings.Contains(rv.Final+rv.Delay, o) {
				t.Errorf("%v names %q:\n%s\n%s", c.rules, o, rv.Final, rv.Delay)
			}
		}
		if !strings.Contains(rv.Delay, rv.Name) {
			t.Errorf("%v delay paragraph does not name %s", c.rules, rv.Name)
		}
	}
	if _, err := (Rules{England, Private}).Reviewer(NoAdjudicator); !errors.Is(err, ErrNoAdjudicator) {
		t.Errorf("private care with no adjudicator: %v", err)
	}
}
