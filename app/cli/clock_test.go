package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/testclock"
	"clinicdesk/app/testvectors"
)

func writeEvents(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every clock of the project's vectors, through the command: the same
// keys and values as the rule package gives (testdata/rtt_clocks.json).
func TestClockCommandJSONMatchesTheVectors(t *testing.T) {
	var v struct {
		Cases []struct {
			Name   string          `json:"name"`
			AsOf   string          `json:"as_of"`
			Events json.RawMessage `json:"events"`
			Want   map[string]any  `json:"want"`
		} `json:"cases"`
	}
	testvectors.Load(t, "rtt_clocks.json", &v)
	if len(v.Cases) == 0 {
		t.Fatal("no clock vectors")
	}
	for _, c := range v.Cases {
		path := writeEvents(t, `{"events":`+string(c.Events)+`}`)
		code, out, errOut := runCLI("clock", "--events", path, "--as-of", c.AsOf, "--json")
		if code != ExitOK || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q", c.Name, code, errOut)
			continue
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: printed %q: %v", c.Name, out, err)
		}
		if !reflect.DeepEqual(got, c.Want) {
			t.Errorf("%s:\n got %s\nwant %v", c.Name, out, c.Want)
		}
	}
}

// Without --as-of the clock is read today, from the injected clock.
func TestClockCommandDefaultsToToday(t *testing.T) {
	today := testclock.Today()
	path := writeEvents(t, `{"events":[{"date":"`+today.AddDays(-15).String()+`","kind":"referral_received","urgency":"urgent"}]}`)
	code, out, errOut := runCLI("clock", "--events", path, "--json")
	var got map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	if got["weeks_waited"] != 2.0 || got["status"] != "running" || got["breach_date"] != today.AddDays(-15+126).String() {
		t.Errorf("read today (%s): %v", today, got)
	}
	if len(got) != 12 || got["fds_due"] != nil || got["cancer_31_met"] != nil {
		t.Errorf("an urgent referral's keys: %v", got)
	}
}

func TestClockCommandText(t *testing.T) {
	path := writeEvents(t, `{"events":[
		{"date":"2026-11-23","kind":"referral_received","urgency":"suspected_cancer"},
		{"date":"2026-12-14","kind":"diagnosis_communicated"},
		{"date":"2027-01-10","kind":"decision_to_treat"},
		{"date":"2027-01-30","kind":"first_definitive_treatment"}]}`)
	code, out, errOut := runCLI("clock", "--events", path, "--as-of", "2027-02-15")
	want := `Referral:                            Suspected cancer, received Monday 23 November 2026
As of:                               Monday 15 February 2027
Clock:                               stopped on Saturday 30 January 2027 (first definitive treatment); started Monday 23 November 2026
Treat by (18 weeks):                 Monday 29 March 2027
Weeks waited:                        9
Breached:                            no
Faster Diagnosis (28 days):          due Monday 21 December 2026: met on Monday 14 December 2026
First treatment (62 days):           due Sunday 24 January 2027: missed, late on Saturday 30 January 2027
Treatment after decision (31 days):  due Wednesday 10 February 2027: met on Saturday 30 January 2027
`
	if code != ExitOK || errOut != "" || out != want {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}

	// A missed first appointment, then a rebooking: the new clock, and the
	// earlier one named.
	path = writeEvents(t, `{"events":[
		{"date":"2026-06-01","kind":"referral_received"},
		{"date":"2026-07-06","kind":"first_appointment_dna"},
		{"date":"2026-07-08","kind":"first_appointment_booked"}]}`)
	_, out, _ = runCLI("clock", "--events", path, "--as-of", "2026-12-01")
	for _, s := range []string{
		"Earlier clock:                       01/06/2026 to 06/07/2026: not counted, the first appointment was missed",
		"Clock:                               running since Wednesday 8 July 2026",
		"Treat by (18 weeks):                 Wednesday 11 November 2026",
		"Breached:                            yes: more than 18 weeks",
	} {
		if !strings.Contains(out, s+"\n") {
			t.Errorf("rebooked after a DNA: no line %q in\n%s", s, out)
		}
	}
	if strings.Contains(out, "Faster Diagnosis") {
		t.Errorf("a routine referral printed cancer standards:\n%s", out)
	}

	path = writeEvents(t, `{"events":[{"date":"2026-06-01","kind":"referral_received"},{"date":"2026-07-06","kind":"first_appointment_dna"}]}`)
	_, out, _ = runCLI("clock", "--events", path, "--as-of", "2026-12-01")
	if !strings.Contains(out, "not counted: the first appointment was missed on Monday 6 July 2026") ||
		!strings.Contains(out, "a new clock starts on the day the patient rebooks") || strings.Contains(out, "Breached") {
		t.Errorf("nullified:\n%s", out)
	}
}

func TestClockCommandRefusals(t *testing.T) {
	good := writeEvents(t, `{"events":[{"date":"2026-06-01","kind":"referral_received"}]}`)
	cases := []struct {
		name string
		args []string
		body string // written to a file given as --events, when set
		code int
		want string
	}{
		{"no --events", []string{"clock"}, "", ExitUsage, "--events FILE.json is required"},
		{"bad --as-of", []string{"clock", "--events", good, "--as-of", "01/12/2026"}, "", ExitUsage, "--as-of 01/12/2026 is not a date in the form YYYY-MM-DD"},
		{"no such day", []string{"clock", "--events", good, "--as-of", "2026-02-30"}, "", ExitUsage, "is not a real date"},
		{"stray argument", []string{"clock", "--events", good, "now"}, "", ExitUsage, `unexpected argument "now"`},
		{"unknown option", []string{"clock", "--events", good, "--region", "scotland"}, "", ExitUsage, "clinicdesk clock has no option --region"},
		{"no such file", []string{"clock", "--events", filepath.Join(t.TempDir(), "missing.json")}, "", ExitFailure, "missing.json: no such file"},
		{"a folder", []string{"clock", "--events", t.TempDir()}, "", ExitFailure, "is a folder"},
		{"not JSON", []string{"clock"}, "referral_received 2026-06-01", ExitFailure, "the JSON is not valid at line 1"},
		{"unknown kind", []string{"clock", "--as-of", "2026-12-01"}, `{"events":[{"date":"2026-06-01","kind":"referral_received"},{"date":"2026-06-05","kind":"seen"}]}`,
			ExitFailure, `event 2: "seen" is not a kind of pathway event`},
		{"after as-of", []string{"clock", "--as-of", "2026-05-01"}, `{"events":[{"date":"2026-06-01","kind":"referral_received"}]}`,
			ExitFailure, "event 1 (referral_received on 2026-06-01) is after the day the clock is read on, 2026-05-01"},
	}
	for _, c := range cases {
		args := c.args
		if c.body != "" {
			args = append(args, "--events", writeEvents(t, c.body))
		}
		code, out, errOut := runCLI(args...)
		if code != c.code || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 ||
			!strings.HasPrefix(errOut, "clinicdesk clock: ") {
			t.Errorf("%s: exit %d (want %d), stdout %q, stderr %q (want %q)", c.name, code, c.code, out, errOut, c.want)
		}
	}
}
