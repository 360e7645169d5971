package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// keepLetter writes a rendered letter into $CLINICDESK_LOOK_DIR when set,
// so the letters can be turned into pictures and looked at.
func keepLetter(t *testing.T, name string, pdf []byte) {
	if dir := os.Getenv("CLINICDESK_LOOK_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// A complaint follows its own rule set, whatever the clinic's region: its
// deadlines in its nation's working days, the acknowledgement period and
// the response period of that nation, and a Today line worked out the same way.
func TestComplaintDeadlinesFollowTheirNation(t *testing.T) {
	d := newComplaintDesk(t, "2027-03-16")
	det := d.details(complaints.Written, "2027-03-16")
	det.Rules = complaints.Rules{Nation: complaints.NorthernIreland, Funding: complaints.NHSFunded}
	ni, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	// St Patrick's Day, Wednesday 17 March, is not a working day in Northern Ireland.
	if ni.Due.AcknowledgeBy != ukcal.MustParseDate("2027-03-19") || ni.Due.ResponseDue != ukcal.MustParseDate("2027-04-16") ||
		!ni.Due.SixMonths.IsZero() {
		t.Fatalf("Northern Ireland: %+v", ni.Due)
	}
	d.at("2027-03-18")
	f, err := d.c.Complaint(ni.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.NextText != "due in 1 working day" {
		t.Errorf("Today's line on Thursday 18 March: %q", f.NextText)
	}
	// Acknowledging agrees nothing: the 20 working days run.
	f.ComplaintRecord = d.move(t, ni.ID, complaints.Acknowledged, "", "")
	if !f.ResponsePeriod.IsZero() || f.Next.Due != ukcal.MustParseDate("2027-04-16") {
		t.Errorf("acknowledged: agreed %v, next %+v", f.ResponsePeriod, f.Next)
	}

	// Wales: 2 working days, then 30.
	det = d.details(complaints.Email, "2027-03-18")
	det.Rules = complaints.Rules{Nation: complaints.Wales, Funding: complaints.NHSFunded}
	wales, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	if wales.Due.AcknowledgeBy != ukcal.MustParseDate("2027-03-22") || wales.Due.ResponseDue != ukcal.MustParseDate("2027-05-04") {
		t.Errorf("Wales: %+v", wales.Due)
	}

	// Scotland: stage 1 runs until the complaint goes to stage 2.
	d.at("2026-11-27")
	det = d.details(complaints.Oral, "2026-11-27")
	det.Rules = complaints.Rules{Nation: complaints.Scotland, Funding: complaints.NHSFunded}
	sc, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Next.Key != "stage1_respond_by" || sc.Next.Due != ukcal.MustParseDate("2026-12-07") {
		t.Errorf("Scotland stage 1: %+v", sc.Next)
	}
	d.at("2026-12-07")
	det = sc.Details
	det.Stage2 = ukcal.MustParseDate("2026-12-07")
	sc, err = d.c.UpdateComplaint(sc.ID, det)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Next.Key != "acknowledge_by" || sc.Next.Due != ukcal.MustParseDate("2026-12-10") || sc.Due.ResponseDue != ukcal.MustParseDate("2027-01-08") {
		t.Errorf("Scotland stage 2: next %+v, response %s", sc.Next, sc.Due.ResponseDue)
	}
	due, err := d.c.ComplaintsDueSoon(3)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range due {
		found = found || r.ID == sc.ID
	}
	if !found {
		t.Errorf("the Scottish complaint is not due soon: %+v", due)
	}

	// Refusals, in words the desk can act on.
	bad := d.details(complaints.Written, "2026-12-07")
	bad.Stage2 = ukcal.MustParseDate("2026-12-07")
	if _, err := d.c.LogComplaint(bad); err == nil || !strings.Contains(err.Error(), "only an NHS complaint in Scotland has a stage 2") {
		t.Errorf("a stage 2 in England: %v", err)
	}
	bad = d.details(complaints.Written, "2026-12-07")
	bad.Rules.Nation = "england-and-wales"
	if _, err := d.c.LogComplaint(bad); err == nil || !strings.Contains(err.Error(), "England, Wales, Scotland or Northern Ireland") {
		t.Errorf("an unknown nation: %v", err)
	}
}

// A new complaint takes its rule set from Settings; the nation follows the
// clinic's region until one is chosen.
func TestComplaintRulesDefaultFromSettings(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-23")
	cal, _ := d.c.CalendarSettings()
	cal.Region = "northern-ireland"
	if err := d.c.SaveCalendarSettings(cal); err != nil {
		t.Fatal(err)
	}
	r := d.log(t, complaints.Written, "2026-11-23")
	if r.Rules != (complaints.Rules{Nation: complaints.NorthernIreland, Funding: complaints.NHSFunded}) {
		t.Errorf("from the region: %+v", r.Rules)
	}
	cs, _ := d.c.ComplaintSettings()
	cs.Nation, cs.Funding, cs.Adjudicator, cs.ODSCode, cs.ReturnVariant = "Wales", "private", "dcs", " v12 345 ", "Dental"
	if err := d.c.SaveComplaintSettings(cs); err != nil {
		t.Fatal(err)
	}
	cs, _ = d.c.ComplaintSettings()
	if cs.Nation != "wales" || cs.Funding != "private" || cs.Adjudicator != "dcs" || cs.ODSCode != "V12345" || cs.ReturnVariant != "dental" {
		t.Errorf("saved settings: %+v", cs)
	}
	if r := d.log(t, complaints.Written, "2026-11-23"); r.Rules != (complaints.Rules{Nation: complaints.Wales, Funding: complaints.Private}) {
		t.Errorf("from Settings: %+v", r.Rules)
	}
	for _, bad := range []func(*complaints.Settings){
		func(cs *complaints.Settings) { cs.ODSCode = "A8!" },
		func(cs *complaints.Settings) { cs.ReturnVariant = "hospital" },
		func(cs *complaints.Settings) { cs.Adjudicator = "ombudsman" },
		func(cs *complaints.Settings) { cs.Nation = "Cornwall" },
	} {
		c := cs
		bad(&c)
		if err := d.c.SaveComplaintSettings(c); err == nil {
			t.Errorf("saved %+v", c)
		}
	}
	d.signIn(t, "rita")
	if err := d.c.SaveComplaintSettings(cs); err == nil {
		t.Error("a receptionist changed the complaint settings")
	}
}

// The final response and the delay letter name who reviews the complaint
// next under its rule set, and no one else; a private complaint needs the
// clinic's adjudicator first.
func TestComplaintLettersNameTheOmbudsmanOfTheirRuleSet(t *testing.T) {

	bodies := []string{"Parliamentary and Health Service Ombudsman", "Public Services Ombudsman for Wales",
		"Scottish Public Services Ombudsman", "Northern Ireland Public Services Ombudsman",
		"Independent Sector Complaints Adjudication Service", "Dental Complaints Service"}
	cases := []struct {
		name     string
		rules    complaints.Rules
		adj      complaints.Adjudicator
		want     []string
		advocacy string
	}{
		{"england", complaints.EnglandNHS, "", []string{bodies[0], "0345 015 4033"}, "NHS complaints advocacy"},
		{"wales", complaints.Rules{Nation: complaints.Wales, Funding: complaints.NHSFunded}, "", []string{bodies[1], "0300 790 0203"}, "Llais"},
		{"scotland", complaints.Rules{Nation: complaints.Scotland, Funding: complaints.NHSFunded}, "", []string{bodies[2], "0800 377 7330"}, "Patient Advice and Support Service"},
		{"northern-ireland", complaints.Rules{Nation: complaints.NorthernIreland, Funding: complaints.NHSFunded}, "", []string{bodies[3], "0800 34 34 24"}, "Patient and Client Council"},
		{"private-iscas", complaints.Rules{Nation: complaints.England, Funding: complaints.Private}, complaints.ISCAS, []string{bodies[4], "iscas.cedr.com"}, ""},
		{"private-dental", complaints.Rules{Nation: complaints.Scotland, Funding: complaints.Private}, complaints.DentalComplaintsService, []string{bodies[5], "020 8253 0800"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newComplaintDesk(t, "2026-11-02")
			cs, _ := d.c.ComplaintSettings()
			cs.Adjudicator = string(c.adj)
			if err := d.c.SaveComplaintSettings(cs); err != nil {
				t.Fatal(err)
			}
			det := d.details(complaints.Written, "2026-11-02")
			det.Rules = c.rules
			if c.rules.Stage1WorkingDays() > 0 {
				det.Stage2 = det.Received // straight to investigation
			}
			r, err := d.c.LogComplaint(det)
			if err != nil {
				t.Fatal(err)
			}
			ack, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate})
			if err != nil {
				t.Fatal(err)
			}
			keepLetter(t, "ack-"+c.name, ack.PDF)
			ackText := pdfTextOf(t, ack.PDF)
			if c.advocacy != "" && !strings.Contains(ackText, c.advocacy) {
				t.Errorf("the acknowledgement lacks %q:\n%s", c.advocacy, ackText)
			}
			if c.advocacy == "" && strings.Contains(ackText, "advocacy") {
				t.Errorf("a private acknowledgement offers NHS advocacy:\n%s", ackText)
			}
			d.at("2026-11-03")
			d.move(t, r.ID, complaints.Acknowledged, "", "")
			d.move(t, r.ID, complaints.Investigating, "", "")
			delay, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintDelayTemplate,
				DelayReason: "we are waiting for a statement", NewResponseDue: ukcal.MustParseDate("2027-01-15")})
			if err != nil {
				t.Fatal(err)
			}
			keepLetter(t, "delay-"+c.name, delay.PDF)
			final, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintFinalTemplate,
				Investigation: "I read the appointment book.", Conclusions: "No one told you why. I uphold your complaint.",
				Actions: "- Reception now tell patients.", SignedOffBy: "Dr Amira Khan", Outcome: complaints.Upheld})
			if err != nil {
				t.Fatal(err)
			}
			keepLetter(t, "final-"+c.name, final.PDF)
			for _, letter := range []struct {
				name string
				pdf  []byte
			}{{"delay letter", delay.PDF}, {"final response", final.PDF}} {
				text := pdfTextOf(t, letter.pdf)
				for _, w := range c.want {
					if !strings.Contains(text, w) {
						t.Errorf("the %s lacks %q:\n%s", letter.name, w, text)
					}
				}
				for _, other := range bodies {
					if other != c.want[0] && strings.Contains(text, other) {
						t.Errorf("the %s names %q:\n%s", letter.name, other, text)
					}
				}
			}
		})
	}

	// Private care with no adjudicator chosen: the acknowledgement goes,
	// the final response waits for Settings.
	d := newComplaintDesk(t, "2026-11-02")
	det := d.details(complaints.Written, "2026-11-02")
	det.Rules = complaints.Rules{Nation: complaints.England, Funding: complaints.Private}
	r, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate}); err != nil {
		t.Fatalf("acknowledgement of a private complaint: %v", err)
	}
	d.at("2026-11-03")
	d.move(t, r.ID, complaints.Acknowledged, "", "")
	d.move(t, r.ID, complaints.Investigating, "", "")
	_, err = d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintFinalTemplate,
		Investigation: "I read the book.", Conclusions: "I uphold it.", Actions: "None needed.", SignedOffBy: "Dr Amira Khan", Outcome: complaints.Upheld})
	if !errors.Is(err, complaints.ErrNoAdjudicator) || !strings.Contains(err.Error(), "Settings") {
		t.Errorf("a private final response with no adjudicator: %v", err)
	}
}
