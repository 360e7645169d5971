package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"clinicdesk/app/testclock"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, Env{Stdout: &out, Stderr: &errOut, Now: testclock.Now})
	return code, out.String(), errOut.String()
}

func TestHolidaysCommand(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"holidays", "--year", "2026"}, `2026-01-01 New Year’s Day
2026-04-03 Good Friday
2026-04-06 Easter Monday
2026-05-04 Early May bank holiday
2026-05-25 Spring bank holiday
2026-08-31 Summer bank holiday
2026-12-25 Christmas Day
2026-12-28 Boxing Day
`},
		{[]string{"holidays", "--year=2026", "--region", "scotland"}, `2026-01-01 New Year’s Day
2026-01-02 2nd January
2026-04-03 Good Friday
2026-05-04 Early May bank holiday
2026-05-25 Spring bank holiday
2026-06-15 World Cup bank holiday
2026-08-03 Summer bank holiday
2026-11-30 St Andrew’s Day
2026-12-25 Christmas Day
2026-12-28 Boxing Day
`},
		// Beyond the feed: Christmas on a Saturday, from the rules.
		{[]string{"holidays", "--region", "northern-ireland", "--year", "2032"}, `2032-01-01 New Year’s Day
2032-03-17 St Patrick’s Day
2032-03-26 Good Friday
2032-03-29 Easter Monday
2032-05-03 Early May bank holiday
2032-05-31 Spring bank holiday
2032-07-12 Battle of the Boyne (Orangemen’s Day)
2032-08-30 Summer bank holiday
2032-12-27 Christmas Day
2032-12-28 Boxing Day
`},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(c.args...)
		if code != ExitOK || out != c.want || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", c.args, code, errOut, out, c.want)
		}
	}
}

func TestDeadlinesCommand(t *testing.T) {
	code, out, errOut := runCLI("deadlines", "--from", "2026-05-23")
	want := `acknowledge_by 2026-05-28  (from the day the complaint was received)
six_months 2026-11-22  (from the day the complaint was received)
sar_due 2026-06-23  (from the day the subject access request was received)
sar_due_extended 2026-08-24  (from the day the subject access request was received)
rtt_18w 2026-09-26  (from the referral's clock start)
fds_28d 2026-06-20  (from the urgent referral)
cancer_62d 2026-07-24  (from the urgent referral)
cancer_31d 2026-06-23  (from the decision to treat)
`
	if code != ExitOK || out != want || errOut != "" {
		t.Errorf("deadlines --from 2026-05-23: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}

	code, out, _ = runCLI("deadlines", "--json", "--from", "2026-11-30")
	if code != ExitOK {
		t.Fatalf("deadlines --json: exit %d", code)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("deadlines --json printed %q: %v", out, err)
	}
	wantJSON := map[string]string{
		"acknowledge_by": "2026-12-03", "six_months": "2027-05-29", "sar_due": "2026-12-30",
		"sar_due_extended": "2027-03-01", "rtt_18w": "2027-04-05", "fds_28d": "2026-12-28", "cancer_62d": "2027-01-31",
		"cancer_31d": "2026-12-31",
	}
	if len(got) != len(wantJSON) {
		t.Errorf("deadlines --json keys = %v", got)
	}
	for k, v := range wantJSON {
		if got[k] != v {
			t.Errorf("deadlines --json %s = %q, want %q", k, got[k], v)
		}
	}

	// Scotland works on Easter Monday: a SAR due on 6 April 2026 stays there.
	_, out, _ = runCLI("deadlines", "--from", "2026-03-06", "--region", "scotland")
	if !strings.Contains(out, "sar_due 2026-04-06 ") {
		t.Errorf("deadlines in Scotland:\n%s", out)
	}
	_, out, _ = runCLI("deadlines", "--from", "2026-03-06")
	if !strings.Contains(out, "sar_due 2026-04-07 ") {
		t.Errorf("deadlines in England and Wales:\n%s", out)
	}
}

// --complaint-rules prints one nation's dates from the day of receipt, in
// that nation's working days: the keys of each nation, and a bank holiday
// of that nation (and of no other) inside each period.
func TestDeadlinesComplaintRules(t *testing.T) {
	cases := []struct {
		nation, from string
		want         map[string]string
	}{
		// 31 August 2026 is a bank holiday in England: the day of receipt never counts.
		{"england", "2026-08-31", map[string]string{"acknowledge_by": "2026-09-03", "six_months": "2027-02-28"}},
		// Christmas, Boxing Day (kept on the 28th) and New Year's Day.
		{"wales", "2026-12-23", map[string]string{"acknowledge_by": "2026-12-29", "respond_by": "2027-02-08"}},
		// St Andrew's Day, Monday 30 November 2026.
		{"scotland", "2026-11-27", map[string]string{"stage1_respond_by": "2026-12-07", "acknowledge_by": "2026-12-03", "respond_by": "2026-12-30"}},
		// St Patrick's Day, Wednesday 17 March 2027.
		{"northern-ireland", "2027-03-16", map[string]string{"acknowledge_by": "2027-03-19", "respond_by": "2027-04-16"}},
		// The Twelfth, kept on Monday 13 July 2026.
		{"Northern Ireland", "2026-07-09", map[string]string{"acknowledge_by": "2026-07-14", "respond_by": "2026-08-07"}},
	}
	for _, c := range cases {
		code, out, errOut := runCLI("deadlines", "--from", c.from, "--complaint-rules", c.nation, "--json")
		if code != ExitOK || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", c.nation, code, errOut)
		}
		var got map[string]string
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s printed %q: %v", c.nation, out, err)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s keys = %v, want %v", c.nation, got, c.want)
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s %s = %q, want %q", c.nation, k, got[k], v)
			}
		}
	}
	_, out, _ := runCLI("deadlines", "--from", "2026-11-27", "--complaint-rules", "scotland")
	want := `stage1_respond_by 2026-12-07  (from the day the complaint was received)
acknowledge_by 2026-12-03  (stage 2, from the day the complaint was received or went to stage 2)
respond_by 2026-12-30  (stage 2, from the day the complaint was received or went to stage 2)
`
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}
	for _, args := range [][]string{
		{"deadlines", "--from", "2026-11-27", "--complaint-rules", "england-and-wales"},
		{"deadlines", "--from", "2026-11-27", "--complaint-rules", "scotland", "--region", "scotland"},
	} {
		if code, _, errOut := runCLI(args...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}

func TestHolidaysAndDeadlinesUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"holidays"},
		{"holidays", "--year"},
		{"holidays", "--year", "twenty"},
		{"holidays", "--year", "26"},
		{"holidays", "--year", "2026", "--region", "wales"},
		{"holidays", "--year", "2026", "extra"},
		{"holidays", "--month", "5"},
		{"deadlines"},
		{"deadlines", "--from", "2026-02-30"},
		{"deadlines", "--from", "23/11/2026"},
		{"deadlines", "--from", "2026-11-23", "--region", "england"},
		{"deadlines", "--from", "2026-11-23", "--json=maybe"},
	} {
		code, out, errOut := runCLI(args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
		if out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stdout %q, stderr %q; want nothing and one line", args, out, errOut)
		}
	}
	_, _, errOut := runCLI("holidays", "--year", "2026", "--region", "wales")
	for _, name := range []string{"england-and-wales", "scotland", "northern-ireland"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("bad region message %q does not list %s", errOut, name)
		}
	}
}
