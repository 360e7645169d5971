package cli

import (
	"bytes"
	"strings"
	"testing"

	"clinicdesk/app/testclock"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // exact, without the newline
		stderr string // contained in the one error line
	}{
		{[]string{"nhs", "9434765919"}, ExitOK, "943 476 5919", ""},
		{[]string{"nhs", " 943-476-5919 "}, ExitOK, "943 476 5919", ""},
		{[]string{"nhs", "943", "476", "5919"}, ExitOK, "943 476 5919", ""},
		{[]string{"NHS", "9990000018"}, ExitOK, "999 000 0018 (test NHS number)", ""},
		{[]string{"nhs", "943 476 591"}, ExitFailure, "", "NHS number must have 10 digits (this has 9)"},
		{[]string{"nhs", "9434765918"}, ExitFailure, "", "check digit does not match"},
		{[]string{"nhs", ""}, ExitFailure, "", "no NHS number was entered"},
		{[]string{"postcode", "sw1a1aa"}, ExitOK, "SW1A 1AA", ""},
		{[]string{"postcode", "ec1a", "1bb"}, ExitOK, "EC1A 1BB", ""},
		{[]string{"postcode", "zz993vz"}, ExitOK, "ZZ99 3VZ (NHS pseudo-postcode: no fixed abode)", ""},
		{[]string{"postcode", "ZZ99 3WZ"}, ExitOK, "ZZ99 3WZ (NHS pseudo-postcode: not known)", ""},
		{[]string{"postcode", "SW1A 1AC"}, ExitFailure, "", "never uses the letters C, I, K, M, O or V"},
		{[]string{"postcode", "BFPO 123"}, ExitFailure, "", "BFPO numbers are not postcodes"},
		{[]string{"phone", "07700 900123"}, ExitOK, "+447700900123 (07700 900123, Ofcom drama number)", ""},
		{[]string{"phone", "+44", "(0)20", "7946", "0123"}, ExitOK, "+442079460123 (020 7946 0123, Ofcom drama number)", ""},
		{[]string{"phone", "0800 1111"}, ExitOK, "+448001111 (0800 1111)", ""},
		{[]string{"phone", "+33 1 23 45 67 89"}, ExitFailure, "", "not a UK phone number"},
		{[]string{"phone", "07700 9OO123"}, ExitFailure, "", "did you mean the digit 0?"},
		{[]string{}, ExitUsage, "", "usage: clinicdesk check"},
		{[]string{"nhs"}, ExitUsage, "", "usage: clinicdesk check"},
		{[]string{"email", "a@example.org"}, ExitUsage, "", `cannot check "email"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(append([]string{"check"}, tt.args...), Env{Stdout: &out, Stderr: &errb, Now: testclock.Now})
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stdout %q, stderr %q)", code, tt.code, out.String(), errb.String())
			}
			if tt.code == ExitOK {
				if out.String() != tt.stdout+"\n" || errb.Len() != 0 {
					t.Fatalf("stdout %q, stderr %q; want stdout %q", out.String(), errb.String(), tt.stdout+"\n")
				}
				return
			}
			if out.Len() != 0 {
				t.Fatalf("a failed check wrote to stdout: %q", out.String())
			}
			e := errb.String()
			if !strings.HasPrefix(e, "clinicdesk check: ") || strings.Count(e, "\n") != 1 || !strings.Contains(e, tt.stderr) {
				t.Fatalf("stderr %q; want one line containing %q", e, tt.stderr)
			}
		})
	}
}
